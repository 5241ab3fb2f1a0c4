from django.apps import AppConfig


class OrganisationsConfig(AppConfig):
    name = "coplan.organisations"
    label = "organisations"
    verbose_name = "Organisations"

    def ready(self) -> None:
        from coplan.organisations.contributions import register

        register()
