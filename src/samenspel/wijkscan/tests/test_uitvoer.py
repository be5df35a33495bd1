"""The matrix, its pages, the trend and the downloads, on the hand-made Proefstad.

Proefstad is the gemeente of `test_aanbod` (one wijk, buurten Noord and Zuid 2.2 km apart).
Here two listings are added: preventie in Noord (by bike from Zuid, not on foot), and 24-uurs
care just outside the gemeente, 500 m from the centre of Noord.
"""

import csv
import datetime as dt
import io

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.core.management import CommandError, call_command
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from samenspel.areas.models import Gebied
from samenspel.core.spreadsheet import veilig
from samenspel.signals.models import Buurtsignaal, Thema
from samenspel.wijkscan import actions
from samenspel.wijkscan.matrix import BEREIK, GEEN, GENOEG, WEINIG, Cel, matrix
from samenspel.wijkscan.models import Gebeurtenis, Stand, Voorval
from samenspel.wijkscan.tests import test_aanbod
from samenspel.wijkscan.tests.test_aanbod import (
    ERVARING,
    NACHT,
    NOORD_PUNT,
    PREVENTIE,
    SOCIAAL,
    ZORG,
    _aanbod,
    _verschoven,
)

pytestmark = pytest.mark.django_db

# The fixtures of the hand-made gemeente, shared with the supply tests.
proefstad = test_aanbod.proefstad
kaart = test_aanbod.kaart

NU = dt.datetime(2026, 3, 2, 10, 0, tzinfo=dt.UTC)
VROEG = "vroegsignalering"
GM = "GM9999"


@pytest.fixture(autouse=True)
def vaste_klok(monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: NU)


@pytest.fixture
def stad(kaart, proefstad, analist):
    g, noord = proefstad["gemeente"], proefstad["noord"]
    _aanbod(g, "Valpreventie", [(noord, NOORD_PUNT)], [PREVENTIE])
    _aanbod(g, "Nachtzorg buiten", [(None, _verschoven(NOORD_PUNT, oost_m=500))], [NACHT])
    analist.gebieden.add(g)
    return {**proefstad, **kaart, "analist": analist}


def _cel(scan, gebied, bouwsteen) -> Cel:
    return scan.cel(gebied.code, bouwsteen)


def test_elke_cel_zegt_in_woorden_wat_haar_kleur_zegt(stad):
    scan = matrix(stad["gemeente"], stad["analist"])
    noord, zuid = stad["noord"], stad["zuid"]
    sociaal = _cel(scan, noord, SOCIAAL)
    assert (sociaal.niveau, sociaal.tekst) == (GENOEG, "3 aanbod")
    assert (_cel(scan, noord, ZORG).niveau, _cel(scan, noord, ZORG).tekst) == (WEINIG, "1 aanbod")
    fiets = _cel(scan, zuid, PREVENTIE)
    assert (fiets.niveau, fiets.tekst) == (BEREIK, "alleen op fietsafstand (1)")
    lopen = _cel(scan, noord, NACHT)
    assert (lopen.niveau, lopen.tekst) == (BEREIK, "geen, wel 1 op loopafstand")
    leeg = _cel(scan, stad["gemeente"], NACHT)
    assert (leeg.niveau, leeg.tekst) == (GEEN, "geen")


def test_een_cel_noemt_inwoners_bereik_versheid_en_mix(stad):
    scan = matrix(stad["gemeente"], stad["analist"])
    regels = _cel(scan, stad["noord"], SOCIAAL).details
    assert "1,5 per 1.000 inwoners" in regels
    assert "67% actueel" in regels
    assert "0 formeel, 3 informeel" in regels
    assert any("op loopafstand" in r and "op fietsafstand" in r for r in regels)
    # Wijk and gemeente have no reach of their own: only buurten have a centre to walk from.
    assert _cel(scan, stad["wijk"], SOCIAAL).lopen is None


