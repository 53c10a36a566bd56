from django import template

from aqyl.domain.wording.interface import ui

register = template.Library()


@register.simple_tag(takes_context=True)
def t(context, key: str, **fields) -> str:
    """``{% t "upload" %}``: the interface word in the request's language."""
    request = context.get("request")
    return ui(key, getattr(request, "LANGUAGE_CODE", "kk"), **fields)


@register.filter
def label(value, lang: str) -> str:
    """A :class:`Label` (or anything with ``get(lang)``) in one language."""
    return value.get(lang) if hasattr(value, "get") else value


@register.simple_tag(takes_context=True)
def source_name(context, code: str) -> str:
    """``{% source_name "uis" %}``: a flow source's name (UNESCO Institute for Statistics, …); a
    source without one (a national file) as its code."""
    from aqyl.domain.migration.flows import sources

    found = sources().get(code)
    return found.label.get(_lang_of(context)) if found is not None else code


@register.simple_tag(takes_context=True)
def method_name(context, code: str) -> str:
    """``{% method_name "ets" %}``: a forecasting method in words."""
    from aqyl.domain.migration.forecast import METHOD_LABELS

    return METHOD_LABELS[code].get(_lang_of(context)) if code in METHOD_LABELS else code


def _lang_of(context) -> str:
    return getattr(context.get("request"), "LANGUAGE_CODE", "kk")


@register.simple_tag(takes_context=True)
def num(context, value, decimals: int = 0) -> str:
    """``{% num x %}``: a figure as the language writes it (71 368; 71,368); a dash for none."""
    from aqyl.domain.numbers import fmt_num

    if value is None or value == "":
        return "—"
    return fmt_num(float(value), _lang_of(context), decimals)


@register.simple_tag(takes_context=True)
def pct(context, value, decimals: int = 1, signed: bool = False) -> str:
    """``{% pct x %}``: a percentage (x already in %), with its sign when ``signed``."""
    from aqyl.domain.numbers import fmt_pct

    if value is None or value == "":
        return "—"
    text = fmt_pct(float(value), _lang_of(context), decimals)
    return f"+{text}" if signed and value > 0 else text


@register.filter
def may_research(user) -> bool:
    """Whether the research pages (migration, surveys, interviews) are open to ``user``."""
    from aqyl.web.access import role_of

    return role_of(user) in ("analyst", "admin")
