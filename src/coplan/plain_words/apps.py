from django.apps import AppConfig


class PlainWordsConfig(AppConfig):
    name = "coplan.plain_words"
    label = "plain_words"
    verbose_name = "Plain words"
