"""Django settings. The database comes from ``AQYL_DATABASE_URL`` (``sqlite:///path`` or
``postgresql://user:pass@host:port/name``); without it, a SQLite file in the per-user data folder
(``AQYL_DATA_DIR`` overrides the folder)."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import dj_database_url
from platformdirs import user_data_dir


def data_dir() -> Path:
    return Path(os.environ.get("AQYL_DATA_DIR") or user_data_dir("aqyl", appauthor=False))


def database_url() -> str:
    return os.environ.get("AQYL_DATABASE_URL") or f"sqlite:///{data_dir() / 'aqyl.sqlite3'}"


def _secret_key() -> str:
    if key := os.environ.get("AQYL_SECRET_KEY"):
        return key
    # One random key per installation, kept beside the default database.
    path = data_dir() / "secret-key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


BASE_DIR = Path(__file__).resolve().parent.parent
SECRET_KEY = _secret_key()
DEBUG = os.environ.get("AQYL_DEBUG", "") == "1"
ALLOWED_HOSTS = [h for h in os.environ.get("AQYL_ALLOWED_HOSTS", "localhost,127.0.0.1").split(",") if h]

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
    "django_tasks",
    "django_tasks_db",
    "aqyl.store",
    "aqyl.web",
]
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Static files come from the installed package itself: no CDN, no collectstatic step needed.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "aqyl.web.middleware.InterfaceLanguage",
    "aqyl.web.audit.RequestUser",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as its documentation asks: it answers a locked-out login attempt.
    "axes.middleware.AxesMiddleware",
]
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
# Login rate limiting: five failures lock the user name from that address for 15 minutes.
AXES_FAILURE_LIMIT = int(os.environ.get("AQYL_LOGIN_FAILURES", "5"))
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "aqyl/locked.html"
AXES_VERBOSE = False
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "dashboard"
LOGOUT_REDIRECT_URL = "login"
# Uploads: refused above this size with a message, never read into memory whole.
AQYL_MAX_UPLOAD_BYTES = int(os.environ.get("AQYL_MAX_UPLOAD_MB", "50")) * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.LimitOffsetPagination",
    "PAGE_SIZE": 100,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Aqyl API",
    "DESCRIPTION": "Academic mobility register: records, submissions, aggregates and reports, within the caller's rights.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
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

_db = dj_database_url.parse(database_url(), conn_max_age=60)
if _db["ENGINE"].endswith("sqlite3"):
    # WAL lets the web app read while an import writes; a busy writer is waited for, not failed.
    _db["OPTIONS"] = {"init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;", "timeout": 20}
    _db["CONN_MAX_AGE"] = 0
DATABASES = {"default": _db}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

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
