"""The meldroute: two questions, then at once the route of seed 003's matrix (l.1974–1997).

Nothing a signaller picks is stored (issue 13, item 1); a beheerder sets a gemeente's own
numbers, and where they are missing the national number shows, saying so.
"""

import pytest
from django.apps import apps
from django.urls import reverse

from samenspel.directory import models as m
from samenspel.signals import actions
from samenspel.signals.meldroute import MATRIX
from samenspel.signals.models import Gebeurtenis, RegionaleRoute, Voorval

pytestmark = pytest.mark.django_db

UTRECHT = {
    "meldpunt": ("Meldpunt Zorg en Overlast Utrecht", "030 111 11 11", "0301111111"),
    "crisisdienst": ("Crisisdienst Altrecht", "030 222 22 22", "0302222222"),
    "huisartsenpost": ("Huisartsenpost Utrecht Stad", "0900-4500000", "09004500000"),
    "spoedeisende_hulp": ("Spoedeisende hulp UMC Utrecht", "088 755 55 55", "0887555555"),
    "wijkteam": ("Buurtteam Overvecht", "030 333 33 33", "0303333333"),
}

# Per cell: the seed's route (its words) and which of Utrecht's own routes must show.
VERWACHT = {
    ("zelf", "niet-acuut"): (["huisarts", "POH-GGZ", "hulpverlener"], [], ["tel:08000113"]),
    ("zelf", "acuut"): (
        ["Huisartsenpost", "Spoedeisende hulp"],
        ["huisartsenpost", "spoedeisende_hulp"],
        ["tel:112"],
    ),
    ("burger", "niet-acuut"): (["Meldpunt zorg en overlast"], ["meldpunt"], ["tel:08001205"]),
    ("burger", "acuut"): (["Regionale crisisdienst"], ["crisisdienst"], ["tel:112"]),
    ("vrijwilliger", "niet-acuut"): (["Meldpunt zorg en overlast"], ["meldpunt"], ["tel:08001205"]),
    ("vrijwilliger", "acuut"): (["Regionale crisisdienst"], ["crisisdienst"], ["tel:112"]),
    ("professional", "niet-acuut"): (
        ["Sociaal wijkteam", "Meldpunt zorg en overlast"],
        ["wijkteam", "meldpunt"],
        ["tel:08001205"],
    ),
    ("professional", "acuut"): (["Regionale crisisdienst"], ["crisisdienst"], ["tel:112"]),
}


@pytest.fixture
def utrecht_routes(signaalwereld):
    for soort, (naam, telefoon, _cijfers) in UTRECHT.items():
        actions.bewaar_route(
            RegionaleRoute(
                gemeente=signaalwereld["gemeente"],
                soort=soort,
                naam=naam,
                telefoon=telefoon,
                openingstijden="Dag en nacht",
                website="https://www.example.org/" + soort,
            ),
            signaalwereld["beheerder"],
        )
    return signaalwereld


def _cel(client, code, wie, urgentie):
    antwoord = client.get(reverse("signals:route", args=[code, wie, urgentie]))
    assert antwoord.status_code == 200
    return antwoord.content.decode()


def _aantallen():
    return {model._meta.label: model._default_manager.count() for model in apps.get_models()}


def test_elke_cel_van_de_matrix_toont_de_route_van_het_seed_met_de_nummers_van_de_gemeente(
    client, utrecht_routes
):
    assert set(VERWACHT) == set(MATRIX)
    for (wie, urgentie), (woorden, eigen, landelijk) in VERWACHT.items():
        html = _cel(client, "GM0344", wie, urgentie)
        for woord in woorden:
            assert woord in html, (wie, urgentie, woord)
        for soort in eigen:
            naam, telefoon, cijfers = UTRECHT[soort]
            assert naam in html and telefoon in html and f'href="tel:{cijfers}"' in html
        for link in landelijk:
            assert f'href="{link}"' in html, (wie, urgentie, link)
        # Only this cell's routes: no other regional number creeps in.
        for soort, (naam, _t, _c) in UTRECHT.items():
            if soort not in eigen:
                assert naam not in html, (wie, urgentie, soort)
        assert "nog niet ingevuld" not in html


def test_acute_routes_staan_eerst_en_groot(client, utrecht_routes):
    html = _cel(client, "GM0344", "burger", "acuut")
    assert html.index("meldroute-acuut") < html.index("Crisisdienst Altrecht")
    assert html.index("Crisisdienst Altrecht") < html.index(
        'href="tel:112"', html.index("meldroute-acuut")
    )
    niet_acuut = _cel(client, "GM0344", "burger", "niet-acuut")
    assert "meldroute-acuut" not in niet_acuut
    # Even without spoed, the way to 112 comes before everything else.
    assert niet_acuut.index('href="tel:112"') < niet_acuut.index(
        "Meldpunt Zorg en Overlast Utrecht"
    )


