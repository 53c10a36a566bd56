"""The code tables of DOMAIN.md. Codes are stable identifiers; labels may be improved freely."""

from __future__ import annotations

from dataclasses import dataclass

from aqyl.domain.classifiers.base import Code, CodeTable
from aqyl.domain.i18n import Label as L


def _table(name: str, title: L, rows: list[tuple[str, str, str, str] | tuple[str, str, str, str, tuple[str, ...]]]):
    return CodeTable(name, title, [Code(r[0], L(r[1], r[2], r[3]), r[4] if len(r) > 4 else ()) for r in rows])


HEI_TYPE = _table(
    "hei_type",
    L("ЖЖОКБҰ түрі", "Тип вуза", "HEI type"),
    [
        ("national", "Ұлттық", "Национальный", "National", ("ұлттық ЖОО", "национальный вуз")),
        ("state", "Мемлекеттік", "Государственный", "State", ("мемлекеттік ЖОО", "государственный вуз")),
        ("jsc", "Акционерлік қоғам (АҚ)", "Акционерное общество (АО)", "Joint-stock company (JSC)",
         ("АҚ", "АО", "акционерлік қоғам", "акционерное общество", "joint-stock company")),
        ("private", "Жекеменшік", "Частный", "Private", ("жекеменшік ЖОО", "частный вуз")),
        ("international", "Халықаралық", "Международный", "International", ("халықаралық ЖОО", "международный вуз")),
    ],
)

HEI_PROFILE = _table(
    "hei_profile",
    L("ЖОО бейіні", "Профиль вуза", "HEI profile"),
    [
        ("multidisciplinary", "Көпсалалы", "Многопрофильный", "Multidisciplinary"),
        ("medical", "Медициналық", "Медицинский", "Medical"),
        ("pedagogical", "Педагогикалық", "Педагогический", "Pedagogical"),
        ("technical", "Техникалық", "Технический", "Technical"),
        ("arts", "Өнер", "Искусство", "Arts"),
        ("agrarian", "Аграрлық", "Аграрный", "Agrarian"),
        ("economics_law", "Экономика және құқық", "Экономика и право", "Economics and law"),
        ("humanities", "Гуманитарлық", "Гуманитарный", "Humanities"),
        ("sport", "Спорт", "Спорт", "Sport"),
    ],
)

DIRECTION = _table(
    "direction",
    L("Ұтқырлық бағыты", "Направление мобильности", "Direction"),
    [
        ("outgoing", "Шығыс", "Исходящая", "Outgoing", ("out", "шетелге жіберу", "выезд", "исходящий")),
        ("incoming", "Кіріс", "Входящая", "Incoming", ("in", "шетелден шақыру", "въезд", "входящий")),
    ],
)

CATEGORY = _table(
    "category",
    L("Қатысушы санаты", "Категория участника", "Participant category"),
    [
        ("faculty", "Профессор-оқытушылар құрамы (ПОҚ)", "Профессорско-преподавательский состав (ППС)",
         "Teaching staff", ("ПОҚ", "ППС", "оқытушы", "преподаватель", "teaching staff")),
        ("researcher", "Ғылыми қызметкер", "Научный сотрудник", "Researcher", ("ғалым", "учёный")),
        ("staff", "Әкімшілік қызметкер", "Административный сотрудник", "Administrative staff", ("АҚҚ", "АУП")),
        ("student", "Білім алушы", "Обучающийся", "Student", ("студент", "студенттер", "обучающиеся")),
    ],
)

FORMAT = _table(
    "format",
    L("Өткізу форматы", "Формат", "Format"),
    [
        ("online", "Онлайн", "Онлайн", "Online", ("дистанционный", "қашықтықтан")),
        ("offline", "Офлайн", "Офлайн", "Offline", ("очный", "күндізгі", "in person")),
        ("blended", "Аралас", "Смешанный", "Blended", ("гибридный", "hybrid", "гибрид")),
    ],
)

DEGREE = _table(
    "degree",
    L("Ғылыми дәреже", "Учёная степень", "Academic degree"),
    [
        ("phd", "PhD докторы", "Доктор PhD", "PhD", ("PhD докторлары", "доктор философии (PhD)", "доктор философии")),
        ("doctor_of_sciences", "Ғылым докторы", "Доктор наук", "Doctor of Sciences",
         ("ғылым докторлары", "д.н.", "доктор наук (DSc)", "DSc")),
        ("candidate_of_sciences", "Ғылым кандидаты", "Кандидат наук", "Candidate of Sciences",
         ("ғылым кандидаттары", "к.н.")),
        ("master", "Магистр", "Магистр", "Master", ("магистрлер", "магистры", "master's")),
        ("none", "Ғылыми дәрежесіз", "Без степени", "No degree", ("жоқ", "нет", "no")),
    ],
)

