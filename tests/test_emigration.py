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
    # UIS lists each origin's ten main destinations and lumps the rest: it cannot give a count.
    assert (ind["countries"], ind["named"], ind["top_n"]) == (None, 10, 10)
    assert ind["top3_share"] == pytest.approx((71_368 + 2_479 + 2_191) / 86_615.19558 * 100)
    assert ind["outbound_mobility_ratio"] == pytest.approx(86_615 / 600_000 * 100)
    assert model["series"]["years"] == [2014, 2015, 2016, 2017, 2018, 2019]
    f = model["forecast"]
    assert f["method"] == "naive" and f["origins"] == 2 and f["years"] == [2020, 2021, 2022, 2023, 2024]
    assert f["mean"][0] == pytest.approx(86_615.19558)
    assert f["mase"]["naive"] == pytest.approx(0.17, abs=0.005)
    assert (f["breaks"], f["gain"], f["supported"]) == ([], 0.0, False)  # the naive method won: not a finding
    [oecd] = model["other_sources"]
    assert (oecd["source"], oecd["count"], round(oecd["ratio"], 2)) == ("oecd", 142_736, 2.0)


def test_prose_in_three_languages(stored_flows):
    from aqyl.domain.migration.emigration import write_emigration_note
    from aqyl.store.emigration import emigration_model

    model = emigration_model("KZ", 2019, source="uis", since=2014)
    prose = {lang: write_emigration_note(model, lang).prose() for lang in ("kk", "ru", "en")}
    assert prose["kk"][0] == "2019 жылы шетелде оқыған студенттер саны — 86\u00a0615. Бұл 2018 жылғы көрсеткіштен 0,1%-ға көп."
    assert prose["ru"][0] == ("Число студентов, обучавшихся за рубежом в 2019 году, — 86\u00a0615. "
                              "Это на 0,1\u00a0% больше, чем в 2018 году.")
    assert prose["kk"][1] == ("Негізгі оқу елі — Ресей Федерациясы: 71\u00a0368\u00a0студент, бұл жалпы санның 82,4%-ы. "
                              "Ең ірі үш елдің үлесі — 87,8%.")
    assert prose["ru"][1] == ("Основная страна обучения — Российская Федерация: 71\u00a0368\u00a0студентов, или 82,4\u00a0% от общего числа. "
                              "На три крупнейшие страны приходится 87,8\u00a0%.")
    assert prose["en"][1] == ("The main country of study is Russia: 71,368\u00a0students, or 82.4% of the total. "
                              "The three largest account for 87.8%.")
    # 2014–2019 has no break, but the naive method wins the back-test: its value carried forward is
    # what the note gives, not a forecast.
    assert prose["kk"][2] == ("Ретроспективті тексеру ешбір әдістің соңғы мәнді сақтаудан дәлірек болжайтынын растамайды: "
                              "басқа әдістердің ешқайсысының қателігі одан аз болған жоқ. "
                              "Сондықтан 2020 жылға ең жақсы бағалау — 2019 жылғы мән: 86\u00a0615\u00a0студент.")
    assert prose["ru"][2] == ("Ретроспективная проверка не подтверждает, что какой-либо метод прогнозирует точнее, чем сохранение "
                              "последнего значения: ни один другой метод не дал меньшей ошибки. "
                              "Поэтому лучшая оценка на 2020 год — значение 2019 года: 86\u00a0615\u00a0студентов.")
    assert prose["en"][2] == ("The back-test does not support a forecast better than carrying the last value forward: "
                              "no other method had a smaller error. The best estimate for 2020 is therefore the 2019 figure: "
                              "86,615\u00a0students.")
    assert ("Ресей Федерациясы, басқа дереккөз бойынша (ЭЫДҰ): 142\u00a0736\u00a0студент, "
            "бұл негізгі дереккөздегіден 2,0 есе көп") in prose["kk"]
    assert ("Российская Федерация, по другому источнику (ОЭСР): 142\u00a0736\u00a0студентов, в 2,0 раза больше, "
            "чем по основному источнику") in prose["ru"]

    # Too short a series: the note says why there is no forecast instead of fitting one.
    short = emigration_model("KZ", 2019, source="uis", since=2016)
    assert "error" in short["forecast"]
    texts = {lang: write_emigration_note(short, lang).prose()[2] for lang in ("kk", "ru", "en")}
    assert texts == {
        "kk": "Болжам жасалмады: қатарда 4 жыл ғана бар, ал болжам мен оны тексеру үшін кемінде 6 жыл керек.",
        "ru": "Прогноз не построен: в ряду 4\u00a0года, а для прогноза и его проверки нужно не меньше 6\u00a0лет.",
        "en": "No forecast: the series has 4 years only, and a forecast with its back-test needs at least 6.",
    }


