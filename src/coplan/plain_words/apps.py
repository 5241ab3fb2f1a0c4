from django.apps import AppConfig


class PlainWordsConfig(AppConfig):
    name = "coplan.plain_words"
    label = "plain_words"
    verbose_name = "Plain words"

    def ready(self) -> None:
        from coplan.core.jinja2 import template_global_register
        from coplan.plain_words.easy_read import easy_read_lines, easy_read_words
        from coplan.plain_words.pictures import picture_about, picture_for
        from coplan.plain_words.presenters import picture_src

        # The Easy Read layer of participants' pages (plain_words/_easy_read_page.html).
        template_global_register("easy_read_lines", easy_read_lines)
        template_global_register("easy_read_words", easy_read_words)
        template_global_register("picture_for", picture_for)
        template_global_register("picture_about", picture_about)
        template_global_register("picture_src", picture_src)
