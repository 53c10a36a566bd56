"""Every sentence pattern of the note in Kazakh, Russian and English, and the words they need.

Patterns take pre-formatted fields ({n} is already "1 234", {people} already "382 адам" or
"382 человека"). Sentences are built so that names stay in the nominative case — a country or
a field is introduced by a dash, a colon or quotes — which keeps the prose grammatical without
declining every name.
"""

from __future__ import annotations

from aqyl.domain.i18n import Label as L

# Plural forms by CLDR category; Kazakh nouns keep one form after numerals.
PEOPLE = {"kk": {"other": "адам"},
          "ru": {"one": "человек", "few": "человека", "many": "человек", "other": "человека"},
          "en": {"one": "person", "other": "people"}}
COUNTRIES = {"kk": {"other": "ел"}, "ru": {"one": "страна", "few": "страны", "many": "стран", "other": "страны"},
             "en": {"one": "country", "other": "countries"}}
TIMES_RU = {"one": "раз", "few": "раза", "many": "раз", "other": "раза"}
QUOTES = {"kk": ("«", "»"), "ru": ("«", "»"), "en": ("“", "”")}

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
# Who went out and who came in, as a noun phrase in the nominative plural.
GROUP = {
    "faculty": (L("Қазақстандық ПОҚ", "Казахстанские преподаватели", "Kazakhstani teaching staff"),
                L("Шетелдік ПОҚ", "Зарубежные преподаватели", "Foreign teaching staff")),
    "researcher": (L("Қазақстандық ғылыми қызметкерлер", "Казахстанские научные сотрудники", "Kazakhstani researchers"),
                   L("Шетелдік ғылыми қызметкерлер", "Зарубежные научные сотрудники", "Foreign researchers")),
    "staff": (L("Қазақстандық әкімшілік қызметкерлер", "Казахстанские административные сотрудники",
                "Kazakhstani administrative staff"),
              L("Шетелдік әкімшілік қызметкерлер", "Зарубежные административные сотрудники", "Foreign administrative staff")),
    "student": (L("Қазақстандық білім алушылар", "Казахстанские обучающиеся", "Kazakhstani students"),
                L("Шетелдік білім алушылар", "Иностранные обучающиеся", "Foreign students")),
}
# "among Kazakhstani participants", "among foreign participants"
AMONG = {"outgoing": L("қазақстандық қатысушылар арасында", "среди казахстанских участников", "among Kazakhstani participants"),
         "incoming": L("шетелдік қатысушылар арасында", "среди зарубежных участников", "among foreign participants")}
WHO = {"outgoing": L("қазақстандық қатысушылар", "казахстанских участников", "Kazakhstani participants"),
       "incoming": L("шетелдік қатысушылар", "зарубежных участников", "foreign participants")}
SIDE = {"outgoing": L("қазақстандық", "казахстанские", "Kazakhstani"),
        "incoming": L("шетелдік", "зарубежные", "foreign")}
# HEI types as prose uses them: "private HEIs".
HEI_TYPE_PLURAL = {
    "national": L("ұлттық ЖОО-лар", "национальные вузы", "national HEIs"),
    "state": L("мемлекеттік ЖОО-лар", "государственные вузы", "state HEIs"),
    "jsc": L("АҚ нысанындағы ЖОО-лар", "вузы в форме АО", "joint-stock HEIs"),
    "private": L("жекеменшік ЖОО-лар", "частные вузы", "private HEIs"),
    "international": L("халықаралық ЖОО-лар", "международные вузы", "international HEIs"),
}
NUMBER_WORDS_KK = {2: "екі", 3: "үш", 4: "төрт", 5: "бес", 6: "алты", 7: "жеті", 8: "сегіз", 9: "тоғыз", 10: "он"}
EN_TIMES = {2: "doubled", 3: "tripled", 4: "quadrupled"}

# Growth, worded by the one rule in growth.py. Fields: {n} (the whole number), {p} (a formatted percent).
GROWTH = {
    "times": L("{kk_n} есе өсті", "выросло в {n} {ru_times}", "{en_times}"),
    "nearly_times": L("{kk_n} есеге жуық өсті", "выросло почти в {n} {ru_times}", "nearly {en_times}"),
    "more_than_times": L("{kk_n} еседен астам өсті", "выросло более чем в {n} {ru_times}", "more than {en_times}"),
    "up_percent": L("{p}-ға өсті", "выросло на {p}", "grew by {p}"),
    "down_percent": L("{p}-ға азайды", "сократилось на {p}", "fell by {p}"),
    "same": L("өзгерген жоқ", "не изменилось", "did not change"),
    "new": L("алғаш рет тіркелді", "появилось впервые", "appeared for the first time"),
    "gone": L("нөлге дейін азайды", "сократилось до нуля", "fell to zero"),
}

