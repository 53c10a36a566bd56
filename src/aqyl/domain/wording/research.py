"""Messages of research work: surveys, interviews, the analyst-written sections of the note, flows,
forecasts, the gravity model and migration indicators (rendered by :func:`.messages.render`)."""

from __future__ import annotations

from aqyl.domain.i18n import Label
from aqyl.domain.wording.catalogue import register

WORDS: dict[str, Label] = {
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
        kk="«{value}» — «{item}» сұрағының шкаласынан тыс. 1–{points} аралығындағы бүтін санды беріңіз.",
        ru="«{value}» — вне шкалы вопроса «{item}». Укажите целое число от 1 до {points}.",
        en="“{value}” is outside the scale of “{item}”. Give a whole number from 1 to {points}.",
    ),
    "survey_unknown_answer": Label(
        kk="«{value}» — «{item}» сұрағына жауап емес. 1–{points} аралығындағы сан немесе мыналардың бірі: {words}.",
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
    "interview_bad_code": Label(
        kk="«{value}» сұхбат коды ретінде жарамайды. Кодта тек әріп, цифр, дефис (-), астыңғы сызық (_) және нүкте (.) "
           "болады, ол әріптен немесе цифрдан басталады және 64 таңбадан аспайды. Мысалы: KZ-US-02.",
        ru="«{value}» не подходит как код интервью. В коде могут быть только буквы, цифры, дефис (-), подчёркивание (_) "
           "и точка (.); он начинается с буквы или цифры и не длиннее 64 знаков. Например: KZ-US-02.",
        en="“{value}” cannot be an interview code. A code holds only letters, digits, hyphens (-), underscores (_) "
           "and dots (.), starts with a letter or a digit and is at most 64 characters long. For example: KZ-US-02.",
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
    "interview_bad_passage": Label(
        kk="Үзінді {interview} сұхбатының мәтінінен тыс ({length} таңба). Мәтіннен үзіндіні қайта белгілеңіз.",
        ru="Фрагмент выходит за пределы текста интервью {interview} (длина текста в знаках: {length}). Выделите фрагмент в тексте заново.",
        en="The passage lies outside the transcript of {interview} ({length} characters). Select it in the text again.",
    ),
    "interview_segment_exists": Label(
        kk="{interview} сұхбатындағы бұл үзіндіге «{code}» коды бұрын берілген.",
        ru="Этот фрагмент интервью {interview} уже отмечен кодом «{code}».",
        en="This passage of {interview} is already marked with the code “{code}”.",
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
        ru="Лет в ряду: {n}; для прогноза и его проверки нужно не меньше {need}.",
        en="The series has {n} years only; a forecast and its back-test need at least {need}.",
    ),
    "emigration_incomplete": Label(
        kk="Дереккөздің {year} жылғы деректері толық емес: {gaps}. {last} Жазбаны бәрібір жасау үшін --allow-incomplete "
           "қосыңыз: сонда әр қорытындыға ескерту беріледі.",
        ru="Данные источника за {year} год неполные: {gaps}. {last} Чтобы всё же построить записку, добавьте "
           "--allow-incomplete: тогда каждый вывод будет сопровождаться оговоркой.",
        en="The source's data for {year} are incomplete: {gaps}. {last} To write the note anyway, add --allow-incomplete: "
           "every finding then carries a caveat.",
    ),
    "emigration_incomplete_web": Label(
        kk="Дереккөздің {year} жылғы деректері толық емес: {gaps}. {last} Жазбаны бәрібір жасау үшін «Толық емес жылға "
           "рұқсат ету» белгісін қойыңыз: сонда әр қорытындыға ескерту беріледі.",
        ru="Данные источника за {year} год неполные: {gaps}. {last} Чтобы всё же построить записку, отметьте "
           "«Разрешить неполный год»: тогда каждый вывод будет сопровождаться оговоркой.",
        en="The source's data for {year} are incomplete: {gaps}. {last} To write the note anyway, tick "
           "“Allow an incomplete year”: every finding then carries a caveat.",
    ),
    "forecast_gappy": Label(
        kk="Қатарда жылдар жетпейді: {years}. Олқылықтарды толтырыңыз немесе соңғы үзіліссіз бөлігінен болжаңыз: --since {since} ({n} жыл).",
        ru="В ряду пропущены годы: {years}. Заполните пропуски или прогнозируйте по последнему непрерывному отрезку: --since {since} (лет: {n}).",
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
}
register(__name__, WORDS)
