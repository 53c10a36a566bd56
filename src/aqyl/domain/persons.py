"""Person-level indicators from the register: each person's sequence of mobilities across HEIs and
half-years, and what the sequences say about circulation (seed 003).

A person is known by ``person_id``. A keyed pseudonym of the IIN (``p1:…``, see
:mod:`aqyl.domain.pseudonym`) is the same in every HEI's file, so it links the person across HEIs;
any other ``person_id`` is the HEI's own code and links only within that HEI (the key is then
``HEI/person_id``). Records without a person ID count as one person each and never repeat.

Indicators, as of the last half-year ``as_of`` and within ``K`` half-years:

- **repeat mobility (pendulum)**: people with more than one physical trip (not online) in the data,
  the typology's pendulum form decided from the real sequence instead of one half-year's file;
- **outgoing staff taking part again**: of the staff (not students) whose first outgoing trip was
  at least K half-years before ``as_of``, the share with another outgoing trip in the K half-years
  after it;
- **incoming foreign specialists who return**: the same for incoming staff coming again;
- **students back after a degree abroad**: outgoing students with a stay of a year or more that
  ended by ``as_of``; back when a later record of theirs (a trip from a Kazakhstani HEI in a
  half-year after the stay) or a cohort row with a return year shows them home.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from aqyl.domain.classifiers import half_year, parse_period
from aqyl.domain.migration.typology import YEAR, Episode, form_of
from aqyl.domain.numbers import fmt_int, fmt_num, plural_category
from aqyl.domain.pseudonym import is_pseudonym
from aqyl.domain.report.document import Block, Cell, Column, Heading, Paragraph, Row, Table
from aqyl.domain.wording.catalogue import label


@dataclass(frozen=True)
class Trip:
    person: str  # person_key(): the linked pseudonym, or HEI/person_id
    period: str
    direction: str
    category: str
    hei: str
    country: str = ""
    format: str = "offline"
    start: date | None = None
    end: date | None = None

    @property
    def half(self) -> int:
        return half_index(self.period)

    @property
    def days(self) -> int | None:
        return (self.end - self.start).days + 1 if self.start and self.end else None


def half_index(period: str) -> int:
    p = parse_period(half_year(period))  # they count half-years
    return p.year * 2 + p.half - 1


def person_key(person_id: str, hei: str, record: object = None) -> str:
    """The linked pseudonym itself, the HEI's own code prefixed by the HEI, or (no ID) the record."""
    if person_id and is_pseudonym(person_id):
        return person_id
    if person_id:
        return f"{hei}/{person_id}"
    return f"record/{record}"


def sequences(trips: Iterable[Trip]) -> dict[str, list[Trip]]:
    """Each person's trips in order (half-year, then start date)."""
    by: dict[str, list[Trip]] = defaultdict(list)
    for t in trips:
        by[t.person].append(t)
    for seq in by.values():
        seq.sort(key=lambda t: (t.half, t.start or date.min, t.direction, t.hei))
    return dict(by)


@dataclass(frozen=True)
class Share:
    part: int
    whole: int

    @property
    def percent(self) -> float | None:
        return round(100 * self.part / self.whole, 1) if self.whole else None

    def as_dict(self) -> dict:
        return {"part": self.part, "whole": self.whole, "percent": self.percent}


@dataclass(frozen=True)
class PersonIndicators:
    as_of: str
    within: int
    persons: int  # people with an ID
    linked: int  # of whom known by a linked pseudonym
    trips: int
    several_periods: int
    several_heis: int
    trips_per_person: dict[int, int]
    forms: dict[str, int]  # trips by form of migration, decided on each person's whole sequence
    pendulum_persons: int
    staff_again: Share
    incoming_return: Share
    degree_return: Share
    degree_back_by_record: int
    degree_back_by_cohort: int
    degree_still_abroad: int  # degree stays not ended by as_of
    periods: tuple[str, ...] = field(default=())
    identified_trips: int = 0  # the trips whose record carries a person ID

    @property
    def measured(self) -> bool:
        """Whether an ID links two records of one person: a pseudonymised IIN, or an HEI's own code
        on more than one record. Else every indicator would print a zero nothing measured."""
        return self.linked > 0 or any(k > 1 and v for k, v in self.trips_per_person.items())

    def as_dict(self) -> dict:
        return {
            "as_of": self.as_of, "within_half_years": self.within, "periods": list(self.periods),
            "persons": self.persons, "linked_persons": self.linked, "trips": self.trips,
            "identified_trips": self.identified_trips, "measured": self.measured,
            "persons_several_periods": self.several_periods, "persons_several_heis": self.several_heis,
            "trips_per_person": {str(k): v for k, v in sorted(self.trips_per_person.items())},
            "forms": self.forms, "pendulum_persons": self.pendulum_persons,
            "outgoing_staff_again": self.staff_again.as_dict(), "incoming_specialists_return": self.incoming_return.as_dict(),
            "degree_students_back": self.degree_return.as_dict() | {
                "by_record": self.degree_back_by_record, "by_cohort": self.degree_back_by_cohort,
                "still_abroad": self.degree_still_abroad},
        }