def test_no_forecast_is_a_finding_across_a_coverage_break(stored_flows):
    """UIS's whole Kazakhstan run, 1998–2019: the total jumps (9,138 in 2010, 13,552 in 2013 between
    years near 40,000, then 66,864 in 2014) and every method's back-test error is above 2.8 times the
    average yearly change. The note says so and gives no forecast figure, no fan and no forecast table."""
    from aqyl.domain.migration.emigration import break_hint, write_emigration_note
    from aqyl.domain.report.document import Chart, Table
    from aqyl.store.emigration import emigration_model

    model = emigration_model("KZ", 2019, source="uis")
    f = model["forecast"]
    assert model["series"]["years"] == list(range(1998, 2020))
    assert f["breaks"] == [2000, 2010, 2011, 2013, 2014]
    assert min(f["mase"].values()) > 2.8 and f["method"] == "drift" and not f["supported"]
    assert f["gain"] == pytest.approx(1 - f["mase"]["drift"] / f["mase"]["naive"]) == pytest.approx(0.111, abs=0.001)
    notes = {lang: write_emigration_note(model, lang) for lang in ("kk", "ru", "en")}
    assert notes["kk"].prose()[2] == (
        "Қатарда үзілістер бар: 2000, 2010, 2011, 2013 және 2014 жылдары жалпы сан алдыңғы жылмен салыстырғанда екі "
        "еседен астам өсті немесе азайды. Мұндай секіріс әдетте студенттер санының емес, дереккөз қамтуының немесе "
        "анықтамасының өзгергенін көрсетеді. Ретроспективті тексеру ешбір әдістің соңғы мәнді сақтаудан дәлірек "
        "болжайтынын растамайды: ең дәл әдістің (орташа өсім әдісі) қателігі соңғы мәнді сақтау әдісінің қателігінен "
        "тек 11%-ға аз, ал кемінде 20% қажет. Сондықтан 2020 жылға болжам берілмейді.")
    assert notes["ru"].prose()[2] == (
        "В ряду есть разрывы: в 2000, 2010, 2011, 2013 и 2014 годах общее число выросло или сократилось более чем "
        "вдвое по сравнению с предыдущим годом. Такой скачок обычно говорит об изменении охвата или определения в "
        "источнике, а не числа студентов. Ретроспективная проверка не подтверждает, что какой-либо метод прогнозирует "
        "точнее, чем сохранение последнего значения: ошибка лучшего метода (метод среднего прироста) меньше лишь на "
        "11\u00a0%, а нужно не менее 20\u00a0%. Поэтому прогноз на 2020 год не приводится.")
    assert notes["en"].prose()[2] == (
        "The series has breaks: in 2000, 2010, 2011, 2013 and 2014 the total more than doubled or fell by more than "
        "half on the year before. A jump like this usually reflects a change in the source's coverage or definition, "
        "not in the number of students. The back-test does not support a forecast better than carrying the last value "
        "forward: the best method, the drift method (average yearly change), had an error only 11% smaller, and at least 20% "
        "is required. No forecast for 2020 is therefore given.")
    for doc in notes.values():
        forecast_figure = fmt(f["mean"][0], doc.lang)
        assert not any(forecast_figure in text for text in doc.prose())
        assert [t.key for t in doc.tables] == ["destinations", "trend", "backtest"]  # no forecast table
        [trend] = [c for c in doc.charts if c.key == "trend_chart"]
        assert isinstance(trend, Chart) and trend.band is None and len(trend.series) == 1
        assert trend.categories == tuple(map(str, range(1998, 2020)))
    assert [c.caption for c in notes["ru"].charts] == ["Рисунок 1. 10 крупнейших стран обучения",
                                                       "Рисунок 2. Студенты за рубежом по годам"]
    assert break_hint(model, "en") == "The series last breaks in 2014: add --since 2014 to forecast from the unbroken years."
    backtest = next(t for t in notes["en"].tables if isinstance(t, Table) and t.key == "backtest")
    assert [c.header for c in backtest.columns] == [
        "Method", "MASE (lower is better)", "Lowest error"]


