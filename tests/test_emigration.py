"""The student emigration note: figures from the UIS file as published, the forecast with its
back-test, the other source beside it, and every format in three languages."""

import json
import subprocess
import zipfile

import polars as pl
import pytest
from tests.test_flows import OECD, UIS, needs_data

pytestmark = [pytest.mark.django_db, needs_data]


@pytest.fixture
def stored_flows():
    from aqyl.importers.flows import read_flows
    from aqyl.store.flows import save_flows

    save_flows(read_flows(UIS, "uis").frame.filter(pl.col("origin") == "KZ"), UIS.name)
    save_flows(read_flows(OECD, "oecd").frame.filter((pl.col("origin") == "KZ") & (pl.col("year") == 2019)), OECD.name)


def test_model_of_kazakhstan_2019(stored_flows):
    from aqyl.store.emigration import emigration_model, pick_source

    assert pick_source("KZ", 2019) == "oecd"  # OECD counts more students that year
    model = emigration_model("KZ", 2019, source="uis", since=2014, enrolment=600_000)
    assert round(model["total"]) == 86_615 and round(model["previous_total"]) == 86_487
    top = [(d["country"], round(d["count"])) for d in model["destinations"][:3]]
    assert top == [("RU", 71_368), ("KG", 2_479), ("TR", 2_191)]
    assert model["destinations"][-1]["country"] == "other"  # the lump stays last, whatever its size
    ind = model["indicators"]
    assert ind["countries"] == 10
    assert ind["top3_share"] == pytest.approx((71_368 + 2_479 + 2_191) / 86_615.19558 * 100)
    assert ind["outbound_mobility_ratio"] == pytest.approx(86_615 / 600_000 * 100)
    assert model["series"]["years"] == [2014, 2015, 2016, 2017, 2018, 2019]
    f = model["forecast"]
    assert f["method"] == "naive" and f["origins"] == 2 and f["years"] == [2020, 2021, 2022, 2023, 2024]
    assert f["mean"][0] == pytest.approx(86_615.19558)
    assert f["mase"]["naive"] == pytest.approx(0.17, abs=0.005)
    [oecd] = model["other_sources"]
    assert (oecd["source"], oecd["count"], round(oecd["ratio"], 2)) == ("oecd", 142_736, 2.0)


def test_prose_in_three_languages(stored_flows):
    from aqyl.domain.migration.emigration import write_emigration_note
    from aqyl.store.emigration import emigration_model

    model = emigration_model("KZ", 2019, source="uis", since=2014)
    prose = {lang: write_emigration_note(model, lang).prose() for lang in ("kk", "ru", "en")}
    assert prose["kk"][0] == "2019 жылы шетелде оқыған студенттер саны — 86\u00a0615. 2018 жылмен салыстырғанда 0,1%-ға артты."
    assert prose["ru"][0] == ("Число студентов, обучавшихся за рубежом в 2019 году, — 86\u00a0615. "
                              "По сравнению с 2018 годом — рост на 0,1\u00a0%.")
    assert prose["en"][1] == ("The main destination is Russia: 71,368, 82.4% of the total. "
                              "The three largest take 87.8%.")
    assert prose["en"][2].startswith("The forecast for 2020 is 86,615 (80% interval: 76,499–96,731); method: Naive")
    assert "ЭЫДҰ — 142\u00a0736 (2,00 есе)" in " ".join(prose["kk"])

    # Too short a series: the note says why there is no forecast instead of fitting one.
    short = emigration_model("KZ", 2019, source="uis", since=2016)
    assert "error" in short["forecast"]
    assert write_emigration_note(short, "en").prose()[2].startswith("No forecast: ")


def test_every_format_from_the_command(tmp_path, aqyl):
    canonical = tmp_path / "kz.csv"
    rows = ["year,origin,destination,count,population,source"]
    rows += [f"{y},KZ,RU,{50_000 + 2_000 * i},students,uis" for i, y in enumerate(range(2010, 2020))]
    rows += [f"{y},KZ,TR,{1_000 + 100 * i},students,uis" for i, y in enumerate(range(2010, 2020))]
    canonical.write_text("\n".join(rows) + "\n", encoding="utf-8")
    assert aqyl("flows", "import", str(canonical), "--source", "canonical").returncode == 0
    out = tmp_path / "out"
    done = aqyl("migration", "note", "--year", "2019", "--lang", "ru", "--out", str(out),
                "--format", "docx,pdf,html,xlsx,json,md")
    assert done.returncode == 0, done.stderr
    model = json.loads((out / "aqyl-emigration-KZ-2019.json").read_text("utf-8"))
    assert model["total"] == 68_000 + 1_900 and model["forecast"]["method"] == "drift"
    assert model["forecast"]["mean"][0] == pytest.approx(69_900 + 2_100)  # a straight line goes on
    text = subprocess.run(["pdftotext", str(out / "aqyl-emigration-KZ-2019-ru.pdf"), "-"], capture_output=True,
                          text=True, check=True).stdout.replace("\n", " ")
    assert "Студенческая эмиграция: Казахстан, 2019 год" in text and "Россия" in text
    with zipfile.ZipFile(out / "aqyl-emigration-KZ-2019-ru.xlsx") as book:
        charts = [n for n in book.namelist() if n.startswith("xl/charts/chart")]
        assert len(charts) == 2 and any(b"<c:lineChart>" in book.read(n) for n in charts)
    assert "Рисунок 2. Студенты за рубежом и прогноз" in (out / "aqyl-emigration-KZ-2019-ru.html").read_text("utf-8")
    missing = aqyl("migration", "note", "--year", "2001", "--lang", "kk")
    assert missing.returncode == 1 and "aqyl flows import" in missing.stderr
