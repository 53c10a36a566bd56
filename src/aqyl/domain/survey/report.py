"""The survey report as a document every renderer draws (DOCX, HTML, PDF, XLSX, Markdown): who
answered, the scales and their reliability, each scale's items as diverging stacked bars with
their statistics, the comparison across groups, the cross-tabulations and how missing answers
were handled. The words are kk/ru/en; the numbers come from :func:`analysis.analyze`."""

from __future__ import annotations

from typing import Any

from aqyl.domain.i18n import Label as L
from aqyl.domain.numbers import fmt_int, fmt_num, fmt_pct
from aqyl.domain.report.document import (
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
from aqyl.domain.survey.instrument import Instrument

W = {
    "respondents": L("Респонденттер", "Респонденты", "Respondents"),
    "answered": L("Сауалнамаға {n} респондент жауап берді.", "На анкету ответили респонденты: {n}.",
                  "{n} respondents answered the questionnaire."),
    "rejected": L("Қатесі бар {n} жол талдауға кірмеді.", "Строк с ошибками, не вошедших в анализ: {n}.",
                  "{n} rows with errors were left out of the analysis."),
    "option": L("Жауап", "Ответ", "Answer"), "count": L("Саны", "Число", "Count"), "share": L("Үлесі", "Доля", "Share"),
    "no_answer": L("жауап жоқ", "нет ответа", "no answer"),
    "scales": L("Шкалалар және олардың сенімділігі", "Шкалы и их надёжность", "Scales and their reliability"),
    "scale": L("Шкала", "Шкала", "Scale"), "items": L("Сұрақтар", "Вопросов", "Items"),
    "mean": L("Орташа", "Среднее", "Mean"), "sd": L("Ст. ауытқу", "Ст. откл.", "SD"),
    "alpha": L("Кронбах α", "α Кронбаха", "Cronbach's α"), "ci": L("95% сенім аралығы", "95% дов. интервал", "95% CI"),
    "scales_about": L(
        "Шкала балы — респондент жауап берген сұрақтардың орташасы (1–{points}); кері сұрақтар аударылып есептеледі. "
        "α ≥ 0,7 — шкала сенімді; α < 0,6 — сұрақтар бір нәрсені өлшемейді, шкала балын қолдануға болмайды.",
        "Балл шкалы — среднее по вопросам, на которые ответил респондент (1–{points}); обратные вопросы "
        "перевёрнуты. α ≥ 0,7 — шкала надёжна; α < 0,6 — вопросы не измеряют одно и то же, балл шкалы использовать нельзя.",
        "A scale score is the mean of the items a respondent answered (1–{points}); reversed items are turned round. "
        "α ≥ 0.7: the scale is reliable; α < 0.6: its items do not measure one thing, and its score should not be used."),
    "unreliable": L("Сенімсіз шкалалар (α < 0,6): {scales}.", "Ненадёжные шкалы (α < 0,6): {scales}.",
                    "Unreliable scales (α < 0.6): {scales}."),
    "all_reliable": L("Барлық шкаланың α мәні 0,6-дан жоғары.", "У всех шкал α выше 0,6.", "Every scale has α above 0.6."),
    "item": L("Сұрақ", "Вопрос", "Item"), "r_it": L("Сұрақ–шкала r", "r вопрос–шкала", "Item-total r"),
    "alpha_without": L("Сұрақсыз α", "α без вопроса", "α without the item"),
    "reversed": L("(кері)", "(обратный)", "(reversed)"),
    "answers_of": L("{scale}: жауаптардың бөлінуі, %", "{scale}: распределение ответов, %", "{scale}: answers, %"),
    "items_of": L("{scale}: сұрақтар", "{scale}: вопросы", "{scale}: items"),
    "share_axis": L("Респонденттер үлесі", "Доля респондентов", "Share of respondents"),
    "by": L("Топтар бойынша салыстыру: {group}", "Сравнение по группам: {group}", "Comparison by group: {group}"),
    "test": L("Критерий", "Критерий", "Test"), "p": L("p", "p", "p"), "effect": L("Әсер өлшемі", "Размер эффекта", "Effect size"),
    "welch_t": L("t({df}) = {stat}", "t({df}) = {stat}", "t({df}) = {stat}"),
    "anova": L("F({df}) = {stat}", "F({df}) = {stat}", "F({df}) = {stat}"),
    "cohen_d": L("d = {v}", "d = {v}", "d = {v}"), "eta_squared": L("η² = {v}", "η² = {v}", "η² = {v}"),
    "group_means": L("Шкала орташалары топтар бойынша", "Средние шкал по группам", "Scale means by group"),
    "tests_about": L(
        "Екі топ Уэлч t-критерийімен (дисперсиялар тең деп есептелмейді) және Коэн d-мен, одан көп топ бір факторлы "
        "дисперсиялық талдаумен және η²-пен салыстырылады. Екіден аз респонденті бар топ салыстырылмайды.",
        "Две группы сравниваются t-критерием Уэлча (без допущения о равенстве дисперсий) и d Коэна, больше — "
        "однофакторным дисперсионным анализом и η². Группы менее чем из двух респондентов не сравниваются.",
        "Two groups are compared with Welch's t-test (unequal variances) and Cohen's d, more with one-way ANOVA and "
        "η². A group of fewer than two respondents is not compared."),
    "crosstab": L("{item} × {group}", "{item} × {group}", "{item} × {group}"),
    "chi": L("χ²({df}) = {chi}, p = {p}, Крамер V = {v}, n = {n}.", "χ²({df}) = {chi}, p = {p}, V Крамера = {v}, n = {n}.",
             "χ²({df}) = {chi}, p = {p}, Cramér's V = {v}, n = {n}."),
    "small": L("Ескерту: ұяшықтардың {share} бөлігінде күтілетін жиілік 5-тен аз, χ² сенімсіз.",
               "Внимание: в {share} ячеек ожидаемая частота меньше 5, χ² ненадёжен.",
               "Caution: {share} of the cells expect fewer than 5 answers, so χ² is unreliable."),
    "crosstabs": L("Айқас кестелер", "Таблицы сопряжённости", "Cross-tabulations"),
    "missing": L("Жауап берілмеген сұрақтар", "Пропущенные ответы", "Missing answers"),
    "missing_rules": L(
        "Бос ұяшық — жауап жоқ, нөл емес. Шкала балы сұрақтардың кемінде жартысына жауап берген респондентке "
        "ғана есептеледі. α және сұрақ–шкала корреляциялары шкаланың барлық сұрағына жауап бергендер бойынша "
        "(листвайз), сипаттамалар, топтық салыстырулар мен айқас кестелер мәні бар әр респондент бойынша есептеледі.",
        "Пустая ячейка — пропуск, а не ноль. Балл шкалы считается, если респондент ответил хотя бы на половину её "
        "вопросов. α и корреляции вопрос–шкала считаются по ответившим на все вопросы шкалы (построчное удаление), "
        "описательные статистики, сравнения групп и таблицы сопряжённости — по всем респондентам со значением.",
        "An empty cell is a missing answer, never a zero. A scale score is computed for a respondent who answered at "
        "least half of its items. α and item-total correlations use the respondents who answered every item of the "
        "scale (listwise); descriptives, group comparisons and cross-tabulations use every respondent with a value."),
    "most_missing": L("Ең көп өткізілген сұрақтар:", "Чаще всего пропущены вопросы:", "Items most often left unanswered:"),
}


def _w(key: str, lang: str, **fields) -> str:
    text = W[key].get(lang)
    return text.format(**fields) if fields else text


def _n(x: float | None, lang: str, decimals: int = 2) -> str:
    if x is None:
        return "—"
    return fmt_num(0.0 if abs(x) < 0.5 * 10 ** -decimals else x, lang, decimals)  # never "-0.00"


def _p(p: float | None, lang: str) -> str:
    if p is None:
        return "—"
    return f"< {fmt_num(0.001, lang, 3)}" if p < 0.001 else fmt_num(p, lang, 3)


def survey_document(instrument: Instrument, model: dict[str, Any], lang: str, *, file: str = "",
                    rejected: int = 0) -> Document:
    scale_of = {s.id: s for s in instrument.scales}
    blocks: list = [Heading(_w("respondents", lang)), Paragraph(_w("answered", lang, n=fmt_int(model["respondents"], lang)))]
    if rejected:
        blocks.append(Paragraph(_w("rejected", lang, n=fmt_int(rejected, lang))))
    for k, choice in enumerate(model["choices"], start=1):
        item = instrument.item(choice["item"])
        assert item.answers is not None  # a choice item has its answers
        total = sum(choice["counts"].values()) + choice["missing"]
        rows = [Row((Cell(item.answers.label(code, lang)), Cell(fmt_int(n, lang), n),
                     Cell(fmt_pct(100 * n / total, lang), round(100 * n / total, 1))))
                for code, n in list(choice["counts"].items())[:12]]
        if choice["missing"]:
            rows.append(Row((Cell(_w("no_answer", lang)), Cell(fmt_int(choice["missing"], lang), choice["missing"]),
                             Cell(fmt_pct(100 * choice["missing"] / total, lang), None))))
        blocks.append(Table(f"respondents_{k}", item.text.get(lang),
                            (Column(_w("option", lang)), Column(_w("count", lang), "number"), Column(_w("share", lang), "percent")),
                            tuple(rows)))

    blocks += [Heading(_w("scales", lang)), Paragraph(_w("scales_about", lang, points=instrument.points))]
    blocks.append(Table("scales", _w("scales", lang), (
        Column(_w("scale", lang)), Column(_w("items", lang), "number"), Column("n", "number"), Column(_w("mean", lang), "number"),
        Column(_w("sd", lang), "number"), Column(_w("alpha", lang), "number"), Column(_w("ci", lang))), tuple(
        Row((Cell(scale_of[s["scale"]].label.get(lang)), Cell(str(len(s["items"])), len(s["items"])), Cell(fmt_int(s["n"], lang), s["n"]),
             Cell(_n(s["mean"], lang), s["mean"]), Cell(_n(s["sd"], lang), s["sd"]), Cell(_n(s["alpha"], lang), s["alpha"]),
             Cell(f"{_n(s['alpha_ci'][0], lang)} – {_n(s['alpha_ci'][1], lang)}")))
        for s in model["scales"])))
    weak = [scale_of[s["scale"]].label.get(lang) + f" ({_n(s['alpha'], lang)})" for s in model["scales"]
            if s["alpha"] is not None and s["alpha"] < 0.6]
    blocks.append(Paragraph(_w("unreliable", lang, scales=", ".join(weak)) if weak else _w("all_reliable", lang)))

    for group_id, group_label in instrument.groups.items() or {"": None}.items():
        in_group = [s for s in model["scales"] if scale_of[s["scale"]].group == group_id]
        if not in_group:
            continue
        if group_label is not None:
            blocks.append(Heading(group_label.get(lang)))
        for s in in_group:
            blocks += _scale_blocks(instrument, model, s, lang)

    if model.get("groups"):
        blocks += _group_blocks(instrument, model["groups"], scale_of, lang)

    blocks.append(Heading(_w("missing", lang)))
    blocks.append(Paragraph(_w("missing_rules", lang)))
    most = sorted((i for i in model["items"] if i["missing"]), key=lambda i: -i["missing"])[:5]
    if most:
        blocks.append(Bullets(tuple(f"{instrument.item(i['item']).text.get(lang)} — {fmt_int(i['missing'], lang)}" for i in most),
                              lead=_w("most_missing", lang)))
    subtitle = tuple(x for x in (file, _w("answered", lang, n=fmt_int(model["respondents"], lang))) if x)
    return Document(lang, instrument.title.get(lang), subtitle, tuple(blocks), footer=instrument.title.get(lang))


def _scale_blocks(instrument: Instrument, model: dict, s: dict, lang: str) -> list:
    scale = next(x for x in instrument.scales if x.id == s["scale"])
    items = [i for i in model["items"] if i["scale"] == scale.id]
    names = [instrument.item(i["item"]).text.get(lang) + (f" {_w('reversed', lang)}" if i["reversed"] else "") for i in items]
    shares = [[100 * c / i["n"] if i["n"] else 0.0 for c in i["counts"]] for i in items]
    series = tuple(Series(label.get(lang), tuple(round(row[k], 1) for row in shares))
                   for k, label in enumerate(instrument.likert_labels))
    title = scale.label.get(lang)
    return [
        Heading(title, 2), Paragraph(f"{scale.about.get(lang)}. {_w('alpha', lang)} = {_n(s['alpha'], lang)} "
                                     f"[{_n(s['alpha_ci'][0], lang)}; {_n(s['alpha_ci'][1], lang)}], n = {fmt_int(s['alpha_n'], lang)}."),
        Chart(f"likert_{scale.id}", _w("answers_of", lang, scale=title), "diverging", tuple(names), series,
              _w("share_axis", lang)),
        Table(f"items_{scale.id}", _w("items_of", lang, scale=title), (
            Column(_w("item", lang)), Column("n", "number"), Column(_w("mean", lang), "number"), Column(_w("sd", lang), "number"),
            Column(_w("r_it", lang), "number"), Column(_w("alpha_without", lang), "number")), tuple(
            Row((Cell(name), Cell(fmt_int(i["n"], lang), i["n"]), Cell(_n(i["mean"], lang), i["mean"]), Cell(_n(i["sd"], lang), i["sd"]),
                 Cell(_n(i["item_total_r"], lang), i["item_total_r"]), Cell(_n(i["alpha_if_deleted"], lang), i["alpha_if_deleted"])))
            for name, i in zip(names, items, strict=True))),
    ]


def _group_blocks(instrument: Instrument, groups: dict, scale_of: dict, lang: str) -> list:
    by = groups["by"]
    answers = instrument.group_answers(by)
    group_name = instrument.group_label(by, lang)
    compared = groups["compared"]
    blocks: list = [Heading(_w("by", lang, group=group_name)), Paragraph(_w("tests_about", lang))]
    rows = []
    for s in groups["scales"]:
        test = s["test"]
        if test is None:
            stat = effect = p = "—"
        else:
            df = ", ".join(_n(d, lang, 1 if test["name"] == "welch_t" else 0) for d in test["df"])
            stat = _w(test["name"], lang, df=df, stat=_n(test["statistic"], lang))
            effect = _w(test["effect_name"], lang, v=_n(test["effect"], lang))
            p = _p(test["p"], lang)
        means = [Cell(_n(s["groups"][g]["mean"], lang), s["groups"][g]["mean"]) for g in compared]
        rows.append(Row((Cell(scale_of[s["scale"]].label.get(lang)), *means, Cell(stat), Cell(p), Cell(effect))))
    blocks.append(Table("groups", _w("group_means", lang), (
        Column(_w("scale", lang)), *(Column(f"{answers.label(g, lang)}, n = {groups['counts'][g]}") for g in compared),
        Column(_w("test", lang)), Column("p"), Column(_w("effect", lang))), tuple(rows)))
    if groups["crosstabs"]:
        blocks.append(Heading(_w("crosstabs", lang), 2))
    for k, c in enumerate(groups["crosstabs"], start=1):
        options = instrument.group_answers(c["item"])
        caption = _w("crosstab", lang, item=instrument.group_label(c["item"], lang), group=group_name)
        shown = c["options"][:10]  # a country list is long: its ten most frequent destinations
        if len(c["options"]) > 10:
            totals = [sum(row[j] for row in c["table"]) for j in range(len(c["options"]))]
            shown = [c["options"][j] for j in sorted(range(len(totals)), key=lambda j: -totals[j])[:10]]
        index = {o: j for j, o in enumerate(c["options"])}
        blocks.append(Table(f"crosstab_{k}", caption, (
            Column(group_name), *(Column(options.label(o, lang), "number") for o in shown)), tuple(
            Row((Cell(answers.label(g, lang)), *(Cell(fmt_int(row[index[o]], lang), row[index[o]]) for o in shown)))
            for g, row in zip(c["groups"], c["table"], strict=True))))
        text = _w("chi", lang, df=c["df"], chi=_n(c["chi2"], lang), p=_p(c["p"], lang), v=_n(c["cramers_v"], lang),
                  n=fmt_int(c["n"], lang))
        if c["small_expected"] and c["small_expected"] > 0.2:
            text += " " + _w("small", lang, share=fmt_pct(100 * c["small_expected"], lang, 0))
        blocks.append(Paragraph(text))
    return blocks
