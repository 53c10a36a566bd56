"""Faults a user can fix, said in the user's language with what is wrong, where and what to do,
exit 2 (issue 33): the temporary folder full, a lock held by another program, an unknown
PostgreSQL host, a damaged backup, files that are folders, loops or ragged, bad settings, a
deactivated account, a read-only data folder, a closed pipe, a mistyped database path, reports
without data or compared with a later period, impossible deadlines, files refused whole. Run as
processes where the fault needs a real file, a mount or the environment; in-process otherwise."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

import test_import_faults
from aqyl.cli import present
from aqyl.cli.app import app
from test_import_check import GOOD, HEADER, csv_text
from test_import_faults import AQYL, imported, one_line, records, rows_csv, run

mount = test_import_faults.mount  # the tmpfs fixture (root only)

LANGS = ("kk", "ru", "en")


def in_process(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def wide(monkeypatch, tmp_path):
    """In-process commands: no wrapping, a data folder of the test's own, no language left over."""
    monkeypatch.setenv("AQYL_DATA_DIR", str(tmp_path / "data"))
    for console in (present.console, present.err_console):
        monkeypatch.setattr(console, "_width", 400)
    monkeypatch.setattr(present.state, "lang", None)


def database(tmp_path: Path) -> tuple[Path, str]:
    db = tmp_path / "aqyl.sqlite3"
    assert run(tmp_path, "db", url=f"sqlite:///{db}").returncode == 0
    return db, f"sqlite:///{db}"


# --- 11: the temporary folder, not the database's disk ----------------------------------------------
TEMP_FULL = {
    "kk": "Уақытша файлдар бумасы {t} толып қалды: SQLite {db} дерекқоры уақытша файлдарын сонда жазады, ал "
          "дерекқордың өз дискісінде орын бар. Ештеңе сақталмады. {t} ішінде орын босатыңыз немесе TMPDIR "
          "айнымалысымен бос орны бар буманы көрсетіп, команданы қайта орындаңыз.",
    "ru": "Папка временных файлов {t} заполнена: база данных SQLite {db} пишет туда свои временные файлы, а на диске "
          "самой базы место есть. Ничего не сохранено. Освободите место в {t} или укажите в переменной TMPDIR папку, "
          "где есть место, и повторите команду.",
    "en": "The temporary folder {t} is full: the database SQLite {db} writes its temporary files there, while the "
          "database's own disk has space. Nothing was stored. Free some space in {t}, or set TMPDIR to a folder with "
          "space, and run the command again.",
}


def test_a_full_temporary_folder_is_not_called_a_full_database_disk(tmp_path, mount):
    db, url = database(tmp_path)
    temp = mount("64k")
    subprocess.run(["dd", "if=/dev/zero", f"of={temp / 'filler'}", "bs=4k"], capture_output=True)  # until it is full
    for lang in LANGS:
        done, said = imported(tmp_path, str(rows_csv(tmp_path / "a.csv", 5)), "--lang", lang, url=url,
                              TMPDIR=str(temp))
        assert done.returncode == 2
        assert said == [TEMP_FULL[lang].format(t=temp, db=db)]
    assert records(tmp_path, url) == "0"


# --- 12: a lock held by another program: the wait asked, said in words --------------------------------
LOCKED = {
    "kk": "SQLite {db} дерекқоры басқа жазумен бос емес және 3 секунд ішінде босамады. Ештеңе сақталмады. Басқа жазу "
          "аяқталған соң команданы қайта орындаңыз (күту уақытын AQYL_WRITE_WAIT белгілейді).",
    "ru": "База данных SQLite {db} занята другой записью и не освободилась за 3 секунды ожидания. Ничего не сохранено. "
          "Повторите команду, когда другая запись завершится (время ожидания задаёт AQYL_WRITE_WAIT).",
    "en": "The database SQLite {db} is busy with another write and did not become free in 3 seconds. Nothing was "
          "stored. Run the command again when the other write has finished (AQYL_WRITE_WAIT sets how long to wait).",
}


