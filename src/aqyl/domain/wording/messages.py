"""Message catalogue: every text the core shows a user, as a template per language.

Templates use ``str.format`` fields. A parameter that is a :class:`Label` is written in the
message's language; a list of labels is joined with commas.
"""

from __future__ import annotations

from collections.abc import Iterable

from aqyl.domain.i18n import Label, check_lang

CATALOGUE: dict[str, Label] = {
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
    "survey_unknown_instrument": Label(
        kk="«{name}» сауалнамасы жоқ. Бары: {known}; немесе сауалнама JSON файлының жолын беріңіз.",
        ru="Анкеты «{name}» нет. Есть: {known}; или укажите путь к JSON-файлу анкеты.",
        en="There is no instrument “{name}”. Known: {known}; or give the path of an instrument JSON file.",
    ),
    "survey_bad_mapping": Label(
        kk="«{file}» сәйкестік файлы оқылмады: {reason}.",
        ru="Файл соответствия «{file}» не прочитан: {reason}.",
        en="The mapping file “{file}” cannot be used: {reason}.",
    ),
    "survey_duplicate_item": Label(
        kk="«{item}» сұрағына бірнеше баған сәйкес келеді ({headers}). Біреуін ғана қалдырыңыз.",
        ru="Вопросу «{item}» соответствуют несколько столбцов ({headers}). Оставьте один.",
        en="Several columns answer “{item}” ({headers}). Keep only one.",
    ),
    "survey_no_items": Label(
        kk="Файлда «{instrument}» сауалнамасының бірде-бір Ликерт сұрағы табылмады. Баған атаулары сұрақ мәтініне "
           "немесе кодына сәйкес болуы керек, не сәйкестік файлын (--mapping) беріңіз.",
        ru="В файле не найден ни один вопрос со шкалой Лайкерта анкеты «{instrument}». Заголовки должны совпадать с "
           "текстом или кодом вопроса, либо укажите файл соответствия (--mapping).",
        en="The file has none of the Likert items of “{instrument}”. Headers must be an item's text or id, or "
           "give a mapping file (--mapping).",
    ),
    "survey_missing_items": Label(
        kk="Бұл сұрақтардың бағандары жоқ, олардың шкалалары қалған сұрақтардан есептеледі: {items}.",
        ru="Нет столбцов этих вопросов; их шкалы считаются по остальным вопросам: {items}.",
        en="These items have no column; their scales are scored from the other items: {items}.",
    ),
    "survey_out_of_range": Label(
        kk="«{value}» — «{item}» сұрағының шкаласынан тыс. 1-ден {points}-ке дейінгі бүтін санды беріңіз.",
        ru="«{value}» — вне шкалы вопроса «{item}». Укажите целое число от 1 до {points}.",
        en="“{value}” is outside the scale of “{item}”. Give a whole number from 1 to {points}.",
    ),
    "survey_unknown_answer": Label(
        kk="«{value}» — «{item}» сұрағына жауап емес. 1-ден {points}-ке дейінгі сан немесе мыналардың бірі: {words}.",
        ru="«{value}» — не ответ на вопрос «{item}». Число от 1 до {points} или одно из: {words}.",
        en="“{value}” is not an answer to “{item}”. Give a number from 1 to {points} or one of: {words}.",
    ),
    "survey_unknown_option": Label(
        kk="«{value}» — «{item}» сұрағының жауап нұсқасы емес. Мүмкін: {suggestions}.",
        ru="«{value}» — не вариант ответа на вопрос «{item}». Возможно: {suggestions}.",
        en="“{value}” is not an option of “{item}”. Did you mean: {suggestions}?",
    ),
    "survey_duplicate_respondent": Label(
        kk="«{value}» респонденті екінші рет кездесті (алғашқысы {first}-жолда). Қайталанған жолды алып тастаңыз.",
        ru="Респондент «{value}» встречается второй раз (впервые в строке {first}). Удалите повтор.",
        en="Respondent “{value}” appears a second time (first in row {first}). Remove the repeat.",
    ),
    "survey_unknown_group": Label(
        kk="«{group}» бойынша топтастыруға болмайды. Мүмкін топтар: {known}.",
        ru="Группировать по «{group}» нельзя. Возможные группы: {known}.",
        en="Cannot group by “{group}”. Possible groups: {known}.",
    ),
    "interview_exists": Label(
        kk="«{code}» сұхбаты бар. Ауыстыру үшін --replace қосыңыз (оның белгіленген үзінділері өшіріледі).",
        ru="Интервью «{code}» уже есть. Чтобы заменить, добавьте --replace (его размеченные фрагменты удалятся).",
        en="Interview “{code}” exists. Add --replace to replace it (its coded segments are removed).",
    ),
    "interview_unknown": Label(
        kk="«{value}» сұхбаты жоқ. Алдымен оны қосыңыз: aqyl interview add.",
        ru="Интервью «{value}» нет. Сначала добавьте его: aqyl interview add.",
        en="There is no interview “{value}”. Add it first: aqyl interview add.",
    ),
    "interview_unknown_code": Label(
        kk="«{value}» коды кодтар кітабында жоқ. Бары: {known}.",
        ru="Кода «{value}» нет в кодовой книге. Есть: {known}.",
        en="Code “{value}” is not in the codebook. Known: {known}.",
    ),
    "interview_quote_missing": Label(
        kk="«{value}» үзіндісі «{interview}» сұхбатының мәтінінде табылмады. Мәтіннен дәл көшіріңіз.",
        ru="Фрагмент «{value}» не найден в тексте интервью «{interview}». Скопируйте его из текста дословно.",
        en="The quote “{value}” is not in the transcript of “{interview}”. Copy it from the transcript word for word.",
    ),
    # --- analyst-written sections of the note ---------------------------------------------------
    "note_text_unknown_section": Label(
        kk="«{value}» бөлімі жоқ. Бөлімдер: {known}.",
        ru="Раздела «{value}» нет. Разделы: {known}.",
        en="There is no section “{value}”. Sections: {known}.",
    ),
    "note_text_unknown_language": Label(
        kk="«{value}» тілі жоқ. Тілдер: kk, ru, en.",
        ru="Языка «{value}» нет. Языки: kk, ru, en.",
        en="There is no language “{value}”. Languages: kk, ru, en.",
    ),
    "note_text_empty": Label(
        kk="Бөлімнің мәтіні бос, бос мәтін сақталмайды. Мәтінді жазыңыз.",
        ru="Текст раздела пуст, пустой текст не сохраняется. Напишите текст.",
        en="The section's text is empty, and an empty text is not stored. Write the text.",
    ),
    "note_text_file_empty": Label(
        kk="«{file}» файлы бос. Файлға бөлімнің мәтінін жазып, команданы қайталаңыз.",
        ru="Файл «{file}» пуст. Запишите в него текст раздела и повторите команду.",
        en="File “{file}” is empty. Write the section's text into it and run the command again.",
    ),
    "note_text_file_not_utf8": Label(
        kk="«{file}» файлы UTF-8 кодтауында емес (қате {where}-байтта). Оны UTF-8 кодтауындағы мәтін ретінде сақтап, команданы қайталаңыз.",
        ru="Файл «{file}» не в кодировке UTF-8 (ошибка в байте {where}). Сохраните его как текст в UTF-8 и повторите команду.",
        en="File “{file}” is not UTF-8 (error at byte {where}). Save it as UTF-8 text and run the command again.",
    ),
    "note_text_conflict": Label(
        kk="Осы уақытта бөлімнің басқа нұсқасы сақталды ({who}, {when}). Бетті жаңартып, өзгерісті қайта енгізіңіз.",
        ru="Тем временем сохранена другая версия раздела ({who}, {when}). Обновите страницу и внесите изменение снова.",
        en="Another version of the section was saved meanwhile ({who}, {when}). Reload the page and make the change again.",
    ),
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
        kk="{file} файлы кесте емес: {reason}. CSV (UTF-8 немесе Windows-1251) немесе XLSX файлын жүктеңіз.",
        ru="Файл {file} — не таблица: {reason}. Загрузите файл CSV (UTF-8 или Windows-1251) или XLSX.",
        en="{file} is not a table: {reason}. Upload a CSV (UTF-8 or Windows-1251) or XLSX file.",
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
    # --- the database ---------------------------------------------------------------------------
    "db_url_bad": Label(
        kk="AQYL_DATABASE_URL дерекқор мекенжайы «{value}» жарамсыз. Рұқсат етілген түрлері: sqlite:////толық/жол/aqyl.sqlite3, sqlite:///салыстырмалы/жол/aqyl.sqlite3, postgresql://пайдаланушы:құпиясөз@сервер:5432/дерекқор.",
        ru="Адрес базы данных AQYL_DATABASE_URL «{value}» не подходит. Допустимые формы: sqlite:////абсолютный/путь/aqyl.sqlite3, sqlite:///относительный/путь/aqyl.sqlite3, postgresql://пользователь:пароль@сервер:5432/база.",
        en="The database address AQYL_DATABASE_URL “{value}” is not valid. Accepted forms: sqlite:////absolute/path/aqyl.sqlite3, sqlite:///relative/path/aqyl.sqlite3, postgresql://user:password@host:5432/database.",
    ),
    "disk_full": Label(
        kk="Диск толып қалды: {where} жазылмады. Ештеңе сақталмады. Дискіде орын босатып, команданы қайта орындаңыз.",
        ru="Диск заполнен: не удалось записать {where}. Ничего не сохранено. Освободите место на диске и повторите команду.",
        en="The disk is full: {where} could not be written. Nothing was stored. Free some disk space and run the command again.",
    ),
    "db_read_only": Label(
        kk="{where} дерекқорына жазу мүмкін емес (тек оқуға арналған). Ештеңе сақталмады. Файл мен қалтаға жазу құқығын тексеріңіз немесе басқа дерекқорды көрсетіңіз.",
        ru="В базу данных {where} нельзя записывать (только чтение). Ничего не сохранено. Проверьте права на запись для файла и папки или укажите другую базу.",
        en="The database {where} cannot be written (read-only). Nothing was stored. Check the write permissions of the file and its folder, or use another database.",
    ),
    "db_locked": Label(
        kk="{where} дерекқоры басқа жазумен {detail} бойы бос болмады. Ештеңе сақталмады. Басқа жүктеу аяқталған соң команданы қайта орындаңыз.",
        ru="База данных {where} была занята другой записью {detail}. Ничего не сохранено. Повторите команду, когда другая загрузка завершится.",
        en="The database {where} was busy with another write for {detail}. Nothing was stored. Run the command again when the other import has finished.",
    ),
    "db_corrupt": Label(
        kk="{where} дерекқоры бүлінген ({detail}). Ештеңе сақталмады. Оны сақтық көшірмеден қалпына келтіріңіз; не бүлінгенін aqyl db --check көрсетеді.",
        ru="База данных {where} повреждена ({detail}). Ничего не сохранено. Восстановите её из резервной копии; что именно повреждено, покажет aqyl db --check.",
        en="The database {where} is damaged ({detail}). Nothing was stored. Restore it from a backup; aqyl db --check shows what is wrong.",
    ),
    "db_unreachable": Label(
        kk="{where} дерекқорына қосылу мүмкін емес ({detail}). Сервердің іске қосылғанын және AQYL_DATABASE_URL ішінде сервер, порт пен дерекқор атауы дұрыс екенін тексеріңіз.",
        ru="Не удаётся подключиться к базе данных {where} ({detail}). Проверьте, что сервер запущен и что в AQYL_DATABASE_URL верно указаны сервер, порт и имя базы.",
        en="Cannot connect to the database {where} ({detail}). Check that the server is running and that AQYL_DATABASE_URL gives the right host, port and database name.",
    ),
    "db_auth": Label(
        kk="{where} дерекқоры пайдаланушы атын немесе құпиясөзді қабылдамады. AQYL_DATABASE_URL ішіндегі пайдаланушы мен құпиясөзді тексеріңіз.",
        ru="База данных {where} не приняла имя пользователя или пароль. Проверьте пользователя и пароль в AQYL_DATABASE_URL.",
        en="The database {where} refused the user name or password. Check the user and password in AQYL_DATABASE_URL.",
    ),
    "db_check_ok": Label(
        kk="Тұтастықты тексеру сәтті өтті: {where}.",
        ru="Проверка целостности пройдена: {where}.",
        en="Integrity check passed: {where}.",
    ),
    "user_may_not_store": Label(
        kk="«{user}» пайдаланушысы ({role}) есептерді сақтай алмайды: оны тек ЖОО қызметкерлері (өз ЖОО-сы бойынша) мен әкімшілер жасай алады.",
        ru="Пользователь «{user}» ({role}) не может сохранять отчёты: это могут только сотрудники вузов (по своему вузу) и администраторы.",
        en="User “{user}” ({role}) may not store submissions: only HEI officers (for their own HEI) and administrators may.",
    ),
    # --- flows ----------------------------------------------------------------------------------
    "flow_unknown_source": Label(
        kk="«{value}» дереккөзі белгісіз. Мүмкін дереккөздер: {known}.",
        ru="Источник «{value}» неизвестен. Возможные источники: {known}.",
        en="Unknown source “{value}”. Known sources: {known}.",
    ),
    "flow_unknown_population": Label(
        kk="«{value}» жиынтығы белгісіз. Мүмкін жиынтықтар: {known}.",
        ru="Совокупность «{value}» неизвестна. Возможные: {known}.",
        en="Unknown population “{value}”. Known populations: {known}.",
    ),
    "flow_missing_columns": Label(
        kk="{file} файлында {source} пішімінің бағандары жоқ: {columns}. Дереккөзді дұрыс таңдадыңыз ба (--source)?",
        ru="В файле {file} нет столбцов формата {source}: {columns}. Верно ли выбран источник (--source)?",
        en="{file} lacks the columns of the {source} layout: {columns}. Is --source right?",
    ),
    # --- forecasts ----------------------------------------------------------------------------
    "forecast_short": Label(
        kk="Қатарда {n} жыл ғана бар; болжам мен оның тексерісі үшін кемінде {need} жыл керек.",
        ru="В ряду только {n} лет; для прогноза и его проверки нужно не меньше {need}.",
        en="The series has {n} years only; a forecast and its back-test need at least {need}.",
    ),
    "forecast_gappy": Label(
        kk="Қатарда жылдар жетпейді: {years}. Олқылықтарды толтырыңыз немесе соңғы үзіліссіз бөлігінен болжаңыз: --since {since} ({n} жыл).",
        ru="В ряду пропущены годы: {years}. Заполните пропуски или прогнозируйте по последнему непрерывному отрезку: --since {since} ({n} лет).",
        en="The series misses years: {years}. Fill the gaps, or forecast from its last unbroken run: --since {since} ({n} years).",
    ),
    "forecast_bad_value": Label(
        kk="Қатарда теріс немесе сан емес мән бар.",
        ru="В ряду есть отрицательное или нечисловое значение.",
        en="The series holds a negative or non-numeric value.",
    ),
    "forecast_bad_option": Label(
        kk="Болжам көкжиегі 1–30 жыл, сенім деңгейі 50, 80, 90, 95 немесе 99 болуы керек ({horizon}, {level}).",
        ru="Горизонт прогноза — 1–30 лет, уровень — 50, 80, 90, 95 или 99 ({horizon}, {level}).",
        en="The horizon must be 1–30 years and the level 50, 80, 90, 95 or 99 ({horizon}, {level}).",
    ),
    # --- gravity model ------------------------------------------------------------------------
    "flows_none_stored": Label(
        kk="«{source}» дереккөзінің ағындары сақталмаған. Алдымен жүктеңіз: aqyl flows import ФАЙЛ --source {source}.",
        ru="Потоков источника «{source}» нет. Сначала загрузите их: aqyl flows import ФАЙЛ --source {source}.",
        en="No flows of source “{source}” are stored. Load them first: aqyl flows import FILE --source {source}.",
    ),
    "gravity_negative": Label(
        kk="Ағындарда теріс сан бар; гравитациялық модель тек теріс емес сандармен жұмыс істейді.",
        ru="Среди потоков есть отрицательное число; гравитационная модель принимает только неотрицательные.",
        en="A flow is negative; the gravity model takes counts of zero or more only.",
    ),
    "gravity_too_small": Label(
        kk="Модельге елдер жұптары тым аз: {pairs} (кемінде {need} керек). Көбірек ел немесе жыл таңдаңыз.",
        ru="Слишком мало пар стран для модели: {pairs} (нужно не меньше {need}). Возьмите больше стран или лет.",
        en="Too few country pairs for the model: {pairs} (it needs at least {need}). Take more countries or years.",
    ),
    "gravity_no_year": Label(
        kk="Модельде {year} жыл жоқ. Бар жылдар: {years}.",
        ru="В модели нет {year} года. Есть годы: {years}.",
        en="The model has no year {year}. Its years: {years}.",
    ),
    "gravity_bad_change": Label(
        kk="Сценарийдегі еселік оң сан болуы керек, {change} емес (мысалы, 1.2 — 20% артық).",
        ru="Множитель сценария должен быть положительным, а не {change} (например, 1.2 — на 20% больше).",
        en="A scenario factor must be positive, not {change} (1.2 means 20% more).",
    ),
    "gravity_bad_spec": Label(
        kk="Сценарийді оқу мүмкін емес: «{spec}» (--{kind}). Мысалдар: --set former_ussr=0:KZ>RU, --set distance=0.5:KZ>*, --pull DE=1.2, --push KZ=0.8.",
        ru="Не удаётся прочитать сценарий «{spec}» (--{kind}). Примеры: --set former_ussr=0:KZ>RU, --set distance=0.5:KZ>*, --pull DE=1.2, --push KZ=0.8.",
        en="Cannot read the scenario “{spec}” (--{kind}). Examples: --set former_ussr=0:KZ>RU, --set distance=0.5:KZ>*, --pull DE=1.2, --push KZ=0.8.",
    ),
    "gravity_unknown_covariate": Label(
        kk="Модельде «{name}» айнымалысы жоқ. Бар айнымалылар: {known}.",
        ru="В модели нет переменной «{name}». Есть: {known}.",
        en="The model has no covariate “{name}”. Its covariates: {known}.",
    ),
    # --- migration indicators ---------------------------------------------------------------
    "indicator_bad_count": Label(
        kk="«{name}» мәні ({value}) теріс емес бүтін сан болуы керек.",
        ru="Значение «{name}» ({value}) должно быть целым неотрицательным числом.",
        en="“{name}” ({value}) must be a whole number, not negative.",
    ),
    "indicator_zero": Label(
        kk="Көрсеткішті есептеу мүмкін емес: бөлгіш «{name}» нөлге тең. Деректерді толықтырыңыз.",
        ru="Показатель не вычисляется: знаменатель «{name}» равен нулю. Дополните данные.",
        en="The indicator is undefined: its denominator “{name}” is zero. Add the missing data.",
    ),
    # --- the collection cycle (aqyl.store.cycle) ----------------------------------------------
    "cycle_half_year_only": Label(
        kk="Деректер жартыжылдық бойынша жиналады: «{value}» орнына 2024H1 немесе 2024H2 сияқты кезеңді көрсетіңіз.",
        ru="Данные собираются по полугодиям: вместо «{value}» укажите период вида 2024H1 или 2024H2.",
        en="Data are collected by half-year: instead of “{value}” give a period such as 2024H1 or 2024H2.",
    ),
    "cycle_not_open": Label(
        kk="{period} кезеңіне жинау ашылмаған. Алдымен кезеңді мерзімімен ашыңыз (Тапсыру тақтасы).",
        ru="Сбор за период {period} не открыт. Сначала откройте период со сроком сдачи (страница «Сдача отчётов»).",
        en="Collection for {period} is not open. Open the period with a deadline first (the Submissions page).",
    ),
    "cycle_bad_deadline": Label(
        kk="«{value}» — күн емес. Мерзімді ЖЖЖЖ-АА-КК түрінде жазыңыз, мысалы 2024-07-15.",
        ru="«{value}» — не дата. Укажите срок в виде ГГГГ-ММ-ДД, например 2024-07-15.",
        en="“{value}” is not a date. Give the deadline as YYYY-MM-DD, for example 2024-07-15.",
    ),
    "cycle_bad_decision": Label(
        kk="«{value}» шешімі белгісіз: қабылдау немесе түзетуге қайтару ғана мүмкін.",
        ru="Решение «{value}» неизвестно: можно только принять или вернуть на доработку.",
        en="Unknown decision “{value}”: a submission is either accepted or returned for correction.",
    ),
    "cycle_comment_required": Label(
        kk="Есепті түзетуге қайтарғанда не түзету керектігін түсініктемеде жазыңыз.",
        ru="Возвращая отчёт на доработку, напишите в комментарии, что нужно исправить.",
        en="When returning a submission for correction, write in the comment what must be corrected.",
    ),
    "cycle_not_current": Label(
        kk="{version}-нұсқа енді ағымдағы емес: осы уақытта жаңа нұсқа тапсырылды. Бетті жаңартыңыз.",
        ru="Версия {version} уже не текущая: тем временем сдана новая версия. Обновите страницу.",
        en="Version {version} is no longer the current one: a newer version was submitted meanwhile. Reload the page.",
    ),
    "reminder_due_subject": Label(
        kk="Aqyl: {period} кезеңінің есебін {deadline} дейін тапсырыңыз",
        ru="Aqyl: сдайте отчёт за {period} до {deadline}",
        en="Aqyl: please submit the {period} report by {deadline}",
    ),
    "reminder_due_body": Label(
        kk="Құрметті әріптес!\n\n{hei} ({code}) академиялық ұтқырлық туралы {period} кезеңінің есебін әлі тапсырған жоқ. "
           "Тапсыру мерзімі — {deadline}.\n\nЕсепті мына жерде жүктеңіз: {link}\n\nAqyl жүйесі",
        ru="Уважаемый коллега!\n\n{hei} ({code}) ещё не сдал отчёт об академической мобильности за {period}. "
           "Срок сдачи — {deadline}.\n\nЗагрузить отчёт: {link}\n\nСистема Aqyl",
        en="Dear colleague,\n\n{hei} ({code}) has not yet submitted its academic mobility report for {period}. "
           "The deadline is {deadline}.\n\nUpload the report here: {link}\n\nAqyl",
    ),
    "reminder_overdue_subject": Label(
        kk="Aqyl: {period} кезеңінің есебін тапсыру мерзімі өтті ({deadline})",
        ru="Aqyl: срок сдачи отчёта за {period} истёк ({deadline})",
        en="Aqyl: the {period} report is overdue (deadline {deadline})",
    ),
    "reminder_overdue_body": Label(
        kk="Құрметті әріптес!\n\n{period} кезеңінің есебін тапсыру мерзімі {deadline} күні өтті, бірақ {hei} ({code}) "
           "есебін әлі тапсырған жоқ. Есепті мүмкіндігінше тез жүктеңіз: {link}\n\nAqyl жүйесі",
        ru="Уважаемый коллега!\n\nСрок сдачи отчёта за {period} истёк {deadline}, но {hei} ({code}) ещё не сдал "
           "отчёт. Загрузите его как можно скорее: {link}\n\nСистема Aqyl",
        en="Dear colleague,\n\nThe deadline for the {period} report passed on {deadline}, and {hei} ({code}) has not "
           "submitted it yet. Please upload it as soon as possible: {link}\n\nAqyl",
    ),
    "reminder_returned_subject": Label(
        kk="Aqyl: {period} кезеңінің есебі түзетуді күтуде",
        ru="Aqyl: отчёт за {period} ждёт исправления",
        en="Aqyl: the {period} report is waiting for your corrections",
    ),
    "reminder_returned_body": Label(
        kk="Құрметті әріптес!\n\n{hei} ({code}) {period} кезеңінің есебі түзетуге қайтарылған, түзетілген нұсқа әлі "
           "тапсырылған жоқ. Мерзім — {deadline}. Есепті түзетіп, қайта жүктеңіз: {link}\n\nAqyl жүйесі",
        ru="Уважаемый коллега!\n\nОтчёт {hei} ({code}) за {period} возвращён на доработку, исправленная версия ещё "
           "не сдана. Срок — {deadline}. Исправьте отчёт и загрузите его снова: {link}\n\nСистема Aqyl",
        en="Dear colleague,\n\nThe {period} report of {hei} ({code}) was returned for correction and no corrected "
           "version has been submitted yet. The deadline is {deadline}. Correct it and upload it again: {link}\n\nAqyl",
    ),
    "review_returned_subject": Label(
        kk="Aqyl: {period} кезеңінің есебі түзетуге қайтарылды",
        ru="Aqyl: отчёт за {period} возвращён на доработку",
        en="Aqyl: the {period} report was returned for correction",
    ),
    "review_returned_body": Label(
        kk="Құрметті әріптес!\n\nТалдаушы {reviewer} {hei} ({code}) {period} кезеңінің есебін ({version}-нұсқа) "
           "түзетуге қайтарды.\n\nТүсініктеме:\n{comment}\n\nЕсепті түзетіп, қайта жүктеңіз: {link}\n\nAqyl жүйесі",
        ru="Уважаемый коллега!\n\nАналитик {reviewer} вернул на доработку отчёт {hei} ({code}) за {period} "
           "(версия {version}).\n\nКомментарий:\n{comment}\n\nИсправьте отчёт и загрузите его снова: {link}\n\nСистема Aqyl",
        en="Dear colleague,\n\nThe analyst {reviewer} returned the {period} report of {hei} ({code}) (version "
           "{version}) for correction.\n\nComment:\n{comment}\n\nCorrect it and upload it again: {link}\n\nAqyl",
    ),
    "review_accepted_subject": Label(
        kk="Aqyl: {period} кезеңінің есебі қабылданды",
        ru="Aqyl: отчёт за {period} принят",
        en="Aqyl: the {period} report was accepted",
    ),
    "review_accepted_body": Label(
        kk="Құрметті әріптес!\n\n{hei} ({code}) {period} кезеңінің есебі ({version}-нұсқа) қабылданды.\n\n{link}\n\nAqyl жүйесі",
        ru="Уважаемый коллега!\n\nОтчёт {hei} ({code}) за {period} (версия {version}) принят.\n\n{link}\n\nСистема Aqyl",
        en="Dear colleague,\n\nThe {period} report of {hei} ({code}) (version {version}) was accepted.\n\n{link}\n\nAqyl",
    ),
    "password_reset_subject": Label(
        kk="Aqyl: құпиясөзді қалпына келтіру",
        ru="Aqyl: восстановление пароля",
        en="Aqyl: resetting your password",
    ),
    "password_reset_body": Label(
        kk="Құрметті әріптес!\n\n{user} есептік жазбасының құпиясөзін өзгерту сұралды. Жаңа құпиясөзді мына сілтеме "
           "арқылы орнатыңыз (сілтеме бір рет қана жарамды):\n{link}\n\nЕгер мұны сіз сұрамасаңыз, хатты елемеңіз.\n\nAqyl жүйесі",
        ru="Уважаемый коллега!\n\nЗапрошена смена пароля учётной записи {user}. Задайте новый пароль по ссылке "
           "(она действует один раз):\n{link}\n\nЕсли вы этого не запрашивали, не обращайте внимания на письмо.\n\nСистема Aqyl",
        en="Dear colleague,\n\nA new password was requested for the account {user}. Set it with this link (it works "
           "once):\n{link}\n\nIf you did not ask for this, ignore this message.\n\nAqyl",
    ),
    # --- backup and restore -----------------------------------------------------------------
    "backup_done": Label(
        kk="Резервтік көшірме жазылды: {file} ({size} МБ, {engine}).",
        ru="Резервная копия записана: {file} ({size} МБ, {engine}).",
        en="Backup written: {file} ({size} MB, {engine}).",
    ),
    "restore_done": Label(
        kk="Дерекқор {file} көшірмесінен қалпына келтірілді ({engine}).",
        ru="База данных восстановлена из копии {file} ({engine}).",
        en="The database was restored from {file} ({engine}).",
    ),
    "restore_confirm": Label(
        kk="Қазіргі дерекқордың ({db}) барлық деректері {file} көшірмесімен ауыстырылады. Жалғастыру үшін --yes қосыңыз.",
        ru="Все данные текущей базы ({db}) будут заменены копией {file}. Чтобы продолжить, добавьте --yes.",
        en="Every record of the current database ({db}) will be replaced by the backup {file}. Add --yes to go on.",
    ),
    "backup_missing": Label(
        kk="{file} файлы табылмады.",
        ru="Файл {file} не найден.",
        en="The file {file} does not exist.",
    ),
    "backup_unknown": Label(
        kk="{file} — Aqyl дерекқорының көшірмесі емес (aqyl backup жасаған файлды беріңіз).",
        ru="{file} — не копия базы Aqyl (укажите файл, созданный командой aqyl backup).",
        en="{file} is not a backup of an Aqyl database (give a file written by aqyl backup).",
    ),
    "backup_other_engine": Label(
        kk="{file} — {kind} көшірмесі, ал қазіргі дерекқор {engine}. Сол түрдегі дерекқорға қалпына келтіріңіз.",
        ru="{file} — копия {kind}, а текущая база — {engine}. Восстанавливайте в базу того же типа.",
        en="{file} is a {kind} backup but the current database is {engine}. Restore it into a database of the same kind.",
    ),
    "backup_corrupt": Label(
        kk="{file} көшірмесі тексеруден өтпеді; ол жазылмады. Дискіні тексеріп, қайталаңыз.",
        ru="Копия {file} не прошла проверку и не записана. Проверьте диск и повторите.",
        en="The backup {file} failed its check and was not written. Check the disk and try again.",
    ),
    "backup_no_tool": Label(
        kk="{tool} табылмады. PostgreSQL {major} клиентін орнатыңыз (Debian: postgresql-client-{major}).",
        ru="Не найден {tool}. Установите клиент PostgreSQL {major} (Debian: postgresql-client-{major}).",
        en="{tool} was not found. Install the PostgreSQL {major} client (Debian: postgresql-client-{major}).",
    ),
    "backup_tool_failed": Label(
        kk="{tool} қатемен аяқталды, деректер өзгерген жоқ: {detail}",
        ru="{tool} завершился с ошибкой, данные не изменены: {detail}",
        en="{tool} failed and nothing was changed: {detail}",
    ),
    "interview_bad_passage": Label(
        kk="Үзінді {interview} сұхбатының мәтінінен тыс ({length} таңба). Мәтіннен үзіндіні қайта белгілеңіз.",
        ru="Фрагмент выходит за пределы текста интервью {interview} ({length} знаков). Выделите фрагмент в тексте заново.",
        en="The passage lies outside the transcript of {interview} ({length} characters). Select it in the text again.",
    ),
    "interview_segment_exists": Label(
        kk="{interview} сұхбатындағы бұл үзіндіге «{code}» коды бұрын берілген.",
        ru="Этот фрагмент интервью {interview} уже отмечен кодом «{code}».",
        en="This passage of {interview} is already marked with the code “{code}”.",
    ),
    # --- background work ----------------------------------------------------------------------
    "job_crashed": Label(
        kk="Есептеу аяқталмады: жүйелік қате шықты, ол журналға жазылды. Қайта іске қосыңыз немесе әкімшіге хабарласыңыз.",
        ru="Расчёт не завершён: произошла системная ошибка, она записана в журнал. Запустите снова или обратитесь к администратору.",
        en="The computation did not finish: a system error occurred and was logged. Start it again or ask an administrator.",
    ),
}


def render(key: str, lang: str, **params: object) -> str:
    template = CATALOGUE[key].get(check_lang(lang))
    return template.format(**{name: _text(value, lang) for name, value in params.items()})


def _text(value: object, lang: str) -> str:
    if isinstance(value, Label):
        return value.get(lang)
    if isinstance(value, Iterable) and not isinstance(value, str):
        return ", ".join(_text(item, lang) for item in value)
    return str(value)
