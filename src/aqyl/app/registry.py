"""The register of HEIs (list, add) and the classifiers (which exist, and one by name)."""

from __future__ import annotations

from dataclasses import dataclass

from aqyl.app.system import CommandError
from aqyl.domain.classifiers import CLASSIFIERS, HEI_PROFILE, HEI_TYPE, REGION
from aqyl.domain.classifiers.base import CodeTable
from aqyl.domain.heis import Hei
from aqyl.domain.i18n import Label


@dataclass(frozen=True)
class HeiLine:
    code: str
    hei_type: str
    region: str
    name: Label
    city: Label
    records: int

    def as_dict(self, lang: str) -> dict:
        return {"code": self.code, "hei_type": self.hei_type, "region": self.region, "name": self.name.get(lang),
                "city": self.city.get(lang), "records": self.records}


def list_heis(search: str = "", hei_type: str | None = None) -> list[HeiLine]:
    """Registered HEIs whose name or alias contains ``search``, of one type (code or label) if given."""
    from aqyl.store.registry import search_heis

    rows = search_heis(search, HEI_TYPE.encode(hei_type) if hei_type else None)
    return [HeiLine(h.code, h.hei_type, h.region, Label(h.name_kk, h.name_ru, h.name_en),
                    Label(h.city_kk, h.city_ru, h.city_en), h.n_records) for h in rows]


def add_hei(code: str, hei_type: str, name: Label, *, region: str = "", city: Label | None = None,
            profile: str = "multidisciplinary", aliases: list[str] | None = None) -> Hei:
    """Register an HEI from what a user wrote; RegistryError when its code or a name is taken."""
    from aqyl.store.registry import add_hei as store

    hei = Hei(
        code=code.strip(), hei_type=HEI_TYPE.encode(hei_type), profile=HEI_PROFILE.encode(profile),
        region=REGION.encode(region) if region.strip() else "",
        name=Label(name.kk.strip(), name.ru.strip(), name.en.strip()), city=city or Label("", "", ""),
        aliases=tuple(a.strip() for a in aliases or [] if a.strip()),
    )
    store(hei)
    return hei


def classifier(name: str) -> CodeTable:
    if name not in CLASSIFIERS:
        raise CommandError("unknown_classifier", name=name, known=", ".join(CLASSIFIERS))
    return CLASSIFIERS[name]
