from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "coplan.api"
    label = "api"
    verbose_name = "HTTP API"

    def ready(self) -> None:
        from coplan.api.contributions import register

        register()
