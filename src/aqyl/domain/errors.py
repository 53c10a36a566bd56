"""Typed errors of the core. Each carries a message key and parameters, never a fixed text,
so that the CLI, the web and the API can show it in the user's language."""

from __future__ import annotations

from aqyl.domain.wording import messages


class AqylError(Exception):
    key = "unknown_value"

    def __init__(self, key: str | None = None, **params: object) -> None:
        self.key = key or self.key
        self.params = params
        super().__init__(self.message("en"))

    def message(self, lang: str = "en") -> str:
        return messages.render(self.key, lang, **self.params)


class UnknownValue(AqylError):
    """A value that no classifier code, label or alias matches."""

    def __init__(self, classifier: object, value: object, suggestions: list, close_match: bool = True) -> None:
        self.classifier_value = value
        self.suggestions = suggestions
        key = "unknown_value" if close_match else "unknown_value_no_match"
        super().__init__(key, classifier=classifier, value=value, suggestions=suggestions)


class EmptyValue(AqylError):
    def __init__(self, classifier: object) -> None:
        super().__init__("empty_value", classifier=classifier)


class InvalidPeriod(AqylError):
    def __init__(self, value: object) -> None:
        super().__init__("bad_period", value=value)


class RegistryError(AqylError):
    """A change to the HEI registry that would break its rules (duplicate code or name)."""


class StoreFault(AqylError):
    """The database cannot do what was asked (full disk, read-only, locked, damaged, unreachable,
    a malformed address): nothing was written; the message says what to do. Exit status 2."""

    exit_code = 2
