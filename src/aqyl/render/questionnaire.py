"""A survey instrument as a questionnaire to hand out or to build a form from, in one language:
an XLSX with the questions (scale, item, answer options) and an empty answer sheet whose headers
are the item texts — so the answers come back through ``read_responses`` without a mapping — or
a CSV of the questions."""

from __future__ import annotations

import csv
import io

import xlsxwriter

from aqyl.domain.survey.instrument import Instrument
from aqyl.domain.wording.catalogue import label
from aqyl.render.xlsx import safe_text

# The questionnaire's words by language, in the order the writers read them.
_KEYS = (label("questionnaire_number"), label("code"), label("questionnaire_scale"), label("questionnaire_question"),
         label("questionnaire_options"), label("questionnaire_questions"), label("questionnaire_answers"),
         label("questionnaire_reversed"), label("questionnaire_reversed_yes"))
WORDS = {lang: tuple(word.get(lang) for word in _KEYS) for lang in ("kk", "ru", "en")}


def questionnaire_rows(instrument: Instrument, lang: str) -> list[list[str]]:
    """One row per item: number, id, scale, text, the options it accepts, whether it counts reversed."""
    scale_of = {i: s.label.get(lang) for s in instrument.scales for i in s.items}
    likert = "; ".join(f"{n} — {label.get(lang)}" for n, label in enumerate(instrument.likert_labels, start=1))
    rows = []
    for n, item in enumerate(instrument.items, start=1):
        if item.kind == "likert":
            options = likert
        elif item.kind == "choice" and len(item.answers) <= 20:
            options = "; ".join(c.label.get(lang) for c in item.answers)
        elif item.kind == "choice":
            options = item.answers.title.get(lang)  # a country list: any country's name
        else:
            options = ""
        # Whether an item counts reversed is for whoever builds the form, not in the question respondents read.
        rows.append([str(n), item.id, scale_of.get(item.id, ""), item.text.get(lang), options,
                     WORDS[lang][8] if item.reversed else ""])
    return rows


def questionnaire_csv(instrument: Instrument, lang: str) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([*WORDS[lang][:5], WORDS[lang][7]])
    writer.writerows([[safe_text(c) for c in row] for row in questionnaire_rows(instrument, lang)])
    return out.getvalue().encode("utf-8-sig")


def questionnaire_xlsx(instrument: Instrument, lang: str) -> bytes:
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    head = book.add_format({"bold": True, "bg_color": "#DCE6F1", "border": 1, "text_wrap": True, "valign": "top"})
    wrap = book.add_format({"text_wrap": True, "valign": "top"})
    words = WORDS[lang]
    answers = book.add_worksheet(words[6])
    questions = book.add_worksheet(words[5])
    questions.write_row(0, 0, [*words[:5], words[7]], head)
    for r, row in enumerate(questionnaire_rows(instrument, lang), start=1):
        questions.write_row(r, 0, [safe_text(c) for c in row], wrap)
    questions.set_column(0, 1, 8)
    questions.set_column(2, 2, 24)
    questions.set_column(3, 3, 60)
    questions.set_column(4, 4, 50)
    questions.set_column(5, 5, 16)
    questions.freeze_panes(1, 0)
    for c, item in enumerate(instrument.items):
        answers.write(0, c, item.text.get(lang), head)
        answers.set_column(c, c, 22)
        if item.kind == "likert":
            answers.data_validation(1, c, 10_000, c, {
                "validate": "integer", "criteria": "between", "minimum": 1, "maximum": instrument.points,
                "error_message": f"1–{instrument.points}"})
        elif item.kind == "choice" and len(item.answers) <= 20:
            answers.data_validation(1, c, 10_000, c, {"validate": "list", "source": [
                x.label.get(lang)[:250] for x in item.answers]})
    answers.set_row(0, 90)
    answers.freeze_panes(1, 1)
    book.close()
    return out.getvalue()