def fmt(value: float, lang: str) -> str:
    from aqyl.domain.numbers import fmt_int

    return fmt_int(round(value), lang)


def test_a_forecast_that_clearly_beats_the_naive_method_is_stated(db, tmp_path):
    from aqyl.domain.migration.emigration import write_emigration_note
    from aqyl.importers.flows import read_flows
    from aqyl.store.emigration import emigration_model
    from aqyl.store.flows import save_flows

    path = tmp_path / "line.csv"  # a steady rise of about 2,000 a year with some noise
    counts = [50_000 + 2_000 * i + (300 if i % 2 else -300) for i in range(10)]
    path.write_text("year,origin,destination,count,population,source\n" + "".join(
        f"{2010 + i},KZ,RU,{c},students,canonical\n" for i, c in enumerate(counts)), encoding="utf-8")
    save_flows(read_flows(path, "canonical").frame, path.name)
    model = emigration_model("KZ", 2019, source="canonical")
    f = model["forecast"]
    assert (f["breaks"], f["supported"]) == ([], True) and f["method"] != "naive"
    gain = round((1 - f["mase"][f["method"]] / f["mase"]["naive"]) * 100)
    assert gain >= 20
    n = {lang: (lambda v, lang=lang: fmt(v, lang)) for lang in ("kk", "ru", "en")}
    mean, lo, hi = f["mean"][0], f["lower"][0], f["upper"][0]
    prose = {lang: write_emigration_note(model, lang).prose()[2] for lang in ("kk", "ru", "en")}
    method = {"drift": ("орташа өсім әдісі", "методом среднего прироста", "the drift method (average yearly change)"),
              "ets": ("экспоненциалдық тегістеу әдісі", "методом экспоненциального сглаживания", "exponential smoothing"),
              "arima": ("ARIMA моделі", "моделью ARIMA", "an ARIMA model")}[f["method"]]
    assert prose["kk"] == (f"2020 жылға болжам — {n['kk'](mean)}\u00a0студент (80% болжам аралығы: {n['kk'](lo)}–{n['kk'](hi)}). "
                           f"Болжам {method[0]} бойынша жасалды: ретроспективті тексеруде оның қателігі соңғы мәнді сақтау "
                           f"әдісінің қателігінен {gain}%-ға аз.")
    assert prose["ru"] == (f"Прогноз на 2020 год — {n['ru'](mean)}\u00a0студентов (80-процентный прогнозный интервал: "
                           f"{n['ru'](lo)}–{n['ru'](hi)}). Прогноз построен {method[1]}: на ретроспективной проверке ошибка "
                           f"этого метода на {gain}\u00a0% меньше, чем у метода сохранения последнего значения.")
    assert prose["en"] == (f"The forecast for 2020 is {n['en'](mean)}\u00a0students (80% prediction interval: {n['en'](lo)}–{n['en'](hi)}). "
                           f"It comes from {method[2]}: in the back-test its error was {gain}% smaller than that of carrying "
                           "the last value forward.")
    doc = write_emigration_note(model, "en")
    assert [t.key for t in doc.tables] == ["destinations", "trend", "backtest", "forecast"]
    assert doc.charts[-1].band is not None and doc.charts[-1].caption == "Figure 2. Students abroad and the forecast"
    # A source without a top-N list and without a lump of other countries gives a count.
    assert "Countries of study: 1" in doc.prose()


