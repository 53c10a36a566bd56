from django import template

from aqyl.web import access

register = template.Library()


@register.simple_tag(takes_context=True)
def role(context) -> str:
    """``{% role as r %}``: the signed-in user's role ('' without one), for menus that offer only what it may use."""
    request = context.get("request")
    return (access.role_of(request.user) or "") if request is not None else ""
