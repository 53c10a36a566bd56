"""The "student emigration" note for a country and year: where its students study abroad, the
trend and its forecast (with the back-test that chose the method), and the indicators, written
from a language-neutral model (built by :mod:`aqyl.store.emigration`) in kk, ru or en as the
blocks every report renderer understands."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any

from aqyl.domain.classifiers import COUNTRY
from aqyl.domain.i18n import Label as L
from aqyl.domain.migration.forecast import METHOD_LABELS, METHODS, MIN_GAIN, beats_naive
from aqyl.domain.numbers import fmt_int, fmt_num, fmt_pct, plural
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
from aqyl.domain.report.growth import Growth
from aqyl.domain.report.phrases import NUMBER_WORDS_KK, TIMES_RU
from aqyl.domain.wording import messages

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
    "up": L("Бұл {prev} жылғы көрсеткіштен {pct}-ға көп.", "Это на {pct} больше, чем в {prev} году.",
            "That is {pct} more than in {prev}."),
    "down": L("Бұл {prev} жылғы көрсеткіштен {pct}-ға аз.", "Это на {pct} меньше, чем в {prev} году.",
              "That is {pct} fewer than in {prev}."),
    # A fall to half or less, worded as the half-year note words it (growth.py): "fell 245-fold",
    # never "fell by 100 %", which a reader takes to mean zero.
    "times_down": L("Бұл {prev} жылғы көрсеткіштен {kk_n} есе аз.", "Это в {n} {ru_times} меньше, чем в {prev} году.",
                    "That is {n} times fewer than in {prev}."),
    "nearly_times_down": L("Бұл {prev} жылғы көрсеткіштен {kk_n} есеге жуық аз.",
                           "Это почти в {n} {ru_times} меньше, чем в {prev} году.",
                           "That is nearly {n} times fewer than in {prev}."),
    "more_than_times_down": L("Бұл {prev} жылғы көрсеткіштен {kk_n} еседен астам аз.",
                              "Это более чем в {n} {ru_times} меньше, чем в {prev} году.",
                              "That is more than {n} times fewer than in {prev}."),
    "flat": L("Бұл {prev} жылғы көрсеткішпен бірдей.", "Это столько же, сколько в {prev} году.",
              "That is as many as in {prev}."),
    "no_prev": L("{prev} жылға дерек жоқ.", "Данных за {prev} год нет.", "There are no data for {prev}."),
    "leader": L("Негізгі оқу елі — {country}: {count}, бұл жалпы санның {share}-ы.",
                "Основная страна обучения — {country}: {count}, или {share} от общего числа.",
                "The main country of study is {country}: {count}, or {share} of the total."),
    "top3": L("Ең ірі үш елдің үлесі — {top3}.", "На три крупнейшие страны приходится {top3}.", "The three largest account for {top3}."),
    # The forecast, when the back-test supports it (forecast.beats_naive) and the series has no break.
    "forecast": L("{first} жылға болжам — {mean} ({level}% болжам аралығы: {lo}–{hi}). Болжам {method} бойынша жасалды: "
                  "ретроспективті тексеруде оның қателігі соңғы мәнді сақтау әдісінің қателігінен {gain}-ға аз.",
                  "Прогноз на {first} год — {mean} ({level}-процентный прогнозный интервал: {lo}–{hi}). Прогноз построен {method}: "
                  "на ретроспективной проверке ошибка этого метода на {gain} меньше, чем у метода сохранения последнего значения.",
                  "The forecast for {first} is {mean} ({level}% prediction interval: {lo}–{hi}). It comes from {method}: "
                  "in the back-test its error was {gain} smaller than that of carrying the last value forward."),
    "break": L("Қатарда {breaks} бар: {years} жалпы сан алдыңғы жылмен салыстырғанда екі еседен астам өсті немесе азайды. "
               "Мұндай секіріс әдетте студенттер санының емес, дереккөз қамтуының немесе анықтамасының өзгергенін көрсетеді.",
               "В ряду есть {breaks}: {years} общее число выросло или сократилось более чем вдвое по сравнению с предыдущим годом. "
               "Такой скачок обычно говорит об изменении охвата или определения в источнике, а не числа студентов.",
               "The series has {breaks}: {years} the total more than doubled or fell by more than half on the year before. "
               "A jump like this usually reflects a change in the source's coverage or definition, not in the number of students."),
    "break_years": L("{years} жылдары", "в {years} годах", "in {years}"),
    "break_year": L("{years} жылы", "в {years} году", "in {years}"),
    "and": L("және", "и", "and"),
    "a_break": L("үзіліс", "разрыв", "a break"),
    "breaks": L("үзілістер", "разрывы", "breaks"),
    "not_supported": L("Ретроспективті тексеру ешбір әдістің соңғы мәнді сақтаудан дәлірек болжайтынын растамайды: {reason}.",
                       "Ретроспективная проверка не подтверждает, что какой-либо метод прогнозирует точнее, чем сохранение последнего значения: {reason}.",
                       "The back-test does not support a forecast better than carrying the last value forward: {reason}."),
    "why_naive": L("басқа әдістердің ешқайсысының қателігі одан аз болған жоқ", "ни один другой метод не дал меньшей ошибки",
                   "no other method had a smaller error"),
    "why_small_gain": L("ең дәл әдістің ({method}) қателігі соңғы мәнді сақтау әдісінің қателігінен тек {gain}-ға аз, ал кемінде {need} қажет",
                        "ошибка лучшего метода ({method}) меньше лишь на {gain}, а нужно не менее {need}",
                        "the best method, {method}, had an error only {gain} smaller, and at least {need} is required"),
    "last_value": L("Сондықтан {first} жылға ең жақсы бағалау — {year} жылғы мән: {last}.",
                    "Поэтому лучшая оценка на {first} год — значение {year} года: {last}.",
                    "The best estimate for {first} is therefore the {year} figure: {last}."),
    "no_estimate": L("Сондықтан {first} жылға болжам берілмейді.", "Поэтому прогноз на {first} год не приводится.",
                     "No forecast for {first} is therefore given."),
    "no_forecast": L("Болжам жасалмады: {why}", "Прогноз не построен: {why}", "No forecast: {why}"),
    "too_short": L("қатарда {n} жыл ғана бар, ал болжам мен оны тексеру үшін кемінде {need} жыл керек.",
                   "в ряду {n}, а для прогноза и его проверки нужно не меньше {need}.",
                   "the series has {n} years only, and a forecast with its back-test needs at least {need}."),
    "caveat_head": L("Дереккөздің {year} жылғы деректері толық емес: {gaps}. {last} Төмендегі қорытындылар толық емес деректер бойынша жасалды.",
                     "Данные источника за {year} год неполные: {gaps}. {last} Выводы ниже сделаны по неполным данным.",
                     "The source's data for {year} are incomplete: {gaps}. {last} The findings below rest on incomplete data."),
    "caveat": L("Қорытынды толық емес деректер бойынша жасалды.", "Вывод сделан по неполным данным.",
                "This finding rests on incomplete data."),
    "caveat_indicators": L("Көрсеткіштер толық емес деректер бойынша есептелді.", "Показатели рассчитаны по неполным данным.",
                           "These indicators rest on incomplete data."),
    "h_destinations": L("Оқу елдері", "Страны обучения", "Destinations"),
    "t_destinations": L("{n}-кесте. Шетелде оқитын студенттер, оқу елдері бойынша", "Таблица {n}. Студенты, обучающиеся за рубежом, по странам обучения",
                        "Table {n}. Students abroad by country of study"),
    "t_destinations_top": L("{n}-кесте. Шетелде оқитын студенттер: негізгі {k} оқу елі және басқа елдер",
                            "Таблица {n}. Студенты, обучающиеся за рубежом: {k} основных стран обучения и другие страны",
                            "Table {n}. Students abroad: the {k} main countries of study and the other countries"),
    "dash_top": L("Сызықша (–): ел сол жылы дереккөздің негізгі {k} елінің қатарына кірмеген, оның студенттері басқа елдермен бірге есептелген.",
                  "Прочерк (–): в тот год страна не входила в {k} основных стран источника, её студенты учтены вместе с другими странами.",
                  "A dash (–): that year the country was not among the source's {k} main destinations; its students are counted with the other countries."),
    "dash_other": L("Сондықтан басқа елдердің құрамы екі жылда әртүрлі, олардың өзгерісі көрсетілмейді.",
                    "Поэтому состав других стран в эти два года разный, и их изменение не приводится.",
                    "The other countries therefore differ between the two years, and their change is not given."),
    "dash": L("Сызықша (–): сол жылға дерек жоқ.", "Прочерк (–): данных за тот год нет.", "A dash (–): no data for that year."),
    "c_destinations": L("{n}-сурет. Ең ірі {k} оқу елі{largest}", "Рисунок {n}. {k} {largest}", "Figure {n}. The {k} largest {largest}"),
    "col_no": L("№", "№", "No."),
    "col_country": L("Ел", "Страна", "Country"),
    "col_change": L("Өзгеріс, %", "Изменение, %", "Change, %"),
    "col_share": L("Үлесі, %", "Доля, %", "Share, %"),
    "col_year": L("Жыл", "Год", "Year"),
    "col_students": L("Студенттер", "Студенты", "Students"),
    "col_method": L("Әдіс", "Метод", "Method"),
    "col_mase": L("MASE (аз — жақсы)", "MASE (меньше — лучше)", "MASE (lower is better)"),
    "col_best": L("Ең аз қателік", "Наименьшая ошибка", "Lowest error"),
    "col_forecast": L("Болжам", "Прогноз", "Forecast"),
    "col_lower": L("Төменгі шек", "Нижняя граница", "Lower"),
    "col_upper": L("Жоғарғы шек", "Верхняя граница", "Upper"),
    "total_row": L("Барлығы", "Всего", "Total"),
    "other": L("Басқа елдер", "Другие страны", "Other countries"),
    "h_trend": L("Динамика және болжам", "Динамика и прогноз", "Trend and forecast"),
    "h_trend_only": L("Динамика және ретроспективті тексеру", "Динамика и ретроспективная проверка", "Trend and back-test"),
    "t_trend": L("{n}-кесте. Шетелде оқитын студенттер, жылдар бойынша", "Таблица {n}. Студенты, обучающиеся за рубежом, по годам",
                 "Table {n}. Students abroad by year"),
    "c_trend": L("{n}-сурет. Шетелде оқитын студенттер және болжам", "Рисунок {n}. Студенты за рубежом и прогноз",
                 "Figure {n}. Students abroad and the forecast"),
    "c_observed": L("{n}-сурет. Шетелде оқитын студенттер, жылдар бойынша", "Рисунок {n}. Студенты за рубежом по годам",
                    "Figure {n}. Students abroad by year"),
    "observed": L("Нақты", "Факт", "Observed"),
    "interval": L("{level}% аралық", "Интервал {level}\u00a0%", "{level}% interval"),
    "t_backtest": L("{n}-кесте. Әдістерді ретроспективті тексеру (болжамдар соңғы {k} жылдың әрқайсысынан басталды)",
                    "Таблица {n}. Ретроспективная проверка методов (прогнозы от каждого из последних {k} лет ряда)",
                    "Table {n}. Back-test of the methods (forecasts from each of the last {k} years)"),
    "t_forecast": L("{n}-кесте. Болжам", "Таблица {n}. Прогноз", "Table {n}. Forecast"),
    "backtest_text": L(
        "Әдістер өткен деректерде тексерілді: әр әдістің параметрлері белгілі бір жылға дейінгі деректер бойынша бағаланды, "
        "ал оның келесі жылдарға жасаған болжамы нақты мәндермен салыстырылды. Қателік қатардың бір жылдағы орташа абсолюттік "
        "өзгерісіне бөлінді (масштабталған орташа абсолюттік қателік, бұдан әрі – MASE). Болжам қатарда үзіліс болмаса және "
        "ең дәл әдістің MASE мәні соңғы мәнді сақтау әдісінікінен кемінде {need}-ға аз болса ғана беріледі. Жалпы сан бір жылда "
        "екі еседен астам өссе немесе азайса, бұл үзіліс деп саналады.",
        "Методы проверены на прошлых данных: параметры каждого метода оценивались по данным до определённого года, "
        "а его прогноз на следующие годы сравнивался с фактическими значениями. Ошибка делится на среднее абсолютное "
        "изменение ряда за год (средняя абсолютная масштабированная ошибка, далее – MASE). Прогноз приводится, только если "
        "в ряду нет разрыва и MASE лучшего метода хотя бы на {need} меньше, чем у метода сохранения последнего значения. "
        "Разрывом считается рост или сокращение общего числа более чем вдвое за один год.",
        "Each method was fitted on the years up to an origin and forecast the years after it; the forecasts were compared "
        "with the actual values. Errors are divided by the series' average absolute yearly change (the mean absolute scaled "
        "error, MASE). A forecast is given only if the series has no break and the best method's MASE is at least {need} "
        "below that of carrying the last value forward. A total that more than doubles or falls by more than half in one "
        "year is taken as a break."),
    "h_indicators": L("Көрсеткіштер", "Показатели", "Indicators"),
    "i_total": L("Шетелде оқитын студенттер: {x}", "Студенты, обучающиеся за рубежом: {x}", "Students enrolled abroad: {x}"),
    "i_countries": L("Оқу елдерінің саны: {x}", "Число стран обучения: {x}", "Countries of study: {x}"),
    "i_countries_top": L("Оқу елдерінің жалпы санын дереккөз бермейді: ол негізгі {k} оқу елін ғана атайды, қалған елдер бір жиынтық санмен берілген",
                         "Общее число стран обучения источник не даёт: он называет только {k} основных стран обучения, остальные страны даны одним общим числом",
                         "Countries of study: the source does not give their number; it names only the {k} main countries of study and gives the rest as one total"),
    "i_countries_named": L("Дереккөз атаған оқу елдері: {x}; қалған елдер бір жиынтық санмен берілген",
                           "Стран обучения, названных источником: {x}; остальные страны даны одним общим числом",
                           "Countries of study named by the source: {x}; the rest are given as one total"),
    "i_top3": L("Ең ірі үш елдің үлесі: {x}", "Доля трёх крупнейших стран: {x}", "Share of the three largest destinations: {x}"),
    "i_hhi": L("Бағыттардың шоғырлануы (Херфиндаль–Хиршман индексі, 0–10\u00a0000): {x}",
               "Концентрация направлений (индекс Херфиндаля–Хиршмана, 0–10\u00a0000): {x}",
               "Concentration of destinations (Herfindahl–Hirschman index, 0–10,000): {x}"),
    "i_hhi_top": L("Негізгі {k} оқу елі арасындағы шоғырлану (Херфиндаль–Хиршман индексі, 0–10\u00a0000): {x}",
                   "Концентрация среди {k} основных стран обучения (индекс Херфиндаля–Хиршмана, 0–10\u00a0000): {x}",
                   "Concentration among the {k} main destinations (Herfindahl–Hirschman index, 0–10,000): {x}"),
    "i_hhi_named": L("Дереккөз атаған елдер арасындағы шоғырлану (Херфиндаль–Хиршман индексі, 0–10\u00a0000): {x}",
                     "Концентрация среди стран, названных источником (индекс Херфиндаля–Хиршмана, 0–10\u00a0000): {x}",
                     "Concentration among the destinations the source names (Herfindahl–Hirschman index, 0–10,000): {x}"),
    "i_ratio": L("Шетелге шығатын ұтқырлық коэффициенті: {x} (елдегі студенттер саны — {enrolment})",
                 "Коэффициент исходящей мобильности: {x} (число студентов в стране — {enrolment})",
                 "Outbound mobility ratio: {x} (students at home: {enrolment})"),
    "i_other_more": L("{country}, басқа дереккөз бойынша ({source}): {count}, бұл негізгі дереккөздегіден {ratio} есе көп",
                      "{country}, по другому источнику ({source}): {count}, в {ratio} раза больше, чем по основному источнику",
                      "{country} by another source ({source}): {count}, {ratio} times as many as by the main source"),
    "i_other_fewer": L("{country}, басқа дереккөз бойынша ({source}): {count}, бұл негізгі дереккөздегіден {ratio} есе аз",
                       "{country}, по другому источнику ({source}): {count}, в {ratio} раза меньше, чем по основному источнику",
                       "{country} by another source ({source}): {count}, {ratio} times fewer than by the main source"),
    "h_cohorts": L("Стипендиаттар", "Стипендиаты", "Scholarship holders"),
    "i_cohort": L("{cohort}: стипендиаттар — {n}; оралған түлектердің үлесі — {ret}; {k} жыл ішінде оралғандардың үлесі — {circ}; "
                  "біліктілігінен төмен жұмыс істейтіндердің үлесі — {waste}",
                  "{cohort}: стипендиатов — {n}; доля вернувшихся выпускников — {ret}; доля вернувшихся в течение {k} {years} — {circ}; "
                  "доля работающих ниже квалификации — {waste}",
                  "{cohort}: fellows: {n}; graduates back: {ret}; back within {k} {years}: {circ}; working below qualification: {waste}"),
    "unknown": L("дерек жоқ", "нет данных", "not known"),
    "all_cohorts": L("Барлық бағдарламалар", "Все программы", "All programmes"),
    "h_method": L("Әдістеме және дереккөздер", "Методика и источники", "Method and sources"),
    "definition": L("{source}: {definition}", "{source}: {definition}", "{source}: {definition}"),
    "no_data": L("{year} жылға дерек жоқ.", "Данных за {year} год нет.", "There are no data for {year}."),
}

# The methods as a sentence names them: kk and en in the nominative, ru in the instrumental
# ("прогноз построен методом …") and, for the parenthesis of why_small_gain, the nominative.
METHOD_IN_SENTENCE = {
    "naive": L("соңғы мәнді сақтау әдісі", "методом сохранения последнего значения", "carrying the last value forward"),
    "drift": L("орташа өсім әдісі", "методом среднего прироста", "the drift method (average yearly change)"),
    "ets": L("экспоненциалдық тегістеу әдісі", "методом экспоненциального сглаживания", "exponential smoothing"),
    "arima": L("ARIMA моделі", "моделью ARIMA", "an ARIMA model"),
}
METHOD_NOMINATIVE_RU = {"naive": "метод сохранения последнего значения", "drift": "метод среднего прироста",
                        "ets": "метод экспоненциального сглаживания", "arima": "модель ARIMA"}
# Nouns after a number in ru (CLDR plural categories); kk and en nouns do not need this here.
STUDENTS_RU = {"one": "студент", "few": "студента", "many": "студентов", "other": "студента"}
YEARS_RU = {"one": "год", "few": "года", "many": "лет", "other": "года"}
YEARS_GEN_RU = {"one": "года", "other": "лет"}  # "в течение 1 года", "в течение 3 лет"
LARGEST_RU = {"one": "крупнейшая страна обучения", "few": "крупнейшие страны обучения", "many": "крупнейших стран обучения",
              "other": "крупнейших стран обучения"}


class EmigrationNote:
    def __init__(self, model: Mapping[str, Any], lang: str, generated: str = ""):
        self.m = model
        self.lang = lang
        self.generated = generated
        self.year = model["meta"]["year"]
        self.prev = self.year - 1
        self.gaps = model.get("coverage", {}).get("gaps", [])
        self.blocks: list = []
        self.tables = 0
        self.charts = 0

    def t(self, key: str, **fields: Any) -> str:
        return T[key].get(self.lang).format(**fields)

    def n(self, value: float) -> str:
        return fmt_int(round(value), self.lang)

    def students(self, value: float) -> str:
        """A number of students as a sentence writes it: "71 368 студент", "71 368 студентов", "71,368 students"."""
        n = round(value)
        noun = {"kk": "студент", "ru": plural(n, STUDENTS_RU, "ru"), "en": "student" if n == 1 else "students"}[self.lang]
        return f"{self.n(n)}\u00a0{noun}"

    def pct(self, value: float, decimals: int = 1) -> str:
        return fmt_pct(value, self.lang, decimals)

    def country(self, code: str) -> str:
        return self.t("other") if code == "other" else COUNTRY.label(code, self.lang)

    def years_list(self, years: list[int]) -> str:
        """"2010 жылы", "в 2010, 2013 и 2014 годах", "in 2010, 2013 and 2014"."""
        text = str(years[0]) if len(years) == 1 else f"{', '.join(map(str, years[:-1]))} {self.t('and')} {years[-1]}"
        return self.t("break_year" if len(years) == 1 else "break_years", years=text)

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
        lines = [self.t("source_line", source=source)] + ([self.t("generated", x=date_in_words(self.generated, self.lang))]
                                                          if self.generated else [])
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
    def finding(self, text: str) -> None:
        """A finding's paragraph; from a year the source covers only in part, with the caveat."""
        self.blocks.append(Paragraph(f"{text} {self.t('caveat')}" if self.gaps else text))

    def findings(self) -> None:
        m = self.m
        self.blocks.append(Heading(self.t("h_findings")))
        if self.gaps:
            from aqyl.domain.migration.coverage import gaps_text, last_text

            self.blocks.append(Paragraph(self.t("caveat_head", year=self.year, gaps=gaps_text(self.gaps, self.year, self.lang),
                                                last=last_text(m["coverage"]["last_complete"], self.lang))))
        text = [self.t("total", year=self.year, total=self.n(m["total"]))]
        prev = m["previous_total"]
        if not prev:
            text.append(self.t("no_prev", prev=self.prev))
        else:
            change = (m["total"] - prev) / prev * 100
            kind, times = Growth(prev, m["total"]).wording
            if kind.endswith("times_down"):
                text.append(self.t(kind, prev=self.prev, n=self.n(times), kk_n=NUMBER_WORDS_KK.get(times, self.n(times)),
                                   ru_times=plural(times, TIMES_RU, "ru")))
            else:
                key = "flat" if round(change, 1) == 0 else "up" if change > 0 else "down"
                text.append(self.t(key, prev=self.prev, pct=self.pct(abs(change))))
        self.finding(" ".join(text))
        leader = next((d for d in m["destinations"] if d["country"] != "other" and d["count"] is not None), None)
        if leader:
            text = [self.t("leader", country=self.country(leader["country"]), count=self.students(leader["count"]),
                           share=self.pct(leader["count"] / m["total"] * 100))]
            if m["indicators"]["named"] > 3:  # "the three largest" of three or fewer says nothing
                text.append(self.t("top3", top3=self.pct(m["indicators"]["top3_share"])))
            self.finding(" ".join(text))
        self.finding(self.forecast_sentence())

    def method_name(self, method: str, case: str = "") -> str:
        if self.lang == "ru" and case == "nominative":
            return METHOD_NOMINATIVE_RU[method]
        return METHOD_IN_SENTENCE[method].get(self.lang)

    def forecast_sentence(self) -> str:
        """The forecast as a finding only when the back-test supports it; else what the back-test
        and the series say, and no figure presented as a forecast."""
        f = self.m["forecast"]
        if "error" in f:
            return self.t("no_forecast", why=self.forecast_error(f["error"]))
        first = f["years"][0]
        gain = self.pct(f["gain"] * 100, 0)
        if f["supported"]:
            return self.t("forecast", first=first, mean=self.students(f["mean"][0]), level=f["level"],
                          lo=self.n(max(f["lower"][0], 0)), hi=self.n(f["upper"][0]), method=self.method_name(f["method"]),
                          gain=gain)
        text = []
        if f["breaks"]:
            text.append(self.t("break", breaks=self.t("a_break" if len(f["breaks"]) == 1 else "breaks"),
                               years=self.years_list(f["breaks"])))
        if not beats_naive(f["method"], f["mase"]):
            reason = self.t("why_naive") if f["method"] == "naive" else self.t(
                "why_small_gain", method=self.method_name(f["method"], "nominative"), gain=gain, need=self.pct(MIN_GAIN * 100, 0))
            text.append(self.t("not_supported", reason=reason))
        if f["breaks"]:
            text.append(self.t("no_estimate", first=first))
        else:  # carrying the last value forward is what the back-test supports
            text.append(self.t("last_value", first=first, year=self.year, last=self.students(self.m["series"]["totals"][-1])))
        return " ".join(text)

    def forecast_error(self, error: Mapping[str, Any]) -> str:
        if error["key"] == "forecast_short":
            n, need = error["params"]["n"], error["params"]["need"]
            if self.lang == "ru":
                return self.t("too_short", n=f"{n}\u00a0{plural(n, YEARS_RU, 'ru')}", need=f"{need}\u00a0{plural(need, YEARS_GEN_RU, 'ru')}")
            return self.t("too_short", n=n, need=need)
        return messages.render(error["key"], self.lang, **error["params"])

    def destinations(self) -> None:
        m = self.m
        top_n = m["indicators"].get("top_n")
        self.blocks.append(Heading(self.t("h_destinations")))
        has_prev = any(d["previous"] is not None for d in m["destinations"])
        columns = [Column(self.t("col_no"), "rank"), Column(self.t("col_country"))]
        columns += [Column(str(self.prev), "number")] if has_prev else []
        columns += [Column(str(self.year), "number")] + ([Column(self.t("col_change"), "percent")] if has_prev else [])
        columns += [Column(self.t("col_share"), "percent")]
        # A dash in either year: "other countries" holds that year's dashed countries, so the two
        # years' lumps are not the same set and their change is not computed.
        dashes = has_prev and any(d["previous"] is None or d["count"] is None for d in m["destinations"])
        rows = []
        for i, d in enumerate(m["destinations"], start=1):
            cells = [Cell(f"{i}.", i), Cell(self.country(d["country"]), d["country"])]
            if has_prev:
                cells.append(self.count_cell(d["previous"]))
            cells.append(self.count_cell(d["count"]))
            if has_prev:
                comparable = d["previous"] and d["count"] is not None and not (dashes and d["country"] == "other")
                change = (d["count"] - d["previous"]) / d["previous"] * 100 if comparable else None
                # The column's heading says "%": its cells are numbers alone (not "5,2 %" in every one).
                cells.append(Cell(fmt_num(change, self.lang), round(change, 1)) if change is not None else Cell("–"))
            share = d["count"] / m["total"] * 100 if d["count"] is not None else None
            cells.append(Cell(fmt_num(share, self.lang), round(share, 1)) if share is not None else Cell("–"))
            rows.append(Row(tuple(cells)))
        total = [Cell(""), Cell(self.t("total_row"))]
        if has_prev:
            total.append(self.count_cell(m["previous_total"]))
        total.append(self.count_cell(m["total"]))
        if has_prev:
            total.append(Cell(""))
        total.append(Cell(fmt_num(100.0, self.lang), 100.0))
        rows.append(Row(tuple(total), "total"))
        caption = self.caption("t_destinations_top", k=top_n) if top_n else self.caption("t_destinations")
        self.blocks.append(Table("destinations", caption, tuple(columns), tuple(rows)))
        if dashes:  # a paragraph, not a table footnote: every renderer shows it today
            lumped = any(d["country"] == "other" for d in m["destinations"])
            self.blocks.append(Paragraph(" ".join([self.t("dash_top", k=top_n) if top_n else self.t("dash"),
                                                   *([self.t("dash_other")] if lumped else [])])))
        top = [d for d in m["destinations"] if d["country"] != "other" and d["count"] is not None][:TOP_CHART]
        # The chart shows what the table shows: no bar where the table has a dash.
        series = [Series(str(self.year), tuple(float(round(d["count"])) for d in top))]
        if has_prev:
            series.insert(0, Series(str(self.prev), tuple(None if d["previous"] is None else float(round(d["previous"]))
                                                          for d in top)))
        largest = {"kk": "", "ru": plural(len(top), LARGEST_RU, "ru"), "en": "destination" if len(top) == 1 else "destinations"}
        self.blocks.append(Chart("destinations_chart", self.caption("c_destinations", "chart", k=len(top), largest=largest[self.lang]), "barh",
                                 tuple(self.country(d["country"]) for d in top), tuple(series), self.t("col_students")))

    def count_cell(self, value: float | None) -> Cell:
        return Cell("–") if value is None else Cell(self.n(value), round(value))

    def trend(self) -> None:
        m, f = self.m, self.m["forecast"]
        supported = f.get("supported", False)
        self.blocks.append(Heading(self.t("h_trend" if supported else "h_trend_only")))
        years, totals = m["series"]["years"], m["series"]["totals"]
        rows = []
        for i, (y, v) in enumerate(zip(years, totals, strict=True)):
            change = (v - totals[i - 1]) / totals[i - 1] * 100 if i and totals[i - 1] else None
            rows.append(Row((Cell(str(y), y), self.count_cell(v),
                             Cell(fmt_num(change, self.lang), round(change, 1)) if change is not None else Cell("–"))))
        self.blocks.append(Table("trend", self.caption("t_trend"), (
            Column(self.t("col_year")), Column(self.t("col_students"), "number"), Column(self.t("col_change"), "percent")),
            tuple(rows)))
        if "error" in f:
            return
        observed = Series(self.t("observed"), (*map(float, totals), *[None] * (len(f["years"]) if supported else 0)))
        if supported:
            every = [*years, *f["years"]]
            known = len(years)
            ahead = Series(METHOD_LABELS[f["method"]].get(self.lang),
                           (*[None] * (known - 1), float(totals[-1]), *(max(v, 0.0) for v in f["mean"])))
            band = Band(self.t("interval", level=f["level"]),
                        (*[None] * (known - 1), float(totals[-1]), *(max(v, 0.0) for v in f["lower"])),
                        (*[None] * (known - 1), float(totals[-1]), *f["upper"]))
            self.blocks.append(Chart("trend_chart", self.caption("c_trend", "chart"), "line", tuple(map(str, every)),
                                     (observed, ahead), self.t("col_students"), band))
        else:
            # No fan: a forecast drawn on a chart is read as one, whatever its caption says.
            self.blocks.append(Chart("trend_chart", self.caption("c_observed", "chart"), "line", tuple(map(str, years)),
                                     (observed,), self.t("col_students")))
        self.blocks.append(Paragraph(self.t("backtest_text", need=self.pct(MIN_GAIN * 100, 0))))
        scores = sorted(f["mase"].items(), key=lambda kv: (kv[1], METHODS.index(kv[0])))
        # "Lowest error" marks every method whose error, as printed, is the lowest: a tie has no one best.
        lowest = min(round(score, 2) for _, score in scores)
        self.blocks.append(Table("backtest", self.caption("t_backtest", k=f["origins"]), (
            Column(self.t("col_method")), Column(self.t("col_mase"), "number"), Column(self.t("col_best"))), tuple(
            Row((Cell(METHOD_LABELS[name].get(self.lang), name), Cell(fmt_num(score, self.lang, 2), round(score, 3)),
                 Cell("✓" if round(score, 2) == lowest else ""))) for name, score in scores)))
        if not supported:
            return
        self.blocks.append(Table("forecast", self.caption("t_forecast"), (
            Column(self.t("col_year")), Column(self.t("col_forecast"), "number"), Column(self.t("col_lower"), "number"),
            Column(self.t("col_upper"), "number")), tuple(
            Row((Cell(str(y), y), self.count_cell(max(v, 0)), self.count_cell(max(lo, 0)), self.count_cell(hi)))
            for y, v, lo, hi in zip(f["years"], f["mean"], f["lower"], f["upper"], strict=True))))

    def indicators(self) -> None:
        m, ind = self.m, self.m["indicators"]
        if ind.get("countries") is not None:
            countries, hhi = self.t("i_countries", x=self.n(ind["countries"])), "i_hhi"
        elif ind.get("top_n"):
            countries, hhi = self.t("i_countries_top", k=ind["top_n"]), "i_hhi_top"
        else:
            countries, hhi = self.t("i_countries_named", x=self.n(ind["named"])), "i_hhi_named"
        items = [self.t("i_total", x=self.n(m["total"])), countries,
                 *([self.t("i_top3", x=self.pct(ind["top3_share"]))] if ind["named"] > 3 else []),
                 self.t(hhi, k=ind.get("top_n"), x=self.n(ind["hhi"]))]
        if ind.get("outbound_mobility_ratio") is not None:
            items.append(self.t("i_ratio", enrolment=self.n(ind["enrolment"]), x=self.pct(ind["outbound_mobility_ratio"])))
        for other in m["other_sources"]:
            ratio = other["ratio"]
            items.append(self.t("i_other_more" if ratio >= 1 else "i_other_fewer", country=self.country(other["destination"]),
                                source=other["label"][self.lang], count=self.students(other["count"]),
                                ratio=fmt_num(ratio if ratio >= 1 else 1 / ratio, self.lang, 1)))
        self.blocks.append(Heading(self.t("h_indicators")))
        if self.gaps:
            self.blocks.append(Paragraph(self.t("caveat_indicators")))
        self.blocks.append(Bullets(tuple(items)))
        if m.get("cohorts"):
            self.blocks.append(Heading(self.t("h_cohorts"), 2))
            self.blocks.append(Bullets(tuple(self.cohort_line(c) for c in m["cohorts"])))

    def cohort_line(self, c: Mapping[str, Any]) -> str:
        def share(x: float | None) -> str:
            return self.t("unknown") if x is None else self.pct(x * 100)

        k = c["within_years"]
        return self.t("i_cohort", cohort=c["cohort"] or self.t("all_cohorts"), n=self.n(c["fellows"]), ret=share(c["return_rate"]),
                      k=k, years=plural(k, YEARS_GEN_RU, "ru") if self.lang == "ru" else "year" if k == 1 else "years", circ=share(c["circulation"]), waste=share(c["brain_waste"]))

    def method(self) -> None:
        self.blocks.append(Heading(self.t("h_method")))
        src = self.m["source"]
        self.blocks.append(Paragraph(self.t("definition", source=src["label"][self.lang], definition=src["definition"][self.lang])))
        for other in self.m["other_sources"]:
            self.blocks.append(Paragraph(self.t("definition", source=other["label"][self.lang],
                                                definition=other["definition"][self.lang])))


