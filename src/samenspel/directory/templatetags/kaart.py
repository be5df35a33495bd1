"""Small display helpers for listings: opening times, distance, freshness."""

from django import template
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from samenspel.directory.models import Dag

register = template.Library()

_KORT = {"MO": "ma", "TU": "di", "WE": "wo", "TH": "do", "FR": "vr", "SA": "za", "SU": "zo"}
_VOLGORDE = list(_KORT)


def _tijd(t) -> str:
    return t.strftime("%H:%M") if t else ""


@register.filter
def geldige_schemas(service) -> list:
    """The listing's schedules in force today (prefetched rows, filtered here)."""
    vandaag = timezone.localdate()
    return [s for s in service.schedules.all() if s.is_geldig_op(vandaag)]


@register.filter
def tijden(service) -> str:
    """When (and where) as its owner or source said it.

    The owner's own words first: "elke donderdag 10-11 uur, start bij winkelcentrum Overvecht"
    says more than the times read from it ("do 10:00–11:00"). Without them, the source's own
    descriptions of the schedules valid today, else the times of those schedules, else
    'op afspraak'. A schedule outside its valid_from/valid_to is never shown as current.
    """
    if service.tijden_omschrijving:
        return service.tijden_omschrijving
    geldig = sorted(
        geldige_schemas(service),
        key=lambda s: (min((_VOLGORDE.index(d) for d in s.dagen if d in _KORT), default=9),),
    )
    woorden = list(dict.fromkeys(s.description.strip() for s in geldig if s.description.strip()))
    if woorden and all(s.description.strip() for s in geldig):
        return "; ".join(woorden)
    delen = []
    for schema in geldig:
        dagen = "/".join(_KORT[d] for d in schema.dagen if d in _KORT)
        uren = "–".join(x for x in (_tijd(schema.opens_at), _tijd(schema.closes_at)) if x)
        delen.append(" ".join(x for x in (dagen, uren) if x) or schema.description)
    tekst = ", ".join(d for d in delen if d)
    if not tekst and service.op_afspraak:
        tekst = _("op afspraak")
    return tekst


@register.filter
def geldige_kosten(service) -> list:
    """The HSDS cost options in force today (prefetched rows, filtered here)."""
    vandaag = timezone.localdate()
    return [k for k in service.cost_options.all() if k.is_geldig_op(vandaag)]


@register.filter
def bedrag(kostenoptie) -> str:
    """'€ 2,50' (in the page's number format), '2,50 GBP', 'gratis' for 0, '' without one."""
    if kostenoptie.amount is None:
        return ""
    if kostenoptie.amount == 0:
        return _("gratis")
    getal = number_format(kostenoptie.amount, 2)
    munt = (kostenoptie.currency or "").upper()
    if munt in ("", "EUR"):
        return f"€ {getal}"
    return f"{getal} {munt}"


@register.filter
def afstand(km) -> str:
    if km is None:
        return ""
    if km < 1:
        return _("%(m)s m") % {"m": int(round(km * 1000, -1))}
    return _("%(km)s km") % {"km": number_format(km, 1)}


@register.filter
def dagnaam(code: str) -> str:
    return Dag(code).label if code in Dag.values else code
