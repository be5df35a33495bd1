"""Figures without personal data: per service and per area.

Everything here is read from the anonymous event log and the meeting dates, never from the
resident's fields, so erasing those (withdrawal, retention) changes no figure. Rates are only
shown from MIN_AANTAL referrals on: with fewer, a figure could point at one person.
"""

import math
import statistics
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Min

from samenspel.areas.models import Gebied
from samenspel.privacy.models import Partij
from samenspel.referrals.models import Gebeurtenis, Kennismaking, Soort, Status, Verwijzing

MIN_AANTAL = 3


@dataclass
class Cijfers:
    aantal: int = 0
    beantwoord: int = 0
    aangenomen: int = 0
    kennismakingen: int = 0
    dagen_tot_antwoord: float | None = None
    dagen_tot_kennismaking: float | None = None

    @property
    def genoeg(self) -> bool:
        return self.aantal >= MIN_AANTAL

    @property
    def aandeel_aangenomen(self) -> int | None:
        """Percentage of answered referrals that were accepted."""
        if not self.genoeg or not self.beantwoord:
            return None
        return round(100 * self.aangenomen / self.beantwoord)

    @property
    def reageert_binnen(self) -> int | None:
        """'Reageert meestal binnen N dagen': the median, rounded up, at least one day."""
        if not self.genoeg or self.dagen_tot_antwoord is None:
            return None
        return max(1, math.ceil(self.dagen_tot_antwoord))

    @property
    def kennismaking_na(self) -> int | None:
        if not self.genoeg or self.dagen_tot_kennismaking is None:
            return None
        return max(0, math.ceil(self.dagen_tot_kennismaking))

    def als_dict(self) -> dict:
        return {
            "aantal": self.aantal,
            "beantwoord": self.beantwoord,
            "aangenomen": self.aangenomen,
            "aandeel_aangenomen": self.aandeel_aangenomen,
            "mediaan_dagen_tot_antwoord": _rond(self.dagen_tot_antwoord, self.genoeg),
            "mediaan_dagen_tot_kennismaking": _rond(self.dagen_tot_kennismaking, self.genoeg),
            "reageert_meestal_binnen_dagen": self.reageert_binnen,
        }


def _rond(waarde, genoeg: bool):
    return round(waarde, 1) if genoeg and waarde is not None else None


@dataclass
class _Verloop:
    verstuurd: object = None
    antwoord: object = None
    aangenomen: bool = False
    kennismaking: object = None


def verlopen_per_verwijzing(verwijzingen) -> dict:
    """Per sent referral: when it went out, first answer, accepted or not, first meeting."""
    ids = verwijzingen.filter(soort=Soort.VERWIJZING).values("pk")
    verloop: dict = defaultdict(_Verloop)
    gebeurtenissen = (
        Gebeurtenis.objects.filter(verwijzing__in=ids, soort="status")
        .order_by("wanneer", "id")
        .values_list("verwijzing_id", "wanneer", "van_status", "naar_status", "partij")
    )
    for vid, wanneer, van, naar, partij in gebeurtenissen:
        regel = verloop[vid]
        if naar == Status.REQUESTED and regel.verstuurd is None:
            regel.verstuurd = wanneer
        elif (
            van == Status.REQUESTED
            and partij == Partij.ONTVANGER
            and regel.verstuurd is not None
            and regel.antwoord is None
        ):
            regel.antwoord = wanneer
        if naar == Status.ACCEPTED:
            regel.aangenomen = True
    bevestigd = (
        Kennismaking.objects.filter(
            verwijzing__in=ids, akkoord_verwijzer__isnull=False, akkoord_ontvanger__isnull=False
        )
        .values("verwijzing_id")
        .annotate(eerste=Min("wanneer"))
    )
    for rij in bevestigd:
        verloop[rij["verwijzing_id"]].kennismaking = rij["eerste"]
    return {vid: r for vid, r in verloop.items() if r.verstuurd is not None}


def _dagen(van, tot) -> float:
    return (tot - van).total_seconds() / 86400


def tel(verlopen) -> Cijfers:
    verlopen = list(verlopen)
    antwoorden = [_dagen(r.verstuurd, r.antwoord) for r in verlopen if r.antwoord]
    kennis = [_dagen(r.verstuurd, r.kennismaking) for r in verlopen if r.kennismaking]
    return Cijfers(
        aantal=len(verlopen),
        beantwoord=len(antwoorden),
        aangenomen=sum(1 for r in verlopen if r.aangenomen),
        kennismakingen=len(kennis),
        dagen_tot_antwoord=statistics.median(antwoorden) if antwoorden else None,
        dagen_tot_kennismaking=statistics.median(kennis) if kennis else None,
    )


def voor_service(service) -> Cijfers:
    return tel(verlopen_per_verwijzing(Verwijzing.objects.filter(service=service)).values())


def voor_verwijzingen(verwijzingen) -> Cijfers:
    return tel(verlopen_per_verwijzing(verwijzingen).values())


@dataclass
class Gebiedscijfers:
    gebied: Gebied
    cijfers: Cijfers


def per_gebied() -> list[Gebiedscijfers]:
    """Every gemeente and wijk with sent referrals, gemeente first, then its wijken."""
    verlopen = verlopen_per_verwijzing(Verwijzing.objects.all())
    buurt_van = dict(
        Verwijzing.objects.filter(pk__in=list(verlopen)).values_list("pk", "gebied_id")
    )
    buurten = {
        g.code: g
        for g in Gebied.objects.filter(code__in=set(buurt_van.values()) - {None}).select_related(
            "ouder__ouder"
        )
    }
    groepen: dict[str, list] = defaultdict(list)
    gebieden: dict[str, Gebied] = {}
    for vid, regel in verlopen.items():
        buurt = buurten.get(buurt_van.get(vid))
        if buurt is None:
            continue
        for gebied in buurt.keten():
            if gebied.niveau in ("gemeente", "wijk"):
                groepen[gebied.code].append(regel)
                gebieden[gebied.code] = gebied
    uitkomst = []
    for code, gebied in sorted(
        gebieden.items(),
        key=lambda kv: (kv[1].gemeente.naam, kv[1].niveau != "gemeente", kv[1].naam),
    ):
        uitkomst.append(Gebiedscijfers(gebied, tel(groepen[code])))
    return uitkomst