def date_in_words(iso: str, lang: str) -> str:
    """2026-12-01 → "2026 жылғы 1 желтоқсан", "1 декабря 2026 года", "1 December 2026"."""
    from babel.dates import get_month_names

    day = datetime.date.fromisoformat(iso)
    month = get_month_names("wide", context="format", locale=lang)[day.month]
    return {"kk": f"{day.year} жылғы {day.day} {month}", "ru": f"{day.day} {month} {day.year} года",
            "en": f"{day.day} {month} {day.year}"}[lang]


BREAK_HINT = L("Қатардың соңғы үзілісі — {year} жыл: үзіліссіз жылдардан болжау үшін --since {year} қосыңыз.",
               "Последний разрыв ряда — {year} год: чтобы прогнозировать по годам без разрыва, добавьте --since {year}.",
               "The series last breaks in {year}: add --since {year} to forecast from the unbroken years.")


def break_hint(model: Mapping[str, Any], lang: str) -> str:
    """For the analyst at the command line: how to forecast from after the series' last break."""
    breaks = model["forecast"].get("breaks")
    return BREAK_HINT.get(lang).format(year=breaks[-1]) if breaks else ""


def write_emigration_note(model: Mapping[str, Any], lang: str, generated: str = "") -> Document:
    return EmigrationNote(model, lang, generated).build()
