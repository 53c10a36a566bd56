"""Words of privacy: pseudonymisation keys and IINs, and the open-data release's disclosure control."""

from __future__ import annotations

from aqyl.domain.i18n import Label
from aqyl.domain.wording.catalogue import register

WORDS = {
    "bad_key_id": Label(
        "Кілт идентификаторы «{value}» жарамсыз: 1–16 таңба, кіші латын әріптері, цифрлар және сызықша (мысалы, 2026a).",
        "Идентификатор ключа «{value}» не подходит: 1–16 знаков, строчные латинские буквы, цифры и дефис (например, 2026a).",
        "Key id “{value}” is not valid: 1–16 characters, lower-case Latin letters, digits and hyphens (e.g. 2026a)."),
    "bad_key_file": Label(
        "«{file}» файлы псевдонимдеу кілті емес ({reason}). Министрлік берген кілт файлын көрсетіңіз немесе "
        "«aqyl key new ФАЙЛ» арқылы жаңасын жасаңыз.",
        "Файл «{file}» не является ключом псевдонимизации ({reason}). Укажите файл ключа, выданный министерством, "
        "или создайте новый: aqyl key new ФАЙЛ.",
        "“{file}” is not a pseudonymisation key ({reason}). Give the key file the ministry issued, or make one "
        "with aqyl key new FILE."),
    "bad_iin": Label(
        "«{value}» ЖСН емес: ЖСН 12 цифрдан тұрады, соңғысы бақылау цифры. Құжаттағы ЖСН-ді тексеріңіз.",
        "«{value}» не является ИИН: ИИН состоит из 12 цифр, последняя — контрольная. Сверьте ИИН с документом.",
        "“{value}” is not an IIN: an IIN has 12 digits, the last one a check digit. Check it against the document."),
    # Why a key file is refused (the {reason} of bad_key_file).
    "key_file_not_json": Label("JSON емес", "не JSON", "not JSON"),
    "key_file_other_format": Label("басқа пішім", "другой формат", "another format"),
    "key_file_secret_damaged": Label("құпия бөлігі бүлінген", "секретная часть повреждена", "its secret is damaged"),
    "pseudonym_no_key": Label(
        "Файлда ЖСН бар, сондықтан ол сақталмады. ЖСН тұрған ұяшықтар: {cells} (барлығы {n}). Серверде ЖСН-ді "
        "бүркеншік атқа ауыстыратын кілт әлі орнатылмаған. Министрліктің талдаушысына немесе жүйе әкімшісіне "
        "хабарласыңыз не файлдан ЖСН-ді өшіріп, оны қайта жүктеңіз.",
        "В файле есть ИИН, поэтому он не сохранён. Ячейки с ИИН: {cells} (всего {n}). На сервере ещё не установлен "
        "ключ, которым ИИН заменяются псевдонимами. Обратитесь к аналитику министерства или администратору системы "
        "либо удалите ИИН из файла и загрузите его снова.",
        "The file holds IINs, so it was not stored. Cells with an IIN: {cells} ({n} in all). The server has no key "
        "yet to replace IINs by pseudonyms. Ask the ministry's analyst or the system administrator, or remove the "
        "IINs from the file and upload it again."),
    "key_file_missing": Label("«{file}» кілт файлы табылмады немесе оқылмайды.", "Файл ключа «{file}» не найден или не читается.",
                         "The key file “{file}” is missing or cannot be read."),
    # the open-data release: its note and tables (aqyl.app.release)
    "release_title": Label("Ашық деректер: академиялық ұтқырлық, {period}", "Открытые данные: академическая мобильность, {period}",
               "Open data: academic mobility, {period}"),
    "release_total": Label("Барлығы", "Итого", "Total"),
    "release_countries": Label("серіктес ел және ЖОО түрі бойынша", "по стране-партнёру и типу вуза", "by partner country and HEI type"),
    "release_fields": Label("білім беру саласы және дәреже (оқу деңгейі) бойынша", "по области образования и степени (уровню обучения)",
                "by field of education and degree (study level)"),
    "release_heis": Label("ЖОО және өткізу форматы бойынша", "по вузу и формату", "by HEI and format"),
    "release_level": Label("Дәреже немесе оқу деңгейі", "Степень или уровень обучения", "Degree or study level"),
    "release_method_heading": Label("Әдістеме", "Методика", "Method"),
    "release_source": Label(
        "Дереккөз — академиялық ұтқырлық тізілімі: {period} бойынша ЖОО-лар тапсырған есептердің ағымдағы нұсқалары, "
        "{date} жағдай бойынша. Бір жазба — бір адамның бір сапары. Кестелерде санат пен бағыт бойынша сапарлар саны "
        "жолдар мен бағандардың қорытындыларымен берілген.",
        "Источник — реестр академической мобильности: текущие версии отчётов вузов за {period} на {date}. "
        "Одна запись — одна поездка одного человека. Таблицы дают число поездок по категории и направлению с итогами "
        "по строкам и столбцам.",
        "Source: the register of academic mobility, the current versions of the HEIs' submissions for {period}, "
        "as of {date}. One record is one person's trip. The tables give the number of trips by category and "
        "direction with row and column totals."),
    "release_suppress": Label(
        "Жеке адамдарды анықтауға жол бермеу үшін мәні шектен ({t}) аз әрбір ұяшық (қорытындылары да) жасырылды "
        "(бастапқы жасыру). Жасырылған ұяшықты қорытындылардан шегеру арқылы табуға болмайтындай етіп, қосымша "
        "ұяшықтар жасырылды (қайталама жасыру). Әрбір жасырылған ұяшық сызықтық бағдарламалаумен тексерілді: "
        "жарияланған сандар оның кемінде екі мәнін мүмкін етеді. Жалпы қорытынды әрқашан жарияланады. "
        "Жасырылған ұяшық «{mark}» белгісімен көрсетілген; CSV файлдарында оның мәні бос, ал flag бағанында себебі "
        "жазылған (primary — шектен ({t}) аз, secondary — басқа ұяшықты қорғау үшін). Барлығы {primary} ұяшық бастапқы, "
        "{secondary} ұяшық қайталама жасыруға ұшырады.",
        "Чтобы нельзя было установить отдельных людей, каждая ячейка (включая итоги) со значением меньше {t} скрыта "
        "(первичное подавление). Дополнительно скрыты другие ячейки, чтобы скрытое значение нельзя было вычислить "
        "вычитанием из итогов (вторичное подавление). Каждая скрытая ячейка проверена линейным программированием: "
        "опубликованные числа допускают не менее двух её значений. Общий итог публикуется всегда. Скрытая ячейка "
        "обозначена знаком «{mark}»; в файлах CSV её значение пусто, а в столбце flag указана причина (primary — "
        "меньше {t}, secondary — для защиты другой ячейки). Ячеек с первичным подавлением: {primary}, с вторичным: "
        "{secondary}.",
        "So that no individual can be singled out, every cell (totals included) below {t} is suppressed (primary "
        "suppression). Further cells are suppressed so that no suppressed value can be worked out from the totals "
        "(secondary suppression). Every suppressed cell was checked by linear programming: the published figures "
        "allow at least two values for it. The grand total is always published. A suppressed cell shows “{mark}”; "
        "in the CSV files its value is empty and the flag column gives the reason (primary: below {t}; secondary: "
        "protects another cell). {primary} cells were suppressed as primary, {secondary} as secondary."),
    "release_round5": Label(
        "Жеке адамдарды анықтауға жол бермеу үшін әрбір ұяшық пен қорытынды 5-ке еселі ең жақын санға дейін өз бетінше "
        "дөңгелектенді (1 және 2 — 0-ге, 3–7 — 5-ке); сондықтан қорытындылар ұяшықтардың қосындысына тең болмауы мүмкін.",
        "Чтобы нельзя было установить отдельных людей, каждая ячейка и каждый итог независимо округлены до ближайшего "
        "числа, кратного 5 (1 и 2 — до 0, от 3 до 7 — до 5); поэтому итоги могут не совпадать с суммой ячеек.",
        "So that no individual can be singled out, every cell and every total is rounded on its own to the nearest "
        "multiple of 5 (1 and 2 to 0, 3 to 7 to 5); totals may therefore differ from the sum of their cells."),
    "release_withheld": Label("{n} кесте толық жасырылды: олардың жалпы қорытындысы шектен ({t}) аз.",
                  "Полностью скрыто таблиц: {n}; их общий итог меньше {t}.",
                  "{n} tables are withheld whole: their grand total is below {t}."),
    "release_licence": Label(
        "Лицензия: Creative Commons Attribution 4.0 (CC BY 4.0) — дереккөзді көрсете отырып еркін пайдалануға болады. "
        "Файлдар: datapackage.json (Frictionless Data Package сипаттамасы), CSV кестелер, codes.csv (кодтардың "
        "қазақ, орыс және ағылшын тілдеріндегі атаулары), suppressed.csv (жасырылған ұяшықтар мен себептері).",
        "Лицензия: Creative Commons Attribution 4.0 (CC BY 4.0) — свободное использование со ссылкой на источник. "
        "Файлы: datapackage.json (описание Frictionless Data Package), таблицы CSV, codes.csv (названия кодов на "
        "казахском, русском и английском), suppressed.csv (скрытые ячейки и причины).",
        "Licence: Creative Commons Attribution 4.0 (CC BY 4.0): free to use with attribution. Files: datapackage.json "
        "(the Frictionless Data Package descriptor), the CSV tables, codes.csv (the codes' names in Kazakh, Russian "
        "and English), suppressed.csv (the suppressed cells and why)."),
    "release_summary_caption": Label("Жасырылған ұяшықтар, кестелер бойынша", "Скрытые ячейки по таблицам", "Suppressed cells by table"),
    "release_table": Label("Кесте", "Таблица", "Table"),
    "release_cells": Label("Ұяшықтар", "Ячейки", "Cells"),
    "release_primary": Label("Бастапқы", "Первичное", "Primary"),
    "release_secondary": Label("Қайталама", "Вторичное", "Secondary"),
    "release_empty": Label("{period} кезеңінде ағымдағы жазба жоқ: жариялайтын ештеңе жоқ.",
               "За {period} нет текущих записей: публиковать нечего.", "{period} has no current records: nothing to publish."),
    "release_codes": Label("Кодтар және олардың атаулары", "Коды и их названия", "Codes and their names"),
    "release_suppressed": Label("Жасырылған ұяшықтар және себептері", "Скрытые ячейки и причины", "Suppressed cells and why"),
    # the open-data release: its fields, as datapackage.json describes them
    "release_field_period": Label("Жартыжылдық (мысалы, 2023H1)", "Полугодие (например, 2023H1)", "Half-year (e.g. 2023H1)"),
    "release_field_category": Label("Қатысушы санаты (коды, codes.csv)", "Категория участника (код, codes.csv)", "Participant category (code, codes.csv)"),
    "release_field_direction": Label("Бағыт: outgoing — шығыс, incoming — кіріс", "Направление: outgoing — исходящая, incoming — входящая",
                   "Direction: outgoing or incoming"),
    "release_field_partner_country": Label("Серіктес ел, ISO 3166-1 alpha-2; _T — барлығы", "Страна-партнёр, ISO 3166-1 alpha-2; _T — итого",
                         "Partner country, ISO 3166-1 alpha-2; _T: total"),
    "release_field_hei_type": Label("Қазақстандық ЖОО түрі (коды); _T — барлығы", "Тип казахстанского вуза (код); _T — итого",
                  "Type of the Kazakhstani HEI (code); _T: total"),
    "release_field_field": Label("Білім беру саласы (коды); _T — барлығы", "Область образования (код); _T — итого", "Field of education (code); _T: total"),
    "release_field_level": Label("Ғылыми дәреже (қызметкерлер) немесе оқу деңгейі (білім алушылар), коды; _T — барлығы",
               "Учёная степень (сотрудники) или уровень обучения (обучающиеся), код; _T — итого",
               "Academic degree (staff) or study level (students), code; _T: total"),
    "release_field_hei": Label("Қазақстандық ЖОО коды (атауы codes.csv-те); _T — барлығы", "Код казахстанского вуза (название в codes.csv); _T — итого",
             "Code of the Kazakhstani HEI (name in codes.csv); _T: total"),
    "release_field_format": Label("Өткізу форматы (коды); _T — барлығы", "Формат (код); _T — итого", "Format (code); _T: total"),
    "release_field_count": Label("Сапарлар саны; жасырылса — бос", "Число поездок; пусто, если скрыто", "Number of trips; empty when suppressed"),
    "release_field_flag": Label("Бос — жарияланды; primary — шектен аз; secondary — басқа ұяшықты қорғау үшін жасырылды; rounded — 5-ке дөңгелектенді; "
              "table_below_threshold — кесте толық жасырылды",
              "Пусто — опубликовано; primary — меньше порога; secondary — скрыто для защиты другой ячейки; rounded — округлено до 5; "
              "table_below_threshold — таблица скрыта целиком",
              "Empty: published; primary: below the threshold; secondary: suppressed to protect another cell; rounded: rounded to "
              "base 5; table_below_threshold: the whole table withheld"),
    "release_field_classifier": Label("Анықтамалық", "Справочник", "Classifier"),
    "release_field_label_kk": Label("Қазақша атауы", "Название на казахском", "Name in Kazakh"),
    "release_field_label_ru": Label("Орысша атауы", "Название на русском", "Name in Russian"),
    "release_field_label_en": Label("Ағылшынша атауы", "Название на английском", "Name in English"),
    "release_field_table": Label("Кесте (countries, fields, heis)", "Таблица (countries, fields, heis)", "Table (countries, fields, heis)"),
    "release_field_row": Label("Жол коды", "Код строки", "Row code"),
    "release_field_column": Label("Баған коды", "Код столбца", "Column code"),
    "release_field_reason": Label("Себебі (flag сияқты)", "Причина (как flag)", "Reason (as flag)"),
}
register(__name__, WORDS)
