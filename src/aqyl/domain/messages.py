"""Message catalogue: every text the core shows a user, as a template per language.

Templates use ``str.format`` fields. A parameter that is a :class:`Label` is written in the
message's language; a list of labels is joined with commas.
"""

from __future__ import annotations

from collections.abc import Iterable

from aqyl.domain.i18n import Label, check_lang

CATALOGUE: dict[str, Label] = {
    "unknown_value": Label(
        kk="«{value}» мәні «{classifier}» анықтамалығында жоқ. Мүмкін, мыналардың бірі: {suggestions}.",
        ru="Значения «{value}» нет в справочнике «{classifier}». Возможно, имелось в виду: {suggestions}.",
        en="“{value}” is not in the {classifier} classifier. Did you mean: {suggestions}?",
    ),
    "unknown_value_no_match": Label(
        kk="«{value}» мәні «{classifier}» анықтамалығында жоқ. Рұқсат етілген мәндер: {suggestions}.",
        ru="Значения «{value}» нет в справочнике «{classifier}». Допустимые значения: {suggestions}.",
        en="“{value}” is not in the {classifier} classifier. Allowed values: {suggestions}.",
    ),
    "empty_value": Label(
        kk="«{classifier}» мәні бос. Анықтамалықтағы мәндердің бірін көрсетіңіз.",
        ru="Значение «{classifier}» не заполнено. Укажите одно из значений справочника.",
        en="The {classifier} is empty. Give one of the classifier's values.",
    ),
    "bad_period": Label(
        kk="«{value}» кезеңі танылмады. Мысалдар: 2023H1 (жартыжылдық), 2022/23 (оқу жылы), 2023 (күнтізбелік жыл).",
        ru="Период «{value}» не распознан. Примеры: 2023H1 (полугодие), 2022/23 (учебный год), 2023 (календарный год).",
        en="Period “{value}” is not recognised. Examples: 2023H1 (half-year), 2022/23 (academic year), 2023 (calendar year).",
    ),
    "unknown_hei": Label(
        kk="«{value}» ЖОО-сы тізілімде жоқ. Ең жақындары: {suggestions}.",
        ru="Вуза «{value}» нет в реестре. Ближайшие: {suggestions}.",
        en="HEI “{value}” is not in the registry. Closest: {suggestions}.",
    ),
    "duplicate_hei_code": Label(
        kk="«{value}» коды бар ЖОО тізілімде бар. Басқа код таңдаңыз.",
        ru="Вуз с кодом «{value}» уже есть в реестре. Выберите другой код.",
        en="An HEI with code “{value}” is already registered. Choose another code.",
    ),
    "duplicate_hei_name": Label(
        kk="«{value}» атауы «{other}» ЖОО-сына тиесілі. Атауды немесе бүркеншік атауды өзгертіңіз.",
        ru="Название «{value}» уже принадлежит вузу «{other}». Измените название или псевдоним.",
        en="The name “{value}” already belongs to HEI “{other}”. Change the name or alias.",
    ),
    "bad_hei_code": Label(
        kk="«{value}» коды жарамсыз: тек латын әріптері, цифрлар, «-» және «_» (2–32 таңба).",
        ru="Код «{value}» недопустим: только латинские буквы, цифры, «-» и «_» (2–32 символа).",
        en="Code “{value}” is not valid: use Latin letters, digits, “-” and “_” (2–32 characters).",
    ),
    "demo_conflict": Label(
        kk="Дерекқорда {periods} кезеңдеріне демо емес деректер бар. Демоны бөлек дерекқорда іске қосыңыз: aqyl demo --out ҚАЛТА.",
        ru="В базе есть не демонстрационные данные за {periods}. Запустите демо в отдельной базе: aqyl demo --out ПАПКА.",
        en="The database holds real (non-demo) submissions for {periods}. Run the demo in a database of its own: aqyl demo --out DIR.",
    ),
}


def render(key: str, lang: str, **params: object) -> str:
    template = CATALOGUE[key].get(check_lang(lang))
    return template.format(**{name: _text(value, lang) for name, value in params.items()})


def _text(value: object, lang: str) -> str:
    if isinstance(value, Label):
        return value.get(lang)
    if isinstance(value, Iterable) and not isinstance(value, str):
        return ", ".join(_text(item, lang) for item in value)
    return str(value)
