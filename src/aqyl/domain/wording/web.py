"""The web application's own words in Kazakh, Russian and English: the API's error messages (the
envelope of :mod:`aqyl.web.api.errors`), the open-data pages, the records download. The pages'
words are in :mod:`aqyl.domain.wording.interface`; ``WEB_MESSAGES`` are errors the web's
application modules raise as :class:`aqyl.domain.errors.AqylError`."""

from __future__ import annotations

from aqyl.domain.i18n import Label as L
from aqyl.domain.wording.catalogue import register

# --- the API's errors (each the message of one error type) -------------------------------------
WEB = {
    "api_not_authenticated": L(
        "Алдымен кіріңіз: токенді (Authorization: Token …) жіберіңіз немесе сайтқа кіріңіз.",
        "Сначала войдите: передайте токен (Authorization: Token …) или войдите на сайт.",
        "Sign in first: send a token (Authorization: Token …) or sign in on the site."),
    "api_authentication_failed": L(
        "Токен жарамсыз. /api/token арқылы жаңасын алыңыз.",
        "Токен недействителен. Получите новый через /api/token.",
        "The token is not valid. Get a new one from /api/token."),
    "api_permission_denied": L(
        "Бұл деректерге құқығыңыз жоқ.",
        "У вас нет прав на эти данные.",
        "You have no right to these data."),
    "api_not_found": L(
        "Табылмады: бұл мекенжайда ештеңе жоқ немесе оны оқуға құқығыңыз жоқ.",
        "Не найдено: по этому адресу ничего нет или у вас нет прав это читать.",
        "Not found: there is nothing at this address, or nothing you may read."),
    "api_method_not_allowed": L(
        "Бұл мекенжайда {method} әдісіне рұқсат жоқ.",
        "Метод {method} по этому адресу не разрешён.",
        "The method {method} is not allowed at this address."),
    "api_not_acceptable": L(
        "Жауапты сұралған пішімде (Accept тақырыбы) беру мүмкін емес; application/json сұраңыз.",
        "Ответ нельзя дать в запрошенном формате (заголовок Accept); запросите application/json.",
        "The answer cannot be given in the format asked for (the Accept header); ask for application/json."),
    "api_unsupported_media_type": L(
        "Сұрау денесінің түрі ({media_type}) мұнда қабылданбайды.",
        "Тип тела запроса ({media_type}) здесь не принимается.",
        "The request body's type ({media_type}) is not accepted here."),
    "api_parse_error": L(
        "Сұрау денесін оқу мүмкін емес: дұрыс JSON немесе форма деректерін жіберіңіз.",
        "Тело запроса не читается: передайте корректный JSON или данные формы.",
        "The request body cannot be read: send valid JSON or form data."),
    "api_throttled": L(
        "Сұраулар тым көп. {wait} секундтан кейін қайталаңыз.",
        "Слишком много запросов. Повторите через {wait} с.",
        "Too many requests. Try again in {wait} s."),
    "api_throttled_later": L(
        "Сұраулар тым көп. Біраздан кейін қайталаңыз.",
        "Слишком много запросов. Повторите позже.",
        "Too many requests. Try again later."),
    "api_invalid": L(
        "Сұрау жарамсыз.",
        "Запрос недопустим.",
        "The request is not valid."),
    "api_invalid_field": L(
        "«{field}» мәні жарамсыз.",
        "Значение «{field}» недопустимо.",
        "The value of “{field}” is not valid."),
    "api_required": L(
        "«{field}» параметрі міндетті.",
        "Параметр «{field}» обязателен.",
        "The parameter “{field}” is required."),
    "api_choice": L(
        "«{field}» мәні мыналардың бірі болуы керек: {choices}.",
        "Значение «{field}» должно быть одним из: {choices}.",
        "The value of “{field}” must be one of: {choices}."),
    "api_not_a_number": L(
        "«{field}» мәні рұқсат етілген аралықтағы бүтін сан емес.",
        "Значение «{field}» — не целое число в допустимых пределах.",
        "The value of “{field}” is not a whole number within the allowed range."),
    "api_half_years": L(
        "«within» мәні кемінде 1 болатын бүтін сан (жартыжылдықтар саны) болуы керек.",
        "Значение «within» должно быть целым числом полугодий, не меньше 1.",
        "The value of “within” must be a whole number of half-years, at least 1."),
    "api_not_in_codebook": L(
        "«{code}» коды кодтар кітабында жоқ. Белгілі кодтар: {codes}.",
        "Кода «{code}» нет в кодовой книге. Известные коды: {codes}.",
        "The code “{code}” is not in the codebook. Known codes: {codes}."),
    "api_no_fit": L(
        "Бұл ағындардың гравитациялық моделі әлі есептелмеген: есептеуді POST /api/gravity/fit арқылы іске қосыңыз.",
        "Гравитационная модель этих потоков ещё не рассчитана: запустите расчёт через POST /api/gravity/fit.",
        "No gravity model of these flows has been fitted yet: start one with POST /api/gravity/fit."),
}

