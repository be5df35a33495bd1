"""The privacy statement (for everyone) and the audit log (beheerders only, no content)."""

import pytest
from django.urls import reverse

from samenspel.privacy import audit
from samenspel.privacy.models import Auditregel

pytestmark = pytest.mark.django_db


def test_privacyverklaring_noemt_de_bewaartermijn(client, settings):
    settings.SAMENSPEL = {**settings.SAMENSPEL, "BEWAAR_MAANDEN": 9}
    html = client.get(reverse("privacy:verklaring")).content.decode()
    assert "na 9 maanden" in html


def test_logboek_alleen_voor_beheerder(client, verwijzing, beheerder, netwerkhouder, analist):
    pad = reverse("privacy:logboek")
    assert client.get(pad).status_code == 302
    for gebruiker in (netwerkhouder, analist):
        client.force_login(gebruiker)
        assert client.get(pad).status_code == 403
    client.force_login(beheerder)
    html = client.get(pad, {"record": str(verwijzing.pk)}).content.decode()
    assert str(verwijzing.pk) in html and "aangemaakt" in html
    assert "Sanne" not in html


def test_auditregel_kan_niet_veranderen_of_verdwijnen(verwijzing):
    regel = audit.leg_vast("bekeken", verwijzing, "iemand", "ontvanger")
    regel.wie = "iemand anders"
    with pytest.raises(ValueError):
        regel.save()
    with pytest.raises(ValueError):
        regel.delete()
    assert Auditregel.objects.filter(wie="iemand").exists()
