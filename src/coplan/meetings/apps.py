from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "coplan.meetings"
    label = "meetings"
    verbose_name = "Meetings and workshops"

    def ready(self) -> None:
        from coplan.meetings.contributions import register

        register()
