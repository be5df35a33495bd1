"""Answering without an account, from the links in the receiving service's e-mail.

Mail scanners open links, so opening one changes nothing: it shows a page with the answer
selected and one button. Bad input (expired, tampered, someone else's link, a double click,
an answer that no longer fits) gives a clear message and changes nothing.
"""

import re
import time

import pytest
from django.core import mail, signing
from django.urls import reverse

from samenspel.referrals import actions, links
from samenspel.referrals.models import Gebeurtenis, Ontvangst, Status
from samenspel.referrals.toegang import via_emaillink

pytestmark = pytest.mark.django_db


def later(monkeypatch, dagen: int) -> None:
    nu = time.time()
    monkeypatch.setattr(signing.time, "time", lambda: nu + dagen * 86400)


def _links_in(bericht) -> list[str]:
    return re.findall(r"http://\S+", bericht.body)


def test_mail_aan_aanbod_heeft_drie_antwoordlinks_en_geen_persoonsgegevens(verwijzing):
    bericht = next(m for m in mail.outbox if m.to == ["wandel@example.org"])
    keuzes = [re.search(r"keuze=([\w-]+)", link) for link in _links_in(bericht)]
    assert [k.group(1) for k in keuzes if k] == ["aannemen", "geen-plek", "past-niet"]
    for tekst in (bericht.body, bericht.alternatives[0][0]):
        assert "Sanne" not in tekst and "buitenlucht" not in tekst and "sanne.visser" not in tekst


def test_openen_van_de_link_verandert_niets_en_kiest_het_antwoord_voor(client, verwijzing):
    antwoord = client.get(links.antwoord_pad(verwijzing, "aannemen"))
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    assert re.search(r'value="aannemen"[^>]*checked', html)
    assert "Antwoord versturen" in html
    verwijzing.refresh_from_db()
    assert verwijzing.status == Status.REQUESTED
    assert antwoord["Cache-Control"].startswith("max-age=0")
    assert antwoord["X-Robots-Tag"] == "noindex, nofollow"


