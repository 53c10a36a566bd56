"""The command line's words, exactly, in each language: the command run in-process (typer's
runner) through the root and its one error boundary. A table of (arguments, language, exit
status, text on standard error or output)."""

from __future__ import annotations

import re

import pytest

from conftest import invoke as aqyl
from test_import_check import csv_text, write

FORMATS = "docx, pdf, html, xlsx, json, md"


@pytest.fixture(autouse=True)
def _wide_consoles(cli):
    """Every test here runs the command in-process with wide consoles (tests/conftest.py)."""


# Refused before the database is opened.
REFUSALS = [
    (["report", "--period", "2023H5"], "kk", 2,
     "✗ «2023H5» кезеңі танылмады. Мысалдар: 2023H1 (жартыжылдық), 2022/23 (оқу жылы), 2023 (күнтізбелік жыл)."),
    (["report", "--period", "2023H5"], "ru", 2,
     "✗ Период «2023H5» не распознан. Примеры: 2023H1 (полугодие), 2022/23 (учебный год), 2023 (календарный год)."),
    (["report", "--period", "2023H5"], "en", 2,
     "✗ Period “2023H5” is not recognised. Examples: 2023H1 (half-year), 2022/23 (academic year), 2023 (calendar year)."),
    (["report", "--period", "2023H1", "--format", "docx,odt"], "kk", 2,
     f"✗ Белгісіз пішім: odt. Мүмкін пішімдер: {FORMATS}."),
    (["report", "--period", "2023H1", "--format", "docx,odt"], "ru", 2,
     f"✗ Неизвестный формат: odt. Возможные форматы: {FORMATS}."),
    (["report", "--period", "2023H1", "--format", "docx,odt"], "en", 2,
     f"✗ Unknown format: odt. Known formats: {FORMATS}."),
    (["report", "--period", "2023H1", "--format", " , "], "en", 2,
     f"✗ Unknown format: ' , '. Known formats: {FORMATS}."),
    (["classifiers", "nope"], "ru", 2, "✗ Справочника «nope» нет; есть: hei_type, hei_profile, direction, category, "
     "format, degree, study_level, field, programme, programme_level, funding, gender, region, country, yes_no, "
     "employment, obligation"),
    (["publish", "--period", "2023H1", "--out", "x", "--threshold", "0"], "kk", 2,
     "✗ --threshold: 1-ден 100-ге дейінгі бүтін сан"),
]


@pytest.mark.parametrize(("args", "lang", "code", "text"), REFUSALS)
def test_refusals_before_the_database(args, lang, code, text):
    assert aqyl(*args, "--lang", lang) == (code, "", text + "\n")


def test_an_unknown_language_is_said_in_the_default_one(monkeypatch):
    monkeypatch.setenv("AQYL_LANG", "ru")
    assert aqyl("report", "--period", "2023H1", "--lang", "de") == (2, "", "--lang: укажите kk, ru или en, а не «de».\n")
    monkeypatch.setenv("AQYL_LANG", "en")
    assert aqyl("classifiers", "--lang", "fr") == (2, "", "--lang: use kk, ru or en, not “fr”.\n")


# Refused with the database open (the test database: the shipped register, no submissions).
ON_THE_DATABASE = [
    (["submissions", "--period", "2023H1", "--hei", "Nowhere University"], "kk", 2,
     "✗ «Nowhere University» ЖОО-сы тізілімде жоқ. Ең жақындары: ARU — Қ. Жұбанов атындағы Ақтөбе өңірлік "
     "университеті, EETI — Академик Қ. И. Сәтбаев атындағы Екібастұз инженерлік-техникалық институты, EGI — А. Қ. "
     "Құсайынов атындағы Еуразия гуманитарлық институты."),
    (["report", "--period", "2023H1", "--category", "prof"], "ru", 2,
     "✗ Значения «prof» нет в справочнике «Категория участника». Допустимые значения: faculty — "
     "Профессорско-преподавательский состав (ППС), researcher — Научный сотрудник, staff — Административный "
     "сотрудник, student — Обучающийся."),
    (["report", "--period", "2023H1", "--category", "prof"], "en", 2,
     "✗ “prof” is not in the Participant category classifier. Allowed values: faculty — Teaching staff, "
     "researcher — Researcher, staff — Administrative staff, student — Student."),
    (["import", "a.csv", "--user", "nobody"], "kk", 2, "«nobody» пайдаланушысы жоқ."),
    (["import", "a.csv", "--user", "nobody"], "ru", 2, "Пользователя «nobody» нет."),
    (["import", "a.csv", "--user", "nobody"], "en", 2, "There is no user “nobody”."),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("args", "lang", "code", "text"), ON_THE_DATABASE)
