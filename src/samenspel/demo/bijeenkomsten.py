"""The demo's network meeting: the Sirenelunch Overvecht.

"Elke eerste maandag van de maand om 12.00 uur de Sirenelunch … georganiseerd vanuit de
formele en informele partijen zelf (toerbeurt) … korte presentaties over nieuwe
ontwikkelingen in de wijk (bv het project Steungezinnen bij Handjehelpen)" (seed 000
l.473–477). Everything goes through ``network.actions``, so the invitations are real e-mails
in the demo mailbox, with links that answer without an account.
"""

import datetime as dt
import uuid

from django.utils import timezone

from samenspel.areas.models import Gebied
from samenspel.directory.models import Organization, Service
from samenspel.network import actions
from samenspel.network.models import Persoon, Reeks, Rsvp

from .web import BRON, DOOR
from .web import _id as persoon_id

NAMESPACE = uuid.UUID("7a4e2c90-1b3d-4f5e-9c8a-6d2b0e1f3a47")

# The hosts in turn: formal and informal partners of Overvecht (the rule alternates them).
GASTHEREN = ["buurtteam-overvecht", "handjehelpen", "gebiedsteam-ggz-overvecht", "nizu"]
# (person of the demo web, their answer; None = not answered yet)
GENODIGDEN = [
    ("fatima", Rsvp.JA),
    ("marieke", Rsvp.JA),
    ("hamid", Rsvp.MISSCHIEN),
    ("sanne", None),
    ("erik", Rsvp.NEE),
    ("wim", None),
]


def laad_bijeenkomsten(vandaag: dt.date | None = None) -> int:
    """Start the Sirenelunch series once, with a pitch and invitations; returns the meetings."""
    vandaag = vandaag or timezone.localdate()
    reeks_id = uuid.uuid5(NAMESPACE, "reeks/sirenelunch-overvecht")
    reeks = Reeks.objects.filter(pk=reeks_id).first()
    if reeks is not None:
        return reeks.bijeenkomsten.count()
    organisaties = {
        o.bron_id: o
        for o in Organization.objects.filter(
            bron=BRON, bron_id__in=[*GASTHEREN, "sirenelunch-overvecht"]
        )
    }
    gemeente = Gebied.objects.filter(code="GM0344").first()
    if gemeente is None or not all(g in organisaties for g in GASTHEREN):
        return 0
    lunch = Service.objects.filter(bron=BRON, bron_id="sirenelunch").first()
    koppeling = (
        lunch.service_at_locations.select_related("location__buurt").first() if lunch else None
    )
    locatie = koppeling.location if koppeling else None
    reeks = actions.start_reeks(
        [organisaties[g] for g in GASTHEREN],
        DOOR,
        id=reeks_id,
        naam="Sirenelunch Overvecht",
        gemeente=gemeente,
        wijk=locatie.buurt.wijk if locatie and locatie.buurt else None,
        locatie=locatie,
        plaats="" if locatie else "Zamenhofdreef, Utrecht",
        week_van_de_maand=1,
        weekdag=0,
        tijd=dt.time(12, 0),
        duur_minuten=90,
        vanaf=vandaag,
    )
    volgende = reeks.bijeenkomsten.order_by("begint").first()
    mensen = {
        p.pk: p
        for p in Persoon.objects.filter(pk__in=[persoon_id("persoon", s) for s, _ in GENODIGDEN])
    }
    steungezinnen = Service.objects.filter(bron=BRON, bron_id="handjehelpen-steungezinnen").first()
    marieke = mensen.get(persoon_id("persoon", "marieke"))
    if steungezinnen and marieke:
        actions.voeg_agendapunt_toe(
            volgende,
            steungezinnen,
            marieke,
            DOOR,
            onderwerp="Steungezinnen: gezinnen die een ander gezin even helpen",
        )
    genodigd = [
        mensen[persoon_id("persoon", s)]
        for s, _ in GENODIGDEN
        if persoon_id("persoon", s) in mensen
    ]
    for uitnodiging in actions.nodig_uit_voor_bijeenkomst(volgende, genodigd, DOOR):
        antwoord = dict(GENODIGDEN).get(_sleutel(uitnodiging.persoon))
        if antwoord:
            actions.beantwoord(uitnodiging, antwoord)
    return reeks.bijeenkomsten.count()


def _sleutel(persoon: Persoon) -> str:
    return persoon.email.split("@", 1)[0]
