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
from aqyl.domain.wording import messages

app = typer.Typer(help="Aqyl: academic mobility and intellectual migration monitoring.", no_args_is_help=True,
                  pretty_exceptions_enable=False, add_completion=False)
hei_app = typer.Typer(help="The register of Kazakhstani HEIs.", no_args_is_help=True)
app.add_typer(hei_app, name="hei")
flows_app = typer.Typer(help="Origin→destination flows of students and migrants (UIS, OECD, UN DESA, …).",
                        no_args_is_help=True)
app.add_typer(flows_app, name="flows")
migration_app = typer.Typer(help="Intellectual-migration analytics over the register.", no_args_is_help=True)
app.add_typer(migration_app, name="migration")
cohorts_app = typer.Typer(help="Cohorts of scholarship holders (Bolashak, …): return, work-off, employment.",
                          no_args_is_help=True)
app.add_typer(cohorts_app, name="cohorts")
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
    from aqyl.app.filters import report_filter, report_periods

    formats = _formats(fmt, lang)
    period_code, compare_code = report_periods(period, compare)
    _db()
    flt = report_filter(category, hei_type or (), region or (), programme or ())
    from aqyl.store.reports import generate_report

    started = time.perf_counter()
    paths, data = generate_report(period_code, compare_code, flt, lang, formats, out)
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
IMPORT_TEXT = {
    "kk": {"read": "Файл оқылуда", "check": "Тексерілуде", "store": "Сақталуда", "file": "Файл", "format": "Пішімі",
           "rows": "Жолдар", "valid": "Дұрыс", "rejected": "Қабылданбады", "warnings": "Ескертулер", "stored": "Сақталды",
           "time": "Уақыты", "cell": "Ұяшық", "column": "Баған", "value": "Мән", "message": "Не істеу керек",
           "more": "тағы {n} мәселе: толығы --report және --errors-xlsx файлдарында",
           "nothing": "Файлда қате бар, сондықтан ештеңе сақталмады. Қателерді түзетіңіз немесе дұрыс жолдарды ғана сақтау үшін --accept-valid қосыңыз.",
           "dry": "Тексеру ғана (--dry-run): ештеңе сақталмады.",
           "submissions": "Тапсырылған есептер", "hei": "ЖОО", "period": "Кезең", "version": "Нұсқа",
           "cohort": "Бағдарлама", "cohorts": "Сақталған когорталар",
           "wait": "дерекқор басқа жүктеумен бос емес, кезек күтілуде…",
           "more_subs": "Барлығы {total} есеп ({heis} ЖОО, {periods} кезең); тағы {n} есептің тізімі --report файлында."},
    "ru": {"read": "Чтение файла", "check": "Проверка", "store": "Сохранение", "file": "Файл", "format": "Формат",
           "rows": "Строк", "valid": "Верных", "rejected": "Отклонено", "warnings": "Предупреждений", "stored": "Сохранено",
           "time": "Время", "cell": "Ячейка", "column": "Столбец", "value": "Значение", "message": "Что сделать",
           "more": "ещё {n} замечаний: полностью в файлах --report и --errors-xlsx",
           "nothing": "В файле есть ошибки, поэтому ничего не сохранено. Исправьте их или добавьте --accept-valid, чтобы сохранить только верные строки.",
           "dry": "Только проверка (--dry-run): ничего не сохранено.",
           "submissions": "Представленные отчёты", "hei": "Вуз", "period": "Период", "version": "Версия",
           "cohort": "Программа", "cohorts": "Сохранённые когорты",
           "wait": "база данных занята другой загрузкой, ожидание очереди…",
           "more_subs": "Всего {total} отчётов ({heis} вузов, {periods} периодов); список остальных {n} — в файле --report."},
    "en": {"read": "Reading", "check": "Checking", "store": "Storing", "file": "File", "format": "Format",
           "rows": "Rows", "valid": "Valid", "rejected": "Rejected", "warnings": "Warnings", "stored": "Stored",
           "time": "Time", "cell": "Cell", "column": "Column", "value": "Value", "message": "What to do",
           "more": "{n} more problems: all of them are in the --report and --errors-xlsx files",
           "nothing": "The file has errors, so nothing was stored. Fix them, or add --accept-valid to store the valid rows only.",
           "dry": "Check only (--dry-run): nothing was stored.",
           "submissions": "Submissions", "hei": "HEI", "period": "Period", "version": "Version",
           "cohort": "Programme", "cohorts": "Cohorts stored",
           "wait": "the database is busy with another import, waiting for its turn…",
           "more_subs": "{total} submissions in all ({heis} HEIs, {periods} periods); the other {n} are listed in the --report file."},
}
SHOWN_PROBLEMS = 20
SHOWN_SUBMISSIONS = 10


@app.command("import")
def import_(
    files: Annotated[list[Path], typer.Argument(help="CSV or XLSX files in the interchange format (or the template).")],
    accept_valid: Annotated[bool, typer.Option("--accept-valid", help="Store the valid rows even when others are rejected.")] = False,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Check only; store nothing.")] = False,
    report: Annotated[Path | None, typer.Option(help="Write the validation report as JSON to this file.")] = None,
    errors_xlsx: Annotated[Path | None, typer.Option("--errors-xlsx", help="Write the upload with its problems marked to this XLSX.")] = None,
    user: Annotated[str | None, typer.Option(help="Record the submission as this Aqyl user's.")] = None,
    lang: LangOption = "",
) -> None:
    """Import mobility records; exit 0 if every row is valid, 1 if any is rejected, 2 if a file cannot be read."""
    _import(files, "mobility", accept_valid, dry_run, report, errors_xlsx, user, lang)