def test_refusals_on_the_database(args, lang, code, text):
    assert aqyl(*args, "--lang", lang) == (code, "", text + "\n")


MISSING = {"kk": "{file} файлы табылмады.", "ru": "Файл {file} не найден.", "en": "File {file} was not found."}


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_a_missing_file_is_named_in_the_summary(tmp_path, lang):
    missing = tmp_path / "missing.csv"
    code, out, err = aqyl("import", str(missing), "--lang", lang)
    assert code == 2 and err.strip() == ""  # the progress bar, gone, leaves a line
    problem = [line for line in out.splitlines() if "missing.csv" in line and "│" in line][-1]
    assert [cell.strip() for cell in problem.strip("│ ").split("│")][-1] == MISSING[lang].format(file=missing)


SUMMARY = {
    "kk": ("Файл", "Жолдар", "Дұрыс", "Қабылданбады", "Ескертулер", "Сақталды", "Уақыты"),
    "ru": ("Файл", "Строк", "Верных", "Отклонено", "Предупреждений", "Сохранено", "Время"),
    "en": ("File", "Rows", "Valid", "Rejected", "Warnings", "Stored", "Time"),
}
RESTORE_CURRENT = {"kk": "✗ 1-нұсқа жоқ немесе ол қазірдің өзінде ағымдағы.",
                   "ru": "✗ Версии 1 нет, или она уже текущая.",
                   "en": "✗ There is no version 1, or it is already the current one."}


def cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("│┃").split("│" if "│" in line else "┃")]


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_an_import_summary_then_a_restore_of_the_current_version(tmp_path, lang):
    path = write(tmp_path, csv_text([{"hei": "ALMAU"}, {"hei": "ALMAU"}]), "good.csv")
    code, out, err = aqyl("import", str(path), "--lang", lang)
    assert code == 0, out + err
    table = [cells(line) for line in out.splitlines() if "│" in line or "┃" in line]
    assert table[0] == list(SUMMARY[lang])
    unit = {"kk": "с", "ru": "с", "en": "s"}[lang]  # and the decimal sign of the language
    assert re.sub(rf"\d+{',' if lang != 'en' else '[.]'}\d\u00a0{unit}$", "#", " | ".join(table[1])) == (
        "good.csv | 2 | 2 | 0 | 0 | 2 | #")
    assert aqyl("restore", "--hei", "ALMAU", "--period", "2023H1", "--version", "1", "--lang", lang) == (
        2, "", RESTORE_CURRENT[lang] + "\n")


