"""What storage reads of the database Django was given (the address itself is parsed by
``aqyl.config.parse_database``)."""

from __future__ import annotations


def wait_words(seconds: float):
    """The wait in words in each language ("3 seconds", «3 секунды», «3 секунд»), for a message."""
    from aqyl.domain.i18n import Label
    from aqyl.domain.numbers import duration

    return Label(*(duration(seconds, lang) for lang in ("kk", "ru", "en")))


def sqlite_file(settings_dict: dict) -> str | None:
    """The SQLite database's file, or None: another engine, or an in-memory database (the tests'
    ``file:…?mode=memory`` or ``:memory:``), which has no folder beside it and no WAL."""
    name = str(settings_dict.get("NAME", ""))
    if settings_dict.get("AQYL_READ_ONLY"):
        return str(settings_dict["AQYL_READ_ONLY"])
    if not str(settings_dict.get("ENGINE", "")).endswith("sqlite3") or name.startswith("file:") or name == ":memory:":
        return None
    return name
