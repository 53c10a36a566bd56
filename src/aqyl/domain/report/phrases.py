"""Every sentence pattern of the note in Kazakh, Russian and English, and the words they need.

Patterns take pre-formatted fields ({people} is already "382 адам" or "382 человека"). The terms are
the 2023 note's: ПОҚ / ППС for teaching staff, ЖЖОКБҰ / ОВПО for Kazakhstani organisations of higher
and (or) postgraduate education, each introduced once in the opening paragraph. Category names are
never quoted in running text: they are declined (the forms are data below, country names go through
``aqyl.domain.grammar``) or listed after a colon in the nominative. Abbreviated periods
("2022 ж. 1 жарт.") appear only inside brackets with their figures, as the 2023 note prints them.
``docs/phrasebook.md`` shows every pattern rendered on the demo (``tests/test_phrasebook.py``).
"""

from __future__ import annotations

from aqyl.domain.i18n import Label as L

# Plural forms by CLDR category; Kazakh nouns keep one form after numerals.
PEOPLE = {"kk": {"other": "адам"},
          "ru": {"one": "человек", "few": "человека", "many": "человек", "other": "человека"},
          "en": {"one": "person", "other": "people"}}
# Russian accusative after a transitive verb: "пригласили 21 человека", "пригласили 5 человек".
PEOPLE_ACC_RU = {"one": "человека", "few": "человека", "many": "человек", "other": "человека"}
COUNTRIES = {"kk": {"other": "ел"}, "ru": {"one": "страна", "few": "страны", "many": "стран", "other": "страны"},
             "en": {"one": "country", "other": "countries"}}
HALF_YEARS = {"kk": {"other": "жартыжылдықта"},
              "ru": {"one": "полугодие", "few": "полугодия", "many": "полугодий", "other": "полугодия"},
              "en": {"one": "half-year", "other": "half-years"}}
# "10 основных стран", "4 основные страны", "1 основная страна" (a chart's caption).
MAIN_COUNTRIES_RU = {"one": "основная страна", "few": "основные страны", "many": "основных стран",
                     "other": "основной страны"}
TIMES_RU = {"one": "раз", "few": "раза", "many": "раз", "other": "раза"}
# Russian verbs agreeing with a number of people ("выехал 21 человек", "выехали 22 человека") and
# with a number of ОВПО (организация: "пригласила 1 ОВПО").
WENT_RU = {"one": "выехал", "other": "выехали"}
TOOK_PART_RU = {"one": "участвовал", "other": "участвовали"}
INVITED_RU = {"one": "пригласила", "other": "пригласили"}
ADMITTED_RU = {"one": "приняла", "other": "приняли"}
SUBMITTED_RU = {"one": "представила", "other": "представили"}
QUOTES = {"kk": ("«", "»"), "ru": ("«", "»"), "en": ("“", "”")}
MONTHS = {
    "kk": ("қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан",
           "қараша", "желтоқсан"),
    "ru": ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
           "ноября", "декабря"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"),
}
# "Астана, 2026 жылғы 1 желтоқсан" / "Астана, 1 декабря 2026 года" / "Astana, 1 December 2026"
PLACE_DATE = L("{city}, {year} жылғы {day} {month}", "{city}, {day} {month} {year} года", "{city}, {day} {month} {year}")

# The note's title and how each category is named in it.
TITLE = {
    "faculty": L("Профессор-оқытушылар құрамының академиялық алмасуы бойынша аналитикалық анықтама",
                 "Аналитическая справка об академическом обмене профессорско-преподавательского состава",
                 "Analytical note on the academic exchange of teaching staff"),
    "researcher": L("Ғылыми қызметкерлердің академиялық алмасуы бойынша аналитикалық анықтама",
                    "Аналитическая справка об академическом обмене научных сотрудников",
                    "Analytical note on the academic exchange of researchers"),
    "staff": L("Әкімшілік қызметкерлердің академиялық алмасуы бойынша аналитикалық анықтама",
               "Аналитическая справка об академическом обмене административных сотрудников",
               "Analytical note on the academic exchange of administrative staff"),
    "student": L("Білім алушылардың академиялық ұтқырлығы бойынша аналитикалық анықтама",
                 "Аналитическая справка об академической мобильности обучающихся",
                 "Analytical note on the academic mobility of students"),
}