def test_zonder_eigen_route_toont_de_cel_het_landelijke_nummer_en_zegt_dat(client, signaalwereld):
    html = _cel(client, "GM0599", "burger", "niet-acuut")
    assert "De gemeente Rotterdam heeft dit nog niet ingevuld" in html
    assert 'href="tel:08001205"' in html
    acuut = _cel(client, "GM0599", "vrijwilliger", "acuut")
    assert "nog niet ingevuld" in acuut and acuut.count('href="tel:112"') >= 1


def test_de_startpagina_en_alle_cellen_bewaren_niets(client, utrecht_routes):
    voor = _aantallen()
    assert client.get(reverse("signals:start")).status_code == 200
    antwoord = client.get(
        reverse("signals:start"), {"wie": "burger", "urgentie": "acuut", "gemeente": "GM0344"}
    )
    assert antwoord.status_code == 302
    for wie, urgentie in MATRIX:
        _cel(client, "GM0344", wie, urgentie)
        _cel(client, "GM0599", wie, urgentie)
    client.get(reverse("signals:overzicht", args=["GM0344"]))
    assert _aantallen() == voor
    assert "sessionid" not in client.cookies
    assert dict(client.session) == {}


def test_de_twee_vragen_leiden_naar_de_cel(client, signaalwereld):
    antwoord = client.get(
        reverse("signals:start"), {"wie": "burger", "urgentie": "acuut", "gemeente": "GM0344"}
    )
    assert antwoord["Location"] == reverse("signals:route", args=["GM0344", "burger", "acuut"])


def test_een_onvolledig_antwoord_noemt_wat_ontbreekt(client, signaalwereld):
    html = client.get(reverse("signals:start"), {"gemeente": "GM9999"}).content.decode()
    assert "Kies wie je bent." in html
    assert "Kies of het acuut is." in html
    assert "Deze gemeente kennen we niet" in html


def test_de_startpagina_legt_acuut_uit(client, signaalwereld):
    html = client.get(reverse("signals:start")).content.decode()
    assert "Acuut betekent: er is nu gevaar" in html
    for keuze in ("mezelf", "buur of bewoner", "vrijwilliger", "professional"):
        assert keuze in html


def test_een_onbekende_cel_of_gemeente_geeft_404(client, signaalwereld):
    assert client.get(reverse("signals:route", args=["GM0344", "kat", "acuut"])).status_code == 404
    assert (
        client.get(reverse("signals:route", args=["GM0344", "zelf", "morgen"])).status_code == 404
    )
    assert client.get(reverse("signals:route", args=["GM9999", "zelf", "acuut"])).status_code == 404
    assert (
        client.get(reverse("signals:route", args=["WK034403", "zelf", "acuut"])).status_code == 404
    )


def _aanbod(naam, gemeente, **extra):
    organisatie = m.Organization.objects.create(
        name=f"Org {naam}", description="-", gemeente=gemeente
    )
    return m.Service.objects.create(organization=organisatie, name=naam, **extra)


def test_de_persoon_zelf_ziet_wrap_en_crisiskaart_op_de_kaart_van_de_eigen_gemeente(
    client, signaalwereld
):
    utrecht, rotterdam = signaalwereld["gemeente"], signaalwereld["gebieden"]["rotterdam"]
    wrap = _aanbod("WRAP-groep Overvecht", utrecht)
    kaart = _aanbod("Inloop", utrecht, description="Samen je crisiskaart maken.")
    _aanbod("WRAP Rotterdam", rotterdam)
    _aanbod("WRAP voor collega's", utrecht, zichtbaarheid=m.Zichtbaarheid.PROFESSIONALS)
    _aanbod("Buurtkoor", utrecht)
    html = _cel(client, "GM0344", "zelf", "niet-acuut")
    assert wrap.get_absolute_url() in html and kaart.get_absolute_url() in html
    assert "WRAP Rotterdam" not in html
    assert "WRAP voor collega" not in html
    assert "Buurtkoor" not in html
    assert "WRAP-groep Overvecht" not in _cel(client, "GM0344", "burger", "niet-acuut")


def test_zonder_wrap_op_de_kaart_zegt_de_pagina_dat(client, signaalwereld):
    assert "nog geen WRAP-groep" in _cel(client, "GM0344", "zelf", "acuut")


def test_het_overzicht_om_te_printen_toont_de_hele_matrix(client, utrecht_routes):
    html = client.get(reverse("signals:overzicht", args=["GM0344"])).content.decode()
    assert html.count('scope="col"') == 4 and html.count('scope="row"') == 2
    for naam, telefoon, _c in UTRECHT.values():
        assert naam in html and telefoon in html
    assert "meldroute-afdruk.css" in html


