"""What other apps add to "Your account" (see `coplan.core.registry`): accounts
imports no other app, so an app with something a person keeps about themselves
registers a function that gives its links for this person, each as (words, address)."""

from collections.abc import Callable

from django.contrib.auth.models import AbstractBaseUser

from coplan.core.registry import Registry

AccountLinks = Callable[[AbstractBaseUser], list[tuple[str, str]]]

ACCOUNT_LINKS: Registry[AccountLinks] = Registry("links on your account")


def account_links(user: AbstractBaseUser) -> list[tuple[str, str]]:
    return [link for links in ACCOUNT_LINKS for link in links(user)]


# Who must use two-step sign-in: each app that gives someone a role where it matters
# registers a function that says why this person must (or "" if it gives no reason).
TwoStepReason = Callable[[AbstractBaseUser], str]

TWO_STEP_REASONS: Registry[TwoStepReason] = Registry("reasons to use two-step sign-in")
