"""The upload template: a workbook in one language with the data sheet (headers, a drop-down on
every coded column, text-formatted code columns so Excel keeps 04 as 04), an instructions sheet
and the lists the drop-downs read from. The importer reads a template in any language."""

from __future__ import annotations

import io

import xlsxwriter

from aqyl.domain.classifiers import CLASSIFIERS
from aqyl.domain.heis import Hei
from aqyl.domain.i18n import Label
from aqyl.domain.intake.columns import schema
from aqyl.render.xlsx import sheet_name

TEXT = {
    "data": Label("Деректер", "Данные", "Data"),
    "instructions": Label("Нұсқаулық", "Инструкция", "Instructions"),
    "lists": Label("Тізімдер", "Списки", "Lists"),
    "title": Label(
        "Академиялық ұтқырлық туралы деректерді тапсыру үлгісі",
        "Шаблон представления данных об академической мобильности",
        "Academic mobility data submission template",
    ),
    "how": Label(
        "«Деректер» парағында бір жол — бір ұтқырлық (бір адамның бір сапары). Тақырып жолын өзгертпеңіз. "
        "Тізімі бар бағандарда мәнді ашылмалы тізімнен таңдаңыз; кез келген тілдегі атау немесе код та қабылданады. "
        "* белгісі бар бағандар міндетті. Файлды XLSX немесе CSV (UTF-8) түрінде жүктеңіз: aqyl import ФАЙЛ.",
        "На листе «Данные» одна строка — одна мобильность (одна поездка одного человека). Не меняйте строку заголовков. "
        "В столбцах со списком выберите значение из раскрывающегося списка; принимаются также название на любом языке или код. "
        "Столбцы со знаком * обязательны. Загрузите файл как XLSX или CSV (UTF-8): aqyl import ФАЙЛ.",
        "On the “Data” sheet one row is one mobility (one trip of one person). Do not change the header row. "
        "In columns with a list pick the value from the drop-down; a name in any language or a code is accepted too. "
        "Columns marked * are required. Upload the file as XLSX or CSV (UTF-8): aqyl import FILE.",
    ),
    "title_cohort": Label(
        "Стипендиаттар когортасы туралы деректерді тапсыру үлгісі",
        "Шаблон представления данных о когорте стипендиатов",
        "Scholarship cohort data submission template",
    ),
    "how_cohort": Label(
        "«Деректер» парағында бір жол — бір стипендиат (бір бағдарлама бойынша). Тақырып жолын өзгертпеңіз. "
        "Тізімі бар бағандарда мәнді ашылмалы тізімнен таңдаңыз; кез келген тілдегі атау немесе код та қабылданады. "
        "* белгісі бар бағандар міндетті. Бір бағдарламаның тізімін қайта жүктеу оның жаңа нұсқасын жасайды: aqyl cohorts import ФАЙЛ.",
        "На листе «Данные» одна строка — один стипендиат (одной программы). Не меняйте строку заголовков. "
        "В столбцах со списком выберите значение из раскрывающегося списка; принимаются также название на любом языке или код. "
        "Столбцы со знаком * обязательны. Повторная загрузка списка программы создаёт его новую версию: aqyl cohorts import ФАЙЛ.",
        "On the “Data” sheet one row is one fellow (of one programme). Do not change the header row. "
        "In columns with a list pick the value from the drop-down; a name in any language or a code is accepted too. "
        "Columns marked * are required. Uploading a programme's list again makes a new version of it: aqyl cohorts import FILE.",
    ),
    "column": Label("Баған", "Столбец", "Column"),
    "name": Label("Файлдағы атауы (кез келген тілде)", "Имя в файле (на любом языке)", "Name in a file (any language)"),
    "required": Label("Міндетті ме", "Обязательный", "Required"),
    "how_to": Label("Қалай толтыру керек", "Как заполнять", "How to fill in"),
    "values": Label("Мүмкін мәндер", "Допустимые значения", "Allowed values"),
    "always": Label("иә", "да", "yes"),
    "never": Label("жоқ", "нет", "no"),
    "staff": Label("қызметкерлер үшін", "для сотрудников", "for staff"),
    "student": Label("білім алушылар үшін", "для обучающихся", "for students"),
    "see_list": Label("«Тізімдер» парағын қараңыз", "см. лист «Списки»", "see the “Lists” sheet"),
    "hei_list": Label("Тізілімдегі ЖОО-лар", "Вузы реестра", "Registered HEIs"),
    "input_title": Label("Мәнді таңдаңыз", "Выберите значение", "Pick a value"),
    "error_title": Label("Тізімде жоқ мән", "Значения нет в списке", "Not in the list"),
    "error_text": Label(
        "Тізімнен таңдаңыз. Басқа тілдегі атау немесе код та қабылданады — жүктегенде тексеріледі.",
        "Выберите из списка. Название на другом языке или код тоже принимаются — их проверит загрузка.",
        "Pick from the list. A name in another language or a code is accepted too; the upload checks it.",
    ),
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
        elif col.kind == "hei":
            values = sorted(h.name.get(lang) for h in heis)
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
