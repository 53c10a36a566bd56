"""The ``aqyl`` command. It parses arguments, calls the library and turns typed errors into a
message in the user's language; it never shows a traceback."""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from aqyl.domain.classifiers import CLASSIFIERS, DIRECTION, HEI_TYPE, REGION, parse_period
from aqyl.domain.errors import AqylError
from aqyl.domain.i18n import LANGUAGES, Label

app = typer.Typer(help="Aqyl: academic mobility and intellectual migration monitoring.", no_args_is_help=True,
                  pretty_exceptions_enable=False, add_completion=False)
hei_app = typer.Typer(help="The register of Kazakhstani HEIs.", no_args_is_help=True)
app.add_typer(hei_app, name="hei")
console = Console()
err_console = Console(stderr=True)


def default_lang() -> str:
    """AQYL_LANG, else the system locale's language if it is one of ours, else Kazakh."""
    for value in (os.environ.get("AQYL_LANG"), os.environ.get("LC_ALL"), os.environ.get("LANG")):
        if value and value[:2] in LANGUAGES:
            return value[:2]
    return "kk"


LangOption = Annotated[str, typer.Option("--lang", help="Language of labels and messages: kk, ru or en.")]


def _lang(value: str | None) -> str:
    lang = value or default_lang()
    if lang not in LANGUAGES:
        err_console.print(f"--lang: use kk, ru or en, not {lang!r}")
        raise typer.Exit(2)
    return lang


def _db() -> None:
    from aqyl.store.bootstrap import setup

    setup()


# ---------------------------------------------------------------------------------------------
@app.command()
def demo(
    out: Annotated[Path | None, typer.Option(help="Folder for the demo database and its summary.")] = None,
    seed: Annotated[int, typer.Option(help="Seed of the synthesis; the same seed gives the same records.")] = 2023,
    lang: LangOption = "",
) -> None:
    """Build the database and load demo data rebuilt from the H1 2023 analytical note."""
    lang = _lang(lang)
    started = time.perf_counter()
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
        os.environ.setdefault("AQYL_DATABASE_URL", f"sqlite:///{(out / 'aqyl-demo.sqlite3').resolve()}")
    _db()
    from aqyl.store.bootstrap import database_label
    from aqyl.store.demo import DEMO_PASSWORD, load_demo

    summary = load_demo(seed=seed)
    elapsed = time.perf_counter() - started
    text = {
        "kk": ("Демо дайын", "Дерекқор", "Жазбалар", "ЖОО тізілімі", "Тапсырылған есептер", "Пайдаланушылар", "Уақыты", "құпиясөз"),
        "ru": ("Демо готово", "База данных", "Записи", "Реестр вузов", "Представленные отчёты", "Пользователи", "Время", "пароль"),
        "en": ("Demo ready", "Database", "Records", "HEI registry", "Submissions", "Users", "Time", "password"),
    }[lang]
    table = Table(title=text[0], show_header=False)
    table.add_row(text[1], database_label())
    for key, n in summary.records.items():
        period, direction = key.split()
        table.add_row(f"{text[2]}: {parse_period(period).label.get(lang)}, {DIRECTION.label(direction, lang).lower()}", str(n))
    table.add_row(text[3], str(summary.heis))
    table.add_row(text[4], str(summary.submissions))
    table.add_row(text[5], f"{', '.join(summary.users)} ({text[7]}: {DEMO_PASSWORD})")
    table.add_row(text[6], f"{elapsed:.1f} s")
    console.print(table)
    if out is not None:
        (out / "demo-summary.json").write_text(
            json.dumps({"database": database_label(), "records": summary.records, "heis": summary.heis,
                        "submissions": summary.submissions, "users": summary.users, "seconds": round(elapsed, 2)},
                       ensure_ascii=False, indent=2),
            encoding="utf-8",
        )


