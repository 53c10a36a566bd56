"""Non-breaking spaces where a line must not break (the rules of Kazakh and Russian typesetting):
between initials and a surname, between a number and its unit or the abbreviated word after it,
inside a year ("2023 ж.", "2023 г."), between an abbreviation and the number after it ("ж. 1 жарт."),
around a dash that opens a number ("1 пол. 2022 г. – 64,0 %": a no-break space before the dash, a word
joiner and a no-break space after it, since a line may otherwise break right after a dash), and
after a Roman numeral before its word ("I полугодие", "II жартыжылдық").

Applied by the DOCX, PDF, HTML and XLSX renderers; not by Markdown, whose text the golden files pin.
"""

from __future__ import annotations

import re

NBSP = "\u00a0"

# An initial: one capital letter and a full stop ("С.", "Д."), followed by a space and a capital.
_CAPITAL = "A-ZА-ЯЁӘҒҚҢӨҰҮҺІ"
_INITIAL = re.compile(rf"(?<![\w.])([{_CAPITAL}]\.) (?=[{_CAPITAL}])")
# Words that belong to the number before them: units, abbreviations, the "people" counted.
_AFTER_NUMBER = {
    "kk": ("ж.", "жж.", "жыл", "жылы", "жылғы", "жарт.", "адам", "мың", "млн", "млрд", "тг", "теңге", "%", "есе",
           "ЖЖОКБҰ", "ел", "елге", "елден", "елдің"),
    "ru": ("г.", "гг.", "пол.", "год", "года", "году", "лет", "человек", "человека", "чел.", "тыс.", "млн", "млрд", "тг", "тенге",
           "%", "раз", "раза", "вуз", "вуза", "вузов", "ОВПО", "стран", "страны", "страна"),
    "en": ("%", "people", "per cent", "times", "thousand", "million", "HEIs", "HEI", "countries", "tenge"),
}
_DASH_NUMBER = re.compile(r"([–—]) (?=[−\-+]?\d)")
WJ = "\u2060"  # word joiner: no break on either side (a line may break after a dash even before a no-break space)
# "label – 313": the space before a dash that opens a number, and the dash kept with the number.
_AROUND_DASH = re.compile(rf"(?<=\S) ([–—]){NBSP}(?=[−\-+]?\d)")
_ROMAN = re.compile(r"(?<![\w.])([IVXІ]{1,4}) (?=[^\W\d_])")
# A short abbreviation before a number ("ж. 1 жарт.", "п. 3", "с. 12").
_ABBREVIATION_NUMBER = re.compile(r"(?<!\w)([^\W\d_]{1,5}\.) (?=\d)")
_SECTION = re.compile(r"(№|§) (?=\d)")


def _number_word(lang: str) -> re.Pattern[str]:
    words = sorted(_AFTER_NUMBER.get(lang, _AFTER_NUMBER["en"]), key=len, reverse=True)
    alternatives = "|".join(re.escape(w) for w in words)
    # A number (digits with thousands apart by a space or NBSP, a decimal comma or point), then the word.
    return re.compile(rf"(\d) (?=(?:{alternatives})(?!\w))")


_PATTERNS: dict[str, re.Pattern[str]] = {}


def tie(text: str, lang: str) -> str:
    """``text`` with the spaces that must not break replaced by NBSP (U+00A0)."""
    if not text or " " not in text:
        return text
    pattern = _PATTERNS.get(lang)
    if pattern is None:
        pattern = _PATTERNS[lang] = _number_word(lang)
    text = _INITIAL.sub(rf"\1{NBSP}", text)
    text = pattern.sub(rf"\1{NBSP}", text)
    text = _DASH_NUMBER.sub(rf"\1{NBSP}", text)
    text = _AROUND_DASH.sub(rf"{NBSP}\1{WJ}{NBSP}", text)
    if lang in ("kk", "ru"):
        text = _ROMAN.sub(rf"\1{NBSP}", text)
    text = _ABBREVIATION_NUMBER.sub(rf"\1{NBSP}", text)
    return _SECTION.sub(rf"\1{NBSP}", text)
