"""The upload template: a workbook in one language with the data sheet (headers, a drop-down on
every coded column, text-formatted code columns so Excel keeps 04 as 04), an instructions sheet
and the lists the drop-downs read from. The importer reads a template in any language."""

from __future__ import annotations

import io

import xlsxwriter

from aqyl.domain.classifiers import CLASSIFIERS
from aqyl.domain.heis import Hei
from aqyl.domain.i18n import collation_key
from aqyl.domain.intake.columns import schema
from aqyl.domain.wording.catalogue import label
from aqyl.render.xlsx import sheet_name

TEXT = {
    "data": label("template_data"), "instructions": label("template_instructions"), "lists": label("template_lists"),
    "title": label("template_title"), "how": label("template_how"), "title_cohort": label("template_title_cohort"),
    "how_cohort": label("template_how_cohort"), "column": label("column"), "name": label("template_name"),
    "required": label("template_required"), "how_to": label("template_how_to"), "values": label("template_values"),
    "always": label("template_always"), "never": label("template_never"), "staff": label("template_staff"),
    "student": label("template_student"), "see_list": label("template_see_list"),
    "hei_list": label("template_hei_list"), "input_title": label("template_input_title"),
    "error_title": label("template_error_title"), "error_text": label("template_error_text"),
}
DATA_ROWS = 100_000  # rows prepared with drop-downs and text format


def build_template(lang: str, heis: list[Hei], layout: str = "mobility") -> bytes:
    columns = schema(layout).columns
    suffix = "" if layout == "mobility" else "_" + layout
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False})
    book.set_properties({"title": TEXT["title" + suffix].get(lang), "author": "Aqyl"})
    used: set[str] = set()
    header = book.add_format({"bold": True, "bg_color": "#1F4E79", "font_color": "#FFFFFF", "text_wrap": True,
                              "valign": "vcenter", "border": 1})
    text = book.add_format({"num_format": "@"})
    day = book.add_format({"num_format": "yyyy-mm-dd"})
    wrap = book.add_format({"text_wrap": True, "valign": "top"})
    bold_wrap = book.add_format({"bold": True, "text_wrap": True, "valign": "top", "bg_color": "#E8EEF5", "border": 1})
    title = book.add_format({"bold": True, "font_size": 14, "font_color": "#1F4E79"})

    data = book.add_worksheet(sheet_name(TEXT["data"].get(lang), used))
    instructions = book.add_worksheet(sheet_name(TEXT["instructions"].get(lang), used))
    lists = book.add_worksheet(sheet_name(TEXT["lists"].get(lang), used))

    # Lists: one column per coded column; the drop-downs point here.
    sources: dict[str, str] = {}
    list_col = 0
    for col in columns:
        if col.kind == "code":
            values = [c.label.get(lang) for c in CLASSIFIERS[col.classifier]]
            if col.classifier == "country":
                values.sort(key=lambda v: collation_key(v, lang))
        elif col.kind == "hei":
            values = sorted((h.name.get(lang) for h in heis), key=lambda v: collation_key(v, lang))
        else:
            continue
        lists.write_string(0, list_col, col.header.get(lang), header)
        for i, value in enumerate(values, start=1):
            lists.write_string(i, list_col, value)
        lists.set_column(list_col, list_col, 40)
        letter = xlsxwriter.utility.xl_col_to_name(list_col)
        sources[col.name] = f"='{lists.name}'!${letter}$2:${letter}${len(values) + 1}"
        list_col += 1
    lists.freeze_panes(1, 0)

    data.freeze_panes(1, 0)
    data.set_row(0, 45)
    for i, col in enumerate(columns):
        mark = " *" if col.required == "always" else ""
        data.write_string(0, i, col.header.get(lang) + mark, header)
        width = 36 if col.kind in ("hei", "text") or col.classifier in ("field", "programme", "country") else 18
        data.set_column(i, i, width, day if col.kind == "date" else text)
        if col.name in sources:
            data.data_validation(1, i, DATA_ROWS, i, {
                "validate": "list", "source": sources[col.name], "input_title": TEXT["input_title"].get(lang)[:32],
                "input_message": col.help.get(lang)[:255], "error_type": "warning",
                "error_title": TEXT["error_title"].get(lang)[:32], "error_message": TEXT["error_text"].get(lang)[:255],
            })
        else:
            data.data_validation(1, i, DATA_ROWS, i, {
                "validate": "any", "input_title": col.header.get(lang)[:32], "input_message": col.help.get(lang)[:255]})

    instructions.set_column(0, 0, 28)
    instructions.set_column(1, 1, 34)
    instructions.set_column(2, 2, 16)
    instructions.set_column(3, 3, 70)
    instructions.set_column(4, 4, 30)
    instructions.write_string(0, 0, TEXT["title" + suffix].get(lang), title)
    instructions.merge_range(1, 0, 1, 4, TEXT["how" + suffix].get(lang), wrap)
    instructions.set_row(1, 75)
    heads = [TEXT[k].get(lang) for k in ("column", "name", "required", "how_to", "values")]
    for j, h in enumerate(heads):
        instructions.write_string(3, j, h, bold_wrap)
    for r, col in enumerate(columns, start=4):
        instructions.write_string(r, 0, col.header.get(lang), wrap)
        instructions.write_string(r, 1, ", ".join(dict.fromkeys([col.name, *col.header])), wrap)
        instructions.write_string(r, 2, TEXT[col.required].get(lang), wrap)
        instructions.write_string(r, 3, col.help.get(lang), wrap)
        instructions.write_string(r, 4, TEXT["see_list"].get(lang) if col.name in sources else "", wrap)
    data.activate()
    book.close()
    return buffer.getvalue()
