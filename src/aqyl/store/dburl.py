"""What storage reads of the database Django was given (the address itself is parsed by
``aqyl.config.parse_database``)."""

from __future__ import annotations


def sqlite_file(settings_dict: dict) -> str | None:
    """The SQLite database's file, or None: another engine, or an in-memory database (the tests'
    ``file:…?mode=memory`` or ``:memory:``), which has no folder beside it and no WAL."""
    name = str(settings_dict.get("NAME", ""))
    if not str(settings_dict.get("ENGINE", "")).endswith("sqlite3") or name.startswith("file:") or name == ":memory:":
        return None
    return name
