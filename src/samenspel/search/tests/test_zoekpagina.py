"""The public search page and the search interface behind it, with the database."""

import datetime as dt

import pytest
from django.urls import reverse

from samenspel.directory import models as m
from samenspel.search.tests.pagina import kaartnamen
from samenspel.search.zoeken import Zoekvraag, zoek

pytestmark = pytest.mark.django_db

ZOEKEN = reverse("search:zoeken")


def test_bewoner_vindt_wandelgroep_met_wandelen_zonder_inloggen(client, maak_aanbod):
    maak_aanbod(naam="Wandelgroep Overvecht")
    maak_aanbod(naam="Taalcafé", omschrijving="Nederlands oefenen met koffie.")
    pagina = client.get(ZOEKEN, {"q": "wandelen"}).content.decode()
    assert "Wandelgroep Overvecht" in pagina
    assert "Taalcafé" not in pagina


def test_professioneel_aanbod_onzichtbaar_voor_bewoner_zichtbaar_voor_professional(
    client, maak_aanbod, professional
):
    maak_aanbod(naam="Consultatie FACT-team", zichtbaarheid="professionals")
    assert "Consultatie FACT-team" not in client.get(ZOEKEN, {"q": "consultatie"}).content.decode()
    client.force_login(professional)
    assert "Consultatie FACT-team" in client.get(ZOEKEN, {"q": "consultatie"}).content.decode()


def test_bewoner_kan_professioneel_aanbod_niet_opvragen_via_filter(maak_aanbod):
    maak_aanbod(naam="Consultatie FACT-team", zichtbaarheid="professionals")
    vraag = Zoekvraag(filters={"zichtbaarheid": ["professionals"]})
    assert zoek(vraag, None).totaal == 0


def test_professioneel_aanbod_pagina_geeft_404_voor_bewoner(client, maak_aanbod, professional):
    service = maak_aanbod(naam="Consultatie FACT-team", zichtbaarheid="professionals")
    assert client.get(service.get_absolute_url()).status_code == 404
    client.force_login(professional)
    assert client.get(service.get_absolute_url()).status_code == 200


def test_via_contactpersoon_toont_alleen_de_contactroute(client, maak_aanbod):
    service = maak_aanbod(
        naam="Maatjesproject",
        zichtbaarheid="via_contactpersoon",
        tijden_omschrijving="dinsdagmiddag in het buurthuis",
    )
    m.Contact.objects.create(service=service, name="Coördinator Sam", email="sam@example.org")
    pagina = client.get(service.get_absolute_url()).content.decode()
    assert "sam@example.org" in pagina
    assert "dinsdagmiddag" not in pagina
    assert "10:00" not in pagina


def test_filter_op_bouwsteen_en_facetaantallen(client, maak_aanbod):
    maak_aanbod(naam="Wandelgroep", bouwstenen=("sociale-contacten-en-ontmoeting",))
    maak_aanbod(naam="Wandelcoach", bouwstenen=("preventie",))
    resultaat = zoek(Zoekvraag(tekst="wandel", filters={"bouwsteen": ["preventie"]}))
    assert [t.service.name for t in resultaat.treffers] == ["Wandelcoach"]
    # The bouwsteen facet still counts the other option, so a user can switch.
    assert resultaat.facetten["bouwsteen"]["sociale-contacten-en-ontmoeting"] == 1


def test_sorteren_op_afstand_vanaf_buurt(client, maak_aanbod):
    maak_aanbod(naam="Wandelen ver weg", buurt="middelland_noord")
    maak_aanbod(naam="Wandelen dichtbij", buurt="vechtzoom")
    pagina = client.get(ZOEKEN, {"q": "wandelen", "bij": "Vechtzoom", "sorteer": "afstand"})
    tekst = pagina.content.decode()
    assert tekst.index("Wandelen dichtbij") < tekst.index("Wandelen ver weg")
    assert " km" in tekst or " m<" in tekst


def test_onbekende_bouwsteen_geeft_melding_bij_het_veld(client, maak_aanbod):
    maak_aanbod()
    antwoord = client.get(ZOEKEN, {"bouwsteen": "bestaat-niet"})
    assert antwoord.status_code == 200
    assert "bestaat-niet" in antwoord.context["form"].errors["bouwsteen"][0]


def test_ongeldig_paginanummer_geeft_melding(client):
    antwoord = client.get(ZOEKEN, {"pagina": "abc"})
    assert antwoord.context["form"].errors["pagina"] == ["Het paginanummer moet een getal zijn."]


def test_onbekende_postcode_geeft_melding_bij_postcodeveld(client, maak_aanbod):
    maak_aanbod()
    antwoord = client.get(ZOEKEN, {"q": "wandelen", "bij": "9999 ZZ", "sorteer": "afstand"})
    assert "9999 ZZ" in antwoord.context["form"].errors["bij"][0]


