"""``{% wijkscan_menu %}`` in the main menu: "Wijkscan" for the roles that work on one."""

from django import template

from samenspel.accounts.models import Rol
from samenspel.wijkscan import toegang

register = template.Library()


@register.inclusion_tag("wijkscan/menu.html", takes_context=True)
def wijkscan_menu(context):
    # Read from the user row alone: the menu is on every page and asks the database nothing.
    gebruiker = context.get("user")
    tonen = bool(gebruiker) and gebruiker.is_authenticated
    return {"tonen": tonen and gebruiker.rol in (toegang.SCANROLLEN | {Rol.BEHEERDER})}
