"""Small display helpers for listings: opening times, distance, freshness."""

import datetime as dt

from django import template
from django.utils import timezone
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
def geldige_schemas(service) -> list:
    """The listing's schedules in force today (prefetched rows, filtered here)."""
    vandaag = timezone.localdate()
    return [s for s in service.schedules.all() if s.is_geldig_op(vandaag)]


def _op_volgorde(schemas) -> list:
    return sorted(
        schemas,
        key=lambda s: (min((_VOLGORDE.index(d) for d in s.dagen if d in _KORT), default=9),),
    )


def _tijdvak(schema) -> str:
    dagen = "/".join(str(_KORT[d]) for d in schema.dagen if d in _KORT)
    uren = "–".join(x for x in (_tijd(schema.opens_at), _tijd(schema.closes_at)) if x)
    return " ".join(x for x in (dagen, uren) if x)


@register.filter
def uren(service) -> str:
    """Only the times read from the schedules valid today ('di 10:00–12:00'), without the
    owner's words: for pages that show both side by side, such as "klopt nog"."""
    geldig = _op_volgorde(geldige_schemas(service))
    if dag_en_nacht(geldig):
        return _("dag en nacht")
    return ", ".join(d for d in map(_tijdvak, geldig) if d)


@register.filter
def tijden(service) -> str:
    """When (and where) as its owner or source said it: the one place opening times become text.

    The owner's own words first: "elke donderdag 10-11 uur, start bij winkelcentrum Overvecht"
    says more than the times read from it ("do 10:00–11:00"). Without them: 'dag en nacht' for
    a service open round the clock (not "ma 00:00–23:59" seven times), the source's own
    descriptions of the schedules valid today, else the times of those schedules, else
    'op afspraak'. A schedule outside its valid_from/valid_to is never shown as current.
    Cards, the service page, the wijkwijzer and the wegwijzer all use it.
    """
    if service.tijden_omschrijving:
        return service.tijden_omschrijving
    geldig = _op_volgorde(geldige_schemas(service))
    if dag_en_nacht(geldig):
        return _("dag en nacht")
    woorden = list(dict.fromkeys(s.description.strip() for s in geldig if s.description.strip()))
    if woorden and all(s.description.strip() for s in geldig):
        return "; ".join(woorden)
    delen = [_tijdvak(schema) or schema.description for schema in geldig]
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


@register.filter
def zichtbaar_voor(service, gebruiker) -> bool:
    """`Service.is_zichtbaar_voor` for a template: may this visitor open the listing?"""
    return service.is_zichtbaar_voor(gebruiker)
