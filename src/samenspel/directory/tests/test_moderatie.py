"""The moderation queue: only the netwerkhouder of the area (or a beheerder) decides."""

import re

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from samenspel.directory import actions, links
from samenspel.directory import models as m

WACHTRIJ = "/beheer/aanmeldingen/"


@pytest.fixture
def aanmelding(maak_aanbod):
    """A registration in Overvecht waiting for a decision."""

    def maak(naam="Breicafé Overvecht", buurt="zambesidreef", **velden):
        velden.setdefault("moderatie", m.Moderatie.WACHTRIJ)
        velden.setdefault("beheerder_email", "anna@example.org")
        service = maak_aanbod(naam=naam, buurt=buurt, **velden)
        service.assured_date = None
        service.save()
        return service

    return maak


def beoordeel_url(service) -> str:
    return reverse("directory:beoordeel", args=[service.pk])


# --- who may see the queue ------------------------------------------------------------------


def test_wachtrij_vraagt_om_in_te_loggen(client, aanmelding):
    service = aanmelding()
    for url in (WACHTRIJ, beoordeel_url(service)):
        antwoord = client.get(url)
        assert antwoord.status_code == 302
        assert antwoord["Location"].startswith(reverse("accounts:inloggen"))


@pytest.mark.parametrize("persona", ["professional", "initiatiefnemer"])
def test_wie_geen_netwerkhouder_is_krijgt_403(client, aanmelding, persona, request):
    service = aanmelding()
    client.force_login(request.getfixturevalue(persona))
    assert client.get(WACHTRIJ).status_code == 403
    assert client.get(beoordeel_url(service)).status_code == 403
    assert client.post(beoordeel_url(service), {"actie": "goedkeuren"}).status_code == 403
    service.refresh_from_db()
    assert service.moderatie == m.Moderatie.WACHTRIJ


def test_netwerkhouder_ziet_aanmeldingen_in_eigen_gebied_met_aantallen(
    client, netwerkhouder, aanmelding
):
    wachtend = aanmelding()
    aanmelding(naam="Taalmaatjes", buurt="vechtzoom", moderatie=m.Moderatie.VRAAG)
    aanmelding(naam="Al goedgekeurd", moderatie=m.Moderatie.GOEDGEKEURD)
    client.force_login(netwerkhouder)

    antwoord = client.get(WACHTRIJ)
    assert antwoord.status_code == 200
    assert [s.name for s in antwoord.context["pagina"].object_list] == [wachtend.name]
    aantallen = {tab["soort"]: tab["aantal"] for tab in antwoord.context["tabs"]}
    assert aantallen == {"onbevestigd": 0, "wachtrij": 1, "vraag": 1}
    assert antwoord.context["totaal"] == 2

    vragen = client.get(WACHTRIJ, {"soort": "vraag"})
    assert [s.name for s in vragen.context["pagina"].object_list] == ["Taalmaatjes"]


def test_netwerkhouder_van_ander_gebied_ziet_aanmelding_niet(
    client, andere_netwerkhouder, aanmelding
):
    service = aanmelding()
    client.force_login(andere_netwerkhouder)

    antwoord = client.get(WACHTRIJ)
    assert antwoord.context["totaal"] == 0
    assert service.name not in antwoord.content.decode()
    assert client.get(beoordeel_url(service)).status_code == 404
    assert client.post(beoordeel_url(service), {"actie": "goedkeuren"}).status_code == 404
    service.refresh_from_db()
    assert service.moderatie == m.Moderatie.WACHTRIJ


def test_beheerder_ziet_aanmeldingen_in_alle_gebieden(client, beheerder, aanmelding):
    aanmelding()
    aanmelding(naam="Buurttuin Middelland", buurt="middelland_noord")
    client.force_login(beheerder)
    antwoord = client.get(WACHTRIJ)
    assert antwoord.context["totaal"] == 2


def test_beoordeelpagina_toont_de_gegevens_en_de_drie_acties(client, netwerkhouder, aanmelding):
    service = aanmelding(omschrijving="Samen breien op dinsdag.")
    client.force_login(netwerkhouder)
    html = client.get(beoordeel_url(service)).content.decode()
    assert "Samen breien op dinsdag." in html
    assert "anna@example.org" in html
    for actie in ("goedkeuren", "vraag", "afwijzen"):
        assert f'name="actie" value="{actie}"' in html


def test_beoordeelpagina_openen_verandert_niets(client, netwerkhouder, aanmelding):
    service = aanmelding()
    client.force_login(netwerkhouder)
    client.get(beoordeel_url(service), {"actie": "goedkeuren"})
    service.refresh_from_db()
    assert service.moderatie == m.Moderatie.WACHTRIJ


# --- the three decisions --------------------------------------------------------------------