def test_a_lock_held_by_another_program_is_waited_for_as_long_as_asked(tmp_path):
    db, url = database(tmp_path)
    shell = sqlite3.connect(db, isolation_level=None)  # as the sqlite3 shell: BEGIN IMMEDIATE, then nothing
    shell.execute("BEGIN IMMEDIATE")
    try:
        for lang in LANGS:
            started = time.monotonic()
            done, said = imported(tmp_path, str(rows_csv(tmp_path / "a.csv", 3)), "--lang", lang, url=url,
                                  AQYL_WRITE_WAIT="3")
            waited = time.monotonic() - started
            assert done.returncode == 2
            assert said == [LOCKED[lang].format(db=db)]
            assert waited < 3 + 6  # the wait and the process's start, not the 20 s busy timeout of before
        # A writer outside the import queue waits the same (at most 20 s: a web page does not hang).
        done = run(tmp_path, "period", "open", "2024H1", "--deadline", "2024-07-15", "--lang", "en", url=url,
                   AQYL_WRITE_WAIT="2")
        assert (done.returncode, one_line(done.stderr)) == (2, "✗ " + LOCKED["en"].format(db=db).replace(
            "3 seconds", "2 seconds"))
    finally:
        shell.execute("ROLLBACK")
        shell.close()
    assert records(tmp_path, url) == "0"


@pytest.mark.parametrize(("seconds", "words"), [
    (3, ("3 секунд", "3 секунды", "3 seconds")), (1, ("1 секунд", "1 секунду", "1 second")),
    (5, ("5 секунд", "5 секунд", "5 seconds")), (21, ("21 секунд", "21 секунду", "21 seconds")),
    (0.5, ("0,5 секунд", "0,5 секунды", "0.5 seconds")), (900, ("15 минут", "15 минут", "15 minutes")),
])
def test_a_wait_in_words(seconds, words):
    from aqyl.domain.numbers import duration

    assert tuple(duration(seconds, lang) for lang in LANGS) == words


# --- 13: an unknown PostgreSQL host -----------------------------------------------------------------
UNKNOWN_HOST = {
    "kk": "✗ PostgreSQL u@no-such-host.invalid:5432/db дерекқорына қосылу мүмкін емес ({detail}). Сервердің іске "
          "қосылғанын және AQYL_DATABASE_URL ішінде сервер, порт пен дерекқор атауы дұрыс екенін тексеріңіз.",
    "ru": "✗ Не удаётся подключиться к базе данных PostgreSQL u@no-such-host.invalid:5432/db ({detail}). Проверьте, "
          "что сервер запущен и что в AQYL_DATABASE_URL верно указаны сервер, порт и имя базы.",
    "en": "✗ Cannot connect to the database PostgreSQL u@no-such-host.invalid:5432/db ({detail}). Check that the "
          "server is running and that AQYL_DATABASE_URL gives the right host, port and database name.",
}


@pytest.mark.parametrize("lang", LANGS)
def test_an_unknown_postgresql_host(tmp_path, lang):
    done = run(tmp_path, "db", "--lang", lang, url="postgresql://u@no-such-host.invalid/db")
    assert done.returncode == 2 and "Traceback" not in done.stderr
    detail = one_line(done.stderr).split(" (", 1)[1].split(")", 1)[0]  # the resolver's own words
    assert detail.startswith("failed to resolve host 'no-such-host.invalid'")
    assert one_line(done.stderr) == UNKNOWN_HOST[lang].format(detail=detail)


# --- 14: restore-db checks the backup first -------------------------------------------------------
DAMAGED_BACKUP = {
    "kk": "✗ {file} сақтық көшірмесі бүлінген (файл қысқарып қалған: 50000 байт, ал тақырыбы бойынша {size} байт "
          "болуы керек), сондықтан қалпына келтірілмеді; SQLite {db} дерекқоры өзгерген жоқ. Басқа сақтық көшірмені "
          "көрсетіңіз.",
    "ru": "✗ Резервная копия {file} повреждена (файл обрезан: 50000 байт вместо {size} по его заголовку), поэтому не "
          "восстановлена; база данных SQLite {db} не изменена. Укажите другую резервную копию.",
    "en": "✗ The backup {file} is damaged (the file is cut short: 50000 bytes of the {size} its header gives), so it "
          "was not restored; the database SQLite {db} is unchanged. Give another backup.",
}
BACKUP_MISSING = {"kk": "✗ {file} файлы табылмады.", "ru": "✗ Файл {file} не найден.",
                  "en": "✗ The file {file} does not exist."}


