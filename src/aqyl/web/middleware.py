"""The interface language: the one the user chose (a cookie set by the switch), else their
profile's, else Kazakh. The browser's Accept-Language is not asked: Kazakh is the default."""

from __future__ import annotations

from django.utils import translation

COOKIE = "aqyl_lang"
LANGS = ("kk", "ru", "en")


def language_of(request) -> str:
    chosen = request.COOKIES.get(COOKIE, "")
    if chosen in LANGS:
        return chosen
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