# ---------------------------------------------------------------------------------------------
@app.command()
def report(
    period: Annotated[str, typer.Option(help="Reporting period: 2023H1, 2022/23 or 2023.")],
    compare: Annotated[str | None, typer.Option(help="Comparison period (default: one year earlier).")] = None,
    category: Annotated[str, typer.Option(help="faculty, researcher, staff or student.")] = "faculty",
    hei_type: Annotated[list[str] | None, typer.Option("--hei-type", help="Only these HEI types; repeatable.")] = None,
    region: Annotated[list[str] | None, typer.Option(help="Only HEIs of these regions; repeatable.")] = None,
    programme: Annotated[list[str] | None, typer.Option(help="Only these programmes; repeatable.")] = None,
    fmt: Annotated[str, typer.Option("--format", help="Comma-separated: docx, pdf, html, xlsx, json, md.")] =
        "docx,pdf,html,xlsx,json",
    out: Annotated[Path, typer.Option(help="Folder for the report files.")] = Path("."),
    lang: LangOption = "",
) -> None:
    """Generate the half-year analytical note in the chosen language and formats."""
    lang = _lang(lang)
    from aqyl.domain.classifiers import CATEGORY, PROGRAMME
    from aqyl.render import FORMATS

    formats = list(dict.fromkeys(f.strip().lower() for f in fmt.split(",") if f.strip()))
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        err_console.print({
            "kk": f"Белгісіз пішім: {', '.join(unknown) or fmt!r}. Мүмкін пішімдер: {', '.join(FORMATS)}.",
            "ru": f"Неизвестный формат: {', '.join(unknown) or fmt!r}. Возможные форматы: {', '.join(FORMATS)}.",
            "en": f"Unknown format: {', '.join(unknown) or fmt!r}. Known formats: {', '.join(FORMATS)}.",
        }[lang])
        raise typer.Exit(2)
    flt_args = dict(
        category=CATEGORY.encode(category),
        hei_types=tuple(HEI_TYPE.encode(t) for t in hei_type or []),
        regions=tuple(REGION.encode(r) for r in region or []),
        programmes=tuple(PROGRAMME.encode(p) for p in programme or []),
    )
    period_code = parse_period(period).code
    compare_code = parse_period(compare).code if compare else None
    _db()
    from aqyl.store.report_data import ReportFilter
    from aqyl.store.reports import generate_report

    started = time.perf_counter()
    paths, data = generate_report(period_code, compare_code, ReportFilter(**flt_args), lang, formats, out)
    current = data["periods"][period_code]
    table = Table(title=parse_period(period_code).label.get(lang), show_header=False)
    for direction in ("outgoing", "incoming", "both"):
        name = DIRECTION.label(direction, lang) if direction != "both" else {"kk": "Барлығы", "ru": "Всего", "en": "Total"}[lang]
        table.add_row(name, str(current[direction]["total"]))
    console.print(table)
    for path in paths:
        console.print(str(path))
    console.print(f"{time.perf_counter() - started:.1f} s")