def test_restore_db_names_a_damaged_or_missing_backup_and_leaves_nothing_beside_it(tmp_path):
    db, url = database(tmp_path)
    assert run(tmp_path, "import", str(rows_csv(tmp_path / "a.csv", 3)), url=url).returncode == 0
    backup = tmp_path / "backups" / "whole.sqlite3"
    assert run(tmp_path, "backup", str(backup), url=url).returncode == 0
    cut = tmp_path / "backups" / "cut.sqlite3"
    cut.write_bytes(backup.read_bytes()[:50_000])
    for lang in LANGS:
        for yes in (["--yes"], []):  # without --yes too: the file is checked before anything is promised
            done = run(tmp_path, "restore-db", str(cut), *yes, "--lang", lang, url=url)
            assert (done.returncode, one_line(done.stderr)) == (2, DAMAGED_BACKUP[lang].format(
                file=cut, size=backup.stat().st_size, db=db))
        done = run(tmp_path, "restore-db", str(tmp_path / "none.sqlite3"), "--lang", lang, url=url)
        assert (done.returncode, one_line(done.stderr)) == (2, BACKUP_MISSING[lang].format(file=tmp_path / "none.sqlite3"))
    assert records(tmp_path, url) == "3"
    done = run(tmp_path, "restore-db", str(backup), "--yes", "--lang", "en", url=url)
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in backup.parent.iterdir()) == ["cut.sqlite3", "whole.sqlite3"]  # no -shm, no -wal


# --- 15, 16: files ------------------------------------------------------------------------------------
def test_utf16_without_a_bom_holding_kazakh_text_is_read(tmp_path):
    from aqyl.importers.readers import read_table

    text = "Университет,Ел,Қала\n" + "Әл-Фараби атындағы ҚазҰУ,Қазақстан,Алматы\n" * 5
    for codec in ("utf-16-le", "utf-16-be", "utf-16"):
        path = tmp_path / f"{codec}.csv"
        path.write_bytes(text.encode(codec))
        table = read_table(path)
        assert (table.headers, table.detail) == (["Университет", "Ел", "Қала"], "UTF-16, comma")
        assert table.frame.row(4) == ("Әл-Фараби атындағы ҚазҰУ", "Қазақстан", "Алматы", 6)


def test_binary_data_is_still_not_text(tmp_path):
    from aqyl.importers.readers import UnreadableFile, read_table

    path = tmp_path / "x.csv"
    path.write_bytes(bytes(range(256)) * 64)
    with pytest.raises(UnreadableFile) as refused:
        read_table(path)
    assert refused.value.message("en") == (
        "x.csv is not a table: it holds binary data, not text. Save the file as “CSV UTF-8” or XLSX and upload it "
        "again (Windows-1251 has no Kazakh letters).")
    assert refused.value.message("ru") == (
        "Файл x.csv — не таблица: в нём двоичные данные, а не текст. Сохраните файл как «CSV UTF-8» или XLSX и "
        "загрузите снова (в кодировке Windows-1251 нет казахских букв).")
    assert refused.value.message("kk") == (
        "x.csv файлы кесте емес: ішінде мәтін емес, екілік деректер бар. Файлды «CSV UTF-8» немесе XLSX түрінде "
        "сақтап, қайта жүктеңіз (Windows-1251 кодталуында қазақ әріптері жоқ).")


