"""Words of the ``aqyl`` command line, in Kazakh, Russian and English (:func:`say`). Words the
pages already have (rows, HEI, period, …) are not repeated here: :func:`say` reads the whole
catalogue, these keys being one part of it."""

from __future__ import annotations

from aqyl.domain.i18n import LANGUAGES
from aqyl.domain.i18n import Label as L
from aqyl.domain.wording.catalogue import CATALOGUE, register

COMMANDS: dict[str, L] = {
    # --- the command itself -------------------------------------------------------------------
    "bad_lang": L("--lang: kk, ru немесе en жазыңыз, «{value}» емес.", "--lang: укажите kk, ru или en, а не «{value}».",
                  "--lang: use kk, ru or en, not “{value}”."),
    "bad_formats": L("Белгісіз пішім: {unknown}. Мүмкін пішімдер: {known}.",
                     "Неизвестный формат: {unknown}. Возможные форматы: {known}.",
                     "Unknown format: {unknown}. Known formats: {known}."),
    "no_user": L("«{user}» пайдаланушысы жоқ.", "Пользователя «{user}» нет.", "There is no user “{user}”."),
    "compare_not_earlier": L("Салыстыру кезеңі {compare} {period} кезеңінен бұрын болуы керек. --compare арқылы ертерек кезеңді көрсетіңіз немесе оны алып тастаңыз (әдепкісі — бір жыл бұрынғы кезең).",
                             "Период сравнения {compare} должен быть раньше периода {period}. Укажите в --compare более ранний период или уберите его (по умолчанию — период годом раньше).",
                             "The comparison period {compare} must come before the period {period}. Give an earlier period with --compare, or leave it out (the default is the period a year earlier)."),
    "report_no_data": L("{period} кезеңінде таңдалған сүзгі бойынша бірде-бір жазба жоқ: есеп файлдары жазылды, бірақ олардағы сандардың бәрі нөл. Кезеңді және сүзгіні тексеріңіз немесе алдымен деректерді жүктеңіз (aqyl import).",
                        "За период {period} по выбранному фильтру нет ни одной записи: файлы отчёта записаны, но все числа в них нулевые. Проверьте период и фильтр или сначала загрузите данные (aqyl import).",
                        "There are no records for {period} with the filter chosen: the report files were written, but every figure in them is zero. Check the period and the filter, or import the data first (aqyl import)."),
    "report_sections_missing": L("Талдаушы жазатын бөлімдердің мәтіні {period} кезеңіне әлі жазылмаған, сондықтан олар анықтамаға енбеді: {sections}. Мәтінді «Есептер» бетінде немесе aqyl note-text set командасымен жазыңыз; --placeholders параметрі жобада олардың орнына белгі қояды.",
                                 "Текст разделов, которые пишет аналитик, за период {period} ещё не написан, поэтому они не вошли в справку: {sections}. Напишите текст на странице «Отчёты» или командой aqyl note-text set; с параметром --placeholders черновик содержит на их месте пометку.",
                                 "The note lacks the sections an analyst writes, as no text applies to {period} yet: {sections}. Write them on the Reports page or with aqyl note-text set; with --placeholders a draft carries a mark in their place."),
    "report_sections_placeholders": L("Талдаушы жазатын бөлімдердің мәтіні {period} кезеңіне әлі жазылмаған: {sections}. Жобада олардың орнына белгі қойылды.",
                                      "Текст разделов, которые пишет аналитик, за период {period} ещё не написан: {sections}. В черновике на их месте стоит пометка.",
                                      "No text of the sections an analyst writes applies to {period} yet: {sections}. The draft carries a mark in their place."),
    "user_inactive": L("«{user}» есептік жазбасы өшірілген. Әкімшіден оны қайта қосуды сұраңыз немесе басқа пайдаланушыны көрсетіңіз.",
                       "Учётная запись «{user}» отключена. Попросите администратора включить её снова или укажите другого пользователя.",
                       "The account “{user}” is deactivated. Ask an administrator to activate it again, or give another user."),
    "user_role_officer": L("ЖОО қызметкері", "сотрудник вуза", "HEI officer"),
    "user_role_analyst": L("талдаушы", "аналитик", "analyst"),
    "user_role_admin": L("әкімші", "администратор", "administrator"),
    "user_role_none": L("рөлі жоқ", "без роли", "no role"),
    "time": L("Уақыты", "Время", "Time"),
    # Usage errors click would say in English: what is wrong, then where the help is.
    "usage_no_command": L("«{name}» командасы жоқ.", "Команды «{name}» нет.", "There is no command “{name}”."),
    "usage_similar_command": L("Ұқсас команда: {name}.", "Похожая команда: {name}.", "Similar command: {name}."),
    "usage_no_option": L("{command} командасында {option} параметрі жоқ.", "У команды {command} нет параметра {option}.",
                         "{command} has no option {option}."),
    "usage_similar": L("Ұқсасы: {options}.", "Похожие: {options}.", "Similar: {options}."),
    "usage_needs_value": L("{option} параметріне мән жазыңыз.", "Укажите значение параметра {option}.",
                           "Give {option} a value."),
    "usage_needs": L("{command} командасы үшін {name} көрсетіңіз.", "Для команды {command} укажите {name}.",
                     "{command} needs {name}."),
    "usage_extra": L("Команда мұны қабылдамайды: {args}.", "Команда не принимает: {args}.",
                     "The command does not take: {args}."),
    "usage_bad_value": L("{option}: «{value}» мәні жарамсыз.", "{option}: значение «{value}» недопустимо.",
                         "{option}: “{value}” is not a valid value."),
    "usage_bad": L("{option}: мәні жарамсыз.", "{option}: недопустимое значение.", "{option}: not a valid value."),
    "usage_help": L("Анықтама: {help}", "Справка: {help}", "Help: {help}"),
    # --- demo and db --------------------------------------------------------------------------
    "demo_ready": L("Демо дайын", "Демо готово", "Demo ready"),
    "database": L("Дерекқор", "База данных", "Database"),
    "hei_registry": L("ЖОО тізілімі", "Реестр вузов", "HEI registry"),
    "submissions": L("Тапсырылған есептер", "Представленные отчёты", "Submissions"),
    "users": L("Пайдаланушылар", "Пользователи", "Users"),
    "password_word": L("құпиясөз", "пароль", "password"),
    "db_counts": L("ЖОО: {heis}  есептер: {submissions}  жазбалар: {records}",
                   "Вузов: {heis}  отчётов: {submissions}  записей: {records}",
                   "HEIs: {heis}  submissions: {submissions}  records: {records}"),
    # --- import -------------------------------------------------------------------------------
    "cli_stage_read": L("Файл оқылуда", "Чтение файла", "Reading"),
    "cli_stage_check": L("Тексерілуде", "Проверка", "Checking"),
    "cli_stage_store": L("Сақталуда", "Сохранение", "Storing"),
    "stage_wait": L("дерекқор басқа жүктеумен бос емес, кезек күтілуде…",
                    "база данных занята другой загрузкой, ожидание очереди…",
                    "the database is busy with another import, waiting for its turn…"),
    "more_problems": L("тағы {n} мәселе: толығы --report және --errors-xlsx файлдарында",
                       "ещё замечаний: {n}; полностью — в файлах --report и --errors-xlsx",
                       "{n} more problems: all of them are in the --report and --errors-xlsx files"),
    "cli_nothing_stored": L("Файлда қате бар, сондықтан ештеңе сақталмады. Қателерді түзетіңіз немесе дұрыс жолдарды ғана "
                        "сақтау үшін --accept-valid қосыңыз.",
                        "В файле есть ошибки, поэтому ничего не сохранено. Исправьте их или добавьте --accept-valid, "
                        "чтобы сохранить только верные строки.",
                        "The file has errors, so nothing was stored. Fix them, or add --accept-valid to store the "
                        "valid rows only."),
    "dry_run": L("Тексеру ғана (--dry-run): ештеңе сақталмады.", "Только проверка (--dry-run): ничего не сохранено.",
                 "Check only (--dry-run): nothing was stored."),
    "cohorts_stored": L("Сақталған когорталар", "Сохранённые когорты", "Cohorts stored"),
    "more_submissions": L("Барлығы {total} есеп ({heis} ЖОО, {periods} кезең); тағы {n} есептің тізімі --report файлында.",
                          "Всего отчётов: {total} (вузов: {heis}, периодов: {periods}); список остальных ({n}) — в файле "
                          "--report.",
                          "{total} submissions in all ({heis} HEIs, {periods} periods); the other {n} are listed in "
                          "the --report file."),
    # --- submissions and restore --------------------------------------------------------------
    "cli_hei_type": L("Түрі", "Тип", "Type"),
    "rejected_rows": L("Қабылданбаған", "Отклонено", "Rejected"),
    "cli_not_submitted": L("Тапсырмаған", "Не представили", "Not submitted"),
    "no_versions_to_compare": L("{number}-нұсқа немесе ағымдағы нұсқа жоқ.", "Нет версии {number} или текущей версии.",
                                "There is no version {number}, or no current version."),
    "added": L("Қосылды", "Добавлено", "Added"),
    "removed": L("Жойылды", "Удалено", "Removed"),
    "changed": L("Өзгерді", "Изменено", "Changed"),
    "restore_not_earlier": L("{version}-нұсқа жоқ немесе ол қазірдің өзінде ағымдағы.",
                             "Версии {version} нет, или она уже текущая.",
                             "There is no version {version}, or it is already the current one."),
    "cli_restored": L("{old}-нұсқа қалпына келтірілді: енді {new}-нұсқа ({rows} жол).",
                  "Версия {old} восстановлена как версия {new} (строк: {rows}).",
                  "Version {old} restored as version {new} ({rows} rows)."),
    # --- registry -----------------------------------------------------------------------------
    "hei_code": L("Коды", "Код", "Code"),
    "city": L("Қала", "Город", "City"),
    "hei_records": L("Жазба", "Записей", "Records"),
    "hei_registered": L("ЖОО тіркелді", "Вуз зарегистрирован", "HEI registered"),
    "classifier_name": L("Атауы (команда үшін)", "Имя (для команды)", "Name (for commands)"),
    "classifier_title": L("Анықтамалық", "Справочник", "Classifier"),
    "classifier_codes": L("Кодтар саны", "Кодов", "Codes"),
    "unknown_classifier": L("«{name}» анықтамалығы жоқ; бары: {known}", "Справочника «{name}» нет; есть: {known}",
                            "Unknown classifier “{name}”; known: {known}"),
    # --- flows and migration ------------------------------------------------------------------
    "flows_stored": L("Сақталған ағындар", "Сохранено потоков", "Flows stored"),
    "years_word": L("жыл", "годы", "years"),
    "not_countries": L("ел емес, алынып тасталды", "не страны, пропущены", "not countries, left out"),
    "rows_without_count": L("жыл немесе сан жоқ жолдар", "строки без года или числа", "rows without a year or a count"),
    "national_stored": L("Ұлттық ағындар сақталды: {n}", "Сохранено национальных потоков: {n}", "National flows stored: {n}"),
    "cli_backtest": L("Ретроспективті тексеру (MASE: неғұрлым аз болса, соғұрлым жақсы)", "Ретроспективная проверка (MASE: чем меньше, тем лучше)",
                  "Back-test (MASE, lower is better)"),
    "year_word": L("жыл", "год", "year"),
    "forecast_word": L("болжам", "прогноз", "forecast"),
    "coefficient": L("Коэффициент", "Коэффициент", "Coefficient"),
    "std_error_pairs": L("Стд. қате (жұптар)", "Ст. ошибка (пары)", "Std. error (pairs)"),
    "interval_95": L("95% аралық", "95% интервал", "95% interval"),
    "effect_pct": L("Әсер, %", "Эффект, %", "Effect, %"),
    "observations": L("Бақылаулар", "Наблюдений", "Observations"),
    "dropped_groups": L("алынып тасталған нөлдік топтар", "исключено нулевых групп", "dropped, all-zero groups"),
    "years_lc": L("жылдар", "годы", "years"),
    "scenario_title": L("Сценарий", "Сценарий", "Scenario"),
    "model": L("Модель", "Модель", "Model"),
    "in_scenario": L("Сценарийде", "По сценарию", "Scenario"),
    "cli_no_student_flows": L("Алдымен aqyl flows import командасын орындаңыз: {year} жылға {origin} елінен шыққан студенттер ағыны сақталмаған.",
                          "Сначала выполните aqyl flows import: сохранённых потоков студентов за {year} год нет (страна отправления: {origin}).",
                          "No student flows from {origin} stored for {year}: run aqyl flows import first."),
    # --- surveys and interviews ---------------------------------------------------------------
    "cli_survey_not_analysed": L("Файлда қате бар, сондықтан талдау жасалмады. Қателерді түзетіңіз немесе тек дұрыс "
                             "жолдарды талдау үшін --accept-valid қосыңыз.",
                             "В файле есть ошибки, поэтому анализ не выполнен. Исправьте их или добавьте "
                             "--accept-valid, чтобы анализировать только верные строки.",
                             "The file has errors, so it was not analysed. Fix them, or add --accept-valid to analyse "
                             "the valid rows only."),
    "survey_left_out": L("Қатесі бар жолдар алынып тасталды; {n} дұрыс жол талданады.",
                         "Строки с ошибками отброшены; анализируются верные строки: {n}.",
                         "Rows with errors were left out; the {n} valid rows are analysed."),
    "bad_language": L("--language: kk, ru немесе en, «{value}» емес.", "--language: kk, ru или en, а не «{value}».",
                      "--language: kk, ru or en, not “{value}”."),
    "bad_attr": L("--attr: кілт=мән түрінде жазыңыз", "--attr: пишите в виде ключ=значение", "--attr: write key=value"),
    "file_unreadable": L("{file}: файлды оқу мүмкін емес ({detail}).", "{file}: файл не читается ({detail}).",
                         "{file}: the file cannot be read ({detail})."),
    # --- users, reminders, periods ------------------------------------------------------------
    "user_created": L("«{user}» пайдаланушысы жасалды: рөлі — {role}{hei}.", "Пользователь «{user}» создан: роль — {role}{hei}.",
                      "User “{user}” created: role: {role}{hei}."),
    "user_exists": L("«{user}» пайдаланушысы бұрыннан бар. Басқа атау таңдаңыз.",
                     "Пользователь «{user}» уже есть. Выберите другое имя.",
                     "User “{user}” already exists. Choose another name."),
    "bad_role": L("Рөл: officer, analyst немесе admin, «{role}» емес.", "Роль: officer, analyst или admin, а не «{role}».",
                  "The role is officer, analyst or admin, not “{role}”."),
    "needs_hei": L("ЖОО қызметкеріне --hei арқылы ЖОО-ны көрсетіңіз.", "Для сотрудника вуза укажите вуз: --hei.",
                   "An HEI officer needs an HEI: give --hei."),
    "no_hei_needed": L("--hei тек ЖОО қызметкеріне беріледі.", "--hei указывается только для сотрудника вуза.",
                       "--hei is for HEI officers only."),
    "weak_password": L("Құпиясөз қабылданбады: {why}", "Пароль не принят: {why}", "The password was refused: {why}"),
    "no_password": L("Құпиясөз бос. Оны енгізіңіз немесе стандартты кіріс арқылы беріңіз.",
                     "Пароль пуст. Введите его или подайте на стандартный ввод.",
                     "The password is empty. Type it or pass it on standard input."),
    "reminders_would": L("Еске салу жіберілер еді: {n} ЖОО.", "Напоминания были бы отправлены: вузов — {n}.",
                         "Reminders would go to {n} HEIs."),
    "reminders_sent": L("Еске салу жіберілді: {n} ЖОО, {mails} хат.", "Напоминания отправлены: вузов — {n}, писем — {mails}.",
                        "Reminders sent: {n} HEIs, {mails} messages."),
    "nothing_due": L("Бүгін еске салу керек кезең жоқ.", "Сегодня напоминать не о чем.", "No period needs reminders today."),
    # --- analyst-written sections of the note -------------------------------------------------
    "cli_text_saved": L("Сақталды: «{section}» бөлімі ({lang}), {n}-нұсқа. Мәтін {period} кезеңінен бастап талдамалық жазбаларға енеді.",
                    "Сохранено: раздел «{section}» ({lang}), версия {n}. Текст войдёт в записки начиная с периода {period}.",
                    "Saved: section “{section}” ({lang}), version {n}. The text goes into notes from period {period} on."),
    "cli_text_unchanged": L("Өзгеріс жоқ: «{section}» бөлімінің ({lang}) мәтіні {period} кезеңіне қолданылатын нұсқамен "
                        "бірдей, жаңа нұсқа жасалмады.",
                        "Без изменений: текст раздела «{section}» ({lang}) совпадает с версией, действующей для периода "
                        "{period}; новая версия не создана.",
                        "Unchanged: the text of section “{section}” ({lang}) is the version in effect for {period}; "
                        "no new version was made."),
    "text_from": L("{period} кезеңінен бастап", "начиная с периода {period}", "from {period} on"),
    "cli_text_none": L("жазылмаған", "не написан", "not written"),
    "cli_text_history": L("Нұсқалар", "Версии", "Versions"),
    "cli_text_in_effect": L("{period} кезеңінің талдамалық жазбасына енеді", "входит в записку за {period}", "in the note for {period}"),
    "text_no_versions": L("Бұл қатардың нұсқалары әлі жоқ.", "Версий этой серии ещё нет.", "This series has no versions yet."),
    # --- open data ----------------------------------------------------------------------------
    "key_made": L("{file} кілті жасалды (идентификаторы {key_id}). Оны құпия сақтаңыз: кілт кімде болса, сол ЖСН-ді "
                  "бүркеншік атпен салыстыра алады.",
                  "Ключ {file} создан (идентификатор {key_id}). Храните его в тайне: владелец ключа может сопоставить "
                  "ИИН с псевдонимом.",
                  "Key {file} made (id {key_id}). Keep it secret: whoever holds it can match an IIN to its pseudonym."),
    "key_exists": L("{file} файлы бар: кілт қайта жазылмады (әйтпесе ескі бүркеншік аттар байланысын жоғалтар еді). Басқа атау беріңіз.",
                    "Файл {file} уже есть: ключ не перезаписан (старые псевдонимы потеряли бы связь). Укажите другое имя.",
                    "{file} exists: the key is not overwritten (old pseudonyms would lose their link). Give another name."),
    "pseudonymised": L("{out}: {n} ЖСН бүркеншік атқа ауыстырылды, {rows} жол. ЖСН бағаны алынып тасталды.",
                       "{out}: ИИН, заменённых псевдонимами: {n}; строк: {rows}. Столбец ИИН удалён.",
                       "{out}: {n} IINs replaced by pseudonyms, {rows} rows. The IIN column is removed."),
    "no_iin": L("Файлда ЖСН жоқ ({rows} жол): оны өзгеріссіз жіберуге болады, жаңа файл жазылмады.",
                "В файле нет ИИН (строк: {rows}): его можно отправлять как есть, новый файл не записан.",
                "The file holds no IIN ({rows} rows): it can be sent as it is; no new file was written."),
    "pseudonymise_refused": L("Файл жазылмады: келесі ұяшықтарды түзетіңіз.", "Файл не записан: исправьте эти ячейки.",
                              "Nothing written: fix these cells."),
    "published": L("{period} кезеңінің ашық деректері жарияланды (№{id}): {out}",
                   "Открытые данные за {period} опубликованы (№{id}): {out}", "Open data for {period} published (#{id}): {out}"),
    "od_table": L("Кесте", "Таблица", "Table"),
    "od_cells": L("Ұяшық", "Ячеек", "Cells"),
    "od_primary": L("Бастапқы жасыру", "Первичное подавление", "Primary"),
    "od_secondary": L("Қайталама жасыру", "Вторичное подавление", "Secondary"),
    "od_total": L("Барлығы", "Итого", "Total"),
    "bad_threshold": L("--threshold: 1-ден 100-ге дейінгі бүтін сан", "--threshold: целое число от 1 до 100",
                       "--threshold: a whole number from 1 to 100"),
    "bad_within": L("--within: кемінде 1 жартыжылдық", "--within: не меньше 1 полугодия", "--within: at least 1 half-year"),
}


register(__name__, COMMANDS)


def say(key: str, lang: str, /, **fields: object) -> str:
    """The command line's text ``key`` in ``lang`` (an unknown language falls back to Kazakh,
    the default, so that an error about the language itself can be said)."""
    text = CATALOGUE[key].get(lang if lang in LANGUAGES else "kk")
    return text.format(**fields) if fields else text
