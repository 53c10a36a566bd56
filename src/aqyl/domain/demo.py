"""Demo micro-records rebuilt from published aggregates.

The 2023 analytical note publishes only marginal tables (by HEI, country, format, degree,
field, programme); the joint distribution of the 735 exchanges is unknown. We rebuild records
that reproduce every published marginal exactly:

1. each marginal is expanded into a list of values (``{"UZ": 116, ...}`` → 116 × "UZ");
2. the lists are shuffled with one seeded ``random.Random`` and zipped, so every marginal holds;
3. where a combination is plainly implausible, values are paired by *affinity* first (a medical
   university's exchanges get the "health care" field while that field's count lasts; DAAD goes
   to Germany, Erasmus+ to Erasmus countries, Orhun to Turkic states), the rest at random;
4. partner institutions are spread over each country so that the number of distinct foreign
   HEIs matches the note (126 outgoing, 91 incoming), every country having at least one.

For 2022H1 the note gives only some figures; the rest is filled in proportion to 2023H1 and
marked as an assumption in ``aqyl/data/demo_figures.json``. Same seed, same records.
"""

from __future__ import annotations

import hashlib
import json
import random
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from importlib import resources

from aqyl.domain.classifiers import COUNTRY, parse_period
from aqyl.domain.heis import Hei, HeiDirectory

DEFAULT_SEED = 2023
DIRECTIONS = ("outgoing", "incoming")

# Which fields a HEI of a given profile most plausibly exchanges staff in.
PROFILE_FIELDS: dict[str, set[str]] = {
    "medical": {"10"},
    "pedagogical": {"01"},
    "arts": {"02"},
    "technical": {"07", "06"},
    "agrarian": {"08", "09"},
    "economics_law": {"04"},
    "humanities": {"02", "03"},
    "sport": {"11"},
}

_ERASMUS_COUNTRIES = set(
    ["AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO", "MK", "RS", "TR"]
)
# Where a programme's exchanges plausibly go (a demo heuristic, not a rule of the register).
PROGRAMME_COUNTRIES: dict[str, set[str]] = {
    "daad": {"DE"},
    "cintana": {"US"},
    "orhun": {"TR", "AZ", "KG", "UZ"},
    "erasmus_plus": _ERASMUS_COUNTRIES,
    "bolashak_500_scientists": {"US", "GB", "DE", "FR", "NL", "BE", "ES", "IT", "AT", "SE", "NO", "JP", "KR"},
}
OUTGOING_ONLY_PROGRAMMES = {"bolashak_500_scientists", "young_scientists_grant"}


@dataclass(frozen=True)
class DemoRecord:
    record_id: str
    period: str
    direction: str
    category: str
    hei: str
    partner_institution: str
    partner_country: str
    programme: str
    format: str
    degree: str
    field: str
    start_date: date
    end_date: date
    person_id: str


def load_figures() -> dict:
    return json.loads(resources.files("aqyl.data").joinpath("demo_figures.json").read_text("utf-8"))


def apportion(total: int, weights: Mapping[str, float]) -> dict[str, int]:
    """Split ``total`` in proportion to ``weights`` with whole numbers that add up (largest remainder)."""
    weight_sum = sum(weights.values())
    if total == 0 or weight_sum == 0:
        return dict.fromkeys(weights, 0)
    exact = {k: total * w / weight_sum for k, w in weights.items()}
    shares = {k: int(v) for k, v in exact.items()}
    leftover = total - sum(shares.values())
    for k in sorted(exact, key=lambda k: (-(exact[k] - shares[k]), k))[:leftover]:
        shares[k] += 1
    return shares


def expand(counts: Mapping[str, int]) -> list[str]:
    return [value for value, n in sorted(counts.items()) for _ in range(n)]


def assign_with_affinity(
    n_items: int, counts: Mapping[str, int], prefers: Callable[[int, str], bool], rng: random.Random
) -> list[str]:
    """A value per item, meeting ``counts`` exactly, preferred pairs first, the rest at random."""
    if sum(counts.values()) != n_items:
        raise ValueError(f"counts add up to {sum(counts.values())}, not {n_items}")
    result: list[str | None] = [None] * n_items
    remaining = dict(counts)
    candidates = {v: [i for i in range(n_items) if prefers(i, v)] for v in counts}
    for value in sorted(counts, key=lambda v: (len(candidates[v]), v)):  # scarcest first
        free = [i for i in candidates[value] if result[i] is None]
        rng.shuffle(free)
        for i in free[: remaining[value]]:
            result[i] = value
        remaining[value] -= min(len(free), remaining[value])
    rest = expand(remaining)
    rng.shuffle(rest)
    free_items = [i for i in range(n_items) if result[i] is None]
    for i, value in zip(free_items, rest, strict=True):
        result[i] = value
    return result  # type: ignore[return-value]


def complete_marginals(figures: dict) -> dict[str, dict]:
    """Every marginal of every period and direction, filling what a period lacks from its model period."""
    periods = figures["periods"]
    out: dict[str, dict] = {}
    for code, spec in periods.items():
        model = periods.get(spec.get("fill_from", ""), {})
        directions = {}
        for direction in DIRECTIONS:
            own, ref = spec[direction], model.get(direction, {})
            d = dict(own)
            total = own["total"]
            for key in ("by_format", "by_field", "by_degree", "by_country"):
                if key not in d:
                    d[key] = apportion(total, ref[key])
            if "by_hei" not in d:
                d["by_hei"] = _hei_counts_like(own["by_hei_type"], ref["by_hei"])
            if "foreign_heis" not in d:
                d["foreign_heis"] = round(total * ref["foreign_heis"] / ref["total"])
            directions[direction] = d
        both_total = sum(directions[d]["total"] for d in DIRECTIONS)
        by_programme = spec.get("by_programme") or apportion(both_total, model["by_programme"])
        out[code] = {"category": spec["category"], "by_programme": by_programme, **directions}
    return out


