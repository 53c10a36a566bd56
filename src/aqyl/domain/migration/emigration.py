"""The "student emigration" note for a country and year: where its students study abroad, the
trend and its forecast (with the back-test that chose the method), and the indicators, written
from a language-neutral model (built by :mod:`aqyl.store.emigration`) in kk, ru or en as the
blocks every report renderer understands."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from aqyl.domain import messages
from aqyl.domain.classifiers import COUNTRY
from aqyl.domain.i18n import Label as L
from aqyl.domain.migration.forecast import METHOD_LABELS
from aqyl.domain.numbers import fmt_int, fmt_num, fmt_pct
from aqyl.domain.report.document import (
    Band,
    Bullets,
    Cell,
    Chart,
    Column,
    Document,
    Heading,
    Paragraph,
    Row,
    Series,
    Table,
)

TOP_CHART = 10

T = {
    "title": L("Студенттік эмиграция: {country}, {year} жыл", "Студенческая эмиграция: {country}, {year} год",
               "Student emigration: {country}, {year}"),
    "source_line": L("Дереккөз: {source}", "Источник: {source}", "Source: {source}"),
    "generated": L("Жасалған күні: {x}", "Дата формирования: {x}", "Generated: {x}"),
    "footer": L("Студенттік эмиграция, {year}", "Студенческая эмиграция, {year}", "Student emigration, {year}"),
    "h_findings": L("Негізгі қорытындылар", "Основные выводы", "Key findings"),
    "total": L("{year} жылы шетелде оқыған студенттер саны — {total}.",
               "Число студентов, обучавшихся за рубежом в {year} году, — {total}.",
               "In {year}, {total} students were enrolled abroad."),
    "up": L("{prev} жылмен салыстырғанда {pct}-ға артты.", "По сравнению с {prev} годом — рост на {pct}.",
            "That is {pct} more than in {prev}."),
    "down": L("{prev} жылмен салыстырғанда {pct}-ға кеміді.", "По сравнению с {prev} годом — снижение на {pct}.",
              "That is {pct} fewer than in {prev}."),
    "flat": L("{prev} жылмен салыстырғанда өзгерген жоқ.", "По сравнению с {prev} годом — без изменений.",
              "That is as many as in {prev}."),
    "no_prev": L("{prev} жылға дерек жоқ.", "Данных за {prev} год нет.", "There are no data for {prev}."),
    "leader": L("Негізгі бағыт — {country}: {count}, жалпы санның {share}. Ең ірі үш елдің үлесі — {top3}.",
                "Основная страна назначения — {country}: {count}, {share} от общего числа. На три крупнейшие страны приходится {top3}.",
                "The main destination is {country}: {count}, {share} of the total. The three largest take {top3}."),
    "forecast": L("Болжам бойынша {first} жылы — {mean} ({level}% аралық: {lo}–{hi}); әдіс: {method}, ретроспективті тексерудің қателігі MASE {mase}.",
                  "По прогнозу в {first} году — {mean} (интервал {level}\u00a0%: {lo}–{hi}); метод: {method}, ошибка ретроспективной проверки MASE {mase}.",
                  "The forecast for {first} is {mean} ({level}% interval: {lo}–{hi}); method: {method}, back-test error MASE {mase}."),
    "no_forecast": L("Болжам жасалмады: {why}", "Прогноз не построен: {why}", "No forecast: {why}"),
    "h_destinations": L("Оқу елдері", "Страны обучения", "Destinations"),
    "t_destinations": L("{n}-кесте. Шетелде оқитын студенттер, оқу елдері бойынша", "Таблица {n}. Студенты, обучающиеся за рубежом, по странам обучения",
                        "Table {n}. Students abroad by country of study"),
    "c_destinations": L("{n}-сурет. Ең ірі {k} оқу елі", "Рисунок {n}. {k} крупнейших стран обучения", "Figure {n}. The {k} largest destinations"),
    "col_no": L("№", "№", "No."),
    "col_country": L("Ел", "Страна", "Country"),
    "col_change": L("Өзгеріс, %", "Изменение, %", "Change, %"),
    "col_share": L("Үлесі, %", "Доля, %", "Share, %"),
    "col_year": L("Жыл", "Год", "Year"),
    "col_students": L("Студенттер", "Студенты", "Students"),
    "col_method": L("Әдіс", "Метод", "Method"),
    "col_mase": L("MASE (аз — жақсы)", "MASE (меньше — лучше)", "MASE (lower is better)"),
    "col_chosen": L("Таңдалды", "Выбран", "Chosen"),
    "col_forecast": L("Болжам", "Прогноз", "Forecast"),
    "col_lower": L("Төменгі шек", "Нижняя граница", "Lower"),
    "col_upper": L("Жоғарғы шек", "Верхняя граница", "Upper"),
    "total_row": L("Барлығы", "Всего", "Total"),
    "other": L("Басқа елдер", "Другие страны", "Other countries"),
    "h_trend": L("Динамика және болжам", "Динамика и прогноз", "Trend and forecast"),
    "t_trend": L("{n}-кесте. Шетелде оқитын студенттер, жылдар бойынша", "Таблица {n}. Студенты, обучающиеся за рубежом, по годам",
                 "Table {n}. Students abroad by year"),
    "c_trend": L("{n}-сурет. Шетелде оқитын студенттер және болжам", "Рисунок {n}. Студенты за рубежом и прогноз",
                 "Figure {n}. Students abroad and the forecast"),
    "observed": L("Нақты", "Факт", "Observed"),
    "interval": L("{level}% аралық", "Интервал {level}\u00a0%", "{level}% interval"),
    "t_backtest": L("{n}-кесте. Әдістерді ретроспективті тексеру (соңғы {k} жылдан бастап болжам)",
                    "Таблица {n}. Ретроспективная проверка методов (прогнозы с последних {k} лет)",
                    "Table {n}. Back-test of the methods (forecasts from the last {k} years)"),
    "t_forecast": L("{n}-кесте. Болжам", "Таблица {n}. Прогноз", "Table {n}. Forecast"),
    "backtest_text": L("Әр әдіс алдыңғы жылдарға бапталып, келесі жылдарды болжады; қателік аңғал әдістің қателігіне бөлінді (MASE). Ең аз қателік берген әдіс болжам жасады.",
                       "Каждый метод обучался на предшествующих годах и прогнозировал следующие; ошибка делится на ошибку наивного метода (MASE). Прогноз строит метод с наименьшей ошибкой.",
                       "Each method was fitted on the years before an origin and forecast the years after it; errors are scaled by the naive method's (MASE). The method with the lowest error makes the forecast."),
    "h_indicators": L("Көрсеткіштер", "Показатели", "Indicators"),
    "i_total": L("Шетелде оқитын студенттер: {x}", "Студенты, обучающиеся за рубежом: {x}", "Students enrolled abroad: {x}"),
    "i_countries": L("Оқу елдерінің саны (дереккөз атағандары): {x}", "Число стран обучения (названных источником): {x}",
                     "Countries of study (named by the source): {x}"),
    "i_top3": L("Ең ірі үш елдің үлесі: {x}", "Доля трёх крупнейших стран: {x}", "Share of the three largest destinations: {x}"),
    "i_hhi": L("Бағыттардың шоғырлануы (Херфиндаль–Хиршман индексі, 0–10 000): {x}",
               "Концентрация направлений (индекс Херфиндаля–Хиршмана, 0–10 000): {x}",
               "Concentration of destinations (Herfindahl–Hirschman index, 0–10,000): {x}"),
    "i_ratio": L("Шетелге шығатын ұтқырлық коэффициенті (елдегі {enrolment} студентке шаққанда): {x}",
                 "Коэффициент исходящей мобильности (на {enrolment} студентов в стране): {x}",
                 "Outbound mobility ratio (against {enrolment} students at home): {x}"),
    "i_other_source": L("{country} бойынша басқа дереккөз: {source} — {count} ({ratio} есе)",
                        "{country} по другому источнику: {source} — {count} (в {ratio} раза)",
                        "{country} by another source: {source} — {count} ({ratio} times)"),
    "h_cohorts": L("Стипендиаттар", "Стипендиаты", "Scholarship holders"),
    "i_cohort": L("{cohort}: {n} стипендиат, бітіргендердің оралғаны {ret}, {k} жыл ішінде оралғаны {circ}, біліктілігінен төмен жұмыс {waste}",
                  "{cohort}: стипендиатов — {n}, вернувшихся выпускников {ret}, вернувшихся в течение {k} лет {circ}, работа ниже квалификации {waste}",
                  "{cohort}: {n} fellows, graduates back {ret}, back within {k} years {circ}, working below qualification {waste}"),
    "all_cohorts": L("Барлық бағдарламалар", "Все программы", "All programmes"),
    "h_method": L("Әдістеме және дереккөздер", "Методика и источники", "Method and sources"),
    "definition": L("{source}: {definition}", "{source}: {definition}", "{source}: {definition}"),
    "no_data": L("{year} жылға дерек жоқ.", "Данных за {year} год нет.", "There are no data for {year}."),
}


class EmigrationNote:
    def __init__(self, model: Mapping[str, Any], lang: str, generated: str = ""):
        self.m = model
        self.lang = lang
        self.generated = generated
        self.year = model["meta"]["year"]
        self.prev = self.year - 1
        self.blocks: list = []
        self.tables = 0
        self.charts = 0

    def t(self, key: str, **fields: Any) -> str:
        return T[key].get(self.lang).format(**fields)

    def n(self, value: float) -> str:
        return fmt_int(round(value), self.lang)

    def pct(self, value: float) -> str:
        return fmt_pct(value, self.lang)

    def country(self, code: str) -> str:
        return self.t("other") if code == "other" else COUNTRY.label(code, self.lang)

    def caption(self, key: str, kind: str = "table", **fields: Any) -> str:
        if kind == "table":
            self.tables += 1
            return self.t(key, n=self.tables, **fields)
        self.charts += 1
        return self.t(key, n=self.charts, **fields)

    def build(self) -> Document:
        meta = self.m["meta"]
        origin = self.country(meta["origin"])
        source = self.m["source"]["label"][self.lang]
        lines = [self.t("source_line", source=source)] + ([self.t("generated", x=self.generated)] if self.generated else [])
        if self.m["total"]:
            self.findings()
            self.destinations()
            self.trend()
            self.indicators()
        else:
            self.blocks.append(Paragraph(self.t("no_data", year=self.year)))
        self.method()
        return Document(self.lang, self.t("title", country=origin, year=self.year), tuple(lines), tuple(self.blocks),
                        self.t("footer", year=self.year))

    # -- sections ---------------------------------------------------------------------------------
    def findings(self) -> None:
        m = self.m
        self.blocks.append(Heading(self.t("h_findings")))
        text = [self.t("total", year=self.year, total=self.n(m["total"]))]
        prev = m["previous_total"]
        if not prev:
            text.append(self.t("no_prev", prev=self.prev))
        else:
            change = (m["total"] - prev) / prev * 100
            key = "flat" if round(change, 1) == 0 else "up" if change > 0 else "down"
            text.append(self.t(key, prev=self.prev, pct=self.pct(abs(change))))
        self.blocks.append(Paragraph(" ".join(text)))
        leader = next((d for d in m["destinations"] if d["country"] != "other"), None)
        if leader:
            self.blocks.append(Paragraph(self.t(
                "leader", country=self.country(leader["country"]), count=self.n(leader["count"]),
                share=self.pct(leader["count"] / m["total"] * 100), top3=self.pct(m["indicators"]["top3_share"]))))
        self.blocks.append(Paragraph(self.forecast_sentence()))

    def forecast_sentence(self) -> str:
        f = self.m["forecast"]
        if "error" in f:
            return self.t("no_forecast", why=messages.render(f["error"]["key"], self.lang, **f["error"]["params"]))
        return self.t("forecast", first=f["years"][0], mean=self.n(f["mean"][0]), level=f["level"],
                      lo=self.n(max(f["lower"][0], 0)), hi=self.n(f["upper"][0]),
                      method=METHOD_LABELS[f["method"]].get(self.lang), mase=fmt_num(f["mase"][f["method"]], self.lang, 2))

    def destinations(self) -> None:
        m = self.m
        self.blocks.append(Heading(self.t("h_destinations")))
        has_prev = any(d["previous"] is not None for d in m["destinations"])
        columns = [Column(self.t("col_no"), "rank"), Column(self.t("col_country"))]
        columns += [Column(str(self.prev), "number")] if has_prev else []
        columns += [Column(str(self.year), "number")] + ([Column(self.t("col_change"), "percent")] if has_prev else [])
        columns += [Column(self.t("col_share"), "percent")]
        rows = []
        for i, d in enumerate(m["destinations"], start=1):
            cells = [Cell(f"{i}.", i), Cell(self.country(d["country"]), d["country"])]
            if has_prev:
                cells.append(self.count_cell(d["previous"]))
            cells.append(self.count_cell(d["count"]))
            if has_prev:
                change = (d["count"] - d["previous"]) / d["previous"] * 100 if d["previous"] else None
                cells.append(Cell(self.pct(change), round(change, 1)) if change is not None else Cell("–"))
            share = d["count"] / m["total"] * 100
            cells.append(Cell(self.pct(share), round(share, 1)))
            rows.append(Row(tuple(cells)))
        total = [Cell(""), Cell(self.t("total_row"))]
        if has_prev:
            total.append(self.count_cell(m["previous_total"]))
        total.append(self.count_cell(m["total"]))
        if has_prev:
            total.append(Cell(""))
        total.append(Cell(""))
        rows.append(Row(tuple(total), "total"))
        self.blocks.append(Table("destinations", self.caption("t_destinations"), tuple(columns), tuple(rows)))
        top = [d for d in m["destinations"] if d["country"] != "other"][:TOP_CHART]
        series = [Series(str(self.year), tuple(float(round(d["count"])) for d in top))]
        if has_prev:
            series.insert(0, Series(str(self.prev), tuple(float(round(d["previous"] or 0)) for d in top)))
        self.blocks.append(Chart("destinations_chart", self.caption("c_destinations", "chart", k=len(top)), "barh",
                                 tuple(self.country(d["country"]) for d in top), tuple(series), self.t("col_students")))

    def count_cell(self, value: float | None) -> Cell:
        return Cell("–") if value is None else Cell(self.n(value), round(value))

    def trend(self) -> None:
        m, f = self.m, self.m["forecast"]
        self.blocks.append(Heading(self.t("h_trend")))
        years, totals = m["series"]["years"], m["series"]["totals"]
        rows = []
        for i, (y, v) in enumerate(zip(years, totals, strict=True)):
            change = (v - totals[i - 1]) / totals[i - 1] * 100 if i and totals[i - 1] else None
            rows.append(Row((Cell(str(y), y), self.count_cell(v),
                             Cell(self.pct(change), round(change, 1)) if change is not None else Cell("–"))))
        self.blocks.append(Table("trend", self.caption("t_trend"), (
            Column(self.t("col_year")), Column(self.t("col_students"), "number"), Column(self.t("col_change"), "percent")),
            tuple(rows)))
        if "error" in f:
            return
        every = [*years, *f["years"]]
        known = len(years)
        observed = Series(self.t("observed"), (*map(float, totals), *[None] * len(f["years"])))
        ahead = Series(METHOD_LABELS[f["method"]].get(self.lang),
                       (*[None] * (known - 1), float(totals[-1]), *(max(v, 0.0) for v in f["mean"])))
        band = Band(self.t("interval", level=f["level"]), (*[None] * (known - 1), float(totals[-1]), *(max(v, 0.0) for v in f["lower"])),
                    (*[None] * (known - 1), float(totals[-1]), *f["upper"]))
        self.blocks.append(Chart("trend_chart", self.caption("c_trend", "chart"), "line", tuple(map(str, every)),
                                 (observed, ahead), self.t("col_students"), band))
        self.blocks.append(Paragraph(self.t("backtest_text")))
        scores = sorted(f["mase"].items(), key=lambda kv: kv[1])
        self.blocks.append(Table("backtest", self.caption("t_backtest", k=f["origins"]), (
            Column(self.t("col_method")), Column(self.t("col_mase"), "number"), Column(self.t("col_chosen"))), tuple(
            Row((Cell(METHOD_LABELS[name].get(self.lang), name), Cell(fmt_num(score, self.lang, 2), round(score, 3)),
                 Cell("✓" if name == f["method"] else ""))) for name, score in scores)))
        self.blocks.append(Table("forecast", self.caption("t_forecast"), (
            Column(self.t("col_year")), Column(self.t("col_forecast"), "number"), Column(self.t("col_lower"), "number"),
            Column(self.t("col_upper"), "number")), tuple(
            Row((Cell(str(y), y), self.count_cell(max(v, 0)), self.count_cell(max(lo, 0)), self.count_cell(hi)))
            for y, v, lo, hi in zip(f["years"], f["mean"], f["lower"], f["upper"], strict=True))))

    def indicators(self) -> None:
        m, ind = self.m, self.m["indicators"]
        items = [self.t("i_total", x=self.n(m["total"])),
                 self.t("i_countries", x=self.n(ind["countries"])),
                 self.t("i_top3", x=self.pct(ind["top3_share"])),
                 self.t("i_hhi", x=self.n(ind["hhi"]))]
        if ind.get("outbound_mobility_ratio") is not None:
            items.append(self.t("i_ratio", enrolment=self.n(ind["enrolment"]), x=self.pct(ind["outbound_mobility_ratio"])))
        for other in m["other_sources"]:
            items.append(self.t("i_other_source", country=self.country(other["destination"]), source=other["label"][self.lang],
                                count=self.n(other["count"]), ratio=fmt_num(other["ratio"], self.lang, 2)))
        self.blocks.append(Heading(self.t("h_indicators")))
        self.blocks.append(Bullets(tuple(items)))
        if m.get("cohorts"):
            self.blocks.append(Heading(self.t("h_cohorts"), 2))
            self.blocks.append(Bullets(tuple(self.cohort_line(c) for c in m["cohorts"])))

    def cohort_line(self, c: Mapping[str, Any]) -> str:
        def share(x: float | None) -> str:
            return "–" if x is None else self.pct(x * 100)

        return self.t("i_cohort", cohort=c["cohort"] or self.t("all_cohorts"), n=self.n(c["fellows"]), ret=share(c["return_rate"]),
                      k=c["within_years"], circ=share(c["circulation"]), waste=share(c["brain_waste"]))

    def method(self) -> None:
        self.blocks.append(Heading(self.t("h_method")))
        src = self.m["source"]
        self.blocks.append(Paragraph(self.t("definition", source=src["label"][self.lang], definition=src["definition"][self.lang])))
        for other in self.m["other_sources"]:
            self.blocks.append(Paragraph(self.t("definition", source=other["label"][self.lang],
                                                definition=other["definition"][self.lang])))


def write_emigration_note(model: Mapping[str, Any], lang: str, generated: str = "") -> Document:
    return EmigrationNote(model, lang, generated).build()
