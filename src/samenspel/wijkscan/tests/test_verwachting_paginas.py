"""The pages of expected versus present, and draagkracht and draaglast, as an analyst uses them."""

import pytest
from django.urls import reverse

from samenspel.wijkscan.models import Gebeurtenis, Wijkkennis

from .rekenwereld import ZORG, bouw

pytestmark = pytest.mark.django_db

CODE = "GM9997"


@pytest.fixture
def wereld(django_user_model, client):
    w = bouw(django_user_model)
    client.force_login(w["analist"])
    return w


def _signalen(client):
    return client.get(reverse("wijkscan:verwachting_signalen", args=[CODE])).content.decode()


def test_de_signalen_tonen_verwacht_en_aanwezig_en_beide_lezingen(client, wereld):
    tekst = _signalen(client)
    assert "Oost: Zorg en begeleiding" in tekst and "West: Zorg en begeleiding" in tekst
    assert "Minder dan verwacht</strong>: verwacht 1,7, aanwezig 1" in tekst
    assert "Meer dan verwacht</strong>: verwacht 2,3, aanwezig 3" in tekst
    assert "zorgmijding" in tekst and "netwerk en algemene voorzieningen" in tekst
    assert "afgeschaald" in tekst


def test_een_analist_past_een_gewicht_aan_en_het_signaal_verdwijnt(client, wereld):
    pad = reverse("wijkscan:verwachting_formule", args=[CODE, ZORG])
    antwoord = client.post(pad, {"psychische_klachten": "0", "lage_inkomens": "1"})
    assert antwoord.status_code == 302
    tekst = _signalen(client)
    assert "Oost: Zorg en begeleiding" not in tekst and "Geen signalen" in tekst
    wat = Gebeurtenis.objects.get(soort="gewichten").wat
    assert wat == {"bouwsteen": ZORG, "oud": None, "nieuw": {"lage_inkomens": 1.0}}
    client.post(reverse("wijkscan:verwachting_standaard", args=[CODE, ZORG]))
    assert "Oost: Zorg en begeleiding" in _signalen(client)


@pytest.mark.parametrize(
    ("invoer", "veld", "melding"),
    [
        ({"lage_inkomens": "-1"}, "lage_inkomens", "Een gewicht is 0 of meer."),
        ({"lage_inkomens": "veel"}, "lage_inkomens", "Vul een getal in"),
        ({}, "leeftijd_0_15", "minstens één cijfer een gewicht boven 0"),
        ({"eenzaamheid": "1e9"}, "eenzaamheid", "hoogstens 100"),
    ],
)
def test_foute_gewichten_noemen_het_veld_en_bewaren_niets(client, wereld, invoer, veld, melding):
    pad = reverse("wijkscan:verwachting_formule", args=[CODE, ZORG])
    antwoord = client.post(pad, {k: "" for k in ("lage_inkomens",)} | invoer)
    assert antwoord.status_code == 200
    assert melding in antwoord.content.decode()
    assert f'href="#id_{veld}"' in antwoord.content.decode()
    assert not Gebeurtenis.objects.exists()


def test_een_foute_marge_wordt_genoemd(client, wereld):
    antwoord = client.post(reverse("wijkscan:verwachting_marge", args=[CODE]), {"marge": "200"})
    assert antwoord.status_code == 400 and "hoogstens 100" in antwoord.content.decode()
    client.post(reverse("wijkscan:verwachting_marge", args=[CODE]), {"marge": "50"})
    assert "Geen signalen" in _signalen(client)


def test_kennis_uit_de_wijk_met_geschiedenis_en_afschalen(client, wereld):
    pad = reverse("wijkscan:verwachting_kennis", args=[CODE, "BU99970102", ZORG])
    pagina = client.get(pad).content.decode()
    assert "Kan hier aanbod worden afgeschaald?" in pagina and "noem geen namen" in pagina
    client.post(pad, {"tekst": "Twee aanbieders doen hetzelfde.", "afschalen": ""})
    client.post(
        pad, {"tekst": "Twee aanbieders doen hetzelfde.", "afschalen": "ja", "reden": "dubbel"}
    )
    assert Wijkkennis.objects.count() == 2
    pagina = client.get(pad).content.decode()
    assert "Eerdere versies" in pagina and "dubbel" in pagina
    assert "Professionals in de wijk: Twee aanbieders doen hetzelfde." in _signalen(client)
    assert "Afschalen: ja" in _signalen(client)


def test_minder_dan_verwacht_vraagt_niet_naar_afschalen(client, wereld):
    pad = reverse("wijkscan:verwachting_kennis", args=[CODE, "BU99970101", ZORG])
    assert "afgeschaald?" not in client.get(pad).content.decode()


def test_onbekende_gebieden_en_bouwstenen_geven_404(client, wereld):
    assert (
        client.get(reverse("wijkscan:verwachting_kennis", args=[CODE, "BU0", ZORG])).status_code
        == 404
    )
    assert (
        client.get(reverse("wijkscan:verwachting_kennis", args=[CODE, "GM9997", ZORG])).status_code
        == 404
    )
    assert client.get(reverse("wijkscan:verwachting_formule", args=[CODE, "x"])).status_code == 404
    assert client.get(reverse("wijkscan:draag_formule", args=[CODE, "x"])).status_code == 404
    assert (
        client.get(
            reverse("wijkscan:verwachting_signalen", args=[CODE]) + "?wijk=x&pagina=y"
        ).status_code
        == 200
    )


def test_draagkracht_en_draaglast_per_buurt_met_balans(client, wereld):
    pad = reverse("wijkscan:draag", args=[CODE])
    tekst = client.get(pad).content.decode()
    assert "relatief" in tekst and "samen met wat professionals" in tekst
    # Default draaglast: psychische klachten, ernstige eenzaamheid (none), lage inkomens.
    # Oost: 100 × ((30/15 − 1) + 0) / 2 = 50; West: 100 × (10/15 − 1) / 2 = −17.
    assert tekst.index(">West<") < tekst.index(">Oost<")
    client.post(
        reverse("wijkscan:draag_formule", args=[CODE, "draaglast"]),
        {"psychische_klachten": "-1"},
    )
    tekst = client.get(pad).content.decode()
    assert tekst.index(">Oost<") < tekst.index(">West<")
    assert Gebeurtenis.objects.filter(soort="draagformule").count() == 1


def test_de_wijkscan_linkt_naar_de_signalen_voor_wie_eraan_werkt(client, wereld):
    tekst = client.get(reverse("wijkscan:gemeente", args=[CODE])).content.decode()
    assert reverse("wijkscan:verwachting_signalen", args=[CODE]) in tekst
    assert reverse("wijkscan:draag", args=[CODE]) in tekst
