"""Magic links: the owner edits, confirms or stops a listing from an e-mail, without an account."""

import datetime as dt
import time

import pytest
from django.core import mail, signing
from django.urls import reverse
from django.utils import timezone

from samenspel.directory import links
from samenspel.directory import models as m
from samenspel.directory.tests.formulieren import bewerking as formulier


@pytest.fixture
def aanbod(maak_aanbod):
    return maak_aanbod(
        naam="Breicafé Overvecht",
        omschrijving="Samen breien.",
        beheerder_email="anna@example.org",
        tijden_omschrijving="dinsdag 10-12",
    )


def later(monkeypatch, dagen: int) -> None:
    """Let signed links age without waiting."""
    nu = time.time()
    monkeypatch.setattr(signing.time, "time", lambda: nu + dagen * 86400)


# --- editing --------------------------------------------------------------------------------


def test_bewerklink_opent_formulier_met_huidige_gegevens(client, aanbod):
    antwoord = client.get(links.pad(aanbod, links.BEWERK))
    assert antwoord.status_code == 200
    form = antwoord.context["form"]
    assert form["naam"].value() == "Breicafé Overvecht"
    assert form["buurt"].value() == "BU03440301"
    assert form["contact"].value() == "anna@example.org"
    assert form["bouwsteen"].value() == "sociale-contacten-en-ontmoeting"


def test_bewerking_schrijft_historie(client, aanbod, met_commit):
    antwoord = met_commit(
        client.post,
        links.pad(aanbod, links.BEWERK),
        formulier(aanbod, naam="Breicafé De Boog", omschrijving="Breien en haken."),
    )
    assert antwoord.status_code == 302

    historie = m.Wijziging.objects.filter(resource_id=aanbod.pk, last_action_type="bewerkt")
    rijen = {(w.field_name, w.previous_value, w.replacement_value) for w in historie}
    assert rijen == {
        ("name", "Breicafé Overvecht", "Breicafé De Boog"),
        ("description", "Samen breien.", "Breien en haken."),
    }
    assert {w.resource_type for w in historie} == {"service"}
    assert {w.updated_by for w in historie} == {"anna@example.org"}


def test_bewerking_van_goedgekeurd_aanbod_staat_meteen_live(client, aanbod, met_commit):
    antwoord = met_commit(
        client.post,
        links.pad(aanbod, links.BEWERK),
        formulier(aanbod, naam="Breicafé De Boog"),
        follow=True,
    )
    assert "staan meteen op de kaart" in antwoord.content.decode()
    live = m.Service.objects.live().get(pk=aanbod.pk)
    assert live.name == "Breicafé De Boog"
    assert live.organization.name == "Breicafé Overvecht (organisatie)"  # imported name is kept


def test_niets_veranderd_schrijft_geen_historie(client, aanbod, met_commit):
    met_commit(client.post, links.pad(aanbod, links.BEWERK), formulier(aanbod))
    assert not m.Wijziging.objects.filter(resource_id=aanbod.pk).exists()


def test_ingelogde_bewerker_staat_met_gebruikersnaam_in_historie(
    client, aanbod, netwerkhouder, met_commit
):
    client.force_login(netwerkhouder)
    met_commit(client.post, links.pad(aanbod, links.BEWERK), formulier(aanbod, naam="Breicafé 2"))
    assert m.Wijziging.objects.get(resource_id=aanbod.pk).updated_by == "netwerkhouder"


def test_bewerken_na_een_vraag_zet_terug_in_wachtrij(client, aanbod, netwerkhouder, met_commit):
    aanbod.moderatie, aanbod.moderatie_bericht = m.Moderatie.VRAAG, "Is het gratis?"
    aanbod.save()
    pagina = client.get(links.pad(aanbod, links.BEWERK))
    assert "Is het gratis?" in pagina.content.decode()

    met_commit(
        client.post,
        links.pad(aanbod, links.BEWERK),
        formulier(aanbod, omschrijving="Samen breien. Het is gratis."),
    )

    aanbod.refresh_from_db()
    assert aanbod.moderatie == m.Moderatie.WACHTRIJ
    assert m.Wijziging.objects.filter(
        resource_id=aanbod.pk, field_name="moderatie", replacement_value="wachtrij"
    ).exists()
    assert [b.to for b in mail.outbox] == [[netwerkhouder.email]]