def _import(files: list[Path], layout: str, accept_valid: bool, dry_run: bool, report: Path | None,
            errors_xlsx: Path | None, user: str | None, lang: str) -> None:
    lang = _lang(lang)
    _db()
    import getpass

    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
    )

    from aqyl.domain.errors import StoreFault
    from aqyl.domain.intake.problems import ImportReport, Problem
    from aqyl.importers.readers import UnreadableFile, display_name
    from aqyl.store.bootstrap import report_crash
    from aqyl.store.imports import import_file

    text = IMPORT_TEXT[lang]
    account, only_hei = _user(user, lang) if user else (None, None)
    who = account.get_username() if account else f"cli:{getpass.getuser()}"
    results = []
    with Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=err_console, transient=True) as bar:
        for path in files:
            name = display_name(path)
            task = bar.add_task(f"{name}: {text['read']}", total=None)

            def tick(stage: str, done: int, total: int, task=task, name=name) -> None:
                if stage == "wait":  # another import holds the database: say so above the bar
                    bar.console.print(f"{name}: {text['wait']}")
                bar.update(task, description=f"{name}: {text[stage]}", completed=done,
                           total=total if stage == "store" else None)

            # Each file on its own: one that cannot be read or stored does not stop the others.
            try:
                result, table = import_file(path, accept_valid=accept_valid, dry_run=dry_run, user=account,
                                            submitted_by=who, progress=tick, layout=layout, only_hei=only_hei)
            except (UnreadableFile, StoreFault) as error:
                result, table = ImportReport(file=name, unreadable=True), None
                result.add(Problem(0, "", "", error.key, params=error.params))
            except Exception as error:  # logged in full; the summary names the file
                result, table = ImportReport(file=name, unreadable=True), None
                result.add(Problem(0, "", "", "file_failed", params={"file": name, "detail": type(error).__name__}))
                result.crashed = report_crash(error)
            bar.remove_task(task)
            results.append((result, table))
    _print_import(results, text, lang, dry_run)
    if report is not None:
        _write_json(report, _import_json(results, lang))
    if errors_xlsx is not None:
        from aqyl.render.errors_xlsx import write_errors_workbook

        write_errors_workbook(errors_xlsx, [(t, r) for r, t in results if t is not None], lang)
    raise typer.Exit(max(3 if getattr(r, "crashed", "") else r.exit_code() for r, _ in results))


ROLE_NAMES = {"officer": Label("ЖОО қызметкері", "сотрудник вуза", "HEI officer"),
              "analyst": Label("талдаушы", "аналитик", "analyst"), "admin": Label("әкімші", "администратор", "administrator"),
              None: Label("рөлі жоқ", "без роли", "no role")}


def _user(username: str, lang: str):
    """The account and the one HEI it may store (None: any), by the web's rules: officers their
    HEI, administrators any, everyone else nothing."""
    from django.contrib.auth import get_user_model

    from aqyl.web import access

    found = get_user_model().objects.filter(username=username, is_active=True).first()
    if found is None:
        err_console.print({"kk": f"«{username}» пайдаланушысы жоқ.", "ru": f"Пользователя «{username}» нет.",
                           "en": f"There is no user “{username}”."}[lang])
        raise typer.Exit(2)
    role = access.role_of(found)
    if role not in ("officer", "admin"):
        err_console.print(messages.render("user_may_not_store", lang, user=username, role=ROLE_NAMES[role]))
        raise typer.Exit(2)
    return found, access.hei_of(found).code if role == "officer" else None


def _print_import(results, text: dict, lang: str, dry_run: bool, nothing: str = "") -> None:
    """The import's summary and problems; ``nothing`` replaces the line said when errors kept
    everything out (a survey analysis stores nothing: it leaves the file unanalysed)."""
    table = Table(text["file"], text["rows"], text["valid"], text["rejected"], text["warnings"], text["stored"], text["time"])
    for r, _ in results:
        table.add_row(r.file, str(r.rows), str(r.valid), f"[red]{r.rejected}[/red]" if r.rejected else "0",
                      str(r.warnings_total), str(r.stored), f"{r.seconds:.1f} s")
    console.print(table)
    for r, _ in results:
        if not r.problems:
            continue
        problems = Table(text["cell"], text["column"], text["value"], text["message"], title=r.file, show_lines=False)
        ordered = sorted(r.problems, key=lambda p: (p.severity != "error" and not r.unreadable, p.row, p.position or 0))
        from aqyl.domain.intake.problems import cell_name

        for p in ordered[:SHOWN_PROBLEMS]:
            colour = "red" if p.severity == "error" else "yellow"
            where = cell_name(p.row, p.position) if p.row else ""
            problems.add_row(where, p.header or p.column, p.value[:40], f"[{colour}]{p.message(lang)}[/{colour}]")
        console.print(problems)
        hidden = r.errors_total + r.warnings_total - min(len(ordered), SHOWN_PROBLEMS)
        if hidden > 0:
            console.print(text["more"].format(n=hidden))
        if r.rejected and not r.stored and not dry_run and not r.unreadable:
            console.print(f"[red]{nothing or text['nothing']}[/red]")
    if dry_run:
        console.print(text["dry"])
    stored = [s for r, _ in results for s in r.submissions]
    if stored and "cohort" in stored[0]:
        subs = Table(text["cohort"], text["version"], text["stored"], text["rejected"], title=text["cohorts"])
        for s in stored:
            subs.add_row(s["cohort"], str(s["version"]), str(s["rows"]), str(s["rejected"]))
        console.print(subs)
    elif stored:
        subs = Table(text["hei"], text["period"], text["version"], text["stored"], text["rejected"], title=text["submissions"])
        for s in stored[:SHOWN_SUBMISSIONS]:
            subs.add_row(s["hei"], s["period"], str(s["version"]), str(s["rows"]), str(s["rejected"]))
        console.print(subs)
        if len(stored) > SHOWN_SUBMISSIONS:  # a national file holds a thousand: the rest in --report
            console.print(text["more_subs"].format(n=len(stored) - SHOWN_SUBMISSIONS, total=len(stored),
                                                   heis=len({s["hei"] for s in stored}),
                                                   periods=len({s["period"] for s in stored})))


