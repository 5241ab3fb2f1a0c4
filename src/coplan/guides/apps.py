from django.apps import AppConfig


class GuidesConfig(AppConfig):
    name = "coplan.guides"
    label = "guides"
    verbose_name = "Guides"

    def ready(self) -> None:
        from coplan.guides.telling import KINDS
        from coplan.notifications.kinds import kinds_register

        kinds_register(KINDS)
