"""The API's one error envelope. Every error — REST framework's own (authentication, permission,
not found, method, media type, parse, throttling, validation) and ours — answers

    {"error": {"type": "<machine word>", "message": "<text in the caller's language>", "field": "<name>" | null}}

with its HTTP status. ``type`` is one of :data:`TYPES` and stays stable (clients branch on it);
``message`` is written for a person in the caller's language (the ``aqyl_lang`` cookie, else the
profile's language, else Kazakh); ``field`` names the parameter or form field at fault, when one is.
REST framework's English details are never shown: each type has its text in
:mod:`aqyl.domain.wording.web`."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404
from rest_framework import exceptions, status
from rest_framework.views import exception_handler as drf_exception_handler

from aqyl.domain.errors import AqylError
from aqyl.domain.wording import web  # noqa: F401  (registers the web's words)
from aqyl.domain.wording.interface import ui
from aqyl.web.middleware import language_of

# type → HTTP status, for every error the API answers.
TYPES = {
    "not_authenticated": 401, "authentication_failed": 401, "token_expired": 401, "bad_login": 400, "otp_wrong": 400,
    "locked": 429, "permission_denied": 403, "not_found": 404, "method_not_allowed": 405, "not_acceptable": 406,
    "unsupported_media_type": 415, "parse_error": 400, "throttled": 429, "invalid": 400, "no_fit": 409,
    "database_fault": 503,  # the database cannot answer or store now (full, read-only, locked, down)
}


class ApiError(exceptions.APIException):
    """An error of ours: its type, its message already in the caller's language, the field at fault."""

    def __init__(self, type_: str, message: str, field: str | None = None, status_code: int | None = None) -> None:
        self.type, self.message, self.field = type_, message, field
        self.status_code = status_code or TYPES[type_]
        super().__init__(message, type_)


def invalid(request, field: str | None, message: str) -> ApiError:
    """A 400 ``invalid`` on ``field`` with ``message`` (already in the caller's language)."""
    return ApiError("invalid", message, field)


def from_aqyl(request, error: AqylError, field: str | None = None) -> ApiError:
    """An :class:`AqylError` (a value a user can fix) as a 400 ``invalid``, in the caller's language."""
    return invalid(request, field if field is not None else error.params.get("field"), error.message(lang_of(request)))


def required(request, field: str) -> ApiError:
    return invalid(request, field, ui("api_required", lang_of(request), field=field))


def lang_of(request) -> str:
    """The caller's language; the Django request under REST framework's, so that reading it never
    authenticates again."""
    return language_of(getattr(request, "_request", request))


def envelope(type_: str, message: str, field: str | None = None) -> dict:
    return {"error": {"type": type_, "message": message, "field": field}}


def exception_handler(exc, context):
    """REST framework's EXCEPTION_HANDLER: its response (status, WWW-Authenticate, Retry-After,
    rollback) with the body replaced by the envelope."""
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied()
    elif isinstance(exc, AqylError):
        exc = from_aqyl(context.get("request"), exc)
    response = drf_exception_handler(exc, context)
    if response is None:
        return None  # not an API error: the server error page, logged with the request's id
    request = context.get("request")
    response.data = envelope(*_typed(exc, request, lang_of(request) if request is not None else "kk"))
    return response


def _typed(exc, request, lang: str) -> tuple[str, str, str | None]:
    if isinstance(exc, ApiError):
        return exc.type, exc.message, exc.field
    if isinstance(exc, exceptions.AuthenticationFailed):
        if "token_expired" in str(exc.get_codes()):
            from django.conf import settings

            return "token_expired", ui("token_expired", lang, days=settings.AQYL_TOKEN_DAYS), None
        return "authentication_failed", ui("api_authentication_failed", lang), None
    if isinstance(exc, exceptions.NotAuthenticated):
        return "not_authenticated", ui("api_not_authenticated", lang), None
    if isinstance(exc, exceptions.PermissionDenied):
        return "permission_denied", ui("api_permission_denied", lang), None
    if isinstance(exc, exceptions.NotFound):
        return "not_found", ui("api_not_found", lang), None
    if isinstance(exc, exceptions.MethodNotAllowed):
        return "method_not_allowed", ui("api_method_not_allowed", lang, method=getattr(request, "method", "")), None
    if isinstance(exc, exceptions.NotAcceptable):
        return "not_acceptable", ui("api_not_acceptable", lang), None
    if isinstance(exc, exceptions.UnsupportedMediaType):
        media = getattr(request, "content_type", "") or "–"
        return "unsupported_media_type", ui("api_unsupported_media_type", lang, media_type=media.split(";")[0]), None
    if isinstance(exc, exceptions.ParseError):
        return "parse_error", ui("api_parse_error", lang), None
    if isinstance(exc, exceptions.Throttled):
        if exc.wait is None:
            return "throttled", ui("api_throttled_later", lang), None
        return "throttled", ui("api_throttled", lang, wait=int(exc.wait + 0.999)), None
    if isinstance(exc, exceptions.ValidationError):
        # A serializer's own check (its English text is not shown): the first field at fault.
        field = next(iter(exc.detail), None) if isinstance(exc.detail, dict) else None
        field = None if field in (None, "non_field_errors") else str(field)
        text = ui("api_invalid_field", lang, field=field) if field else ui("api_invalid", lang)
        return "invalid", text, field
    if exc.status_code == status.HTTP_401_UNAUTHORIZED:
        return "not_authenticated", ui("api_not_authenticated", lang), None
    return "invalid", ui("api_invalid", lang), None


# --- the schema --------------------------------------------------------------------------------
ERROR_SCHEMA = {
    "type": "object", "required": ["error"],
    "description": "Every API error: a stable machine type, a message in the caller's language, the field at fault.",
    "properties": {"error": {"type": "object", "required": ["type", "message", "field"], "properties": {
        "type": {"type": "string", "enum": sorted(TYPES)},
        "message": {"type": "string", "description": "In the caller's language (kk, ru or en)"},
        "field": {"type": "string", "nullable": True, "description": "The parameter or field at fault, if one is"},
    }}},
}
DOCUMENTED = {"400": "Invalid input", "401": "Not signed in", "403": "No right to this", "404": "Not found"}


def document_errors(result, generator, request, public):
    """drf-spectacular's postprocessing hook: the envelope as the ``Error`` component and as the
    answer of 400, 401, 403 and 404 of every operation (and of a 409 where one is declared). An
    answer an operation declares itself is kept (the survey analysis answers 400 with its report)."""
    result.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR_SCHEMA
    body = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
    for operations in result.get("paths", {}).values():
        for operation in operations.values():
            responses = operation.setdefault("responses", {})
            for code, text in DOCUMENTED.items():
                responses.setdefault(code, {"description": text, "content": body})
            if "409" in responses:
                responses["409"] = {"description": "Not ready", "content": body}
    return result