def test_netwerkhouder_keurt_goed_en_aanmelder_krijgt_mail(
    client, netwerkhouder, aanmelding, met_commit
):
    service = aanmelding()
    client.force_login(netwerkhouder)

    antwoord = met_commit(client.post, beoordeel_url(service), {"actie": "goedkeuren"}, follow=True)

    service.refresh_from_db()
    assert service.moderatie == m.Moderatie.GOEDGEKEURD
    assert service.assured_date == timezone.localdate()
    assert m.Service.objects.live().filter(pk=service.pk).exists()
    assert "staat nu op de kaart" in antwoord.content.decode()
    historie = m.Wijziging.objects.filter(resource_id=service.pk, last_action_type="goedgekeurd")
    assert {w.field_name for w in historie} >= {"moderatie", "assured_date"}
    assert {w.updated_by for w in historie} == {"netwerkhouder"}

    (bericht,) = mail.outbox
    assert bericht.to == ["anna@example.org"]
    assert settings.SITE_URL + reverse("directory:service", args=[service.pk]) in bericht.body
    bewerk = re.search(r"/aanbod/\S+/bewerken/(\S+)/", bericht.body).group(1)
    assert links.controleer(bewerk, links.BEWERK, service.pk) == service
    assert bericht.alternatives[0][1] == "text/html"


def test_vraag_stellen_mailt_de_vraag_met_bewerklink(client, netwerkhouder, aanmelding, met_commit):
    service = aanmelding()
    client.force_login(netwerkhouder)

    met_commit(client.post, beoordeel_url(service), {"actie": "vraag", "vraag": "Is het gratis?"})

    service.refresh_from_db()
    assert service.moderatie == m.Moderatie.VRAAG
    assert service.moderatie_bericht == "Is het gratis?"
    (bericht,) = mail.outbox
    assert "Is het gratis?" in bericht.body
    assert f"/aanbod/{service.pk}/bewerken/" in bericht.body
    assert m.Wijziging.objects.filter(resource_id=service.pk, last_action_type="vraag").exists()


def test_vraag_zonder_tekst_kan_niet(client, netwerkhouder, aanmelding, met_commit):
    service = aanmelding()
    client.force_login(netwerkhouder)
    antwoord = met_commit(client.post, beoordeel_url(service), {"actie": "vraag", "vraag": " "})
    assert antwoord.status_code == 400
    assert antwoord.context["vraag_form"].errors["vraag"] == ["Schrijf je vraag op."]
    service.refresh_from_db()
    assert service.moderatie == m.Moderatie.WACHTRIJ
    assert mail.outbox == []


def test_afwijzen_zonder_reden_kan_niet(client, netwerkhouder, aanmelding, met_commit):
    service = aanmelding()
    client.force_login(netwerkhouder)

    antwoord = met_commit(client.post, beoordeel_url(service), {"actie": "afwijzen", "reden": ""})

    assert antwoord.status_code == 400
    assert "Schrijf op waarom je afwijst." in antwoord.content.decode()
    service.refresh_from_db()
    assert service.moderatie == m.Moderatie.WACHTRIJ
    assert mail.outbox == []
    with pytest.raises(ValueError):
        actions.wijs_af(service, netwerkhouder, "   ")


def test_afwijzen_met_reden_mailt_de_reden(client, netwerkhouder, aanmelding, met_commit):
    service = aanmelding()
    client.force_login(netwerkhouder)

    met_commit(
        client.post,
        beoordeel_url(service),
        {"actie": "afwijzen", "reden": "Dit is een commercieel bedrijf."},
    )

    service.refresh_from_db()
    assert service.moderatie == m.Moderatie.AFGEWEZEN
    assert not service.is_live
    (bericht,) = mail.outbox
    assert "Dit is een commercieel bedrijf." in bericht.body
    assert m.Wijziging.objects.filter(
        resource_id=service.pk, last_action_type="afgewezen", field_name="moderatie"
    ).exists()


def test_over_een_besliste_aanmelding_kan_niet_opnieuw_besloten(
    client, netwerkhouder, aanmelding, met_commit
):
    service = aanmelding(moderatie=m.Moderatie.GOEDGEKEURD)
    client.force_login(netwerkhouder)
    antwoord = met_commit(
        client.post,
        beoordeel_url(service),
        {"actie": "afwijzen", "reden": "toch niet"},
        follow=True,
    )
    assert "al besloten" in antwoord.content.decode()
    service.refresh_from_db()
    assert service.moderatie == m.Moderatie.GOEDGEKEURD
    with pytest.raises(actions.OngeldigeModeratiestap):
        actions.keur_goed(service, netwerkhouder)


def test_geen_mail_als_de_beslissing_niet_doorgaat(netwerkhouder, aanmelding):
    """Mail goes out on commit only: a rolled-back approval mails nobody."""
    service = aanmelding()
    with pytest.raises(RuntimeError), actions.transaction.atomic():
        actions.keur_goed(service, netwerkhouder)
        raise RuntimeError("later in dezelfde transactie mis")
    service.refresh_from_db()
    assert service.moderatie == m.Moderatie.WACHTRIJ
    assert mail.outbox == []