def _import_json(results, lang: str) -> dict:
    files = [r.as_dict(lang) for r, _ in results]
    return {
        "rows": sum(f["rows"] for f in files), "valid": sum(f["valid"] for f in files),
        "rejected": sum(f["rejected"] for f in files), "warnings": sum(f["warnings"] for f in files),
        "stored": sum(f["stored"] for f in files), "lang": lang,
        "errors": [{"file": f["file"], **e} for f in files for e in f["errors"]],
        "files": files,
    }


def _write_json(path: Path, data: dict) -> None:
    from aqyl.files import write_atomically

    write_atomically(path, json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8"))


@app.command()
def template(
    out: Annotated[Path, typer.Option(help="Where to write the XLSX template.")],
    lang: LangOption = "",
) -> None:
    """Write the XLSX upload template (headers, drop-down lists and instructions) in one language."""
    _template(out, "mobility", lang)


def _template(out: Path, layout: str, lang: str) -> None:
    lang = _lang(lang)
    _db()
    from aqyl.files import write_atomically
    from aqyl.render.template import build_template
    from aqyl.store.registry import directory

    write_atomically(out, build_template(lang, list(directory().heis.values()), layout))
    console.print(str(out))


@app.command()
def submissions(
    period: Annotated[str, typer.Option(help="Half-year, e.g. 2023H1.")],
    hei: Annotated[str | None, typer.Option(help="Show this HEI's versions instead of the board.")] = None,
    compare_with: Annotated[int | None, typer.Option("--compare", help="With --hei: what changed from this version to the current one.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
    lang: LangOption = "",
) -> None:
    """Which HEIs submitted for a period, when, how many rows, and which have not."""
    lang = _lang(lang)
    period_code = parse_period(period).code
    _db()
    from aqyl.store import models as m
    from aqyl.store.submissions import board, history

    heads = {"kk": ("ЖОО", "Түрі", "Нұсқа", "Қашан", "Кім", "Жолдар", "Қабылданбаған", "Файл", "Тапсырмаған"),
             "ru": ("Вуз", "Тип", "Версия", "Когда", "Кто", "Строк", "Отклонено", "Файл", "Не сдали"),
             "en": ("HEI", "Type", "Version", "When", "Who", "Rows", "Rejected", "File", "Not submitted")}[lang]
    if hei:
        row = m.Hei.objects.filter(code=_hei_code(hei)).first()
        versions = history(row, period_code)
        if compare_with is not None:
            _print_comparison(versions, compare_with, as_json, lang)
            return
        data = [_submission_json(s) for s in versions]
        if as_json:
            print(json.dumps(data, ensure_ascii=False, indent=2))
            return
        table = Table(heads[2], heads[3], heads[4], heads[5], heads[6], heads[7], "SHA-256", title=f"{row.code} — {row.name(lang)}")
        for s in versions:
            mark = " ✓" if s.is_current else ""
            table.add_row(f"{s.version}{mark}", _when(s), s.submitted_by, str(s.row_count), str(s.rejected_count),
                          s.file_name, s.file_sha256[:12])
        console.print(table)
        return
    lines = board(period_code)
    if as_json:
        print(json.dumps([{"hei": line.hei.code, "name": line.hei.name(lang), "hei_type": line.hei.hei_type,
                           "versions": line.versions,
                           "current": _submission_json(line.current) if line.current else None} for line in lines],
                         ensure_ascii=False, indent=2))
        return
    table = Table(heads[0], heads[1], heads[2], heads[3], heads[4], heads[5], heads[6], heads[7],
                  title=parse_period(period_code).label.get(lang))
    missing = 0
    for line in lines:
        s = line.current
        name = f"{line.hei.code} — {line.hei.name(lang)}"
        if s is None:
            missing += 1
            table.add_row(f"[yellow]{name}[/yellow]", HEI_TYPE.label(line.hei.hei_type, lang), "—", "—", "—", "—", "—", f"[yellow]{heads[8]}[/yellow]")
        else:
            table.add_row(name, HEI_TYPE.label(line.hei.hei_type, lang), str(s.version), _when(s), s.submitted_by,
                          str(s.row_count), str(s.rejected_count), s.file_name)
    console.print(table)
    console.print(f"{heads[8]}: {missing} / {len(lines)}")


def _print_comparison(versions, number: int, as_json: bool, lang: str) -> None:
    from aqyl.store.submissions import compare

    old = next((v for v in versions if v.version == number), None)
    current = next((v for v in versions if v.is_current), None)
    if old is None or current is None:
        err_console.print({"kk": f"{number}-нұсқа немесе ағымдағы нұсқа жоқ.", "ru": f"Нет версии {number} или текущей версии.",
                           "en": f"There is no version {number}, or no current version."}[lang])
        raise typer.Exit(2)
    diff = compare(old, current)
    if as_json:
        print(json.dumps(diff, ensure_ascii=False, indent=2))
        return
    words = {"kk": ("Жолдар", "Қосылды", "Жойылды", "Өзгерді", "Бағыт", "Ел"),
             "ru": ("Строк", "Добавлено", "Удалено", "Изменено", "Направление", "Страна"),
             "en": ("Rows", "Added", "Removed", "Changed", "Direction", "Country")}[lang]
    table = Table("", f"v{diff['old']}", f"v{diff['new']}", show_header=True)
    table.add_row(words[0], str(diff["rows"][0]), str(diff["rows"][1]))
    for code, (a, b) in diff["by_direction"].items():
        table.add_row(f"{words[4]}: {DIRECTION.label(code, lang)}", str(a), str(b))
    for code, (a, b) in diff["by_country"].items():
        table.add_row(f"{words[5]}: {CLASSIFIERS['country'].label(code, lang)}", str(a), str(b))
    console.print(table)
    for label, key in ((words[1], "added"), (words[2], "removed"), (words[3], "changed")):
        ids = diff[key]
        console.print(f"{label}: {len(ids)}" + (f" ({', '.join(ids[:10])}{', …' if len(ids) > 10 else ''})" if ids else ""))


def _hei_code(text: str) -> str:
    from aqyl.store.registry import directory

    return directory().encode(text)


def _when(s) -> str:
    from django.utils import timezone

    return timezone.localtime(s.created_at).strftime("%Y-%m-%d %H:%M")


def _submission_json(s) -> dict:
    return {"version": s.version, "current": s.is_current, "source": s.source, "created_at": s.created_at.isoformat(),
            "submitted_by": s.submitted_by, "rows": s.row_count, "rejected": s.rejected_count,
            "file_name": s.file_name, "file_sha256": s.file_sha256}


@app.command()
def restore(
    hei: Annotated[str, typer.Option(help="HEI code or name.")],
    period: Annotated[str, typer.Option(help="Half-year, e.g. 2023H1.")],
    version: Annotated[int, typer.Option(help="The earlier version to make current again.")],
    lang: LangOption = "",
) -> None:
    """Make an earlier version of an HEI's submission current again (as a new version)."""
    lang = _lang(lang)
    period_code = parse_period(period).code
    _db()
    import getpass

    from aqyl.store import models as m
    from aqyl.store.register import restore as restore_version

    old = m.Submission.objects.filter(hei__code=_hei_code(hei), period=period_code, version=version).first()
    if old is None or old.is_current:
        err_console.print({"kk": f"{version}-нұсқа жоқ немесе ол қазірдің өзінде ағымдағы.",
                           "ru": f"Версии {version} нет, или она уже текущая.",
                           "en": f"There is no version {version}, or it is already the current one."}[lang])
        raise typer.Exit(2)
    new = restore_version(old, submitted_by=f"cli:{getpass.getuser()}")
    console.print({"kk": f"{old.version}-нұсқа қалпына келтірілді: енді {new.version}-нұсқа ({new.row_count} жол).",
                   "ru": f"Версия {old.version} восстановлена как версия {new.version} ({new.row_count} строк).",
                   "en": f"Version {old.version} restored as version {new.version} ({new.row_count} rows)."}[lang])


# ---------------------------------------------------------------------------------------------
@flows_app.command("import")
def flows_import(
    file: Annotated[Path, typer.Argument(help="A UIS, OECD or UN DESA file as published, or the canonical long format.")],
    source: Annotated[str, typer.Option(help="uis, oecd, undesa or canonical.")],
    population: Annotated[str, typer.Option(help="students, migrant_stock or staff (default: the source's).")] = "",
    lang: LangOption = "",
) -> None:
    """Load flows; the years the file covers replace what the store held for its source."""
    lang = _lang(lang)
    _db()
    from aqyl.app.flows import import_flows

    flows = import_flows(file, source, population)
    n = flows.stored
    text = {"kk": ("Ағын сақталды", "жыл", "ел емес, алынып тасталды", "жыл немесе сан жоқ жолдар"),
            "ru": ("Сохранено потоков", "годы", "не страны, пропущены", "строки без года или числа"),
            "en": ("Flows stored", "years", "not countries, left out", "rows without a year or a count")}[lang]
    console.print(f"{text[0]}: {n:,} ({text[1]} {flows.years[0]}–{flows.years[1]})" if n else f"{text[0]}: 0")
    if flows.skipped:
        shown = ", ".join(f"{name or '∅'} ({rows})" for name, rows in flows.skipped[:12])
        console.print(f"[yellow]{text[2]}: {shown}[/yellow]")
    if flows.bad_rows:
        console.print(f"[yellow]{text[3]}: {flows.bad_rows}[/yellow]")


@flows_app.command("national")
def flows_national(lang: LangOption = "") -> None:
    """Turn the register's current records into yearly flows (source national) in the flows store."""
    lang = _lang(lang)
    _db()
    from aqyl.store.flows import national_flows, save_flows

    frame = national_flows()
    n = save_flows(frame, "register") if frame.height else 0
    console.print({"kk": f"Ұлттық ағындар сақталды: {n}", "ru": f"Сохранено национальных потоков: {n}",
                   "en": f"National flows stored: {n}"}[lang])


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
    lang = _lang(lang)
    _db()
    from aqyl.app.flows import series_forecast

    result = series_forecast(_country_option(origin), _country_option(destination), source, population, since, until,
                             horizon, level)
    p = result.prediction
    if chart is not None:
        from aqyl.render.charts import fan_chart

        chart.write_bytes(fan_chart(result, f"{origin} → {destination} ({source})", chart.suffix.lstrip(".") or "png"))
    if as_json:
        print(json.dumps({"method": result.method, "level": level, "mase": result.mase,
                          "forecast": [{"year": y, "mean": m, "lower": lo, "upper": hi}
                                       for y, m, lo, hi in zip(result.years, p.mean, p.lower, p.upper, strict=True)]},
                         ensure_ascii=False, indent=2))
        return
    words = {"kk": ("Әдіс", "Кері тексеріс (MASE, аз — жақсы)", "жыл", "болжам"),
             "ru": ("Метод", "Обратная проверка (MASE, меньше — лучше)", "год", "прогноз"),
             "en": ("Method", "Back-test (MASE, lower is better)", "year", "forecast")}[lang]
    console.print(f"{words[0]}: {result.method}; {words[1]}: " +
                  ", ".join(f"{m} {v:.2f}" for m, v in sorted(result.mase.items(), key=lambda kv: kv[1])))
    table = Table(words[2], words[3], f"{level}% −", f"{level}% +")
    for y, m, lo, hi in zip(result.years, p.mean, p.lower, p.upper, strict=True):
        table.add_row(str(y), f"{m:,.0f}", f"{lo:,.0f}", f"{hi:,.0f}")
    console.print(table)


@migration_app.command("typology")
def migration_typology(
    period: Annotated[str, typer.Option(help="Half-year of the register, e.g. 2023H1.")],
    category: Annotated[str | None, typer.Option(help="faculty, researcher, staff or student.")] = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
    lang: LangOption = "",
) -> None:
    """Count a period's mobilities by form of intellectual migration (seed 003's typology)."""
    lang = _lang(lang)
    period_code = parse_period(period).code
    cat = CLASSIFIERS["category"].encode(category) if category else None
    _db()
    from aqyl.domain.migration.typology import FORMS
    from aqyl.store.migration import typology

    counts = typology(period_code, cat)
    if as_json:
        print(json.dumps(counts, ensure_ascii=False, indent=2))
        return
    table = Table("", "n", title=parse_period(period_code).label.get(lang))
    for form, n in counts.items():
        table.add_row(FORMS[form].get(lang), str(n))
    console.print(table)


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
    lang = _lang(lang)
    _db()
    from aqyl.app.gravity import COVARIATE_LABELS, fit_or_kept, parse_changes
    from aqyl.app.gravity import scenario as scenario_of

    changes = parse_changes(set_, pull, push)
    fit = fit_or_kept(source, population, since, until)  # kept until these flows change
    origin_code = _country_option(origin)
    scenario = scenario_of(fit, changes, origin_code, year)
    if as_json:
        print(json.dumps({
            "observations": fit.observations, "dropped_separated": fit.dropped, "years": fit.years,
            "pseudo_r2": fit.pseudo_r2, "unknown_countries": fit.unknown_countries,
            "coefficients": [vars(c) for c in fit.coefficients.values()],
            "what_if": scenario.to_dicts() if changes else [],
        }, ensure_ascii=False, indent=2))
        return
    words = {"kk": ("Коэффициент", "Бағалау", "Стд. қате (жұптар)", "95% аралық", "Әсер, %", "Бақылаулар",
                    "нөлдік топтар алынды", "жылдар", "псевдо-R²", "Сценарий", "Модель", "Сценарийде", "Барлығы", "Нақты"),
             "ru": ("Коэффициент", "Оценка", "Ст. ошибка (пары)", "95% интервал", "Эффект, %", "Наблюдений",
                    "исключено нулевых групп", "годы", "псевдо-R²", "Сценарий", "Модель", "По сценарию", "Всего", "Факт"),
             "en": ("Coefficient", "Estimate", "Std. error (pairs)", "95% interval", "Effect, %", "Observations",
                    "dropped, all-zero groups", "years", "pseudo-R²", "Scenario", "Model", "Scenario", "Total", "Observed")}[lang]
    table = Table(words[0], words[1], words[2], words[3], words[4])
    for c in fit.coefficients.values():
        effect = f"{c.effect_percent:+,.0f}" if c.name != "log_distance" else f"{c.estimate:+.2f}/ln km"
        table.add_row(COVARIATE_LABELS[c.name].get(lang), f"{c.estimate:.3f}", f"{c.std_error:.3f}", f"[{c.lower:.3f}; {c.upper:.3f}]", effect)
    console.print(table)
    console.print(f"{words[5]}: {fit.observations:,} ({words[6]}: {fit.dropped:,}); {words[7]} "
                  f"{fit.years[0]}–{fit.years[-1]}; {words[8]} {fit.pseudo_r2:.3f}")
    if fit.unknown_countries:
        console.print(f"[yellow]? {', '.join(fit.unknown_countries)}[/yellow]")
    if changes:
        table = Table("", words[13], words[10], words[11], "Δ %", title=f"{words[9]}: {origin_code}, {scenario['year'][0]}")
        for r in scenario.head(top).iter_rows(named=True):
            table.add_row(_country_name(r["destination"], lang), f"{r['count']:,.0f}", f"{r['fitted']:,.0f}",
                          f"{r['scenario']:,.0f}",
                          f"{(r['scenario'] / r['fitted'] - 1) * 100:+.1f}" if r["fitted"] else "")
        before, after = scenario["fitted"].sum(), scenario["scenario"].sum()
        table.add_row(words[12], f"{scenario['count'].sum():,.0f}", f"{before:,.0f}", f"{after:,.0f}", f"{(after / before - 1) * 100:+.1f}" if before else "")
        console.print(table)


def _formats(fmt: str, lang: str) -> list[str]:
    """The formats asked for, or exit 2 naming the unknown ones."""
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
    return formats


def _country_option(value: str | None) -> str | None:
    from aqyl.app.countries import country_option

    return country_option(value)


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
    lang = _lang(lang)
    _db()
    from aqyl.store.flows import query

    rows = query(_country_option(origin), _country_option(destination), year, source, population)
    if fmt == "json":
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    elif fmt == "csv":
        import csv

        writer = csv.DictWriter(sys.stdout, fieldnames=["year", "origin", "destination", "count", "population", "source"],
                                lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    else:
        table = Table("year", "origin", "destination", "count", "population", "source")
        for r in rows:
            table.add_row(str(r["year"]), _country_name(r["origin"], lang), _country_name(r["destination"], lang),
                          f"{r['count']:,.0f}", r["population"], r["source"])
        console.print(table)


def _country_name(code: str, lang: str) -> str:
    if code == "other":
        return {"kk": "басқа елдер", "ru": "другие страны", "en": "other countries"}[lang]
    return f"{code} {CLASSIFIERS['country'].label(code, lang)}"


@flows_app.command("reconcile")
def flows_reconcile(
    origin: Annotated[str, typer.Option()],
    destination: Annotated[str, typer.Option()],
    year: Annotated[int, typer.Option()],
    as_json: Annotated[bool, typer.Option("--json")] = False,
    lang: LangOption = "",
) -> None:
    """The same pair and year from every source, side by side, with what each source counts."""
    lang = _lang(lang)
    _db()
    from aqyl.app.flows import reconciliation

    rows = reconciliation(_country_option(origin), _country_option(destination), year, lang)
    if as_json:
        print(json.dumps([{k: v for k, v in r.items() if k != "label"} for r in rows], ensure_ascii=False, indent=2))
        return
    table = Table("source", "population", "count", "÷ largest", "definition", show_lines=True)
    for r in rows:
        table.add_row(r["label"], r["population"], f"{r['count']:,.0f}", f"{r['ratio_to_largest']:.2f}", r["definition"])
    console.print(table)


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
def db(check: Annotated[bool, typer.Option("--check", help="Run the database engine's integrity check.")] = False,
       lang: LangOption = "") -> None:
    """Show which database is in use and what it holds (creating and migrating it if needed)."""
    lang = _lang(lang)
    if check:
        from aqyl.store.bootstrap import setup
        from aqyl.store.integrity import check_database

        setup(migrate=False)  # a damaged database must be checked, not migrated
        console.print(check_database().get(lang))
        return
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


from aqyl.cli import opendata  # noqa: E402  (key, pseudonymise, publish, persons)

opendata.register(app)
from aqyl.cli import ops  # noqa: E402

ops.register(app, LangOption, _lang, console, err_console, _db)
from aqyl.cli import research as _research  # noqa: E402

_research.register(app)


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
        sys.exit(getattr(error, "exit_code", 1))
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as error:  # the last guard: a short line, never a traceback
        from aqyl.store.bootstrap import report_crash
        from aqyl.store.faults import fault_of

        if (fault := fault_of(error)) is not None:  # the database's fault: what to do, exit 2
            err_console.print(f"[red]✗[/red] {fault.message(lang)}")
            sys.exit(2)
        err_console.print(f"[red]✗[/red] {report_crash(error)}")
        sys.exit(3)


# ---------------------------------------------------------------------------------------------
from aqyl.app.cohorts import COHORT_TEXT  # noqa: E402


@cohorts_app.command("import")
def cohorts_import(
    files: Annotated[list[Path], typer.Argument(help="CSV or XLSX files of fellows (see aqyl cohorts template).")],
    accept_valid: Annotated[bool, typer.Option("--accept-valid", help="Store the valid rows even when others are rejected.")] = False,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Check only; store nothing.")] = False,
    report: Annotated[Path | None, typer.Option(help="Write the validation report as JSON to this file.")] = None,
    errors_xlsx: Annotated[Path | None, typer.Option("--errors-xlsx", help="Write the upload with its problems marked to this XLSX.")] = None,
    user: Annotated[str | None, typer.Option(help="Record the upload as this Aqyl user's.")] = None,
    lang: LangOption = "",
) -> None:
    """Import fellows of scholarship programmes; each programme in a file becomes its new version."""
    _import(files, "cohort", accept_valid, dry_run, report, errors_xlsx, user, lang)


@cohorts_app.command("template")
def cohorts_template(
    out: Annotated[Path, typer.Option(help="Where to write the XLSX template.")],
    lang: LangOption = "",
) -> None:
    """Write the XLSX template for a cohort of fellows in one language."""
    _template(out, "cohort", lang)


@cohorts_app.command("show")
def cohorts_show(
    cohort: Annotated[str | None, typer.Option(help="One programme (default: every one, and all together).")] = None,
    as_of: Annotated[int | None, typer.Option("--as-of", help="The year the data describe (default: this year).")] = None,
    within: Annotated[int, typer.Option(help="Brain circulation: back within this many years of departure.")] = 5,
    as_json: Annotated[bool, typer.Option("--json")] = False,
    lang: LangOption = "",
) -> None:
    """Indicators of the stored cohorts: graduation, return, circulation, work-off, employment, brain waste, forms."""
    import datetime

    lang = _lang(lang)
    _db()
    from aqyl.domain.migration.cohorts import summarise_cohorts
    from aqyl.store.cohorts import current_fellows

    year = as_of or datetime.date.today().year
    summaries = summarise_cohorts(current_fellows(cohort), as_of=year, within_years=within)
    if as_json:
        print(json.dumps([s.as_dict() for s in summaries], ensure_ascii=False, indent=2))
        return
    if not summaries or not summaries[0].fellows:
        err_console.print(COHORT_TEXT["none"].get(lang))
        raise typer.Exit(1)
    from aqyl.app.cohorts import indicator_rows

    t = {k: v.get(lang) for k, v in COHORT_TEXT.items()}
    table = Table(t["indicator"], *(s.cohort or t["all"] for s in summaries), title=str(year))
    rows = indicator_rows(summaries, lang, within)
    for label, values in rows:
        table.add_row(label, *values)
    console.print(table)


@migration_app.command("note")
def migration_note(
    year: Annotated[int, typer.Option(help="The year the note is about.")],
    origin: Annotated[str, typer.Option(help="Country whose students abroad are described.")] = "KZ",
    source: Annotated[str | None, typer.Option(help="Flows of this source (default: the one with most students that year).")] = None,
    since: Annotated[int | None, typer.Option(help="Forecast from the years since this one only.")] = None,
    horizon: Annotated[int, typer.Option(help="Years to forecast.")] = 5,
    level: Annotated[int, typer.Option(help="Prediction interval, %.")] = 80,
    enrolment: Annotated[int | None, typer.Option(help="Tertiary students at home that year, for the outbound mobility ratio.")] = None,
    formats: Annotated[str, typer.Option("--format", help="Comma-separated: docx, pdf, html, xlsx, json, md.")] = "docx,pdf,html,xlsx,json",
    out: Annotated[Path, typer.Option(help="Folder for the files.")] = Path("."),
    lang: LangOption = "",
) -> None:
    """Write the student emigration note for a year: destinations, trend, forecast with back-test, indicators."""
    lang = _lang(lang)
    code = _country_option(origin)
    chosen = _formats(formats, lang)
    _db()
    from aqyl.app.migration import emigration_note

    paths = emigration_note(code, year, lang, chosen, out, source=source, since=since, horizon=horizon, level=level,
                            enrolment=enrolment)
    if paths is None:
        err_console.print({"kk": f"{year} жылға {code} бойынша студенттер ағыны сақталмаған: алдымен aqyl flows import.",
                           "ru": f"Потоков студентов из {code} за {year} год нет: сначала aqyl flows import.",
                           "en": f"No student flows from {code} stored for {year}: run aqyl flows import first."}[lang])
        raise typer.Exit(1)
    paths, hint = paths
    if hint:
        err_console.print(hint)
    for path in paths:
        console.print(str(path))


# --- surveys -----------------------------------------------------------------------------------
survey_app = typer.Typer(help="Surveys on migration motives: questionnaires, responses, scales, reliability.",
                         no_args_is_help=True)
app.add_typer(survey_app, name="survey")
InstrumentOption = Annotated[str, typer.Option("--instrument", help="A shipped instrument (motives) or a JSON file.")]


def _instrument(name: str, lang: str):
    from aqyl.domain.survey.instrument import load_instrument

    try:
        return load_instrument(name)
    except AqylError as error:
        err_console.print(f"[red]{error.message(lang)}[/red]")
        raise typer.Exit(2) from None


@survey_app.command("questionnaire")
def survey_questionnaire(
    out: Annotated[Path, typer.Option(help="The file to write: .xlsx (questions and an answer sheet) or .csv.")],
    instrument: InstrumentOption = "motives",
    lang: LangOption = "",
) -> None:
    """Write an instrument as a questionnaire in one language (build a form from it: its answers then
    import without a mapping)."""
    lang = _lang(lang)
    from aqyl.files import write_atomically
    from aqyl.render.questionnaire import questionnaire_csv, questionnaire_xlsx

    found = _instrument(instrument, lang)
    data = questionnaire_csv(found, lang) if out.suffix.lower() == ".csv" else questionnaire_xlsx(found, lang)
    write_atomically(out, data)
    console.print(str(out))


@survey_app.command("analyze")
def survey_analyze(
    responses: Annotated[Path, typer.Argument(help="CSV or XLSX export of a form tool, one row per respondent.")],
    instrument: InstrumentOption = "motives",
    mapping: Annotated[Path | None, typer.Option(help="JSON or CSV mapping of the file's headers (and answers) to items.")] = None,
    by: Annotated[str | None, typer.Option(help="Compare groups: gender, level, funding, funding_type, destination, plan.")] = None,
    fmt: Annotated[str, typer.Option("--format", help="table, or any of json, docx, html, pdf, xlsx, md (comma-separated).")] = "table",
    out: Annotated[Path, typer.Option(help="Folder for report files (not used by table).")] = Path("."),
    accept_valid: Annotated[bool, typer.Option(help="Analyse the valid rows even when some rows have errors.")] = False,
    errors_xlsx: Annotated[Path | None, typer.Option(help="Write the file back with its problems marked.")] = None,
    lang: LangOption = "",
) -> None:
    """Scale scores, Cronbach's alpha with its interval, item-total correlations, descriptives and,
    with --by, group comparisons (Welch t / ANOVA with effect sizes) and cross-tabs (chi-square, Cramér's V)."""
    lang = _lang(lang)
    from aqyl.app.surveys import analyse_file, check_group, survey_files

    found = _instrument(instrument, lang)
    try:
        check_group(found, by)
    except AqylError as error:
        err_console.print(f"[red]{error.message(lang)}[/red]")
        raise typer.Exit(2) from None
    formats = ["table"] if fmt.strip() == "table" else _formats(fmt, lang)
    try:
        result = analyse_file(responses, found, mapping, by, accept_valid)
    except AqylError as error:
        err_console.print(f"[red]{error.message(lang)}[/red]")
        raise typer.Exit(2) from None
    if result.report.unreadable:
        _print_import([(result.report, None)], IMPORT_TEXT[lang], lang, False)
        raise typer.Exit(2)
    report = result.report
    if report.problems:
        _print_import([(report, result.table)], IMPORT_TEXT[lang], lang, False, nothing={
            "kk": "Файлда қате бар, сондықтан талдау жасалмады. Қателерді түзетіңіз немесе тек дұрыс жолдарды "
                  "талдау үшін --accept-valid қосыңыз.",
            "ru": "В файле есть ошибки, поэтому анализ не выполнен. Исправьте их или добавьте --accept-valid, "
                  "чтобы анализировать только верные строки.",
            "en": "The file has errors, so it was not analysed. Fix them, or add --accept-valid to analyse the "
                  "valid rows only."}[lang] if not accept_valid else {
            "kk": f"Қатесі бар жолдар алынып тасталды; {result.n} дұрыс жол талданады.",
            "ru": f"Строки с ошибками отброшены; анализируются верные строки: {result.n}.",
            "en": f"Rows with errors were left out; the {result.n} valid rows are analysed."}[lang])
    if errors_xlsx is not None and result.table is not None:
        from aqyl.render.errors_xlsx import write_errors_workbook

        write_errors_workbook(errors_xlsx, [(result.table, report)], lang)
    if result.n == 0:
        raise typer.Exit(1)
    if formats == ["table"]:
        _print_survey(result.document(lang))
    else:
        for path in survey_files(result, lang, formats, out):
            console.print(str(path))
    raise typer.Exit(1 if report.errors_total else 0)


def _print_survey(doc) -> None:
    """The report's tables and findings on the terminal (charts are for the files)."""
    from aqyl.domain.report.document import Bullets, Heading, Paragraph
    from aqyl.domain.report.document import Table as DocTable

    for block in doc.blocks:
        if isinstance(block, Heading):
            console.print(f"\n[bold]{block.text}[/bold]")
        elif isinstance(block, Paragraph):
            console.print(block.text)
        elif isinstance(block, Bullets):
            console.print(block.lead)
            for item in block.items:
                console.print(f"  • {item}")
        elif isinstance(block, DocTable):
            table = Table(*(c.header for c in block.columns), title=block.caption, title_justify="left")
            for row in block.rows:
                table.add_row(*(c.text for c in row.cells))
            console.print(table)


# --- interviews --------------------------------------------------------------------------------
interview_app = typer.Typer(help="Interview transcripts, the codebook, coded segments, code frequencies, quotes.",
                            no_args_is_help=True)
app.add_typer(interview_app, name="interview")


@interview_app.command("add")
def interview_add(
    transcript: Annotated[Path, typer.Argument(help="The transcript, a UTF-8 text file.")],
    code: Annotated[str, typer.Option("--id", help="The interview's identifier, e.g. KZ-US-07.")],
    language: Annotated[str, typer.Option("--language", help="The transcript's language: kk, ru or en.")],
    attr: Annotated[list[str] | None, typer.Option(help="An attribute to count codes by: key=value (repeat).")] = None,
    replace: Annotated[bool, typer.Option(help="Replace an interview of that identifier (its segments go).")] = False,
    lang: LangOption = "",
) -> None:
    """Store an interview transcript with its attributes (gender=female, funding=bolashak, …)."""
    lang = _lang(lang)
    _db()
    from aqyl.store.interviews import add_interview

    if language not in LANGUAGES:
        err_console.print(f"--language: kk, ru, en ({language!r})")
        raise typer.Exit(2)
    pairs = [a.split("=", 1) for a in attr or []]
    if any(len(p) != 2 or not p[0].strip() for p in pairs):
        err_console.print({"kk": "--attr: кілт=мән түрінде жазыңыз", "ru": "--attr: пишите в виде ключ=значение",
                           "en": "--attr: write key=value"}[lang])
        raise typer.Exit(2)
    try:
        text = transcript.read_text("utf-8-sig")
        found = add_interview(code, language, text, {k.strip(): v.strip() for k, v in pairs}, replace=replace)
    except (OSError, UnicodeDecodeError) as error:
        err_console.print(f"[red]{transcript}: {error}[/red]")
        raise typer.Exit(2) from None
    except AqylError as error:
        err_console.print(f"[red]{error.message(lang)}[/red]")
        raise typer.Exit(1) from None
    console.print(f"{found.code}: {len(found.transcript):,} · {found.language} · {found.attributes}")


@interview_app.command("code")
def interview_code(
    segments: Annotated[Path, typer.Argument(help="CSV or XLSX with columns interview, code, quote and optional note.")],
    accept_valid: Annotated[bool, typer.Option(help="Store the valid rows even when some rows are wrong.")] = False,
    lang: LangOption = "",
) -> None:
    """Store coded segments; every quote must be found in its transcript. All rows or none."""
    lang = _lang(lang)
    _db()
    from aqyl.app.interviews import store_segment_file

    report, table = store_segment_file(segments, accept_valid)
    _print_import([(report, table)], IMPORT_TEXT[lang], lang, False)
    raise typer.Exit(report.exit_code())


@interview_app.command("codes")
def interview_codes(
    by: Annotated[str | None, typer.Option(help="An interview attribute to count by (gender, funding, …).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    lang: LangOption = "",
) -> None:
    """How many interviews (and segments) mention each code, overall and by group."""
    lang = _lang(lang)
    _db()
    from aqyl.store.interviews import codebook, frequencies

    result = frequencies(by)
    if as_json:
        console.print_json(json.dumps(result, ensure_ascii=False))
        return
    themes, codes = codebook()
    words = {"kk": ("Код", "Тақырып", "Сұхбаттар", "Үзінділер"), "ru": ("Код", "Тема", "Интервью", "Фрагменты"),
             "en": ("Code", "Theme", "Interviews", "Segments")}[lang]
    table = Table(words[0], words[1], f"{words[2]} (n = {result['interviews']})", words[3],
                  *(f"{g} (n = {n})" for g, n in result["groups"].items() if by))
    for c in result["codes"]:
        known = codes.get(c["code"])
        table.add_row(known.label.get(lang) if known else c["code"], themes[known.theme].get(lang) if known else "",
                      str(c["interviews"]), str(c["segments"]), *(str(c["by"][g]) for g in result["groups"] if by))
    console.print(table)


@interview_app.command("quotes")
def interview_quotes(code: Annotated[str, typer.Argument(help="A code of the codebook.")], lang: LangOption = "") -> None:
    """Every quote marked with a code, with its interview and attributes."""
    lang = _lang(lang)
    _db()
    from aqyl.store.interviews import codebook, quotes

    _, codes = codebook()
    if code not in codes:
        err_console.print(f"[red]{messages.render('interview_unknown_code', lang, value=code, known=', '.join(codes))}[/red]")
        raise typer.Exit(2)
    console.print(f"[bold]{codes[code].label.get(lang)}[/bold]")
    for q in quotes(code):
        attrs = ", ".join(f"{k}={v}" for k, v in q["attributes"].items())
        console.print(f"\n[cyan]{q['interview']}[/cyan] ({q['language']}{'; ' + attrs if attrs else ''})\n  «{q['quote']}»")


@interview_app.command("export")
def interview_export(
    out: Annotated[Path, typer.Option(help="The file: .xlsx, .csv or .json.")], lang: LangOption = "",
) -> None:
    """Every coded segment with its interview, attributes, code, theme and quote."""
    lang = _lang(lang)
    _db()
    from aqyl.app.interviews import export_bytes
    from aqyl.files import write_atomically

    data, n = export_bytes(lang, out.suffix)
    write_atomically(out, data)
    console.print(f"{out} ({n})")

# --- analyst-written sections of the note (aqyl.cli.note_texts) ---------------------------------
from aqyl.cli import note_texts as _note_texts  # noqa: E402

app.add_typer(_note_texts.app, name="note-text")

# --- users and reminders of the collection cycle (aqyl.cli.accounts) ----------------------------
from aqyl.cli import accounts as _accounts  # noqa: E402

_accounts.register(app)
