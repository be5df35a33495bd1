"""A demo of "Samen beginnen": the demo professional of Buurtteam Overvecht invited the
ervaringsdeskundige of Enik Recovery College to a resident's first conversation next week,
with the resident's verbal consent, and she said yes. Through ``network.actions``, so the
consent, event and audit rows and the e-mails are what the product itself writes.
"""

import datetime as dt

from django.utils import timezone

from samenspel.accounts.models import Gebruiker
from samenspel.network import actions
from samenspel.network.models import Gesprek, Persoon, Samen

from .web import _id


def laad_samen() -> int:
    """Add the demo invitation once; loading twice adds nothing."""
    professional = Gebruiker.objects.filter(username="professional").first()
    sanne = Persoon.objects.filter(pk=_id("persoon", "sanne")).first()
    if professional is None or professional.organisatie_id is None or sanne is None:
        return 0
    if Samen.objects.filter(uitnodiger=professional, persoon=sanne).exists():
        return Samen.objects.filter(uitnodiger=professional).count()
    dag = timezone.localdate() + dt.timedelta(days=7)
    wanneer = timezone.make_aware(dt.datetime.combine(dag, dt.time(10, 30)))
    toestemming = actions.leg_samen_toestemming_vast(
        professional, sanne, Gesprek.EERSTE_GESPREK, wanneer, gegevens=["naam"]
    )
    samen = actions.nodig_uit(
        professional,
        sanne,
        toestemming,
        Gesprek.EERSTE_GESPREK,
        wanneer,
        "Buurtteamkantoor Overvecht, Zambesidreef",
        "Kees",
    )
    actions.beantwoord_samen(samen, ja=True)
    return 1
