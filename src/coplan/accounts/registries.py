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
