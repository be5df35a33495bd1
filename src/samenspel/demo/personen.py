"""Demo people beyond the demo web: a coordinator who left long ago and was erased, so the
demo shows a tie that stays on record as "via [rol]" (issue 11, item 9).

Through ``network.actions`` like the rest of the demo web; loading twice adds nothing.
"""

import datetime as dt

from django.utils import timezone

from samenspel.demo import web
from samenspel.directory.models import Organization
from samenspel.network import actions
from samenspel.network.models import Bandsoort, Persoon, Verbinderrol


def laad_personen(vandaag: dt.date | None = None) -> int:
    vandaag = vandaag or timezone.localdate()
    organisatie = Organization.objects.filter(bron=web.BRON, bron_id="al-amal").first()
    joost = Persoon.objects.filter(pk=web._id("persoon", "joost")).first()
    pk = web._id("persoon", "greet")
    if organisatie is None or joost is None or Persoon.objects.filter(pk=pk).exists():
        return 0
    greet = actions.voeg_persoon_toe(
        organisatie,
        "Greet Hoekstra",
        web.DOOR,
        id=pk,
        verbinderrol=Verbinderrol.VRIJWILLIGERSCOORDINATOR,
        vrijwilligers=12,
        email="greet@example.org",
        sinds=vandaag - dt.timedelta(days=1400),
    )
    actions.stem_in(greet)
    band = actions.leg_band(
        greet, joost, Bandsoort.VERWIJZEN, web.DOOR, sinds=vandaag - dt.timedelta(days=1200)
    )
    actions.noteer_contact(band, web.DOOR, op=vandaag - dt.timedelta(days=650))
    actions.markeer_vertrokken(greet, web.DOOR, op=vandaag - dt.timedelta(days=600))
    # Left more than the retention period ago: erased as the retention command would.
    actions.wis(greet, web.DOOR)
    return 1