_FROM_ORG = {
    "kk": "жоғары және (немесе) жоғары оқу орнынан кейінгі білім беру бағдарламаларын іске асыратын "
          "қазақстандық білім беру ұйымдарына (бұдан әрі – ЖЖОКБҰ)",
    "ru": "казахстанские организации, реализующие образовательные программы высшего и (или) послевузовского "
          "образования (далее – ОВПО),",
}
# The opening paragraph: what the exchange is, introducing the terms used from then on.
INTRO = {
    "faculty": L(f"Профессор-оқытушылар құрамының (бұдан әрі – ПОҚ) академиялық алмасуы шетелдік ғалымдарды "
                 f"{_FROM_ORG['kk']} шақыру және қазақстандық ПОҚ-ны шетелдік жоғары оқу орындарына "
                 f"(бұдан әрі – ЖОО) жіберу арқылы жүзеге асырылады.",
                 f"Академический обмен профессорско-преподавательского состава (далее – ППС) осуществляется путём "
                 f"приглашения зарубежных учёных в {_FROM_ORG['ru']} и направления казахстанского ППС в зарубежные "
                 f"высшие учебные заведения (далее – вузы).",
                 "Academic exchange of teaching staff works both ways: foreign scholars are invited to Kazakhstani "
                 "organisations of higher and (or) postgraduate education (hereinafter HEIs), and Kazakhstani "
                 "teaching staff are sent to higher education institutions abroad."),
    "researcher": L(f"Ғылыми қызметкерлердің академиялық алмасуы шетелдік ғалымдарды {_FROM_ORG['kk']} шақыру "
                    f"және қазақстандық ғылыми қызметкерлерді шетелдік жоғары оқу орындарына (бұдан әрі – ЖОО) "
                    f"жіберу арқылы жүзеге асырылады.",
                    f"Академический обмен научных сотрудников осуществляется путём приглашения зарубежных учёных в "
                    f"{_FROM_ORG['ru']} и направления казахстанских научных сотрудников в зарубежные высшие учебные "
                    f"заведения (далее – вузы).",
                    "Academic exchange of researchers works both ways: foreign scholars are invited to Kazakhstani "
                    "organisations of higher and (or) postgraduate education (hereinafter HEIs), and Kazakhstani "
                    "researchers are sent to higher education institutions abroad."),
    "staff": L(f"Әкімшілік қызметкерлердің академиялық алмасуы шетелдік әріптестерді {_FROM_ORG['kk']} шақыру "
               f"және қазақстандық әкімшілік қызметкерлерді шетелдік жоғары оқу орындарына (бұдан әрі – ЖОО) "
               f"жіберу арқылы жүзеге асырылады.",
               f"Академический обмен административных сотрудников осуществляется путём приглашения зарубежных "
               f"коллег в {_FROM_ORG['ru']} и направления казахстанских административных сотрудников в зарубежные "
               f"высшие учебные заведения (далее – вузы).",
               "Academic exchange of administrative staff works both ways: foreign colleagues are invited to "
               "Kazakhstani organisations of higher and (or) postgraduate education (hereinafter HEIs), and "
               "Kazakhstani administrative staff are sent to higher education institutions abroad."),
    "student": L(f"Білім алушылардың академиялық ұтқырлығы шетелдік білім алушыларды {_FROM_ORG['kk']} оқуға "
                 f"қабылдау және қазақстандық білім алушыларды шетелдік жоғары оқу орындарына (бұдан әрі – ЖОО) "
                 f"оқуға жіберу арқылы жүзеге асырылады.",
                 f"Академическая мобильность обучающихся осуществляется путём приёма иностранных обучающихся в "
                 f"{_FROM_ORG['ru']} и направления казахстанских обучающихся на обучение в зарубежные высшие "
                 f"учебные заведения (далее – вузы).",
                 "Academic mobility of students works both ways: foreign students are admitted to Kazakhstani "
                 "organisations of higher and (or) postgraduate education (hereinafter HEIs), and Kazakhstani "
                 "students are sent to study at higher education institutions abroad."),
}

# Who took part, per category: the subject noun (kk), its genitive plural (ru) and the English noun;
# the counted noun after a number in Kazakh; the activity in the cases the sentences need.
SUBJECT = {
    "faculty": L("ПОҚ", "представителей ППС", "teaching staff"),
    "researcher": L("ғылыми қызметкерлер", "научных сотрудников", "researchers"),
    "staff": L("әкімшілік қызметкерлер", "административных сотрудников", "administrative staff"),
    "student": L("білім алушылар", "обучающихся", "students"),
}
COUNTED_KK = {"faculty": "ПОҚ", "researcher": "ғылыми қызметкер", "staff": "әкімшілік қызметкер",
              "student": "білім алушы"}
# kk dative ("алмасуға қатысқан"), ru prepositional ("участвовали в академическом обмене"), en noun.
ACTIVITY = {c: L("академиялық ұтқырлыққа", "в академической мобильности", "academic mobility") if c == "student"
            else L("академиялық алмасуға", "в академическом обмене", "academic exchange") for c in SUBJECT}
ACTIVITY_FOR_RU = {c: "в рамках академической мобильности" if c == "student" else "для академического обмена"
                   for c in SUBJECT}
# Staff are invited (шақырылды / приглашены), students admitted (қабылданды / приняты); staff go on
# exchange, students go to study. The fields every pattern may use (NoteWords.words).
VERBS: dict[str, dict[str, str]] = {
    "staff": {"kk_invited": "шақырылды", "kk_invited_by": "шақырған", "ru_invited_pl": "пригласили",
              "en_invited": "invited", "ru_on": "по обмену", "en_went": "went on exchange to",
              "activity_gen_ru": "академического обмена"},
    "student": {"kk_invited": "қабылданды", "kk_invited_by": "қабылдаған", "ru_invited_pl": "приняли",
                "en_invited": "admitted", "ru_on": "на обучение", "en_went": "went to study at",
                "activity_gen_ru": "академической мобильности"},
}
# Where the Kazakhstani participants went, in Kazakh: to {n} foreign HEIs, or abroad (no partner HEIs known).
KK_TRIP = {"staff": ("алмасу бойынша {n} шетелдік ЖОО-ға барды", "алмасу бойынша шетелге барды"),
           "student": ("{n} шетелдік ЖОО-ға оқуға барды", "шетелге оқуға барды")}
# How the programmes' sentence opens: the activity and its verb.
RAN = {"staff": L("Академиялық алмасу негізінен", "Академический обмен проходил главным образом",
                  "Academic exchange ran mainly"),
       "student": L("Білім алушылардың академиялық ұтқырлығы негізінен",
                    "Академическая мобильность обучающихся проходила главным образом",
                    "Academic mobility of students ran mainly")}
