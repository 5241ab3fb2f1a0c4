"""`manage.py check --deploy` says when the keys for people's data are missing or
malformed, before the first page that needs them answers with an error."""

from django.conf import settings
from django.core.checks import Error, Tags, register
from django.core.exceptions import ImproperlyConfigured

from coplan.people import crypto


@register(Tags.security, deploy=True)
def people_data_keys_check(app_configs, **kwargs) -> list[Error]:
    keys = tuple(settings.PEOPLE_DATA_KEYS)
    try:
        crypto._multi_fernet(keys)
    except ImproperlyConfigured as error:
        return [
            Error(
                str(error),
                hint=(
                    "Make a key with `coplan manage people_rotate_keys --new-key` and set "
                    "PEOPLE_DATA_KEYS to it on every app server."
                ),
                id="coplan.people.E001",
            )
        ]
    return []
