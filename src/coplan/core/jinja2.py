"""The Jinja2 environment every page is rendered with."""

from typing import Any

from django.contrib.messages import get_messages
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from jinja2 import ChoiceLoader, Environment, PackageLoader, PrefixLoader, select_autoescape

from coplan.core import formats
from coplan.core.govuk_forms import error_summary_params, field_params

# Functions other apps give every template (for example the project's menu), registered
# from their `contributions.py` before the first page is drawn.
TEMPLATE_GLOBALS: dict[str, Any] = {}


def template_global_register(name: str, function: Any) -> None:
    TEMPLATE_GLOBALS[name] = function


def url(name: str, *args: Any, **kwargs: Any) -> str:
    return reverse(name, args=args or None, kwargs=kwargs or None)


def environment(**options: Any) -> Environment:
    app_loader = options.pop("loader", None)
    govuk_loader = PrefixLoader({"govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja")})
    options["loader"] = ChoiceLoader([loader for loader in (app_loader, govuk_loader) if loader])
    # Plain-text emails (.txt) are not HTML, so are not escaped; everything else is.
    options["autoescape"] = select_autoescape(
        enabled_extensions=("html", "xml"), disabled_extensions=("txt",), default=True
    )
    options["extensions"] = [*options.get("extensions", []), "jinja2.ext.do"]
    env = Environment(**options)  # noqa: S701 - autoescape is set above  # nosec B701
    env.globals.update(
        url=url,
        static=static,
        get_messages=get_messages,
        field_params=field_params,
        error_summary_params=error_summary_params,
        now=timezone.now,
        service_name="Co-production Planner",
        **TEMPLATE_GLOBALS,
    )
    env.filters.update(
        long_date=formats.long_date,
        day_and_date=formats.day_and_date,
        date_time=formats.date_time,
        paragraphs=formats.paragraphs,
    )
    return env
