"""The report model computed from stored records reproduces every figure of the 2023 note."""

import json
import os
import subprocess
import sys
from collections import Counter

import pytest

from aqyl.domain.report.growth import Growth
from aqyl.store import models as m
from aqyl.store.demo import load_demo
from aqyl.store.register import supersede
from aqyl.store.registry import directory
from aqyl.store.report_data import ReportFilter, report_data

pytestmark = pytest.mark.engines  # engine-specific code: also run on PostgreSQL (scripts/test.sh)

@pytest.mark.django_db
class TestOnDemo:
    @pytest.fixture(autouse=True)
    def demo(self):
        load_demo()

    def test_every_figure_of_the_reference(self, reference):
        data = report_data("2023H1")
        assert data["meta"]["compare"] == "2022H1"
        got = data["periods"]["2023H1"]
        names = directory()
        for direction in ("outgoing", "incoming"):
            want, have = reference["periods"]["2023H1"][direction], got[direction]
            for key in ("total", "kz_heis", "foreign_heis", "countries"):
                assert have[key] == want[key], (direction, key)
            for key in ("by_hei_type", "by_format", "by_degree", "by_field", "by_country"):
                assert {k: v for k, v in have[key].items() if k in want[key] or v} == want[key], (direction, key)
            expected_heis = Counter()
            for row in want["by_hei"]:
                expected_heis[names.encode(row["name_kk"])] += row["count"]
            assert {r["hei"]: r["count"] for r in have["by_hei"]} == dict(expected_heis)
        assert got["both"]["total"] == reference["periods"]["2023H1"]["both"]["total"]
        assert got["both"]["countries"] == reference["periods"]["2023H1"]["both"]["countries"]
        assert got["both"]["by_programme"] == reference["periods"]["2023H1"]["both"]["by_programme"]

    def test_shares_and_table_layout(self):
        out = report_data("2023H1")["periods"]["2023H1"]["outgoing"]
        assert out["shares"]["by_hei_type"] == {"national": 10.7, "state": 31.4, "jsc": 20.2, "private": 37.7}
        assert out["shares"]["by_field"]["04"] == 28.8 and out["shares"]["by_country"]["UZ"] == 30.4
        assert list(out["by_field"]) == ["01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11"]
        inc = report_data("2023H1")["periods"]["2023H1"]["incoming"]
        assert inc["by_field"]["08"] == 0 and inc["by_field"]["09"] == 0  # the note lists empty fields
        assert list(out["by_country"])[:3] == ["UZ", "RU", "KG"]  # ranked
        assert out["by_hei"][0]["hei_type"] == "national"  # grouped by type as the appendices

    def test_comparison_with_2022(self, reference):
        data = report_data("2023H1")
        prev = data["periods"]["2022H1"]
        assert (prev["outgoing"]["total"], prev["incoming"]["total"], prev["both"]["total"]) == (139, 174, 313)
        assert prev["both"]["countries"] == reference["periods"]["2022H1"]["both"]["countries"] == 23
        growth = data["growth"]
        assert growth["both"]["total"]["wording"] == "more_than_times" and growth["both"]["total"]["times"] == 2
        assert growth["outgoing"]["total"]["wording"] == "nearly_times" and growth["outgoing"]["total"]["times"] == 3
        assert growth["incoming"]["total"]["wording"] == "times" and growth["incoming"]["total"]["times"] == 2
        # the note's own errata: foreign candidates grew +59 %, not 37 %
        assert growth["incoming"]["by_degree"]["candidate_of_sciences"]["percent"] == 58.9041
        sets = data["country_sets"]
        assert len(sets["2022H1"]) == 23 and len(sets["2023H1"]) == 38
        assert set(sets["only_2022H1"]) == {"BG", "IL", "MN", "FI", "KR"}
        assert len(sets["both"]) + len(sets["only_2023H1"]) == 38

    def test_filters(self):
        private = report_data("2023H1", flt=ReportFilter(hei_types=("private",)))["periods"]["2023H1"]
        assert private["outgoing"]["total"] == 144 and private["incoming"]["total"] == 64
        assert private["outgoing"]["by_hei_type"] == {"national": 0, "state": 0, "jsc": 0, "private": 144}
        shymkent = report_data("2023H1", flt=ReportFilter(regions=("shymkent",)))["periods"]["2023H1"]
        expected = m.MobilityRecord.objects.filter(period="2023H1", hei__region="shymkent").count()
        assert shymkent["both"]["total"] == expected > 0
        erasmus = report_data("2023H1", flt=ReportFilter(programmes=("erasmus_plus",)))["periods"]["2023H1"]
        assert erasmus["both"]["total"] == 71

    def test_no_comparison_period_and_empty_category(self):
        data = report_data("2023H1", compare="2019H1")
        assert data["meta"]["compare"] is None and data["meta"]["compare_missing"] == "2019H1"
        assert "growth" not in data and list(data["periods"]) == ["2023H1"]
        students = report_data("2023H1", flt=ReportFilter(category="student"))["periods"]["2023H1"]
        assert students["both"]["total"] == 0 and students["outgoing"]["total"] == 0
        assert students["outgoing"].get("by_country", {}) == {}

    def test_replaced_submissions_do_not_count(self):
        sub = m.Submission.objects.get(hei__code="ALMAU", period="2023H1")
        assert supersede(sub) == 42 + 16
        out = report_data("2023H1")["periods"]["2023H1"]
        assert (out["outgoing"]["total"], out["incoming"]["total"]) == (382 - 42, 353 - 16)
        archived = m.ArchivedRecord.objects.filter(submission=sub)
        assert archived.count() == 58 and {a.data["hei"] for a in archived} == {sub.hei_id}
        assert not m.Submission.objects.get(pk=sub.pk).is_current