def test_andere_buurt_verplaatst_de_locatie_en_ander_rooster(client, aanbod, gebieden, met_commit):
    met_commit(
        client.post,
        links.pad(aanbod, links.BEWERK),
        formulier(aanbod, buurt="BU03440302", wanneer="vrijdag 14-16", bouwsteen="preventie"),
    )
    locatie = aanbod.service_at_locations.get().location
    assert locatie.buurt_id == "BU03440302"
    assert (locatie.latitude, locatie.longitude) == (52.1120, 5.1200)
    assert [b.code for b in aanbod.bouwstenen] == ["preventie"]
    assert [(s.byday, s.opens_at) for s in aanbod.schedules.all()] == [("FR", dt.time(14))]
    velden = set(m.Wijziging.objects.values_list("field_name", flat=True))
    assert {"buurt", "tijden_omschrijving", "bouwsteen"} <= velden


def test_bewerken_met_fout_slaat_niets_op(client, aanbod):
    antwoord = client.post(
        links.pad(aanbod, links.BEWERK), formulier(aanbod, naam="Nieuw", postcode="ABCD 12")
    )
    assert antwoord.status_code == 200
    assert antwoord.context["form"].errors
    aanbod.refresh_from_db()
    assert aanbod.name == "Breicafé Overvecht"


def test_nieuw_emailadres_maakt_oude_links_ongeldig_en_krijgt_een_nieuwe(
    client, aanbod, met_commit
):
    oude_link = links.pad(aanbod, links.BEWERK)
    met_commit(client.post, oude_link, formulier(aanbod, contact="bea@example.org"))

    aanbod.refresh_from_db()
    assert aanbod.beheerder_email == "bea@example.org"
    assert client.get(oude_link).status_code == 403
    per_adres = {bericht.to[0]: bericht for bericht in mail.outbox}
    assert set(per_adres) == {"bea@example.org", "anna@example.org"}
    assert f"/aanbod/{aanbod.pk}/bewerken/" in per_adres["bea@example.org"].body
    # The old address is told, but gets no link that would work.
    assert "/bewerken/" not in per_adres["anna@example.org"].body


# --- links that do not work -----------------------------------------------------------------


def test_verlopen_bewerklink_geeft_nette_melding(client, aanbod, monkeypatch, settings):
    link = links.pad(aanbod, links.BEWERK)
    later(monkeypatch, settings.SAMENSPEL["BEWERKLINK_DAGEN"] + 1)

    antwoord = client.get(link)

    assert antwoord.status_code == 400
    html = antwoord.content.decode()
    assert "Deze link is verlopen" in html
    assert reverse("directory:nieuwe_bewerklink") in html


def test_bewerklink_werkt_tot_de_ingestelde_termijn(client, aanbod, monkeypatch, settings):
    link = links.pad(aanbod, links.BEWERK)
    later(monkeypatch, settings.SAMENSPEL["BEWERKLINK_DAGEN"] - 1)
    assert client.get(link).status_code == 200


def test_vervalste_bewerklink_wordt_geweigerd(client, aanbod, maak_aanbod):
    echt = links.maak_token(aanbod, links.BEWERK)
    ander = maak_aanbod(naam="Taalcafé", beheerder_email="anna@example.org")
    pogingen = [
        reverse("directory:bewerken", args=[aanbod.pk, echt[:-2] + "xx"]),  # tampered
        reverse("directory:bewerken", args=[ander.pk, echt]),  # someone else's listing
        links.pad(aanbod, links.STOP).replace("/stoppen/", "/bewerken/"),  # other purpose
    ]
    for poging in pogingen:
        antwoord = client.get(poging)
        assert antwoord.status_code == 403, poging
        assert "Deze link werkt niet" in antwoord.content.decode()
    assert client.post(pogingen[0], formulier(aanbod, naam="Gekaapt")).status_code == 403
    aanbod.refresh_from_db()
    assert aanbod.name == "Breicafé Overvecht"


