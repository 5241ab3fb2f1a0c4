from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "coplan.core"
    label = "core"
    verbose_name = "Core"
