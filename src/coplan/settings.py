"""Settings for coplan, read from the environment.

Local use needs nothing set: SQLite in ./data, a secret key generated once into
./data, debug off. Production sets COPLAN_ENV=production, SECRET_KEY,
DATABASE_URL and ALLOWED_HOSTS.
"""

import base64
import datetime
import importlib.util
import os
import secrets
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent
PROJECT_ROOT = BASE_DIR.parent.parent
DATA_DIR = Path(os.environ.get("COPLAN_DATA_DIR", PROJECT_ROOT / "data"))
DATA_DIR.mkdir(parents=True, exist_ok=True)

PRODUCTION = os.environ.get("COPLAN_ENV", "local") == "production"


def _env_flag(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def _local_secret_key() -> str:
    key_file = DATA_DIR / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


if PRODUCTION:
    SECRET_KEY = os.environ["SECRET_KEY"]
else:
    SECRET_KEY = os.environ.get("SECRET_KEY") or _local_secret_key()


# Keys that encrypt special category data (access needs, equality monitoring).
# PEOPLE_DATA_KEYS is a comma-separated list of Fernet keys, newest first: new
# data is encrypted with the first, any of them can decrypt, and
# `manage.py people_rotate_keys` re-encrypts everything with the first.
# Production must set it (every app server needs the same keys); locally a key
# is generated once into the data folder.
def _local_people_data_key() -> str:
    key_file = DATA_DIR / "people_data_key"
    if not key_file.exists():
        key_file.write_text(base64.urlsafe_b64encode(secrets.token_bytes(32)).decode())
        key_file.chmod(0o600)
    return key_file.read_text().strip()


PEOPLE_DATA_KEYS = [
    key.strip() for key in os.environ.get("PEOPLE_DATA_KEYS", "").split(",") if key.strip()
]
if not PEOPLE_DATA_KEYS and not PRODUCTION:
    PEOPLE_DATA_KEYS = [_local_people_data_key()]

DEBUG = _env_flag("DEBUG")
ALLOWED_HOSTS = [
    host.strip()
    for host in os.environ.get("ALLOWED_HOSTS", "" if PRODUCTION else "127.0.0.1,localhost").split(
        ","
    )
    if host.strip()
]
CSRF_TRUSTED_ORIGINS = [
    origin.strip()
    for origin in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",")
    if origin.strip()
]
CSRF_FAILURE_VIEW = "coplan.core.views.csrf_failure"
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "coplan.accounts",
    "coplan.organisations",
    "coplan.projects",
    "coplan.guides",
    "coplan.plain_words",
    "coplan.planning",
    "coplan.people",
    "coplan.notifications",
    "coplan.meetings",
    "coplan.meeting_invitations",
    "coplan.working_together",
    "coplan.feedback",
    "coplan.payments",
    "coplan.short_links",
    "coplan.api",
    "coplan.webhooks",
    "coplan.core",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_tasks",
    "django_tasks_db",
]

# django-ninja's interactive API docs (its templates and static files) without making it
# an installed app: an app is imported when every worker starts, and ninja brings
# pydantic, 10 MB a worker that only requests to the API need (coplan.api.urlconf).
NINJA_FILES = Path(importlib.util.find_spec("ninja").origin).parent

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "coplan.api.middleware.RequestIdMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "coplan.core.middleware.PrivateResponsesMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "coplan.core.middleware.HttpMethodsMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "coplan.accounts.middleware.SecondStepNowNeededMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "coplan.people.middleware.UnreadableDataMiddleware",
]
# `make bench` reads each request's queries, rows, CPU time and the worker's peak memory
# from response headers (coplan.core.measuring); never on for real use.
MEASURE_REQUESTS = _env_flag("COPLAN_MEASURE", False)
if MEASURE_REQUESTS:
    MIDDLEWARE.insert(0, "coplan.core.measuring.MeasuringMiddleware")

