"""The demo wijken carry example figures, and the pages say so."""

import pytest
from django.urls import reverse

from samenspel.areas.models import Gebied
from samenspel.demo import cijfers, laden

pytestmark = pytest.mark.django_db


@pytest.fixture
def demogebieden(taxonomieen):
    laden.laad_gebieden()
    cijfers.laad_cijfers()


def test_elke_demowijk_en_buurt_heeft_voorbeeldcijfers(demogebieden):
    for gebied in Gebied.objects.exclude(niveau="gemeente"):
        assert gebied.cijfers["inwoners"]["voorbeeld"] is True, gebied.code
        assert gebied.cijfers["eenzaamheid"]["jaar"] == cijfers.JAAR_RIVM
    wijk = Gebied.objects.get(code="WK034403")
    buurten = sum(b.cijfers["inwoners"]["waarde"] for b in wijk.kinderen.all())
    assert wijk.cijfers["inwoners"]["waarde"] == buurten


def test_twee_keer_laden_verandert_niets(demogebieden):
    assert cijfers.laad_cijfers() == 0


def test_ingelezen_cijfers_gaan_voor_voorbeeldcijfers(demogebieden):
    echt = {"waarde": 1234, "jaar": 2023, "bron": cijfers.BRON_CBS}
    wijk = Gebied.objects.get(code="WK034403")
    wijk.cijfers = {**wijk.cijfers, "inwoners": echt}
    wijk.save()
    cijfers.laad_cijfers()
    wijk.refresh_from_db()
    assert wijk.cijfers["inwoners"] == echt


def test_wijkpagina_noemt_ze_voorbeeldcijfers(client, demogebieden):
    pagina = client.get(reverse("wegwijzer:wijk", args=["WK034403"])).content.decode()
    assert "Voorbeeldcijfers." in pagina
    assert "(voorbeeldcijfers)" in pagina
