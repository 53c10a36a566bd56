"""Words of analytical results: persons' indicators, cohorts of fellows, the gravity model and forecasts."""

from __future__ import annotations

from aqyl.domain.i18n import Label as L
from aqyl.domain.wording.catalogue import register

WORDS = {
    # persons' indicators: a section of the note (aqyl.domain.persons)
    "persons_heading": L("Жеке адамдар бойынша көрсеткіштер: қайталама ұтқырлық және оралу",
                         "Показатели по отдельным лицам: повторная мобильность и возвращение",
                         "Person-level indicators: repeat mobility and return"),
    "persons_intro": L("Көрсеткіштер {span} тізілім жазбалары бойынша есептелді: сапар жазбалары – {trips}, оның ішінде "
                       "қатысушы идентификаторы барлары – {with_id}; идентификатор бойынша анықталған қатысушылар саны – "
                       "{persons}.",
                       "Показатели рассчитаны по записям реестра {span}: записей о поездках – {trips}, из них с "
                       "идентификатором участника – {with_id}; число участников, установленных по идентификатору, – "
                       "{persons}.",
                       "The indicators are computed from the register's records {span}: {trips} trip records, {with_id} "
                       "of them with a person ID; the IDs identify {persons} participants."),
    # how one person's trips are found across HEIs: by the keyed pseudonym of the IIN (aqyl.domain.pseudonym)
    "persons_linked": L(
        "Қатысушылар ЖЖОКБҰ мен жартыжылдықтар арасында иесіздендірілген ЖСН бойынша салыстырылды; ол {linked} "
        "қатысушы үшін көрсетілген, қалғандарының қайталама сапарлары бір ЖЖОКБҰ шегінде ғана есептелді.",
        "Участники сопоставлялись между ОВПО и полугодиями по обезличенному ИИН; число участников с обезличенным "
        "ИИН – {linked}, повторные поездки остальных учитывались только в пределах одной ОВПО.",
        "Participants are matched across HEIs and half-years by the pseudonymised IIN, which {linked} of them have; "
        "the others' repeat trips are counted only within one HEI."),
    "persons_unlinked": L(
        "Қатысушылар ЖЖОКБҰ мен жартыжылдықтар арасында иесіздендірілген ЖСН бойынша салыстырылады; мұндай жазбалар "
        "болмағандықтан, қайталама сапарлар бір ЖЖОКБҰ шегінде ғана есептелді.",
        "Участники сопоставляются между ОВПО и полугодиями по обезличенному ИИН; таких записей не было, поэтому "
        "повторные поездки учитывались только в пределах одной ОВПО.",
        "Participants are matched across HEIs and half-years by the pseudonymised IIN; no record had one, so repeat "
        "trips are counted only within one HEI."),
    "persons_caption": L("Жеке адамдар бойынша көрсеткіштер, {as_of}", "Показатели по отдельным лицам {as_of}",
                         "Person-level indicators {as_of}"),
    "persons_count": L("Саны", "Число", "Number"),
    "persons_of": L("Барлығы есепке алынғаны, адам", "Всего учтено, человек", "Counted in all, people"),
    "persons_percent": L("%", "%", "%"),
    "persons_several_periods": L("Бірнеше жартыжылдықта сапарға шыққандар", "Совершали поездки в нескольких полугодиях",
                                 "Persons with trips in several half-years"),
    "persons_several_heis": L("Бірнеше ЖЖОКБҰ-дан сапарға шыққандар", "Выезжали по направлению нескольких ОВПО",
                              "Persons with trips from several HEIs"),
    "persons_pendulum": L("Маятникті миграция: бірнеше офлайн сапар жасағандар",
                          "Маятниковая миграция: более одной очной поездки",
                          "Pendulum migration: more than one physical trip"),
    "persons_staff_again": L("{k} {halves} ішінде қайта шыққан ПОҚ және қызметкерлер",
                             "ППС и сотрудники, повторно выезжавшие в течение {k} {halves}",
                             "Outgoing staff taking part again within {k} {halves}"),
    "persons_incoming_return": L("{k} {halves} ішінде қайта келген шетелдік мамандар",
                                 "Зарубежные специалисты, повторно приезжавшие в течение {k} {halves}",
                                 "Incoming foreign specialists coming again within {k} {halves}"),
    "persons_degree_return": L("Шетелде дәреже алып, елге оралған білім алушылар",
                               "Обучающиеся, вернувшиеся после получения степени за рубежом",
                               "Students back after a degree abroad"),
    "persons_method": L(
        "Әдістеме: ПОҚ мен қызметкерлердің қайта қатысуы алғашқы сапарынан кейінгі {k} {halves} ішінде есептеледі; "
        "алғашқы сапарынан есепті кезеңге дейін кемінде осы мерзім өткендер ғана есепке алынады. Шетелде бір жыл "
        "немесе одан ұзақ оқыған білім алушы кейінгі жартыжылдықта тізілімде қайта пайда болса немесе стипендиаттар "
        "туралы деректерде оралған жылы көрсетілсе, оралған деп саналады (тізілім бойынша – {by_record}, "
        "стипендиаттар туралы деректер бойынша – {by_cohort}; оқуы әлі аяқталмағандар – {still}).",
        "Методика: повторное участие ППС и сотрудников считается в течение {k} {halves} после первой поездки; "
        "учитываются только те, у кого от первой поездки до отчётного периода прошло не менее этого срока. "
        "Обучающийся, проучившийся за рубежом год и более, считается вернувшимся, если он снова появляется в реестре "
        "в более позднем полугодии или в данных о стипендиатах указан год возвращения (по реестру – {by_record}, "
        "по данным о стипендиатах – {by_cohort}; ещё не завершили обучение – {still}).",
        "Method: staff taking part again are counted within {k} {halves} of their first trip; only those whose first "
        "trip lies at least that long before the reporting period are counted. A student who studied abroad for a "
        "year or more counts as back when a later half-year's record shows them again or the fellows' data give a "
        "return year (by the register: {by_record}; by the fellows' data: {by_cohort}; still studying: {still})."),
    "persons_none": L("Жеке адамдар бойынша көрсеткіштерді (қайталама ұтқырлық, маятникті миграция, оралу) есептеу үшін "
                      "қатысушылардың иесіздендірілген ЖСН-і қажет; кезеңнің жазбаларында ол жоқ, сондықтан бұл "
                      "көрсеткіштер есептелмеді.",
                      "Для показателей по отдельным лицам (повторная мобильность, маятниковая миграция, возвращение) "
                      "нужен обезличенный ИИН участников; в записях периода его нет, поэтому эти показатели не рассчитаны.",
                      "Person-level indicators (repeat mobility, pendulum migration, return) need the participants' "
                      "pseudonymised IIN; the period's records carry none, so these indicators are not computed."),
    # cohorts of fellows (aqyl.app.cohorts)
    "cohort_fellows": L("Стипендиаттар", "Стипендиаты", "Fellows"),
    "cohort_departures": L("Кеткен жылдары", "Годы выезда", "Departure years"),
    "cohort_graduated": L("Бітіргендер", "Окончили", "Graduated"),
    "cohort_studying": L("Әлі оқуда", "Ещё учатся", "Still studying"),
    "cohort_returned": L("Қазақстанға оралғандар", "Вернулись в Казахстан", "Back in Kazakhstan"),
    "cohort_return_rate": L("Бітіргендердің оралғаны, %", "Вернувшихся выпускников, %", "Graduates back, %"),
    "cohort_not_returned": L("Оралмаған бітірушілер (оралуды жоспарлайтыны)", "Невернувшиеся выпускники (из них планируют вернуться)",
                      "Graduates not back (planning to return)"),
    "cohort_circulation": L("Ми айналымы: {k} жыл ішінде оралғаны, % (есепке алынғаны)",
                     "Циркуляция умов: вернулись в течение {k} лет, % (учтено)",
                     "Brain circulation: back within {k} years, % (counted)"),
    "cohort_breach": L("Өтелмеген міндеттемелер, % (шешілгендерден)", "Неотработанные обязательства, % (из завершённых)",
                "Obligations not served, % (of settled)"),
    "cohort_employed": L("Жұмыс істейді (белгілісі)", "Работают (из известных)", "Employed (of known)"),
    "cohort_waste": L("Ми ысырабы: біліктілігінен төмен жұмыс, % (есепке алынғаны)",
               "Растрата умов: работа ниже квалификации, % (учтено)",
               "Brain waste: job below qualification, % (counted)"),
    "cohort_hosts": L("Негізгі елдер", "Основные страны", "Main host countries"),
    "cohort_all": L("Барлығы", "Все", "All"),
    "cohort_none": L("Когорталар әлі жүктелмеген: aqyl cohorts import ФАЙЛ.", "Когорты ещё не загружены: aqyl cohorts import ФАЙЛ.",
              "No cohorts loaded yet: aqyl cohorts import FILE."),
    # the gravity model's covariates (aqyl.analytics.gravity)
    "gravity_log_distance": L("Қашықтық (ln, км)", "Расстояние (ln, км)", "Distance (ln km)"),
    "gravity_contiguity": L("Ортақ құрлық шекара", "Общая сухопутная граница", "Common land border"),
    "gravity_common_language": L("Ортақ тіл", "Общий язык", "Common language"),
    "gravity_former_ussr": L("Екеуі де бұрынғы КСРО", "Обе — бывший СССР", "Both former USSR"),
    # forecast methods (aqyl.domain.migration.forecast)
    "forecast_naive": L("Қарапайым әдіс (соңғы мәнді сақтау)", "Простой метод (сохранение последнего значения)",
                   "Naive method (last value carried forward)"),
    "forecast_drift": L("Орташа өсім әдісі (дрейф)", "Метод среднего прироста (дрейф)", "Drift (average change)"),
    "forecast_ets": L("Экспоненциалдық тегістеу (ETS, бәсеңдейтін тренд)", "Экспоненциальное сглаживание (ETS, затухающий тренд)",
                 "Exponential smoothing (ETS, damped trend)"),
    "forecast_arima": L("ARIMA моделі (дрейфпен)", "Модель ARIMA (с дрейфом)", "ARIMA model (with drift)"),
}
register(__name__, WORDS)
