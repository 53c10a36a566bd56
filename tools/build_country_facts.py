"""Build ``src/aqyl/data/country_facts.json``, the covariates the gravity model needs.

Run by hand when the facts need refreshing (not by the product, not by CI):

    python -m venv /tmp/facts && /tmp/facts/bin/pip install countryinfo==1.0.1 pycountry
    /tmp/facts/bin/python tools/build_country_facts.py

Source of the facts: the ``countryinfo`` package 1.0.1 (MIT licence), which compiles public
country data: capital coordinates, land borders and languages (official and widely used ones,
so Russian is listed for Uzbekistan; closer to CEPII's ``comlang_ethno`` than ``comlang_off``). Membership of the former USSR is
the fifteen Union republics, a historical fact written here.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pycountry

FORMER_USSR = ["AM", "AZ", "BY", "EE", "GE", "KG", "KZ", "LT", "LV", "MD", "RU", "TJ", "TM", "UA", "UZ"]
# Where countryinfo is out of date or silent: Astana got its name back in 2022; these
# territories have no language in countryinfo (their official languages).
CAPITAL_NAME_FIXES = {"KZ": "Astana"}
LANGUAGE_FIXES = {"MY": ["ms"], "PS": ["ar"], "AX": ["sv"], "BL": ["fr"], "MF": ["fr"], "CW": ["nl", "pap"],
                  "SX": ["en", "nl"], "TC": ["en"], "VG": ["en"], "VI": ["en"]}


def main() -> None:
    alpha3_to_2 = {c.alpha_3: c.alpha_2 for c in pycountry.countries}
    data_dir = Path(__import__("countryinfo").__file__).parent / "data"
    facts, missing = {}, []
    for path in sorted(data_dir.glob("*.json")):
        info = json.loads(path.read_text("utf-8"))
        iso = (info.get("ISO") or {}).get("alpha2")
        latlng = info.get("capital_latlng")
        if not iso or iso not in {c.alpha_2 for c in pycountry.countries}:
            continue
        if not latlng or len(latlng) != 2:
            missing.append(iso)
            continue
        facts[iso] = {
            "capital": CAPITAL_NAME_FIXES.get(iso, info.get("capital", "")),
            "lat": round(float(latlng[0]), 4),
            "lon": round(float(latlng[1]), 4),
            "borders": sorted(alpha3_to_2[b] for b in info.get("borders") or [] if b in alpha3_to_2),
            "languages": sorted(set(info.get("languages") or LANGUAGE_FIXES.get(iso, []))),
        }
    # Borders must be symmetric; keep a border that either side lists.
    for iso, f in facts.items():
        for other in f["borders"]:
            if other in facts and iso not in facts[other]["borders"]:
                facts[other]["borders"] = sorted({*facts[other]["borders"], iso})
    out = {
        "_source": "countryinfo 1.0.1 (MIT): capital coordinates, land borders, languages; "
                   "former USSR: the fifteen Union republics. Built by tools/build_country_facts.py.",
        "former_ussr": FORMER_USSR,
        "countries": dict(sorted(facts.items())),
    }
    target = Path(__file__).resolve().parents[1] / "src/aqyl/data/country_facts.json"
    # One country a line, so a diff shows which country's facts changed.
    lines = [f'"_source": {json.dumps(out["_source"], ensure_ascii=False)},',
             f'"former_ussr": {json.dumps(out["former_ussr"])},', '"countries": {']
    lines += [f'  {json.dumps(iso)}: {json.dumps(f, ensure_ascii=False)},' for iso, f in out["countries"].items()]
    lines[-1] = lines[-1].rstrip(",")
    target.write_text("{\n" + "\n".join(lines) + "\n}}\n", "utf-8")
    print(f"{len(facts)} countries; without a capital: {', '.join(missing) or 'none'}", file=sys.stderr)


if __name__ == "__main__":
    main()
