from django import template

from aqyl.web.ui import ui

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
