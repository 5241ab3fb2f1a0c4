"""Two-step sign-in: a password, then a 6-figure code from an app on the person's phone
(time-based codes, django-otp's TOTP device), or one of ten recovery codes (django-otp's
static device; each works once). See decision 0014.

Who must use it is asked of the apps (`registries.TWO_STEP_REASONS`): organisation admins,
finance, and the staff of an organisation whose admin asks for it all; the Django admin's
staff too. Anyone else may turn it on for themselves on "Your account".
`TWO_STEP_REQUIRED=false` lifts the requirement (the demo on a developer's machine).
"""

import base64
import io

import segno
from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from markupsafe import Markup

from coplan.accounts.registries import TWO_STEP_REASONS

APP_DEVICE = "Authenticator app"
RECOVERY_DEVICE = "Recovery codes"
RECOVERY_CODES = 10


def reasons_required(user: AbstractBaseUser) -> list[str]:
    """Why this person must use two-step sign-in ([] if they need not)."""
    if not settings.TWO_STEP_REQUIRED:
        return []
    reasons = ["You can use the admin pages"] if user.is_staff or user.is_superuser else []
    for reason in TWO_STEP_REASONS:
        found = reason(user)
        if found:
            reasons.append(found)
    return reasons


def app_device(user: AbstractBaseUser) -> TOTPDevice | None:
    """Their authenticator app, once they have proved it works."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def app_device_to_set_up(user: AbstractBaseUser) -> TOTPDevice:
    """A new key for their app, not in use until they enter a code from it. Setting up
    again replaces one not yet confirmed."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name=APP_DEVICE, confirmed=False)


def key_words(device: TOTPDevice) -> str:
    """The key to type into an app by hand, in groups of four."""
    key = base64.b32encode(device.bin_key).decode()
    return " ".join(key[n : n + 4] for n in range(0, len(key), 4))


def qr_svg(device: TOTPDevice) -> Markup:
    """The key as a QR code for the app to scan, as inline SVG with its text alternative."""
    out = io.BytesIO()
    segno.make(device.config_url, error="m").save(
        out, kind="svg", scale=5, border=2, xmldecl=False, svgns=True, title=None, desc=None
    )
    svg = (
        out.getvalue()
        .decode()
        .replace("<svg ", '<svg role="img" aria-label="QR code of the key for your app" ', 1)
    )
    return Markup(svg)  # noqa: S704 - made here by segno from our own key, no user text  # nosec B704


@transaction.atomic
def app_device_confirm(device: TOTPDevice, code: str) -> list[str] | None:
    """If the code is right, the app is in use (replacing any earlier one) and there are
    ten new recovery codes, returned to show once; None if the code is wrong."""
    if not device.verify_token(code.replace(" ", "")):
        return None
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return recovery_codes_new(device.user)


@transaction.atomic
def recovery_codes_new(user: AbstractBaseUser) -> list[str]:
    """Ten new recovery codes, each working once; earlier ones stop working."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY_DEVICE, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
    return codes


def recovery_codes_left(user: AbstractBaseUser) -> int:
    return StaticToken.objects.filter(device__user=user).count()


def code_check(user: AbstractBaseUser, code: str):
    """The device a code came from, if it is right: the app's 6 figures, or a recovery
    code (used up). Wrong codes slow down the next tries (django-otp's throttling)."""
    code = code.replace(" ", "").replace("-", "").lower()
    app = app_device(user)
    if code.isdigit() and app is not None:
        return app if app.verify_token(code) else None
    for device in StaticDevice.objects.filter(user=user, confirmed=True):
        if device.verify_token(code):
            return device
    return None


def too_many_wrong(user: AbstractBaseUser) -> bool:
    """Whether the app refuses codes for now after wrong ones."""
    app = app_device(user)
    return app is not None and not app.verify_is_allowed()[0]


def turn_off(user: AbstractBaseUser) -> None:
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
