from django.apps import AppConfig


class PlanningConfig(AppConfig):
    name = "coplan.planning"
    label = "planning"
    verbose_name = "Sign-offs, timeline, budget and barriers"

    def ready(self) -> None:
        from coplan.planning.contributions import register

        register()
