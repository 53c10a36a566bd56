"""aqyl.config: the settings the command line, the use cases and storage read from the environment,
each read when asked for."""

from pathlib import Path

import pytest

from aqyl import config
from aqyl.domain.errors import StoreFault

VARIABLES = ("AQYL_DATA_DIR", "AQYL_DATABASE_URL", "AQYL_WRITE_WAIT", "AQYL_MAX_IMPORT_MB", "AQYL_MAX_UPLOAD_MB",
             "AQYL_UPLOAD_RETENTION_HOURS", "AQYL_LANG", "LC_ALL", "LANG", "AQYL_PUBLIC_URL", "AQYL_PSEUDONYM_KEY_FILE",
             "AQYL_ORGANISATION_FILE", "AQYL_RENDER_SERIAL")


@pytest.mark.parametrize(("env", "read", "expected"), [
    ({"AQYL_DATA_DIR": "/srv/aqyl"}, config.data_dir, Path("/srv/aqyl")),
    ({"AQYL_DATA_DIR": "/srv/aqyl"}, config.database_url, "sqlite:////srv/aqyl/aqyl.sqlite3"),
    ({"AQYL_DATABASE_URL": "postgresql://a:b@db:5433/aqyl"}, config.database_url, "postgresql://a:b@db:5433/aqyl"),
    ({}, config.write_wait, 900.0),
    ({"AQYL_WRITE_WAIT": "1.5"}, config.write_wait, 1.5),
    ({}, config.max_import_bytes, 2048 * 1024 * 1024),
    ({"AQYL_MAX_IMPORT_MB": "0.5"}, config.max_import_bytes, 512 * 1024),
    ({}, config.max_upload_bytes, 50 * 1024 * 1024),
    ({"AQYL_MAX_UPLOAD_MB": "3"}, config.max_upload_bytes, 3 * 1024 * 1024),
    ({}, config.upload_retention_hours, 24.0),
    ({"AQYL_UPLOAD_RETENTION_HOURS": "0.5"}, config.upload_retention_hours, 0.5),
    ({}, config.default_lang, "kk"),
    ({"LANG": "ru_RU.UTF-8"}, config.default_lang, "ru"),
    ({"AQYL_LANG": "en", "LANG": "ru_RU.UTF-8"}, config.default_lang, "en"),
    ({"LANG": "de_DE.UTF-8"}, config.default_lang, "kk"),
    ({}, config.public_url, ""),
    ({"AQYL_PUBLIC_URL": "https://aqyl.edu.kz/"}, config.public_url, "https://aqyl.edu.kz"),
    ({}, config.pseudonym_key_file, None),
    ({"AQYL_PSEUDONYM_KEY_FILE": "/etc/aqyl/key"}, config.pseudonym_key_file, Path("/etc/aqyl/key")),
    ({}, config.organisation_file, None),
    ({"AQYL_ORGANISATION_FILE": "/etc/aqyl/org.json"}, config.organisation_file, "/etc/aqyl/org.json"),
    ({}, config.render_serial, False),
    ({"AQYL_RENDER_SERIAL": "1"}, config.render_serial, True),
])
def test_a_setting_is_read_from_the_environment(monkeypatch, env, read, expected):
    for name in VARIABLES:
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert read() == expected


def test_a_sqlite_address_waits_for_the_writer_and_keeps_a_log():
    db = config.parse_database("sqlite:////srv/aqyl/aqyl.sqlite3")
    assert (db["ENGINE"], db["NAME"], db["CONN_MAX_AGE"]) == ("django.db.backends.sqlite3", "/srv/aqyl/aqyl.sqlite3", 0)
    assert db["OPTIONS"] == {"init_command": "PRAGMA page_size=16384; PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
                             "timeout": 20, "transaction_mode": "IMMEDIATE"}


@pytest.mark.parametrize(("url", "shown"), [
    ("sqlite://x.db", "sqlite://x.db"),
    ("sqlite:///", "sqlite:///"),
    ("postgresql://aqyl:secret@db:5432/", "postgresql://aqyl:***@db:5432/"),
])
def test_an_address_that_keeps_nothing_is_refused_without_its_password(url, shown):
    with pytest.raises(StoreFault) as refused:
        config.parse_database(url)
    assert refused.value.message("en") == (
        f"The database address AQYL_DATABASE_URL “{shown}” is not valid. Accepted forms: "
        "sqlite:////absolute/path/aqyl.sqlite3, sqlite:///relative/path/aqyl.sqlite3, "
        "postgresql://user:password@host:5432/database.")


def test_the_cache_every_worker_shares(monkeypatch, tmp_path):
    """Issue 32: by default the application's own database (no other server), else AQYL_CACHE_URL."""
    monkeypatch.delenv("AQYL_CACHE_URL", raising=False)
    assert config.cache() == {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "aqyl_cache",
                              "OPTIONS": {"MAX_ENTRIES": 2000}}
    monkeypatch.setenv("AQYL_CACHE_URL", "redis://cache:6379/0")
    assert config.cache() == {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://cache:6379/0"}
    monkeypatch.setenv("AQYL_CACHE_URL", f"file://{tmp_path}")
    assert config.cache()["LOCATION"] == str(tmp_path)
    monkeypatch.setenv("AQYL_CACHE_URL", "memcache://u:secret@cache")
    with pytest.raises(StoreFault) as refused:
        config.cache()
    assert {lang: refused.value.message(lang) for lang in ("kk", "ru", "en")} == {
        "kk": "AQYL_CACHE_URL кэш мекенжайы «memcache://u:***@cache» жарамсыз. Рұқсат етілген түрлері: "
              "redis://сервер:6379/0, file:////толық/жол/бума; бос қалса, кэш қолданбаның өз дерекқорында сақталады.",
        "ru": "Адрес кэша AQYL_CACHE_URL «memcache://u:***@cache» не подходит. Допустимые формы: redis://сервер:6379/0, "
              "file:////абсолютный/путь/папка; если он не задан, кэш хранится в базе данных самого приложения.",
        "en": "The cache address AQYL_CACHE_URL “memcache://u:***@cache” is not valid. Accepted forms: "
              "redis://host:6379/0, file:////absolute/path/folder; when it is not set, the cache is kept in the "
              "application's own database."}
