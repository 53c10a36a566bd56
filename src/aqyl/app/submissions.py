"""Who has submitted what: the board of a period, the versions of one HEI's submission, what
changed between two versions, and a restore of an earlier version (never the current one)."""

from __future__ import annotations

from dataclasses import dataclass

from aqyl.app.system import CommandError
from aqyl.domain.i18n import LANGUAGES
from aqyl.store import models as m


def _localtime(moment):
    from django.utils import timezone

    return timezone.localtime(moment)


@dataclass(frozen=True)
class HeiName:
    """An HEI as the command line names it."""

    code: str
    hei_type: str
    names: dict[str, str]  # by language

    def name(self, lang: str) -> str:
        return self.names[lang]


@dataclass(frozen=True)
class Version:
    """One version of a submission, as the command line shows it."""

    id: int
    version: int
    is_current: bool
    created: str  # local time, to the minute
    submitted_by: str
    row_count: int
    rejected_count: int
    file_name: str
    file_sha256: str
    json: dict  # the API's shape (submission_json)


def _hei_name(h: m.Hei) -> HeiName:
    return HeiName(h.code, h.hei_type, {lang: h.name(lang) for lang in LANGUAGES})


def _version(s: m.Submission) -> Version:
    return Version(s.id, s.version, s.is_current, created(s), s.submitted_by, s.row_count, s.rejected_count,
                   s.file_name, s.file_sha256, submission_json(s))


@dataclass
class BoardLine:
    hei: HeiName
    current: Version | None
    versions: int


def board(period: str) -> list[BoardLine]:
    """Every HEI active in ``period`` with its current submission for it (None: not submitted)."""
    from aqyl.store.registry import active_in

    subs = m.Submission.objects.filter(period=period).select_related("hei")
    current = {s.hei_id: s for s in subs if s.is_current}
    versions: dict[int, int] = {}
    for s in subs:
        versions[s.hei_id] = versions.get(s.hei_id, 0) + 1
    heis = active_in(period).order_by("hei_type", "code")
    lines = [(h, current.get(h.id), versions.get(h.id, 0)) for h in heis]
    # Submitted first (newest on top), then those still missing.
    lines.sort(key=lambda line: (line[1] is None, -(line[1].created_at.timestamp() if line[1] else 0)))
    return [BoardLine(_hei_name(h), _version(s) if s is not None else None, n) for h, s, n in lines]


def history(hei: m.Hei, period: str) -> list[m.Submission]:
    return list(m.Submission.objects.filter(hei=hei, period=period).order_by("-version"))


def compare(old: m.Submission, new: m.Submission) -> dict:
    """What changed between two versions: rows, totals by direction and country, and record IDs
    added, removed or changed (rows without an ID are compared by their counts only)."""
    import polars as pl

    from aqyl.store.register import version_rows

    before, after = version_rows(old), version_rows(new)

    def counts(frame: pl.DataFrame, column: str) -> dict[str, int]:
        return dict(frame.group_by(column).len().iter_rows())

    def changes(column: str) -> dict[str, list[int]]:
        a, b = counts(before, column), counts(after, column)
        return {k: [a.get(k, 0), b.get(k, 0)] for k in sorted(set(a) | set(b)) if a.get(k, 0) != b.get(k, 0)}

    ids_a = {r["record_id"]: r for r in before.filter(pl.col("record_id") != "").to_dicts()}
    ids_b = {r["record_id"]: r for r in after.filter(pl.col("record_id") != "").to_dicts()}
    return {
        "old": old.version, "new": new.version, "rows": [before.height, after.height],
        "by_direction": changes("direction"), "by_country": changes("partner_country"),
        "added": sorted(set(ids_b) - set(ids_a)), "removed": sorted(set(ids_a) - set(ids_b)),
        "changed": sorted(k for k in set(ids_a) & set(ids_b) if ids_a[k] != ids_b[k]),
    }


def hei_row(text: str) -> m.Hei:
    """The registered HEI a user names (code, name or alias in any language)."""
    from aqyl.store.registry import directory

    return m.Hei.objects.get(code=directory().encode(text))


def versions_of(hei: str, period: str) -> tuple[HeiName, list[Version]]:
    """The HEI a user names and its versions for ``period``, newest first."""
    row = hei_row(hei)
    return _hei_name(row), [_version(s) for s in history(row, period)]


def compare_with_current(versions: list[Version], number: int) -> dict:
    """What changed from version ``number`` to the current one (see :func:`compare`)."""
    old = next((v for v in versions if v.version == number), None)
    current = next((v for v in versions if v.is_current), None)
    if old is None or current is None:
        raise CommandError("no_versions_to_compare", number=number)
    return compare(m.Submission.objects.get(pk=old.id), m.Submission.objects.get(pk=current.id))


@dataclass(frozen=True)
class Restored:
    old: int
    new: int
    rows: int


def restore(hei: str, period: str, version: int, submitted_by: str = "", user=None) -> Restored:
    """Make an earlier version current again, as a new version. The current version cannot be
    restored (it already is): that is refused, as is a version that does not exist."""
    from aqyl.store.register import restore as restore_version
    from aqyl.store.registry import directory

    old = m.Submission.objects.filter(hei__code=directory().encode(hei), period=period, version=version).first()
    if old is None or old.is_current:
        raise CommandError("restore_not_earlier", version=version)
    new = restore_version(old, user=user, submitted_by=submitted_by)
    return Restored(old.version, new.version, new.row_count)


def created(s: m.Submission) -> str:
    """When a version was made, local time, to the minute."""
    from django.utils import timezone

    return timezone.localtime(s.created_at).strftime("%Y-%m-%d %H:%M")


# The fields of a submission in JSON, in order (the API's documented shape).
SUBMISSION_FIELDS = ("id", "hei", "period", "version", "is_current", "source", "file_name", "file_sha256", "row_count",
                     "rejected_count", "submitted_by", "created_at")


def submission_json(s: m.Submission) -> dict:
    """A submission as JSON: every field of :data:`SUBMISSION_FIELDS`, the HEI as its code and the
    time in ISO 8601 in the server's time zone (as REST framework writes it)."""
    out = {f: getattr(s, f) for f in SUBMISSION_FIELDS if f not in ("hei", "created_at")}
    when = _localtime(s.created_at).isoformat() if s.created_at else None
    if when and when.endswith("+00:00"):
        when = when[:-6] + "Z"
    return {f: s.hei.code if f == "hei" else when if f == "created_at" else out[f] for f in SUBMISSION_FIELDS}


def board_json(lines: list[BoardLine], lang: str) -> list[dict]:
    return [{"hei": line.hei.code, "name": line.hei.name(lang), "hei_type": line.hei.hei_type,
             "versions": line.versions, "current": line.current.json if line.current else None}
            for line in lines]
