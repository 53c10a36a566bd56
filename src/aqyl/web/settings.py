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
    "aqyl.store",
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
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]
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

STATIC_URL = "static/"
STATIC_ROOT = data_dir() / "static"
WHITENOISE_USE_FINDERS = True
