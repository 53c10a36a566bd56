"""What several pages share: the reader's language, local times, an import report's problems."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied

from aqyl.web import access


def lang_of(request) -> str:
    return getattr(request, "LANGUAGE_CODE", "kk")


def when_local(moment) -> str:
    from django.utils import timezone

    return f"{timezone.localtime(moment):%Y-%m-%d %H:%M}"


def problem_rows(report, lang: str, limit: int = 200) -> list[dict]:
    """An import report's problems as the pages list them (the research pages' uploads use it)."""
    from aqyl.domain.intake.problems import cell_name

    ordered = report.shown()
    return [{"cell": cell_name(p.row, p.position) if p.row else "", "column": p.header or p.column, "value": p.value[:60],
             "message": p.message(lang), "severity": p.severity} for p in ordered[:limit]]


def require_change(user, hei_code: str) -> None:
    if not access.may_change_hei(user, hei_code):
        raise PermissionDenied