def _hei_counts_like(by_type: Mapping[str, int], model_by_hei: list[dict]) -> list[dict]:
    rows = []
    for hei_type, type_total in by_type.items():
        weights = {h["hei"]: h["count"] for h in model_by_hei if h["hei_type"] == hei_type}
        rows += [{"hei": k, "hei_type": hei_type, "count": n} for k, n in apportion(type_total, weights).items() if n]
    return rows


def synthesize(figures: dict, heis: list[Hei], seed: int = DEFAULT_SEED) -> list[DemoRecord]:
    """Demo records for every period in ``figures``, reproducing each published marginal."""
    directory = HeiDirectory(heis)
    records: list[DemoRecord] = []
    for period_code, spec in complete_marginals(_resolve_hei_names(figures, directory)).items():
        rng = random.Random(f"{seed}:{period_code}")
        drafts: list[dict] = []
        for direction in DIRECTIONS:
            drafts += _direction_drafts(period_code, direction, spec["category"], spec[direction], directory, rng)
        _assign_programmes(drafts, spec["by_programme"], rng)
        records += [DemoRecord(**d) for d in drafts]
    return records


def _resolve_hei_names(figures: dict, directory: HeiDirectory) -> dict:
    """The figures name HEIs as the note prints them; the registry's aliases map them to codes."""
    resolved = json.loads(json.dumps(figures))
    for spec in resolved["periods"].values():
        for direction in DIRECTIONS:
            for row in spec[direction].get("by_hei", []):
                row["hei"] = directory.encode(row.pop("name_kk"))
                if directory.heis[row["hei"]].hei_type != row["hei_type"]:
                    raise ValueError(f"{row['hei']}: the note's type {row['hei_type']} is not the registry's")
    return resolved


def _direction_drafts(
    period_code: str, direction: str, category: str, spec: dict, directory: HeiDirectory, rng: random.Random
) -> list[dict]:
    total = spec["total"]
    hei_list = expand({h["hei"]: h["count"] for h in spec["by_hei"]})
    rng.shuffle(hei_list)
    if len(hei_list) != total:
        raise ValueError(f"{period_code} {direction}: HEI counts add up to {len(hei_list)}, not {total}")
    profile = [directory.heis[h].profile for h in hei_list]
    fields = assign_with_affinity(total, spec["by_field"], lambda i, f: f in PROFILE_FIELDS.get(profile[i], ()), rng)
    shuffled = {}
    for key in ("by_country", "by_format", "by_degree"):
        shuffled[key] = expand(spec[key])
        rng.shuffle(shuffled[key])
    countries = shuffled["by_country"]
    partners = _partner_institutions(countries, spec["foreign_heis"], rng)
    period = parse_period(period_code)
    drafts = []
    for i in range(total):
        start, end = _dates(period.start, period.end, shuffled["by_format"][i], rng)
        tag = "OUT" if direction == "outgoing" else "INC"
        drafts.append(
            {
                "record_id": f"DEMO-{period_code}-{tag}-{i + 1:04d}",
                "period": period_code,
                "direction": direction,
                "category": category,
                "hei": hei_list[i],
                "partner_institution": partners[i],
                "partner_country": countries[i],
                "programme": "",
                "format": shuffled["by_format"][i],
                "degree": shuffled["by_degree"][i],
                "field": fields[i],
                "start_date": start,
                "end_date": end,
                "person_id": "P" + hashlib.sha256(f"{period_code}:{tag}:{i}:{rng.random()}".encode()).hexdigest()[:12],
            }
        )
    return drafts


def _partner_institutions(countries: list[str], n_institutions: int, rng: random.Random) -> list[str]:
    per_country = Counter(countries)
    if not len(per_country) <= n_institutions <= len(countries):
        raise ValueError(f"cannot spread {len(countries)} exchanges over {n_institutions} foreign HEIs")
    extra = apportion(n_institutions - len(per_country), {c: n - 1 for c, n in per_country.items()})
    names: dict[str, list[str]] = {}
    for country, n in per_country.items():
        k = extra[country] + 1
        base = [f"Partner University {j} ({COUNTRY.label(country, 'en')})" for j in range(1, k + 1)]
        pool = base + [rng.choice(base) for _ in range(n - k)]  # each institution used at least once
        rng.shuffle(pool)
        names[country] = pool
    return [names[c].pop() for c in countries]


def _dates(first: date, last: date, fmt: str, rng: random.Random) -> tuple[date, date]:
    days = {"online": (1, 10), "offline": (5, 30), "blended": (7, 21)}[fmt]
    length = rng.randint(*days)
    start = first + timedelta(days=rng.randint(0, (last - first).days - length))
    return start, start + timedelta(days=length - 1)


def _assign_programmes(drafts: list[dict], by_programme: Mapping[str, int], rng: random.Random) -> None:
    def prefers(i: int, programme: str) -> bool:
        record = drafts[i]
        if programme in OUTGOING_ONLY_PROGRAMMES and record["direction"] != "outgoing":
            return False
        allowed = PROGRAMME_COUNTRIES.get(programme)
        return allowed is None or record["partner_country"] in allowed

    def special(i: int, programme: str) -> bool:
        # inter-university agreements take whatever the specific programmes leave
        return programme != "inter_university" and prefers(i, programme)

    for draft, programme in zip(drafts, assign_with_affinity(len(drafts), by_programme, special, rng), strict=True):
        draft["programme"] = programme
