from django.contrib.auth.base_user import AbstractBaseUser

from coplan.accounts.models import SignInAttempt, User, normalise_email


def sign_in_attempt_record(*, email: str, succeeded: bool) -> None:
    SignInAttempt.objects.create(email=normalise_email(email)[:254], succeeded=succeeded)


def user_create(*, email: str, full_name: str, password: str | None) -> User:
    return User.objects.create_user(email=email, password=password, full_name=full_name.strip())


def user_update_details(*, user: AbstractBaseUser, full_name: str) -> None:
    user.full_name = full_name.strip()
    user.save(update_fields=["full_name"])