def indicators(trips: Sequence[Trip], returned_by_cohort: Iterable[str] = (), *, as_of: str | None = None,
               within: int = 4) -> PersonIndicators:
    """Person-level indicators over ``trips`` up to ``as_of`` (default: the last half-year with a trip).
    ``returned_by_cohort``: person IDs a cohort row shows back in Kazakhstan."""
    if within < 1:
        raise ValueError("within must be at least one half-year")
    end = half_index(as_of) if as_of else max((t.half for t in trips), default=0)
    trips = [t for t in trips if t.half <= end]
    seqs = sequences(trips)
    named = {p: s for p, s in seqs.items() if not p.startswith("record/")}
    back_in_cohort = set(returned_by_cohort)

    forms: Counter[str] = Counter()
    pendulum = 0
    for person, seq in seqs.items():
        physical = sum(1 for t in seq if t.format != "online")
        for t in seq:
            forms[form_of(Episode(online=t.format == "online", days=t.days,
                                  returned=True if t.days and t.days >= YEAR else None,
                                  trips_by_person=physical if not person.startswith("record/") else 1))] += 1
        pendulum += physical > 1 and not person.startswith("record/")

    def again(direction: str) -> Share:
        part = whole = 0
        for seq in named.values():
            own = [t for t in seq if t.direction == direction and t.category != "student"]
            if not own or own[0].half + within > end:
                continue
            whole += 1
            part += any(own[0].half < t.half <= own[0].half + within for t in own[1:])
        return Share(part, whole)

    degree = by_record = by_cohort = still = 0
    back = 0
    for person, seq in named.items():
        stays = [t for t in seq if t.category == "student" and t.direction == "outgoing" and t.days and t.days >= YEAR]
        if not stays:
            continue
        stay = stays[0]
        if stay.end is None or stay.end > parse_period(_code(end)).end:
            still += 1
            continue
        degree += 1
        later = any(t.half > stay.half and parse_period(t.period).start > stay.end for t in seq if t is not stay)
        cohort = person in back_in_cohort
        by_record += later
        by_cohort += cohort
        back += later or cohort
    return PersonIndicators(
        as_of=_code(end), within=within, persons=len(named), linked=sum(1 for p in named if is_pseudonym(p)),
        trips=len(trips), several_periods=sum(1 for s in named.values() if len({t.half for t in s}) > 1),
        several_heis=sum(1 for s in named.values() if len({t.hei for t in s}) > 1),
        trips_per_person=dict(Counter(len(s) for s in named.values())), forms=dict(forms), pendulum_persons=pendulum,
        staff_again=again("outgoing"), incoming_return=again("incoming"), degree_return=Share(back, degree),
        degree_back_by_record=by_record, degree_back_by_cohort=by_cohort, degree_still_abroad=still,
        periods=tuple(sorted({t.period for t in trips})), identified_trips=sum(len(s) for s in named.values()),
    )


def _code(half: int) -> str:
    return f"{half // 2}H{half % 2 + 1}"


# --- the note's section ---------------------------------------------------------------------------
TEXT = {
    "heading": label("persons_heading"), "intro": label("persons_intro"), "linked": label("persons_linked"),
    "unlinked": label("persons_unlinked"), "caption": label("persons_caption"),
    "indicator": label("indicator"), "count": label("persons_count"), "of": label("persons_of"),
    "percent": label("persons_percent"), "several_periods": label("persons_several_periods"),
    "several_heis": label("persons_several_heis"), "pendulum": label("persons_pendulum"),
    "staff_again": label("persons_staff_again"), "incoming_return": label("persons_incoming_return"),
    "degree_return": label("persons_degree_return"), "method": label("persons_method"),
    "none": label("persons_none"),
}


def section_blocks(ind: PersonIndicators, lang: str) -> list[Block]:
    """The note's short section on persons: a paragraph, a table, the method."""
    t = {k: v.get(lang) for k, v in TEXT.items()}
    blocks: list[Block] = [Heading(t["heading"], 2)]
    if not ind.measured:  # one sentence, not a table of zeros nothing measured
        return [*blocks, Paragraph(t["none"])]

    def n(x: int) -> str:
        return fmt_int(x, lang)

    # "half-year" after the number k, as each language writes it (Kazakh nouns do not change).
    halves = {"kk": "жартыжылдық", "ru": "полугодия" if plural_category(ind.within, "ru") == "one" else "полугодий",
              "en": "half-year" if ind.within == 1 else "half-years"}[lang]
    k = {"k": ind.within, "halves": halves}
    first, last = (ind.periods[0], ind.periods[-1]) if ind.periods else (ind.as_of, ind.as_of)
    span = parse_period(first).through(parse_period(last)).get(lang)
    linked = t["linked"].format(linked=n(ind.linked)) if ind.linked else t["unlinked"]
    blocks.append(Paragraph(t["intro"].format(span=span, persons=n(ind.persons), trips=n(ind.trips),
                                              with_id=n(ind.identified_trips)) + " " + linked))
    lines = [
        (t["several_periods"], Share(ind.several_periods, ind.persons)),
        (t["several_heis"], Share(ind.several_heis, ind.persons)),
        (t["pendulum"], Share(ind.pendulum_persons, ind.persons)),
        (t["staff_again"].format(**k), ind.staff_again),
        (t["incoming_return"].format(**k), ind.incoming_return),
        (t["degree_return"], ind.degree_return),
    ]
    # A share of no one is not a zero: no one could be counted yet (dashes, not "0 | 0").
    rows = tuple(Row((Cell(text), *((Cell(n(s.part), s.part), Cell(n(s.whole), s.whole),
                                     Cell(fmt_num(s.percent or 0.0, lang), s.percent)) if s.whole else (Cell("–"),) * 3)))
                 for text, s in lines)
    blocks.append(Table("persons", t["caption"].format(as_of=parse_period(ind.as_of).as_of.get(lang)),
                        (Column(t["indicator"]), Column(t["count"], "number"), Column(t["of"], "number"),
                         Column(t["percent"], "percent")), rows))
    blocks.append(Paragraph(t["method"].format(**k, by_record=n(ind.degree_back_by_record),
                                               by_cohort=n(ind.degree_back_by_cohort), still=n(ind.degree_still_abroad))))
    return blocks