@pytest.mark.parametrize(
    ("before", "after", "kind", "n"),
    [(313, 735, "more_than_times", 2), (139, 382, "nearly_times", 3), (174, 353, "times", 2),
     (100, 185, "nearly_times", 2), (100, 160, "up_percent", 0), (100, 80, "down_percent", 0),
     (0, 5, "new", 0), (5, 0, "gone", 0), (0, 0, "none", 0), (7, 7, "same", 0), (10, 30, "times", 3)],
)
def test_growth_wording_rule(before, after, kind, n):
    assert Growth(before, after).wording == (kind, n)


def test_growth_figures():
    g = Growth(46, 66).as_dict()
    assert (g["ratio"], g["percent"]) == (1.43, 43.4783)  # printed "43 %": rounded once
    assert Growth(0, 3).as_dict()["ratio"] is None


def test_report_command_writes_json(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "AQYL_DATABASE_URL"} | {"AQYL_DATA_DIR": str(tmp_path)}
    aqyl = [sys.executable, "-m", "aqyl.cli"]
    subprocess.run([*aqyl, "demo", "--out", str(tmp_path)], check=True, capture_output=True, env=env)
    env["AQYL_DATABASE_URL"] = f"sqlite:///{tmp_path / 'aqyl-demo.sqlite3'}"
    done = subprocess.run([*aqyl, "report", "--period", "2023H1", "--out", str(tmp_path), "--lang", "en",
                           "--format", "json"],
                          capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    data = json.loads((tmp_path / "aqyl-report-2023H1-faculty.json").read_text())
    assert data["periods"]["2023H1"]["both"]["total"] == 735
    bad = subprocess.run([*aqyl, "report", "--period", "2023H5", "--lang", "ru"], capture_output=True, text=True, env=env)
    assert bad.returncode == 2 and "2023H5" in bad.stderr and "полугодие" in bad.stderr
    odt = subprocess.run([*aqyl, "report", "--period", "2023H1", "--format", "json,odt", "--lang", "en"],
                         capture_output=True, text=True, env=env)
    assert odt.returncode == 2 and "odt" in odt.stderr and "docx, pdf" in odt.stderr
