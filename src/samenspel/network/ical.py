"""iCalendar (RFC 5545) feeds of network meetings, written with the ``icalendar`` library.

One VEVENT per planned meeting (expanded, not one RRULE event): each turn has its own host
and agenda, which a calendar shows in the event's description. Times are in Europe/Amsterdam
with the VTIMEZONE the library derives from the zone, so a calendar shows 12.00 in summer and
in winter. The description names organisations and listings, never people.
"""

from urllib.parse import urlparse

import icalendar
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from . import reeksregel
from .models import Bijeenkomst, Vorm

PRODID = "-//Samenspel//Bijeenkomsten//NL"


def _domein() -> str:
    return urlparse(settings.SITE_URL).hostname or "samenspel"


def uid(bijeenkomst: Bijeenkomst) -> str:
    """Stable across feeds and downloads, so a calendar updates the event instead of adding."""
    return f"bijeenkomst-{bijeenkomst.pk}@{_domein()}"


def _samenvatting(bijeenkomst: Bijeenkomst) -> str:
    if bijeenkomst.vorm:
        return f"{bijeenkomst.reeks.naam} ({Vorm(bijeenkomst.vorm).label})"
    return bijeenkomst.reeks.naam


def _beschrijving(bijeenkomst: Bijeenkomst) -> str:
    regels = []
    if bijeenkomst.gastheer is not None:
        regels.append(_("Organisatie deze keer: %(naam)s") % {"naam": bijeenkomst.gastheer.name})
    punten = [p.service.name for p in bijeenkomst.agendapunten.all()]
    if punten:
        regels.append(_("Nieuw in de wijk: %(punten)s") % {"punten": ", ".join(punten)})
    if bijeenkomst.reeks.is_casusoverleg:
        regels.append(_("In Samenspel staan geen gegevens over bewoners."))
    return "\n".join(regels)


def _event(bijeenkomst: Bijeenkomst, gemaakt) -> icalendar.Event:
    zone = reeksregel.zone()
    event = icalendar.Event()
    event.add("uid", uid(bijeenkomst))
    event.add("dtstamp", gemaakt)
    event.add("dtstart", bijeenkomst.begint.astimezone(zone))
    event.add("dtend", bijeenkomst.eindigt.astimezone(zone))
    event.add("summary", _samenvatting(bijeenkomst))
    waar = bijeenkomst.reeks.waar
    if waar:
        event.add("location", waar)
    beschrijving = _beschrijving(bijeenkomst)
    if beschrijving:
        event.add("description", beschrijving)
    return event


def agenda(naam: str, bijeenkomsten) -> bytes:
    """A calendar of these meetings, as the bytes of an .ics file."""
    kalender = icalendar.Calendar()
    kalender.add("prodid", PRODID)
    kalender.add("version", "2.0")
    kalender.add("calscale", "GREGORIAN")
    kalender.add("x-wr-calname", naam)
    kalender.add("x-wr-timezone", settings.TIME_ZONE)
    gemaakt = timezone.now()
    for bijeenkomst in bijeenkomsten:
        kalender.add_component(_event(bijeenkomst, gemaakt))
    kalender.add_missing_timezones()
    return kalender.to_ical()
