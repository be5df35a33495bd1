"""Small display helpers for listings: opening times, distance, freshness."""

import datetime as dt

from django import template
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from samenspel.directory.models import Dag

register = template.Library()

_KORT = {"MO": "ma", "TU": "di", "WE": "wo", "TH": "do", "FR": "vr", "SA": "za", "SU": "zo"}
_VOLGORDE = list(_KORT)


def _tijd(t) -> str:
    return t.strftime("%H:%M") if t else ""


def _hele_dag(schema) -> bool:
    # 23:59 is how forms and imports say "until midnight"; 00:00–00:00 means the same.
    return schema.opens_at == dt.time(0, 0) and schema.closes_at in (
        dt.time(23, 59),
        dt.time(0, 0),
    )


def dag_en_nacht(schemas) -> bool:
    """Open round the clock on every day of the week, however the days are split over rows."""
    dagen = {d for s in schemas if _hele_dag(s) for d in s.dagen}
    return dagen >= set(_KORT)


@register.filter
def tijden(service) -> str:
    """'di 10:00–12:00, do 14:00–16:00', 'dag en nacht', the owner's words, or 'op afspraak'.

    The one place where opening times become text: cards, the service page, the wijkwijzer
    and the wegwijzer all use it.
    """
    schemas = list(service.schedules.all())
    if dag_en_nacht(schemas):
        # Not "ma 00:00–23:59" seven times: a crisis line is simply always there.
        return _("dag en nacht")
    delen = []
    for schema in sorted(
        schemas,
        key=lambda s: (min((_VOLGORDE.index(d) for d in s.dagen if d in _KORT), default=9),),
    ):
        dagen = "/".join(_KORT[d] for d in schema.dagen if d in _KORT)
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
