"""The demo shows the web's people: an organisation page with names, and a role without one."""

import pytest
from django.urls import reverse

from samenspel.accounts.models import Gebruiker
from samenspel.demo import laden
from samenspel.directory.models import Organization

pytestmark = pytest.mark.django_db


def test_de_demo_netwerkhouder_ziet_de_mensen_van_een_demo_organisatie(client):
    laden.laad_alles()
    client.force_login(Gebruiker.objects.get(username="netwerkhouder"))
    handjehelpen = Organization.objects.get(bron=laden.BRON, bron_id="handjehelpen")
    inhoud = client.get(reverse("network:organisatie", args=[handjehelpen.pk])).content.decode()
    assert "Marieke Bos" in inhoud
    assert "Noteer contact van vandaag" in inhoud

    # Linda has not agreed: her organisation shows only the role, also on the other side.
    huisartsen = Organization.objects.get(bron=laden.BRON, bron_id="huisartsen-overvecht-gezond")
    inhoud = client.get(reverse("network:organisatie", args=[huisartsen.pk])).content.decode()
    assert "Linda" not in inhoud and "POH-ggz" in inhoud


def test_de_demo_toont_een_band_van_iemand_die_gewist_is_als_via_de_rol(client):
    laden.laad_alles()
    laden.laad_alles()  # twice changes nothing
    client.force_login(Gebruiker.objects.get(username="netwerkhouder"))
    al_amal = Organization.objects.get(bron=laden.BRON, bron_id="al-amal")
    inhoud = client.get(reverse("network:organisatie", args=[al_amal.pk])).content.decode()
    assert "Greet" not in inhoud
    buurtteam = Organization.objects.get(bron=laden.BRON, bron_id="buurtteam-overvecht")
    inhoud = client.get(reverse("network:organisatie", args=[buurtteam.pk])).content.decode()
    assert "via vrijwilligerscoördinator bij al amal" in inhoud.lower()
