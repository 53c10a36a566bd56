"""Reading and changing the HEI registry in the database, through the core's rules."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from django.db import transaction
from django.db.models import Count, Q, QuerySet

from aqyl.domain.classifiers import parse_period
from aqyl.domain.hei_file import hei_row
from aqyl.domain.heis import Hei, HeiDirectory, Identifiers, shipped_registry
from aqyl.domain.i18n import Label, normalize
from aqyl.store import models as m


def to_domain(row: m.Hei) -> Hei:
    return Hei(
        code=row.code, hei_type=row.hei_type, profile=row.profile, region=row.region,
        name=Label(row.name_kk, row.name_ru, row.name_en), city=Label(row.city_kk, row.city_ru, row.city_en),
        aliases=tuple(a.name for a in row.aliases.all()),
        ids=Identifiers(row.bin, row.schac, row.erasmus_code, row.pic, row.ror, row.website, row.ministry_code),
        active_from=row.active_from, active_to=row.active_to, successor=row.successor.code if row.successor_id else "",
    )


def _rows(using: str = "default") -> QuerySet[m.Hei]:
    return m.Hei.objects.using(using).select_related("successor").prefetch_related("aliases")


def directory(using: str = "default") -> HeiDirectory:
    return HeiDirectory(to_domain(h) for h in _rows(using))


def registry(using: str = "default") -> list[Hei]:
    return [to_domain(h) for h in _rows(using).order_by("code")]


def active_in(period: str, heis: QuerySet[m.Hei] | None = None) -> QuerySet[m.Hei]:
    """The registered HEIs (of ``heis`` if given) active on at least one day of ``period``."""
    p = parse_period(period)
    qs = heis if heis is not None else m.Hei.objects.filter(is_active=True)
    return qs.filter(Q(active_from__isnull=True) | Q(active_from__lte=p.end),
                     Q(active_to__isnull=True) | Q(active_to__gt=p.start))


def search_heis(text: str = "", hei_type: str | None = None) -> list[m.Hei]:
    """HEIs whose code, name in any language, alias, BIN, SCHAC or Erasmus code contains ``text``
    (case- and space-insensitive, Cyrillic included, the same on SQLite and PostgreSQL), with their
    record counts."""
    rows = (m.Hei.objects.annotate(n_records=Count("records")).select_related("successor")
            .prefetch_related("aliases").order_by("hei_type", "code"))
    if hei_type:
        rows = rows.filter(hei_type=hei_type)
    wanted = normalize(text)
    return [h for h in rows if not wanted or any(wanted in normalize(s) for s in to_domain(h).spellings())]


def _fields(hei: Hei) -> dict:
    return {
        "hei_type": hei.hei_type, "profile": hei.profile, "region": hei.region,
        "name_kk": hei.name.kk, "name_ru": hei.name.ru, "name_en": hei.name.en,
        "city_kk": hei.city.kk, "city_ru": hei.city.ru, "city_en": hei.city.en,
        "bin": hei.ids.bin, "schac": hei.ids.schac, "erasmus_code": hei.ids.erasmus, "pic": hei.ids.pic,
        "ror": hei.ids.ror, "website": hei.ids.website, "ministry_code": hei.ids.ministry_code,
        "active_from": hei.active_from, "active_to": hei.active_to,
    }


def add_hei(hei: Hei, using: str = "default") -> m.Hei:
    """Register an HEI; refuses a code, a name (in any language, or alias) or an identifier already taken."""
    with transaction.atomic(using=using):
        directory(using).add(hei)  # raises RegistryError with a message for the user
        row = m.Hei.objects.using(using).create(code=hei.code, **_fields(hei))
        m.HeiAlias.objects.using(using).bulk_create(m.HeiAlias(hei=row, name=a) for a in hei.aliases)
        if hei.successor:
            row.successor = m.Hei.objects.using(using).get(code=hei.successor)
            row.save(update_fields=["successor"])
    return row


def _audit(who: str, action: str, target: str, before=None, after=None) -> None:
    m.AuditEntry.objects.create(username=who[:150], action=action, target=target[:200], before=before, after=after)


def _as_dict(hei: Hei) -> dict:
    from aqyl.domain.hei_file import COLUMNS

    return dict(zip(COLUMNS, hei_row(hei), strict=True))


def save_heis(added: list[Hei], changed: list[Hei], who: str, file: str) -> None:
    """Store a checked registry file (``aqyl.domain.hei_file``) in one transaction: each HEI's
    change is audited by the model's signals (``aqyl.web.audit``), the import as a whole here."""
    with transaction.atomic():
        rows = {h.code: h for h in _rows()}
        for hei in added:
            row = m.Hei.objects.create(code=hei.code, **_fields(hei))
            rows[hei.code] = row
            m.HeiAlias.objects.bulk_create(m.HeiAlias(hei=row, name=a) for a in hei.aliases)
        for hei in changed:
            row = rows[hei.code]
            for name, value in _fields(hei).items():
                setattr(row, name, value)
            row.save()
            m.HeiAlias.objects.filter(hei=row).exclude(name__in=hei.aliases).delete()
            have = set(m.HeiAlias.objects.filter(hei=row).values_list("name", flat=True))
            m.HeiAlias.objects.bulk_create(m.HeiAlias(hei=row, name=a) for a in hei.aliases if a not in have)
        for hei in [*added, *changed]:
            row = rows[hei.code]
            successor = rows[hei.successor] if hei.successor else None
            if row.successor_id != (successor.id if successor else None):
                row.successor = successor
                row.save(update_fields=["successor"])
        _audit(who, "hei.import", file, None, {"added": [h.code for h in added], "changed": [h.code for h in changed]})