# Who went out and who came in: nominative (kk, ru, en) and the Russian genitive.
GROUP = {
    # ППС is a collective noun ("состав"): people are "представители ППС", never "казахстанские ППС".
    "faculty": (L("қазақстандық ПОҚ", "представители казахстанского ППС", "Kazakhstani teaching staff"),
                L("шетелдік ПОҚ", "представители зарубежного ППС", "foreign teaching staff")),
    "researcher": (L("қазақстандық ғылыми қызметкерлер", "казахстанские научные сотрудники", "Kazakhstani researchers"),
                   L("шетелдік ғылыми қызметкерлер", "зарубежные научные сотрудники", "foreign researchers")),
    "staff": (L("қазақстандық әкімшілік қызметкерлер", "казахстанские административные сотрудники",
                "Kazakhstani administrative staff"),
              L("шетелдік әкімшілік қызметкерлер", "зарубежные административные сотрудники",
                "foreign administrative staff")),
    "student": (L("қазақстандық білім алушылар", "казахстанские обучающиеся", "Kazakhstani students"),
                L("шетелдік білім алушылар", "иностранные обучающиеся", "foreign students")),
}
GROUP_GEN_RU = {
    "faculty": ("представителей казахстанского ППС", "представителей зарубежного ППС"),
    "researcher": ("казахстанских научных сотрудников", "зарубежных научных сотрудников"),
    "staff": ("казахстанских административных сотрудников", "зарубежных административных сотрудников"),
    "student": ("казахстанских обучающихся", "иностранных обучающихся"),
}
# HEI types: the adjective of a list item ("ұлттық – 41 адам") and the plural subject of a sentence.
HEI_TYPE_ITEM = {
    "national": L("ұлттық", "национальные", "national"),
    "state": L("мемлекеттік", "государственные", "state"),
    "jsc": L("АҚ", "АО", "joint-stock"),
    "private": L("жекеменшік", "частные", "private"),
    "international": L("халықаралық", "международные", "international"),
}
HEI_TYPE_PLURAL = {
    "national": L("ұлттық ЖЖОКБҰ", "национальные ОВПО", "national HEIs"),
    "state": L("мемлекеттік ЖЖОКБҰ", "государственные ОВПО", "state HEIs"),
    "jsc": L("АҚ нысанындағы ЖЖОКБҰ", "ОВПО в форме АО", "joint-stock HEIs"),
    "private": L("жекеменшік ЖЖОКБҰ", "частные ОВПО", "private HEIs"),
    "international": L("халықаралық ЖЖОКБҰ", "международные ОВПО", "international HEIs"),
}
# The format that prevailed, as the sentence names it.
FORMAT_NAME = {
    "online": L("онлайн", "онлайн-формат", "online"),
    "offline": L("офлайн", "офлайн-формат", "offline"),
    "blended": L("аралас", "смешанный формат", "blended"),
}
# Programmes whose label is a common noun, as running text names them (lower case, plural).
PROGRAMME_IN_TEXT = {
    "inter_university": L("ЖОО аралық келісімдер", "межвузовские соглашения", "inter-university agreements"),
}
# Degrees and levels of study as groups of people: nominative plural (kk, ru, en) and the genitive
# plural that "саны" / "число" / "доля" take.
LEVEL_PLURAL = {
    "phd": L("PhD докторлары", "доктора PhD", "PhD holders"),
    "doctor_of_sciences": L("ғылым докторлары", "доктора наук", "doctors of sciences"),
    "candidate_of_sciences": L("ғылым кандидаттары", "кандидаты наук", "candidates of sciences"),
    "master": L("магистрлер", "магистры", "holders of a master's degree"),
    "none": L("ғылыми дәрежесі жоқ қатысушылар", "лица без учёной степени", "participants without a degree"),
    "bachelor": L("бакалавриат студенттері", "студенты бакалавриата", "bachelor's students"),
    "master_level": L("магистранттар", "магистранты", "master's students"),
    "doctoral": L("докторанттар", "докторанты", "doctoral students"),
}
LEVEL_GENITIVE = {
    "phd": L("PhD докторларының", "докторов PhD", "PhD holders"),
    "doctor_of_sciences": L("ғылым докторларының", "докторов наук", "doctors of sciences"),
    "candidate_of_sciences": L("ғылым кандидаттарының", "кандидатов наук", "candidates of sciences"),
    "master": L("магистрлердің", "магистров", "holders of a master's degree"),
    "none": L("ғылыми дәрежесі жоқ қатысушылардың", "лиц без учёной степени", "participants without a degree"),
    "bachelor": L("бакалавриат студенттерінің", "студентов бакалавриата", "bachelor's students"),
    "master_level": L("магистранттардың", "магистрантов", "master's students"),
    "doctoral": L("докторанттардың", "докторантов", "doctoral students"),
}
NUMBER_WORDS_KK = {2: "екі", 3: "үш", 4: "төрт", 5: "бес", 6: "алты", 7: "жеті", 8: "сегіз", 9: "тоғыз", 10: "он"}
EN_TIMES = {2: "doubled", 3: "tripled", 4: "quadrupled"}

# Growth, worded by the one rule in growth.py. Fields: {n} (the whole number), {p} (a formatted percent).
GROWTH = {
    "times": L("{kk_n} есе өсті", "выросло в {n} {ru_times}", "{en_times}"),
    "nearly_times": L("{kk_n} есеге жуық өсті", "выросло почти в {n} {ru_times}", "nearly {en_times}"),
    "more_than_times": L("{kk_n} еседен астам өсті", "выросло более чем в {n} {ru_times}", "more than {en_times}"),
    "times_down": L("{kk_n} есе азайды", "сократилось в {n} {ru_times}", "fell {n}-fold"),
    "nearly_times_down": L("{kk_n} есеге жуық азайды", "сократилось почти в {n} {ru_times}", "fell nearly {n}-fold"),
    "more_than_times_down": L("{kk_n} еседен астам азайды", "сократилось более чем в {n} {ru_times}",
                              "fell more than {n}-fold"),
    "up_percent": L("{p}-ға өсті", "выросло на {p}", "grew by {p}"),
    "down_percent": L("{p}-ға азайды", "сократилось на {p}", "fell by {p}"),
    "same": L("өзгерген жоқ", "не изменилось", "did not change"),
    "new": L("нөлден өсті", "выросло с нуля", "grew from zero"),
    "gone": L("нөлге дейін азайды", "сократилось до нуля", "fell to zero"),
}
# A group's share between two periods (regions.diagnosis), as a table cell and in a sentence.
SHARE_STATE = {
    "steady": L("елеулі өзгеріс жоқ", "без существенных изменений", "no marked change"),
    "gains": L("өсу", "рост", "up"),
    "loses": L("азаю", "снижение", "down"),
    "new": L("жаңа топ", "новая группа", "new"),
}