def test_a_top_ten_source_gives_no_count_of_countries(stored_flows):
    from aqyl.domain.migration.emigration import write_emigration_note
    from aqyl.store.emigration import emigration_model

    model = emigration_model("KZ", 2019, source="uis", since=2014)
    docs = {lang: write_emigration_note(model, lang) for lang in ("kk", "ru", "en")}
    prose = {lang: doc.prose() for lang, doc in docs.items()}
    assert prose["kk"][6:8] == [
        "Оқу елдерінің жалпы санын дереккөз бермейді: ол негізгі 10 оқу елін ғана атайды, қалған елдер бір жиынтық санмен берілген",
        "Ең ірі үш елдің үлесі: 87,8%"]
    assert ("Негізгі 10 оқу елі арасындағы шоғырлану (Херфиндаль–Хиршман индексі, 0–10\u00a0000): 7\u00a0478"
            in prose["kk"])
    assert ("Общее число стран обучения источник не даёт: он называет только 10 основных стран обучения, остальные "
            "страны даны одним общим числом") in prose["ru"]
    assert "Концентрация среди 10 основных стран обучения (индекс Херфиндаля–Хиршмана, 0–10\u00a0000): 7\u00a0478" in prose["ru"]
    assert ("Countries of study: the source does not give their number; it names only the 10 main countries of study "
            "and gives the rest as one total") in prose["en"]
    assert "Concentration among the 10 main destinations (Herfindahl–Hirschman index, 0–10,000): 7,478" in prose["en"]
    assert not any(": 10" in text for lang in prose for text in prose[lang])  # no count of ten anywhere
    assert docs["ru"].tables[0].caption == (
        "Таблица 1. Студенты, обучающиеся за рубежом: 10 основных стран обучения и другие страны")
    # Malaysia was not among 2018's ten: the table's dash is explained, as a top-ten source's.
    assert prose["kk"][3] == ("Сызықша (–): ел сол жылы дереккөздің негізгі 10 елінің қатарына кірмеген, оның студенттері "
                              "басқа елдермен бірге есептелген. Сондықтан басқа елдердің құрамы екі жылда әртүрлі, олардың "
                              "өзгерісі көрсетілмейді.")
    assert prose["ru"][3] == ("Прочерк (–): в тот год страна не входила в 10 основных стран источника, её студенты учтены "
                              "вместе с другими странами. Поэтому состав других стран в эти два года разный, и их изменение "
                              "не приводится.")
    assert prose["en"][3] == ("A dash (–): that year the country was not among the source's 10 main destinations; its "
                              "students are counted with the other countries. The other countries therefore differ between "
                              "the two years, and their change is not given.")


def test_charts_draw_no_value_where_the_tables_show_a_dash(stored_flows):
    from aqyl.domain.migration.emigration import write_emigration_note
    from aqyl.render.charts import chart_png
    from aqyl.store.emigration import emigration_model

    doc = write_emigration_note(emigration_model("KZ", 2019, source="uis", since=2014), "en")
    table = next(t for t in doc.tables if t.key == "destinations")
    chart = next(c for c in doc.charts if c.key == "destinations_chart")
    rows = {r.cells[1].text: r.cells for r in table.rows if r.kind == "data"}
    headers = [c.header for c in table.columns]
    checked = 0
    for series in chart.series:
        column = headers.index(series.name)
        for country, value in zip(chart.categories, series.values, strict=True):
            cell = rows[country][column]
            assert (value is None) == (cell.text == "–"), (country, series.name)
            assert value is None or value == cell.value
            checked += 1
    assert checked == 20 and chart.series[0].values[chart.categories.index("Malaysia")] is None
    assert chart_png(chart).startswith(b"\x89PNG")  # a gap renders: no bar and no "0" label
    trend = next(t for t in doc.tables if t.key == "trend")
    line = next(c for c in doc.charts if c.key == "trend_chart")
    assert [r.cells[1].value for r in trend.rows] == [round(v) for v in line.series[0].values if v is not None]


@pytest.mark.slow
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
    assert "Студенческая эмиграция: Казахстан, 2019 год" in text and "Российская Федерация" in text
    with zipfile.ZipFile(out / "aqyl-emigration-KZ-2019-ru.xlsx") as book:
        charts = [n for n in book.namelist() if n.startswith("xl/charts/chart")]
        assert len(charts) == 2 and any(b"<c:lineChart>" in book.read(n) for n in charts)
    assert "Рисунок 2. Студенты за рубежом и прогноз" in (out / "aqyl-emigration-KZ-2019-ru.html").read_text("utf-8")
    missing = aqyl("migration", "note", "--year", "2001", "--lang", "kk")
    assert missing.returncode == 1 and "aqyl flows import" in missing.stderr