STUDY_LEVEL = _table(
    "study_level",
    L("Оқу деңгейі", "Уровень обучения", "Study level"),
    [
        ("bachelor", "Бакалавриат", "Бакалавриат", "Bachelor's", ("бакалавр", "bachelor", "undergraduate")),
        ("master", "Магистратура", "Магистратура", "Master's", ("магистрант", "master")),
        ("doctoral", "Докторантура", "Докторантура", "Doctoral", ("докторант", "PhD student", "doctoral student")),
    ],
)


@dataclass(frozen=True)
class Field(Code):
    isced: str = ""  # ISCED-F 2013 broad field (or narrow, where KZ splits it)


def _pad_field_code(text: str) -> str:
    # Excel turns "04" into 4: a one-digit number is a field code that lost its leading zero.
    return f"0{text}" if text.isdigit() and len(text) == 1 else text


FIELD = CodeTable(
    "field",
    L("Білім беру саласы", "Область образования", "Field of education"),
    [
        Field(c, L(kk, ru, en), (), isced)
        for c, kk, ru, en, isced in [
            ("01", "Педагогикалық ғылымдар", "Педагогические науки", "Education", "01"),
            ("02", "Өнер және гуманитарлық ғылымдар", "Искусство и гуманитарные науки", "Arts and humanities", "02"),
            ("03", "Әлеуметтік ғылымдар, журналистика және ақпарат", "Социальные науки, журналистика и информация",
             "Social sciences, journalism and information", "03"),
            ("04", "Бизнес, басқару және құқық", "Бизнес, управление и право", "Business, administration and law", "04"),
            ("05", "Жаратылыстану ғылымдары, математика және статистика", "Естественные науки, математика и статистика",
             "Natural sciences, mathematics and statistics", "05"),
            ("06", "Ақпараттық-коммуникациялық технологиялар", "Информационно-коммуникационные технологии",
             "Information and communication technologies", "06"),
            ("07", "Инженерлік, өңдеу және құрылыс салалары", "Инженерные, обрабатывающие и строительные отрасли",
             "Engineering, manufacturing and construction", "07"),
            ("08", "Ауыл шаруашылығы және биоресурстар", "Сельское хозяйство и биоресурсы", "Agriculture and bioresources",
             "08 (081–083)"),
            ("09", "Ветеринария", "Ветеринария", "Veterinary", "08 (084)"),
            ("10", "Денсаулық сақтау", "Здравоохранение", "Health care", "09"),
            ("11", "Қызметтер", "Услуги", "Services", "10"),
            ("12", "Ұлттық қауіпсіздік және әскери іс", "Национальная безопасность и военное дело",
             "National security and military affairs", "10 (103)"),
        ]
    ],
    prepare=_pad_field_code,
)


@dataclass(frozen=True)
class Programme(Code):
    sponsor: L = L("", "", "")
    target_group: L = L("", "", "")
    level: str = "international"  # see PROGRAMME_LEVEL


PROGRAMME_LEVEL = _table(
    "programme_level",
    L("Бағдарлама деңгейі", "Уровень программы", "Programme level"),
    [
        ("institutional", "ЖОО аралық", "Межвузовский", "Inter-institutional"),
        ("national", "Ұлттық", "Национальный", "National"),
        ("international", "Халықаралық", "Международный", "International"),
    ],
)

_MINISTRY = L(
    "ҚР Ғылым және жоғары білім министрлігі",
    "Министерство науки и высшего образования РК",
    "Ministry of Science and Higher Education of Kazakhstan",
)
_US_STATE = L("АҚШ Мемлекеттік департаменті", "Государственный департамент США", "US Department of State")
_STAFF = L("ПОҚ және ғылыми қызметкерлер", "ППС и научные сотрудники", "Teaching and research staff")
_STUDENTS_STAFF = L("Білім алушылар және ПОҚ", "Обучающиеся и ППС", "Students and staff")

