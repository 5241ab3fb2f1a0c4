from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "coplan.people"
    label = "people"
    verbose_name = "People"

    def ready(self) -> None:
        from coplan.people import checks  # noqa: F401  (registers the deploy check)
        from coplan.people.contributions import register

        register()