def test_vroegsignalering_telt_de_buurtsignalen_van_het_laatste_jaar_vanaf_3(stad):
    def signaal(buurt, dagen_terug):
        Buurtsignaal.objects.create(
            buurt=buurt,
            thema=Thema.ALLEEN,
            tekst="Sinds het buurthuis dicht is zitten ouderen alleen thuis.",
            ontvangen_op=NU - dt.timedelta(days=dagen_terug),
        )

    for dagen in (1, 40, 200, 364):
        signaal(stad["noord"], dagen)
    signaal(stad["zuid"], 10)
    signaal(stad["zuid"], 400)  # longer than a year ago: not counted
    scan = matrix(stad["gemeente"], stad["analist"])
    assert "4 buurtsignalen in het laatste jaar" in _cel(scan, stad["noord"], VROEG).details
    # One signal is shown as "fewer than 3", so no one is recognisable by a count.
    zuid = _cel(scan, stad["zuid"], VROEG)
    assert "minder dan 3 buurtsignalen in het laatste jaar" in zuid.details
    assert "5 buurtsignalen in het laatste jaar" in _cel(scan, stad["wijk"], VROEG).details
    assert "5 buurtsignalen in het laatste jaar" in _cel(scan, stad["gemeente"], VROEG).details
    # Only this bouwsteen counts signals.
    assert not any("buurtsignal" in r for r in _cel(scan, stad["noord"], SOCIAAL).details)


def test_zonder_buurtsignalen_zegt_vroegsignalering_dat_er_geen_zijn(stad):
    scan = matrix(stad["gemeente"], stad["analist"])
    assert "geen buurtsignalen in het laatste jaar" in _cel(scan, stad["wijk"], VROEG).details


def test_de_matrix_groepeert_buurten_per_wijk_met_een_rij_voor_wijk_en_gemeente(stad):
    scan = matrix(stad["gemeente"], stad["analist"])
    assert [r.gebied.naam for r in scan.rijen()] == ["Proefstad", "Centrum", "Noord", "Zuid"]
    assert len(scan.totaal.cellen) == len(scan.bouwstenen) == 7


def test_signaal_en_oordeel_staan_in_woorden_in_de_cel_zodra_ze_er_zijn(stad):
    cel = Cel(gebied="BU99990101", bouwsteen=SOCIAAL, aantal=2)
    assert "Signaal" not in render_to_string("wijkscan/uitvoer_cel.html", {"cel": cel})
    cel.vlag, cel.oordeel = "minder", "onvoldoende"
    html = render_to_string("wijkscan/uitvoer_cel.html", {"cel": cel})
    assert "Signaal: minder dan verwacht" in html
    assert "Oordeel: onvoldoende" in html
    cel.vlag, cel.oordeel = "meer", "sterk"
    html = render_to_string("wijkscan/uitvoer_cel.html", {"cel": cel})
    assert "meer dan verwacht" in html and "Oordeel: sterk" in html


def _queries(doe) -> int:
    with CaptureQueriesContext(connection) as q:
        doe()
    return len(q.captured_queries)


def test_de_hele_gemeente_kost_een_vast_aantal_queries(stad, client):
    g, zuid = stad["gemeente"], stad["zuid"]
    client.force_login(stad["analist"])
    pad = reverse("wijkscan:matrix", args=[GM])
    client.get(pad)  # warm caches (session, content types)

    def afgeteld(doe):
        cache.clear()  # the gemeente's supply counted afresh, not reused
        return _queries(doe)

    voor = afgeteld(lambda: matrix(g, stad["analist"]))
    pagina_voor = afgeteld(lambda: client.get(pad))
    buurt = Gebied.objects.create(
        code="BU99990103",
        naam="Oost",
        niveau="buurt",
        ouder=stad["wijk"],
        latitude=52.09,
        longitude=5.12,
    )
    for i in range(10):
        _aanbod(g, f"Extra {i}", [(zuid, (52.08, 5.10)), (buurt, (52.09, 5.12))], [SOCIAAL, ZORG])
    assert afgeteld(lambda: matrix(g, stad["analist"])) == voor
    assert afgeteld(lambda: client.get(pad)) == pagina_voor