PROGRAMME = CodeTable(
    "programme",
    L("Бағдарлама", "Программа", "Programme"),
    [
        Programme("inter_university", L("ЖОО аралық келісім", "Межвузовское соглашение", "Inter-university agreement"),
                  ("ЖОО аралық келісімдер", "межвузовский договор", "меморандум"),
                  L("Серіктес ЖОО-лар", "Вузы-партнёры", "Partner HEIs"), _STUDENTS_STAFF, "institutional"),
        Programme("erasmus_plus", L("Erasmus+", "Erasmus+", "Erasmus+"), ("Эразмус+", "Erasmus", "Эразмус"),
                  L("Еуропалық Одақ", "Европейский союз", "European Union"), _STUDENTS_STAFF, "international"),
        Programme("daad", L("DAAD", "DAAD", "DAAD"), ("ДААД",),
                  L("Германия академиялық алмасу қызметі", "Германская служба академических обменов",
                    "German Academic Exchange Service"), _STUDENTS_STAFF, "international"),
        Programme("orhun", L("Орхун", "Орхун", "Orhun"), ("Orkhon", "Орхон"),
                  L("Түркі мемлекеттері ұйымы", "Организация тюркских государств", "Organization of Turkic States"),
                  _STUDENTS_STAFF, "international"),
        Programme("cintana", L("CINTANA Education альянсы", "Альянс CINTANA Education", "CINTANA Education alliance"),
                  ("CINTANA", "CINTANA Education"),
                  L("CINTANA Education (Аризона штаты университеті)", "CINTANA Education (Университет штата Аризона)",
                    "CINTANA Education (Arizona State University)"), _STUDENTS_STAFF, "international"),
        Programme("bolashak_500_scientists",
                  L("«Болашақ» 500 ғалым", "«Болашак» 500 учёных", "Bolashak 500 scientists"),
                  ("500 ғалым", "500 учёных", "Болашақ 500 қазақстандық ғалым"),
                  _MINISTRY, _STAFF, "national"),
        Programme("bolashak", L("«Болашақ» халықаралық стипендиясы", "Международная стипендия «Болашак»",
                                "Bolashak international scholarship"), ("Болашақ", "Болашак", "Bolashak"),
                  L("Қазақстан Республикасының Үкіметі", "Правительство Республики Казахстан",
                    "Government of Kazakhstan"), L("Білім алушылар мен мамандар", "Обучающиеся и специалисты",
                                                   "Students and professionals"), "national"),
        Programme("state_academic_mobility",
                  L("Мемлекеттік академиялық ұтқырлық бағдарламасы", "Государственная программа академической мобильности",
                    "State academic mobility programme"), ("академиялық ұтқырлық", "академическая мобильность"),
                  _MINISTRY, L("Білім алушылар", "Обучающиеся", "Students"), "national"),
        Programme("young_scientists_grant",
                  L("Жас ғалымдарды гранттық қаржыландыру", "Грантовое финансирование молодых учёных",
                    "Grant funding of young scientists"), ("жас ғалымдар", "молодые учёные"),
                  _MINISTRY, L("Жас ғалымдар", "Молодые учёные", "Young scientists"), "national"),
        Programme("fulbright", L("Фулбрайт", "Фулбрайт", "Fulbright"), (), _US_STATE, _STAFF, "international"),
        Programme("flex", L("FLEX", "FLEX", "FLEX"), ("ФЛЕКС",), _US_STATE,
                  L("Мектеп оқушылары", "Школьники", "Secondary-school pupils"), "international"),
        Programme("ugrad", L("Global UGRAD", "Global UGRAD", "Global UGRAD"), ("UGRAD",), _US_STATE,
                  L("Бакалавриат студенттері", "Студенты бакалавриата", "Undergraduate students"), "international"),
        Programme("muskie", L("Эдмунд Маски", "Эдмунд Маски", "Edmund Muskie"), ("Muskie", "Маски"), _US_STATE,
                  L("Магистранттар", "Магистранты", "Graduate students"), "international"),
        Programme("other", L("Басқа", "Другое", "Other"), ("басқа бағдарлама", "другая программа"),
                  L("—", "—", "—"), L("—", "—", "—"), "international"),
    ],
)

FUNDING = _table(
    "funding",
    L("Қаржыландыру көзі", "Источник финансирования", "Funding"),
    [
        ("state_budget", "Мемлекеттік бюджет", "Государственный бюджет", "State budget", ("бюджет", "budget")),
        ("bolashak", "«Болашақ» стипендиясы", "Стипендия «Болашак»", "Bolashak scholarship"),
        ("university", "ЖОО қаражаты", "Средства вуза", "University funds"),
        ("host", "Қабылдаушы тарап", "Принимающая сторона", "Host institution", ("host side",)),
        ("grant", "Грант", "Грант", "Grant", ("гранттық",)),
        ("own", "Өз қаражаты", "Собственные средства", "Own funds", ("өз есебінен", "за свой счёт", "self-funded")),
        ("other", "Басқа", "Другое", "Other"),
    ],
)

GENDER = _table(
    "gender",
    L("Жынысы", "Пол", "Gender"),
    [
        ("female", "Әйел", "Женский", "Female", ("F", "Ж", "әйел адам", "жен.", "woman")),
        ("male", "Ер", "Мужской", "Male", ("M", "М", "ер адам", "муж.", "man")),
    ],
)