T = {
    # title page
    "category": L("Санат: {x}", "Категория: {x}", "Category: {x}"),
    "period": L("Кезең: {x}", "Период: {x}", "Period: {x}"),
    "compare": L("Салыстыру кезеңі: {x}", "Период сравнения: {x}", "Compared with: {x}"),
    "no_compare": L("Салыстыру кезеңі ({x}) бойынша деректер жоқ", "Данных за период сравнения ({x}) нет",
                    "No records for the comparison period ({x})"),
    "filters": L("Сүзгі: {x}", "Фильтр: {x}", "Filter: {x}"),
    "generated": L("Aqyl жүйесінде {x} жасалды", "Сформировано в системе Aqyl {x}", "Generated by Aqyl on {x}"),
    "footer": L("Академиялық алмасу бойынша аналитикалық анықтама, {x}", "Аналитическая справка об академическом обмене, {x}",
                "Analytical note on academic exchange, {x}"),
    # headings
    "h_totals": L("Жалпы көрсеткіштер", "Общие показатели", "Totals"),
    "h_hei_type": L("ЖОО түрлері бойынша", "По типам вузов", "By type of HEI"),
    "h_format": L("Алмасу форматы", "Формат обмена", "Format of exchange"),
    "h_country": L("Елдер бойынша", "По странам", "By country"),
    "h_degree": L("Сапалық құрамы", "Качественный состав", "Academic degrees"),
    "h_study_level": L("Оқу деңгейлері бойынша", "По уровням обучения", "By level of study"),
    "h_field": L("Білім беру салалары бойынша", "По областям образования", "By field of education"),
    "h_programme": L("Бағдарламалар бойынша", "По программам", "By programme"),
    "h_conclusions": L("Қорытынды", "Выводы", "Conclusions"),
    # Headings of the sections an analyst writes (note.AUTHORED_SECTIONS).
    "h_benefits": L("Академиялық алмасудың нәтижелері", "Что даёт академический обмен вузам",
                    "What academic exchange gives HEIs"),
    "h_recommendations": L("Ұсыныстар", "Рекомендации", "Recommendations"),
    "h_appendix": L("{n}-қосымша. {x}", "Приложение {n}. {x}", "Appendix {n}. {x}"),
    # totals
    "intro": L("Академиялық алмасу шетелдік әріптестерді қазақстандық жоғары оқу орындарына шақыру және қазақстандық "
               "қатысушыларды шетелдік жоғары оқу орындарына жіберу арқылы жүзеге асырылады. Анықтама ЖОО-лар "
               "тапсырған жазбалар негізінде автоматты түрде жасалды.",
               "Академический обмен осуществляется путём приглашения зарубежных коллег в казахстанские вузы и "
               "направления казахстанских участников в зарубежные вузы. Справка сформирована автоматически по "
               "записям, представленным вузами.",
               "Academic exchange works both ways: foreign colleagues are invited to Kazakhstani higher education "
               "institutions (HEIs), and Kazakhstani participants are sent to HEIs abroad. This note was generated "
               "automatically from the records the HEIs submitted."),
    "in_total": L("{when} академиялық алмасуға {foreign_heis} шетелдік ЖОО-дан {people} қатысып, олар {kz_heis} "
                  "қазақстандық ЖОО-ға шақырылды.",
                  "{When} в академическом обмене участвовали {people} из {foreign_heis} {ru_foreign_from}; "
                  "они были приглашены в {kz_heis} {ru_kz_to}.",
                  "{When}, {people} from {foreign_heis} foreign {en_heis_f} took part in academic exchange, "
                  "invited by {kz_heis} Kazakhstani {en_heis_k}."),
    "in_total_no_partners": L("{when} академиялық алмасуға {people} шетелдік қатысушы келіп, олар {kz_heis} "
                              "қазақстандық ЖОО-ға шақырылды.",
                              "{When} по академическому обмену в {kz_heis} {ru_kz_to} прибыли зарубежные "
                              "участники: {people}.",
                              "{When}, {people} came from abroad on academic exchange, invited by {kz_heis} "
                              "Kazakhstani {en_heis_k}."),
    "out_total": L("{kz_heis} қазақстандық ЖОО-дан {people} алмасу бойынша {foreign_heis} шетелдік ЖОО-ға барды.",
                   "Из {kz_heis} {ru_kz_from} по обмену выехали {people} в {foreign_heis} {ru_foreign_to}.",
                   "From {kz_heis} Kazakhstani {en_heis_k}, {people} went on exchange to {foreign_heis} "
                   "foreign {en_heis_f}."),
    "out_total_no_partners": L("{kz_heis} қазақстандық ЖОО-дан {people} шетелге алмасу бойынша барды.",
                               "Из {kz_heis} {ru_kz_from} по обмену за рубеж выехали {people}.",
                               "From {kz_heis} Kazakhstani {en_heis_k}, {people} went abroad on exchange."),
    "none_direction": L("{when} {group} бойынша жазбалар жоқ.", "{When} записей о том, что {group_lower} "
                        "участвовали в обмене, нет.", "{When}, no records of {group_lower} were submitted."),
    "growth_total": L("{versus} {when} академиялық алмасуға қатысушылар саны {growth} ({prev_short} – {prev}, "
                      "{cur_short} – {cur}).",
                      "{Versus} {when} число участников академического обмена {growth} ({prev_short} – {prev}, "
                      "{cur_short} – {cur}).",
                      "{Versus}, the number of participants in academic exchange {growth} ({prev_short}: {prev}; "
                      "{cur_short}: {cur})."),
    "growth_split": L("Оның ішінде қазақстандық қатысушылар саны {g_out} ({prev_short} – {out_prev}, {cur_short} – "
                      "{out_cur}), ал шетелдік қатысушылар саны {g_in} ({prev_short} – {in_prev}, {cur_short} – {in_cur}).",
                      "В том числе число казахстанских участников {g_out} ({prev_short} – {out_prev}, {cur_short} – "
                      "{out_cur}), а число зарубежных участников {g_in} ({prev_short} – {in_prev}, {cur_short} – {in_cur}).",
                      "The number of Kazakhstani participants {g_out} ({prev_short}: {out_prev}; {cur_short}: "
                      "{out_cur}) and the number of foreign participants {g_in} ({prev_short}: {in_prev}; "
                      "{cur_short}: {in_cur})."),
    "compare_missing": L("Салыстыру кезеңі ({x}) бойынша деректер жоқ, сондықтан өсім есептелмеді.",
                         "Данных за период сравнения ({x}) нет, поэтому динамика не рассчитана.",
                         "There are no records for the comparison period ({x}), so no change is computed."),
    # HEI types
    "hei_type_lead": L("{group} саны ЖОО түрлері бойынша ({appendix}-қосымша):",
                       "{Group} по типам вузов (приложение {appendix}):",
                       "{Group} by type of HEI (Appendix {appendix}):"),
    "count_share": L("{label} – {people} ({share})", "{label} – {people} ({share})", "{label}: {people} ({share})"),
    "hei_type_leader_out": L("{when} қазақстандық қатысушылардың ең көбін {leader} жіберді ({people}).",
                             "{When} больше всего казахстанских участников направили {leader} ({people}).",
                             "{When}, {leader} sent the most Kazakhstani participants ({people})."),
    "hei_type_leader_in": L("{when} шетелдік қатысушылардың ең көбін {leader} шақырды ({people}).",
                            "{When} больше всего зарубежных участников пригласили {leader} ({people}).",
                            "{When}, {leader} invited the most foreign participants ({people})."),
    "leader_same": L("Өткен кезеңде де көш бастаған солар болды ({prev_short} – {people}).",
                     "Они же лидировали и в прошлом периоде ({prev_short} – {people}).",
                     "They also led in the comparison period ({prev_short}: {people})."),
    "leader_other": L("{prev_short} көш бастағандар – {leader} ({people}).",
                      "В прошлом периоде ({prev_short}) лидировали {leader} ({people}).",
                      "In {prev_short} the leaders were {leader} ({people})."),
    "chart_hei_type": L("{n}-диаграмма. {group} ЖОО түрлері бойынша, адам",
                        "Диаграмма {n}. {Group} по типам вузов, человек",
                        "Chart {n}. {Group} by type of HEI, people"),
    # formats
    "format_lead": L("{group} арасында алмасу келесі форматтарда өтті:", "Обмен {who} проходил в следующих форматах:",
                     "{Group} took part in the following formats:"),
    "format_both": L("Екі бағытта да {label} формат басым.", "В обоих направлениях преобладал формат {label}.",
                     "The {label} format prevailed in both directions."),
    "format_each": L("Қазақстандық қатысушылар арасында {out} формат, шетелдік қатысушылар арасында {in_} формат басым.",
                     "Среди казахстанских участников преобладал формат {out}, среди зарубежных – формат {in_}.",
                     "The {out} format prevailed among Kazakhstani participants and the {in_} format among foreign "
                     "participants."),
    # countries
    "table_country": L("{n}-кесте. {group} елдер бойынша", "Таблица {n}. {Group} по странам", "Table {n}. {Group} by country"),
    "country_top_out": L("{table}-кестеде көрсетілгендей, {when} қазақстандық қатысушылар ең жиі мына елдерге барды: {list}.",
                         "Как видно из таблицы {table}, {when} казахстанские участники чаще всего выезжали в следующие "
                         "страны: {list}.",
                         "As Table {table} shows, {when} Kazakhstani participants went most often to {list}."),
    "country_top_in": L("{table}-кестеге сәйкес, {when} шетелдік қатысушылар ең көп мына елдерден келді: {list}.",
                        "Согласно таблице {table}, {when} больше всего зарубежных участников прибыло из следующих "
                        "стран: {list}.",
                        "According to Table {table}, {when} most foreign participants came from {list}."),
    "country_leader_same": L("Өткен кезеңде де көшбасшы – {country} ({prev_short} – {people}).",
                             "Лидер тот же, что и в прошлом периоде: {country} ({prev_short} – {people}).",
                             "The leader is the same as in the comparison period: {country} ({prev_short}: {people})."),
    "country_leader_other": L("{prev_short} көшбасшы ел – {country} ({people}).",
                              "В прошлом периоде ({prev_short}) лидером была страна {country} ({people}).",
                              "In {prev_short} the leading country was {country} ({people})."),
    "country_single": L("Бір ғана қатысушы болған елдер: {list}.", "Страны с единственным участником: {list}.",
                        "Countries with a single participant: {list}."),
    "col_no": L("№", "№", "No."),
    "col_country": L("Ел", "Страна", "Country"),
    "col_people": L("Адам саны", "Число участников", "People"),
    "col_share": L("Үлесі", "Доля", "Share"),
    "total_countries": L("Барлығы: {countries}", "Итого: {countries}", "Total: {countries}"),
    "total": L("Барлығы", "Итого", "Total"),
    "table_country_sets": L("{n}-кесте. {prev} және {cur} академиялық алмасуға қатысқан елдер",
                            "Таблица {n}. Страны – участницы академического обмена, {prev} и {cur}",
                            "Table {n}. Countries taking part in academic exchange, {prev} and {cur}"),
    "country_sets": L("{table}-кестеде екі кезеңнің серіктес елдері салыстырылған: {prev_short} – {prev}, {cur_short} – {cur}.",
                      "В таблице {table} сравниваются страны-партнёры двух периодов: {prev_short} – {prev}, "
                      "{cur_short} – {cur}.",
                      "Table {table} sets the partner countries of the two periods side by side: {prev_short}: {prev}; "
                      "{cur_short}: {cur}."),
    "country_new": L("Жаңадан қосылған елдер ({n}): {list}.", "Новые страны ({n}): {list}.", "New countries ({n}): {list}."),
    "country_dropped": L("Тізімнен шыққан елдер ({n}): {list}.", "Выбыли из списка ({n}): {list}.",
                         "Countries no longer on the list ({n}): {list}."),
    # degrees, study levels, fields
    "table_degree": L("{n}-кесте. {group}: сапалық құрамы", "Таблица {n}. {Group}: качественный состав",
                      "Table {n}. {Group}: academic degrees"),
    "table_study_level": L("{n}-кесте. {group}: оқу деңгейлері", "Таблица {n}. {Group}: уровни обучения",
                           "Table {n}. {Group}: levels of study"),
    "col_degree": L("Ғылыми дәрежесі", "Учёная степень", "Degree"),
    "col_study_level": L("Оқу деңгейі", "Уровень обучения", "Level of study"),
    "largest_group": L("{Among} ең үлкен топ – {label} ({people}, {share}).",
                       "{Among} наибольшая группа – {label} ({people}, {share}).",
                       "{Among}, the largest group is {label} ({people}, {share})."),
    "share_higher": L("{Among} үлесі жоғарырақ: {list}.", "{Among} выше доля: {list}.", "{Among}, the share is higher for {list}."),
    "share_pair": L("{label} ({share} және {other})", "{label} ({share} против {other})", "{label} ({share} vs {other})"),
    "growth_lead": L("{versus} {who} саны:", "{Versus} число {who}:", "{Versus}, the number of {who}:"),
    "growth_item": L("{label} – {growth} ({prev_short} – {prev}, {cur_short} – {cur})",
                     "{label} – {growth} ({prev_short} – {prev}, {cur_short} – {cur})",
                     "{label} {growth} ({prev_short}: {prev}; {cur_short}: {cur})"),
    "table_field": L("{n}-кесте. {group}: білім беру салалары", "Таблица {n}. {Group} по областям образования",
                     "Table {n}. {Group} by field of education"),
    "col_field": L("Білім беру саласы", "Область образования", "Field of education"),
    "field_top": L("{Among} ең танымал білім беру салалары: {list}.", "{Among} наиболее популярны области: {list}.",
                   "{Among}, the most popular fields are {list}."),
    "field_zero": L("{Among} мына салаларда қатысушы жоқ: {list}.", "{Among} нет участников в областях: {list}.",
                    "{Among}, no one came from {list}."),
    "label_people_share": L("{label} ({people}, {share})", "{label} ({people}, {share})", "{label} ({people}, {share})"),
    "label_people": L("{label} ({people})", "{label} ({people})", "{label} ({people})"),
    # programmes
    "table_programme": L("{n}-кесте. Бағдарламалар бойынша қатысушылар", "Таблица {n}. Участники по программам",
                         "Table {n}. Participants by programme"),
    "col_programme": L("Бағдарлама", "Программа", "Programme"),
    "col_outgoing": L("Қазақстандық", "Казахстанские", "Kazakhstani"),
    "col_incoming": L("Шетелдік", "Зарубежные", "Foreign"),
    "programme_top": L("Академиялық алмасу негізінен мына бағдарламалар шеңберінде өтті: {list}.",
                       "Академический обмен проходил главным образом в рамках программ: {list}.",
                       "Academic exchange ran mainly under {list}."),
    # conclusions
    "c_total": L("{when} академиялық алмасуға барлығы {people} қатысты: {out} – қазақстандық, {in_} – шетелдік.",
                 "{When} в академическом обмене участвовали всего {people}: {out} – казахстанские, {in_} – зарубежные.",
                 "{When}, {people} took part in academic exchange in all: {out} Kazakhstani and {in_} foreign."),
    "c_growth": L("{versus} қатысушылар саны {growth}.", "{Versus} число участников {growth}.",
                  "{Versus}, the number of participants {growth}."),
    "c_hei_type": L("Ең белсенді ЖОО түрлері: шетелге жіберуде – {out}, шетелдіктерді шақыруда – {in_}.",
                    "Наиболее активны: в направлении за рубеж – {out}, в приглашении зарубежных участников – {in_}.",
                    "The most active were {out} in sending participants abroad and {in_} in inviting foreign ones."),
    "c_countries": L("Негізгі серіктес елдер: шетелге шығуда – {out}; шетелден келуде – {in_}.",
                     "Основные страны-партнёры: для выезжающих – {out}; для приезжающих – {in_}.",
                     "The main partner countries were {out} for outgoing and {in_} for incoming exchange."),
    "c_fields": L("Ең танымал білім беру салалары: қазақстандық қатысушыларда – {out}, шетелдік қатысушыларда – {in_}.",
                  "Наиболее популярные области образования: у казахстанских участников – {out}, у зарубежных – {in_}.",
                  "The most popular fields were {out} among Kazakhstani and {in_} among foreign participants."),
    "appendix_title": L("{group} ЖОО бөлінісінде", "{Group} в разрезе вузов", "{Group} by HEI"),
    "col_hei": L("ЖОО атауы", "Наименование вуза", "HEI"),
    "and": L("және", "и", "and"),
    "no_records": L("Жазбалар жоқ.", "Записей нет.", "No records."),
}
