"""A link to an organisation's contact people in the web, for the pages of the kaart.

Shown only to partners of the organisation's gemeente (``toegang.is_partner``), so a resident
never learns there is anyone to look up. Use: ``{% load web_personen %}{% web_personen_link
organisatie %}``.
"""

from django import template

from samenspel.network import toegang

register = template.Library()


@register.inclusion_tag("network/_personen_link.html", takes_context=True)
def web_personen_link(context, organisatie):
    gebruiker = context.get("user")
    tonen = (
        gebruiker is not None
        and organisatie is not None
        and toegang.is_partner(gebruiker, organisatie.gemeente_id)
    )
    return {"tonen": tonen, "organisatie": organisatie}