def test_de_site_linkt_naar_ik_maak_me_zorgen(client, signaalwereld):
    html = client.get(reverse("core:home")).content.decode()
    assert reverse("signals:start") in html and "Ik maak me zorgen om iemand" in html


# --- the beheerder's form ----------------------------------------------------------------

GOED = {
    "gemeente": "GM0344",
    "soort": "crisisdienst",
    "naam": "Crisisdienst Altrecht",
    "telefoon": "030 222 22 22",
    "openingstijden": "Dag en nacht",
    "website": "https://www.altrecht.nl",
}


def _bewaar(client, wereld, **anders):
    client.force_login(wereld["beheerder"])
    return client.post(reverse("signals:route_nieuw"), {**GOED, **anders})


def test_de_beheerder_voegt_een_route_toe_en_de_matrix_toont_hem(client, signaalwereld):
    antwoord = _bewaar(client, signaalwereld)
    assert antwoord.status_code == 302
    route = RegionaleRoute.objects.get()
    assert route.gemeente == signaalwereld["gemeente"]
    log = Gebeurtenis.objects.get()
    assert log.soort == Voorval.ROUTE_GEWIJZIGD and log.wat["actie"] == "toegevoegd"
    assert "Crisisdienst Altrecht" in _cel(client, "GM0344", "burger", "acuut")
    lijst = client.get(reverse("signals:routes"), {"gemeente": "GM0344"}).content.decode()
    assert "Crisisdienst Altrecht" in lijst


@pytest.mark.parametrize(
    ("veld", "waarde", "melding"),
    [
        ("telefoon", "12345", "Nederlands telefoonnummer"),
        ("telefoon", "bel maar", "Nederlands telefoonnummer"),
        ("telefoon", "", "Vul het telefoonnummer in."),
        ("website", "geen-adres", "goed webadres"),
        ("website", "javascript:alert(1)", "goed webadres"),
        ("gemeente", "GM9999", "Deze gemeente kennen we niet"),
        ("gemeente", "WK034403", "Deze gemeente kennen we niet"),
        ("gemeente", "", "Kies de gemeente."),
        ("naam", "", "Vul de naam in."),
        ("naam", "<script>alert(1)</script>", "Gebruik geen &lt; of &gt;"),
        ("naam", "x" * 100_000, "120"),
        ("openingstijden", "y" * 100_000, "200"),
        ("soort", "anders", "soort"),
    ],
)
def test_een_fout_in_het_formulier_noemt_het_veld_en_bewaart_niets(
    client, signaalwereld, veld, waarde, melding
):
    antwoord = _bewaar(client, signaalwereld, **{veld: waarde})
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    assert melding in html
    assert f'href="#id_{veld}"' in html
    assert RegionaleRoute.objects.count() == 0 and Gebeurtenis.objects.count() == 0


def test_de_beheerder_wijzigt_een_route(client, utrecht_routes):
    route = RegionaleRoute.objects.get(soort="crisisdienst")
    client.force_login(utrecht_routes["beheerder"])
    antwoord = client.post(
        reverse("signals:route_wijzigen", args=[route.pk]), {**GOED, "telefoon": "030 999 99 99"}
    )
    assert antwoord.status_code == 302
    assert "030 999 99 99" in _cel(client, "GM0344", "professional", "acuut")
    assert Gebeurtenis.objects.filter(wat__actie="gewijzigd").count() == 1


def test_verwijderen_vraagt_eerst_of_je_het_zeker_weet(client, utrecht_routes):
    route = RegionaleRoute.objects.get(soort="crisisdienst")
    client.force_login(utrecht_routes["beheerder"])
    pad = reverse("signals:route_verwijderen", args=[route.pk])
    vraag = client.post(pad, {})
    assert vraag.status_code == 200 and "Weet je het zeker?" in vraag.content.decode()
    assert RegionaleRoute.objects.filter(pk=route.pk).exists()
    assert client.get(pad).status_code == 405
    assert client.post(pad, {"bevestigd": "ja"}).status_code == 302
    assert not RegionaleRoute.objects.filter(pk=route.pk).exists()
    assert Gebeurtenis.objects.filter(wat__actie="verwijderd", wat__route=route.pk).count() == 1
    html = _cel(client, "GM0344", "burger", "acuut")
    assert "Crisisdienst Altrecht" not in html and "nog niet ingevuld" in html


def test_de_lijst_van_routes_zonder_routes_en_met_een_onbekende_gemeente(client, signaalwereld):
    client.force_login(signaalwereld["beheerder"])
    leeg = client.get(reverse("signals:routes"), {"gemeente": "GM0599"}).content.decode()
    assert "Rotterdam heeft nog geen eigen routes" in leeg
    onbekend = client.get(reverse("signals:routes"), {"gemeente": "GM9999"}).content.decode()
    assert "Deze gemeente kennen we niet" in onbekend
