"""Request middleware: the interface language (the one the user chose in the switch, a cookie, else
their profile's, else Kazakh; the browser's Accept-Language is not asked), the client's address behind a
trusted proxy, the request id, the security headers and the second factor."""

from __future__ import annotations

import ipaddress
import logging
import re
import uuid
from contextvars import ContextVar

from django.conf import settings
from django.utils import translation

COOKIE = "aqyl_lang"
LANGS = ("kk", "ru", "en")


def language_of(request, with_profile: bool = True) -> str:
    chosen = request.COOKIES.get(COOKIE, "")
    if chosen in LANGS:
        return chosen
    if not with_profile:
        return "kk"
    profile = getattr(getattr(request, "user", None), "aqyl_profile", None)
    if profile is not None and profile.language in LANGS:
        return profile.language
    return "kk"


class InterfaceLanguage:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        lang = language_of(request)
        translation.activate(lang)
        request.LANGUAGE_CODE = lang
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", lang)
        return response


# --- request id, client address, security headers ----------------------------------------------
request_id: ContextVar[str] = ContextVar("aqyl_request_id", default="-")
_GOOD_ID = re.compile(r"[A-Za-z0-9-]{8,64}")


def _trusted(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in ipaddress.ip_network(net, strict=False) for net in settings.TRUSTED_PROXIES)


class ClientAddress:
    """Behind a configured reverse proxy (AQYL_TRUSTED_PROXIES), the client is the address the proxy
    appended to X-Forwarded-For; otherwise the header is ignored, so it cannot be forged."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.aqyl_via_proxy = _trusted(request.META.get("REMOTE_ADDR", ""))
        if request.aqyl_via_proxy:
            forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if a.strip()]
            # Right to left: the first address not itself a trusted proxy is the client's.
            for address in reversed(forwarded):
                if not _trusted(address):
                    request.META["REMOTE_ADDR"] = address
                    break
        return self.get_response(request)


class RequestId:
    """Every request gets an id (the proxy's X-Request-ID when a trusted proxy sent one), written in
    each log line, sent back as X-Request-ID and shown on the error page for the user to quote."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        given = request.META.get("HTTP_X_REQUEST_ID", "")
        rid = given if getattr(request, "aqyl_via_proxy", False) and _GOOD_ID.fullmatch(given) else uuid.uuid4().hex[:16]
        request.id = rid
        token = request_id.set(rid)
        try:
            response = self.get_response(request)
        finally:
            request_id.reset(token)
        response.headers["X-Request-ID"] = rid
        return response


class RequestIdFilter(logging.Filter):
    def filter(self, record):
        record.request_id = request_id.get()
        return True


class SecurityHeaders:
    """The headers Django's SecurityMiddleware does not set: the Content-Security-Policy (Django 5.2
    has none; ours is one fixed policy, so a library's per-view and nonce machinery is not needed)
    and Permissions-Policy."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", settings.CONTENT_SECURITY_POLICY)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


# --- second factor -----------------------------------------------------------------------------
OPEN_WITHOUT_SECOND_FACTOR = {"login", "logout", "set_language", "otp_verify", "otp_setup", "healthz", "uri_too_long"}


def second_factor_required(user) -> bool:
    from aqyl.web.access import role_of

    return settings.AQYL_REQUIRE_2FA_FOR_ADMINS and (role_of(user) == "admin" or user.is_staff or user.is_superuser)


class SecondFactor:
    """A signed-in user with a TOTP device must enter a code before anything else; an administrator
    without one, when AQYL_REQUIRE_2FA_FOR_ADMINS=1, must set one up first."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from django.http import HttpResponseRedirect
        from django.urls import Resolver404, resolve, reverse
        from django.utils.http import urlencode
        from django_otp import user_has_device

        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and not user.is_verified():
            try:
                name = resolve(request.path_info).url_name
            except Resolver404:
                name = None
            if name not in OPEN_WITHOUT_SECOND_FACTOR:
                query = "?" + urlencode({"next": request.get_full_path()})
                if user_has_device(user, confirmed=True):
                    return HttpResponseRedirect(reverse("otp_verify") + query)
                if second_factor_required(user):
                    return HttpResponseRedirect(reverse("otp_setup") + query)
        return self.get_response(request)


class NoNulCharacters:
    """A NUL character in a parameter is refused with the 400 page: PostgreSQL cannot hold one in
    text, and no form of ours sends one, so it can only be garbage or a probe."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from django.core.exceptions import SuspiciousOperation

        params = [request.GET] + ([request.POST] if request.method == "POST" else [])
        if any("\x00" in key or any("\x00" in v for v in values) for q in params for key, values in q.lists()):
            raise SuspiciousOperation("NUL character in a request parameter")
        return self.get_response(request)


MAX_ADDRESS = 2048  # characters of a request's path and query, as sent (percent-encoded)
MAX_NEXT = 1024     # characters of a login redirect's next=…, once encoded


class LongAddresses:
    """An address longer than MAX_ADDRESS is answered with the application's own 414 page in the
    user's language (gunicorn refuses a request line over 4,094 bytes in English, and nginx sends
    what is longer than that to the same page: deploy/nginx/aqyl.conf). A sign-in redirect whose
    next=… would be over MAX_NEXT keeps the page's path without its query (or no next at all), so
    the Location header fits nginx's proxy buffer."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from urllib.parse import quote

        from django.conf import settings
        from django.contrib.auth.views import redirect_to_login
        from django.shortcuts import resolve_url

        if len(request.get_full_path()) > MAX_ADDRESS:
            from aqyl.web.views.errors import uri_too_long

            return uri_too_long(request)
        response = self.get_response(request)
        login = resolve_url(settings.LOGIN_URL)
        where = response.get("Location", "") if response.status_code == 302 else ""
        if where.startswith(login + "?") and len(where) > len(login) + MAX_NEXT:
            short = request.path if len(quote(request.path)) <= MAX_NEXT else None
            response["Location"] = redirect_to_login(short, login)["Location"] if short else login
        return response


class DatabaseFaults:
    """A fault of the database a user or operator can fix (full disk, read-only, locked past the
    wait, unreachable, refused password) is said in the user's language with what to do, status 503,
    on any page or API call; nothing was stored, as each write is one transaction. Any other error
    goes on to Django's (and the 500 page)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        from aqyl.app.system import fault_message

        lang = getattr(request, "LANGUAGE_CODE", "") or language_of(request, with_profile=False)
        message = fault_message(exception, lang if lang in LANGS else "kk")
        if message is None:
            return None
        logging.getLogger("aqyl").warning("database fault: %s", exception)
        if request.path.startswith("/api/"):
            from django.http import JsonResponse

            from aqyl.web.api.errors import envelope

            return JsonResponse(envelope("database_fault", message), status=503)
        from django.http import HttpResponse
        from django.template.loader import render_to_string

        from aqyl.domain.wording.interface import ui

        # The page of the 500 error: it needs no database, session or user, which may be at fault.
        html = render_to_string("aqyl/error_500.html", {
            "lang": lang, "message": message, "quote": ui("request_id", lang, id=getattr(request, "id", "-"))})
        return HttpResponse(html, status=503)
