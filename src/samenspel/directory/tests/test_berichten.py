"""Mails and messages around a registration fit the person: the contact route they gave, how
to reach the netwerkhouder, an answer shown as an answer, and a history in plain words."""

import pytest
from django.core import mail
from django.urls import reverse

from samenspel.directory import actions, historie, links
from samenspel.directory import models as m
from samenspel.directory.tests.formulieren import aanmelding

AANMELDEN = "/aanmelden/"
WACHTRIJ = "/beheer/aanmeldingen/"


@pytest.fixture
def in_wachtrij(maak_aanbod):
    def maak(**velden):
        velden.setdefault("moderatie", m.Moderatie.WACHTRIJ)
        velden.setdefault("beheerder_email", "anna@example.org")
        return maak_aanbod(naam="Breicafé Overvecht", omschrijving="Samen breien.", **velden)

    return maak


def beoordeel_url(service) -> str:
    return reverse("directory:beoordeel", args=[service.pk])


def bewerkformulier(service, **over) -> dict:
    gegevens = {
        "naam": service.name,
        "omschrijving": service.description,
        "wanneer": service.tijden_omschrijving or "dinsdag 10-12 uur",
        "buurt": "BU03440301",
        "contact": service.beheerder_email,
        "bouwsteen": "sociale-contacten-en-ontmoeting",
        "sector": "informeel",
        "zichtbaarheid": "openbaar",
    }
    gegevens.update(over)
    return gegevens


# --- the contact route the person gave ----------------------------------------------------


def test_aanmelder_met_alleen_telefoon_hoort_niets_over_e_mail_of_spam(
    client, gebieden, met_commit
):
    antwoord = met_commit(client.post, AANMELDEN, aanmelding(contact="06-12345678"), follow=True)
    tekst = antwoord.content.decode()
    assert "belt je op <strong>06-12345678</strong>" in tekst
    assert "ongewenste e-mail" not in tekst
    assert "Je krijgt dan een link" not in tekst  # a link needs an e-mail address


def test_aanmelder_met_e_mail_hoort_wel_waar_de_mail_kan_zijn(client, gebieden, met_commit):
    tekst = met_commit(client.post, AANMELDEN, aanmelding(), follow=True).content.decode()
    assert "anna@example.org" in tekst
    assert "ongewenste e-mail" in tekst


def test_netwerkhouder_hoort_bellen_bij_aanmelder_zonder_e_mail(
    client, netwerkhouder, in_wachtrij, met_commit
):
    service = in_wachtrij(beheerder_email="", beheerder_telefoon="06-12345678")
    client.force_login(netwerkhouder)
    pagina = client.get(beoordeel_url(service)).content.decode()
    assert "De aanmelder krijgt je vraag per e-mail" not in pagina
    assert "Bel je vraag door op 06-12345678" in pagina
    assert "afwijzen en de reden mailen" not in pagina

    antwoord = met_commit(
        client.post,
        beoordeel_url(service),
        {"actie": "vraag", "vraag": "Is het gratis?"},
        follow=True,
    )
    tekst = antwoord.content.decode()
    assert "Je vraag is gemaild" not in tekst
    assert "bel de aanmelder op 06-12345678" in tekst
    assert mail.outbox == []


def test_afwijzing_van_aanmelder_zonder_e_mail_vraagt_om_te_bellen(
    client, netwerkhouder, in_wachtrij, met_commit
):
    service = in_wachtrij(beheerder_email="", beheerder_telefoon="06-12345678")
    client.force_login(netwerkhouder)
    antwoord = met_commit(
        client.post,
        beoordeel_url(service),
        {"actie": "afwijzen", "reden": "Dit is een bedrijf."},
        follow=True,
    )
    tekst = antwoord.content.decode()
    assert "krijgt de reden per e-mail" not in tekst
    assert "Bel de aanmelder op 06-12345678" in tekst


# --- a rejection says how to reach the netwerkhouder ---------------------------------------


def test_afwijzing_noemt_naam_en_adres_van_de_netwerkhouder(
    netwerkhouder, andere_netwerkhouder, in_wachtrij, met_commit
):
    netwerkhouder.first_name, netwerkhouder.last_name = "Noor", "de Vries"
    netwerkhouder.save()
    service = in_wachtrij()

    met_commit(actions.wijs_af, service, netwerkhouder, "Dit is een commercieel bedrijf.")

    (bericht,) = mail.outbox
    html = bericht.alternatives[0][0]
    for deel in (bericht.body, html):
        assert "Noor de Vries, netwerkhouder" in deel
        assert "netwerkhouder@example.org" in deel
        # Only the netwerkhouder of this area, not the one of Rotterdam.
        assert andere_netwerkhouder.email not in deel
    assert 'href="mailto:netwerkhouder@example.org"' in html


def test_afwijzing_door_beheerder_in_gebied_zonder_netwerkhouder_noemt_de_beheerder(
    beheerder, in_wachtrij, met_commit
):
    service = in_wachtrij()
    met_commit(actions.wijs_af, service, beheerder, "Dubbel aangemeld.")
    assert "beheerder@example.org" in mail.outbox[0].body


# --- an answer to a question is an answer --------------------------------------------------


