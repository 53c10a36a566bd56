"""Pseudonyms of the IIN (a new secret key, a file pseudonymised before it leaves the HEI),
open-data releases with disclosure control, and person-level indicators."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from aqyl.domain.persons import PersonIndicators
    from aqyl.store import models as m


def new_key_file(file: Path, key_id: str = "") -> str | None:
    """Write a new pseudonymisation key to ``file``, readable by its owner only, and return its id;
    None when ``file`` exists (a key is never overwritten: old pseudonyms would lose their link)."""
    from aqyl.domain.pseudonym import key_to_text, new_key

    if file.exists():
        return None
    key = new_key(key_id or f"{date.today().year}a")
    file.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write(key_to_text(key))
    return key.key_id


def pseudonymise(file: Path, key_file: Path, out: Path | None = None):
    """Replace the IINs of an HEI's file by keyed pseudonyms; returns the target and the outcome
    (its ``problems``: cells refused, nothing written)."""
    from aqyl.app.pseudonymise import pseudonymise_file
    from aqyl.importers.pseudonymise import read_key

    target = out or file.with_name(f"{file.stem}-pseudonymised{file.suffix}")
    return target, pseudonymise_file(file, target, read_key(key_file))


@dataclass(frozen=True)
class Published:
    id: int
    period: str
    tables: list[tuple[str, int, int, int, int]]  # (name, total, cells, primary, secondary)


def publish(period: str, out: Path, threshold: int, round5: bool, by: str, lang: str) -> Published:
    """Publish a half-year's aggregates after disclosure control (tables named in ``lang``)."""
    from aqyl.app.release import WORDS
    from aqyl.app.release import publish as publish_release
    from aqyl.domain.classifiers import CATEGORY, DIRECTION, half_year

    code = half_year(period)
    release, built = publish_release(code, threshold=threshold, method="round5" if round5 else "suppress", by=by, out=out)
    rows = []
    for t in built.tables:
        s = built.summary[t.key]
        rows.append((f"{DIRECTION.label(t.direction, lang)} · {CATEGORY.label(t.category, lang)} · "
                     f"{WORDS[t.name].get(lang)}", s["total"], s["cells"], s["primary"], s["secondary"]))
    return Published(release.pk, code, rows)


def persons(as_of: str | None, within: int) -> PersonIndicators:
    """Person-level indicators of the register up to ``as_of`` (default: the latest half-year)."""
    from aqyl.domain.classifiers import half_year

    return kept_persons(half_year(as_of) if as_of else None, within)


def kept_persons(as_of: str | None, within: int) -> PersonIndicators:
    """The person indicators, computed once for the register and the cohorts as they are and kept
    in the shared cache (aqyl.app.cache): the API, the command and the note read the same."""
    from aqyl.app.cache import cached
    from aqyl.store.persons import cohorts_stamp, person_indicators

    return cached("persons", (as_of, within, cohorts_stamp()), lambda: person_indicators(as_of, within))[0]


# --- the public pages and the publishing page ----------------------------------------------------
def public_releases() -> QuerySet:
    """The releases the public pages show, newest first."""
    from aqyl.store import models as m

    return m.Release.objects.filter(is_public=True)


def recent_releases(n: int = 20) -> QuerySet:
    from aqyl.store import models as m

    return m.Release.objects.all()[:n]


def public_page(release, lang: str) -> list[dict]:
    """A release's tables and charts (each chart also as SVG) as the public page shows them."""
    from aqyl.app.release import public_view
    from aqyl.render.charts import chart_svg

    blocks = public_view(release, lang)
    for b in blocks:
        if b.get("chart") is not None and b["chart"].categories:
            b["svg"] = chart_svg(b["chart"])
    return blocks


def release_zip(release) -> bytes:
    """The release's data package as one ZIP."""
    from aqyl.app.release import zip_release

    return zip_release(release)


def publish_release(period: str, threshold: int, method: str, user) -> m.Release:
    """Publish a half-year from the web (the account is the publisher); AqylError if nothing to publish."""
    from aqyl.app.release import publish as store_release

    release, _ = store_release(period, threshold=threshold, method=method, user=user, by=user.get_username())
    return release