def test_de_pagina_van_een_wijk_toont_dezelfde_cijfers_als_de_hele_matrix(stad, client):
    g, wijk = stad["gemeente"], stad["wijk"]
    andere = Gebied.objects.create(code="WK999902", naam="Elders", niveau="wijk", ouder=g)
    Gebied.objects.create(
        code="BU99990201", naam="Verweg", niveau="buurt", ouder=andere, latitude=52.2,
        longitude=5.3,
    )  # fmt: skip
    heel = matrix(g, stad["analist"])
    alleen = matrix(g, stad["analist"], wijk=wijk.code)
    rijen = [(r.gebied.code, r.cellen) for r in alleen.rijen()]
    assert rijen == [(r.gebied.code, r.cellen) for r in heel.alleen_wijk(wijk.code).rijen()]
    assert "BU99990201" not in {code for code, _ in rijen}
    client.force_login(stad["analist"])
    pad = reverse("wijkscan:matrix_wijk", args=[GM, wijk.code])
    assert client.get(pad).status_code == 200


def test_de_stand_legt_een_rij_per_gebied_en_bouwsteen_per_datum_vast(stad):
    rijen = actions.leg_stand_vast(stad["gemeente"], stad["analist"])
    assert rijen == 4 * 7 == Stand.objects.count()
    noord = Stand.objects.get(gebied=stad["noord"], bouwsteen=SOCIAAL)
    # Counted as the public sees the kaart: the Praatgroep (via a contact person) and the
    # professionals-only Huiskamer do not count.
    assert noord.datum == dt.date(2026, 3, 2)
    assert (
        noord.aantal
        == matrix(stad["gemeente"], AnonymousUser()).cel(noord.gebied_id, SOCIAAL).aantal
    )
    assert Stand.objects.get(gebied=stad["zuid"], bouwsteen=SOCIAAL).aantal == 1
    assert Stand.objects.get(gebied=stad["zuid"], bouwsteen=PREVENTIE).fietsen == 1
    assert Stand.objects.get(gebied=stad["wijk"], bouwsteen=PREVENTIE).fietsen is None
    gebeurtenis = Gebeurtenis.objects.get()
    assert gebeurtenis.soort == Voorval.STAND_VASTGELEGD
    assert gebeurtenis.wat == {"datum": "2026-03-02", "rijen": 28, "opnieuw": False}
    assert gebeurtenis.door == stad["analist"]


def test_twee_keer_op_een_dag_vastleggen_verandert_niets(stad):
    actions.leg_stand_vast(stad["gemeente"], None)
    actions.leg_stand_vast(stad["gemeente"], None)
    assert Stand.objects.count() == 28
    assert Gebeurtenis.objects.count() == 1


def test_een_nieuw_aanbod_op_dezelfde_dag_vervangt_de_stand_van_die_dag(stad):
    actions.leg_stand_vast(stad["gemeente"], None)
    _aanbod(stad["gemeente"], "Nog een", [(stad["zuid"], (52.08, 5.10))], [ERVARING])
    actions.leg_stand_vast(stad["gemeente"], None)
    assert Stand.objects.count() == 28
    assert Stand.objects.get(gebied=stad["zuid"], bouwsteen=ERVARING).aantal == 2
    assert [g.wat["opnieuw"] for g in Gebeurtenis.objects.all()] == [False, True]


def test_een_volgende_dag_krijgt_eigen_rijen(stad, monkeypatch):
    actions.leg_stand_vast(stad["gemeente"], None)
    monkeypatch.setattr(timezone, "now", lambda: NU + dt.timedelta(days=1))
    actions.leg_stand_vast(stad["gemeente"], None)
    assert Stand.objects.filter(gebied=stad["noord"], bouwsteen=SOCIAAL).count() == 2


def test_de_nachtelijke_opdracht_legt_een_of_alle_gemeenten_vast(stad):
    uit = io.StringIO()
    call_command("wijkscan_stand", "gm9999", stdout=uit)
    assert "GM9999 Proefstad: 28" in uit.getvalue()
    call_command("wijkscan_stand", stdout=io.StringIO())
    assert Stand.objects.count() == 28
    with pytest.raises(CommandError, match="GM0000"):
        call_command("wijkscan_stand", "GM0000")