# --- issue 31: a year the source covers only in part, and a table that adds up -----------------
def test_a_year_the_source_covers_in_part_is_refused(stored_flows, tmp_path):
    """UIS names one country for Kazakhstan in 2021 (Monaco, 1 student) and none of 2020's is Russia:
    neither year is a finding. The refusal names what is missing and the last complete year."""
    from aqyl.app.migration import emigration_note
    from aqyl.domain.errors import AqylError

    with pytest.raises(AqylError) as refused:
        emigration_note("KZ", 2021, "ru", ["md"], tmp_path, source="uis")
    assert refused.value.key == "emigration_incomplete"
    assert refused.value.message("ru") == (
        "Данные источника за 2021 год неполные: общее число студентов (1) меньше половины числа за 2020 год (3\u00a0467); "
        "нет данных по основной стране обучения 2020 года (Кыргызстан); названо стран обучения: 1 (в 2020 году — 10). "
        "Последний полный год — 2019. Чтобы всё же построить записку, добавьте --allow-incomplete: тогда каждый вывод "
        "будет сопровождаться оговоркой.")
    assert refused.value.message("kk") == (
        "Дереккөздің 2021 жылғы деректері толық емес: студенттердің жалпы саны (1) 2020 жылғы санның (3\u00a0467) "
        "жартысынан аз; 2020 жылғы негізгі оқу елі (Қырғызстан) көрсетілмеген; аталған оқу елдері: 1 (2020 жылы — 10). "
        "Соңғы толық жыл — 2019. Жазбаны бәрібір жасау үшін --allow-incomplete қосыңыз: сонда әр қорытындыға ескерту беріледі.")
    with pytest.raises(AqylError) as refused:
        emigration_note("KZ", 2020, "en", ["md"], tmp_path, source="uis", web=True)
    assert refused.value.message("en") == (
        "The source's data for 2020 are incomplete: the total (3,467) is below half of 2019's (86,615); 2019's main "
        "country of study (Russia) is missing. The last complete year is 2019. To write the note anyway, tick "
        "“Allow an incomplete year”: every finding then carries a caveat.")
    assert emigration_note("KZ", 2019, "ru", ["md"], tmp_path, source="uis") is not None  # a complete year passes


def test_an_allowed_incomplete_year_carries_the_caveat_on_every_finding(stored_flows):
    from aqyl.domain.migration.emigration import write_emigration_note
    from aqyl.domain.report.document import Heading, Paragraph
    from aqyl.store.emigration import emigration_model

    model = emigration_model("KZ", 2021, source="uis")
    assert model["coverage"]["last_complete"] == 2019 and [g["kind"] for g in model["coverage"]["gaps"]] == [
        "total", "leader", "named"]
    caveat = {"kk": "Қорытынды толық емес деректер бойынша жасалды.", "ru": "Вывод сделан по неполным данным.",
              "en": "This finding rests on incomplete data."}
    for lang in ("kk", "ru", "en"):
        doc = write_emigration_note(model, lang)
        blocks = list(doc.blocks)
        start = next(i for i, b in enumerate(blocks) if isinstance(b, Heading)) + 1
        end = next(i for i, b in enumerate(blocks) if isinstance(b, Heading) and i >= start)
        head, *findings = blocks[start:end]
        assert isinstance(head, Paragraph) and len(findings) == 3
        assert all(isinstance(p, Paragraph) and p.text.endswith(caveat[lang]) for p in findings), lang
    ru = write_emigration_note(model, "ru")
    assert ru.prose()[0] == (
        "Данные источника за 2021 год неполные: общее число студентов (1) меньше половины числа за 2020 год (3\u00a0467); "
        "нет данных по основной стране обучения 2020 года (Кыргызстан); названо стран обучения: 1 (в 2020 году — 10). "
        "Последний полный год — 2019. Выводы ниже сделаны по неполным данным.")
    kk = write_emigration_note(model, "kk")
    assert kk.prose()[0].endswith("Соңғы толық жыл — 2019. Төмендегі қорытындылар толық емес деректер бойынша жасалды.")
    assert "Показатели рассчитаны по неполным данным." in ru.prose()  # the indicators too
    complete = write_emigration_note(emigration_model("KZ", 2019, source="uis"), "ru")
    assert not any("неполн" in text for text in complete.prose())
    # 3,467 → 1 is a fall "in 3,467 times", as the half-year note words a fall to half or less,
    # never "by 100,0 %", which a reader takes to mean none.
    fell = {"kk": "Бұл 2020 жылғы көрсеткіштен 3\u00a0467 есе аз.", "ru": "Это в 3\u00a0467 раз меньше, чем в 2020 году.",
            "en": "That is 3,467 times fewer than in 2020."}
    for lang, sentence in fell.items():
        first = write_emigration_note(model, lang).prose()[1]
        assert sentence in first and "100" not in first, (lang, first)


