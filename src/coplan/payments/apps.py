from django.apps import AppConfig


class PaymentsConfig(AppConfig):
    name = "coplan.payments"
    label = "payments"
    verbose_name = "Paying people"
