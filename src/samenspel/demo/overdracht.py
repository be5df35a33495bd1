"""The demo of the hand-over: a buurtteamer who left, with ties still waiting for a successor.

Verloop (seed 000 l.885–888) is the everyday case, so the demo shows it: Bram left the
buurtteam ten days ago; his tie to Al Amal and to Taal doet meer had nobody yet, so they are
"in gevaar" on his page and the partners got an e-mail (in the demo mailbox). A netwerkhouder
can pick a successor there, or move a whole organisation's ties on the bulk page. Everything
goes through ``network.overdracht``, as the pages do.
"""

import datetime as dt

from django.utils import timezone

from samenspel.demo import web
from samenspel.directory.models import Organization
from samenspel.network import actions, overdracht
from samenspel.network.models import Bandsoort, Persoon

SLEUTEL = "bram"


def laad_overdracht(vandaag: dt.date | None = None) -> int:
    """Add the person who left once; loading twice adds nothing. Returns ties at risk."""
    vandaag = vandaag or timezone.localdate()
    pk = web._id("persoon", SLEUTEL)
    bram = Persoon.objects.filter(pk=pk).first()
    if bram is not None:
        return len(overdracht.open_banden([bram]))
    team = Organization.objects.filter(bron=web.BRON, bron_id="buurtteam-overvecht").first()
    partners = [
        Persoon.objects.filter(pk=web._id("persoon", sleutel)).first()
        for sleutel in ("yara", "wim")
    ]
    if team is None or None in partners:
        return 0
    bram = actions.voeg_persoon_toe(
        team,
        "Bram Kok",
        web.DOOR,
        id=pk,
        functie="buurtteamer",
        email=f"{SLEUTEL}@example.org",
        bereikbaar="Op werkdagen via e-mail.",
        wijk=partners[0].wijk,
        sinds=vandaag - dt.timedelta(days=700),
    )
    bram = actions.stem_in(bram)
    for partner, soort, maanden in zip(
        partners, (Bandsoort.SAMENWERKEN, Bandsoort.VERWIJZEN), (16, 9), strict=True
    ):
        band = actions.leg_band(
            bram, partner, soort, web.DOOR, sinds=vandaag - dt.timedelta(days=30 * maanden)
        )
        actions.noteer_contact(band, web.DOOR, op=vandaag - dt.timedelta(days=20))
    regels = overdracht.open_banden([bram])
    overdracht.vertrek(bram, dict.fromkeys(regels), web.DOOR, op=vandaag - dt.timedelta(days=10))
    return len(regels)
