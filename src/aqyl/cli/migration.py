"""``aqyl migration``: intellectual-migration analytics over the register and the flows."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from aqyl.app.countries import country_option
from aqyl.app.reports import check_formats
from aqyl.app.system import open_database
from aqyl.cli.flows import named
from aqyl.cli.present import LangOption, console, err_console, print_json, table
from aqyl.cli.reports import FormatOption
from aqyl.domain.classifiers import CLASSIFIERS, half_year, parse_period
from aqyl.domain.migration.typology import FORMS
from aqyl.domain.wording.commands import say
from aqyl.domain.wording.interface import ui

migration_app = typer.Typer(help="Intellectual-migration analytics over the register.", no_args_is_help=True)


@migration_app.command("typology")
def migration_typology(
    period: Annotated[str, typer.Option(help="Half-year of the register, e.g. 2023H1.")],
    category: Annotated[str | None, typer.Option(help="faculty, researcher, staff or student.")] = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
    lang: LangOption = "",
) -> None:
    """Count a period's mobilities by form of intellectual migration (seed 003's typology)."""
    period_code = half_year(period)
    cat = CLASSIFIERS["category"].encode(category) if category else None
    open_database()
    from aqyl.app.migration import typology

    counts = typology(period_code, cat)
    if as_json:
        print_json(counts)
        return
    console.print(table("", "n", title=parse_period(period_code).label.get(lang),
                        rows=[[FORMS[form].get(lang), str(n)] for form, n in counts.items()]))


@migration_app.command("gravity")
def migration_gravity(
    source: Annotated[str, typer.Option(help="Flows of this source: oecd, uis, undesa, national, …")],
    population: Annotated[str | None, typer.Option(help="students, migrant_stock or staff.")] = None,
    since: Annotated[int | None, typer.Option(help="Use the years from this one on.")] = None,
    until: Annotated[int | None, typer.Option(help="Use the years up to this one.")] = None,
    set_: Annotated[list[str] | None, typer.Option("--set", help="What-if: COVARIATE=VALUE[:ORIGIN>DESTINATION], "
                                                   "e.g. former_ussr=0:KZ>RU or distance=0.5:KZ>*.")] = None,
    pull: Annotated[list[str] | None, typer.Option(help="What-if: a destination's pull times a factor, e.g. DE=1.2.")] = None,
    push: Annotated[list[str] | None, typer.Option(help="What-if: an origin's push times a factor, e.g. KZ=0.8.")] = None,
    origin: Annotated[str, typer.Option(help="Country whose flows the what-if table shows.")] = "KZ",
    year: Annotated[int | None, typer.Option(help="Year of the what-if (default: the last one).")] = None,
    top: Annotated[int, typer.Option(help="Rows of the what-if table.")] = 15,
    as_json: Annotated[bool, typer.Option("--json")] = False,
    lang: LangOption = "",
) -> None:
    """Gravity model of the stored flows (PPML, origin-year and destination-year fixed effects), with what-ifs."""
    open_database()
    from aqyl.app.gravity import COVARIATE_LABELS, fit_or_kept, parse_changes
    from aqyl.app.gravity import scenario as scenario_of

    changes = parse_changes(set_, pull, push)
    fit = fit_or_kept(source, population, since, until)  # kept until these flows change
    origin_code = country_option(origin)
    scenario = scenario_of(fit, changes, origin_code, year)
    if as_json:
        print_json({
            "observations": fit.observations, "dropped_separated": fit.dropped, "years": fit.years,
            "pseudo_r2": fit.pseudo_r2, "unknown_countries": fit.unknown_countries,
            "coefficients": [vars(c) for c in fit.coefficients.values()],
            "what_if": scenario.to_dicts() if changes else [],
        })
        return
    rows = []
    for c in fit.coefficients.values():
        effect = f"{c.effect_percent:+,.0f}" if c.name != "log_distance" else f"{c.estimate:+.2f}/ln km"
        rows.append([COVARIATE_LABELS[c.name].get(lang), f"{c.estimate:.3f}", f"{c.std_error:.3f}",
                     f"[{c.lower:.3f}; {c.upper:.3f}]", effect])
    console.print(table(say("coefficient", lang), say("estimate", lang), say("std_error_pairs", lang),
                        say("interval_95", lang), say("effect_pct", lang), rows=rows))
    console.print(f"{say('observations', lang)}: {fit.observations:,} ({say('dropped_groups', lang)}: {fit.dropped:,}); "
                  f"{say('years_lc', lang)} {fit.years[0]}–{fit.years[-1]}; {say('pseudo_r2', lang)} {fit.pseudo_r2:.3f}")
    if fit.unknown_countries:
        console.print(f"[yellow]? {', '.join(fit.unknown_countries)}[/yellow]")
    if changes:
        rows = [[named(r["destination"], lang), f"{r['count']:,.0f}", f"{r['fitted']:,.0f}", f"{r['scenario']:,.0f}",
                 f"{(r['scenario'] / r['fitted'] - 1) * 100:+.1f}" if r["fitted"] else ""]
                for r in scenario.head(top).iter_rows(named=True)]
        before, after = scenario["fitted"].sum(), scenario["scenario"].sum()
        rows.append([ui("both", lang), f"{scenario['count'].sum():,.0f}",
                     f"{before:,.0f}", f"{after:,.0f}", f"{(after / before - 1) * 100:+.1f}" if before else ""])
        console.print(table("", say("observed", lang), say("model", lang), say("in_scenario", lang), "Δ %", rows=rows,
                            title=f"{say('scenario_title', lang)}: {origin_code}, {scenario['year'][0]}"))


@migration_app.command("note")
def migration_note(
    year: Annotated[int, typer.Option(help="The year the note is about.")],
    origin: Annotated[str, typer.Option(help="Country whose students abroad are described.")] = "KZ",
    source: Annotated[str | None, typer.Option(help="Flows of this source (default: the one with most students that year).")] = None,
    since: Annotated[int | None, typer.Option(help="Forecast from the years since this one only.")] = None,
    horizon: Annotated[int, typer.Option(help="Years to forecast.")] = 5,
    level: Annotated[int, typer.Option(help="Prediction interval, %.")] = 80,
    enrolment: Annotated[int | None, typer.Option(help="Tertiary students at home that year, for the outbound mobility ratio.")] = None,
    formats: FormatOption = "docx,pdf,html,xlsx,json",
    out: Annotated[Path, typer.Option(help="Folder for the files.")] = Path("."),
    allow_incomplete: Annotated[bool, typer.Option("--allow-incomplete", help="Write a year the source covers only in part, "
                                                   "with a caveat on every finding.")] = False,
    lang: LangOption = "",
) -> None:
    """Write the student emigration note for a year: destinations, trend, forecast with back-test, indicators."""
    code = country_option(origin)
    chosen = check_formats(formats)
    open_database()
    from aqyl.app.migration import emigration_note

    made = emigration_note(code, year, lang, chosen, out, source=source, since=since, horizon=horizon, level=level,
                           enrolment=enrolment, allow_incomplete=allow_incomplete)
    if made is None:
        err_console.print(say("cli_no_student_flows", lang, origin=code, year=year))
        raise typer.Exit(1)
    paths, hint = made
    if hint:
        err_console.print(hint)
    for path in paths:
        console.print(str(path))


def register(app: typer.Typer) -> None:
    app.add_typer(migration_app, name="migration")