def test_de_knop_legt_de_stand_vast_en_de_trend_toont_hem(stad, client, monkeypatch):
    client.force_login(stad["analist"])
    trend = reverse("wijkscan:trend", args=[GM, stad["noord"].code])
    assert "nog geen stand vastgelegd" in client.get(trend).content.decode()
    antwoord = client.post(reverse("wijkscan:stand", args=[GM]))
    assert antwoord.status_code == 302
    monkeypatch.setattr(timezone, "now", lambda: NU + dt.timedelta(days=7))
    _aanbod(stad["gemeente"], "Nog een", [(stad["noord"], NOORD_PUNT)], [PREVENTIE])
    client.post(reverse("wijkscan:stand", args=[GM]))
    html = client.get(trend).content.decode()
    assert "2 maart 2026" in html and "9 maart 2026" in html
    assert "<polyline" in html


def test_de_trend_van_een_gebied_van_een_andere_gemeente_bestaat_niet(stad, client, gebieden):
    client.force_login(stad["analist"])
    assert client.get(reverse("wijkscan:trend", args=[GM, "WK034403"])).status_code == 404


def test_de_matrixpagina_toont_tabel_en_lijst_met_legenda(stad, client):
    client.force_login(stad["analist"])
    html = client.get(reverse("wijkscan:matrix", args=[GM])).content.decode()
    assert "alleen op fietsafstand (1)" in html
    assert "Zo lees je de matrix" in html
    assert html.count('class="cel cel--genoeg"') >= 2  # the table and the list
    wijk = client.get(reverse("wijkscan:matrix_wijk", args=[GM, "WK999901"]))
    assert wijk.status_code == 200
    assert client.get(reverse("wijkscan:matrix_wijk", args=[GM, "WK034403"])).status_code == 404


def _csv(client) -> list[list[str]]:
    antwoord = client.get(reverse("wijkscan:csv", args=[GM]))
    assert antwoord["Content-Type"].startswith("text/csv")
    assert "attachment" in antwoord["Content-Disposition"]
    return list(csv.reader(io.StringIO(antwoord.content.decode("utf-8-sig")), delimiter=";"))


def test_de_csv_heeft_een_kopregel_en_een_rij_per_gebied_en_bouwsteen(stad, client):
    client.force_login(stad["analist"])
    rijen = _csv(client)
    kop = rijen[0]
    assert kop[:5] == ["CBS-code", "Gebied", "Niveau", "Wijk", "Bouwsteen"]
    assert len(rijen) == 1 + 28
    noord = next(r for r in rijen if r[0] == "BU99990101" and r[5] == "3")
    assert noord[3] == "Centrum"
    assert noord[kop.index("Per 1.000 inwoners")] == "1.5"


def test_de_xlsx_heeft_dezelfde_inhoud(stad, client):
    client.force_login(stad["analist"])
    antwoord = client.get(reverse("wijkscan:xlsx", args=[GM]))
    blad = load_workbook(io.BytesIO(antwoord.content)).active
    rijen = list(blad.iter_rows(values_only=True))
    assert rijen[0][:2] == ("CBS-code", "Gebied")
    assert len(rijen) == 29
    assert ("BU99990101", "Noord") == rijen[[r[0] for r in rijen].index("BU99990101")][:2]


def test_een_formule_in_een_naam_wordt_tekst_in_csv_en_xlsx(stad, client):
    Gebied.objects.filter(pk=stad["zuid"].pk).update(naam='=HYPERLINK("http://x","klik")')
    Gebied.objects.filter(pk=stad["noord"].pk).update(naam="@SUM(1)")
    client.force_login(stad["analist"])
    namen = {r[1] for r in _csv(client)}
    assert '\'=HYPERLINK("http://x","klik")' in namen and "'@SUM(1)" in namen
    assert not any(n.startswith(("=", "+", "-", "@")) for n in namen)
    blad = load_workbook(io.BytesIO(client.get(reverse("wijkscan:xlsx", args=[GM])).content)).active
    cellen = [c for rij in blad.iter_rows() for c in rij if isinstance(c.value, str)]
    assert not any(c.value.startswith(("=", "+", "-", "@")) for c in cellen)
    assert all(c.data_type == "s" for c in cellen)
    assert [veilig(w) for w in ("+1", "-1", "\tx", "\rx", "gewoon", 3)] == [
        "'+1",
        "'-1",
        "'\tx",
        "'\rx",
        "gewoon",
        3,
    ]