# ---------------------------------------------------------------------------------------------
@hei_app.command("list")
def hei_list(
    hei_type: Annotated[str | None, typer.Option("--type", help="Only this HEI type (code or label).")] = None,
    search: Annotated[str | None, typer.Option(help="Only HEIs whose name or alias contains this.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
    lang: LangOption = "",
) -> None:
    """List registered HEIs."""
    lang = _lang(lang)
    _db()
    from aqyl.store.registry import search_heis

    rows = search_heis(search or "", HEI_TYPE.encode(hei_type) if hei_type else None)
    if as_json:
        data = [{"code": h.code, "hei_type": h.hei_type, "region": h.region, "name": h.name(lang),
                 "city": getattr(h, f"city_{lang}"), "records": h.n_records} for h in rows]
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return
    heads = {"kk": ("Коды", "Атауы", "Түрі", "Қала", "Жазба"), "ru": ("Код", "Название", "Тип", "Город", "Записей"),
             "en": ("Code", "Name", "Type", "City", "Records")}[lang]
    table = Table(*heads)
    for h in rows:
        table.add_row(h.code, h.name(lang), HEI_TYPE.label(h.hei_type, lang), getattr(h, f"city_{lang}"), str(h.n_records))
    console.print(table)


@hei_app.command("add")
def hei_add(
    code: Annotated[str, typer.Option(help="Stable code: Latin letters, digits, - and _.")],
    hei_type: Annotated[str, typer.Option("--type", help="national, state, jsc, private or international.")],
    name_kk: Annotated[str, typer.Option(help="Name in Kazakh.")],
    name_ru: Annotated[str, typer.Option(help="Name in Russian.")],
    name_en: Annotated[str, typer.Option(help="Name in English.")],
    region: Annotated[str, typer.Option(help="Region code or name (e.g. almaty_city, Астана).")] = "",
    city_kk: Annotated[str, typer.Option()] = "",
    city_ru: Annotated[str, typer.Option()] = "",
    city_en: Annotated[str, typer.Option()] = "",
    profile: Annotated[str, typer.Option(help="HEI profile (medical, technical, …).")] = "multidisciplinary",
    alias: Annotated[list[str] | None, typer.Option(help="Another spelling; repeat for more.")] = None,
    lang: LangOption = "",
) -> None:
    """Register a new HEI."""
    lang = _lang(lang)
    _db()
    from aqyl.domain.classifiers import HEI_PROFILE
    from aqyl.domain.heis import Hei
    from aqyl.store.registry import add_hei

    hei = Hei(
        code=code.strip(), hei_type=HEI_TYPE.encode(hei_type), profile=HEI_PROFILE.encode(profile),
        region=REGION.encode(region) if region.strip() else "",
        name=Label(name_kk.strip(), name_ru.strip(), name_en.strip()), city=Label(city_kk, city_ru, city_en),
        aliases=tuple(a.strip() for a in alias or [] if a.strip()),
    )
    add_hei(hei)
    done = {"kk": "ЖОО тіркелді", "ru": "Вуз зарегистрирован", "en": "HEI registered"}[lang]
    console.print(f"{done}: {hei.code} — {hei.name.get(lang)}")


# ---------------------------------------------------------------------------------------------
@app.command()
def classifiers(
    name: Annotated[str | None, typer.Argument(help="A classifier (e.g. country); none lists them all.")] = None,
    lookup: Annotated[str | None, typer.Option(help="Encode this value with the classifier and print its code.")] = None,
    lang: LangOption = "",
) -> None:
    """Show the classifiers, a classifier's codes, or what code a value maps to."""
    lang = _lang(lang)
    if name is None:
        table = Table("name", "title", "codes")
        for key, t in CLASSIFIERS.items():
            table.add_row(key, t.title.get(lang), str(len(t)))
        console.print(table)
        return
    if name not in CLASSIFIERS:
        err_console.print(f"Unknown classifier {name!r}; known: {', '.join(CLASSIFIERS)}")
        raise typer.Exit(2)
    table_ = CLASSIFIERS[name]
    if lookup is not None:
        code = table_.encode(lookup)
        console.print(f"{code} — {table_.label(code, lang)}")
        return
    table = Table("code", *LANGUAGES, title=table_.title.get(lang))
    for c in table_:
        table.add_row(c.code, *c.label)
    console.print(table)


@app.command()
def db(lang: LangOption = "") -> None:
    """Show which database is in use and what it holds (creating and migrating it if needed)."""
    _lang(lang)
    _db()
    from aqyl.store.bootstrap import database_label
    from aqyl.store.models import Hei, MobilityRecord, Submission

    console.print(database_label())
    console.print(f"HEIs: {Hei.objects.count()}  submissions: {Submission.objects.count()}  "
                  f"records: {MobilityRecord.objects.count()}")


@app.command()
def serve(port: Annotated[int, typer.Option(help="Port on 127.0.0.1.")] = 8000) -> None:
    """Run the web application (Django development server; see README for production)."""
    _db()
    from django.core.management import call_command

    call_command("runserver", f"127.0.0.1:{port}", use_reloader=False)


# ---------------------------------------------------------------------------------------------
def main() -> None:
    """Entry point: typed errors become a message in the user's language, exit status 1."""
    lang = default_lang()
    if "--lang" in sys.argv[:-1]:
        lang = sys.argv[sys.argv.index("--lang") + 1]
        lang = lang if lang in LANGUAGES else "en"
    try:
        app()
    except AqylError as error:
        err_console.print(f"[red]✗[/red] {error.message(lang)}")
        sys.exit(1)
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as error:  # the last guard: a short line, never a traceback
        from aqyl.store.bootstrap import report_crash

        err_console.print(f"[red]✗[/red] {report_crash(error)}")
        sys.exit(3)