T = {
    # title page
    "period": L("Кезең: {x}", "Период: {x}", "Period: {x}"),
    "compare": L("Салыстыру кезеңі: {x}", "Период сравнения: {x}", "Compared with: {x}"),
    "no_compare": L("Салыстыру кезеңі ({x}) бойынша деректер жоқ", "Данных за период сравнения ({x}) нет",
                    "No records for the comparison period ({x})"),
    "filters": L("Сүзгі: {x}", "Фильтр: {x}", "Filter: {x}"),
    "footer": L("Академиялық алмасу бойынша аналитикалық анықтама, {x}", "Аналитическая справка об академическом обмене, {x}",
                "Analytical note on academic exchange, {x}"),
    "footer_mobility": L("Академиялық ұтқырлық бойынша аналитикалық анықтама, {x}",
                         "Аналитическая справка об академической мобильности, {x}", "Analytical note on academic mobility, {x}"),
    "estimate": L("{mark} Бағаланған мән: {x}.", "{mark} Оценочные данные: {x}.", "{mark} Estimated: {x}."),
    # headings
    "h_totals": L("Жалпы көрсеткіштер", "Общие показатели", "Totals"),
    "h_hei_type": L("ЖЖОКБҰ түрлері бойынша", "По типам ОВПО", "By type of HEI"),
    "h_format": L("Алмасу форматы", "Формат обмена", "Format of exchange"),
    "h_format_mobility": L("Академиялық ұтқырлық форматы", "Формат академической мобильности", "Format of mobility"),
    "h_country": L("Елдер бойынша", "По странам", "By country"),
    "h_degree": L("Сапалық құрамы", "Качественный состав", "Academic degrees"),
    "h_study_level": L("Оқу деңгейлері бойынша", "По уровням обучения", "By level of study"),
    "h_field": L("Білім беру салалары бойынша", "По областям образования", "By field of education"),
    "h_programme": L("Бағдарламалар бойынша", "По программам", "By programme"),
    "h_regions": L("Әлем өңірлері бойынша", "По регионам мира", "By world region"),
    "h_least": L("{Activity} ең аз қатысқан ЖЖОКБҰ түрлері мен білім беру салалары",
                 "Наименее представленные типы ОВПО и области образования",
                 "The least represented types of HEI and fields"),
    "h_trend": L("Соңғы жартыжылдықтардағы серпін", "Динамика за последние полугодия", "Trend over recent half-years"),
    "h_conclusions": L("Қорытынды", "Выводы", "Conclusions"),
    "h_benefits": L("Академиялық алмасудың ЖЖОКБҰ үшін маңызы", "Значение академического обмена для ОВПО",
                    "What academic exchange gives HEIs"),
    "h_benefits_mobility": L("Академиялық ұтқырлықтың ЖЖОКБҰ үшін маңызы", "Значение академической мобильности для ОВПО",
                             "What academic mobility gives HEIs"),
    "h_recommendations": L("Ұсыныстар", "Рекомендации", "Recommendations"),
    "placeholder": L("[Бұл бөлімнің мәтінін талдаушы әлі жазған жоқ.]", "[Текст этого раздела аналитик ещё не написал.]",
                     "[The analyst has not written this section yet.]"),
    "h_appendix": L("{n}-қосымша. {x}", "Приложение {n}. {x}", "Appendix {n}. {x}"),
    # totals and coverage
    "coverage": L("{label} бойынша деректерді {submitted} ЖЖОКБҰ ұсынды (тізілімде – {registered} ЖЖОКБҰ).",
                  "Данные за {label} {ru_submitted} {submitted} ОВПО (в реестре – {registered} ОВПО).",
                  "{submitted} of the {registered} registered HEIs submitted data for {label}."),
    "coverage_all": L("{label} бойынша деректерді тізілімдегі барлық {registered} ЖЖОКБҰ ұсынды.",
                      "Данные за {label} представили все {registered} ОВПО, включённые в реестр.",
                      "All {registered} registered HEIs submitted data for {label}."),
    "coverage_none": L("{label} бойынша бірде-бір ЖЖОКБҰ деректер ұсынбады (тізілімде – {registered} ЖЖОКБҰ).",
                       "Данные за {label} не представила ни одна ОВПО (в реестре – {registered} ОВПО).",
                       "None of the {registered} registered HEIs submitted data for {label}."),
    "coverage_appendix": L("Деректер ұсынбаған ЖЖОКБҰ тізімі {n}-қосымшада келтірілген.",
                           "Перечень ОВПО, не представивших данные, приведён в приложении {n}.",
                           "Appendix {n} lists the HEIs that did not submit."),
    "in_total": L("{when} {activity} {foreign_heis} шетелдік ЖОО-дан {counted} қатысып, олар {kz_heis} "
                  "қазақстандық ЖЖОКБҰ-ға {kk_invited}.",
                  "{When} {kz_heis} ОВПО {ru_invited} {ru_activity_for} {people_acc} из {foreign_heis} {ru_foreign_from}.",
                  "{When}, {kz_heis} Kazakhstani {en_heis_k} {en_invited} {people} from {foreign_heis} foreign {en_heis_f} "
                  "for {activity}."),
    "in_total_no_partners": L("{when} {activity} шетелден {counted} қатысып, олар {kz_heis} "
                              "қазақстандық ЖЖОКБҰ-ға {kk_invited}.",
                              "{When} {kz_heis} ОВПО {ru_invited} {ru_activity_for} {people_acc} из-за рубежа.",
                              "{When}, {kz_heis} Kazakhstani {en_heis_k} {en_invited} {people} from abroad for {activity}."),
    "out_total": L("Сондай-ақ {kz_heis} қазақстандық ЖЖОКБҰ-дан {counted} {kk_trip}.",
                   "Кроме того, {people} из {kz_heis} ОВПО {ru_went} {ru_on} в {foreign_heis} {ru_foreign_to}.",
                   "{People} from {kz_heis} Kazakhstani {en_heis_k} {en_went} {foreign_heis} foreign "
                   "{en_heis_f}."),
    "out_total_no_partners": L("Сондай-ақ {kz_heis} қазақстандық ЖЖОКБҰ-дан {counted} {kk_trip}.",
                               "Кроме того, {people} из {kz_heis} ОВПО {ru_went} {ru_on} за рубеж.",
                               "{People} from {kz_heis} Kazakhstani {en_heis_k} {en_went} HEIs abroad."),
    "none_direction": L("{when} {group} бойынша мәліметтер ұсынылған жоқ.",
                        "{When} сведения об участии {group_gen} {activity} не представлены.",
                        "{When}, no records of {group} were submitted."),
    "growth_total": L("{versus} {when} {activity} қатысқан {subject} саны {growth} ({prev_short} – {prev}, "
                      "{cur_short} – {cur}).",
                      "{Versus} {when} число {subject}, участвовавших {activity}, {growth} ({prev_short} – {prev}, "
                      "{cur_short} – {cur}).",
                      "{Versus}, the number of {subject} taking part in {activity} {growth} ({prev_short}: {prev}; "
                      "{cur_short}: {cur})."),
    "growth_split": L("Оның ішінде {group_out} саны {g_out} ({prev_short} – {out_prev}, {cur_short} – {out_cur}), "
                      "ал {group_in} саны {g_in} ({prev_short} – {in_prev}, {cur_short} – {in_cur}).",
                      "В том числе число {group_out} {g_out} ({prev_short} – {out_prev}, {cur_short} – {out_cur}), "
                      "а число {group_in} {g_in} ({prev_short} – {in_prev}, {cur_short} – {in_cur}).",
                      "The number of {group_out} {g_out} ({prev_short}: {out_prev}; {cur_short}: {out_cur}) and the "
                      "number of {group_in} {g_in} ({prev_short}: {in_prev}; {cur_short}: {in_cur})."),
    "compare_missing": L("Салыстыру кезеңі ({x}) бойынша деректер жоқ, сондықтан өсім есептелмеді.",
                         "Данных за период сравнения ({x}) нет, поэтому динамика не рассчитана.",
                         "There are no records for the comparison period ({x}), so no change is computed."),
    # HEI types
    "hei_type_lead": L("{Activity} қатысқан {group} саны ЖЖОКБҰ түрлері бөлінісінде ({appendix}-қосымша):",
                       "Число {group_gen}, участвовавших {activity}, в разрезе типов ОВПО (приложение {appendix}):",
                       "{Group} by type of HEI (Appendix {appendix}):"),
    "count_share": L("{label} – {people} ({share})", "{label} – {people} ({share})", "{label}: {people} ({share})"),
    "hei_type_leader_out": L("{when} шетелге ең көп {kk_one} жіберген – {leader} ({people}).",
                             "{When} больше всего {group_gen} направили за рубеж {leader} ({people}).",
                             "{When}, {leader} sent the most {group} abroad ({people})."),
    "hei_type_leader_in": L("{when} ең көп шетелдік {kk_one} {kk_invited_by} – {leader} ({people}).",
                            "{When} больше всего {group_gen} {ru_invited_pl} {leader} ({people}).",
                            "{When}, {leader} {en_invited} the most {group} ({people})."),
    "leader_same": L("{prev_when} да олар бірінші орында болды ({people}).",
                     "{Prev_when} они также лидировали ({people}).",
                     "{Prev_when}, they also led ({people})."),
    "leader_other": L("{prev_when} бірінші орында {leader} болды ({people}).",
                      "{Prev_when} лидировали {leader} ({people}).",
                      "{Prev_when}, {leader} led ({people})."),
    "chart_hei_type": L("{n}-диаграмма. {Group} ЖЖОКБҰ түрлері бойынша, адам",
                        "Диаграмма {n}. {Group} по типам ОВПО, человек",
                        "Chart {n}. {Group} by type of HEI, people"),
    # formats
    "format_lead": L("{Group} {activity} мынадай форматтарда қатысты:", "{Group} участвовали {activity} в следующих форматах:",
                     "{Group} took part in the following formats:"),
    "format_both": L("Екі бағытта да {label} формат басым болды.", "В обоих направлениях преобладал {label}.",
                     "The {label} format prevailed in both directions."),
    "format_each": L("{Group_out} арасында {out} формат, {group_in} арасында {in_} формат басым болды.",
                     "Среди {group_out} преобладал {out}, среди {group_in} – {in_}.",
                     "The {out} format prevailed among {group_out} and the {in_} format among {group_in}."),
    # countries
    "table_country": L("{n}-кесте. {Group} елдер бойынша", "Таблица {n}. {Group} по странам", "Table {n}. {Group} by country"),
    "country_top_out": L("{table}-кестеде көрсетілгендей, {when} {group} ең жиі {list} барды.",
                         "Как видно из таблицы {table}, {when} {group} чаще всего выезжали {list}.",
                         "As Table {table} shows, {when} {group} went most often to {list}."),
    "country_top_in": L("{table}-кестеге сәйкес, {when} {group} ең көп {list} келді.",
                        "Согласно таблице {table}, {when} больше всего {group_gen} прибыло {list}.",
                        "According to Table {table}, {when} most {group} came from {list}."),
    "country_leader_same": L("{prev_when} да {country} көшбасшы болды ({people}).",
                             "{Prev_when} лидировала та же страна – {country} ({people}).",
                             "The leading country is the same as {prev_when}: {country} ({people})."),
    "country_leader_other": L("{prev_when} {country} көшбасшы болды ({people}).",
                              "{Prev_when} лидировала другая страна – {country} ({people}).",
                              "{Prev_when}, the leading country was {country} ({people})."),
    "country_single_out": L("Бір ғана адам барған елдер: {list}.", "Страны, куда выехало по одному человеку: {list}.",
                            "Countries to which a single person went: {list}."),
    "country_single_in": L("Бір ғана адам келген елдер: {list}.", "Страны, откуда прибыло по одному человеку: {list}.",
                           "Countries from which a single person came: {list}."),
    "col_no": L("№", "№", "No."),
    "col_country": L("Ел", "Страна", "Country"),
    "col_people": L("Адам саны", "Число участников", "People"),
    "col_share": L("Үлесі", "Доля", "Share"),
    "total": L("Барлығы", "Итого", "Total"),
    "table_country_sets": L("{n}-кесте. {Activity} қатысқан елдер ({prev}, {cur})",
                            "Таблица {n}. Страны – участницы {activity_gen_ru} ({prev}, {cur})",
                            "Table {n}. Countries taking part in {activity} ({prev}, {cur})"),
    "country_sets": L("{table}-кестеде екі кезеңнің серіктес елдері салыстырылған ({prev_short} – {prev}, {cur_short} – {cur}).",
                      "В таблице {table} сравниваются страны-партнёры двух периодов ({prev_short} – {prev}, "
                      "{cur_short} – {cur}).",
                      "Table {table} sets the partner countries of the two periods side by side: {prev_short}: {prev}; "
                      "{cur_short}: {cur}."),
    "country_new": L("Жаңадан қосылған елдер ({n}): {list}.", "Страны, вошедшие в список ({n}): {list}.", "New countries ({n}): {list}."),
    "country_dropped": L("Тізімнен шыққан елдер ({n}): {list}.", "Страны, выбывшие из списка ({n}): {list}.",
                         "Countries no longer on the list ({n}): {list}."),
    # degrees, study levels, fields
    "table_degree": L("{n}-кесте. {Group}: сапалық құрамы", "Таблица {n}. {Group}: качественный состав",
                      "Table {n}. {Group}: academic degrees"),
    "table_study_level": L("{n}-кесте. {Group}: оқу деңгейлері", "Таблица {n}. {Group}: уровни обучения",
                           "Table {n}. {Group}: levels of study"),
    "col_degree": L("Ғылыми (академиялық) дәрежесі", "Учёная (академическая) степень", "Degree"),
    "col_study_level": L("Оқу деңгейі", "Уровень обучения", "Level of study"),
    "largest_group": L("{Group} арасында {label} басым ({people}, {share}).",
                       "Среди {group_gen} преобладают {label} ({people}, {share}).",
                       "Among {group}, {label} are the largest group ({people}, {share})."),
    "share_higher": L("{Group} арасында мына топтардың үлесі жоғарырақ: {list}.",
                      "Среди {group_gen} выше доля следующих групп: {list}.",
                      "Among {group}, the share is higher for {list}."),
    "share_pair": L("{label} ({share}; {other_group} арасында – {other})", "{label} ({share}; среди {other_group} – {other})",
                    "{label} ({share}; among {other_group}, {other})"),
    "growth_lead": L("{Versus} {group} арасында:", "{Versus} среди {group_gen}:", "{Versus}, among {group}:"),
    "growth_item": L("{label} саны {growth} ({prev_short} – {prev}, {cur_short} – {cur})",
                     "число {label} {growth} ({prev_short} – {prev}, {cur_short} – {cur})",
                     "the number of {label} {growth} ({prev_short}: {prev}; {cur_short}: {cur})"),
    "table_field": L("{n}-кесте. {Group}: білім беру салалары", "Таблица {n}. {Group} по областям образования",
                     "Table {n}. {Group} by field of education"),
    "col_field": L("Білім беру саласы", "Область образования", "Field of education"),
    "field_top": L("{Group} арасында ең танымал білім беру салалары: {list}.",
                   "Среди {group_gen} наиболее представлены области образования: {list}.",
                   "Among {group}, the most popular fields are {list}."),
    "field_zero": L("Мына білім беру салаларында {group} болған жоқ: {list}.",
                    "В следующих областях образования {group_gen} не было: {list}.",
                    "{Group} were not represented in {list}."),
    "label_people_share": L("{label} ({people}, {share})", "{label} ({people}, {share})", "{label} ({people}, {share})"),
    "label_people": L("{label} ({people})", "{label} ({people})", "{label} ({people})"),
    # programmes
    "table_programme": L("{n}-кесте. Бағдарламалар бойынша қатысушылар", "Таблица {n}. Участники по программам",
                         "Table {n}. Participants by programme"),
    "col_programme": L("Бағдарлама", "Программа", "Programme"),
    "col_outgoing": L("Қазақстандық қатысушылар", "Казахстанские участники", "Kazakhstani participants"),
    "col_incoming": L("Шетелдік қатысушылар", "Зарубежные участники", "Foreign participants"),
    "programme_top": L("{ran} мына бағдарламалар мен келісімдер шеңберінде өтті: {list}.",
                       "{ran} в рамках следующих программ и соглашений: {list}.",
                       "{ran} under {list}."),
    # regions of the world
    "regions_top_out": L("{Group} ең көп {region} барды ({people}, {share}), оның ішінде {list}.",
                         "{Group} чаще всего выезжали {region} ({people}, {share}), в том числе {list}.",
                         "{Group} went most often to {region} ({people}, {share}), including {list}."),
    "regions_top_in": L("{Group} ең көп {region} келді ({people}, {share}), оның ішінде {list}.",
                        "Больше всего {group_gen} прибыло {region} ({people}, {share}), в том числе {list}.",
                        "Most {group} came from {region} ({people}, {share}), including {list}."),
    "regions_other": L("{Region} – {people}, оның ішінде {list}.", "{Region} – {people}, в том числе {list}.",
                       "{Region}: {people}, including {list}."),
    "regions_leader_same": L("{prev_when} да осы өңірде {country} көшбасшы болды ({people}).",
                             "Страна-лидер в регионе – та же, что и {prev_when}: {country} ({people}).",
                             "{Country} also led the region {prev_when} ({people})."),
    "regions_other_one": L("{Region} – {people}.", "{Region} – {people}.", "{Region}: {people}."),
    "regions_steady": L("{Group} арасында ТМД елдерінің үлесі ({prev_short} – {cis_prev}, {cur_short} – {cis_cur}) "
                        "және алыс шет елдердің үлесі ({prev_short} – {far_prev}, {cur_short} – {far_cur}) "
                        "айтарлықтай өзгерген жоқ.",
                        "Среди {group_gen} доля стран СНГ ({prev_short} – {cis_prev}, {cur_short} – {cis_cur}) и доля "
                        "дальнего зарубежья ({prev_short} – {far_prev}, {cur_short} – {far_cur}) существенно не "
                        "изменились.",
                        "Among {group}, the shares of the CIS countries ({prev_short}: {cis_prev}; {cur_short}: {cis_cur}) "
                        "and of the far abroad ({prev_short}: {far_prev}; {cur_short}: {far_cur}) did not change "
                        "significantly."),
    "regions_cis_gains": L("{Group} арасында ТМД елдерінің үлесі өсті ({prev_short} – {cis_prev}, {cur_short} – {cis_cur}), "
                           "ал алыс шет елдердің үлесі азайды ({prev_short} – {far_prev}, {cur_short} – {far_cur}).",
                           "Среди {group_gen} доля стран СНГ выросла ({prev_short} – {cis_prev}, {cur_short} – {cis_cur}), "
                           "а доля дальнего зарубежья снизилась ({prev_short} – {far_prev}, {cur_short} – {far_cur}).",
                           "Among {group}, the share of the CIS countries rose ({prev_short}: {cis_prev}; {cur_short}: "
                           "{cis_cur}) and the share of the far abroad fell ({prev_short}: {far_prev}; {cur_short}: "
                           "{far_cur})."),
    "regions_far_gains": L("{Group} арасында алыс шет елдердің үлесі өсті ({prev_short} – {far_prev}, {cur_short} – "
                           "{far_cur}), ал ТМД елдерінің үлесі азайды ({prev_short} – {cis_prev}, {cur_short} – {cis_cur}).",
                           "Среди {group_gen} доля дальнего зарубежья выросла ({prev_short} – {far_prev}, {cur_short} – "
                           "{far_cur}), а доля стран СНГ снизилась ({prev_short} – {cis_prev}, {cur_short} – {cis_cur}).",
                           "Among {group}, the share of the far abroad rose ({prev_short}: {far_prev}; {cur_short}: "
                           "{far_cur}) and the share of the CIS countries fell ({prev_short}: {cis_prev}; {cur_short}: "
                           "{cis_cur})."),
    "share_rule": L("Үлестің өсуі, азаюы немесе жоғарырақ болуы үлестердің айырмашылығы кемінде {band} пайыздық тармақ "
                    "болғанда ғана көрсетіледі; одан аз айырмашылық елеулі емес деп саналады.",
                    "Рост, снижение или более высокая доля указываются, только если разница долей составляет не менее "
                    "{band}; меньшая разница считается несущественной.",
                    "A rise, a fall or a higher share is stated only when the shares differ by at least {band} percentage "
                    "points; a smaller difference is no marked change."),
    "regions_far": L("Алыс шетел – ТМД елдерінен басқа барлық елдер.", "Дальнее зарубежье – все страны, кроме стран СНГ.",
                     "The far abroad is every country outside the CIS."),
    "table_regions": L("{n}-кесте. {Group} әлем өңірлері бойынша", "Таблица {n}. {Group} по регионам мира",
                       "Table {n}. {Group} by world region"),
    "col_region": L("Өңір", "Регион", "Region"),
    "col_share_change": L("Үлестің өзгеруі", "Изменение доли", "Change of share"),
    "far_abroad_total": L("Алыс шетел, барлығы", "Дальнее зарубежье, всего", "Far abroad, total"),
    # least active
    "least_type_out": L("Шетелге ең аз {kk_one} жіберген – {label} ({people}).",
                        "Меньше всего {group_gen} направили за рубеж {label} ({people}).",
                        "{Label} sent the fewest {group} abroad ({people})."),
    "least_type_in": L("Ең аз шетелдік {kk_one} {kk_invited_by} – {label} ({people}).",
                       "Меньше всего {group_gen} {ru_invited_pl} {label} ({people}).",
                       "{Label} {en_invited} the fewest {group} ({people})."),
    "least_fields": L("{Group} ең аз қатысқан білім беру салалары: {list}.",
                      "Среди {group_gen} наименее представлены области образования: {list}.",
                      "The fields with the fewest {group}: {list}."),
    "least_field": L("{Group} ең аз қатысқан білім беру саласы: {list}.",
                     "Среди {group_gen} наименее представлена область образования: {list}.",
                     "The field with the fewest {group}: {list}."),
    # trend
    "table_trend": L("{n}-кесте. {Activity} қатысқан {subject} саны жартыжылдықтар бойынша",
                     "Таблица {n}. Число {subject}, участвовавших {activity}, по полугодиям",
                     "Table {n}. {Subject} taking part in {activity} by half-year"),
    "chart_trend": L("{n}-диаграмма. {Activity} қатысқан {subject} саны жартыжылдықтар бойынша, адам",
                     "Диаграмма {n}. Число {subject}, участвовавших {activity}, по полугодиям, человек",
                     "Chart {n}. {Subject} taking part in {activity} by half-year, people"),
    "col_period": L("Кезең", "Период", "Period"),
    "trend_peak": L("Соңғы {k} жартыжылдықта {activity} қатысқан {subject} саны ең көп {when} болды ({people}).",
                    "За последние {k} {halves} больше всего {subject} участвовало {activity} {when} ({people}).",
                    "Over the last {k} half-years, the number of {subject} taking part in {activity} was highest "
                    "{when} ({people})."),
    "trend_gaps": L("Мына кезеңдер бойынша деректер жоқ: {list}.", "Нет данных за следующие периоды: {list}.",
                    "There are no records for {list}."),
    # conclusions
    "c_total": L("{when} {activity} барлығы {people} қатысты: {group_out} – {out}, {group_in} – {in_}.",
                 "{When} {activity} {ru_took_part} в общей сложности {people}: {group_out} – {out}, {group_in} – {in_}.",
                 "{When}, {people} took part in {activity} in all: {out} {group_out} and {in_} {group_in}."),
    "c_growth": L("{versus} {activity} қатысқан {subject} саны {growth}.",
                  "{Versus} число {subject}, участвовавших {activity}, {growth}.",
                  "{Versus}, the number of {subject} taking part in {activity} {growth}."),
    "c_hei_type": L("Шетелге ең көп {kk_one} жіберген – {out}; ең көп шетелдік {kk_one} {kk_invited_by} – {in_}.",
                    "Больше всего {group_out} направили за рубеж {out}; больше всего {group_in} {ru_invited_pl} {in_}.",
                    "{Out} sent the most {group_out} abroad and {in_} {en_invited} the most {group_in}."),
    "c_countries": L("Негізгі серіктес елдер: шетелге шығуда – {out}; шетелден келуде – {in_}.",
                     "Основные страны-партнёры: для выезжающих – {out}; для приезжающих – {in_}.",
                     "The main partner countries were {out} for outgoing and {in_} for incoming exchange."),
    "c_countries_same": L("Екі бағытта да негізгі серіктес елдер – {out}.",
                          "В обоих направлениях основные страны-партнёры – {out}.",
                          "The main partner countries were {out} in both directions."),
    "c_regions_steady": L("Мониторинг нәтижелері бойынша ТМД елдерімен өзара іс-қимыл тұрақты, ал алыс шет елдердің "
                          "үлесі айтарлықтай өспей отыр.",
                          "По итогам мониторинга взаимодействие со странами СНГ остаётся устойчивым, а доля дальнего "
                          "зарубежья существенно не растёт.",
                          "Monitoring shows stable ties with the CIS countries, while the share of the far abroad is "
                          "not growing significantly."),
    "c_regions_cis": L("Мониторинг нәтижелері бойынша екі бағытта да ТМД елдерінің үлесі өсті.",
                       "По итогам мониторинга доля стран СНГ выросла в обоих направлениях.",
                       "Monitoring shows the share of the CIS countries rising in both directions."),
    "c_regions_mixed": L("Мониторинг нәтижелері бойынша {first}, ал {second}.", "По итогам мониторинга {first}, а {second}.",
                         "Monitoring shows that {first}, while {second}."),
    "cr_cis": L("{group} арасында ТМД елдерінің үлесі өсті", "среди {group_gen} доля стран СНГ выросла",
                "among {group} the share of the CIS countries rose"),
    "cr_far": L("{group} арасында алыс шет елдердің үлесі өсті", "среди {group_gen} доля дальнего зарубежья выросла",
                "among {group} the share of the far abroad rose"),
    "cr_steady": L("{group} арасында ТМД елдері мен алыс шет елдердің үлесі айтарлықтай өзгерген жоқ",
                   "среди {group_gen} доли стран СНГ и дальнего зарубежья существенно не изменились",
                   "among {group} the shares of the CIS countries and of the far abroad did not change significantly"),
    "c_regions_far": L("Мониторинг нәтижелері бойынша екі бағытта да алыс шет елдердің үлесі өсті.",
                       "По итогам мониторинга доля дальнего зарубежья выросла в обоих направлениях.",
                       "Monitoring shows the share of the far abroad rising in both directions."),
    "c_format": L("Екі бағытта да қатысушылардың басым бөлігі {label} форматты таңдады: {group_out} арасында – {out}, "
                  "{group_in} арасында – {in_}.",
                  "В обоих направлениях большинство участников выбрали {label}: среди {group_out} – {out}, "
                  "среди {group_in} – {in_}.",
                  "In both directions most participants took part {label}: {out} of {group_out} and {in_} of {group_in}."),
    "c_programmes": L("Негізгі бағдарламалар мен келісімдер – {first} және {second}.",
                      "Основные программы и соглашения – {first} и {second}.",
                      "The main programmes and agreements were {first} and {second}."),
    "c_programmes_rest": L("; қалған бағдарламалардың жиынтық үлесі – {share}.", "; на остальные программы вместе "
                           "приходится {share}.", "; the other programmes together account for {share}."),
    "c_regions_ties": L("Екі бағытта да ТМД елдерінің үлесі алыс шет елдердің үлесінен жоғары: {group_out} арасында – "
                        "{cis_out} (алыс шетел – {far_out}), {group_in} арасында – {cis_in} (алыс шетел – {far_in}). "
                        "Бұл ЖЖОКБҰ-ның ТМД елдерімен байланысы берік екенін көрсетеді.",
                        "В обоих направлениях доля стран СНГ выше доли дальнего зарубежья: среди {group_out} – "
                        "{cis_out} (дальнее зарубежье – {far_out}), среди {group_in} – {cis_in} (дальнее зарубежье – "
                        "{far_in}). Это свидетельствует о прочных связях ОВПО со странами СНГ.",
                        "In both directions the share of the CIS countries is higher than that of the far abroad: "
                        "{cis_out} against {far_out} among {group_out}, {cis_in} against {far_in} among {group_in}. "
                        "This shows strong ties between HEIs and the CIS countries."),
    "c_regions_limit": L("Алайда алыс шет елдердің (Еуропа, Америка, Азия және басқа өңірлер) үлесі екі бағытта да айтарлықтай өскен жоқ, "
                         "бұл ЖЖОКБҰ-ның интернационалдандыру деңгейінің артуын тежейді.",
                         "Однако доля дальнего зарубежья (Европа, Америка, Азия и другие регионы) ни в одном из направлений существенно "
                         "не выросла, что сдерживает рост интернационализации ОВПО.",
                         "However, the share of the far abroad (Europe, America, Asia and other regions) did not grow significantly in "
                         "either direction, which holds back the internationalisation of HEIs."),
    "c_fields": L("Ең танымал білім беру салалары: {group_out} арасында – {out}; {group_in} арасында – {in_}.",
                  "Наиболее популярные области образования: среди {group_out} – {out}; среди {group_in} – {in_}.",
                  "The most popular fields were {out} among {group_out} and {in_} among {group_in}."),
    "appendix_title": L("{Group} саны ЖЖОКБҰ бөлінісінде", "Число {group_gen} в разрезе ОВПО", "{Group} by HEI"),
    "appendix_missing": L("{label} бойынша деректер ұсынбаған ЖЖОКБҰ", "ОВПО, не представившие данные за {label}",
                          "HEIs that submitted no data for {label}"),
    "col_hei": L("ЖЖОКБҰ атауы", "Наименование ОВПО", "HEI"),
    "col_hei_type": L("Түрі", "Тип", "Type"),
    "and": L("және", "и", "and"),
    "no_records": L("Деректер жоқ.", "Данные отсутствуют.", "No records."),
}
