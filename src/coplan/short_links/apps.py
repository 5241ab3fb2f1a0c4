from django.apps import AppConfig


class ShortLinksConfig(AppConfig):
    name = "coplan.short_links"
    label = "short_links"
    verbose_name = "Short links for print"
