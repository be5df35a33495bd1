"""The resident's feedback choice holds everywhere the sender could learn something:
the referral page, the inbox, the e-mails and the API."""

import pytest
from django.core import mail
from django.urls import reverse

from samenspel.referrals import links

pytestmark = pytest.mark.django_db

NOTITIE = "Komt dinsdag mee wandelen, leuk!"
UITLEG = "Het gaat nu even niet."


@pytest.fixture
def beantwoord(verwijs, pim, wandelgroep, client, django_capture_on_commit_callbacks):
    """A referral with the given feedback choice, accepted and then paused with a note."""

    def maak(terugkoppeling):
        v, _ = verwijs(pim, wandelgroep, terugkoppeling=terugkoppeling)
        mail.outbox.clear()
        pad = links.antwoord_pad(v)
        with django_capture_on_commit_callbacks(execute=True):
            client.post(pad, {"actie": "antwoord", "keuze": "aannemen", "notitie": NOTITIE})
            # The page fills in the current note, so it is posted again as it stands.
            client.post(
                pad, {"actie": "antwoord", "keuze": "pauze", "reden": UITLEG, "notitie": NOTITIE}
            )
        client.logout()
        return v

    return maak


def _wat_de_verwijzer_ziet(client, pim, v) -> dict:
    client.force_login(pim)
    return {
        "pagina": client.get(reverse("referrals:detail", args=[v.pk])).content.decode(),
        "inbox": client.get(reverse("referrals:inbox")).content.decode(),
        "api": client.get(reverse("referrals:api_detail", args=[v.pk])).json(),
        "api_lijst": client.get(reverse("referrals:api_lijst")).json()["verwijzingen"],
        "mails": [
            m.body + m.alternatives[0][0] for m in mail.outbox if m.to == ["pim@example.org"]
        ],
    }


def test_niets_betekent_niets(beantwoord, client, pim):
    v = beantwoord("niets")
    zien = _wat_de_verwijzer_ziet(client, pim, v)
    assert zien["mails"] == []
    assert "Aangenomen" not in zien["pagina"] and "Staat even stil" not in zien["pagina"]
    assert NOTITIE not in zien["pagina"] and UITLEG not in zien["pagina"]
    assert "De bewoner wil niet dat je hoort" in zien["pagina"]
    assert "Staat even stil" not in zien["inbox"]
    for gegevens in (zien["api"], zien["api_lijst"][0]):
        assert gegevens["status"] is None and gegevens["gebeurtenissen"] is None
        assert gegevens["notitie"] is None and gegevens["reden"] is None


def test_alleen_status_laat_geen_notitie_zien(beantwoord, client, pim):
    v = beantwoord("status")
    zien = _wat_de_verwijzer_ziet(client, pim, v)
    assert len(zien["mails"]) == 2
    assert "Staat even stil" in zien["pagina"]
    assert zien["api"]["status"] == "on-hold"
    for plek in (zien["pagina"], str(zien["api"]), str(zien["api_lijst"]), *zien["mails"]):
        assert NOTITIE not in plek and UITLEG not in plek
    assert all("korte notitie" not in m for m in zien["mails"])


def test_status_en_notitie_laat_beide_zien_maar_nooit_in_een_mail(beantwoord, client, pim):
    v = beantwoord("status_en_notitie")
    zien = _wat_de_verwijzer_ziet(client, pim, v)
    assert NOTITIE in zien["pagina"] and UITLEG in zien["pagina"]
    assert zien["api"]["notitie"] == NOTITIE and zien["api"]["reden"] == UITLEG
    assert all(NOTITIE not in m and UITLEG not in m for m in zien["mails"])
    assert any("Er staat een korte notitie bij" in m for m in zien["mails"])


def test_ontvanger_ziet_bij_het_schrijven_wie_de_notitie_leest(client, verwijs, pim, wandelgroep):
    v, _ = verwijs(pim, wandelgroep, terugkoppeling="status")
    html = client.get(links.antwoord_pad(v)).content.decode()
    assert "De verwijzer ziet deze notitie niet." in html
    v2, _ = verwijs(pim, wandelgroep, terugkoppeling="status_en_notitie")
    assert (
        "De verwijzer leest deze notitie ook."
        in client.get(links.antwoord_pad(v2)).content.decode()
    )
