"""Load the demo: the registry, records synthesised from the 2023 note, and demo accounts."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from importlib.resources import files

import polars as pl
from django.contrib.auth import get_user_model
from django.db import transaction

from aqyl.domain.demo import DEFAULT_SEED, load_figures, synthesize
from aqyl.domain.errors import AqylError
from aqyl.domain.heis import shipped_registry
from aqyl.store import models as m
from aqyl.store.register import RECORD_COLUMNS, write_submissions
from aqyl.store.registry import sync_shipped_registry

DEMO_PASSWORD = "aqyl-demo"
DEMO_OFFICER_HEI = "ALMAU"  # Алматы Менеджмент Университеті
DEMO_USERS = [("admin", "admin"), ("analyst", "analyst"), ("officer", "officer")]

class DemoWouldOverwrite(AqylError):
    def __init__(self, periods: list[str]) -> None:
        super().__init__("demo_conflict", periods=periods)


@dataclass
class DemoSummary:
    records: dict[str, int]
    submissions: int
    heis: int
    users: list[str]


def load_demo(seed: int = DEFAULT_SEED) -> DemoSummary:
    figures = load_figures()
    periods = sorted(figures["periods"])
    real = m.Submission.objects.filter(period__in=periods).exclude(source="demo")
    if real.exists():
        raise DemoWouldOverwrite(sorted(set(real.values_list("period", flat=True))))
    records = synthesize(figures, shipped_registry(), seed=seed)
    with transaction.atomic():
        sync_shipped_registry()
        m.Submission.objects.filter(source="demo").delete()  # the demo replaces itself, nothing else
        submissions = write_submissions(_frame(records), source="demo", file_name="demo")
        users = _demo_users(m.Hei.objects.get(code=DEMO_OFFICER_HEI))
        _demo_note_texts()
    return DemoSummary(
        records=dict(sorted(Counter(f"{r.period} {r.direction}" for r in records).items())),
        submissions=len(submissions),
        heis=m.Hei.objects.count(),
        users=users,
    )


def _frame(records: list) -> pl.DataFrame:
    """Demo records in the interchange columns, as text (dates ISO), missing columns empty."""
    return pl.DataFrame(
        {c: [str(getattr(r, c, "") or "") for r in records] for c in RECORD_COLUMNS},
        schema=dict.fromkeys(RECORD_COLUMNS, pl.String),
    )


def _demo_users(officer_hei: m.Hei) -> list[str]:
    user_model = get_user_model()
    names = []
    for username, role in DEMO_USERS:
        user, _ = user_model.objects.get_or_create(username=username)
        user.is_staff = role == "admin"
        user.is_superuser = role == "admin"
        user.set_password(DEMO_PASSWORD)
        user.save()
        m.Profile.objects.update_or_create(
            user=user, defaults={"role": role, "hei": officer_hei if role == "officer" else None}
        )
        names.append(username)
    return names


def _demo_note_texts() -> None:
    """The 2023 note's own analyst-written sections, as the demo analyst's first versions; a
    section that already has a version (an edit made in the demo) is left as it is."""
    from aqyl.store.note_texts import history, set_text

    data = json.loads(files("aqyl.data").joinpath("demo_note_texts.json").read_text("utf-8"))
    author = get_user_model().objects.get(username=data["author"])
    for entry in data["series"]:
        for section, by_lang in entry["texts"].items():
            for lang, lines in by_lang.items():
                if not history(entry["category"], entry["valid_from"], section, lang):
                    set_text(entry["category"], entry["valid_from"], section, lang, "\n".join(lines), user=author)
