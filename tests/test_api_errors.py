"""The API's one error envelope: every error kind — REST framework's own and ours — answers
{"error": {"type": ..., "message": ..., "field": ...}} with its status, the message in the
caller's language (kk, ru, en), never REST framework's English."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client, RequestFactory
from rest_framework import exceptions
from rest_framework.authtoken.models import Token
from tests.test_web import demo  # noqa: F401

from aqyl.store import models as m

pytestmark = pytest.mark.django_db
LANGS = ("kk", "ru", "en")


def _in(lang: str, client: Client | None = None) -> Client:
    client = client or Client()
    client.cookies["aqyl_lang"] = lang
    return client


def _api(username: str, lang: str) -> Client:
    key = Token.objects.get_or_create(user=get_user_model().objects.get(username=username))[0].key
    return _in(lang, Client(HTTP_AUTHORIZATION=f"Token {key}"))


NO_RIGHT = ("Бұл деректерге құқығыңыз жоқ.", "У вас нет прав на эти данные.", "You have no right to these data.")
NOT_FOUND = ("Табылмады: бұл мекенжайда ештеңе жоқ немесе оны оқуға құқығыңыз жоқ.",
             "Не найдено: по этому адресу ничего нет или у вас нет прав это читать.",
             "Not found: there is nothing at this address, or nothing you may read.")


def _cases(demo):  # noqa: F811
    from aqyl.store.interviews import codebook

    theirs = m.MobilityRecord.objects.filter(hei=demo).first().pk
    codes = ", ".join(codebook()[1])
    return [  # (who, method, path, request, status, type, field, (kk, ru, en))
        (None, "get", "/api/records", {}, 401, "not_authenticated", None, (
            "Алдымен кіріңіз: токенді (Authorization: Token …) жіберіңіз немесе сайтқа кіріңіз.",
            "Сначала войдите: передайте токен (Authorization: Token …) или войдите на сайт.",
            "Sign in first: send a token (Authorization: Token …) or sign in on the site.")),
        ("bogus", "get", "/api/records", {}, 401, "authentication_failed", None, (
            "Токен жарамсыз. /api/token арқылы жаңасын алыңыз.", "Токен недействителен. Получите новый через /api/token.",
            "The token is not valid. Get a new one from /api/token.")),
        ("norole", "get", "/api/records", {}, 403, "permission_denied", None, NO_RIGHT),
        ("officer", "get", "/api/flows", {}, 403, "permission_denied", None, NO_RIGHT),
        ("officer", "get", f"/api/records/{theirs}", {}, 404, "not_found", None, NOT_FOUND),
        ("analyst", "get", "/api/runs/999999", {}, 404, "not_found", None, NOT_FOUND),
        ("analyst", "delete", "/api/records", {}, 405, "method_not_allowed", None, (
            "Бұл мекенжайда DELETE әдісіне рұқсат жоқ.", "Метод DELETE по этому адресу не разрешён.",
            "The method DELETE is not allowed at this address.")),
        ("analyst", "get", "/api/records", {"HTTP_ACCEPT": "text/csv"}, 406, "not_acceptable", None, (
            "Жауапты сұралған пішімде (Accept тақырыбы) беру мүмкін емес; application/json сұраңыз.",
            "Ответ нельзя дать в запрошенном формате (заголовок Accept); запросите application/json.",
            "The answer cannot be given in the format asked for (the Accept header); ask for application/json.")),
        ("analyst", "post", "/api/report", {"data": "period=2023H1", "content_type": "text/plain"}, 415,
         "unsupported_media_type", None, (
             "Сұрау денесінің түрі (text/plain) мұнда қабылданбайды.", "Тип тела запроса (text/plain) здесь не принимается.",
             "The request body's type (text/plain) is not accepted here.")),
        ("analyst", "post", "/api/report", {"data": "{bad", "content_type": "application/json"}, 400, "parse_error", None, (
            "Сұрау денесін оқу мүмкін емес: дұрыс JSON немесе форма деректерін жіберіңіз.",
            "Тело запроса не читается: передайте корректный JSON или данные формы.",
            "The request body cannot be read: send valid JSON or form data.")),
        ("analyst", "get", "/api/aggregates", {}, 400, "invalid", "period", (
            "«period» параметрі міндетті.", "Параметр «period» обязателен.", "The parameter “period” is required.")),
        ("analyst", "get", "/api/aggregates?period=2023H7", {}, 400, "invalid", "period", (
            "«2023H7» кезеңі танылмады. Мысалдар: 2023H1 (жартыжылдық), 2022/23 (оқу жылы), 2023 (күнтізбелік жыл).",
            "Период «2023H7» не распознан. Примеры: 2023H1 (полугодие), 2022/23 (учебный год), 2023 (календарный год).",
            "Period “2023H7” is not recognised. Examples: 2023H1 (half-year), 2022/23 (academic year), 2023 (calendar year).")),
        ("analyst", "post", "/api/report", {"data": {"period": "2023H1", "format": "exe"}}, 400, "invalid", "format", (
            "«format» мәні мыналардың бірі болуы керек: pdf, html, json, md, xlsx, docx.",
            "Значение «format» должно быть одним из: pdf, html, json, md, xlsx, docx.",
            "The value of “format” must be one of: pdf, html, json, md, xlsx, docx.")),
        ("analyst", "get", "/api/records?hei=" + "A" * 101, {}, 400, "invalid", "hei", (
            "«hei» мәні 100 таңбадан ұзын.", "Длина значения «hei» превышает предел (символов: 100).",
            "The value of “hei” is longer than 100 characters.")),
        ("analyst", "get", "/api/flows?year=abc", {}, 400, "invalid", "year", (
            "«year» мәні рұқсат етілген аралықтағы бүтін сан емес.", "Значение «year» — не целое число в допустимых пределах.",
            "The value of “year” is not a whole number within the allowed range.")),
        ("analyst", "get", "/api/interviews/quotes?code=nope", {}, 400, "invalid", "code", (
            f"«nope» коды кодтар кітабында жоқ. Белгілі кодтар: {codes}.",
            f"Кода «nope» нет в кодовой книге. Известные коды: {codes}.",
            f"The code “nope” is not in the codebook. Known codes: {codes}.")),
        ("analyst", "get", "/api/persons?within=0", {}, 400, "invalid", "within", (
            "«within» мәні кемінде 1 болатын бүтін сан (жартыжылдықтар саны) болуы керек.",
            "Значение «within» должно быть целым числом полугодий, не меньше 1.",
            "The value of “within” must be a whole number of half-years, at least 1.")),
        ("analyst", "get", "/api/gravity?source=uis&since=2016&until=2019", {}, 409, "no_fit", None, (
            "Бұл ағындардың гравитациялық моделі әлі есептелмеген: есептеуді POST /api/gravity/fit арқылы іске қосыңыз.",
            "Гравитационная модель этих потоков ещё не рассчитана: запустите расчёт через POST /api/gravity/fit.",
            "No gravity model of these flows has been fitted yet: start one with POST /api/gravity/fit.")),
    ]


def test_every_error_kind_answers_the_envelope_in_the_callers_language(demo):  # noqa: F811
    for who, method, path, request, status, type_, field, texts in _cases(demo):
        for lang, text in zip(LANGS, texts, strict=True):
            if who is None:
                client = _in(lang)
            elif who == "bogus":
                client = _in(lang, Client(HTTP_AUTHORIZATION="Token 0123456789abcdef0123456789abcdef01234567"))
            else:
                client = _api(who, lang)
            response = getattr(client, method)(path, **request)
            assert (response.status_code, response.json()) == (
                status, {"error": {"type": type_, "message": text, "field": field}}), (path, lang)
    # REST framework's own headers stay: the scheme to authenticate with on a 401.
    assert Client().get("/api/records")["WWW-Authenticate"] == "Token"


def test_the_token_endpoints_errors(demo):  # noqa: F811
    from django_otp.plugins.otp_totp.models import TOTPDevice

    def error(response, status):
        assert response.status_code == status
        return response.json()["error"]

    wrong = {"username": "analyst", "password": "wrong"}
    assert [error(_in(lang).post("/api/token", wrong), 400) for lang in LANGS] == [
        {"type": "bad_login", "field": None, "message": "Пайдаланушы аты немесе құпиясөз қате. Қайта теріп көріңіз."},
        {"type": "bad_login", "field": None, "message": "Неверное имя пользователя или пароль. Попробуйте ещё раз."},
        {"type": "bad_login", "field": None, "message": "Wrong user name or password. Please try again."}]
    TOTPDevice.objects.create(user=get_user_model().objects.get(username="officer"), name="Aqyl", confirmed=True)
    assert error(_in("ru").post("/api/token", {"username": "officer", "password": "aqyl-demo"}), 400) == {
        "type": "otp_wrong", "field": "otp",
        "message": "Код неверен или не введён. Введите 6-значный код из приложения-аутентификатора."}
    client = Client()
    client.post("/api/token", wrong)  # the fifth failure of this address and name locks them out
    assert error(_in("en", client).post("/api/token", wrong), 429) == {"type": "locked", "field": None, "message": (
        "Too many failed sign-in attempts. Try again in 15 minutes or ask an administrator.")}
    assert error(_in("kk", client).post("/api/token", {"username": "analyst", "password": "aqyl-demo"}), 429) == {
        "type": "locked", "field": None,
        "message": "Кіру әрекеттері тым көп болды. 15 минуттан кейін қайталаңыз немесе әкімшіге хабарласыңыз."}


def test_errors_raised_without_a_request_of_ours(rf: RequestFactory):
    """Throttling and a serializer's own validation (no endpoint raises them today): our words."""
    from aqyl.web.api.errors import exception_handler

    def answer(exc, lang):
        request = rf.get("/api/records")
        request.COOKIES["aqyl_lang"] = lang
        response = exception_handler(exc, {"request": request})
        return response.status_code, response.data, response.get("Retry-After")

    assert [answer(exceptions.Throttled(wait=29.2), lang) for lang in LANGS] == [
        (429, {"error": {"type": "throttled", "message": "Сұраулар тым көп. 30 секундтан кейін қайталаңыз.", "field": None}}, "30"),
        (429, {"error": {"type": "throttled", "message": "Слишком много запросов. Повторите через 30 с.", "field": None}}, "30"),
        (429, {"error": {"type": "throttled", "message": "Too many requests. Try again in 30 s.", "field": None}}, "30")]
    assert answer(exceptions.Throttled(), "ru")[1]["error"]["message"] == "Слишком много запросов. Повторите позже."
    assert [answer(exceptions.ValidationError({"period": ["This field is required."]}), lang)[:2] for lang in LANGS] == [
        (400, {"error": {"type": "invalid", "message": "«period» мәні жарамсыз.", "field": "period"}}),
        (400, {"error": {"type": "invalid", "message": "Значение «period» недопустимо.", "field": "period"}}),
        (400, {"error": {"type": "invalid", "message": "The value of “period” is not valid.", "field": "period"}})]
    assert answer(exceptions.ValidationError(["Bad."]), "en")[1] == {
        "error": {"type": "invalid", "message": "The request is not valid.", "field": None}}
    assert exception_handler(RuntimeError("a fault of ours"), {"request": rf.get("/api/records")}) is None  # the 500 page


def test_a_submission_is_written_in_the_apis_one_shape(demo):  # noqa: F811
    from aqyl.app.submissions import submission_json

    s = m.Submission.objects.filter(hei__code="ALMAU", period="2023H1", is_current=True).get()
    listed = _api("analyst", "en").get("/api/submissions?period=2023H1&hei=ALMAU&current=true").json()["results"]
    one = _api("analyst", "en").get(f"/api/submissions/{s.pk}").json()
    assert listed == [one] == [submission_json(s)]
    assert list(one) == ["id", "hei", "period", "version", "is_current", "source", "file_name", "file_sha256",
                         "row_count", "rejected_count", "submitted_by", "created_at"]
    from rest_framework.serializers import DateTimeField

    assert one["hei"] == "ALMAU" and one["row_count"] == s.row_count
    assert one["created_at"] == DateTimeField().to_representation(s.created_at)  # as REST framework writes a time
