"""Evening, night and weekend availability of 24-uurszorg per area, from its opening times.

Seed 003 separates two ways of being there around the clock (l.3307–3319): *bereikbaar*, a
hulpverlener can be reached by phone, and *beschikbaar*, one is at the door within minutes.
Leviaan wants "24 uurs beschikbaarheid en bereikbaarheid op loopafstand" (l.436–448). A
listing says which of the two it offers with the optional attribute "Samenspel 24-uurszorg"
(`directory.models.ETMAAL`); those that say neither are counted apart, never guessed.

The time bands (local time, as the kaart stores opening times):

- **avond**: 18:00–23:00 of a day;
- **nacht**: 23:00 of a day to 07:00 the next morning;
- **weekend**: Saturday 00:00 to Sunday 24:00.

A listing counts for an evening or a night only when its opening times cover that band in
full on that day: help until 20:00 leaves the rest of the evening without. Slots of one
listing add up (18–23 and 23–07 together cover the night). A slot that closes at or before
it opens runs past midnight (22:00–08:00); one that opens and closes at the same time lasts
24 hours. A listing counts for the weekend when it is open at any time on Saturday or Sunday.

Only weekly schedules in force today count (`Schedule.geldig_op`): ``freq`` WEEKLY (or
empty) with the days in ``byday``, or DAILY (every day when ``byday`` is empty), every week
(``interval`` empty or 1). A monthly or fortnightly slot, a day such as "1MO", or a slot
without times is no reliable availability and is left out. A listing belongs to every area
one of its places lies in, as in `wijkscan.aanbod`.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samenspel.areas.models import Gebied, Niveau
from samenspel.directory.models import (
    BOUWSTENEN,
    ETMAAL,
    Attribute,
    Schedule,
    Service,
    ServiceAtLocation,
)
from samenspel.wijkscan.aanbod import gebieden_van

NACHTZORG = "24-uurszorg"
BEREIKBAAR, BESCHIKBAAR = "bereikbaar", "beschikbaar"

DAGEN = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
DAG = 24 * 60
WEEK = 7 * DAG
AVOND = (18 * 60, 23 * 60)
NACHT = (23 * 60, DAG + 7 * 60)
WEEKENDDAGEN = (5, 6)

DAGNAMEN = [_("ma"), _("di"), _("wo"), _("do"), _("vr"), _("za"), _("zo")]


def _minuten(tijd) -> int:
    return tijd.hour * 60 + tijd.minute


def vakken(schedules) -> list[tuple[int, int]]:
    """The slots of schedules as (start, end) minutes from Monday 00:00; end may pass a week."""
    uitkomst = []
    for s in schedules:
        if s.opens_at is None or s.closes_at is None:
            continue
        if s.interval not in (None, 0, 1):
            continue
        freq = (s.freq or "").upper()
        dagen = [d.strip().upper() for d in s.byday.split(",") if d.strip()]
        if freq == "DAILY" and not dagen:
            dagen = DAGEN
        elif freq not in ("WEEKLY", "DAILY", ""):
            continue
        van, tot = _minuten(s.opens_at), _minuten(s.closes_at)
        if tot <= van:
            tot += DAG
        for dag in dagen:
            if dag in DAGEN:
                begin = DAGEN.index(dag) * DAG + van
                uitkomst.append((begin, begin + (tot - van)))
    return uitkomst


def _samengevoegd(slots: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The slots over two weeks, overlapping ones joined, so a band may wrap past Sunday."""
    alle = sorted([(b, e) for b, e in slots] + [(b + WEEK, e + WEEK) for b, e in slots])
    uitkomst: list[list[int]] = []
    for begin, eind in alle:
        if uitkomst and begin <= uitkomst[-1][1]:
            uitkomst[-1][1] = max(uitkomst[-1][1], eind)
        else:
            uitkomst.append([begin, eind])
    return [(b, e) for b, e in uitkomst]


def _gedekt(samengevoegd, begin: int, eind: int) -> bool:
    return any(b <= begin and eind <= e for b, e in samengevoegd)


def _raakt(samengevoegd, begin: int, eind: int) -> bool:
    return any(b < eind and begin < e for b, e in samengevoegd)


@dataclass(frozen=True)
class Tijden:
    """On which days (0 = Monday) a listing covers the evening and the night, and which
    weekend days it is open."""

    avond: frozenset = frozenset()
    nacht: frozenset = frozenset()
    weekend: frozenset = frozenset()


def tijden(schedules) -> Tijden:
    slots = vakken(schedules)
    # A slot of Sunday night that runs into Monday also counts, seen from the week before.
    samen = _samengevoegd(slots + [(b - WEEK, e - WEEK) for b, e in slots])
    return Tijden(
        avond=frozenset(
            d for d in range(7) if _gedekt(samen, d * DAG + AVOND[0], d * DAG + AVOND[1])
        ),
        nacht=frozenset(
            d for d in range(7) if _gedekt(samen, d * DAG + NACHT[0], d * DAG + NACHT[1])
        ),
        weekend=frozenset(d for d in WEEKENDDAGEN if _raakt(samen, d * DAG, (d + 1) * DAG)),
    )


