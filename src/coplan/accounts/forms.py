from django import forms
from django.contrib.auth import authenticate, password_validation
from django.contrib.auth import forms as auth_forms
from django.http import HttpRequest

from coplan.accounts import lockout, services
from coplan.accounts.models import User, normalise_email
from coplan.core import formats
from coplan.core.text import NoHiddenCharacters, clean_plain_text


def email_field(
    *,
    label: str = "Email address",
    help_text: str = "",
    required_message: str = "Enter your email address",
    autocomplete: str = "email",
) -> forms.EmailField:
    field = forms.EmailField(
        label=label,
        max_length=254,
        help_text=help_text,
        widget=forms.EmailInput(attrs={"autocomplete": autocomplete, "spellcheck": False}),
        error_messages={
            "required": required_message,
            "invalid": "Enter an email address in the correct format, like name@example.com",
            "max_length": "Email address must be 254 characters or fewer",
        },
    )
    # Before the format check, so a pasted address with a hidden character says so.
    field.validators.insert(0, NoHiddenCharacters("Email address"))
    return field


def locked_message(until) -> str:
    return (
        "You have tried to sign in too many times. You can try again after "
        f"{formats.date_time(until)}, or reset your password."
    )


class SignInForm(forms.Form):
    email = email_field()
    password = forms.CharField(
        label="Password",
        strip=False,
        max_length=4096,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": "Enter your password"},
    )

    def __init__(self, *args, request: HttpRequest | None = None, **kwargs) -> None:
        self.request = request
        self.user = None
        self.locked_until = None
        super().__init__(*args, **kwargs)

    def clean(self) -> dict:
        cleaned = super().clean()
        email, password = cleaned.get("email"), cleaned.get("password")
        if not email or not password:
            return cleaned
        account = lockout.account_of(None, {"email": email})
        address = lockout.address_of(self.request)
        with services.sign_in_turn(account=account, address=address):
            services.sign_in_failures_forget_old()
            self.locked_until = lockout.locked_until(account=account, address=address)
            if self.locked_until is None:
                # django-axes records a failure (and refuses a locked try) in here.
                self.user = authenticate(self.request, email=email, password=password)
        if self.locked_until:
            raise forms.ValidationError(locked_message(self.locked_until), code="locked")
        if self.user is None:
            raise forms.ValidationError(
                "The email address or password is not right. Check them and try again.",
                code="invalid_login",
            )
        return cleaned


class PasswordResetForm(auth_forms.PasswordResetForm):
    email = email_field(help_text="We will send a link to reset your password to this address.")

    def get_users(self, email: str):
        """Active people with this email, including staff added without a password yet."""
        return User.objects.filter(email=normalise_email(email), is_active=True)


class NewPasswordMixin:
    """Two password boxes with plain-words labels and messages."""

    def _relabel(self, first: str, second: str) -> None:
        self.fields[first].label = "New password"
        self.fields[
            first
        ].help_text = "At least 10 characters. Do not use a common password or only numbers."
        self.fields[first].error_messages["required"] = "Enter a new password"
        self.fields[second].label = "Type the new password again"
        self.fields[second].help_text = ""
        self.fields[second].error_messages["required"] = "Type the new password again"
        self.error_messages["password_mismatch"] = "The two passwords do not match"  # noqa: S105


class SetPasswordForm(NewPasswordMixin, auth_forms.SetPasswordForm):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._relabel("new_password1", "new_password2")


def full_name_field(*, label_for_errors: str = "Full name") -> forms.CharField:
    return forms.CharField(
        label="Full name",
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "name", "spellcheck": False}),
        validators=[NoHiddenCharacters(label_for_errors)],
        error_messages={
            "required": "Enter your full name",
            "max_length": "Full name must be 150 characters or fewer",
        },
    )


class AccountDetailsForm(forms.Form):
    full_name = full_name_field()

    def clean_full_name(self) -> str:
        return clean_plain_text(self.cleaned_data["full_name"], field_label="Full name")


class JoinForm(forms.Form):
    """A new person joining by invitation: their name and a password."""

    full_name = full_name_field()
    password = forms.CharField(
        label="Create a password",
        strip=False,
        max_length=4096,
        help_text="At least 10 characters. Do not use a common password or only numbers.",
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        error_messages={"required": "Create a password"},
    )

    def __init__(self, *args, email: str, **kwargs) -> None:
        self.email = email
        super().__init__(*args, **kwargs)

    def clean_full_name(self) -> str:
        return clean_plain_text(self.cleaned_data["full_name"], field_label="Full name")

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        password_validation.validate_password(
            password, User(email=self.email, full_name=self.data.get("full_name", ""))
        )
        return password
