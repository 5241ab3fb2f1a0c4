from django.apps import AppConfig


class WebhooksConfig(AppConfig):
    name = "coplan.webhooks"
    label = "webhooks"
    verbose_name = "Webhooks: telling an organisation's own systems what happened"

    def ready(self) -> None:
        from coplan.webhooks.contributions import register

        register()