@dataclass
class Telling:
    """The listings of one kind (bereikbaar or beschikbaar) in one area, per band."""

    aanbod: int = 0
    avond: int = 0
    nacht: int = 0
    weekend: int = 0
    avonddagen: set = field(default_factory=set)
    nachtdagen: set = field(default_factory=set)
    weekenddagen: set = field(default_factory=set)

    def tel(self, t: Tijden) -> None:
        self.aanbod += 1
        self.avond += bool(t.avond)
        self.nacht += bool(t.nacht)
        self.weekend += bool(t.weekend)
        self.avonddagen |= t.avond
        self.nachtdagen |= t.nacht
        self.weekenddagen |= t.weekend

    def tekst(self, band: str) -> str:
        """The cell in words: how many listings, and on which days."""
        aantal = getattr(self, band)
        if not aantal:
            return str(_("niemand"))
        dagen = getattr(self, f"{band}dagen")
        if band == "weekend":
            welke = _("za en zo") if len(dagen) == 2 else DAGNAMEN[min(dagen)]
        elif len(dagen) == 7:
            welke = _("elke avond") if band == "avond" else _("elke nacht")
        else:
            welke = ", ".join(str(DAGNAMEN[d]) for d in sorted(dagen))
        return str(_("%(aantal)s aanbod: %(welke)s") % {"aantal": aantal, "welke": welke})


@dataclass
class Vak:
    """24-uurszorg in one area: bereikbaar and beschikbaar apart, and what said neither."""

    bereikbaar: Telling = field(default_factory=Telling)
    beschikbaar: Telling = field(default_factory=Telling)
    niet_gezegd: int = 0
    totaal: int = 0


@dataclass
class Etmaal:
    gemeente: Gebied
    gebieden: list[Gebied]
    vakken: dict[str, Vak]

    def vak(self, gebied: Gebied | str) -> Vak:
        return self.vakken.get(gebied if isinstance(gebied, str) else gebied.code) or Vak()


def etmaal(gemeente: Gebied, gebruiker, vandaag: date | None = None) -> Etmaal:
    """Per area of the gemeente (itself, wijken, buurten): the 24-uurszorg listings this user
    may see, and when they are bereikbaar and beschikbaar. Five queries."""
    vandaag = vandaag or timezone.localdate()
    gebieden = gebieden_van(gemeente)
    per_code = {g.code: g for g in gebieden}
    buurten = [g.code for g in gebieden if g.niveau == Niveau.BUURT]
    nachtzorg = Attribute.objects.filter(
        link_entity="service",
        taxonomy_term__taxonomy__name=BOUWSTENEN,
        taxonomy_term__code=NACHTZORG,
    ).values("link_id")
    zichtbaar = (
        Service.objects.zichtbaar_voor(gebruiker)
        .filter(service_at_locations__location__buurt__in=buurten)
        .filter(pk__in=nachtzorg)
    )
    plekken: dict = defaultdict(set)
    for service_id, buurt in (
        ServiceAtLocation.objects.filter(service__in=zichtbaar.values("pk"))
        .filter(location__buurt__in=buurten)
        .values_list("service_id", "location__buurt_id")
        .distinct()
    ):
        keten = plekken[service_id]
        keten |= {buurt, gemeente.code}
        if per_code[buurt].ouder_id in per_code:
            keten.add(per_code[buurt].ouder_id)
    ids = list(plekken)
    roosters: dict = defaultdict(list)
    for s in Schedule.objects.geldig_op(vandaag).filter(service_id__in=ids):
        roosters[s.service_id].append(s)
    for s in (
        Schedule.objects.geldig_op(vandaag)
        .filter(service_at_location__service_id__in=ids)
        .select_related("service_at_location")
    ):
        roosters[s.service_at_location.service_id].append(s)
    soorten: dict = defaultdict(set)
    for service_id, code in Attribute.objects.filter(
        link_entity="service", link_id__in=ids, taxonomy_term__taxonomy__name=ETMAAL
    ).values_list("link_id", "taxonomy_term__code"):
        soorten[service_id].add(code)

    uitkomst: dict[str, Vak] = {}
    for service_id, codes in plekken.items():
        t = tijden(roosters.get(service_id, []))
        for code in codes:
            vak = uitkomst.setdefault(code, Vak())
            vak.totaal += 1
            if BEREIKBAAR in soorten[service_id]:
                vak.bereikbaar.tel(t)
            if BESCHIKBAAR in soorten[service_id]:
                vak.beschikbaar.tel(t)
            if not soorten[service_id] & {BEREIKBAAR, BESCHIKBAAR}:
                vak.niet_gezegd += 1
    return Etmaal(gemeente=gemeente, gebieden=gebieden, vakken=uitkomst)