def merge(old: m.Hei, new: m.Hei, on: date, who: str) -> None:
    """``old`` stops on ``on`` and ``new`` is its successor; its records stay where they are."""
    before = _as_dict(to_domain(old))
    old.active_to, old.successor = on, new
    old.save(update_fields=["active_to", "successor", "updated_at"])
    _audit(who, "hei.merge", f"{old.code} → {new.code}", before, _as_dict(to_domain(old)))


def close(hei: m.Hei, on: date, who: str) -> None:
    before = _as_dict(to_domain(hei))
    hei.active_to = on
    hei.save(update_fields=["active_to", "updated_at"])
    _audit(who, "hei.close", hei.code, before, _as_dict(to_domain(hei)))


def rename(hei: m.Hei, name: Label, on: date, who: str) -> None:
    """New names from ``on``; the former ones become aliases, so files with them still find the HEI."""
    entry = to_domain(hei)
    with transaction.atomic():
        others = HeiDirectory(to_domain(h) for h in _rows().exclude(pk=hei.pk))
        kept = tuple(dict.fromkeys(s for s in (*entry.aliases, *entry.name) if normalize(s) not in
                                   {normalize(n) for n in name}))
        others.add(replace(entry, name=name, aliases=kept))  # refuses a name another HEI has
        hei.name_kk, hei.name_ru, hei.name_en = name
        hei.save(update_fields=["name_kk", "name_ru", "name_en", "updated_at"])
        have = set(hei.aliases.values_list("name", flat=True))
        m.HeiAlias.objects.bulk_create(m.HeiAlias(hei=hei, name=a) for a in kept if a not in have)
        after = {**_as_dict(to_domain(hei)), "on": on.isoformat()}
        _audit(who, "hei.rename", hei.code, _as_dict(entry), after)


def sync_shipped_registry(using: str = "default") -> int:
    """Add the shipped HEIs whose code is not registered yet, and give the registered ones the
    shipped SCHAC code where theirs is empty and no other HEI has it; never overwrites an edit.
    Returns how many were added."""
    existing = {h.code: h for h in m.Hei.objects.using(using)}
    taken = {h.schac for h in existing.values() if h.schac}
    added = 0
    for hei in shipped_registry():
        row = existing.get(hei.code)
        if row is None:
            add_hei(hei, using=using)
            added += 1
        elif hei.ids.schac and not row.schac and hei.ids.schac not in taken:
            row.schac = hei.ids.schac
            row.save(using=using, update_fields=["schac"])
    return added
