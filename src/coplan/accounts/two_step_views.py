"""The pages of two-step sign-in (coplan.accounts.two_step): the code after the
password, setting up an app, recovery codes, and the person's own settings."""

import time

import django_otp
from django import forms
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render, resolve_url
from django.views.decorators.http import require_POST

from coplan.accounts import lockout, services, two_step
from coplan.accounts.models import User
from coplan.core.http import posted

PENDING = "two_step_pending"
NEW_CODES = "two_step_new_codes"
AFTER_CODES = "two_step_after_codes"
PENDING_SECONDS = 10 * 60


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Code",
        max_length=20,
        strip=True,
        help_text="The 6 figures your authenticator app shows now, or one of your recovery codes.",
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "text", "spellcheck": "false"}
        ),
        error_messages={"required": "Enter the code from your app, or a recovery code"},
    )


class SetUpForm(forms.Form):
    code = forms.CharField(
        label="Code from your app",
        max_length=10,
        strip=True,
        help_text="After you add the Co-production Planner to the app, it shows 6 figures. "
        "Enter them here.",
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "spellcheck": "false"}
        ),
        error_messages={"required": "Enter the 6 figures from your app"},
    )


def start(request: HttpRequest, user: User, next_page: str | None) -> HttpResponse | None:
    """After the right password: the second step, if this person has or needs one
    (None if they sign in straight away). They are not signed in until it is done."""
    device = two_step.app_device(user)
    if device is None and not two_step.reasons_required(user):
        return None
    request.session[PENDING] = {"user": user.pk, "at": time.time(), "next": next_page or ""}
    return redirect("accounts:two_step_set_up" if device is None else "accounts:two_step_code")


def _pending_user(request: HttpRequest) -> User | None:
    pending = request.session.get(PENDING)
    if not pending or time.time() - pending["at"] > PENDING_SECONDS:
        return None
    return User.objects.filter(pk=pending["user"], is_active=True).first()


def _finish(request: HttpRequest, user: User, device) -> HttpResponse:
    next_page = request.session.pop(PENDING, {}).get("next") or "projects:list"
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    django_otp.login(request, device)
    return redirect(next_page)


def code(request: HttpRequest) -> HttpResponse:
    """The code after the password."""
    user = _pending_user(request)
    if user is None:
        messages.error(request, "Sign in again: it has been more than 10 minutes.")
        return redirect("accounts:sign_in")
    form = CodeForm(posted(request))
    if request.method == "POST" and form.is_valid():
        address = lockout.address_of(request)
        with services.sign_in_turn(account=user.email, address=address):
            if two_step.too_many_wrong(user):
                form.add_error(
                    "code", "You have entered too many wrong codes. Wait a minute, then try again"
                )
            else:
                device = two_step.code_check(user, form.cleaned_data["code"])
                if device is not None:
                    return _finish(request, user, device)
                form.add_error(
                    "code",
                    "The code is not right. Enter the 6 figures your app shows now, or a "
                    "recovery code",
                )
    return render(request, "accounts/two_step_code.html", {"form": form})


def set_up(request: HttpRequest) -> HttpResponse:
    """Add coplan to an authenticator app: scan or type the key, enter a code."""
    pending = _pending_user(request)
    user = pending or (request.user if request.user.is_authenticated else None)
    if user is None:
        return redirect("accounts:sign_in")
    device = two_step.app_device_to_set_up(user)
    form = SetUpForm(posted(request))
    if request.method == "POST" and form.is_valid():
        codes = two_step.app_device_confirm(device, form.cleaned_data["code"])
        if codes is None:
            form.add_error("code", "The code is not right. Enter the 6 figures your app shows now")
        else:
            if pending is not None:
                next_page = request.session.get(PENDING, {}).get("next") or ""
                _finish(request, user, device)
                request.session[AFTER_CODES] = next_page or resolve_url("projects:list")
            else:
                django_otp.login(request, device)  # this session has done the second step
            request.session[NEW_CODES] = codes
            return redirect("accounts:two_step_recovery_codes")
    return render(
        request,
        "accounts/two_step_set_up.html",
        {
            "form": form,
            "qr": two_step.qr_svg(device),
            "key": two_step.key_words(device),
            "reasons": two_step.reasons_required(user),
            "signing_in": pending is not None,
        },
    )


@login_required
def recovery_codes(request: HttpRequest) -> HttpResponse:
    """New recovery codes, shown once."""
    codes = request.session.pop(NEW_CODES, None)
    if not codes:
        return redirect("accounts:two_step")
    next_page = request.session.pop(AFTER_CODES, "")
    return render(
        request, "accounts/two_step_recovery_codes.html", {"codes": codes, "next": next_page}
    )


@login_required
def settings_page(request: HttpRequest) -> HttpResponse:
    """Two-step sign-in on "Your account": on or off, why it is needed, recovery codes."""
    user = request.user
    return render(
        request,
        "accounts/two_step.html",
        {
            "device": two_step.app_device(user),
            "reasons": two_step.reasons_required(user),
            "codes_left": two_step.recovery_codes_left(user),
            "nav_section": "account",
        },
    )


@login_required
@require_POST
def recovery_codes_new(request: HttpRequest) -> HttpResponse:
    if two_step.app_device(request.user) is None:
        return redirect("accounts:two_step")
    request.session[NEW_CODES] = two_step.recovery_codes_new(request.user)
    return redirect("accounts:two_step_recovery_codes")


@login_required
@require_POST
def turn_off(request: HttpRequest) -> HttpResponse:
    if two_step.reasons_required(request.user):
        messages.error(request, "You cannot turn off two-step sign-in: your role needs it.")
    else:
        two_step.turn_off(request.user)
        messages.success(request, "Two-step sign-in is off. You sign in with your password.")
    return redirect("accounts:two_step")