FILES = {
    "folder": {"kk": "{path} — файл емес, бума. CSV, XLSX немесе ODS файлының жолын көрсетіңіз.",
               "ru": "{path} — это папка, а не файл. Укажите путь к файлу CSV, XLSX или ODS.",
               "en": "{path} is a folder, not a file. Give the path of a CSV, XLSX or ODS file."},
    "loop": {"kk": "{path} — бір-біріне сілтейтін символдық сілтемелер тізбегі, оның соңында файл жоқ. Файлдың өз "
                   "жолын көрсетіңіз.",
             "ru": "{path} — символические ссылки, которые указывают друг на друга по кругу; файла за ними нет. "
                   "Укажите путь к самому файлу.",
             "en": "{path} is a loop of symbolic links that point at each other, with no file at its end. Give the "
                   "path of the file itself."},
    "wide": {"kk": "wide.csv файлы кесте емес: 3-жолда ұяшық тақырып жолындағыдан көп (18, ал тақырып жолында 17). Файлды «CSV UTF-8» "
                   "немесе XLSX түрінде сақтап, қайта жүктеңіз (Windows-1251 кодталуында қазақ әріптері жоқ).",
             "ru": "Файл wide.csv — не таблица: в строке 3 ячеек больше, чем в строке заголовков (18 против 17). "
                   "Сохраните файл как "
                   "«CSV UTF-8» или XLSX и загрузите снова (в кодировке Windows-1251 нет казахских букв).",
             "en": "wide.csv is not a table: row 3 has more cells than the header row (18 against 17). Save the file "
                   "as “CSV UTF-8” or XLSX and upload it again (Windows-1251 has no Kazakh letters)."},
    "mixed": {"kk": "mixed.csv файлы кесте емес: жол соңдары аралас: 2-жол CR белгісімен ғана аяқталады, ал басқа "
                    "жолдар LF белгісімен, сондықтан жолдар бір-біріне жалғасып кетеді. Файлды «CSV UTF-8» немесе "
                    "XLSX түрінде сақтап, қайта жүктеңіз (Windows-1251 кодталуында қазақ әріптері жоқ).",
              "ru": "Файл mixed.csv — не таблица: концы строк смешаны: строка 2 заканчивается одним символом CR, а "
                    "другие строки — символом LF, поэтому строки сливаются. Сохраните файл как «CSV UTF-8» или XLSX "
                    "и загрузите снова (в кодировке Windows-1251 нет казахских букв).",
              "en": "mixed.csv is not a table: its line ends are mixed: row 2 ends with a CR alone while other rows "
                    "end with LF, so rows run together. Save the file as “CSV UTF-8” or XLSX and upload it again "
                    "(Windows-1251 has no Kazakh letters)."},
}


def test_folders_link_loops_wide_rows_and_mixed_line_ends_are_said_as_what_they_are(tmp_path):
    folder = tmp_path / "in.csv"
    folder.mkdir()
    (tmp_path / "loop-a.csv").symlink_to(tmp_path / "loop-b.csv")
    (tmp_path / "loop-b.csv").symlink_to(tmp_path / "loop-a.csv")
    lines = csv_text([{}, {"record_id": "R2"}]).splitlines()
    (tmp_path / "wide.csv").write_text("\n".join([*lines[:2], lines[2] + ",extra"]) + "\n", "utf-8")
    (tmp_path / "mixed.csv").write_bytes(f"{lines[0]}\n{lines[1]}\r{lines[2]}\n".encode())
    good = rows_csv(tmp_path / "good.csv", 2)
    for lang in LANGS:
        done, said = imported(tmp_path, str(good), str(folder), str(tmp_path / "loop-a.csv"), str(tmp_path / "wide.csv"),
                              str(tmp_path / "mixed.csv"), "--dry-run", "--lang", lang)
        assert done.returncode == 2  # not 3: none of them is a fault of ours
        assert said == [FILES["folder"][lang].format(path=folder), FILES["loop"][lang].format(path=tmp_path / "loop-a.csv"),
                        FILES["wide"][lang], FILES["mixed"][lang]]


