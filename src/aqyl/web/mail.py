"""The e-mail transport, from one setting: ``AQYL_EMAIL_URL``.

- ``smtp://user:password@host:587`` (STARTTLS), ``smtps://…:465`` (TLS from the start),
  ``smtp://host:25?tls=0`` (plain, for a relay on the same network);
- ``file:///var/lib/aqyl/outbox``: each message is written to a file in that folder, for tests and
  for sites without a mail server (someone forwards them);
- unset: the same file transport, into ``outbox`` in the data folder, so nothing is lost silently.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit


def email_settings(url: str, data_dir: Path) -> dict:
    url = url.strip()
    if not url:
        return {"EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
                "EMAIL_FILE_PATH": str(data_dir / "outbox")}
    parts = urlsplit(url)
    if parts.scheme == "file":
        return {"EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
                "EMAIL_FILE_PATH": unquote(parts.path)}
    if parts.scheme in ("smtp", "smtps"):
        query = parse_qs(parts.query)
        secure = parts.scheme == "smtps"
        return {
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": parts.hostname or "localhost",
            "EMAIL_PORT": parts.port or (465 if secure else 587),
            "EMAIL_HOST_USER": unquote(parts.username or ""),
            "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
            "EMAIL_USE_SSL": secure,
            "EMAIL_USE_TLS": not secure and query.get("tls", ["1"])[0] != "0",
            "EMAIL_TIMEOUT": 30,
        }
    raise ValueError(f"AQYL_EMAIL_URL must start with smtp://, smtps:// or file://, not {parts.scheme or url!r}")