# Usage errors click says in English, said in the user's language (--lang read even when the
# error comes first); the runner names the command "root".
USAGE = [
    (["nosuch"], "kk", "✗ «nosuch» командасы жоқ. Анықтама: root --help"),
    (["nosuch"], "ru", "✗ Команды «nosuch» нет. Справка: root --help"),
    (["nosuch"], "en", "✗ There is no command “nosuch”. Help: root --help"),
    # click's suggestion of a close command name, before --lang is read
    (["imprt", "x.csv"], "kk", "✗ «imprt» командасы жоқ. Ұқсас команда: import. Анықтама: root --help"),
    (["imprt", "x.csv"], "ru", "✗ Команды «imprt» нет. Похожая команда: import. Справка: root --help"),
    (["imprt", "x.csv"], "en", "✗ There is no command “imprt”. Similar command: import. Help: root --help"),
    (["export"], "kk", "✗ «export» командасы жоқ. Ұқсасы: report, import. Анықтама: root --help"),
    (["export"], "ru", "✗ Команды «export» нет. Похожие: report, import. Справка: root --help"),
    (["export"], "en", "✗ There is no command “export”. Similar: report, import. Help: root --help"),
    (["import", "--dry-ruin", "x.csv"], "kk",
     "✗ root import командасында --dry-ruin параметрі жоқ. Ұқсасы: --dry-run. Анықтама: root import --help"),
    (["import", "--dry-ruin", "x.csv"], "ru",
     "✗ У команды root import нет параметра --dry-ruin. Похожие: --dry-run. Справка: root import --help"),
    (["import", "--dry-ruin", "x.csv"], "en",
     "✗ root import has no option --dry-ruin. Similar: --dry-run. Help: root import --help"),
    (["import"], "kk", "✗ root import командасы үшін FILES көрсетіңіз. Анықтама: root import --help"),
    (["import"], "ru", "✗ Для команды root import укажите FILES. Справка: root import --help"),
    (["import"], "en", "✗ root import needs FILES. Help: root import --help"),
    (["report", "--period"], "kk", "✗ --period параметріне мән жазыңыз. Анықтама: root report --help"),
    (["report", "--period"], "ru", "✗ Укажите значение параметра --period. Справка: root report --help"),
    (["report", "--period"], "en", "✗ Give --period a value. Help: root report --help"),
    # an option with its value forgotten takes the next option for it: the value is missing
    (["import", "x.csv", "--user"], "kk", "✗ --user параметріне мән жазыңыз. Анықтама: root import --help"),
    (["import", "x.csv", "--user"], "ru", "✗ Укажите значение параметра --user. Справка: root import --help"),
    (["import", "x.csv", "--user"], "en", "✗ Give --user a value. Help: root import --help"),
    (["db", "one", "two"], "kk", "✗ Команда мұны қабылдамайды: one two. Анықтама: root db --help"),
    (["db", "one", "two"], "ru", "✗ Команда не принимает: one two. Справка: root db --help"),
    (["db", "one", "two"], "en", "✗ The command does not take: one two. Help: root db --help"),
]


@pytest.mark.parametrize(("args", "lang", "said"), USAGE)
def test_a_usage_error_is_said_in_the_users_language(args, lang, said):
    # --lang last, except where the error is a missing value at the end.
    code, out, err = aqyl(*args, "--lang", lang) if args[-1] != "--period" else aqyl(args[0], "--lang", lang, *args[1:])
    assert (code, out, err) == (2, "", said + "\n")


def test_a_usage_error_before_lang_is_said_in_the_lang_given_later_or_the_default(monkeypatch):
    # A mistyped command used to be "Internal error", exit 3 (typer's copy of click raises
    # typer.TyperException); then click's English.
    assert aqyl("import", "--nosuch", "x.csv", "--lang", "ru")[2] == (
        "✗ У команды root import нет параметра --nosuch. Справка: root import --help\n")
    monkeypatch.setenv("AQYL_LANG", "en")
    assert aqyl("nosuch") == (2, "", "✗ There is no command “nosuch”. Help: root --help\n")


HALF_YEAR_ONLY = {
    "kk": "✗ Деректер жартыжылдық бойынша жиналады: «2023» орнына 2023H1 немесе 2023H2 сияқты кезеңді көрсетіңіз.\n",
    "ru": "✗ Данные собираются по полугодиям: вместо «2023» укажите период вида 2023H1 или 2023H2.\n",
    "en": "✗ Data are collected by half-year: instead of “2023” give a period such as 2023H1 or 2023H2.\n",
}


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_a_year_where_a_half_year_is_counted_is_refused_not_counted_as_nothing(tmp_path, lang):
    # Records carry half-year codes: a note "for 2023" counted zeros with exit 0, and the note's
    # person indicators crashed ("Internal error", exit 3).
    for args in (["report", "--period", "2023", "--out", str(tmp_path)], ["persons", "--as-of", "2023"],
                 ["submissions", "--period", "2023"]):
        assert aqyl(*args, "--lang", lang) == (2, "", HALF_YEAR_ONLY[lang]), args
    assert not any(tmp_path.iterdir())


OUTPUT_IS_INPUT = {
    "kk": "✗ «{p}» — осы команда оқитын файл, нәтиже оны өшіріп жазар еді. Басқа атау көрсетіңіз.\n",
    "ru": "✗ «{p}» — файл, который читает эта команда: результат записался бы поверх него. Укажите другое имя.\n",
    "en": "✗ “{p}” is a file this command reads: the output would overwrite it. Give another name.\n",
}
OUTPUT_IS_FOLDER = {"kk": "✗ «{p}» — файл емес, бума. Файлдың атын толық жазыңыз.\n",
                    "ru": "✗ «{p}» — это папка, а не файл. Укажите имя файла.\n",
                    "en": "✗ “{p}” is a folder, not a file. Give a file name.\n"}
