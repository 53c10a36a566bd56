"""The application's own error pages in the user's language instead of Django's English ones,
and the health check. They read the language from the cookie alone, as the request may have
failed before the middleware ran."""

from __future__ import annotations

from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt

from aqyl.domain.wording.interface import ui
from aqyl.web.middleware import LANGS, language_of


def _error(request, key: str, status: int, **extra):
    lang = language_of(request)
    context = {"message": ui(key, lang), "lang": lang, "request_id": getattr(request, "id", ""), **extra}
    return render(request, "aqyl/error.html", context, status=status)


def bad_request(request, exception=None):
    return _error(request, "bad_request", 400)


def csrf_failure(request, reason=""):
    return _error(request, "csrf_failed", 403)


def forbidden(request, exception=None):
    return _error(request, "forbidden", 403)


def not_found(request, exception=None):
    return _error(request, "not_found", 404)


@csrf_exempt  # nginx sends any method here, a form's POST included; nothing is changed
def uri_too_long(request):
    """414: the address is over the application's limit (aqyl.web.middleware.MAX_ADDRESS), or nginx
    sent one gunicorn could not read (deploy/nginx/aqyl.conf's @aqyl_too_long)."""
    if request.path.startswith("/api/"):  # the API's one envelope (aqyl.web.api.errors)
        from aqyl.web.api.errors import envelope

        return JsonResponse(envelope("uri_too_long", ui("uri_too_long", language_of(request))), status=414)
    return _error(request, "uri_too_long", 414)


def server_error(request):
    # No database, session or user here: the error may be theirs. The id is in the log line too.
    from django.template.loader import render_to_string

    lang = getattr(request, "LANGUAGE_CODE", "")
    lang = lang if lang in LANGS else language_of(request, with_profile=False)
    html = render_to_string("aqyl/error_500.html", {
        "lang": lang, "message": ui("server_error", lang),
        "quote": ui("request_id", lang, id=getattr(request, "id", "-"))})
    return HttpResponse(html, status=500)


def healthz(request):
    """For a load balancer: 200 when the database answers, 503 when it does not."""
    from django.db import connection

    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as error:  # any database failure means "not healthy", and is logged
        import logging

        logging.getLogger("aqyl.health").error("database check failed: %s", error)
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})
