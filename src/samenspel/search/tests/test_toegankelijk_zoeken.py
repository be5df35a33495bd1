"""Searching by accessibility: a facet, and the words people type (seed 000, Bijlage 4A).

"rollator", "rolstoel" and "toegankelijk" found nothing before; a woman with a rollator
should find the places she can enter.
"""

import pytest
from django.urls import reverse

from samenspel.directory import models as m
from samenspel.search.zoeken import Zoekvraag, zoek

pytestmark = pytest.mark.django_db

ZOEKEN = reverse("search:zoeken")


def met_toegang(service, *teksten):
    locatie = service.service_at_locations.get().location
    for tekst in teksten:
        m.Accessibility.objects.create(location=locatie, description=tekst)
    return service


@pytest.fixture
def kaart(maak_aanbod):
    return {
        "buurthuis": met_toegang(
            maak_aanbod(naam="Buurthuis De Boog", omschrijving="Koffie en een praatje."),
            "Drempelvrij (rollator)",
            "Rolstoeltoegankelijk",
            "Aangepast toilet",
        ),
        "taalcafe": met_toegang(
            maak_aanbod(naam="Taalcafé", omschrijving="Nederlands oefenen met koffie."),
            "Ringleiding",
            "Rustige ruimte (prikkelarm)",
        ),
        "trap": maak_aanbod(naam="Zolderatelier", omschrijving="Schilderen op zolder."),
        "eigen_tekst": met_toegang(
            maak_aanbod(naam="Kerkzaal", omschrijving="Soep op vrijdag."),
            "Lift naar de eerste verdieping",
        ),
    }


def namen(resultaat) -> set[str]:
    return {t.service.name for t in resultaat.treffers}


@pytest.mark.parametrize(
    "woord, verwacht",
    [
        ("rollator", {"Buurthuis De Boog"}),
        ("drempelvrij", {"Buurthuis De Boog"}),
        ("rolstoel", {"Buurthuis De Boog"}),
        ("rolstoeltoegankelijk", {"Buurthuis De Boog"}),
        ("toilet", {"Buurthuis De Boog"}),
        ("ringleiding", {"Taalcafé"}),
        ("slechthorend", {"Taalcafé"}),
        ("prikkelarm", {"Taalcafé"}),
        ("toegankelijk", {"Buurthuis De Boog", "Taalcafé"}),
        ("lift", {"Kerkzaal"}),
    ],
)
def test_zoekwoorden_vinden_de_plek_met_die_voorziening(kaart, woord, verwacht):
    assert namen(zoek(Zoekvraag(tekst=woord))) == verwacht


def test_rollator_vindt_drempelvrije_plek_op_de_zoekpagina(client, kaart):
    html = client.get(ZOEKEN, {"q": "rollator"}).content.decode()
    assert "Buurthuis De Boog" in html
    assert "Zolderatelier" not in html


def test_filter_op_toegankelijkheid_met_facetaantallen(kaart):
    alles = zoek(Zoekvraag())
    assert alles.facetten["toegankelijkheid"] == {
        "drempelvrij": 1,
        "rolstoeltoegankelijk": 1,
        "aangepast-toilet": 1,
        "ringleiding": 1,
        "prikkelarm": 1,
    }

    drempelvrij = zoek(Zoekvraag(filters={"toegankelijkheid": ["drempelvrij"]}))
    assert namen(drempelvrij) == {"Buurthuis De Boog"}
    # Choosing one value still counts the others (each facet ignores its own filter).
    assert drempelvrij.facetten["toegankelijkheid"]["ringleiding"] == 1

    een_van_beide = zoek(Zoekvraag(filters={"toegankelijkheid": ["drempelvrij", "ringleiding"]}))
    assert namen(een_van_beide) == {"Buurthuis De Boog", "Taalcafé"}


def test_zoekpagina_toont_facet_en_filtert(client, kaart):
    html = client.get(ZOEKEN).content.decode()
    assert 'name="toegankelijkheid" value="drempelvrij"' in html
    assert "Drempelvrij (rollator)" in html

    gefilterd = client.get(ZOEKEN, {"toegankelijkheid": "drempelvrij"})
    html = gefilterd.content.decode()
    assert "Buurthuis De Boog" in html
    assert "Taalcafé" not in html
    assert 'value="drempelvrij" checked' in html


def test_onbekende_waarde_in_filter_krijgt_melding(client, kaart):
    antwoord = client.get(ZOEKEN, {"toegankelijkheid": "lift"})
    assert antwoord.status_code == 200
    assert antwoord.context["form"].errors["toegankelijkheid"] == [
        "'lift' kennen we niet. Kies uit de lijst."
    ]


def test_wijziging_van_toegankelijkheid_staat_meteen_in_de_zoekresultaten(kaart):
    assert namen(zoek(Zoekvraag(tekst="parkeren"))) == set()
    met_toegang(kaart["trap"], "Parkeren dichtbij")
    assert namen(zoek(Zoekvraag(tekst="parkeren"))) == {"Zolderatelier"}
    m.Accessibility.objects.filter(location__service_at_locations__service=kaart["trap"]).delete()
    assert namen(zoek(Zoekvraag(tekst="parkeren"))) == set()


def test_bewoner_telt_en_vindt_geen_aanbod_voor_professionals(client, maak_aanbod, professional):
    met_toegang(
        maak_aanbod(naam="Consultatie FACT-team", zichtbaarheid="professionals"),
        "Drempelvrij (rollator)",
    )
    bewoner = zoek(Zoekvraag(filters={"toegankelijkheid": ["drempelvrij"]}))
    assert bewoner.totaal == 0
    assert "drempelvrij" not in bewoner.facetten["toegankelijkheid"]
    assert "Consultatie FACT-team" not in client.get(ZOEKEN, {"q": "rollator"}).content.decode()

    pro = zoek(Zoekvraag(filters={"toegankelijkheid": ["drempelvrij"]}), professional)
    assert namen(pro) == {"Consultatie FACT-team"}


def test_plek_via_contactpersoon_is_niet_te_vinden_op_toegankelijkheid(maak_aanbod):
    met_toegang(
        maak_aanbod(naam="Maatje via de coördinator", zichtbaarheid="via_contactpersoon"),
        "Drempelvrij (rollator)",
    )
    assert zoek(Zoekvraag(tekst="rollator")).totaal == 0
    assert zoek(Zoekvraag(filters={"toegankelijkheid": ["drempelvrij"]})).totaal == 0
