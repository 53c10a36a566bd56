"""Words of the files Aqyl writes: the upload template, the error workbook, the questionnaire, the
records export and the workbooks' page footer."""

from __future__ import annotations

from aqyl.domain.i18n import Label
from aqyl.domain.wording.catalogue import register

WORDS = {
    # the upload template (render: template)
    "template_data": Label("Деректер", "Данные", "Data"),
    "template_instructions": Label("Нұсқаулық", "Инструкция", "Instructions"),
    "template_lists": Label("Тізімдер", "Списки", "Lists"),
    "template_title": Label(
        "Академиялық ұтқырлық туралы деректерді тапсыру үлгісі",
        "Шаблон представления данных об академической мобильности",
        "Academic mobility data submission template",
    ),
    "template_how": Label(
        "«Деректер» парағында бір жол — бір ұтқырлық (бір адамның бір сапары). Тақырып жолын өзгертпеңіз. "
        "Тізімі бар бағандарда мәнді ашылмалы тізімнен таңдаңыз; кез келген тілдегі атау немесе код та қабылданады. "
        "* белгісі бар бағандар міндетті. Толтырылған файлды (XLSX немесе UTF-8 кодтауындағы CSV) Aqyl сайтының «Жүктеу» бетінде жүктеңіз.",
        "На листе «Данные» одна строка — одна мобильность (одна поездка одного человека). Не меняйте строку заголовков. "
        "В столбцах со списком выберите значение из раскрывающегося списка; принимаются также название на любом языке или код. "
        "Столбцы со знаком * обязательны. Заполненный файл (XLSX или CSV в кодировке UTF-8) загрузите на странице «Загрузка» сайта Aqyl.",
        "On the “Data” sheet one row is one mobility (one trip of one person). Do not change the header row. "
        "In columns with a list pick the value from the drop-down; a name in any language or a code is accepted too. "
        "Columns marked * are required. Upload the filled-in file (XLSX, or CSV in UTF-8) on the “Upload” page of the Aqyl site.",
    ),
    "template_title_cohort": Label(
        "Стипендиаттар когортасы туралы деректерді тапсыру үлгісі",
        "Шаблон представления данных о когорте стипендиатов",
        "Scholarship cohort data submission template",
    ),
    "template_how_cohort": Label(
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
    "template_name": Label("Файлдағы атауы (кез келген тілде)", "Имя в файле (на любом языке)", "Name in a file (any language)"),
    "template_required": Label("Міндетті ме", "Обязательный", "Required"),
    "template_how_to": Label("Қалай толтыру керек", "Как заполнять", "How to fill in"),
    "template_values": Label("Мүмкін мәндер", "Допустимые значения", "Allowed values"),
    "template_always": Label("иә", "да", "yes"),
    "template_never": Label("жоқ", "нет", "no"),
    "template_staff": Label("қызметкерлер үшін", "для сотрудников", "for staff"),
    "template_student": Label("білім алушылар үшін", "для обучающихся", "for students"),
    "template_see_list": Label("«Тізімдер» парағын қараңыз", "см. лист «Списки»", "see the “Lists” sheet"),
    "template_hei_list": Label("Тізілімдегі ЖОО-лар", "Вузы реестра", "Registered HEIs"),
    "template_input_title": Label("Мәнді таңдаңыз", "Выберите значение", "Pick a value"),
    "template_error_title": Label("Тізімде жоқ мән", "Значения нет в списке", "Not in the list"),
    "template_error_text": Label(
        "Тізімнен таңдаңыз. Басқа тілдегі атау немесе код та қабылданады — жүктегенде тексеріледі.",
        "Выберите из списка. Название на другом языке или код тоже принимаются — их проверит загрузка.",
        "Pick from the list. A name in another language or a code is accepted too; the upload checks it.",
    ),
    # the error workbook (render: errors_xlsx); its other heads are the interface's file, cell, column, value
    "errors_sheet": Label("Қателер", "Ошибки", "Problems"),
    "errors_severity": Label("Маңыздылығы", "Важность", "Severity"),
    "severity_error": Label("қате", "ошибка", "error"),
    "severity_warning": Label("ескерту", "предупреждение", "warning"),
    # the questionnaire (render: questionnaire); its code column is the interface's code
    "questionnaire_number": Label("№", "№", "No."),
    "questionnaire_scale": Label("Шкала", "Шкала", "Scale"),
    "questionnaire_question": Label("Сұрақ", "Вопрос", "Question"),
    "questionnaire_options": Label("Жауап нұсқалары", "Варианты ответа", "Answer options"),
    "questionnaire_questions": Label("Сұрақтар", "Вопросы", "Questions"),
    "questionnaire_answers": Label("Жауаптар", "Ответы", "Answers"),
    "questionnaire_reversed": Label("Кері есептеледі", "Обратная шкала", "Reverse-scored"),
    "questionnaire_reversed_yes": Label("иә", "да", "yes"),
    # the records export (app.records): a code column's suffix, the HEI's name; the sheet is the interface's records
    "export_code_suffix": Label("код", "код", "code"),
    "export_hei_name": Label("ЖОО атауы", "Название вуза", "HEI name"),
    # workbooks of the note (render.xlsx): the page footer (&P is Excel's page number) and the summary sheet
    "xlsx_page": Label("&P-бет", "Стр. &P", "Page &P"),
    "xlsx_summary_sheet": Label("Анықтама", "Справка", "Note"),
}
register(__name__, WORDS)
