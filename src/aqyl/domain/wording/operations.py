"""Messages of operations: the database, the collection cycle and its mails, backup and restore,
background work (rendered by :func:`.messages.render`)."""

from __future__ import annotations

from aqyl.domain.i18n import Label
from aqyl.domain.wording.catalogue import register

WORDS: dict[str, Label] = {
    # --- the database ---------------------------------------------------------------------------
    "db_url_bad": Label(
        kk="AQYL_DATABASE_URL дерекқор мекенжайы «{value}» жарамсыз. Рұқсат етілген түрлері: sqlite:////толық/жол/aqyl.sqlite3, sqlite:///салыстырмалы/жол/aqyl.sqlite3, postgresql://пайдаланушы:құпиясөз@сервер:5432/дерекқор.",
        ru="Адрес базы данных AQYL_DATABASE_URL «{value}» не подходит. Допустимые формы: sqlite:////абсолютный/путь/aqyl.sqlite3, sqlite:///относительный/путь/aqyl.sqlite3, postgresql://пользователь:пароль@сервер:5432/база.",
        en="The database address AQYL_DATABASE_URL “{value}” is not valid. Accepted forms: sqlite:////absolute/path/aqyl.sqlite3, sqlite:///relative/path/aqyl.sqlite3, postgresql://user:password@host:5432/database.",
    ),
    "cache_url_bad": Label(
        kk="AQYL_CACHE_URL кэш мекенжайы «{value}» жарамсыз. Рұқсат етілген түрлері: redis://сервер:6379/0, file:////толық/жол/бума; бос қалса, кэш қолданбаның өз дерекқорында сақталады.",
        ru="Адрес кэша AQYL_CACHE_URL «{value}» не подходит. Допустимые формы: redis://сервер:6379/0, file:////абсолютный/путь/папка; если он не задан, кэш хранится в базе данных самого приложения.",
        en="The cache address AQYL_CACHE_URL “{value}” is not valid. Accepted forms: redis://host:6379/0, file:////absolute/path/folder; when it is not set, the cache is kept in the application's own database.",
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
        kk="{where} дерекқоры басқа жазумен бос емес және {wait} ішінде босамады. Ештеңе сақталмады. Басқа жазу аяқталған соң команданы қайта орындаңыз (күту уақытын AQYL_WRITE_WAIT белгілейді).",
        ru="База данных {where} занята другой записью и не освободилась за {wait} ожидания. Ничего не сохранено. Повторите команду, когда другая запись завершится (время ожидания задаёт AQYL_WRITE_WAIT).",
        en="The database {where} is busy with another write and did not become free in {wait}. Nothing was stored. Run the command again when the other write has finished (AQYL_WRITE_WAIT sets how long to wait).",
    ),
    "temp_full": Label(
        kk="Уақытша файлдар бумасы {folder} толып қалды: {where} дерекқоры уақытша файлдарын сонда жазады, ал дерекқордың өз дискісінде орын бар. Ештеңе сақталмады. {folder} ішінде орын босатыңыз немесе TMPDIR айнымалысымен бос орны бар буманы көрсетіп, команданы қайта орындаңыз.",
        ru="Папка временных файлов {folder} заполнена: база данных {where} пишет туда свои временные файлы, а на диске самой базы место есть. Ничего не сохранено. Освободите место в {folder} или укажите в переменной TMPDIR папку, где есть место, и повторите команду.",
        en="The temporary folder {folder} is full: the database {where} writes its temporary files there, while the database's own disk has space. Nothing was stored. Free some space in {folder}, or set TMPDIR to a folder with space, and run the command again.",
    ),
    "db_corrupt": Label(
        kk="{where} дерекқоры бүлінген ({detail}). Ештеңе сақталмады. Оны соңғы сақтық көшірмеден қалпына келтіріңіз (aqyl restore-db КӨШІРМЕ); не бүлінгенін aqyl db --check көрсетеді.",
        ru="База данных {where} повреждена ({detail}). Ничего не сохранено. Восстановите её из последней резервной копии (aqyl restore-db КОПИЯ); что именно повреждено, покажет aqyl db --check.",
        en="The database {where} is damaged ({detail}). Nothing was stored. Restore it from its last backup (aqyl restore-db BACKUP); aqyl db --check shows what is wrong.",
    ),
    "db_check_corrupt": Label(
        kk="Тұтастықты тексеру {where} дерекқорының бүлінгенін көрсетті ({detail}). Дерекқорды соңғы сақтық көшірмеден қалпына келтіріңіз: aqyl restore-db КӨШІРМЕ --yes.",
        ru="Проверка целостности показала, что база данных {where} повреждена ({detail}). Восстановите базу из последней резервной копии: aqyl restore-db КОПИЯ --yes.",
        en="The integrity check found the database {where} damaged ({detail}). Restore it from its last backup: aqyl restore-db BACKUP --yes.",
    ),
    "db_unreachable": Label(
        kk="{where} дерекқорына қосылу мүмкін емес ({detail}). Сервердің іске қосылғанын және AQYL_DATABASE_URL ішінде сервер, порт пен дерекқор атауы дұрыс екенін тексеріңіз.",
        ru="Не удаётся подключиться к базе данных {where} ({detail}). Проверьте, что сервер запущен и что в AQYL_DATABASE_URL верно указаны сервер, порт и имя базы.",
        en="Cannot connect to the database {where} ({detail}). Check that the server is running and that AQYL_DATABASE_URL gives the right host, port and database name.",
    ),
    "db_missing": Label(
        kk="{where} дерекқор файлы жоқ, сондықтан оқитын ештеңе жоқ; бос дерекқор жасалған жоқ. AQYL_DATABASE_URL ішіндегі жолды тексеріңіз (жаңа дерекқорды aqyl db немесе aqyl import жасайды).",
        ru="Файла базы данных {where} нет, читать нечего; пустая база не создана. Проверьте путь в AQYL_DATABASE_URL (новую базу создают aqyl db и aqyl import).",
        en="The database file {where} does not exist, so there is nothing to read; no empty database was made. Check the path in AQYL_DATABASE_URL (aqyl db or aqyl import makes a new database).",
    ),
    "db_file_unopenable": Label(
        kk="{where} дерекқор файлы ашылмады. AQYL_DATABASE_URL ішіндегі жол дұрыс екенін және бума бар әрі оған жазуға болатынын тексеріңіз.",
        ru="Не удаётся открыть файл базы данных {where}. Проверьте путь в AQYL_DATABASE_URL и что папка существует и доступна для записи.",
        en="Cannot open the database file {where}. Check the path in AQYL_DATABASE_URL and that its folder exists and can be written.",
    ),
    "db_not_database": Label(
        kk="{where} файлы дерекқор емес. AQYL_DATABASE_URL ішіндегі жолды тексеріңіз; бұл дерекқордың өзі болса, оны сақтық көшірмеден қалпына келтіріңіз.",
        ru="Файл {where} не является базой данных. Проверьте путь в AQYL_DATABASE_URL; если это и есть база, восстановите её из резервной копии.",
        en="The file {where} is not a database. Check the path in AQYL_DATABASE_URL; if it is the database, restore it from a backup.",
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
    # a role refused (aqyl.app.access.require_role): the pages answer 403, a command says this
    "role_forbidden": Label(
        kk="«{user}» пайдаланушысының ({role}) бұған құқығы жоқ.",
        ru="У пользователя «{user}» ({role}) нет прав на это действие.",
        en="User “{user}” ({role}) may not do this.",
    ),
    # --- output files (aqyl.files): a report, a template, an errors workbook, a backup --------------
    "output_is_folder": Label(
        kk="«{path}» — файл емес, бума. Файлдың атын толық жазыңыз.",
        ru="«{path}» — это папка, а не файл. Укажите имя файла.",
        en="“{path}” is a folder, not a file. Give a file name.",
    ),
    "output_is_input": Label(
        kk="«{path}» — осы команда оқитын файл, нәтиже оны өшіріп жазар еді. Басқа атау көрсетіңіз.",
        ru="«{path}» — файл, который читает эта команда: результат записался бы поверх него. Укажите другое имя.",
        en="“{path}” is a file this command reads: the output would overwrite it. Give another name.",
    ),
    "output_is_database": Label(
        kk="«{path}» — Aqyl дерекқорының өзі, оның үстіне жазу деректерді жояды. Басқа атау көрсетіңіз.",
        ru="«{path}» — это сама база данных Aqyl: запись поверх неё уничтожила бы данные. Укажите другое имя.",
        en="“{path}” is Aqyl's database itself: writing over it would destroy the data. Give another name.",
    ),
    "output_not_writable": Label(
        kk="«{path}» жазылмады: жазуға рұқсат жоқ немесе диск тек оқуға арналған. Басқа буманы көрсетіңіз.",
        ru="Не удалось записать «{path}»: нет прав на запись или диск доступен только для чтения. Укажите другую папку.",
        en="Could not write “{path}”: no permission to write there, or the disk is read-only. Choose another folder.",
    ),
    "output_no_space": Label(
        kk="«{path}» жазылмады: дискіде орын жоқ. Орын босатыңыз немесе басқа буманы көрсетіңіз.",
        ru="Не удалось записать «{path}»: на диске нет места. Освободите место или укажите другую папку.",
        en="Could not write “{path}”: the disk is full. Free some space or choose another folder.",
    ),
    "output_folder_is_file": Label(
        kk="«{folder}» — бума емес, файл. Нәтижелер үшін буманы көрсетіңіз.",
        ru="«{folder}» — это файл, а не папка. Укажите папку для результатов.",
        en="“{folder}” is a file, not a folder. Give a folder for the results.",
    ),
    "output_bad_folder": Label(
        kk="«{path}» жазылмады: «{folder}» бумасы жоқ және оны құру мүмкін емес. Бар буманы көрсетіңіз.",
        ru="Не удалось записать «{path}»: папки «{folder}» нет, и создать её нельзя. Укажите существующую папку.",
        en="Could not write “{path}”: the folder “{folder}” does not exist and cannot be made. Give an existing folder.",
    ),
    # --- the collection cycle (aqyl.store.cycle) ----------------------------------------------
    "cycle_half_year_only": Label(
        kk="Деректер жартыжылдық бойынша жиналады: «{value}» орнына {year}H1 немесе {year}H2 сияқты кезеңді көрсетіңіз.",
        ru="Данные собираются по полугодиям: вместо «{value}» укажите период вида {year}H1 или {year}H2.",
        en="Data are collected by half-year: instead of “{value}” give a period such as {year}H1 or {year}H2.",
    ),
    "cycle_not_open": Label(
        kk="{period} кезеңіне жинау ашылмаған. Алдымен кезеңді мерзімімен ашыңыз (Тапсыру тақтасы).",
        ru="Сбор за период {period} не открыт. Сначала откройте период со сроком сдачи (страница «Сдача отчётов»).",
        en="Collection for {period} is not open. Open the period with a deadline first (the Submissions page).",
    ),
    "bad_note_date": Label(
        kk="«{value}» — күн емес. Анықтаманың күнін ЖЖЖЖ-АА-КК түрінде жазыңыз, мысалы 2023-07-15.",
        ru="«{value}» — не дата. Укажите дату справки в виде ГГГГ-ММ-ДД, например 2023-07-15.",
        en="“{value}” is not a date. Give the note's date as YYYY-MM-DD, for example 2023-07-15.",
    ),
    "cycle_bad_deadline": Label(
        kk="«{value}» — күн емес. Мерзімді ЖЖЖЖ-АА-КК түрінде жазыңыз, мысалы 2024-07-15.",
        ru="«{value}» — не дата. Укажите срок в виде ГГГГ-ММ-ДД, например 2024-07-15.",
        en="“{value}” is not a date. Give the deadline as YYYY-MM-DD, for example 2024-07-15.",
    ),
    "cycle_deadline_before": Label(
        kk="Мерзім {deadline} — {period} кезеңінің басынан ({start}) ерте. Кезең басталғаннан кейінгі күнді көрсетіңіз.",
        ru="Срок {deadline} раньше начала периода {period} ({start}). Укажите дату после начала периода.",
        en="The deadline {deadline} comes before the period {period} begins ({start}). Give a day after the period has begun.",
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
        ru="Уважаемый коллега!\n\nОтчёт {hei} ({code}) за {period} (версия {version}) возвращён на доработку. "
           "Проверяющий аналитик: {reviewer}.\n\nКомментарий:\n{comment}\n\nИсправьте отчёт и загрузите его снова: {link}\n\nСистема Aqyl",
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
    "backup_damaged": Label(
        kk="{file} сақтық көшірмесі бүлінген ({detail}), сондықтан қалпына келтірілмеді; {db} дерекқоры өзгерген жоқ. Басқа сақтық көшірмені көрсетіңіз.",
        ru="Резервная копия {file} повреждена ({detail}), поэтому не восстановлена; база данных {db} не изменена. Укажите другую резервную копию.",
        en="The backup {file} is damaged ({detail}), so it was not restored; the database {db} is unchanged. Give another backup.",
    ),
    "backup_cut_short": Label(
        kk="файл қысқарып қалған: {size} байт, ал тақырыбы бойынша {expected} байт болуы керек",
        ru="файл обрезан: {size} байт вместо {expected} по его заголовку",
        en="the file is cut short: {size} bytes of the {expected} its header gives",
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
    # --- background work ----------------------------------------------------------------------
    "job_crashed": Label(
        kk="Есептеу аяқталмады: жүйелік қате шықты, ол журналға жазылды. Қайта іске қосыңыз немесе әкімшіге хабарласыңыз.",
        ru="Расчёт не завершён: произошла системная ошибка, она записана в журнал. Запустите снова или обратитесь к администратору.",
        en="The computation did not finish: a system error occurred and was logged. Start it again or ask an administrator.",
    ),
    # --- configuration and crashes --------------------------------------------------------------
    "organisation_file_bad": Label(
        kk="AQYL_ORGANISATION_FILE={file}: файлды JSON ретінде оқу мүмкін емес ({detail}). Файлды түзетіңіз немесе айнымалыны алып тастаңыз.",
        ru="AQYL_ORGANISATION_FILE={file}: файл не читается как JSON ({detail}). Исправьте файл или удалите переменную.",
        en="AQYL_ORGANISATION_FILE={file}: cannot read it as JSON ({detail}); fix the file or unset the variable.",
    ),
    "setting_positive": Label(
        kk="{name}={value} баптауы жарамсыз: 0-ден үлкен сан жазыңыз, мысалы {name}={example}, немесе айнымалыны алып тастаңыз.",
        ru="Настройка {name}={value} недопустима: укажите число больше 0, например {name}={example}, или удалите переменную.",
        en="The setting {name}={value} is not valid: give a number greater than 0, for example {name}={example}, or unset the variable.",
    ),
    "setting_zero_or_more": Label(
        kk="{name}={value} баптауы жарамсыз: 0 немесе одан үлкен сан жазыңыз, мысалы {name}={example}, немесе айнымалыны алып тастаңыз.",
        ru="Настройка {name}={value} недопустима: укажите число 0 или больше, например {name}={example}, или удалите переменную.",
        en="The setting {name}={value} is not valid: give a number of 0 or more, for example {name}={example}, or unset the variable.",
    ),
    "crash": Label(
        kk="Ішкі қате ({error}).",
        ru="Внутренняя ошибка ({error}).",
        en="Internal error ({error}).",
    ),
    "crash_logged": Label(
        kk="Ішкі қате ({error}). Толығырақ: {log}",
        ru="Внутренняя ошибка ({error}). Подробности: {log}",
        en="Internal error ({error}). Details: {log}",
    ),
}
register(__name__, WORDS)