def test_sorteren_op_afstand_zonder_plaats_vraagt_om_postcode(client):
    antwoord = client.get(ZOEKEN, {"sorteer": "afstand"})
    assert "postcode" in antwoord.context["form"].errors["bij"][0]


def test_locatie_buiten_nederland_geweigerd(client):
    antwoord = client.get(ZOEKEN, {"lat": "40.0", "lon": "5.0"})
    assert antwoord.context["form"].errors["lat"] == ["Je locatie ligt buiten Nederland."]


def test_te_lange_zoekvraag_geeft_melding(client):
    antwoord = client.get(ZOEKEN, {"q": "x" * 201})
    assert antwoord.context["form"].errors["q"] == ["Gebruik hooguit 200 tekens."]


def test_lege_zoekopdracht_toont_alles_met_paginering(client, maak_aanbod):
    for i in range(23):
        maak_aanbod(naam=f"Activiteit {i:02d}")
    eerste = client.get(ZOEKEN)
    assert eerste.context["resultaat"].totaal == 23
    assert len(eerste.context["resultaat"].treffers) == 20
    tweede = client.get(ZOEKEN, {"pagina": 2})
    assert len(tweede.context["resultaat"].treffers) == 3


def test_niet_recent_bevestigd_aanbod_zakt_in_de_lijst(maak_aanbod):
    oud = dt.date.today() - dt.timedelta(days=400)
    maak_aanbod(naam="Wandelclub oud", bevestigd=oud)
    maak_aanbod(naam="Wandelclub nieuw")
    namen = [t.service.name for t in zoek(Zoekvraag(tekst="wandelclub")).treffers]
    assert namen == ["Wandelclub nieuw", "Wandelclub oud"]


def test_gestopt_aanbod_verdwijnt_direct_uit_zoeken(maak_aanbod):
    service = maak_aanbod(naam="Wandelgroep")
    assert zoek(Zoekvraag(tekst="wandelgroep")).totaal == 1
    service.status = m.ServiceStatus.INACTIVE
    service.save()
    assert zoek(Zoekvraag(tekst="wandelgroep")).totaal == 0


def test_bewerkt_aanbod_gevonden_op_nieuwe_woorden_niet_op_oude(maak_aanbod):
    service = maak_aanbod(
        naam="Breiclub", omschrijving="Samen breien en haken.", organisatie="Buurthuis De Ster"
    )
    assert zoek(Zoekvraag(tekst="breien")).totaal == 1
    service.name = "Schaakclub"
    service.description = "Samen schaken op woensdag."
    service.save()
    assert zoek(Zoekvraag(tekst="schaken")).totaal == 1
    assert zoek(Zoekvraag(tekst="breien")).totaal == 0


def test_nieuwe_bouwsteen_direct_vindbaar_als_filter(maak_aanbod):
    service = maak_aanbod(naam="Buurtkamer", bouwstenen=())
    assert zoek(Zoekvraag(filters={"bouwsteen": ["preventie"]})).totaal == 0
    m.Attribute.objects.create(
        link_entity="service",
        link_id=service.pk,
        taxonomy_term=m.TaxonomyTerm.objects.bouwstenen().get(code="preventie"),
    )
    assert zoek(Zoekvraag(filters={"bouwsteen": ["preventie"]})).totaal == 1


def test_open_op_dag_filter(maak_aanbod):
    maak_aanbod(naam="Dinsdagwandeling", dagen="TU")
    maak_aanbod(naam="Vrijdagwandeling", dagen="FR")
    namen = [t.service.name for t in zoek(Zoekvraag(filters={"dag": ["FR"]})).treffers]
    assert namen == ["Vrijdagwandeling"]


def test_filter_op_buurt_en_vrije_inloop(client, maak_aanbod):
    maak_aanbod(naam="Inloop Zambesi", buurt="zambesidreef", inloop=True)
    maak_aanbod(naam="Inloop Vechtzoom", buurt="vechtzoom", inloop=True)
    maak_aanbod(naam="Cursus Zambesi", buurt="zambesidreef", inloop=False)
    antwoord = client.get(ZOEKEN, {"buurt": "BU03440301", "inloop": "on"})
    assert kaartnamen(antwoord) == ["Inloop Zambesi"]


def test_onbekende_buurt_geeft_melding(client, gebieden):
    antwoord = client.get(ZOEKEN, {"buurt": "BU99999999"})
    assert "buurt" in antwoord.context["form"].errors


def test_lange_gebiedslijsten_tonen_alleen_de_gekozen_gemeente(client, gebieden, monkeypatch):
    from samenspel.search import forms

    monkeypatch.setattr(forms, "MAX_KEUZES", 1)
    form = client.get(ZOEKEN, {"gemeente": "GM0599"}).context["form"]
    assert [code for code, _ in form.fields["wijk"].choices if code] == ["WK059903"]
