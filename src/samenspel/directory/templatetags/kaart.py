"""Small display helpers for listings: opening times, distance, freshness."""

from django import template
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy

from samenspel.directory.models import Dag

register = template.Library()

_KORT = {
    "MO": pgettext_lazy("weekdag, afgekort", "ma"),
    "TU": pgettext_lazy("weekdag, afgekort", "di"),
    "WE": pgettext_lazy("weekdag, afgekort", "wo"),
    "TH": pgettext_lazy("weekdag, afgekort", "do"),
    "FR": pgettext_lazy("weekdag, afgekort", "vr"),
    "SA": pgettext_lazy("weekdag, afgekort", "za"),
    "SU": pgettext_lazy("weekdag, afgekort", "zo"),
}
_VOLGORDE = list(_KORT)


def _tijd(t) -> str:
    return t.strftime("%H:%M") if t else ""


@register.filter
def tijden(service) -> str:
    """'di 10:00–12:00, do 14:00–16:00', or the owner's own words, or 'op afspraak'."""
    delen = []
    for schema in sorted(
        service.schedules.all(),
        key=lambda s: (min((_VOLGORDE.index(d) for d in s.dagen if d in _KORT), default=9),),
    ):
        dagen = "/".join(str(_KORT[d]) for d in schema.dagen if d in _KORT)
        uren = "–".join(x for x in (_tijd(schema.opens_at), _tijd(schema.closes_at)) if x)
        delen.append(" ".join(x for x in (dagen, uren) if x) or schema.description)
    tekst = ", ".join(d for d in delen if d)
    if not tekst:
        tekst = service.tijden_omschrijving
    if not tekst and service.op_afspraak:
        tekst = _("op afspraak")
    return tekst


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
