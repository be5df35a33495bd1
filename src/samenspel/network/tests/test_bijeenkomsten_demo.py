"""The demo shows the Sirenelunch Overvecht (seed 000 l.473–477) as a network meeting."""

import pytest
from django.core import mail

from samenspel.demo import laden
from samenspel.network import reeksregel
from samenspel.network.models import Reeks, Rsvp, Uitnodiging

pytestmark = pytest.mark.django_db


def test_de_demo_heeft_de_sirenelunch_met_een_pitch_en_uitnodigingen(met_commit):
    met_commit(laden.laad_alles)
    reeks = Reeks.objects.get(naam="Sirenelunch Overvecht")
    assert reeksregel.omschrijving(reeks) == "elke eerste maandag van de maand om 12.00 uur"
    assert "Sirenelunch" in reeks.waar
    sectoren = [g.organisatie.sector for g in reeks.gastheren.select_related("organisatie")]
    assert sectoren[:2] in (["formeel", "informeel"], ["informeel", "formeel"])
    volgende = reeks.bijeenkomsten.order_by("begint").first()
    assert [p.service.name for p in volgende.agendapunten.all()] == ["Steungezinnen"]
    uitnodigingen = Uitnodiging.objects.filter(bijeenkomst=volgende)
    assert uitnodigingen.filter(antwoord=Rsvp.JA).count() == 2
    assert {u.persoon.email for u in uitnodigingen} <= {a for b in mail.outbox for a in b.to}
    # Loading again adds nothing.
    aantal = Uitnodiging.objects.count()
    met_commit(laden.laad_alles)
    assert Uitnodiging.objects.count() == aantal
    assert Reeks.objects.count() == 1
