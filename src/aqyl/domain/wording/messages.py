"""The messages of checks and faults (import cells, columns and files; the registry of HEIs), as
``str.format`` templates per language. A parameter that is a :class:`Label` is written in the
message's language; a list of labels is joined with commas. The messages of research work and of
operations live in :mod:`.research` and :mod:`.operations`; all of them are one catalogue
(:mod:`aqyl.domain.wording`)."""

from __future__ import annotations

from collections.abc import Iterable

from aqyl.domain.i18n import Label, check_lang
from aqyl.domain.wording.catalogue import CATALOGUE, register

__all__ = ["CATALOGUE", "render"]

WORDS: dict[str, Label] = {
    "unknown_value": Label(
        kk="«{value}» мәні «{classifier}» анықтамалығында жоқ. Мүмкін, мыналардың бірі: {suggestions}.",
        ru="Значения «{value}» нет в справочнике «{classifier}». Возможно, имелось в виду: {suggestions}.",
        en="“{value}” is not in the {classifier} classifier. Did you mean: {suggestions}?",
    ),
    "unknown_value_no_match": Label(
        kk="«{value}» мәні «{classifier}» анықтамалығында жоқ. Рұқсат етілген мәндер: {suggestions}.",
        ru="Значения «{value}» нет в справочнике «{classifier}». Допустимые значения: {suggestions}.",
        en="“{value}” is not in the {classifier} classifier. Allowed values: {suggestions}.",
    ),
    "empty_value": Label(
        kk="«{classifier}» мәні бос. Анықтамалықтағы мәндердің бірін көрсетіңіз.",
        ru="Значение «{classifier}» не заполнено. Укажите одно из значений справочника.",
        en="The {classifier} is empty. Give one of the classifier's values.",
    ),
    "bad_period": Label(
        kk="«{value}» кезеңі танылмады. Мысалдар: 2023H1 (жартыжылдық), 2022/23 (оқу жылы), 2023 (күнтізбелік жыл).",
        ru="Период «{value}» не распознан. Примеры: 2023H1 (полугодие), 2022/23 (учебный год), 2023 (календарный год).",
        en="Period “{value}” is not recognised. Examples: 2023H1 (half-year), 2022/23 (academic year), 2023 (calendar year).",
    ),
    "unknown_hei": Label(
        kk="«{value}» ЖОО-сы тізілімде жоқ. Ең жақындары: {suggestions}.",
        ru="Вуза «{value}» нет в реестре. Ближайшие: {suggestions}.",
        en="HEI “{value}” is not in the registry. Closest: {suggestions}.",
    ),
    "duplicate_hei_code": Label(
        kk="«{value}» коды бар ЖОО тізілімде бар. Басқа код таңдаңыз.",
        ru="Вуз с кодом «{value}» уже есть в реестре. Выберите другой код.",
        en="An HEI with code “{value}” is already registered. Choose another code.",
    ),
    "duplicate_hei_name": Label(
        kk="«{value}» атауы «{other}» ЖОО-сына тиесілі. Атауды немесе бүркеншік атауды өзгертіңіз.",
        ru="Название «{value}» уже принадлежит вузу «{other}». Измените название или псевдоним.",
        en="The name “{value}” already belongs to HEI “{other}”. Change the name or alias.",
    ),
    "bad_hei_code": Label(
        kk="«{value}» коды жарамсыз: тек латын әріптері, цифрлар, «-» және «_» (2–32 таңба).",
        ru="Код «{value}» недопустим: только латинские буквы, цифры, «-» и «_» (2–32 символа).",
        en="Code “{value}” is not valid: use Latin letters, digits, “-” and “_” (2–32 characters).",
    ),
    "demo_conflict": Label(
        kk="Дерекқорда {periods} кезеңдеріне демо емес деректер бар. Демоны бөлек дерекқорда іске қосыңыз: aqyl demo --out ҚАЛТА.",
        ru="В базе есть не демонстрационные данные за {periods}. Запустите демо в отдельной базе: aqyl demo --out ПАПКА.",
        en="The database holds real (non-demo) submissions for {periods}. Run the demo in a database of its own: aqyl demo --out DIR.",
    ),

    # --- import: cells and rows ----------------------------------------------------------------
    "required": Label(
        kk="«{column}» бағаны толтырылмаған. Бұл баған міндетті.",
        ru="Не заполнен столбец «{column}». Этот столбец обязателен.",
        en="“{column}” is empty. This column is required.",
    ),
    "hei_fuzzy": Label(
        kk="«{value}» тізілімде дәл табылмады; ең ұқсас ЖОО алынды: {match} (ұқсастығы {score}%). Бұл басқа ЖОО болса, атауын түзетіңіз.",
        ru="«{value}» не найден в реестре точно; принят наиболее похожий вуз: {match} (сходство {score} %). Если имелся в виду другой вуз, исправьте название.",
        en="“{value}” is not an exact registry name; taken as the closest HEI: {match} (similarity {score}%). If another HEI was meant, correct the name.",
    ),
    "bad_date": Label(
        kk="«{value}» — күн емес. Күнді ЖЖЖЖ-АА-КК (2023-02-15) немесе КК.АА.ЖЖЖЖ (15.02.2023) түрінде жазыңыз.",
        ru="«{value}» — не дата. Запишите дату как ГГГГ-ММ-ДД (2023-02-15) или ДД.ММ.ГГГГ (15.02.2023).",
        en="“{value}” is not a date. Write dates as YYYY-MM-DD (2023-02-15) or DD.MM.YYYY (15.02.2023).",
    ),
    "upload_period_not_open": Label(
        kk="{periods} кезеңі бойынша деректер жинау ашылмаған, сондықтан ештеңе сақталмады. Ашық кезеңдер: {open}. "
           "Басқа кезеңді министрліктің талдаушысы ашады.",
        ru="Сбор данных за {periods} не открыт, поэтому ничего не сохранено. Открытые периоды: {open}. "
           "Другой период открывает аналитик министерства.",
        en="Collection for {periods} is not open, so nothing was stored. Open periods: {open}. "
           "The ministry's analyst opens another period.",
    ),
    "other_hei": Label(
        kk="Файлда басқа ЖОО-ның жолдары бар ({heis}). Тек өз ЖОО-ңыздың ({own}) деректерін жүктей аласыз; ештеңе сақталмады.",
        ru="В файле есть строки другого вуза ({heis}). Загружать можно только данные своего вуза ({own}); ничего не сохранено.",
        en="The file has rows of another HEI ({heis}). You may upload only your own HEI's ({own}) data; nothing was stored.",
    ),
    "bad_year": Label(
        kk="«{value}» — жыл емес. Жылды төрт цифрмен жазыңыз ({low}–{high}), мысалы 2015.",
        ru="«{value}» — не год. Запишите год четырьмя цифрами ({low}–{high}), например 2015.",
        en="“{value}” is not a year. Write the year as four digits ({low}–{high}), e.g. 2015.",
    ),
    "bad_count": Label(
        kk="«{value}» — {low}-ден {high}-ге дейінгі бүтін сан болуы керек.",
        ru="«{value}» — должно быть целое число от {low} до {high}.",
        en="“{value}” must be a whole number from {low} to {high}.",
    ),
    "year_before_departure": Label(
        kk="{column} ({value}) кеткен жылдан ({departure}) ерте. Жылдарды тексеріңіз.",
        ru="{column} ({value}) раньше года выезда ({departure}). Проверьте годы.",
        en="{column} ({value}) is before the departure year ({departure}). Check the years.",
    ),
    "year_in_future": Label(
        kk="{column} ({value}) әлі келген жоқ (қазір {now} жыл). Болған жылды жазыңыз немесе бос қалдырыңыз.",
        ru="{column} ({value}) ещё не наступил (сейчас {now} год). Укажите прошедший год или оставьте пустым.",
        en="{column} ({value}) has not come yet (it is {now}). Give a past year or leave it empty.",
    ),
    "match_without_job": Label(
        kk="Жұмыс істемейтін адамның жұмысы біліктілігіне сай-сайсыз бола алмайды. Бұл ұяшықты бос қалдырыңыз немесе жұмыспен қамтылуын түзетіңіз.",
        ru="У неработающего не может быть соответствия работы квалификации. Оставьте ячейку пустой или исправьте занятость.",
        en="Someone not employed has no job to match a qualification. Leave the cell empty or correct the employment.",
    ),
    "duplicate_person": Label(
        kk="«{value}» тұлғасы «{cohort}» бағдарламасында {first}-жолда да бар. Бір адам бір бағдарламада бір рет жазылады.",
        ru="Лицо «{value}» в программе «{cohort}» уже есть в строке {first}. Один человек записывается в программе один раз.",
        en="Person “{value}” of programme “{cohort}” is already on row {first}. A person appears once per programme.",
    ),
    "dates_inverted": Label(
        kk="Аяқталу күні ({end}) басталу күнінен ({start}) ерте. Күндерді тексеріңіз.",
        ru="Дата окончания ({end}) раньше даты начала ({start}). Проверьте даты.",
        en="The end date ({end}) is before the start date ({start}). Check the dates.",
    ),
    "period_mismatch": Label(
        kk="{start} – {end} аралығы {period} шегінен тыс. Кезеңді немесе күндерді түзетіңіз.",
        ru="Даты {start} – {end} не попадают в {period}. Исправьте период или даты.",
        en="The dates {start} – {end} fall outside {period}. Correct the period or the dates.",
    ),
    "period_mismatch_start": Label(
        kk="Басталу күні ({start}) {period} шегінен тыс. Кезеңді немесе күнді түзетіңіз.",
        ru="Дата начала ({start}) не попадает в {period}. Исправьте период или дату.",
        en="The start date ({start}) falls outside {period}. Correct the period or the date.",
    ),
    "no_period": Label(
        kk="Кезең де, басталу күні де көрсетілмеген. «{column}» бағанына жартыжылдықты (мысалы, 2023H1) немесе басталу күнін жазыңыз.",
        ru="Не указаны ни период, ни дата начала. Укажите полугодие в столбце «{column}» (например, 2023H1) или дату начала.",
        en="Neither the period nor the start date is given. Write the half-year in “{column}” (e.g. 2023H1) or the start date.",
    ),
    "not_half_year": Label(
        kk="«{value}» — жартыжылдық емес. Деректер жартыжылдық бойынша тапсырылады: 2023H1 немесе 2023H2 деп жазыңыз.",
        ru="«{value}» — не полугодие. Данные сдаются по полугодиям: укажите 2023H1 или 2023H2.",
        en="“{value}” is not a half-year. Data are submitted per half-year: write 2023H1 or 2023H2.",
    ),
    "degree_on_student": Label(
        kk="Білім алушының жолында ғылыми дәреже көрсетілген. Білім алушыға «{level}» бағанын толтырып, «{column}» бағанын бос қалдырыңыз.",
        ru="В строке обучающегося указана учёная степень. Для обучающегося заполните «{level}», а «{column}» оставьте пустым.",
        en="A student's row gives an academic degree. For a student fill in “{level}” and leave “{column}” empty.",
    ),
    "level_on_staff": Label(
        kk="Қызметкердің жолында оқу деңгейі көрсетілген. Қызметкерге «{degree}» бағанын толтырып, «{column}» бағанын бос қалдырыңыз.",
        ru="В строке сотрудника указан уровень обучения. Для сотрудника заполните «{degree}», а «{column}» оставьте пустым.",
        en="A staff member's row gives a study level. For staff fill in “{degree}” and leave “{column}” empty.",
    ),
    "degree_required": Label(
        kk="Қызметкердің жолында «{column}» толтырылмаған. Дәрежесі болмаса, «{none}» деп жазыңыз.",
        ru="В строке сотрудника не заполнено «{column}». Если степени нет, укажите «{none}».",
        en="“{column}” is empty on a staff member's row. If the person has no degree, write “{none}”.",
    ),
    "level_required": Label(
        kk="Білім алушының жолында «{column}» толтырылмаған: бакалавриат, магистратура немесе докторантура деп жазыңыз.",
        ru="В строке обучающегося не заполнено «{column}»: укажите бакалавриат, магистратуру или докторантуру.",
        en="“{column}” is empty on a student's row: write bachelor's, master's or doctoral.",
    ),
    "duplicate_record_id": Label(
        kk="«{value}» жазба идентификаторы {first}-жолда да бар. Әр жазбаның идентификаторы өзіндік болуы керек.",
        ru="Идентификатор записи «{value}» уже есть в строке {first}. У каждой записи должен быть свой идентификатор.",
        en="Record ID “{value}” is already used on row {first}. Each record needs an ID of its own.",
    ),
    "too_long": Label(
        kk="Мән тым ұзын (ұзындығы {length}, ең көбі {limit} таңба). Қысқартыңыз.",
        ru="Слишком длинное значение (длина {length}, максимум {limit}). Сократите его.",
        en="The value is too long ({length} characters, at most {limit}). Shorten it.",
    ),
    "formula_text": Label(
        kk="«{value}» формулаға ұқсайды. Мәнді формуласыз, мәтінмен жазыңыз.",
        ru="«{value}» похоже на формулу. Запишите значение текстом, без формулы.",
        en="“{value}” looks like a formula. Write the value as plain text.",
    ),
    "person_id_iin": Label(
        kk="Тұлға идентификаторы ЖСН-ге ұқсайды (12 цифр). ЖСН мен аты-жөнін жазуға болмайды: ЖОО-ның ішкі бүркеншік кодын қолданыңыз.",
        ru="Идентификатор лица похож на ИИН (12 цифр). ИИН и ФИО указывать нельзя: используйте внутренний псевдоним вуза.",
        en="The person ID looks like an IIN (12 digits). Never give an IIN or a name: use the HEI's internal pseudonymous code.",
    ),
    # --- import: the file as a whole -----------------------------------------------------------
    "missing_columns": Label(
        kk="Файлда міндетті бағандар жоқ: {columns}. Бағандар атауы үлгідегідей болуы керек (aqyl template --lang kk).",
        ru="В файле нет обязательных столбцов: {columns}. Названия столбцов должны быть как в шаблоне (aqyl template --lang ru).",
        en="The file lacks required columns: {columns}. Headers must be as in the template (aqyl template --lang en).",
    ),
    "duplicate_column": Label(
        kk="«{column}» бағаны файлда бірнеше рет бар ({cells}). Біреуін ғана қалдырыңыз.",
        ru="Столбец «{column}» встречается в файле несколько раз ({cells}). Оставьте один.",
        en="Column “{column}” appears more than once ({cells}). Keep one.",
    ),
    "unknown_columns": Label(
        kk="Бұл бағандар таныс емес, сондықтан ескерілмеді: {headers}.",
        ru="Эти столбцы не распознаны и не учитываются: {headers}.",
        en="These columns are not part of the format and were ignored: {headers}.",
    ),
    # --- import: the file ------------------------------------------------------------------------
    "no_rows": Label(
        kk="Файлда тақырып жолынан басқа дерек жоқ. Жолдарды толтырып, қайта жүктеңіз.",
        ru="В файле нет данных, кроме строки заголовков. Заполните строки и загрузите снова.",
        en="The file has no data below its header row. Fill in the rows and upload it again.",
    ),
    "file_empty": Label(
        kk="Файл бос ({file}). CSV немесе XLSX файлын жүктеңіз.",
        ru="Файл пуст ({file}). Загрузите файл CSV или XLSX.",
        en="The file is empty ({file}). Upload a CSV or XLSX file.",
    ),
    "file_not_table": Label(
        kk="{file} файлы кесте емес: {reason}. Файлды «CSV UTF-8» немесе XLSX түрінде сақтап, қайта жүктеңіз (Windows-1251 кодталуында қазақ әріптері жоқ).",
        ru="Файл {file} — не таблица: {reason}. Сохраните файл как «CSV UTF-8» или XLSX и загрузите снова (в кодировке Windows-1251 нет казахских букв).",
        en="{file} is not a table: {reason}. Save the file as “CSV UTF-8” or XLSX and upload it again (Windows-1251 has no Kazakh letters).",
    ),
    "file_too_big": Label(
        kk="{file} файлы ашылғанда тым үлкен: {reason}. Мұндай файл қабылданбайды; деректерді бірнеше файлға бөліңіз.",
        ru="Файл {file} слишком велик в распакованном виде: {reason}. Такой файл не принимается; разделите данные на несколько файлов.",
        en="{file} is too big once unpacked: {reason}. Such a file is refused; split the data into several files.",
    ),
    "file_missing": Label(
        kk="{file} файлы табылмады.",
        ru="Файл {file} не найден.",
        en="File {file} was not found.",
    ),
    "file_is_folder": Label(
        kk="{file} — файл емес, бума. CSV, XLSX немесе ODS файлының жолын көрсетіңіз.",
        ru="{file} — это папка, а не файл. Укажите путь к файлу CSV, XLSX или ODS.",
        en="{file} is a folder, not a file. Give the path of a CSV, XLSX or ODS file.",
    ),
    "file_link_loop": Label(
        kk="{file} — бір-біріне сілтейтін символдық сілтемелер тізбегі, оның соңында файл жоқ. Файлдың өз жолын көрсетіңіз.",
        ru="{file} — символические ссылки, которые указывают друг на друга по кругу; файла за ними нет. Укажите путь к самому файлу.",
        en="{file} is a loop of symbolic links that point at each other, with no file at its end. Give the path of the file itself.",
    ),
    "file_special": Label(
        kk="{file} — кәдімгі файл емес (арна, құрылғы немесе сокет), ол оқылмады. CSV, XLSX немесе ODS файлының жолын көрсетіңіз.",
        ru="{file} — не обычный файл (канал, устройство или сокет), он не читался. Укажите путь к файлу CSV, XLSX или ODS.",
        en="{file} is not a regular file (a pipe, a device or a socket) and was not read. Give the path of a CSV, XLSX or ODS file.",
    ),
    "file_oversized": Label(
        kk="{file} файлының көлемі {size}, бұл бір файлға рұқсат етілген {limit} шегінен көп. Деректерді бірнеше файлға бөліңіз (шекті AQYL_MAX_IMPORT_MB өзгертеді).",
        ru="Размер файла {file} — {size}, больше допустимых для одного файла {limit}. Разделите данные на несколько файлов (предел задаёт AQYL_MAX_IMPORT_MB).",
        en="{file} is {size}, more than the {limit} one file may have. Split the data into several files (AQYL_MAX_IMPORT_MB sets the limit).",
    ),
    "file_encoding": Label(
        kk="{file} файлының кодталуын нақты анықтау мүмкін емес ({line}-жол: «{sample}»); {guess} сияқты. Файл оқылмады. Оны «CSV UTF-8» түрінде сақтап, қайта жүктеңіз.",
        ru="Кодировку файла {file} нельзя определить наверняка (строка {line}: «{sample}»); похоже на {guess}. Файл не прочитан. Сохраните его как «CSV UTF-8» и загрузите снова.",
        en="The encoding of {file} cannot be told for certain (line {line}: “{sample}”); it looks like {guess}. Nothing was read. Save the file as “CSV UTF-8” and upload it again.",
    ),
    "file_lost_letters": Label(
        kk="{file} файлының {line}-жолында әріптердің орнында «?» тұр («{sample}»): файл қазақ әріптері (ә, ғ, қ, ң, ө, ұ, ү, һ) жоқ {encoding} кодталуында сақталған, сондықтан олар жоғалған. Бастапқы файлды «CSV UTF-8» немесе XLSX түрінде сақтап, қайта жүктеңіз.",
        ru="В файле {file} в строке {line} вместо букв стоит «?» («{sample}»): файл сохранён в кодировке {encoding}, в которой нет казахских букв (ә, ғ, қ, ң, ө, ұ, ү, һ), и они потеряны. Сохраните исходный файл как «CSV UTF-8» или XLSX и загрузите снова.",
        en="In {file}, line {line} has “?” in place of letters (“{sample}”): the file was saved in {encoding}, which has no Kazakh letters (ә, ғ, қ, ң, ө, ұ, ү, һ), so they are lost. Save the original as “CSV UTF-8” or XLSX and upload it again.",
    ),
    "file_encrypted": Label(
        kk="{file} файлы құпиясөзбен қорғалған, сондықтан оны оқу мүмкін емес. Файлды ашып, құпиясөзді алып тастаңыз, сақтап, қайта жүктеңіз.",
        ru="Файл {file} защищён паролем, поэтому его нельзя прочитать. Откройте файл, снимите пароль, сохраните и загрузите снова.",
        en="{file} is protected by a password, so it cannot be read. Open it, remove the password, save it and upload it again.",
    ),
    "file_many_sheets": Label(
        kk="{file} файлында жолдар бірнеше парақта бар ({sheets}); ешбір парақ тыс қалмауы үшін файл оқылмады. Барлық жолды бір параққа көшіріңіз немесе әр парақты жеке файл етіп сақтап, бірге жүктеңіз.",
        ru="В файле {file} строки есть на нескольких листах ({sheets}); файл не прочитан, чтобы ни один лист не был пропущен. Перенесите все строки на один лист или сохраните каждый лист отдельным файлом и загрузите их вместе.",
        en="{file} has rows on more than one sheet ({sheets}); nothing was read, so that no sheet is left out. Put all rows on one sheet, or save each sheet as a file of its own and import them together.",
    ),
    "file_failed": Label(
        kk="{file} файлы ішкі қатеге байланысты жүктелмеді ({detail}); одан ештеңе сақталмады. Қалған файлдар жеке өңделеді. Толығы деректер қалтасындағы error.log файлында.",
        ru="Файл {file} не загружен из-за внутренней ошибки ({detail}); из него ничего не сохранено. Остальные файлы обрабатываются отдельно. Подробности — в error.log в папке данных.",
        en="{file} was not imported because of an internal error ({detail}); nothing of it was stored. The other files are processed on their own. Details are in error.log in the data folder.",
    ),
    # Why a file is not a table (the {reason} of file_not_table and file_too_big; importers.readers).
    "reason_binary": Label("ішінде мәтін емес, екілік деректер бар", "в нём двоичные данные, а не текст",
                           "it holds binary data, not text"),
    "reason_docx": Label("бұл Word құжаты (.docx)", "это документ Word (.docx)", "it is a Word document (.docx)"),
    "reason_zip": Label("бұл XLSX емес, басқа ZIP мұрағаты", "это не XLSX, а другой ZIP-архив",
                        "it is a ZIP archive but not XLSX"),
    "reason_ole": Label("бұл ескі Excel 97–2003 (.xls) немесе Word (.doc) файлы; оны XLSX ретінде сақтаңыз",
                        "это старый файл Excel 97–2003 (.xls) или Word (.doc); сохраните его как XLSX",
                        "it is an old Excel 97–2003 (.xls) or Word (.doc) file; save it as XLSX"),
    "reason_pdf": Label("бұл PDF құжаты", "это документ PDF", "it is a PDF document"),
    "reason_utf16": Label("UTF-16 кодталуы бұзылған", "нарушена кодировка UTF-16", "its UTF-16 is broken"),
    "reason_no_sheet": Label("кітапта парақ жоқ", "в книге нет листов", "the workbook has no sheets"),
    "reason_utf8": Label("UTF-8 кодталуы бұзылған", "нарушена кодировка UTF-8", "its UTF-8 is broken"),
    "reason_utf8_at": Label("UTF-8 кодталуы бұзылған: {line}-жол, {at}-байт", "нарушена кодировка UTF-8: строка {line}, байт {at}",
                            "its UTF-8 is broken on line {line}, byte {at}"),
    "reason_csv_wide_row": Label("{row}-жолда ұяшық тақырып жолындағыдан көп ({cells}, ал тақырып жолында {header})",
                                 "в строке {row} ячеек больше, чем в строке заголовков ({cells} против {header})",
                                 "row {row} has more cells than the header row ({cells} against {header})"),
    "reason_mixed_line_ends": Label(
        "жол соңдары аралас: {row}-жол CR белгісімен ғана аяқталады, ал басқа жолдар LF белгісімен, сондықтан жолдар бір-біріне жалғасып кетеді",
        "концы строк смешаны: строка {row} заканчивается одним символом CR, а другие строки — символом LF, поэтому строки сливаются",
        "its line ends are mixed: row {row} ends with a CR alone while other rows end with LF, so rows run together"),
    "reason_csv": Label("CSV оқылмады ({detail})", "CSV не читается ({detail})", "the CSV cannot be parsed ({detail})"),
    "reason_xlsx": Label("XLSX оқылмады ({detail})", "XLSX не читается ({detail})", "the XLSX cannot be read ({detail})"),
    "reason_too_wide": Label("{n} баған бар, ең көбі {most}", "в нём столбцов: {n}, допустимо не более {most}",
                             "it has {n} columns, at most {most} are allowed"),
    "reason_packed": Label("{size}, сығу коэффициенті {ratio}", "{size}, степень сжатия {ratio}", "{size}, packed {ratio} to 1"),
}
register(__name__, WORDS)


def render(key: str, lang: str, **params: object) -> str:
    """The message ``key`` in ``lang``, its fields filled (labels in the same language)."""
    template = CATALOGUE[key].get(check_lang(lang))
    return template.format(**{name: _text(value, lang) for name, value in params.items()})


def _text(value: object, lang: str) -> str:
    if isinstance(value, Label):
        return value.get(lang)
    if isinstance(value, Iterable) and not isinstance(value, str):
        return ", ".join(_text(item, lang) for item in value)
    return str(value)