FOLDER_IS_FILE = {"kk": "✗ «{p}» — бума емес, файл. Нәтижелер үшін буманы көрсетіңіз.\n",
                  "ru": "✗ «{p}» — это файл, а не папка. Укажите папку для результатов.\n",
                  "en": "✗ “{p}” is a file, not a folder. Give a folder for the results.\n"}


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_an_output_over_the_input_or_into_a_folder_is_refused_before_anything_is_written(tmp_path, lang):
    # --errors-xlsx over the upload replaced it; a folder or a file in a folder's place was
    # "Internal error", exit 3.
    path = write(tmp_path, csv_text([{"hei": "ALMAU"}]), "good.csv")
    before = path.read_bytes()
    assert aqyl("import", str(path), "--errors-xlsx", str(path), "--lang", lang) == (
        2, "", OUTPUT_IS_INPUT[lang].format(p=path))
    assert path.read_bytes() == before
    from aqyl.store import models as m
    assert not m.Submission.objects.exists()  # refused before the file was stored
    folder = tmp_path / "a folder"
    folder.mkdir()
    assert aqyl("template", "--out", str(folder), "--lang", lang) == (2, "", OUTPUT_IS_FOLDER[lang].format(p=folder))
    assert aqyl("report", "--period", "2023H1", "--out", str(path), "--lang", lang) == (
        2, "", FOLDER_IS_FILE[lang].format(p=path))
    assert path.read_bytes() == before and list(folder.iterdir()) == []


# --help in the language of --lang (given before --help) or of AQYL_LANG (issue 33, item 19).
HELP = {
    "kk": ("Aqyl: академиялық ұтқырлық пен зияткерлік көші-қон мониторингі.", "Параметрлер", "Командалар",
           "Жартыжылдық талдамалық жазбаны таңдалған тілде және пішімдерде жасайды.", "Осы анықтаманы көрсетіп, шығу."),
    "ru": ("Aqyl: мониторинг академической мобильности и интеллектуальной миграции.", "Параметры", "Команды",
           "Формирует полугодовую аналитическую записку на выбранном языке и в выбранных форматах.",
           "Показать эту справку и выйти."),
    "en": ("Aqyl: academic mobility and intellectual migration monitoring.", "Options", "Commands",
           "Generate the half-year analytical note in the chosen language and formats.", "Show this message and exit."),
}


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_help_is_in_the_users_language(monkeypatch, lang):
    import typer.rich_utils

    monkeypatch.setattr(typer.rich_utils, "MAX_WIDTH", 300)
    monkeypatch.setenv("COLUMNS", "300")
    monkeypatch.setenv("AQYL_LANG", lang)
    code, out, _ = aqyl("--help")
    root, options, commands, report, help_line = HELP[lang]
    shown = [line.strip(" │") for line in out.splitlines()]
    assert code == 0 and root in shown
    assert f"╭─ {options} ─" in out and f"╭─ {commands} ─" in out
    assert " ".join(next(line for line in shown if line.startswith("report ")).split()) == f"report {report}"
    assert " ".join(next(line for line in shown if line.startswith("--help ")).split()) == f"--help <bool> {help_line}"
    monkeypatch.setenv("AQYL_LANG", "en" if lang != "en" else "kk")  # --lang before --help wins over AQYL_LANG
    code, out, _ = aqyl("report", "--lang", lang, "--help")
    shown = [" ".join(line.strip(" │").split()) for line in out.splitlines()]
    assert code == 0 and report in shown
    assert next(line for line in shown if "--category" in line) == "--category <str> " + REPORT_CATEGORY[lang]
    assert next(line for line in shown if "--lang" in line) == "--lang <str> " + REPORT_LANG[lang]


REPORT_CATEGORY = {"kk": "faculty, researcher, staff немесе student. [әдепкісі: faculty]",
                   "ru": "faculty, researcher, staff или student. [по умолчанию: faculty]",
                   "en": "faculty, researcher, staff or student. [default: faculty]"}
