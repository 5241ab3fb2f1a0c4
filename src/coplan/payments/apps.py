from django.apps import AppConfig


class PaymentsConfig(AppConfig):
    name = "coplan.payments"
    label = "payments"
    verbose_name = "Paying people"

    def ready(self) -> None:
        from coplan.payments.contributions import register

        register()
