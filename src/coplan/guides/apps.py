from django.apps import AppConfig


class GuidesConfig(AppConfig):
    name = "coplan.guides"
    label = "guides"
    verbose_name = "Guides"

    def ready(self) -> None:
        from coplan.guides.contributions import register

        register()