REPORT_LANG = {"kk": "Белгілер мен хабарлардың тілі: kk, ru немесе en.", "ru": "Язык подписей и сообщений: kk, ru или en.",
               "en": "Language of labels and messages: kk, ru or en."}


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_help_usage_names_a_required_argument_as_click_does(monkeypatch, lang):
    """typer 0.29 writes a required argument as ``{files}`` on the usage line, which reads as a
    template never filled in: ``FILES...`` in every language."""
    import typer.rich_utils

    monkeypatch.setattr(typer.rich_utils, "MAX_WIDTH", 300)
    monkeypatch.setenv("COLUMNS", "300")
    monkeypatch.setenv("AQYL_LANG", lang)
    code, out, _ = aqyl("import", "--help")
    usage = next(line.strip() for line in out.splitlines() if "[OPTIONS]" in line)
    assert code == 0 and usage.endswith(" import [OPTIONS] FILES...") and "{" not in out


# A group's sub-command: its one-line help and an option's, in the user's language.
SUB_HELP = {
    "kk": ("Тізілімдегі ЖЖОКБҰ-ларды көрсетеді.", "--type <str> Тек осы түрдегі ЖЖОКБҰ (коды немесе атауы)."),
    "ru": ("Показывает ОВПО, внесённые в реестр.", "--type <str> Только ОВПО этого типа (код или название)."),
    "en": ("List registered HEIs.", "--type <str> Only this HEI type (code or label)."),
}


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_sub_command_help_is_in_the_users_language(monkeypatch, lang):
    import typer.rich_utils

    monkeypatch.setattr(typer.rich_utils, "MAX_WIDTH", 300)
    monkeypatch.setenv("COLUMNS", "300")
    monkeypatch.setenv("AQYL_LANG", lang)
    code, out, _ = aqyl("hei", "list", "--help")
    shown = [" ".join(line.strip(" │").split()) for line in out.splitlines()]
    one_line, option = SUB_HELP[lang]
    assert code == 0 and one_line in shown
    assert next(line for line in shown if line.startswith("--type ")) == option
    code, out, _ = aqyl("hei", "--help")
    shown = [" ".join(line.strip(" │").split()) for line in out.splitlines()]
    assert f"list {one_line}" in shown


SUB_ONE_LINE = {
    ("user", "add"): {"kk": "Пайдаланушыны рөлімен (және маманның ЖЖОКБҰ-сымен) бір қадамда қосады. Құпиясөз сұралады "
                            "немесе терминал болмаса, стандартты кірістен оқылады.",
                      "ru": "Добавляет пользователя с ролью (и ОВПО специалиста) за один шаг. Пароль запрашивается или, "
                            "если это не терминал, читается из стандартного ввода."},
    ("period", "open"): {"kk": "Жартыжылдықты есеп тапсыру үшін ашады немесе оның мерзімін ауыстырады.",
                         "ru": "Открывает полугодие для сдачи отчётов или переносит его срок."},
    ("note-text", "set"): {"kk": "Бөлімнің жаңа нұсқасын PERIOD кезеңінен бастап қолданылатындай сақтайды "
                                 "(бұрынғы нұсқалар сақталады).",
                           "ru": "Сохраняет новую версию раздела, действующую начиная с периода PERIOD "
                                 "(прежние версии сохраняются)."},
    ("flows", "show"): {"kk": "Сақталған ағындарды көрсетеді.", "ru": "Показывает хранимые потоки."},
    ("migration", "note"): {"kk": "Жыл бойынша студенттер эмиграциясы туралы жазбаны жасайды: бағыттар, үрдіс, кері тесті "
                                  "бар болжам, көрсеткіштер.",
                            "ru": "Формирует записку об эмиграции студентов за год: направления, тренд, прогноз с "
                                  "ретроспективной проверкой, показатели."},
}


@pytest.mark.parametrize("command", list(SUB_ONE_LINE))
@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_each_translated_group_has_its_sub_command_help(monkeypatch, lang, command):
    import typer.rich_utils

    monkeypatch.setattr(typer.rich_utils, "MAX_WIDTH", 300)
    monkeypatch.setenv("COLUMNS", "300")
    monkeypatch.setenv("AQYL_LANG", lang)
    code, out, _ = aqyl(*command, "--help")
    shown = [" ".join(line.strip(" │").split()) for line in out.splitlines()]
    assert code == 0 and SUB_ONE_LINE[command][lang] in shown