REGION = _table(
    "region",
    L("Өңір", "Регион", "Region"),
    [
        ("astana", "Астана қаласы", "город Астана", "Astana (city)", ("Астана", "Нур-Султан")),
        ("almaty_city", "Алматы қаласы", "город Алматы", "Almaty (city)", ("Алматы", "Almaty")),
        ("shymkent", "Шымкент қаласы", "город Шымкент", "Shymkent (city)", ("Шымкент", "Shymkent")),
        ("abai", "Абай облысы", "Абайская область", "Abai Region"),
        ("akmola", "Ақмола облысы", "Акмолинская область", "Akmola Region"),
        ("aktobe", "Ақтөбе облысы", "Актюбинская область", "Aktobe Region"),
        ("almaty_region", "Алматы облысы", "Алматинская область", "Almaty Region"),
        ("atyrau", "Атырау облысы", "Атырауская область", "Atyrau Region"),
        ("east_kazakhstan", "Шығыс Қазақстан облысы", "Восточно-Казахстанская область", "East Kazakhstan Region"),
        ("zhambyl", "Жамбыл облысы", "Жамбылская область", "Zhambyl Region"),
        ("zhetysu", "Жетісу облысы", "область Жетысу", "Zhetysu Region", ("область Жетісу",)),
        ("west_kazakhstan", "Батыс Қазақстан облысы", "Западно-Казахстанская область", "West Kazakhstan Region"),
        ("karaganda", "Қарағанды облысы", "Карагандинская область", "Karaganda Region"),
        ("kostanay", "Қостанай облысы", "Костанайская область", "Kostanay Region"),
        ("kyzylorda", "Қызылорда облысы", "Кызылординская область", "Kyzylorda Region"),
        ("mangystau", "Маңғыстау облысы", "Мангистауская область", "Mangystau Region"),
        ("pavlodar", "Павлодар облысы", "Павлодарская область", "Pavlodar Region"),
        ("north_kazakhstan", "Солтүстік Қазақстан облысы", "Северо-Казахстанская область", "North Kazakhstan Region"),
        ("turkistan", "Түркістан облысы", "Туркестанская область", "Turkistan Region"),
        ("ulytau", "Ұлытау облысы", "область Улытау", "Ulytau Region", ("область Ұлытау",)),
    ],
)

# --- cohorts of scholarship holders (issue 6) -----------------------------------------------------
YES_NO = _table(
    "yes_no",
    L("Иә / жоқ", "Да / нет", "Yes / no"),
    [
        ("yes", "Иә", "Да", "Yes", ("1", "true", "иа", "ия", "y", "д")),
        ("no", "Жоқ", "Нет", "No", ("0", "false", "n", "н")),
    ],
)

EMPLOYMENT = _table(
    "employment",
    L("Жұмыспен қамтылуы", "Занятость", "Employment"),
    [
        ("science_education", "Ғылым және білім беру", "Наука и образование", "Science and education",
         ("ғылым", "білім беру", "наука", "образование", "academia")),
        ("public", "Мемлекеттік сектор", "Государственный сектор", "Public sector",
         ("мемлекеттік қызмет", "госслужба", "government")),
        ("business", "Бизнес (жеке сектор)", "Бизнес (частный сектор)", "Business (private sector)",
         ("бизнес", "жеке сектор", "частный сектор", "business", "private sector")),
        ("other", "Басқа", "Другое", "Other"),
        ("not_employed", "Жұмыс істемейді", "Не работает", "Not employed",
         ("жұмыссыз", "безработный", "unemployed")),
    ],
)

OBLIGATION = _table(
    "obligation",
    L("Жұмыс өтеу міндеттемесі", "Обязательство по отработке", "Work-off obligation"),
    [
        ("not_started", "Әлі басталмаған", "Ещё не начато", "Not started yet", ("оқуда", "учится", "studying", "не начато", "басталмаған", "not started")),
        ("serving", "Өтелуде", "Отрабатывается", "Being served", ("отработка", "өтеуде")),
        ("fulfilled", "Орындалды", "Выполнено", "Fulfilled", ("өтелді", "отработано", "выполнено полностью")),
        ("refunded", "Қаражат қайтарылды", "Средства возмещены", "Costs refunded", ("возмещено", "refunded")),
        ("breached", "Бұзылды", "Нарушено", "Breached", ("не выполнено", "орындалмады")),
        ("waived", "Босатылды", "Освобождён от отработки", "Waived", ("освобождён", "босатылған", "exempt")),
    ],
)
