"""Words of analytical results: persons' indicators, cohorts of fellows, the gravity model and forecasts."""

from __future__ import annotations

from aqyl.domain.i18n import Label as L
from aqyl.domain.wording.catalogue import register

WORDS = {
    # persons' indicators: a section of the note (aqyl.domain.persons)
    "persons_heading": L("Тұлғалар бойынша көрсеткіштер: қайталама ұтқырлық және оралу",
                     "Показатели по персонам: повторная мобильность и возвращение",
                     "Person-level indicators: repeat mobility and return"),
    "persons_intro": L(
        "Көрсеткіштер {first} – {last} кезеңіндегі тізілім жазбаларынан есептелді: {persons} адам, {trips} сапар. "
        "ЖСН-нің кілтті бүркеншік атымен белгіленгендер — {linked} адам: олардың әртүрлі ЖОО мен жартыжылдықтардағы "
        "сапарлары бір адамға біріктірілді; қалғандарының сапарлары тек өз ЖОО-сы ішінде біріктіріледі.",
        "Показатели рассчитаны по записям реестра за {first} – {last} (персон — {persons}, поездок — {trips}). "
        "Персон с ключевым псевдонимом ИИН — {linked}: их поездки из разных вузов и полугодий связаны в одну персону; "
        "остальные связываются только в пределах своего вуза.",
        "The indicators are computed from the register's records of {first} – {last} (persons: {persons}; trips: "
        "{trips}). Persons with the keyed pseudonym of the IIN: {linked}; their trips from different HEIs and "
        "half-years are linked to one person, the others' only within their own HEI."),
    "persons_caption": L("Тұлғалар бойынша көрсеткіштер, {as_of} жағдай бойынша", "Показатели по персонам на {as_of}",
                     "Person-level indicators as of {as_of}"),
    "persons_count": L("Саны", "Число", "Number"),
    "persons_of": L("Есепке алынғаны", "Учтено", "Counted"),
    "persons_percent": L("%", "%", "%"),
    "persons_several_periods": L("Бірнеше жартыжылдықта сапарға шыққандар", "Совершали поездки в нескольких полугодиях",
                             "Persons with trips in several half-years"),
    "persons_several_heis": L("Бірнеше ЖОО-дан сапарға шыққандар", "Совершали поездки от нескольких вузов",
                          "Persons with trips from several HEIs"),
    "persons_pendulum": L("Маятникті миграция: бірнеше нақты сапар жасағандар", "Маятниковая миграция: более одной очной поездки",
                      "Pendulum migration: more than one physical trip"),
    "persons_staff_again": L("{k} {halves} ішінде қайта шыққан ПОҚ және қызметкерлер",
                         "Сотрудники, снова выезжавшие в течение {k} {halves}",
                         "Outgoing staff taking part again within {k} {halves}"),
    "persons_incoming_return": L("{k} {halves} ішінде қайта келген шетелдік мамандар",
                             "Иностранные специалисты, вернувшиеся в течение {k} {halves}",
                             "Incoming foreign specialists returning within {k} {halves}"),
    "persons_degree_return": L("Шетелде дәреже алып, елге оралған білім алушылар",
                           "Обучающиеся, вернувшиеся после получения степени за рубежом",
                           "Students back after a degree abroad"),
    "persons_method": L(
        "Әдістеме: ПОҚ мен қызметкерлердің қайта қатысуы алғашқы сапарынан кейінгі {k} {halves} ішінде есептеледі; "
        "алғашқы сапарынан есепті кезеңге дейін кемінде осы мерзім өткендер ғана есепке алынады. Шетелде бір жыл "
        "немесе одан ұзақ оқыған білім алушы кейінгі жартыжылдықта тізілімде қайта пайда болса немесе когорта "
        "жолында оралған жылы көрсетілсе, оралған деп саналады (тізілім бойынша — {by_record}, когорта бойынша — "
        "{by_cohort}; оқуы әлі аяқталмағандар — {still}).",
        "Методика: повторное участие сотрудников считается в течение {k} {halves} после первой поездки; "
        "учитываются только те, у кого от первой поездки до отчётного периода прошло не меньше этого срока. "
        "Обучающийся, проучившийся за рубежом год и более, считается вернувшимся, если он снова появляется в реестре "
        "в более позднем полугодии или в строке когорты указан год возвращения (по реестру — {by_record}, по "
        "когортам — {by_cohort}; ещё не завершили обучение — {still}).",
        "Method: staff taking part again are counted within {k} {halves} of their first trip; only those whose first "
        "trip lies at least that long before the reporting period are counted. A student who studied abroad for a "
        "year or more counts as back when a later half-year's record shows them again or a cohort row gives a return "
        "year (by the register: {by_record}; by cohorts: {by_cohort}; still studying: {still})."),
    "persons_none": L("Кезеңде тұлға идентификаторы бар жазба жоқ, сондықтан тұлғалар бойынша көрсеткіштер есептелмеді.",
                  "В периоде нет записей с идентификатором персоны, поэтому показатели по персонам не рассчитаны.",
                  "No record of the period has a person ID, so no person-level indicator is computed."),
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
