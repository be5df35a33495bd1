import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_wijkpagina_ordent_aanbod_per_bouwsteen_en_noemt_wat_ontbreekt(client, maak_aanbod):
    maak_aanbod(naam="Wandelgroep", bouwstenen=("sociale-contacten-en-ontmoeting",))
    antwoord = client.get(reverse("wegwijzer:wijk", args=["WK034403"]))
    groepen = {b.code: [s.name for s in lijst] for b, lijst in antwoord.context["groepen"]}
    assert groepen["sociale-contacten-en-ontmoeting"] == ["Wandelgroep"]
    assert len(groepen) == 7
    assert "preventie" in {b.code for b in antwoord.context["ontbreekt"]}


def test_wijkpagina_toont_geen_aanbod_uit_andere_wijk(client, maak_aanbod):
    maak_aanbod(naam="Rotterdamse wandeling", buurt="middelland_noord")
    pagina = client.get(reverse("wegwijzer:wijk", args=["WK034403"])).content.decode()
    assert "Rotterdamse wandeling" not in pagina


def test_onbekende_wijk_geeft_404(client, gebieden):
    assert client.get(reverse("wegwijzer:wijk", args=["WK999999"])).status_code == 404


def test_wijkwijzer_is_printbaar_en_laat_professioneel_aanbod_weg(
    client, maak_aanbod, professional
):
    maak_aanbod(naam="Wandelgroep")
    maak_aanbod(naam="FACT-consult", zichtbaarheid="professionals")
    client.force_login(professional)
    antwoord = client.get(reverse("wegwijzer:wijkwijzer", args=["WK034403"]))
    pagina = antwoord.content.decode()
    assert "Wandelgroep" in pagina
    assert "FACT-consult" not in pagina
    # Printing needs no inline script: a static file shows the button, a hint says how
    # to print without it.
    assert "onclick" not in pagina
    assert "data-printen" in pagina and "wegwijzer/papier.js" in pagina


def test_gemeentepagina_noemt_haar_wijken(client, gebieden):
    pagina = client.get(reverse("areas:gemeente", args=["GM0344"])).content.decode()
    assert "Overvecht" in pagina


def test_punt_in_polygoon_kiest_de_juiste_buurt(gebieden):
    from samenspel.areas.buurtzoeker import buurt_voor_punt

    vierkant = {
        "type": "Polygon",
        "coordinates": [
            [[5.10, 52.11], [5.13, 52.11], [5.13, 52.13], [5.10, 52.13], [5.10, 52.11]]
        ],
    }
    buurt = gebieden["zambesidreef"]
    buurt.geometrie = vierkant
    buurt.save()
    assert buurt_voor_punt(52.12, 5.11) == buurt
    assert buurt_voor_punt(52.20, 5.11) is None
