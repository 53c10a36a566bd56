"""Django settings. The database comes from ``AQYL_DATABASE_URL`` (``sqlite:///path`` or
``postgresql://user:pass@host:port/name``); without it, a SQLite file in the per-user data folder
(``AQYL_DATA_DIR`` overrides the folder)."""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from urllib.parse import urlsplit

from aqyl import config
from aqyl.config import data_dir


def _secret_key() -> str:
    if key := os.environ.get("AQYL_SECRET_KEY"):
        return key
    # One random key per installation, kept beside the default database.
    path = data_dir() / "secret-key"
    if path.exists() and (key := path.read_text().strip()):
        return key
    # Written whole or not at all (temporary file, then rename): a full disk on first use must
    # not leave an empty key behind; an empty one (from an older version) is replaced.
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f"secret-key.{os.getpid()}.partial")
    try:
        handle = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(handle, "w") as f:
            f.write(secrets.token_urlsafe(50))
            f.flush()
            os.fsync(f.fileno())
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    return path.read_text().strip()


BASE_DIR = Path(__file__).resolve().parent.parent
SECRET_KEY = _secret_key()
DEBUG = os.environ.get("AQYL_DEBUG", "") == "1"
ALLOWED_HOSTS = [h for h in os.environ.get("AQYL_ALLOWED_HOSTS", "localhost,127.0.0.1").split(",") if h]

# --- a public deployment ----------------------------------------------------------------------
# One variable, the address people type, sets everything Django needs behind a TLS reverse proxy.
PUBLIC_URL = config.public_url()
if PUBLIC_URL:
    _public = urlsplit(PUBLIC_URL)
    ALLOWED_HOSTS = [_public.hostname, *(h for h in os.environ.get("AQYL_ALLOWED_HOSTS", "").split(",") if h)]
    CSRF_TRUSTED_ORIGINS = [f"{_public.scheme}://{_public.netloc}"]
    if _public.scheme == "https":
        # The proxy ends TLS and says so in X-Forwarded-Proto (it must overwrite a client's own).
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
        SECURE_SSL_REDIRECT = True
        SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # a load balancer may ask gunicorn directly
        SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = True
        SECURE_HSTS_SECONDS = int(os.environ.get("AQYL_HSTS_SECONDS", str(365 * 24 * 3600)))
        SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HSTS_PRELOAD = True
# Addresses of reverse proxies whose X-Forwarded-For is believed (comma-separated); without it the
# connection's own address is the client's, so nobody can forge one to dodge the login limits.
TRUSTED_PROXIES = [a.strip() for a in os.environ.get("AQYL_TRUSTED_PROXIES", "").split(",") if a.strip()]
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Scripts only from the application's own static files (no inline script, no CDN). Styles allow
# inline because ECharts writes style attributes into its tooltips and Django's admin uses some.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors 'none'"
)
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_tasks",
    "django_tasks_db",
    "aqyl.store",
    "aqyl.web",
]
MIDDLEWARE = [
    "aqyl.web.middleware.ClientAddress",
    "aqyl.web.middleware.RequestId",
    "django.middleware.security.SecurityMiddleware",
    "aqyl.web.middleware.SecurityHeaders",
    # Static files come from the installed package itself: no CDN, no collectstatic step needed.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "aqyl.web.middleware.NoNulCharacters",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "aqyl.web.middleware.InterfaceLanguage",
    "aqyl.web.middleware.LongAddresses",
    "aqyl.web.audit.RequestUser",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "aqyl.web.middleware.SecondFactor",
    "aqyl.web.middleware.DatabaseFaults",
    # Last, as its documentation asks: it answers a locked-out login attempt.
    "axes.middleware.AxesMiddleware",
]
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
# Login rate limiting: five failures lock the user name from that address for 15 minutes, and
# AQYL_ADDRESS_FAILURES (many people may share an address) lock the address for every user name.
AXES_FAILURE_LIMIT = int(os.environ.get("AQYL_LOGIN_FAILURES", "5"))
AQYL_ADDRESS_FAILURES = int(os.environ.get("AQYL_ADDRESS_FAILURES", "30"))
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_HANDLER = "aqyl.web.ratelimit.AddressLimitHandler"
AXES_IPWARE_META_PRECEDENCE_ORDER = ("REMOTE_ADDR",)  # set from a trusted proxy by ClientAddress
AXES_LOCKOUT_CALLABLE = "aqyl.web.ratelimit.lockout_response"
AXES_VERBOSE = False
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "dashboard"
LOGOUT_REDIRECT_URL = "login"
# Uploads: refused above this size with a message, never read into memory whole.
AQYL_MAX_UPLOAD_BYTES = config.max_upload_bytes()
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_FAILURE_VIEW = "aqyl.web.views.errors.csrf_failure"
# API tokens are refused (and deleted) this many days after they were issued.
AQYL_TOKEN_DAYS = int(os.environ.get("AQYL_TOKEN_DAYS", "30"))
# Uploads checked but never stored are deleted after this many hours.
AQYL_UPLOAD_RETENTION_HOURS = config.upload_retention_hours()
# Second factor (TOTP): anyone may turn it on; administrators must when this is 1.
AQYL_REQUIRE_2FA_FOR_ADMINS = os.environ.get("AQYL_REQUIRE_2FA_FOR_ADMINS", "") == "1"
OTP_TOTP_ISSUER = "Aqyl"

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "aqyl.web.tokens.ExpiringTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.LimitOffsetPagination",
    "PAGE_SIZE": 100,
    # One error envelope for every API error, in the caller's language (aqyl.web.api.errors).
    "EXCEPTION_HANDLER": "aqyl.web.api.errors.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Aqyl API",
    "DESCRIPTION": "Academic mobility register: records, submissions, aggregates and reports, within the caller's rights.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "POSTPROCESSING_HOOKS": ["drf_spectacular.hooks.postprocess_schema_enums", "aqyl.web.api.errors.document_errors"],
}
# Long work (gravity fits, batches of forecasts, large flows files) goes to a queue in the
# database itself; `aqyl worker` runs it, on SQLite or PostgreSQL alike, with no other server.
TASKS = {"default": {"BACKEND": os.environ.get("AQYL_TASKS_BACKEND") or "django_tasks_db.DatabaseBackend"}}
ROOT_URLCONF = "aqyl.web.urls"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ]
        },
    }
]
WSGI_APPLICATION = "aqyl.web.wsgi.application"