# --- 17: settings and accounts ------------------------------------------------------------------------
MAX_MB = {
    "kk": "✗ AQYL_MAX_IMPORT_MB={value} баптауы жарамсыз: 0-ден үлкен сан жазыңыз, мысалы AQYL_MAX_IMPORT_MB=2048, "
          "немесе айнымалыны алып тастаңыз.",
    "ru": "✗ Настройка AQYL_MAX_IMPORT_MB={value} недопустима: укажите число больше 0, например AQYL_MAX_IMPORT_MB=2048, "
          "или удалите переменную.",
    "en": "✗ The setting AQYL_MAX_IMPORT_MB={value} is not valid: give a number greater than 0, for example "
          "AQYL_MAX_IMPORT_MB=2048, or unset the variable.",
}
WRITE_WAIT = {
    "en": "✗ The setting AQYL_WRITE_WAIT=soon is not valid: give a number of 0 or more, for example AQYL_WRITE_WAIT=900, "
          "or unset the variable.",
    "ru": "✗ Настройка AQYL_WRITE_WAIT=soon недопустима: укажите число 0 или больше, например AQYL_WRITE_WAIT=900, или "
          "удалите переменную.",
    "kk": "✗ AQYL_WRITE_WAIT=soon баптауы жарамсыз: 0 немесе одан үлкен сан жазыңыз, мысалы AQYL_WRITE_WAIT=900, "
          "немесе айнымалыны алып тастаңыз.",
}


@pytest.mark.django_db
@pytest.mark.parametrize("value", ["abc", "0", "-5"])
@pytest.mark.parametrize("lang", LANGS)
def test_a_bad_import_limit_is_refused_by_name(tmp_path, monkeypatch, wide, value, lang):
    monkeypatch.setenv("AQYL_MAX_IMPORT_MB", value)
    assert in_process("import", str(rows_csv(tmp_path / "a.csv", 2)), "--lang", lang) == (
        2, "", MAX_MB[lang].format(value=value) + "\n")


@pytest.mark.parametrize("lang", LANGS)
def test_a_bad_write_wait_is_refused_by_name(tmp_path, lang):
    done = run(tmp_path, "db", "--lang", lang, AQYL_WRITE_WAIT="soon")
    assert (done.returncode, one_line(done.stderr)) == (2, WRITE_WAIT[lang])


INACTIVE = {"kk": "«clerk» есептік жазбасы өшірілген. Әкімшіден оны қайта қосуды сұраңыз немесе басқа пайдаланушыны "
                  "көрсетіңіз.",
            "ru": "Учётная запись «clerk» отключена. Попросите администратора включить её снова или укажите другого "
                  "пользователя.",
            "en": "The account “clerk” is deactivated. Ask an administrator to activate it again, or give another user."}


@pytest.mark.django_db
@pytest.mark.parametrize("lang", LANGS)
def test_a_deactivated_user_is_said_so(tmp_path, wide, lang):
    from django.contrib.auth import get_user_model

    get_user_model().objects.create_user("clerk", is_active=False)
    assert in_process("import", str(rows_csv(tmp_path / "a.csv", 2)), "--user", "clerk", "--lang", lang) == (
        2, "", INACTIVE[lang] + "\n")


READ_ONLY = "✗ The database SQLite {db} cannot be written (read-only). Nothing was stored. Check the write " \
            "permissions of the file and its folder, or use another database."


def test_a_read_only_data_folder_can_still_be_read(tmp_path, mount):
    disk = mount("20m")
    env = {"AQYL_DATA_DIR": str(disk / "data")}
    db = disk / "data" / "aqyl.sqlite3"
    assert run(tmp_path, "import", str(rows_csv(tmp_path / "a.csv", 3)), **env).returncode == 0
    subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
    done = run(tmp_path, "db", "--check", "--lang", "en", **env)
    assert (done.returncode, one_line(done.stdout)) == (0, f"Integrity check passed: SQLite {db}.")
    done = run(tmp_path, "submissions", "--period", "2023H1", "--lang", "en", **env)
    assert done.returncode == 0 and "Not submitted: 60 / 61" in done.stdout, done.stderr
    done = run(tmp_path, "report", "--period", "2023H1", "--format", "json", "--out", str(tmp_path / "r"), "--lang",
               "en", **env)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "r" / "aqyl-report-2023H1-faculty.json").is_file()
    done = run(tmp_path, "import", str(rows_csv(tmp_path / "b.csv", 2, "ENU")), "--lang", "en", **env)
    assert (done.returncode, one_line(done.stderr)) == (2, READ_ONLY.format(db=db))