def test_every_column_of_the_destinations_table_sums_to_its_total(stored_flows):
    """The United States (1,764 in 2018, 5th) left UIS's top ten in 2019: its row stays, with a dash
    for 2019, so that 2018's column adds up to 86,487; "other countries" is then not the same set in
    both years (2018's holds Malaysia, 2019's the United States) and gets no change."""
    from aqyl.domain.migration.emigration import write_emigration_note
    from aqyl.store.emigration import emigration_model

    model = emigration_model("KZ", 2019, source="uis", since=2014)
    for lang in ("kk", "ru", "en"):
        table = next(t for t in write_emigration_note(model, lang).tables if t.key == "destinations")
        data = [r for r in table.rows if r.kind == "data"]
        [total] = [r for r in table.rows if r.kind == "total"]
        for column in (2, 3, 5):  # 2018, 2019, share
            summed = sum(r.cells[column].value or 0 for r in data)
            assert summed == pytest.approx(total.cells[column].value, abs=0.05 * len(data) if column == 5 else 0), (lang, column)
        assert [total.cells[2].value, total.cells[3].value] == [86_487, 86_615]
    en = write_emigration_note(model, "en")
    table = next(t for t in en.tables if t.key == "destinations")
    rows = {r.cells[1].text: [c.text for c in r.cells[2:]] for r in table.rows if r.kind == "data"}
    assert rows["United States"] == ["1,764", "–", "–", "–"]
    assert rows["Malaysia"] == ["–", "572", "–", "0.7"]  # the heading says %, the cells are numbers
    assert rows["Other countries"] == ["3,741", "3,935", "–", "4.5"]
    assert list(rows)[-1] == "Other countries"
    ru = write_emigration_note(model, "ru").prose()
    assert ru[3].endswith("Поэтому состав других стран в эти два года разный, и их изменение не приводится.")


@pytest.mark.parametrize(("args", "lang", "code", "text"), [
    (["--year", "2021"], "ru", 2,
     "✗ Данные источника за 2021 год неполные: общее число студентов (1) меньше половины числа за 2020 год (3\u00a0467); "
     "нет данных по основной стране обучения 2020 года (Кыргызстан); названо стран обучения: 1 (в 2020 году — 10). "
     "Последний полный год — 2019. Чтобы всё же построить записку, добавьте --allow-incomplete: тогда каждый вывод будет "
     "сопровождаться оговоркой.\n"),
    (["--year", "2020"], "kk", 2,
     "✗ Дереккөздің 2020 жылғы деректері толық емес: студенттердің жалпы саны (3\u00a0467) 2019 жылғы санның "
     "(86\u00a0615) жартысынан аз; 2019 жылғы негізгі оқу елі (Ресей Федерациясы) көрсетілмеген. Соңғы толық жыл — 2019. "
     "Жазбаны бәрібір жасау үшін --allow-incomplete қосыңыз: сонда әр қорытындыға ескерту беріледі.\n"),
])
def test_the_command_refuses_an_incomplete_year(stored_flows, tmp_path, monkeypatch, args, lang, code, text):
    from typer.testing import CliRunner

    from aqyl.cli import present
    from aqyl.cli.app import app

    for console in (present.console, present.err_console):
        monkeypatch.setattr(console, "_width", 400)
    monkeypatch.setattr(present.state, "lang", None)
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["migration", "note", *args, "--source", "uis", "--format", "md", "--out", str(out),
                                      "--lang", lang])
    assert (result.exit_code, result.stdout, result.stderr) == (code, "", text)
    allowed = CliRunner().invoke(app, ["migration", "note", *args, "--source", "uis", "--format", "md", "--out", str(out),
                                       "--lang", lang, "--allow-incomplete"])
    assert allowed.exit_code == 0 and allowed.stdout.strip().endswith(f"aqyl-emigration-KZ-{args[1]}-{lang}.md")


def test_a_tie_in_the_back_test_marks_every_method_with_the_lowest_error(stored_flows):
    import copy

    from aqyl.domain.migration.emigration import write_emigration_note
    from aqyl.store.emigration import emigration_model

    model = copy.deepcopy(emigration_model("KZ", 2019, source="uis"))
    mase = model["forecast"]["mase"]
    first, second = sorted(mase, key=mase.get)[:2]
    mase[second] = mase[first]  # two methods with the same error: neither is "the best"
    table = next(t for t in write_emigration_note(model, "en").tables if t.key == "backtest")
    marked = [row.cells[0].value for row in table.rows if row.cells[2].text == "✓"]
    assert sorted(marked) == sorted([first, second])
