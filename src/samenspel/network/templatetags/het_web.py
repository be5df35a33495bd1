"""``{% het_web_menu %}`` in the main menu: "Het web" for users who may see some web."""

from django import template

from samenspel.accounts.models import Rol
from samenspel.network import toegang

register = template.Library()


@register.inclusion_tag("network/beeld_menu.html", takes_context=True)
def het_web_menu(context):
    gebruiker = context.get("user")
    return {"tonen": bool(gebruiker) and ziet_enig_web(gebruiker)}


def ziet_enig_web(gebruiker) -> bool:
    """A role that sees a web (``toegang.ziet_web``), read from the user row alone.

    The menu is on every page, so it asks the database nothing; which gemeenten the user works
    in is the overview's question, with an empty state for someone who works in none yet.
    """
    return gebruiker.is_authenticated and gebruiker.rol in (
        toegang.PARTNERROLLEN | {Rol.GEMEENTE_ANALIST, Rol.BEHEERDER}
    )


@register.filter
def persoonslabel(persoon, gw):
    """A person as this page's reader may see them (``Gebiedsweb.label``: the one rule)."""
    return gw.label(str(persoon.pk))
