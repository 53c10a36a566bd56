"""Numbers, percents, plural forms and alphabetical order the way each language writes them.

Everything comes from CLDR through Babel: "1 234,5" and "10,7%" in Kazakh, "1 234,5" and
"10,7 %" in Russian, "1,234.5" and "10.7%" in English; plural categories decide "2 человека" but
"5 человек". Kazakh nouns do not change after a numeral ("382 адам").
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache

from babel import Locale
from babel.numbers import format_decimal

from aqyl.domain.i18n import check_lang


@cache
def _locale(lang: str) -> Locale:
    return Locale.parse(check_lang(lang))


def fmt_int(n: int, lang: str) -> str:
    return format_decimal(n, format="#,##0", locale=_locale(lang))


def fmt_num(x: float, lang: str, decimals: int = 1) -> str:
    return format_decimal(x, format="#,##0." + "0" * decimals if decimals else "#,##0", locale=_locale(lang))


@cache
def _percent_pattern(lang: str, decimals: int) -> str:
    # The locale's own percent pattern ("#,##0 %" in ru) with the decimals the note prints.
    pattern = _locale(lang).percent_formats[None].pattern
    return pattern.replace("#,##0", "#,##0." + "0" * decimals) if decimals else pattern


def fmt_pct(percent: float, lang: str, decimals: int = 1) -> str:
    """``percent`` in percent units: 10.7 → "10,7%" (kk), "10,7 %" (ru), "10.7%" (en)."""
    from babel.numbers import format_percent

    return format_percent(percent / 100, format=_percent_pattern(lang, decimals), locale=_locale(lang))


def plural_category(n: float, lang: str) -> str:
    """CLDR plural category of ``n`` in ``lang``: one, few, many or other."""
    return _locale(lang).plural_form(n)


def plural(n: float, forms: Mapping[str, str], lang: str) -> str:
    """The form of a word that goes with ``n``; ``forms`` holds CLDR categories, "other" is the fallback."""
    return forms.get(plural_category(n, lang), forms["other"])


# Alphabetical order of the Kazakh and Russian Cyrillic alphabets (Python's code-point order would
# put ә, ғ, қ … after я); letters outside the alphabet keep their code-point order after it.
_ALPHABETS = {
    "kk": "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя",
    "ru": "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
}


def collation_key(text: str, lang: str) -> tuple:
    alphabet = _ALPHABETS.get(lang)
    folded = text.casefold()
    if alphabet is None:
        return (folded,)
    return tuple(alphabet.index(ch) if ch in alphabet else 100 + ord(ch) for ch in folded)


# A duration's unit as it follows a numeral: Russian in the accusative ("ждали 1 секунду,
# 3 секунды, 5 секунд"; a fraction: "0,5 секунды"); Kazakh nouns do not change after a numeral.
_SECONDS = {"kk": {"other": "секунд"}, "ru": {"one": "секунду", "few": "секунды", "many": "секунд", "other": "секунды"},
            "en": {"one": "second", "other": "seconds"}}
_MINUTES = {"kk": {"other": "минут"}, "ru": {"one": "минуту", "few": "минуты", "many": "минут", "other": "минуты"},
            "en": {"one": "minute", "other": "minutes"}}


def duration(seconds: float, lang: str) -> str:
    """``seconds`` in words: "3 seconds", «3 секунды» (accusative), «3 секунд»; whole minutes from
    two minutes on ("15 minutes", «15 минут»)."""
    if seconds >= 120 and seconds % 60 == 0:
        n: float = seconds // 60
        forms = _MINUTES[check_lang(lang)]
    else:
        n = seconds
        forms = _SECONDS[check_lang(lang)]
    shown = fmt_int(int(n), lang) if n == int(n) else fmt_num(n, lang, 2).rstrip("0")
    return f"{shown} {plural(n, forms, lang)}"
