"""Checking an upload column by column: each distinct text of a coded column is read once
(:class:`aqyl.domain.intake.values.CellReader`) and its answer spread over every row holding it;
the rules between cells (degree or study level, dates, period, repeated record IDs) are polars
expressions. A million rows take seconds, not minutes, and every problem keeps its row and cell.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date

import polars as pl

from aqyl.domain.classifiers import DEGREE, STUDY_LEVEL, parse_period
from aqyl.domain.errors import AqylError
from aqyl.domain.heis import HeiDirectory
from aqyl.domain.intake.columns import GROUPS, Column, categories, column, group_columns, other, schema
from aqyl.domain.intake.problems import MAX_LISTED, ImportReport, Problem, cell_name
from aqyl.domain.intake.values import CellReader, Finding
from aqyl.importers.readers import RawTable

ROW = "_row"


@dataclass
class Checked:
    report: ImportReport
    valid: pl.DataFrame  # interchange columns, codes; ``_row`` kept for reference
    rejected: pl.DataFrame  # the rejected rows: ``_row`` and the codes read (texts when the headers failed)


class _Check:
    """Collects problems and the rows they reject."""

    def __init__(self, table: RawTable, positions: dict[str, int], report: ImportReport, layout: str,
                 heis: HeiDirectory | None = None) -> None:
        self.heis = heis
        self.table = table
        self.layout = layout
        self.positions = positions
        self.report = report
        self.rejects: list[pl.Series] = []

    def flag(self, frame: pl.DataFrame, mask: pl.Series, name: str, finding: Finding, values: pl.Series | None = None) -> None:
        """Record ``finding`` on column ``name`` for every row where ``mask`` holds."""
        n = int(mask.sum())
        if not n:
            return
        if finding.severity == "error":
            self.rejects.append(mask)
        room = MAX_LISTED - len(self.report.problems)
        hits = frame.filter(mask).head(max(room, 0))
        shown = (values.filter(mask) if values is not None else hits[name]).head(hits.height)
        for row, value in zip(hits[ROW].to_list(), shown.to_list(), strict=True):
            self.report.add(self.problem(row, name, value, finding))
        self.report.count_unlisted(finding.severity, n - hits.height)

    def problem(self, row: int, name: str, value: str, finding: Finding) -> Problem:
        position = self.positions.get(name)
        return Problem(
            row=row, column=name, value=value or "", type=finding.key, severity=finding.severity, params=finding.params,
            position=None if position is None else position + self.table.first_column,
            header=self.table.headers[position] if position is not None else "", layout=self.layout,
        )


def check(table: RawTable, heis: HeiDirectory, layout: str = "mobility") -> Checked:
    layout_columns = schema(layout).columns
    report = ImportReport(file=table.name)
    headers = schema(layout).match(table.headers)
    first = table.first_column
    if headers.unknown:
        shown = [h for _, h in headers.unknown[:10]] + ([f"… (+{len(headers.unknown) - 10})"] if len(headers.unknown) > 10 else [])
        report.add(Problem(table.header_row, "", "", "unknown_columns", "warning", {"headers": shown}))
    for name, places in headers.duplicates:
        report.add(Problem(table.header_row, name, table.headers[places[1]], "duplicate_column", params={
            "cells": [cell_name(table.header_row, p + first) for p in places]}, position=places[1] + first, layout=layout))
    if headers.missing:
        report.add(Problem(table.header_row, "", "", "missing_columns", params={
            "columns": [column(n, layout).header for n in headers.missing]}))

    raw = table.frame.select(
        *(pl.col(f"c{headers.positions[c.name]}").fill_null("").str.strip_chars().alias(c.name)
          if c.name in headers.positions else pl.lit("", pl.String).alias(c.name) for c in layout_columns),
        pl.col(ROW),
    )
    # Rows with nothing in any known column are spacing, not records (a file without any is not
    # copied for nothing: 0.1 s of a million rows).
    blank = raw.select(pl.all_horizontal(pl.col(c.name) == "" for c in layout_columns)).to_series()
    if blank.any():
        raw = raw.filter(~blank)
    report.rows = raw.height
    if headers.missing or headers.duplicates:
        report.rejected = raw.height
        return Checked(report, raw.head(0), raw)
    if raw.height == 0:
        report.add(Problem(table.header_row, "", "", "no_rows"))
        return Checked(report, raw, raw.head(0))

    c = _Check(table, headers.positions, report, layout, heis)
    codes = raw.select(ROW, *_encode_columns(c, raw, layout_columns, heis))
    ROW_RULES[layout](c, raw, codes)
    if not c.rejects:  # every row valid: nothing to copy apart
        report.valid = raw.height
        return Checked(report, codes, codes.head(0))
    rejected = pl.select(pl.any_horizontal(c.rejects)).to_series()
    valid = codes.filter(~rejected)
    report.valid = valid.height
    report.rejected = raw.height - valid.height
    return Checked(report, valid, codes.filter(rejected))


class _Deferred:
    """One column's flags, kept to be replayed in the columns' order: the columns are encoded on
    two threads (polars releases the GIL), and the problems listed must not depend on which
    thread finished first."""

    def __init__(self) -> None:
        self.calls: list[tuple] = []

    def flag(self, *call) -> None:
        self.calls.append(call)


def _encode_columns(c: _Check, raw: pl.DataFrame, columns: list[Column], heis: HeiDirectory) -> list[pl.Series]:
    def encoded(col: Column) -> tuple[pl.Series, list[tuple]]:
        kept = _Deferred()
        return _encode(kept, raw, col, heis), kept.calls

    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(encoded, columns))
    for _, calls in results:
        for call in calls:
            c.flag(*call)
    return [series for series, _ in results]


def _encode(c: _Check | _Deferred, raw: pl.DataFrame, col: Column, heis: HeiDirectory) -> pl.Series:
    """The column as codes ('' where empty or wrong); flags what is wrong."""
    values = raw[col.name]
    if col.kind in ("id", "text"):
        return _free_text(c, raw, col)
    reader = CellReader(col, heis)
    distinct = values.unique().to_list()
    formulas = [text for text in distinct if text.startswith("=")]  # no code, date or number starts so
    for text in formulas[:MAX_LISTED]:
        c.flag(raw, values == text, col.name, Finding("formula_text", params={"value": text}))
    cells = {text: reader.read(text) for text in distinct if not text.startswith("=")}
    for text, cell in cells.items():
        if cell.finding is not None:
            c.flag(raw, values == text, col.name, cell.finding)
    codes = {t: cell.value for t, cell in cells.items()} | dict.fromkeys(formulas, "")
    return values.replace_strict(codes, return_dtype=pl.String).alias(col.name)


def _free_text(c: _Check | _Deferred, raw: pl.DataFrame, col: Column) -> pl.Series:
    """Identifiers and names: vectorised, since every row may differ."""
    values = raw[col.name]
    if col.required == "always":
        c.flag(raw, values == "", col.name, Finding("required"))
    formula = values.str.starts_with("=")
    for text in values.filter(formula).unique().to_list()[:MAX_LISTED]:
        c.flag(raw, values == text, col.name, Finding("formula_text", params={"value": text}))
    bad = formula
    if col.max_length:
        lengths = values.str.len_chars()
        long_ = (lengths > col.max_length) & ~formula
        for length in lengths.filter(long_).unique().to_list():
            c.flag(raw, long_ & (lengths == length), col.name, Finding("too_long", params={"length": length, "limit": col.max_length}))
        bad = bad | long_
    if col.name == "person_id":
        iin = values.str.contains(r"^\d{12}$")
        c.flag(raw, iin, col.name, Finding("person_id_iin"))
        bad = bad | iin
    return pl.select(pl.when(bad).then(pl.lit("")).otherwise(values)).to_series().alias(col.name)


def _mobility_rules(c: _Check, raw: pl.DataFrame, codes: pl.DataFrame) -> None:
    # Each group's rows fill its columns and leave the other group's empty (the declaration:
    # aqyl.domain.intake.columns); first every column given where it does not belong, then every one missing.
    member = {group: codes["category"].is_in(categories(group)) for group in GROUPS}
    for col in group_columns():
        c.flag(raw, member[other(col.required)] & (raw[col.name] != ""), col.name, _group_finding(col.name)[0])
    for col in group_columns():
        c.flag(raw, member[col.required] & (raw[col.name] == ""), col.name, _group_finding(col.name)[1])

    start, end = codes["start_date"], codes["end_date"]
    inverted = (start != "") & (end != "") & (end < start)
    for s, e in codes.filter(inverted).select("start_date", "end_date").unique().iter_rows():
        c.flag(raw, inverted & (start == s) & (end == e), "end_date", Finding("dates_inverted", params={"start": s, "end": e}))

    c.flag(raw, (raw["period"] == "") & (raw["start_date"] == ""), "period", Finding("no_period"))
    _period_rules(c, raw, codes)
    _active_rules(c, raw, codes)

    _repeats(c, raw, codes, ["record_id"], lambda key, first: Finding("duplicate_record_id", params={"value": key[0], "first": first}))


def _group_finding(name: str) -> tuple[Finding, Finding]:
    """What to say about a group's column: (given on the other group's row, missing on its own)."""
    if name == "degree":
        return (Finding("degree_on_student", params={"level": column("study_level").header}),
                Finding("degree_required", params={"none": DEGREE["none"].label}))
    if name == "study_level":
        return (Finding("level_on_staff", params={"degree": column("degree").header}),
                Finding("level_required", params={"levels": [lvl.label for lvl in STUDY_LEVEL]}))
    raise ValueError(f"no message for the group column {name!r}: add it here and to aqyl.domain.wording")


def _repeats(c: _Check, raw: pl.DataFrame, codes: pl.DataFrame, key: list[str], finding) -> None:
    """Flags every row whose ``key`` (first column non-empty) already appeared on an earlier row."""
    keyed = codes.select(ROW, *key)
    repeated = (codes[key[0]] != "") & keyed.select(key).is_duplicated()
    if not repeated.any():
        return
    firsts = keyed.filter(repeated).group_by(key).agg(pl.col(ROW).min().alias("_first"))
    first_of = keyed.join(firsts, on=key, how="left", maintain_order="left")["_first"]
    later = repeated & (codes[ROW] != first_of)
    for *values, first in keyed.filter(later).select(*key, first_of.filter(later).alias("_f")).unique().iter_rows():
        same = pl.all_horizontal(pl.col(k) == v for k, v in zip(key, values, strict=True))
        c.flag(raw, later & codes.select(same).to_series(), key[0], finding(values, first))


def _cohort_rules(c: _Check, raw: pl.DataFrame, codes: pl.DataFrame) -> None:
    """Years in order and not ahead of today; a job match only for the employed; a person once per programme."""
    departure = codes["departure_year"]
    now = date.today().year
    for name in ("departure_year", "graduation_year", "return_year"):
        years = codes[name]
        future = (years != "") & (years.str.len_chars() == 4) & (years > str(now))
        for value in years.filter(future).unique().to_list():
            c.flag(raw, future & (years == value), name, Finding("year_in_future", params={"value": value, "now": now}))
        if name != "departure_year":
            early = (years != "") & (departure != "") & (years < departure) & ~future
            for value, dep in codes.filter(early).select(name, "departure_year").unique().iter_rows():
                c.flag(raw, early & (years == value) & (departure == dep), name, Finding("year_before_departure", params={
                    "value": value, "departure": dep}))
    c.flag(raw, (codes["job_matches_qualification"] != "") & (codes["employment"] == "not_employed"),
           "job_matches_qualification", Finding("match_without_job"))
    _repeats(c, raw, codes, ["person_id", "cohort"], lambda key, first: Finding("duplicate_person", params={
        "value": key[0], "cohort": key[1], "first": first}))


ROW_RULES = {"mobility": _mobility_rules, "cohort": _cohort_rules}


def _active_rules(c: _Check, raw: pl.DataFrame, codes: pl.DataFrame) -> None:
    """A warning on the rows of an HEI not active in their period (merged, closed or not yet open):
    the rows are kept; the message names its successor when it merged."""
    if c.heis is None or not any(h.active_from or h.active_to for h in c.heis.heis.values()):
        return
    for code, period in codes.filter((codes["hei"] != "") & (codes["period"] != "")).select("hei", "period").unique().iter_rows():
        hei = c.heis.heis.get(code)
        try:
            p = parse_period(period)
        except AqylError:
            continue
        if hei is None or hei.active_between(p.start, p.end):
            continue
        active = "–".join(d.isoformat() if d else "…" for d in (hei.active_from, hei.active_to))
        params = {"hei": code, "period": period, "active": active, "successor": hei.successor}
        finding = Finding("hei_inactive_merged" if hei.successor else "hei_inactive", "warning", params)
        c.flag(raw, (codes["hei"] == code) & (codes["period"] == period), "hei", finding)


def _period_rules(c: _Check, raw: pl.DataFrame, codes: pl.DataFrame) -> None:
    """The period, given or derived from the start date, must overlap the mobility's dates."""
    start, end = codes["start_date"], codes["end_date"]
    given = (codes["period"] != "") & ~((end != "") & (end < start))  # inverted dates are flagged already
    last = pl.select(pl.when(end != "").then(end).otherwise(start)).to_series()
    # Each row's period as its first and last day (one lookup per row, not a pass per period).
    periods = {code: parse_period(code) for code in codes.filter(given & (start != ""))["period"].unique().to_list()}
    first_day = codes["period"].replace_strict({k: p.start.isoformat() for k, p in periods.items()}, default="")
    last_day = codes["period"].replace_strict({k: p.end.isoformat() for k, p in periods.items()}, default="")
    outside = given & (start != "") & ((start > last_day) | (last < first_day))
    if outside.any():
        for code, s, e in codes.filter(outside).select("period", "start_date", "end_date").unique().iter_rows():
            # no end date: the start alone is outside (not "dates 2023-09-01 – 2023-09-01")
            c.flag(raw, outside & (codes["period"] == code) & (start == s) & (end == e), "period", Finding(
                "period_mismatch" if e else "period_mismatch_start", params={"start": s, "end": e,
                                                                             "period": periods[code].label}))
    derived = pl.select(
        pl.when((codes["period"] != "") | (start == "")).then(codes["period"]).otherwise(
            start.str.slice(0, 4) + pl.when(start.str.slice(5, 2) <= "06").then(pl.lit("H1")).otherwise(pl.lit("H2")))
    ).to_series()
    codes.replace_column(codes.get_column_index("period"), derived.alias("period"))