ROOT_URLCONF = "coplan.urls"
WSGI_APPLICATION = "coplan.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [BASE_DIR / "core" / "jinja2"],
        "APP_DIRS": True,
        "OPTIONS": {"environment": "coplan.core.jinja2.environment"},
    },
    {
        # Only the Django admin and the API's docs use Django templates.
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [NINJA_FILES / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DEFAULT_SQLITE_PATH = DATA_DIR / "coplan.sqlite3"


def sqlite_database(path: Path) -> dict:
    """SQLite as coplan uses it.

    WAL lets readers work while one writer writes; synchronous=FULL makes a
    committed write survive a power cut; IMMEDIATE transactions and the busy
    timeout make concurrent writers wait their turn instead of failing.
    """
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(path),
        "CONN_MAX_AGE": 0,
        "OPTIONS": {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;",
        },
        # One test database per test process, so parallel runs never share a file.
        "TEST": {"NAME": str(path.with_name(f"test-{os.getpid()}-{path.name}"))},
    }


if os.environ.get("DATABASE_URL"):
    DATABASES = {
        "default": dj_database_url.parse(
            os.environ["DATABASE_URL"],
            conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
            conn_health_checks=True,
        )
    }
    if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
        DATABASES["default"] = sqlite_database(Path(DATABASES["default"]["NAME"]))
    elif os.environ.get("COPLAN_PG_RANDOM_PAGE_COST", "1.1"):
        # PostgreSQL's planner assumes by default that reading a page at random costs 4
        # times reading the next one, as on spinning disks; on SSDs and in the cloud it is
        # about the same. With 4 it reads all 20,000 people to find the 230 invited to the
        # meetings on one page (14 ms, not 0.5). Set the variable empty to keep the
        # server's own setting. docs/performance.md.
        page_cost = float(os.environ.get("COPLAN_PG_RANDOM_PAGE_COST", "1.1"))
        DATABASES["default"].setdefault("OPTIONS", {})["options"] = (
            f"-c random_page_cost={page_cost}"
        )
else:
    DATABASES = {"default": sqlite_database(DEFAULT_SQLITE_PATH)}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:sign_in"
LOGIN_REDIRECT_URL = "projects:list"
LOGOUT_REDIRECT_URL = "accounts:sign_in"

PASSWORD_HASHERS = [
    # Argon2, one hash at a time in each process: each takes 100 MiB for a moment.
    "coplan.accounts.hashers.OneAtATimeArgon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Lock-out after repeated failed sign-ins (coplan.accounts.lockout, decision 0014): for
# one account from one address, one account from anywhere, and one address for any account.
SIGN_IN_MAX_FAILURES = int(os.environ.get("SIGN_IN_MAX_FAILURES", "5"))
SIGN_IN_MAX_FAILURES_PER_ACCOUNT = int(os.environ.get("SIGN_IN_MAX_FAILURES_PER_ACCOUNT", "10"))
SIGN_IN_MAX_FAILURES_PER_ADDRESS = int(os.environ.get("SIGN_IN_MAX_FAILURES_PER_ADDRESS", "30"))
SIGN_IN_LOCKOUT_MINUTES = int(os.environ.get("SIGN_IN_LOCKOUT_MINUTES", "15"))
# How many proxies in front of coplan add to X-Forwarded-For (0: none, use the connection).
SIGN_IN_PROXY_COUNT = int(os.environ.get("SIGN_IN_PROXY_COUNT", "0"))

# Two-step sign-in (coplan.accounts.two_step): required for organisation admins, finance,
# the admin's staff and the staff of organisations that ask for it, unless set false (the
# demo on a developer's machine, `make run`).
TWO_STEP_REQUIRED = _env_flag("TWO_STEP_REQUIRED", default=True)
OTP_TOTP_ISSUER = "Co-production Planner"

# django-axes keeps the failed tries and checks every authenticate() call, the admin's too.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_HANDLER = "coplan.accounts.lockout.SignInLockoutHandler"
AXES_FAILURE_LIMIT = SIGN_IN_MAX_FAILURES
AXES_COOLOFF_TIME = datetime.timedelta(minutes=SIGN_IN_LOCKOUT_MINUTES)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_CALLABLE = "coplan.accounts.lockout.account_of"
AXES_CLIENT_IP_CALLABLE = "coplan.accounts.lockout.address_of"
AXES_RESET_ON_SUCCESS = True
AXES_DISABLE_ACCESS_LOG = True  # keep failures only: successful sign-ins are not stored
# Nor a log of each failure: the counts in AccessAttempt are all the limits need, and
# they are forgotten after the window (coplan.accounts.tasks.sign_in_tidy_task).
AXES_ENABLE_ACCESS_FAILURE_LOG = False
AXES_ENABLE_ADMIN = False
AXES_VERBOSE = False
# The sign-in form says an account is locked, with when it may try again, on the try after
# the limit; axes' middleware, which would replace the page, is not needed for that.
SILENCED_SYSTEM_CHECKS = ["axes.W002"]
INVITATION_VALID_DAYS = 14
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
# Where `collectstatic` puts the files the app serves (tests collect into their own folder).
STATIC_ROOT = Path(
    os.environ.get("COPLAN_STATIC_ROOT", PROJECT_ROOT / "build" / "collected-static")
)
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
STATICFILES_DIRS = [PROJECT_ROOT / "build" / "static", NINJA_FILES / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = not PRODUCTION

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "coplan.core.mail.ConsoleAndFolderBackend")
EMAIL_FILE_PATH = DATA_DIR / "mail"
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "Co-production Planner <noreply@localhost>"
)
if os.environ.get("EMAIL_HOST"):
    EMAIL_HOST = os.environ["EMAIL_HOST"]
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = _env_flag("EMAIL_USE_TLS", True)

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# The whole plan of a project this large (people taking part, meetings, and people
# invited to them, counted together) is made as a PDF or Word file by the background
# worker, with its progress shown; a smaller one downloads straight away.
PLAN_IN_BACKGROUND_FROM = int(os.environ.get("PLAN_IN_BACKGROUND_FROM", "500"))
# How long a plan made in the background is kept for downloading.
PLAN_DOWNLOAD_KEPT_HOURS = int(os.environ.get("PLAN_DOWNLOAD_KEPT_HOURS", "24"))

# Webhooks (coplan.webhooks): an address must start with https:// except in DEBUG (or when
# this is set, as the tests do to send to a receiver on this machine). It must lead to the
# internet, not this machine or a private network (checked again, name looked up, each time
# it is sent), except in DEBUG or when WEBHOOKS_PRIVATE_ALLOWED is set (receivers inside the
# organisation's own network). WEBHOOKS_PROXY: send through this outbound proxy
# (http://host:port), which then looks names up and must refuse private networks itself.
# Each try waits WEBHOOKS_TIMEOUT_SECONDS for the receiver's answer.
WEBHOOKS_HTTP_ALLOWED = DEBUG or _env_flag("WEBHOOKS_HTTP_ALLOWED")
WEBHOOKS_PRIVATE_ALLOWED = DEBUG or _env_flag("WEBHOOKS_PRIVATE_ALLOWED")
WEBHOOKS_PROXY = os.environ.get("WEBHOOKS_PROXY", "")
WEBHOOKS_TIMEOUT_SECONDS = int(os.environ.get("WEBHOOKS_TIMEOUT_SECONDS", "5"))
# How long a delivered (or given up) event stays in a webhook's delivery log.
WEBHOOKS_LOG_KEPT_DAYS = int(os.environ.get("WEBHOOKS_LOG_KEPT_DAYS", "90"))

# GOV.UK Notify, for texts and letters: each organisation sets its own API key (kept
# encrypted in the database). The address is only changed to test against a stand-in.
NOTIFY_BASE_URL = os.environ.get("NOTIFY_BASE_URL", "https://api.notifications.service.gov.uk")
NOTIFY_TIMEOUT_SECONDS = int(os.environ.get("NOTIFY_TIMEOUT_SECONDS", "10"))

# Files people upload that must never be public (receipts for expense claims): kept
# encrypted in the storage named "private" (coplan/core/private_files.py), served only
# through views that check who may see them. By default a folder on this machine that all
# its servers share; COPLAN_PRIVATE_STORAGE=s3 keeps them in an S3-compatible bucket that
# servers on several machines share (README, "Private files").
PRIVATE_MEDIA_ROOT = Path(os.environ.get("COPLAN_PRIVATE_MEDIA", DATA_DIR / "private"))


def _private_storage() -> dict:
    kind = os.environ.get("COPLAN_PRIVATE_STORAGE", "folder").strip().lower()
    if kind == "folder":
        return {"BACKEND": "coplan.core.private_files.DurableFolderStorage"}
    if kind != "s3":
        raise ImproperlyConfigured(f"COPLAN_PRIVATE_STORAGE must be 'folder' or 's3', not {kind!r}")
    if not os.environ.get("COPLAN_S3_BUCKET"):
        raise ImproperlyConfigured("COPLAN_PRIVATE_STORAGE=s3 needs COPLAN_S3_BUCKET")
    options = {
        "bucket_name": os.environ["COPLAN_S3_BUCKET"],
        "location": os.environ.get("COPLAN_S3_PREFIX", "private"),
        "default_acl": "private",
        "file_overwrite": True,
        "querystring_auth": True,
        "signature_version": "s3v4",
    }
    for variable, option in (
        ("COPLAN_S3_ENDPOINT_URL", "endpoint_url"),
        ("COPLAN_S3_REGION", "region_name"),
        ("COPLAN_S3_ACCESS_KEY_ID", "access_key"),
        ("COPLAN_S3_SECRET_ACCESS_KEY", "secret_key"),
        ("COPLAN_S3_ADDRESSING_STYLE", "addressing_style"),
    ):
        if os.environ.get(variable):
            options[option] = os.environ[variable]
    return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}


STORAGES["private"] = _private_storage()
EASY_READ_PICTURE_MAX_BYTES = int(os.environ.get("EASY_READ_PICTURE_MAX_BYTES", str(1024 * 1024)))
PAYMENTS_RECEIPT_MAX_BYTES = int(
    os.environ.get("PAYMENTS_RECEIPT_MAX_BYTES", str(10 * 1024 * 1024))
)

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = _env_flag("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = _env_flag("SECURE_HSTS_PRELOAD", True)
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

# The HTTP API (coplan.api, decision 0017): requests a token may make each minute.
API_RATE_LIMIT_PER_MINUTE = int(os.environ.get("API_RATE_LIMIT_PER_MINUTE", "120"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        # WeasyPrint says each step of every PDF at INFO; its errors (a picture it could
        # not read) and warnings still show.
        "weasyprint.progress": {"level": "WARNING"},
    },
}