# --- the records download ----------------------------------------------------------------------
WEB |= {
}

# --- open data (the public pages and the publishing page) ---------------------------------------
OPEN_DATA = {
    "opendata_title": L("Ашық деректер: академиялық ұтқырлық", "Открытые данные: академическая мобильность",
               "Open data: academic mobility"),
    "opendata_intro": L("Қазақстан ЖОО-ларының академиялық ұтқырлығы туралы жарияланған жиынтық деректер. Жеке адамдарды анықтауға "
               "болмайтындай етіп, аз мәнді ұяшықтар жасырылған (…). Деректерді CC BY 4.0 лицензиясы бойынша дереккөзді "
               "көрсетіп, еркін пайдалануға болады.",
               "Опубликованные сводные данные об академической мобильности вузов Казахстана. Ячейки с малыми значениями "
               "скрыты (…), чтобы нельзя было идентифицировать отдельных лиц. Данные можно свободно использовать по лицензии "
               "CC BY 4.0 со ссылкой на источник.",
               "Published aggregate data on the academic mobility of Kazakhstan's HEIs. Cells with small values are "
               "suppressed (…) so that no individual can be singled out. The data may be used freely under CC BY 4.0 "
               "with attribution."),
    "opendata_none": L("Әзірге ештеңе жарияланбаған.", "Пока ничего не опубликовано.", "Nothing has been published yet."),
    "opendata_release": L("Шығарылым", "Выпуск", "Release"),
    "opendata_published_on": L("Жарияланған күні", "Дата публикации", "Published"),
    "opendata_method": L("Қорғау әдісі", "Метод защиты", "Protection"),
    "opendata_suppress": L("мәні {t} шегінен аз ұяшықтар жасырылған", "скрыты ячейки со значением меньше {t}", "cells below {t} suppressed"),
    "opendata_round5": L("5-ке еселі санға дейін дөңгелектелген", "округлено до значений, кратных 5", "rounded to base 5"),
    "opendata_download": L("Деректер пакетін жүктеп алу (ZIP)", "Скачать пакет данных (ZIP)", "Download the data package (ZIP)"),
    "opendata_files": L("Файлдар", "Файлы", "Files"),
    "opendata_total": L("Барлығы", "Итого", "Total"),
    "opendata_other_releases": L("Барлық шығарылымдар", "Все выпуски", "All releases"),
    "opendata_publish": L("Ашық деректерді жариялау", "Публикация открытых данных", "Publish open data"),
    "opendata_publish_intro": L(
        "Кезеңнің жиынтық деректері жасыру немесе дөңгелектеу арқылы қорғалып, ашық бетте жарияланады. Тізілімнің өзі "
        "жарияланбайды.",
        "Сводные данные периода защищаются подавлением или округлением и публикуются на открытой странице. Сам реестр "
        "не публикуется.",
        "The period's aggregates are protected by suppression or rounding and published on the public page. The "
        "register itself is never published."),
    "opendata_period": L("Кезең", "Период", "Period"),
    "opendata_threshold": L("Шек (бұдан аз ұяшықтар жасырылады)", "Порог (ячейки со значением ниже порога скрываются)", "Threshold (smaller cells are suppressed)"),
    "opendata_method_suppress": L("Жасыру (бастапқы және қайталама)", "Подавление (первичное и вторичное)", "Suppression (primary and secondary)"),
    "opendata_method_round5": L("5-ке еселі санға дейін дөңгелектеу", "Округление до значений, кратных 5", "Rounding to base 5"),
    "opendata_publish_button": L("Жариялау", "Опубликовать", "Publish"),
    "opendata_done": L("{period} кезеңінің деректері жарияланды.", "Данные за {period} опубликованы.", "The data for {period} are published."),
    "opendata_bad_threshold": L("Шек 1-ден 100-ге дейінгі бүтін сан болуы керек.", "Порог должен быть целым числом от 1 до 100.",
                       "The threshold must be a whole number from 1 to 100."),
    "opendata_by": L("Жариялаған", "Опубликовал", "By"),
    "opendata_suppressed_cells": L("Жасырылған ұяшықтар", "Скрытые ячейки", "Suppressed cells"),
    "opendata_open_page": L("Ашық бет", "Открытая страница", "Public page"),
}

# Errors the web's application modules raise (AqylError keys).
WEB_MESSAGES = {
    "web_value_too_long": L(
        "«{field}» мәні {limit} таңбадан ұзын.",
        "Длина значения «{field}» превышает предел (символов: {limit}).",
        "The value of “{field}” is longer than {limit} characters."),
}

register(__name__, WEB)
register(__name__, OPEN_DATA)  # the open-data pages read them as ``w.<key without opendata_>``
register(__name__, WEB_MESSAGES)
