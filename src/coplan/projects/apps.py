from django.apps import AppConfig


class ProjectsConfig(AppConfig):
    name = "coplan.projects"
    label = "projects"
    verbose_name = "Projects"

    def ready(self) -> None:
        from coplan.projects.contributions import register

        register()