def test_aannemen_vanuit_de_mail_zonder_inloggen(
    client, verwijzing, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    pad = links.antwoord_pad(verwijzing)
    with django_capture_on_commit_callbacks(execute=True):
        antwoord = client.post(
            pad, {"actie": "antwoord", "keuze": "aannemen", "notitie": "Welkom!"}
        )
    assert antwoord.status_code == 302
    verwijzing.refresh_from_db()
    assert verwijzing.status == Status.ACCEPTED
    assert verwijzing.notitie == "Welkom!"
    assert [m.to for m in mail.outbox] == [["pim@example.org"]]
    assert "aangenomen" in mail.outbox[0].subject
    pagina = client.get(pad).content.decode()
    assert "Opgeslagen" in pagina and "Aangenomen" in pagina


def test_dubbelklik_op_aannemen_verandert_een_keer(client, verwijzing):
    pad = links.antwoord_pad(verwijzing)
    client.post(pad, {"actie": "antwoord", "keuze": "aannemen"})
    tweede = client.post(pad, {"actie": "antwoord", "keuze": "aannemen"}, follow=True)
    assert "Dit was al zo opgeslagen" in tweede.content.decode()
    assert verwijzing.gebeurtenissen.filter(naar_status=Status.ACCEPTED).count() == 1


def test_ander_antwoord_na_aannemen_wordt_geweigerd_met_uitleg(client, verwijzing):
    pad = links.antwoord_pad(verwijzing)
    client.post(pad, {"actie": "antwoord", "keuze": "aannemen"})
    aantal = Gebeurtenis.objects.count()
    antwoord = client.post(pad, {"actie": "antwoord", "keuze": "geen-plek"}, follow=True)
    assert "Dit kan nu niet: de verwijzing staat op “aangenomen”" in antwoord.content.decode()
    verwijzing.refresh_from_db()
    assert verwijzing.status == Status.ACCEPTED
    assert Gebeurtenis.objects.count() == aantal


def test_afronden_voordat_is_aangenomen_kan_niet(client, verwijzing):
    antwoord = client.post(
        links.antwoord_pad(verwijzing), {"actie": "antwoord", "keuze": "afgerond"}, follow=True
    )
    assert "Dit kan nu niet" in antwoord.content.decode()
    verwijzing.refresh_from_db()
    assert verwijzing.status == Status.REQUESTED


def test_onbekend_antwoord_verandert_niets(client, verwijzing):
    antwoord = client.post(links.antwoord_pad(verwijzing), {"actie": "antwoord", "keuze": "xx"})
    assert antwoord.status_code == 400
    assert "Kies wat je wilt doen" in antwoord.content.decode() or "geldige keuze" in (
        antwoord.content.decode()
    )
    verwijzing.refresh_from_db()
    assert verwijzing.status == Status.REQUESTED


def test_past_niet_zonder_uitleg_vraagt_om_uitleg(client, verwijzing):
    antwoord = client.post(
        links.antwoord_pad(verwijzing), {"actie": "antwoord", "keuze": "past-niet"}
    )
    assert antwoord.status_code == 400
    assert "Schrijf kort op waarom" in antwoord.content.decode()
    verwijzing.refresh_from_db()
    assert verwijzing.status == Status.REQUESTED


def test_geen_plek_met_een_klik(client, verwijzing):
    client.post(links.antwoord_pad(verwijzing), {"actie": "antwoord", "keuze": "geen-plek"})
    verwijzing.refresh_from_db()
    assert (verwijzing.status, verwijzing.reden_code) == (Status.REJECTED, "geen-plek")


def test_na_aannemen_houdt_het_aanbod_de_status_bij(client, verwijzing):
    pad = links.antwoord_pad(verwijzing)
    for keuze in ("aannemen", "gestart", "afgerond"):
        client.post(pad, {"actie": "antwoord", "keuze": keuze})
    verwijzing.refresh_from_db()
    assert verwijzing.status == Status.COMPLETED and verwijzing.afgesloten_op
    assert "Antwoord versturen" not in client.get(pad).content.decode()


def test_verlopen_link_zegt_dat_en_verandert_niets(client, verwijzing, monkeypatch, settings):
    pad = links.antwoord_pad(verwijzing)
    later(monkeypatch, settings.SAMENSPEL["BEWERKLINK_DAGEN"] + 1)
    antwoord = client.get(pad)
    assert antwoord.status_code == 400
    assert "Deze link is verlopen" in antwoord.content.decode()
    assert "Sanne" not in antwoord.content.decode()
    verwijzing.refresh_from_db()
    assert verwijzing.status == Status.REQUESTED


def test_verlopen_link_geeft_op_verzoek_een_nieuwe_naar_het_adres_van_het_aanbod(
    client, verwijzing, monkeypatch, settings, django_capture_on_commit_callbacks
):
    pad = links.antwoord_pad(verwijzing)
    later(monkeypatch, settings.SAMENSPEL["BEWERKLINK_DAGEN"] + 1)
    mail.outbox.clear()
    antwoord = client.post(pad, {"actie": "antwoord", "keuze": "aannemen"})
    assert "Kijk in je mailbox" in antwoord.content.decode()
    assert [m.to for m in mail.outbox] == [["wandel@example.org"]]
    verwijzing.refresh_from_db()
    assert verwijzing.status == Status.REQUESTED


def test_nieuwe_link_hoogstens_drie_keer_per_uur_per_verwijzing_wie_ook_vraagt(
    client, verwijzing, monkeypatch, settings
):
    settings.SAMENSPEL["VERTROUWDE_PROXIES"] = ["10.0.0.5"]
    pad = links.antwoord_pad(verwijzing)
    later(monkeypatch, settings.SAMENSPEL["BEWERKLINK_DAGEN"] + 1)
    mail.outbox.clear()
    for nummer in range(5):
        antwoord = client.post(
            pad,
            {"actie": "antwoord", "keuze": "aannemen"},
            REMOTE_ADDR="10.0.0.5",
            HTTP_X_FORWARDED_FOR=f"203.0.113.{nummer}",
        )
        assert "Kijk in je mailbox" in antwoord.content.decode()  # the same page every time
    assert [m.to for m in mail.outbox] == [["wandel@example.org"]] * 3


def test_vervalste_of_verkeerde_link_werkt_niet(client, verwijzing, verwijs, pim, wandelgroep):
    ander, _ = verwijs(pim, wandelgroep, naam="Kees")
    echt = links.antwoord_token(verwijzing)
    pogingen = [
        reverse("referrals:antwoord", args=[verwijzing.pk, echt[:-2] + "xx"]),
        reverse("referrals:antwoord", args=[ander.pk, echt]),
        reverse("referrals:antwoord", args=[verwijzing.pk, "zomaar-iets"]),
    ]
    for pad in pogingen:
        for antwoord in (
            client.get(pad),
            client.post(pad, {"actie": "antwoord", "keuze": "aannemen"}),
        ):
            assert antwoord.status_code == 403, pad
            assert "Deze link werkt niet" in antwoord.content.decode()
            assert "Sanne" not in antwoord.content.decode()
    for v in (verwijzing, ander):
        v.refresh_from_db()
        assert v.status == Status.REQUESTED


def test_nieuw_adres_voor_aanmeldingen_maakt_oude_links_ongeldig(client, verwijzing):
    pad = links.antwoord_pad(verwijzing)
    actions.zet_ontvangst(verwijzing.service, False, "", "nieuw@example.org")
    assert client.get(pad).status_code == 403
    assert client.get(links.antwoord_pad(verwijzing)).status_code == 200


def test_ontvanger_stelt_ander_moment_voor_en_verwijzer_bevestigt(client, verwijzing, pim):
    client.post(
        links.antwoord_pad(verwijzing),
        {"actie": "kennismaking", "wanneer": "2099-06-03T10:00", "waar": "Buurthuis De Boog"},
    )
    k = verwijzing.kennismakingen.get()
    assert k.akkoord_ontvanger and not k.akkoord_verwijzer
    client.force_login(pim)
    client.post(
        reverse("referrals:detail", args=[verwijzing.pk]), {"actie": "bevestig_kennismaking"}
    )
    k.refresh_from_db()
    assert k.is_bevestigd


def test_kennismaking_in_het_verleden_wordt_geweigerd(client, verwijzing):
    antwoord = client.post(
        links.antwoord_pad(verwijzing),
        {"actie": "kennismaking", "wanneer": "2001-06-03T10:00", "waar": "Buurthuis"},
    )
    assert antwoord.status_code == 400
    assert "Kies een moment in de toekomst" in antwoord.content.decode()
    assert not verwijzing.kennismakingen.exists()


# --- intake settings through a link -------------------------------------------------------


def test_aanbod_zet_vol_en_wachttijd_via_link_en_verwijzer_ziet_het(client, wandelgroep, pim):
    pad = links.ontvangst_pad(wandelgroep)
    antwoord = client.post(pad, {"vol": "on", "wachttijd": "ongeveer 3 weken"})
    assert antwoord.status_code == 302
    ontvangst = Ontvangst.objects.get(service=wandelgroep)
    assert ontvangst.vol and ontvangst.wachttijd == "ongeveer 3 weken"
    client.force_login(pim)
    formulier = client.get(reverse("referrals:nieuw", args=[wandelgroep.pk])).content.decode()
    assert "Zit nu vol." in formulier and "ongeveer 3 weken" in formulier


def test_adres_voor_aanmeldingen_verandert_niet_via_een_link(client, wandelgroep):
    client.post(
        links.ontvangst_pad(wandelgroep), {"wachttijd": "", "reactie_email": "x@example.org"}
    )
    assert Ontvangst.van(wandelgroep).adres == "wandel@example.org"


def test_ontvangst_link_van_ander_aanbod_werkt_niet(client, wandelgroep, buurtteam):
    token = links.ontvangst_token(wandelgroep)
    pad = reverse("referrals:ontvangst_link", args=[buurtteam.pk, token])
    assert client.post(pad, {"vol": "on"}).status_code == 403
    assert not Ontvangst.objects.exists()


def test_plekvraag_beantwoorden_met_ja(
    client, pim, wandelgroep, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        v = actions.vraag_plek(pim, wandelgroep, "Is er op dinsdag plek?")
    bericht = mail.outbox[-1]
    assert bericht.subject == "Is er plek bij Wandelgroep Overvecht?"
    assert "keuze=aannemen" in bericht.body and "keuze=past-niet" not in bericht.body
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(links.antwoord_pad(v), {"actie": "antwoord", "keuze": "aannemen"})
    v.refresh_from_db()
    assert v.status == Status.ACCEPTED and v.status_label() == "er is plek"
    assert mail.outbox[0].to == ["pim@example.org"] and "er is plek" in mail.outbox[0].subject


def test_ontvanger_link_schrijft_inzage_in_het_log(client, verwijzing):
    from samenspel.privacy.models import Auditregel

    client.get(links.antwoord_pad(verwijzing))
    regel = Auditregel.objects.voor(verwijzing).filter(actie="bekeken").get()
    assert (regel.partij, regel.kanaal) == ("ontvanger", "e-maillink")
    assert via_emaillink(verwijzing).wie == regel.wie
