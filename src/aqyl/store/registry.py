"""Reading and changing the HEI registry in the database, through the core's rules."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Count

from aqyl.domain.heis import Hei, HeiDirectory, shipped_registry
from aqyl.domain.i18n import Label, normalize
from aqyl.store import models as m


def to_domain(row: m.Hei) -> Hei:
    return Hei(
        code=row.code, hei_type=row.hei_type, profile=row.profile, region=row.region,
        name=Label(row.name_kk, row.name_ru, row.name_en), city=Label(row.city_kk, row.city_ru, row.city_en),
        aliases=tuple(a.name for a in row.aliases.all()),
    )


def directory(using: str = "default") -> HeiDirectory:
    return HeiDirectory(to_domain(h) for h in m.Hei.objects.using(using).prefetch_related("aliases"))


def search_heis(text: str = "", hei_type: str | None = None) -> list[m.Hei]:
    """HEIs whose code, name in any language or alias contains ``text`` (case- and space-insensitive,
    Cyrillic included, the same on SQLite and PostgreSQL), with their record counts."""
    rows = m.Hei.objects.annotate(n_records=Count("records")).prefetch_related("aliases").order_by("hei_type", "code")
    if hei_type:
        rows = rows.filter(hei_type=hei_type)
    wanted = normalize(text)
    return [h for h in rows if not wanted or any(wanted in normalize(s) for s in to_domain(h).spellings())]


def add_hei(hei: Hei, using: str = "default") -> m.Hei:
    """Register an HEI; refuses a code or a name (in any language, or alias) already taken."""
    with transaction.atomic(using=using):
        directory(using).add(hei)  # raises RegistryError with a message for the user
        row = m.Hei.objects.using(using).create(
            code=hei.code, hei_type=hei.hei_type, profile=hei.profile, region=hei.region,
            name_kk=hei.name.kk, name_ru=hei.name.ru, name_en=hei.name.en,
            city_kk=hei.city.kk, city_ru=hei.city.ru, city_en=hei.city.en,
        )
        m.HeiAlias.objects.using(using).bulk_create(m.HeiAlias(hei=row, name=a) for a in hei.aliases)
    return row


def sync_shipped_registry(using: str = "default") -> int:
    """Add the shipped HEIs whose code is not registered yet; never overwrites an edit. Returns how many."""
    existing = set(m.Hei.objects.using(using).values_list("code", flat=True))
    added = 0
    for hei in shipped_registry():
        if hei.code not in existing:
            add_hei(hei, using=using)
            added += 1
    return added
