"""Flows from the real public files in ../shared/datasets come back as published."""

import json

import polars as pl
import pytest

from aqyl.importers.flows import FlowFileError, read_flows
from conftest import SHARED

DATA = SHARED / "datasets"
UIS = DATA / "uis-student-flows" / "popular-destinations-by-origin.csv"
OECD = DATA / "oecd-intl-students" / "OECD_Intl_Student_Enrollment_2013_2019.csv"
DESA = DATA / "undesa-migrant-stock" / "UN_MigrantStockByOriginAndDestination_2019_clean.csv"
needs_data = pytest.mark.skipif(not UIS.exists(), reason="../shared/datasets is not here")


def pairs(frame: pl.DataFrame, origin: str, year: int) -> dict[str, float]:
    rows = frame.filter((pl.col("origin") == origin) & (pl.col("year") == year))
    return dict(rows.select("destination", "count").iter_rows())


@needs_data
def test_kazakhstan_2019_destinations_from_uis_as_published():
    flows = read_flows(UIS, "uis")
    got = pairs(flows.frame, "KZ", 2019)
    assert got == {"RU": 71368, "KG": 2479, "TR": 2191, "CZ": 1751, "GB": 1272, "DE": 963, "PL": 759, "KR": 749,
                   "CA": 576, "MY": 572, "other": pytest.approx(3935.19558)}
    assert set(flows.frame["population"].unique()) == {"students"}
    assert flows.skipped["Oceania: unknown countries"] > 0 and "Russia" not in flows.skipped


@needs_data
def test_un_desa_wide_layout_and_regions_left_out():
    flows = read_flows(DESA, "undesa")
    assert pairs(flows.frame, "KZ", 2019)["RU"] == 2_559_711
    assert {"Melanesia", "Polynesia", "Channel Islands"} <= set(flows.skipped)
    codes = set(flows.frame["origin"].unique()) | set(flows.frame["destination"].unique())
    assert all(len(c) == 2 or c == "other" for c in codes)
    assert set(flows.frame["population"].unique()) == {"migrant_stock"}


@pytest.mark.django_db
@needs_data
def test_two_sources_side_by_side():
    from aqyl.store.flows import query, reconcile, save_flows

    for path, source in ((UIS, "uis"), (OECD, "oecd")):
        frame = read_flows(path, source).frame.filter(pl.col("year") == 2019)
        save_flows(frame, path.name)
    both = {r["source"]: (r["count"], r["ratio_to_largest"]) for r in reconcile("KZ", "RU", 2019)}
    assert both == {"oecd": (142_736, 1.0), "uis": (71_368, 0.5)}
    # Re-importing a source's year replaces it instead of adding to it.
    save_flows(read_flows(UIS, "uis").frame.filter(pl.col("year") == 2019), UIS.name)
    assert len(query(origin="KZ", destination="RU", year=2019)) == 2


def test_wrong_source_or_layout_is_explained(tmp_path):
    with pytest.raises(FlowFileError) as error:
        read_flows(tmp_path / "x.csv", "unesco")
    assert "uis, oecd, undesa, canonical" in error.value.message("en")
    path = tmp_path / "flows.csv"
    path.write_text("year,from,to,n\n2019,KZ,RU,1\n")
    with pytest.raises(FlowFileError) as error:
        read_flows(path, "oecd")
    assert "COUNTRY_OF_ORIGIN" in error.value.message("ru") and "--source" in error.value.message("kk")


def test_canonical_files_round_trip_through_the_command(tmp_path, aqyl):
    path = tmp_path / "national.csv"
    path.write_text("year,origin,destination,count,population,source\n"
                    "2022,Қазақстан,Ресей,120,staff,national\n2023,KZ,Өзбекстан,116,staff,national\n"
                    "2023,KZ,Atlantis,3,staff,national\n")
    done = aqyl("flows", "import", str(path), "--source", "canonical", "--lang", "en")
    assert done.returncode == 0, done.stderr
    assert "Flows stored: 2" in done.stdout and "Atlantis (1)" in done.stdout
    shown = json.loads(aqyl("flows", "show", "--origin", "Kazakhstan", "--format", "json").stdout)
    assert shown == [
        {"origin": "KZ", "destination": "RU", "year": 2022, "count": 120.0, "population": "staff", "source": "national"},
        {"origin": "KZ", "destination": "UZ", "year": 2023, "count": 116.0, "population": "staff", "source": "national"},
    ]
    again = tmp_path / "again.csv"
    again.write_text(aqyl("flows", "show", "--origin", "KZ", "--format", "csv").stdout)
    assert aqyl("flows", "import", str(again), "--source", "canonical").returncode == 0
    assert json.loads(aqyl("flows", "show", "--origin", "KZ", "--format", "json").stdout) == shown


@pytest.mark.django_db
def test_the_register_becomes_national_flows():
    from aqyl.store.demo import load_demo
    from aqyl.store.flows import national_flows, query, save_flows
    from aqyl.store.report_data import report_data

    load_demo()
    save_flows(national_flows(), "register")
    facts = report_data("2023H1")["periods"]["2023H1"]
    out = {r["destination"]: r["count"] for r in query(origin="KZ", year=2023, source="national")}
    assert out == {k: float(v) for k, v in facts["outgoing"]["by_country"].items()}
    assert sum(out.values()) == 382
    incoming = query(destination="KZ", year=2023, source="national")
    assert sum(r["count"] for r in incoming) == 353 and {r["population"] for r in incoming} == {"staff"}
    assert sum(r["count"] for r in query(origin="KZ", year=2022, source="national")) == 139


def test_forecast_command_with_its_back_test_and_fan_chart(tmp_path, aqyl):
    path = tmp_path / "series.csv"
    counts = [49252, 59295, 69895, 65237, 69836, 71368]  # UIS, Kazakhstan → Russia, 2014–2019
    path.write_text("year,origin,destination,count,population,source\n" +
                    "".join(f"{2014 + i},KZ,RU,{c},students,uis\n" for i, c in enumerate(counts)))
    assert aqyl("flows", "import", str(path), "--source", "canonical").returncode == 0
    chart = tmp_path / "fan.png"
    done = aqyl("flows", "forecast", "--origin", "KZ", "--destination", "RU", "--horizon", "3", "--json", "--chart", str(chart))
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert set(result["mase"]) == {"naive", "drift", "ets", "arima"}
    assert result["mase"][result["method"]] == min(result["mase"].values())
    assert [f["year"] for f in result["forecast"]] == [2020, 2021, 2022]
    assert all(f["lower"] <= f["mean"] <= f["upper"] for f in result["forecast"])
    assert chart.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    short = aqyl("flows", "forecast", "--origin", "KZ", "--destination", "RU", "--since", "2017", "--lang", "ru")
    assert short.returncode == 2 and "не меньше 6" in short.stderr
