from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "coplan.notifications"
    label = "notifications"
    verbose_name = "Telling people at each handover"

    def ready(self) -> None:
        from coplan.notifications.contributions import register

        register()
