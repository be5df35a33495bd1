"""The fixed slot of a meeting series as a recurrence rule, and the turn of its hosts.

The dates come from dateutil's rrule (RFC 5545 semantics), never from hand-made date
arithmetic: "elke eerste maandag van de maand om 12.00 uur" (seed 000 l.473–474) is
``FREQ=MONTHLY;BYDAY=+1MO`` at 12:00 Europe/Amsterdam. The rule starts from a wall-clock time
in the local zone, so a meeting stays at 12.00 across summer and winter time.
"""

import datetime as dt
from zoneinfo import ZoneInfo

from dateutil import rrule
from django.conf import settings
from django.utils.translation import gettext as _

from .models import Frequentie, Reeks, Weekdag, WeekVanDeMaand

_FREQ = {
    Frequentie.MAANDELIJKS: (rrule.MONTHLY, 1),
    Frequentie.WEKELIJKS: (rrule.WEEKLY, 1),
    Frequentie.TWEEWEKELIJKS: (rrule.WEEKLY, 2),
}


def zone() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


def _dtstart(reeks: Reeks) -> dt.datetime:
    return dt.datetime.combine(reeks.vanaf, reeks.tijd, tzinfo=zone())


def _dag(reeks: Reeks) -> rrule.weekday:
    dag = rrule.weekdays[reeks.weekdag]
    if reeks.frequentie == Frequentie.MAANDELIJKS:
        return dag(reeks.week_van_de_maand)
    return dag


def regel(reeks: Reeks) -> rrule.rrule:
    freq, interval = _FREQ[reeks.frequentie]
    return rrule.rrule(freq, interval=interval, byweekday=_dag(reeks), dtstart=_dtstart(reeks))


def volgende(reeks: Reeks, na: dt.datetime, aantal: int) -> list[dt.datetime]:
    """The next ``aantal`` start times strictly after ``na``."""
    return list(regel(reeks).xafter(na.astimezone(zone()), count=aantal, inc=False))


def ical_rrule(reeks: Reeks) -> str:
    """The same rule as an iCalendar RRULE value, as dateutil writes it (RFC 5545)."""
    regels = str(regel(reeks)).splitlines()
    return next(r for r in regels if r.startswith("RRULE:")).removeprefix("RRULE:")


def omschrijving(reeks: Reeks) -> str:
    """The slot in plain Dutch: "elke eerste maandag van de maand om 12.00 uur"."""
    dag = Weekdag(reeks.weekdag).label
    tijd = f"{reeks.tijd:%H.%M}"
    if reeks.frequentie == Frequentie.MAANDELIJKS:
        week = WeekVanDeMaand(reeks.week_van_de_maand).label
        return _("elke %(week)s %(dag)s van de maand om %(tijd)s uur") % {
            "week": week,
            "dag": dag,
            "tijd": tijd,
        }
    if reeks.frequentie == Frequentie.TWEEWEKELIJKS:
        return _("om de week op %(dag)s om %(tijd)s uur") % {"dag": dag, "tijd": tijd}
    return _("elke %(dag)s om %(tijd)s uur") % {"dag": dag, "tijd": tijd}


def formeel(organisatie) -> bool:
    return organisatie.sector == "formeel"


def toerbeurt(organisaties) -> list:
    """The hosts in turn, formal and informal alternating as far as the numbers allow.

    The Sirenelunch is "georganiseerd vanuit de formele en informele partijen zelf
    (toerbeurt)" (seed 000 l.474–475): no side hosts twice in a row while the other side
    still has someone waiting. Hybrid and unknown sectors stand on the informal side, as the
    side that is not the institution.
    """
    formele = sorted((o for o in organisaties if formeel(o)), key=lambda o: (o.name, str(o.pk)))
    informele = sorted(
        (o for o in organisaties if not formeel(o)), key=lambda o: (o.name, str(o.pk))
    )
    # The larger side starts, so the smaller one is spread between them.
    eerst, dan = (formele, informele) if len(formele) >= len(informele) else (informele, formele)
    volgorde = []
    for i, organisatie in enumerate(eerst):
        volgorde.append(organisatie)
        if i < len(dan):
            volgorde.append(dan[i])
    return volgorde
