from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.utils import timezone


def normalise_email(email: str) -> str:
    return email.strip().lower()


class UserManager(BaseUserManager):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **fields) -> "User":
        user = self.model(email=normalise_email(email), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **fields) -> "User":
        fields.update(is_staff=True, is_superuser=True)
        return self.create_user(email, password, **fields)

    def get_by_natural_key(self, username: str) -> "User":
        return self.get(email=normalise_email(username))


class User(AbstractBaseUser, PermissionsMixin):
    """Someone who signs in. Email is their username."""

    email = models.EmailField("email address", max_length=254, unique=True)
    full_name = models.CharField("full name", max_length=150)
    is_active = models.BooleanField(default=True)
    is_staff = models.BooleanField("can use the admin site", default=False)
    date_joined = models.DateTimeField(default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        ordering = ["full_name", "email"]

    def __str__(self) -> str:
        return self.full_name or self.email

    def clean(self) -> None:
        super().clean()
        self.email = normalise_email(self.email)


class SignInTurn(models.Model):
    """One row for each account and each address that has tried to sign in: a try
    holds its row locked while its password is checked, so tries at once for the
    same account or from the same address are taken one after another and the
    lock-out counts every one of them (coplan.accounts.lockout). Rows older than the
    lock-out window are removed each day (`accounts.tasks.sign_in_tidy_task`); the next
    try makes its row again."""

    key = models.CharField(max_length=300, unique=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    def __str__(self) -> str:
        return self.key
