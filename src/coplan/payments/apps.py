from django.apps import AppConfig


class PaymentsConfig(AppConfig):
    name = "coplan.payments"
    label = "payments"
    verbose_name = "Paying people"

    def ready(self) -> None:
        from coplan.notifications.kinds import kinds_register
        from coplan.payments.telling import KINDS

        kinds_register(KINDS)
