"""Declension of names inside sentences: Kazakh cases by rule, Russian cases through pymorphy3.

The note's sentences say "Өзбекстаннан (177 адам)", "Польшаға (14 адам)", "АҚШ-қа", "из
Узбекистана", "в Польшу", "на Кипр" instead of quoting a classifier label. What the rules or the
library get wrong is corrected in ``aqyl/data/grammar_kk.json`` and ``grammar_ru.json``, which a
native editor can read and change without touching this code.

Kazakh (see ``kk_case``): the suffix goes on the last word of the name and is chosen by
- vowel harmony: the last vowel of the last word (back а о ұ ы я ё, front ә е ө ү і э ю и);
  a final soft sign makes it front (Израильге); "у" after a vowel is a glide and "у" in a loanword
  takes the harmony of the vowel before it (Перуге, Сингапурға, Люксембургке);
- the last sound: vowel; р л й у and и (= ій); м н ң; з ж; voiceless consonants, among which the
  loanwords' final б в г д, pronounced voiceless (Таиландқа);
- a 3rd-person possessive ending ("Ресей Федерациясы", "Біріккен Араб Әмірліктері") takes the
  pronominal n: Федерациясына, Федерациясында, Федерациясынан, Федерациясын;
- an abbreviation in capitals takes a hyphen, and the suffix the data lists for it (АҚШ-қа,
  ҚХР-ға, ТМД-дан); one not listed is read by its last letter.
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources

# --------------------------------------------------------------------------------------------
# Kazakh
# --------------------------------------------------------------------------------------------

KK_CASES = ("nom", "gen", "dat", "acc", "loc", "abl", "ins")

_KK_BACK = set("аоұыяё")
_KK_FRONT = set("әеөүіэюи")
_KK_VOWELS = _KK_BACK | _KK_FRONT | {"у"}
_KK_FRONT_CAPS = set("ӘЕӨҮІЭЮИ")

# Suffixes by the class of the last sound; each entry is (back, front).
_KK_SUFFIX: dict[str, dict[str, tuple[str, str]]] = {
    "vowel": {"gen": ("ның", "нің"), "acc": ("ны", "ні"), "dat": ("ға", "ге"), "loc": ("да", "де"),
              "abl": ("дан", "ден"), "ins": ("мен", "мен"), "plural": ("лар", "лер")},
    # р, й, у and и (read ій/ый): "Ресейдің", "Ресейді", "Кипрге", "Чилиге"
    "ryu": {"gen": ("дың", "дің"), "acc": ("ды", "ді"), "dat": ("ға", "ге"), "loc": ("да", "де"),
            "abl": ("дан", "ден"), "ins": ("мен", "мен"), "plural": ("лар", "лер")},
    # л differs from р only in the plural: "елдер", "аралдар"
    "l": {"gen": ("дың", "дің"), "acc": ("ды", "ді"), "dat": ("ға", "ге"), "loc": ("да", "де"),
          "abl": ("дан", "ден"), "ins": ("мен", "мен"), "plural": ("дар", "дер")},
    # м н ң: "Қазақстанның", "Қазақстанды", "Өзбекстаннан"
    "nasal": {"gen": ("ның", "нің"), "acc": ("ды", "ді"), "dat": ("ға", "ге"), "loc": ("да", "де"),
              "abl": ("нан", "нен"), "ins": ("мен", "мен"), "plural": ("дар", "дер")},
    # з ж: "көзге", "Белизбен"
    "zj": {"gen": ("дың", "дің"), "acc": ("ды", "ді"), "dat": ("ға", "ге"), "loc": ("да", "де"),
           "abl": ("дан", "ден"), "ins": ("бен", "бен"), "plural": ("дар", "дер")},
    "voiceless": {"gen": ("тың", "тің"), "acc": ("ты", "ті"), "dat": ("қа", "ке"), "loc": ("та", "те"),
                  "abl": ("тан", "тен"), "ins": ("пен", "пен"), "plural": ("тар", "тер")},
    # after a 3rd-person possessive -ы/-і/-сы/-сі: the pronominal n
    "possessive": {"gen": ("ның", "нің"), "acc": ("н", "н"), "dat": ("на", "не"), "loc": ("нда", "нде"),
                   "abl": ("нан", "нен"), "ins": ("мен", "мен")},
}

_KK_CLASS = {**dict.fromkeys("рйуи", "ryu"), "л": "l", **dict.fromkeys("мнң", "nasal"),
             **dict.fromkeys("зж", "zj")}
_ABBREVIATION = re.compile(r"^[А-ЯЁӘҒҚҢӨҰҮҺІ]{2,}$")
_TRAILING_NOTE = re.compile(r"^(.*?\S)(\s*\([^()]*\))$")  # "Мьянма (Бирма)": decline "Мьянма"


@cache
def _data(lang: str) -> dict:
    text = resources.files("aqyl.data").joinpath(f"grammar_{lang}.json").read_text("utf-8")
    return json.loads(text)


def _check(case: str, known: tuple[str, ...]) -> None:
    if case not in known:
        raise ValueError(f"unknown case {case!r}; expected one of {', '.join(known)}")


def _kk_harmony(word: str) -> str:
    """"back" or "front" by the last vowel of ``word`` (lower case)."""
    if word.endswith("ь"):
        return "front"  # loanwords with a final soft sign take front suffixes: Израильге, Беларуське
    letters = [c for c in word if c.isalpha()]
    for i in range(len(letters) - 1, -1, -1):
        c = letters[i]
        if c == "у":
            continue  # a glide after a vowel, or a loanword's у: the vowel before it decides
        if c in _KK_BACK:
            return "back"
        if c in _KK_FRONT:
            return "front"
    return "back"


def _kk_class(word: str) -> str:
    last = word.rstrip("ьъ")[-1:]
    if last in _KK_VOWELS - {"у", "и"}:
        return "vowel"
    return _KK_CLASS.get(last, "voiceless")


def _kk_is_possessive(words: list[str]) -> bool:
    last = words[-1].lower()
    if last in _data("kk")["not_possessive"]:
        return False
    # "Ресей Федерациясы", "Сауд Арабиясы", "Әмірліктері", "саласы": a 3rd-person possessive.
    return last.endswith(("сы", "сі")) or (len(words) > 1 and last.endswith(("ы", "і")))


def _kk_abbreviation(word: str, case: str) -> str:
    # Not in the data: read by the last letter; consonants by their sound (АҚШ-қа, ҚХР-ға), б в г д
    # by their names бе, ве, ге, де (ТМД-дан); back unless the last letter is a front vowel (БАӘ-ге).
    last = word[-1].lower()
    harmony = "front" if word[-1] in _KK_FRONT_CAPS else "back"
    cls = "vowel" if last in "бвгд" else _kk_class(last)
    return f"{word}-{_KK_SUFFIX[cls][case][harmony == 'front']}"


_LATIN = str.maketrans("aeiouybcdfghjklmnpqrstvwxz", "аеиоуибкдфгхжклмнпкрстввкз")


def _kk_latin(word: str, case: str) -> str:
    # A word in Latin letters ("PhD", "Erasmus") keeps its spelling; the suffix follows a hyphen and
    # is chosen as if the word were written in Cyrillic.
    cyrillic = "".join(c for c in word.lower() if c.isalpha()).translate(_LATIN) or "а"
    return f"{word}-{_KK_SUFFIX[_kk_class(cyrillic)][case][_kk_harmony(cyrillic) == 'front']}"


def _kk_word(word: str, case: str, possessive: bool) -> str:
    exception = _data("kk")["words"].get(word, {})
    if case in exception:
        return exception[case]
    if _ABBREVIATION.match(word):
        return _kk_abbreviation(word, case)
    if not re.search(r"[а-яёәғқңөұүһі]", word.lower()):
        return _kk_latin(word, case)
    low = word.lower()
    front = _kk_harmony(low) == "front"
    cls = "possessive" if possessive else _kk_class(low)
    return word + _KK_SUFFIX[cls][case][front]


def kk_case(phrase: str, case: str) -> str:
    """``phrase`` (a Kazakh name in the nominative) in ``case``: nom, gen, dat, acc, loc, abl, ins."""
    _check(case, KK_CASES)
    phrase = phrase.strip()
    if case == "nom" or not phrase:
        return phrase
    exception = _data("kk")["phrases"].get(phrase)
    if exception:
        return exception[case]
    note = _TRAILING_NOTE.match(phrase)
    if note:
        return kk_case(note.group(1), case) + note.group(2)
    words = phrase.split(" ")
    words[-1] = _kk_word(words[-1], case, _kk_is_possessive(words))
    return " ".join(words)


def kk_plural(noun: str) -> str:
    """The plural of a simple Kazakh noun: ел → елдер, адам → адамдар, магистр → магистрлер, ЖОО → ЖОО-лар."""
    noun = noun.strip()
    exception = _data("kk")["plural"].get(noun)
    if exception:
        return exception
    head, _, last = noun.rpartition(" ")
    form = _kk_word(last, "plural", possessive=False)
    return f"{head} {form}" if head else form


def kk_to(name: str) -> str:
    """"Польшаға", "АҚШ-қа": the dative a sentence says a person went to."""
    return kk_case(name, "dat")


def kk_from(name: str) -> str:
    """"Өзбекстаннан", "Ресей Федерациясынан": the ablative."""
    return kk_case(name, "abl")


def kk_in(name: str) -> str:
    """"Польшада", "АҚШ-та": the locative."""
    return kk_case(name, "loc")


# --------------------------------------------------------------------------------------------
# Russian
# --------------------------------------------------------------------------------------------

RU_CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
_ADJECTIVE = {"ADJF", "PRTF"}
_SEPARATORS = {"и", "—", "-", ","}


@cache
def _morph():
    import pymorphy3  # loads its dictionaries (about 0.1 s) on first use only

    return pymorphy3.MorphAnalyzer()


def _ru_tokens(phrase: str) -> list[str]:
    for short, full in _data("ru")["expand"].items():
        phrase = re.sub(rf"(?<!\w){re.escape(short)}(?!\w)", full, phrase)
    return re.findall(r"[^\s,]+|,", phrase)


def _restore(original: str, form: str) -> str:
    """Give ``form`` (lower case from pymorphy) the capitals and ё/е spelling of ``original``; an
    ending changes only the end, so the letters line up ("Кот-д’Ивуар" → "Кот-д’Ивуара")."""
    if "ё" not in original.lower():
        form = form.replace("ё", "е")
    return "".join(c.upper() if i < len(original) and original[i].isupper() else c for i, c in enumerate(form))


def _ru_parse(word: str):
    """The nominative parse of ``word`` a name means, or None for a word kept as written."""
    if _ABBREVIATION.match(word) or word in _data("ru")["indeclinable"]:
        return None
    morph = _morph()
    low = word.lower()
    if not morph.word_is_known(low):
        return None  # a guess would invent endings ("Эсватини" → "Эсватиня"); keep the word
    parses = [p for p in morph.parse(low) if p.tag.case == "nomn"]
    if not parses:
        return None
    proper = word[:1].isupper()

    def rank(p):
        tag = p.tag
        geo = proper and "Geox" in tag
        person = bool({"Name", "Surn", "Patr"} & tag.grammemes)
        return (geo, not person, tag.POS in _ADJECTIVE | {"NOUN"}, p.score)

    best = max(parses, key=rank)
    return None if "Fixd" in best.tag else best


def _ru_inflect(p, grammemes: set[str]) -> str | None:
    form = p.inflect(grammemes)
    return form.word if form else None


def _ru_conjunct(words: list[str], case: str, plural: bool) -> tuple[list[str], bool]:
    """Decline the adjectives before the head noun and the head; return the words and whether the
    head ended the conjunct (then a following "и …" is another name to decline, not a complement)."""
    parses = [_ru_parse(w) for w in words]
    head = next((i for i, p in enumerate(parses) if p is None or p.tag.POS not in _ADJECTIVE), None)
    if head is None:
        return words, True
    noun = parses[head]
    out = list(words)
    if noun is not None:
        number = "plur" if plural or noun.tag.number == "plur" else "sing"
        wanted = {case} | ({"plur"} if number == "plur" and "Sgtm" not in noun.tag else set())
        form = _ru_inflect(noun, wanted)
        if form:
            out[head] = _restore(words[head], form)
        number = "plur" if "plur" in wanted or noun.tag.number == "plur" else "sing"
        gender, animacy = noun.tag.gender, noun.tag.animacy or "inan"
    else:  # an indeclinable head ("США", "Перу"): adjectives still agree with what it names
        number, gender, animacy = "sing", None, "inan"
    for i in range(head):
        adj = parses[i]
        grammemes = {case, number}
        if number == "sing" and gender in {"masc", "femn", "neut"}:
            grammemes.add(gender)
        if case == "accs" and (number == "plur" or gender == "masc"):
            grammemes.add(animacy)
        form = _ru_inflect(adj, grammemes)
        if form:
            out[i] = _restore(words[i], form)
    return out, head == len(words) - 1


def ru_case(phrase: str, case: str, plural: bool = False) -> str:
    """``phrase`` (a Russian name or term in the nominative) in ``case``: nomn, gent, datv, accs,
    ablt, loct. The adjectives before the head noun agree with it; words after it keep their form
    ("Республики Корея", "кандидатов наук" with ``plural=True``); indeclinable words stay."""
    _check(case, RU_CASES)
    phrase = phrase.strip()
    exception = _data("ru")["phrases"].get(phrase)
    if exception:
        return exception[case]
    if case == "nomn" and not plural:
        return phrase
    note = _TRAILING_NOTE.match(phrase)
    if note:
        return ru_case(note.group(1), case, plural) + note.group(2)
    tokens = _ru_tokens(phrase)
    out: list[str] = []
    conjunct: list[str] = []
    complement = False  # once the head has words after it, the rest of the phrase is its complement
    for token in [*tokens, None]:
        if token is None or (token in _SEPARATORS and not complement):
            if conjunct:
                declined, head_last = _ru_conjunct(conjunct, case, plural)
                out += declined
                complement = not head_last
                conjunct = []
            if token is not None:
                out.append(token)
        elif complement:
            out.append(token)
        else:
            conjunct.append(token)
    return re.sub(r" ,", ",", " ".join(out))


def _ru_on(name: str) -> bool:
    data = _data("ru")
    return name.strip() in data["na"] or any(w in name for w in data["na_words"])


def _ru_v(form: str) -> str:
    # "во" before в or ф followed by a consonant: во Францию, во Вьетнам; в Венгрию.
    return "во" if re.match(r"[вфВФ][^аеёиоуыэюяАЕЁИОУЫЭЮЯ]", form) else "в"


def ru_to(name: str) -> str:
    """"в Польшу", "во Францию", "на Кипр": where a person went."""
    form = ru_case(name, "accs")
    return f"{'на' if _ru_on(name) else _ru_v(form)} {form}"


def ru_from(name: str) -> str:
    """"из Узбекистана", "с Кипра", "со Шри-Ланки": where a person came from."""
    form = ru_case(name, "gent")
    if not _ru_on(name):
        return f"из {form}"
    # "со" before с з ш ж followed by a consonant: со Шри-Ланки
    return f"{'со' if re.match(r'[сзшжСЗШЖ][^аеёиоуыэюяАЕЁИОУЫЭЮЯ]', form) else 'с'} {form}"


def ru_in(name: str) -> str:
    """"в Польше", "во Франции", "на Кипре": where something took place."""
    form = ru_case(name, "loct")
    return f"{'на' if _ru_on(name) else _ru_v(form)} {form}"