def test_gestopt_of_afgewezen_aanbod_is_niet_meer_te_bewerken(client, aanbod):
    aanbod.moderatie = m.Moderatie.AFGEWEZEN
    aanbod.save()
    antwoord = client.post(links.pad(aanbod, links.BEWERK), formulier(aanbod, naam="Toch"))
    assert "niet meer aanpassen" in antwoord.content.decode()
    aanbod.refresh_from_db()
    assert aanbod.name == "Breicafé Overvecht"


# --- new links by e-mail --------------------------------------------------------------------


def test_bewerklink_aanvragen_verraadt_geen_adressen(client, aanbod, met_commit):
    url = reverse("directory:nieuwe_bewerklink")
    bekend = met_commit(client.post, url, {"email": "ANNA@example.org"}, follow=True)
    onbekend = met_commit(client.post, url, {"email": "niemand@example.org"}, follow=True)

    def melding(antwoord):
        return [str(b) for b in antwoord.context["messages"]]

    assert melding(bekend) == melding(onbekend)
    assert "Als dit adres bij ons bekend is" in melding(bekend)[0]
    assert bekend.status_code == onbekend.status_code == 200
    assert [b.to for b in mail.outbox] == [["anna@example.org"]]


def test_bewerklink_aanvragen_stuurt_links_voor_al_je_aanbod_in_een_mail(
    client, aanbod, maak_aanbod, met_commit
):
    tweede = maak_aanbod(naam="Taalcafé", beheerder_email="anna@example.org")
    maak_aanbod(naam="Van een ander", beheerder_email="bob@example.org")
    met_commit(client.post, reverse("directory:nieuwe_bewerklink"), {"email": "anna@example.org"})

    (bericht,) = mail.outbox
    for service in (aanbod, tweede):
        assert f"/aanbod/{service.pk}/bewerken/" in bericht.body
    assert "Van een ander" not in bericht.body


def test_bewerklink_aanvragen_is_begrensd_tegen_overspoelen(client, aanbod, met_commit):
    for _ in range(5):
        met_commit(
            client.post, reverse("directory:nieuwe_bewerklink"), {"email": "anna@example.org"}
        )
    assert len(mail.outbox) == 3


# --- still right, and stopping --------------------------------------------------------------


def test_klopt_nog_via_get_verandert_niets(client, maak_aanbod, met_commit):
    oud = timezone.localdate() - dt.timedelta(days=200)
    service = maak_aanbod(bevestigd=oud, herinnerd_op=oud + dt.timedelta(days=190))
    link = links.pad(service, links.KLOPT_NOG)

    antwoord = client.get(link)
    assert antwoord.status_code == 200
    assert "Ja, dit klopt nog" in antwoord.content.decode()
    service.refresh_from_db()
    assert service.assured_date == oud

    met_commit(client.post, link)
    service.refresh_from_db()
    assert service.assured_date == timezone.localdate()
    assert service.herinnerd_op is None
    assert m.Wijziging.objects.filter(
        resource_id=service.pk, last_action_type="bevestigd", field_name="assured_date"
    ).exists()


def test_gestopt_aanbod_verdwijnt_uit_live_maar_blijft_in_historie(client, aanbod, met_commit):
    link = links.pad(aanbod, links.STOP)
    assert "Ja, haal ons van de kaart" in client.get(link).content.decode()
    assert m.Service.objects.live().filter(pk=aanbod.pk).exists()

    antwoord = met_commit(client.post, link, follow=True)

    assert "staat niet meer op de kaart" in antwoord.content.decode()
    assert not m.Service.objects.live().filter(pk=aanbod.pk).exists()
    assert m.Service.objects.get(pk=aanbod.pk).status == m.ServiceStatus.INACTIVE
    assert m.Wijziging.objects.filter(
        resource_id=aanbod.pk, last_action_type="gestopt", replacement_value="inactive"
    ).exists()
    assert [b.to for b in mail.outbox] == [["anna@example.org"]]
    assert client.get(links.pad(aanbod, links.BEWERK)).status_code == 200  # a friendly page
