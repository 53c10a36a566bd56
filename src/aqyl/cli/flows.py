"""``aqyl flows``: origin→destination flows of students and migrants (UIS, OECD, UN DESA, …)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from aqyl.app.countries import country_name, country_option
from aqyl.app.system import open_database
from aqyl.cli.present import LangOption, console, print_json, table
from aqyl.domain.wording.commands import say
from aqyl.domain.wording.interface import ui

flows_app = typer.Typer(help="Origin→destination flows of students and migrants (UIS, OECD, UN DESA, …).",
                        no_args_is_help=True)


def named(code: str, lang: str) -> str:
    """A country with its code ("KZ Қазақстан"); the rest of the world as words."""
    return country_name(code, lang) if code == "other" else f"{code} {country_name(code, lang)}"


@flows_app.command("import")
def flows_import(
    file: Annotated[Path, typer.Argument(help="A UIS, OECD or UN DESA file as published, or the canonical long format.")],
    source: Annotated[str, typer.Option(help="uis, oecd, undesa or canonical.")],
    population: Annotated[str, typer.Option(help="students, migrant_stock or staff (default: the source's).")] = "",
    lang: LangOption = "",
) -> None:
    """Load flows; the years the file covers replace what the store held for its source."""
    open_database()
    from aqyl.app import flows

    done = flows.import_flows(file, source, population)
    n = done.stored
    console.print(f"{say('flows_stored', lang)}: {n:,} ({say('years_word', lang)} {done.years[0]}–{done.years[1]})"
                  if n else f"{say('flows_stored', lang)}: 0")
    if done.skipped:
        shown = ", ".join(f"{name or '∅'} ({rows})" for name, rows in done.skipped[:12])
        console.print(f"[yellow]{say('not_countries', lang)}: {shown}[/yellow]")
    if done.bad_rows:
        console.print(f"[yellow]{say('rows_without_count', lang)}: {done.bad_rows}[/yellow]")


@flows_app.command("national")
def flows_national(lang: LangOption = "") -> None:
    """Turn the register's current records into yearly flows (source national) in the flows store."""
    open_database()
    from aqyl.app import flows

    console.print(say("national_stored", lang, n=flows.store_national()))


@flows_app.command("forecast")
def flows_forecast(
    origin: Annotated[str, typer.Option(help="Country of origin (code or name).")],
    destination: Annotated[str, typer.Option(help="Country of destination, or other.")],
    source: Annotated[str, typer.Option(help="uis, oecd, undesa, national, …")] = "uis",
    population: Annotated[str | None, typer.Option()] = None,
    since: Annotated[int | None, typer.Option(help="Use the years from this one on.")] = None,
    until: Annotated[int | None, typer.Option(help="Use the years up to this one.")] = None,
    horizon: Annotated[int, typer.Option(help="Years to forecast.")] = 5,
    level: Annotated[int, typer.Option(help="Prediction interval, %.")] = 80,
    chart: Annotated[Path | None, typer.Option(help="Write a fan chart (PNG or SVG) to this file.")] = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
    lang: LangOption = "",
) -> None:
    """Forecast a flow series with ETS and ARIMA, chosen by a rolling-origin back-test against naive and drift."""
    open_database()
    from aqyl.app import flows

    result = flows.series_forecast(country_option(origin), country_option(destination), source, population, since,
                                   until, horizon, level)
    p = result.prediction
    if chart is not None:
        chart.write_bytes(flows.forecast_chart(result, f"{origin} → {destination} ({source})", chart.suffix))
    rows = list(zip(result.years, p.mean, p.lower, p.upper, strict=True))
    if as_json:
        print_json({"method": result.method, "level": level, "mase": result.mase,
                    "forecast": [{"year": y, "mean": m, "lower": lo, "upper": hi} for y, m, lo, hi in rows]})
        return
    console.print(f"{ui('method', lang)}: {result.method}; {say('cli_backtest', lang)}: " +
                  ", ".join(f"{m} {v:.2f}" for m, v in sorted(result.mase.items(), key=lambda kv: kv[1])))
    console.print(table(say("year_word", lang), say("forecast_word", lang), f"{level}% −", f"{level}% +",
                        rows=[[str(y), f"{m:,.0f}", f"{lo:,.0f}", f"{hi:,.0f}"] for y, m, lo, hi in rows]))


@flows_app.command("show")
def flows_show(
    origin: Annotated[str | None, typer.Option(help="Country of origin (code or name).")] = None,
    destination: Annotated[str | None, typer.Option(help="Country of destination (code or name).")] = None,
    year: Annotated[int | None, typer.Option()] = None,
    source: Annotated[str | None, typer.Option(help="uis, oecd, undesa, national, …")] = None,
    population: Annotated[str | None, typer.Option()] = None,
    fmt: Annotated[str, typer.Option("--format", help="table, json or csv.")] = "table",
    lang: LangOption = "",
) -> None:
    """Show stored flows."""
    open_database()
    from aqyl.app import flows

    rows = flows.stored_flows(country_option(origin), country_option(destination), year, source, population)
    if fmt == "json":
        print_json(rows)
    elif fmt == "csv":
        sys.stdout.write(flows.flows_csv(rows))
    else:
        console.print(table(ui("year", lang), ui("origin", lang), ui("destination", lang), ui("count", lang),
                            ui("population", lang), ui("source", lang), rows=[
            [str(r["year"]), named(r["origin"], lang), named(r["destination"], lang), f"{r['count']:,.0f}",
             r["population"], r["source"]] for r in rows]))


@flows_app.command("reconcile")
def flows_reconcile(
    origin: Annotated[str, typer.Option()],
    destination: Annotated[str, typer.Option()],
    year: Annotated[int, typer.Option()],
    as_json: Annotated[bool, typer.Option("--json")] = False,
    lang: LangOption = "",
) -> None:
    """The same pair and year from every source, side by side, with what each source counts."""
    open_database()
    from aqyl.app import flows

    rows = flows.reconciliation(country_option(origin), country_option(destination), year, lang)
    if as_json:
        print_json([{k: v for k, v in r.items() if k != "label"} for r in rows])
        return
    console.print(table(ui("source", lang), ui("population", lang), ui("count", lang), ui("ratio_largest", lang),
                        ui("definition", lang), show_lines=True, rows=[
        [r["label"], r["population"], f"{r['count']:,.0f}", f"{r['ratio_to_largest']:.2f}", r["definition"]] for r in rows]))


def register(app: typer.Typer) -> None:
    app.add_typer(flows_app, name="flows")
