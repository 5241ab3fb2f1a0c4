from django.apps import AppConfig


class FeedbackConfig(AppConfig):
    name = "coplan.feedback"
    label = "feedback"
    verbose_name = "Feedback: forms, the closed box, you said we did, self-reflection"

    def ready(self) -> None:
        from coplan.feedback.contributions import register

        register()
