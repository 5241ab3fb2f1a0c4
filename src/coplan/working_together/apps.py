from django.apps import AppConfig


class WorkingTogetherConfig(AppConfig):
    name = "coplan.working_together"
    label = "working_together"
    verbose_name = "Working together: agreements, car park, actions, shared definitions, sessions"

    def ready(self) -> None:
        from coplan.working_together.contributions import register

        register()
