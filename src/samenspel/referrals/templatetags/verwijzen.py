"""Template tags other apps use to show referral features on their own pages.

- ``{% op_aanbodpagina service %}`` on a service page: capacity, "Ik wil meedoen", the
  sender's buttons and, for professionals, the figures.
- ``{% verwijzingen_menu %}`` in the main menu: a link to the inbox with the count of
  unanswered referrals.
"""

from datetime import date, datetime

from django import template
from django.utils import formats, timezone

from samenspel.referrals import actions, cijfers
from samenspel.referrals.models import Ontvangst, Verwijzing
from samenspel.referrals.toegang import is_ontvanger, mag_verwijzen

register = template.Library()


@register.inclusion_tag("referrals/_op_aanbodpagina.html", takes_context=True)
def op_aanbodpagina(context, service):
    gebruiker = context.get("user")
    neemt = actions.neemt_verwijzingen(service)
    professional = bool(gebruiker and getattr(gebruiker, "is_professional", False))
    return {
        "service": service,
        "neemt": neemt,
        "ontvangst": Ontvangst.van(service) if neemt else None,
        "mag_verwijzen": neemt and mag_verwijzen(gebruiker),
        "eigen": is_ontvanger(gebruiker, service),
        "cijfers": cijfers.voor_service(service) if neemt and professional else None,
    }


@register.inclusion_tag("referrals/_menu.html", takes_context=True)
def verwijzingen_menu(context):
    gebruiker = context.get("user")
    if gebruiker is None or not gebruiker.is_authenticated:
        return {"tonen": False}
    open_ = 0
    if gebruiker.organisatie_id:
        open_ = Verwijzing.objects.ontvangen_door(gebruiker.organisatie_id).onbeantwoord().count()
    return {"tonen": bool(mag_verwijzen(gebruiker) or gebruiker.organisatie_id), "open": open_}


@register.filter
def isodatum(waarde, met_tijd=True):
    """'2025-06-03T10:00:00+02:00' → '3 juni 2025 10:00' in local time; dates without time."""
    if not waarde:
        return ""
    try:
        if len(waarde) == 10:
            return formats.date_format(date.fromisoformat(waarde), "j F Y")
        moment = timezone.localtime(datetime.fromisoformat(waarde))
    except (TypeError, ValueError):
        return waarde
    return formats.date_format(moment, "j F Y H:i" if met_tijd else "j F Y")


@register.filter
def doel_taal(doel: str) -> str:
    """The language of a consent's recorded purpose, for its lang attribute."""
    return actions.doel_taal(doel)