def test_antwoord_op_vraag_staat_als_antwoord_in_de_wachtrij(
    client, netwerkhouder, in_wachtrij, met_commit
):
    nieuw = in_wachtrij()
    gevraagd = in_wachtrij(beheerder_email="bob@example.org")
    gevraagd.name = "Taalcafé"
    gevraagd.save()
    met_commit(actions.stel_vraag, gevraagd, netwerkhouder, "Is het gratis?")
    mail.outbox.clear()

    met_commit(
        client.post,
        links.pad(gevraagd, links.BEWERK),
        bewerkformulier(gevraagd, omschrijving="Samen praten. Het is gratis."),
    )

    (bericht,) = mail.outbox
    assert bericht.subject == "Antwoord op je vraag: Taalcafé"
    assert "Nieuwe aanmelding" not in bericht.subject
    client.force_login(netwerkhouder)
    lijst = client.get(WACHTRIJ).context["pagina"].object_list
    vlag = {s.name: s.beantwoord for s in lijst}
    assert vlag == {nieuw.name: False, "Taalcafé": True}
    assert "Antwoord op je vraag" in client.get(WACHTRIJ).content.decode()


def test_beoordeelpagina_toont_de_vraag_en_wat_er_sindsdien_veranderde(
    client, netwerkhouder, in_wachtrij, met_commit
):
    service = in_wachtrij()
    met_commit(actions.stel_vraag, service, netwerkhouder, "Is het gratis?")
    met_commit(
        client.post,
        links.pad(service, links.BEWERK),
        bewerkformulier(service, omschrijving="Samen breien. Het is gratis."),
    )

    client.force_login(netwerkhouder)
    antwoord = client.get(beoordeel_url(service))
    tekst = antwoord.content.decode()
    assert antwoord.context["antwoord"]["vraag"] == "Is het gratis?"
    assert "Antwoord op je vraag" in tekst
    assert "Wat doen jullie: <del>Samen breien.</del> → Samen breien. Het is gratis." in tekst


def test_nieuwe_aanmelding_is_geen_antwoord(client, netwerkhouder, in_wachtrij):
    service = in_wachtrij()
    client.force_login(netwerkhouder)
    antwoord = client.get(beoordeel_url(service))
    assert antwoord.context["antwoord"] is None
    assert "Antwoord op je vraag" not in client.get(WACHTRIJ).content.decode()


# --- the history in plain words ------------------------------------------------------------


def test_geschiedenis_toont_gewone_woorden_in_plaats_van_veldnamen(
    client, netwerkhouder, in_wachtrij, met_commit
):
    service = in_wachtrij()
    met_commit(actions.stel_vraag, service, netwerkhouder, "Waar is het precies?")
    met_commit(
        client.post,
        links.pad(service, links.BEWERK),
        bewerkformulier(service, adres="Zambesidreef 1", postcode="3564 AA"),
    )

    client.force_login(netwerkhouder)
    tekst = client.get(beoordeel_url(service)).content.decode()
    geschiedenis = tekst[tekst.index("Geschiedenis") :]
    for veldnaam in ("address_1", "postal_code", "moderatie_bericht", ": moderatie"):
        assert veldnaam not in geschiedenis, veldnaam
    assert "straat en huisnummer → Zambesidreef 1" in geschiedenis
    assert "bericht van de netwerkhouder → Waar is het precies?" in geschiedenis
    assert "beoordeling → wacht op goedkeuring" in geschiedenis
    assert "Vraag beantwoord" in geschiedenis
    assert "Vraag gesteld" in geschiedenis


@pytest.mark.parametrize(
    ("soort", "veld", "label"),
    [
        ("service", "address_1", "straat en huisnummer"),
        ("service", "postal_code", "postcode"),
        ("service", "moderatie_bericht", "bericht van de netwerkhouder"),
        ("service", "assured_date", "laatst bevestigd"),
        ("service", "buurt", "buurt"),
        ("service", "bouwsteen", "bouwsteen"),
        ("service", "contact", "e-mailadres of telefoonnummer"),
        ("organization", "sector", "sector"),
    ],
)
def test_elk_veld_in_de_geschiedenis_heeft_een_label(soort, veld, label):
    assert historie.veld_label(soort, veld) == label


def test_labels_volgen_de_taal_van_de_pagina(settings):
    from django.utils import translation

    with translation.override("nl"):
        nl = historie.veld_label("service", "address_1")
    assert nl == "straat en huisnummer"
    # The label is the model's translatable verbose_name, so the English catalogue covers it.
    veld = m.Address._meta.get_field("address_1")
    assert str(veld.verbose_name) == nl
    assert type(veld.verbose_name).__name__ == "__proxy__"


def test_keuzewaarden_in_de_geschiedenis_tonen_hun_tekst():
    assert historie.waarde_tekst("service", "moderatie", "wachtrij") == "wacht op goedkeuring"
    assert historie.waarde_tekst("service", "status", "inactive") == "gestopt"
    assert historie.waarde_tekst("service", "op_afspraak", "ja") == "ja"
    assert historie.waarde_tekst("service", "name", "Breicafé") == "Breicafé"


def test_netwerkhouder_van_ander_gebied_ziet_het_antwoord_niet(
    client, netwerkhouder, andere_netwerkhouder, in_wachtrij, met_commit
):
    service = in_wachtrij()
    met_commit(actions.stel_vraag, service, netwerkhouder, "Is het gratis?")
    met_commit(
        client.post,
        links.pad(service, links.BEWERK),
        bewerkformulier(service, omschrijving="Het is gratis."),
    )
    client.force_login(andere_netwerkhouder)
    assert client.get(beoordeel_url(service)).status_code == 404
    assert "Het is gratis." not in client.get(WACHTRIJ).content.decode()
    client.logout()
    assert client.get(beoordeel_url(service)).status_code == 302  # to the login page