CHECK_DAMAGED = {
    "kk": "✗ Тұтастықты тексеру SQLite {db} дерекқорының бүлінгенін көрсетті (database disk image is malformed). "
          "Дерекқорды соңғы сақтық көшірмеден қалпына келтіріңіз: aqyl restore-db КӨШІРМЕ --yes.",
    "ru": "✗ Проверка целостности показала, что база данных SQLite {db} повреждена (database disk image is malformed). "
          "Восстановите базу из последней резервной копии: aqyl restore-db КОПИЯ --yes.",
    "en": "✗ The integrity check found the database SQLite {db} damaged (database disk image is malformed). Restore it "
          "from its last backup: aqyl restore-db BACKUP --yes.",
}


def test_db_check_of_a_destroyed_schema_page_advises_restoring_a_backup(tmp_path):
    db, url = database(tmp_path)
    with db.open("r+b") as f:  # the schema's page (the first, after the file header)
        f.seek(100)
        f.write(b"\xff" * (16384 - 100))
    for lang in LANGS:
        done = run(tmp_path, "db", "--check", "--lang", lang, url=url)
        assert (done.returncode, one_line(done.stderr)) == (2, CHECK_DAMAGED[lang].format(db=db))


def test_a_closed_pipe_ends_quietly(tmp_path):
    for _ in range(3):
        listing = subprocess.Popen([*AQYL, "hei", "list", "--json"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                   env={**os.environ, "AQYL_DATA_DIR": str(tmp_path / "data")})
        assert listing.stdout is not None and listing.stderr is not None
        listing.stdout.read(10)
        listing.stdout.close()  # as head does after its lines
        error = listing.stderr.read()
        assert listing.wait(60) in (0, 141) and error == b""


# --- 18: behaviour ---------------------------------------------------------------------------------
MISSING_DB = {
    "kk": "✗ SQLite {db} дерекқор файлы жоқ, сондықтан оқитын ештеңе жоқ; бос дерекқор жасалған жоқ. AQYL_DATABASE_URL "
          "ішіндегі жолды тексеріңіз (жаңа дерекқорды aqyl db немесе aqyl import жасайды).",
    "ru": "✗ Файла базы данных SQLite {db} нет, читать нечего; пустая база не создана. Проверьте путь в AQYL_DATABASE_URL "
          "(новую базу создают aqyl db и aqyl import).",
    "en": "✗ The database file SQLite {db} does not exist, so there is nothing to read; no empty database was made. "
          "Check the path in AQYL_DATABASE_URL (aqyl db or aqyl import makes a new database).",
}


@pytest.mark.parametrize("lang", LANGS)
def test_reading_commands_refuse_a_database_file_that_is_not_there(tmp_path, lang):
    typo = tmp_path / "typo" / "aqyl.sqlite3"
    for args in (["report", "--period", "2023H1", "--out", str(tmp_path / "r")], ["submissions", "--period", "2023H1"],
                 ["db", "--check"]):
        done = run(tmp_path, *args, "--lang", lang, url=f"sqlite:///{typo}")
        assert (done.returncode, one_line(done.stderr)) == (2, MISSING_DB[lang].format(db=typo))
    assert not typo.parent.exists() and not (tmp_path / "r").exists()


NO_DATA = {
    "kk": "! 2023H1 кезеңінде таңдалған сүзгі бойынша бірде-бір жазба жоқ: есеп файлдары жазылды, бірақ олардағы "
          "сандардың бәрі нөл. Кезеңді және сүзгіні тексеріңіз немесе алдымен деректерді жүктеңіз (aqyl import).",
    "ru": "! За период 2023H1 по выбранному фильтру нет ни одной записи: файлы отчёта записаны, но все числа в них "
          "нулевые. Проверьте период и фильтр или сначала загрузите данные (aqyl import).",
    "en": "! There are no records for 2023H1 with the filter chosen: the report files were written, but every figure in "
          "them is zero. Check the period and the filter, or import the data first (aqyl import).",
}
COMPARE = {
    "kk": "✗ Салыстыру кезеңі {compare} 2023H1 кезеңінен бұрын болуы керек. --compare арқылы ертерек кезеңді көрсетіңіз "
          "немесе оны алып тастаңыз (әдепкісі — бір жыл бұрынғы кезең).",
    "ru": "✗ Период сравнения {compare} должен быть раньше периода 2023H1. Укажите в --compare более ранний период или "
          "уберите его (по умолчанию — период годом раньше).",
    "en": "✗ The comparison period {compare} must come before the period 2023H1. Give an earlier period with --compare, "
          "or leave it out (the default is the period a year earlier).",
}


@pytest.mark.django_db
@pytest.mark.parametrize("lang", LANGS)
def test_a_report_without_data_warns_and_a_later_comparison_is_refused(tmp_path, wide, lang):
    code, _, err = in_process("report", "--period", "2023H1", "--format", "json", "--out", str(tmp_path), "--lang", lang)
    assert (code, err) == (0, NO_DATA[lang] + "\n")
    assert (tmp_path / "aqyl-report-2023H1-faculty.json").is_file()
    for compare in ("2023H1", "2024H1"):
        assert in_process("report", "--period", "2023H1", "--compare", compare, "--lang", lang) == (
            2, "", COMPARE[lang].format(compare=compare) + "\n")


DEADLINE = {
    "before": {"kk": "✗ Мерзім 2023-12-31 — 2024H1 кезеңінің басынан (2024-01-01) ерте. Кезең басталғаннан кейінгі "
                     "күнді көрсетіңіз.",
               "ru": "✗ Срок 2023-12-31 раньше начала периода 2024H1 (2024-01-01). Укажите дату после начала периода.",
               "en": "✗ The deadline 2023-12-31 comes before the period 2024H1 begins (2024-01-01). Give a day after "
                     "the period has begun."},
    "not_a_date": {"kk": "✗ «{value}» — күн емес. Мерзімді ЖЖЖЖ-АА-КК түрінде жазыңыз, мысалы 2024-07-15.",
                   "ru": "✗ «{value}» — не дата. Укажите срок в виде ГГГГ-ММ-ДД, например 2024-07-15.",
                   "en": "✗ “{value}” is not a date. Give the deadline as YYYY-MM-DD, for example 2024-07-15."},
}


@pytest.mark.django_db
@pytest.mark.parametrize("lang", LANGS)
def test_impossible_deadlines_are_refused(wide, lang):
    assert in_process("period", "open", "2024H1", "--deadline", "2023-12-31", "--lang", lang) == (
        2, "", DEADLINE["before"][lang] + "\n")
    for value in ("2024-02-30", "20240715", "2024-W28-1"):
        assert in_process("period", "open", "2024H1", "--deadline", value, "--lang", lang) == (
            2, "", DEADLINE["not_a_date"][lang].format(value=value) + "\n")
    from aqyl.store.models import CollectionPeriod

    assert not CollectionPeriod.objects.exists()


@pytest.mark.django_db
def test_a_file_refused_whole_exits_2_and_row_problems_exit_1(tmp_path, wide):
    header_only = tmp_path / "header.csv"
    header_only.write_text(",".join(HEADER) + "\n", "utf-8")
    no_hei = tmp_path / "no-hei.csv"
    no_hei.write_text(csv_text([{}], header=[h for h in HEADER if h != "hei"]), "utf-8")
    bad_row = tmp_path / "bad-row.csv"
    bad_row.write_text(csv_text([{**GOOD, "partner_country": "XX"}]), "utf-8")
    assert in_process("import", str(header_only), "--dry-run", "--lang", "en")[0] == 2
    assert in_process("import", str(no_hei), "--dry-run", "--lang", "en")[0] == 2
    assert in_process("import", str(bad_row), "--dry-run", "--lang", "en")[0] == 1