_db = config.database()  # refuses a malformed address, listing the accepted forms
DATABASES = {"default": _db}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# One cache for every worker (report models, person indicators, notes), keyed by the register's state.
CACHES = {"default": config.cache()}

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 8}},
]

LANGUAGE_CODE = "kk"
LANGUAGES = [("kk", "Қазақша"), ("ru", "Русский"), ("en", "English")]
USE_I18N = True
TIME_ZONE = "Asia/Almaty"
USE_TZ = True

MEDIA_ROOT = data_dir() / "media"  # uploads being checked; never served directly
STATIC_URL = "static/"
# Static files are served from the package (finders); STATIC_ROOT only for a collectstatic deployment.
STATIC_ROOT = os.environ.get("AQYL_STATIC_ROOT") or None
WHITENOISE_USE_FINDERS = True

# E-mail (reminders, review notices, password reset): the transport from AQYL_EMAIL_URL (aqyl.web.mail).
from aqyl.web.mail import email_settings  # noqa: E402

globals().update(email_settings(os.environ.get("AQYL_EMAIL_URL", ""), data_dir()))
DEFAULT_FROM_EMAIL = os.environ.get("AQYL_EMAIL_FROM") or "aqyl@localhost"
# The application's catalogue first: the admin's Kazakh and Russian where Django's lacks or misreads a string.
LOCALE_PATHS = [BASE_DIR / "web" / "locale"]

# --- logging ----------------------------------------------------------------------------------
# Every unhandled exception (logger django.request) goes to stderr and to a rotating file in the
# data folder, each line with the request id the error page shows.
LOG_DIR = Path(os.environ.get("AQYL_LOG_DIR") or data_dir() / "logs")


def _log_handlers() -> list[str]:
    """stderr, and the log file where the folder can be written (a read-only data folder: commands
    that only read still work, logging to stderr)."""
    try:
        LOG_DIR.mkdir(parents=True, exist_ok=True)
        writable = os.access(LOG_DIR, os.W_OK) and not os.statvfs(LOG_DIR).f_flag & os.ST_RDONLY
    except OSError:
        writable = False
    return ["stderr", "file"] if writable else ["stderr"]


_LOG_HANDLERS = _log_handlers()
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "aqyl.web.middleware.RequestIdFilter"}},
    "formatters": {"line": {"format": "%(asctime)s %(levelname)s [%(request_id)s] %(name)s: %(message)s"}},
    "handlers": {
        "stderr": {"class": "logging.StreamHandler", "filters": ["request_id"], "formatter": "line"},
        "file": {"class": "logging.handlers.RotatingFileHandler", "filename": str(LOG_DIR / "aqyl.log"),
                 "maxBytes": 10 * 1024 * 1024, "backupCount": 10, "encoding": "utf-8", "delay": True,
                 "filters": ["request_id"], "formatter": "line"},
    },
    "loggers": {
        "django": {"handlers": _LOG_HANDLERS, "level": "WARNING", "propagate": False},
        "django.request": {"handlers": _LOG_HANDLERS, "level": "ERROR", "propagate": False},  # not every 404
        "aqyl": {"handlers": _LOG_HANDLERS, "level": "INFO", "propagate": False},
        "axes": {"handlers": _LOG_HANDLERS, "level": "WARNING", "propagate": False},
    },
}