def test_de_afdruk_heeft_datum_en_bron(stad, client):
    client.force_login(stad["analist"])
    html = client.get(reverse("wijkscan:afdruk", args=[GM])).content.decode()
    assert "Stand van 2 maart 2026" in html
    assert "CBS" in html and "matrix-tabel" in html


def test_de_kaart_toont_alleen_aanbod_met_een_plaats(stad, client):
    client.force_login(stad["analist"])
    antwoord = client.get(reverse("wijkscan:kaart", args=[GM]), {"bouwsteen": SOCIAAL})
    namen = {p["naam"] for p in antwoord.context["kaartdata"]["punten"]}
    # The Praatgroep is reached via a contact person only: it has no place on the kaart.
    assert namen == {"Buurtcirkel", "Maatjesproject", "Huiskamer"}
    assert "wijkscankaartdata" in antwoord.content.decode()
    onzin = client.get(reverse("wijkscan:kaart", args=[GM]), {"bouwsteen": "bestaat-niet"})
    assert onzin.status_code == 200 and "Bouwsteen" in onzin.content.decode()


def test_de_kaart_kleurt_buurten_met_een_geometrie(stad, client):
    vlak = {
        "type": "Polygon",
        "coordinates": [[[5.09, 52.09], [5.11, 52.09], [5.11, 52.11], [5.09, 52.09]]],
    }
    Gebied.objects.filter(pk=stad["noord"].pk).update(geometrie=vlak)
    client.force_login(stad["analist"])
    antwoord = client.get(reverse("wijkscan:kaart", args=[GM]), {"bouwsteen": SOCIAAL})
    vlakken = antwoord.context["kaartdata"]["vlakken"]["features"]
    assert [(v["properties"]["naam"], v["properties"]["niveau"]) for v in vlakken] == [
        ("Noord", GENOEG)
    ]


@pytest.fixture
def twee_wijken(stad):
    west = Gebied.objects.create(
        code="WK999902", naam="West", niveau="wijk", ouder=stad["gemeente"]
    )
    Gebied.objects.create(
        code="BU99990201", naam="Haven", niveau="buurt", ouder=west, latitude=52.2, longitude=5.3
    )
    return stad


def test_twee_wijken_naast_elkaar_per_bouwsteen(twee_wijken, client):
    client.force_login(twee_wijken["analist"])
    antwoord = client.get(
        reverse("wijkscan:vergelijk", args=[GM]), {"wijk_a": "WK999901", "wijk_b": "WK999902"}
    )
    html = antwoord.content.decode()
    assert "Centrum en West per bouwsteen" in html
    regel = antwoord.context["regels"][0]
    assert [c.gebied for c in regel["cellen"]] == ["WK999901", "WK999902"]


@pytest.mark.parametrize(
    ("invoer", "veld", "melding"),
    [
        ({"wijk_a": "WK999901", "wijk_b": "WK999901"}, "wijk_b", "andere wijk"),
        ({"wijk_a": "WK034403", "wijk_b": "WK999901"}, "wijk_a", "hoort niet bij deze gemeente"),
        ({"wijk_a": "", "wijk_b": "WK999901"}, "wijk_a", "Kies de eerste wijk"),
    ],
)
def test_vergelijken_noemt_het_veld_dat_niet_klopt(
    twee_wijken, client, gebieden, invoer, veld, melding
):
    client.force_login(twee_wijken["analist"])
    antwoord = client.get(reverse("wijkscan:vergelijk", args=[GM]), invoer)
    assert antwoord.status_code == 200
    formulier = antwoord.context["formulier"]
    assert melding in " ".join(formulier.errors[veld])
    assert f'href="#id_{veld}"' in antwoord.content.decode()


def test_een_bewoner_ziet_een_openbare_matrix_zonder_de_stand_knop(stad, client):
    actions.zet_matrix_openbaar(stad["gemeente"], True, None)
    html = client.get(reverse("wijkscan:matrix", args=[GM])).content.decode()
    assert "Stand van vandaag vastleggen" not in html
    scan = matrix(stad["gemeente"], AnonymousUser())
    assert _cel(scan, stad["zuid"], SOCIAAL).aantal == 1
