"""The command as a person runs it: the demo as a process on a fresh embedded database; the
registry and classifier commands in-process on the test database, messages in their language."""

import json
from pathlib import Path

import pytest

from conftest import run_aqyl


def run(args, tmp_path, **env):
    return run_aqyl(tmp_path / "data", *args, fresh=True, timeout=120, **env)


def test_demo_builds_a_fresh_database_in_seconds(tmp_path):
    import resource

    def cpu() -> float:
        used = resource.getrusage(resource.RUSAGE_CHILDREN)
        return used.ru_utime + used.ru_stime

    before = cpu()
    result = run(["demo", "--out", str(tmp_path / "out"), "--lang", "en"], tmp_path)
    spent = cpu() - before
    assert result.returncode == 0, result.stderr
    summary = json.loads((tmp_path / "out" / "demo-summary.json").read_text())
    assert summary["records"] == {"2022H1 incoming": 174, "2022H1 outgoing": 139,
                                  "2023H1 incoming": 353, "2023H1 outgoing": 382}
    assert summary["heis"] == 61 and summary["users"] == ["admin", "analyst", "officer"]
    # The seconds of processor it took: the suite runs four processes on two cores, so its wall
    # time (summary["seconds"], shown to the user) says more about the neighbours than the demo.
    assert summary["seconds"] > 0 and spent < 30
    assert Path(tmp_path / "out" / "aqyl-demo.sqlite3").exists()
    assert "Demo ready" in result.stdout


@pytest.mark.django_db
def test_unknown_values_are_refused_in_the_users_language(cli):
    # An AqylError exits 2 in every command (issue 16; it was 1 here before).
    code, _, err = cli("classifiers", "country", "--lookup", "Uzbekstan", "--lang", "kk")
    assert code == 2
    assert "Өзбекстан" in err and "Traceback" not in err
    code, _, err = cli("hei", "list", "--type", "privat", "--lang", "ru")
    assert code == 2 and "private — Частный" in err


@pytest.mark.django_db
def test_hei_add_and_list(cli):
    args = ["hei", "add", "--code", "TESTU", "--type", "АҚ", "--name-kk", "Сынақ университеті",
            "--name-ru", "Тестовый университет", "--name-en", "Test University", "--region", "Астана", "--lang", "en"]
    assert cli(*args)[0] == 0
    code, _, err = cli(*args)
    assert code == 2 and "TESTU" in err and "already registered" in err
    listed = json.loads(cli("hei", "list", "--json", "--search", "сынақ", "--lang", "kk")[1])
    assert listed == [{"code": "TESTU", "hei_type": "jsc", "region": "astana", "name": "Сынақ университеті",
                       "city": "", "records": 0, "bin": "", "schac": "", "erasmus": "", "pic": "", "ror": "",
                       "website": "", "ministry_code": "", "active_from": None, "active_to": None, "successor": None}]


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_classifier_listing(cli, lang):
    code, out, _ = cli("classifiers", "field", "--lang", lang)
    assert code == 0 and "Денсаулық сақтау" in out and "Health care" in out
