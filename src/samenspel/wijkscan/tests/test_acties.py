"""Gaps on a small hand-made gemeente, and the action list made from them.

Proefstad has one wijk (Centrum) with two buurten 2.2 km apart: Noord has a Buurtcirkel
(sociale contacten) and Zuid a Wijkteam (zorg en begeleiding). Every other bouwsteen is
missing everywhere; sociale contacten is missing in Zuid and zorg in Noord, and the 1,250 m
walking radius does not reach across.
"""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from samenspel.accounts.models import Rol
from samenspel.areas.models import Gebied
from samenspel.directory import models as m
from samenspel.wijkscan import actions
from samenspel.wijkscan.gaten import GEEN_AANBOD, NIET_OP_LOOPAFSTAND, gaten
from samenspel.wijkscan.models import Actie, Gebeurtenis

pytestmark = pytest.mark.django_db

SOCIAAL = "sociale-contacten-en-ontmoeting"
ZORG = "zorg-en-begeleiding"
VANDAAG = dt.date(2027, 3, 1)


@pytest.fixture(autouse=True)
def _vaste_dag(monkeypatch):
    moment = timezone.make_aware(dt.datetime(2027, 3, 1, 12, 0))
    monkeypatch.setattr(timezone, "now", lambda: moment)


def _gebied(code, naam, niveau, ouder=None, punt=(None, None)):
    return Gebied.objects.create(
        code=code, naam=naam, niveau=niveau, ouder=ouder, latitude=punt[0], longitude=punt[1]
    )


def _aanbod(gemeente, buurt, naam, bouwsteen):
    organisatie = m.Organization.objects.create(
        name=naam, description=naam, sector="informeel", gemeente=gemeente
    )
    service = m.Service.objects.create(
        organization=organisatie, name=naam, description=naam, assured_date=VANDAAG
    )
    locatie = m.Location.objects.create(
        organization=organisatie,
        name=naam,
        latitude=buurt.latitude,
        longitude=buurt.longitude,
        buurt=buurt,
    )
    m.ServiceAtLocation.objects.create(service=service, location=locatie)
    m.Attribute.objects.create(
        link_entity="service",
        link_id=service.pk,
        taxonomy_term=m.TaxonomyTerm.objects.bouwstenen().get(code=bouwsteen),
    )
    return organisatie


@pytest.fixture
def proefstad(taxonomieen, django_user_model):
    gemeente = _gebied("GM9999", "Proefstad", "gemeente")
    wijk = _gebied("WK999901", "Centrum", "wijk", gemeente)
    noord = _gebied("BU99990101", "Noord", "buurt", wijk, (52.10, 5.10))
    zuid = _gebied("BU99990102", "Zuid", "buurt", wijk, (52.08, 5.10))
    analist = django_user_model.objects.create_user(
        username="analist_proefstad", password="geheim-wachtwoord-123", rol=Rol.GEMEENTE_ANALIST
    )
    analist.gebieden.add(gemeente)
    return {
        "gemeente": gemeente,
        "wijk": wijk,
        "noord": noord,
        "zuid": zuid,
        "analist": analist,
        "buurtcirkel": _aanbod(gemeente, noord, "Buurtcirkel", SOCIAAL),
        "wijkteam": _aanbod(gemeente, zuid, "Wijkteam", ZORG),
    }


def _soorten(lijst, gebied, bouwsteen):
    return {g.soort for g in lijst if g.gebied.code == gebied and g.bouwsteen.code == bouwsteen}


def test_gaten_zonder_aanbod_en_zonder_aanbod_op_loopafstand(proefstad):
    lijst = gaten(proefstad["gemeente"], proefstad["analist"])
    # Sociale contacten: in Noord, so in the wijk; Zuid has none, and Noord is too far.
    assert _soorten(lijst, "WK999901", SOCIAAL) == set()
    assert _soorten(lijst, "BU99990101", SOCIAAL) == set()
    assert _soorten(lijst, "BU99990102", SOCIAAL) == {GEEN_AANBOD, NIET_OP_LOOPAFSTAND}
    assert _soorten(lijst, "BU99990101", ZORG) == {GEEN_AANBOD, NIET_OP_LOOPAFSTAND}
    # Preventie is nowhere: the wijk and both buurten.
    assert _soorten(lijst, "WK999901", "preventie") == {GEEN_AANBOD}
    assert _soorten(lijst, "BU99990102", "preventie") == {GEEN_AANBOD, NIET_OP_LOOPAFSTAND}
    # The gemeente as a whole is no row of the gap list; 7 bouwstenen, 5 missing in the wijk.
    assert {g.gebied.code for g in lijst} == {"WK999901", "BU99990101", "BU99990102"}
    assert len(lijst) == 5 + 2 * (6 * 2)
    assert lijst[0].gebied.code == "WK999901"


def test_een_buurt_zonder_midden_krijgt_geen_gat_op_loopafstand(proefstad):
    Gebied.objects.filter(code="BU99990102").update(latitude=None, longitude=None)
    lijst = gaten(proefstad["gemeente"], proefstad["analist"])
    assert _soorten(lijst, "BU99990102", SOCIAAL) == {GEEN_AANBOD}


def test_aanbod_in_de_buurt_ernaast_op_loopafstand_vult_het_gat_op_loopafstand(proefstad):
    Gebied.objects.filter(code="BU99990102").update(latitude=52.095)
    lijst = gaten(proefstad["gemeente"], proefstad["analist"])
    assert _soorten(lijst, "BU99990102", SOCIAAL) == {GEEN_AANBOD}


def _gegevens(w, **anders):
    return {
        "wat": "Een inloop op dinsdagavond",
        "gebied": w["zuid"].code,
        "bouwsteen": SOCIAAL,
        "eigenaar": str(w["buurtcirkel"].pk),
        "streefdatum": "2027-06-01",
        "gat_soort": GEEN_AANBOD,
        "gat_uitleg": "Er staat geen aanbod van deze bouwsteen in de buurt.",
        **anders,
    }


def test_een_gat_wordt_een_actie_en_de_gatenlijst_zegt_dat(client, proefstad):
    client.force_login(proefstad["analist"])
    lijst = client.get(reverse("wijkscan:gaten", args=["GM9999"]), {"bouwsteen": SOCIAAL})
    html = lijst.content.decode()
    assert "Maak er een actie van" in html and "gat_soort=geen_aanbod" in html
    formulier = client.get(
        reverse("wijkscan:actie_nieuw", args=["GM9999"]),
        {"gebied": "BU99990102", "bouwsteen": SOCIAAL, "gat_soort": GEEN_AANBOD},
    )
    assert 'value="BU99990102" selected' in formulier.content.decode()
    antwoord = client.post(reverse("wijkscan:actie_nieuw", args=["GM9999"]), _gegevens(proefstad))
    actie = Actie.objects.get()
    assert antwoord["Location"] == reverse("wijkscan:actie", args=["GM9999", actie.pk])
    assert (actie.status, actie.eigenaar.name, actie.gat_soort) == (
        "open",
        "Buurtcirkel",
        "geen_aanbod",
    )
    html = client.get(
        reverse("wijkscan:gaten", args=["GM9999"]), {"bouwsteen": SOCIAAL, "wijk": "WK999901"}
    ).content.decode()
    assert "Er loopt al een actie (open)" in html
    assert reverse("wijkscan:actie", args=["GM9999", actie.pk]) in html


@pytest.mark.parametrize(
    ("veld", "waarde", "melding"),
    [
        ("wat", "  ", "Vul in wat er gaat gebeuren."),
        ("eigenaar", "", "Kies welke organisatie de actie oppakt."),
        ("streefdatum", "2027-02-28", "Kies vandaag of een datum in de toekomst."),
        ("streefdatum", "morgen", "Deze datum klopt niet."),
        ("gebied", "BU03440301", "Kies een wijk of buurt van deze gemeente."),
    ],
)
def test_een_actie_zonder_goede_gegevens_noemt_het_veld(client, proefstad, veld, waarde, melding):
    client.force_login(proefstad["analist"])
    antwoord = client.post(
        reverse("wijkscan:actie_nieuw", args=["GM9999"]), _gegevens(proefstad, **{veld: waarde})
    )
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    assert melding in html and f'href="#id_{veld}"' in html
    assert not Actie.objects.exists()


def test_een_organisatie_van_een_andere_gemeente_kan_geen_eigenaar_zijn(client, proefstad):
    elders = m.Organization.objects.create(name="Elders", description="x")
    client.force_login(proefstad["analist"])
    antwoord = client.post(
        reverse("wijkscan:actie_nieuw", args=["GM9999"]),
        _gegevens(proefstad, eigenaar=str(elders.pk)),
    )
    assert (
        "Kies een organisatie van de sociale kaart van deze gemeente." in antwoord.content.decode()
    )
    assert not Actie.objects.exists()


def test_status_en_bewerkingen_staan_in_de_geschiedenis_van_de_actie(client, proefstad):
    client.force_login(proefstad["analist"])
    client.post(reverse("wijkscan:actie_nieuw", args=["GM9999"]), _gegevens(proefstad))
    actie = Actie.objects.get()
    pagina = reverse("wijkscan:actie", args=["GM9999", actie.pk])
    client.post(pagina, {"status": "bezig"})
    client.post(
        reverse("wijkscan:actie_bewerken", args=["GM9999", actie.pk]),
        # A date already past is fine when editing: the action was planned earlier.
        _gegevens(proefstad, wat="Een inloop op woensdag", streefdatum="2027-01-15"),
    )
    client.post(pagina, {"status": "klaar"})
    actie.refresh_from_db()
    assert (actie.status, actie.wat, actie.streefdatum) == (
        "klaar",
        "Een inloop op woensdag",
        dt.date(2027, 1, 15),
    )
    html = client.get(pagina).content.decode()
    assert "Status van open naar bezig." in html and "Status van bezig naar klaar." in html
    assert "wat van “Een inloop op dinsdagavond” naar “Een inloop op woensdag”" in html
    assert list(Gebeurtenis.objects.values_list("soort", flat=True)) == [
        "actie_nieuw",
        "actie_status",
        "actie_bewerkt",
        "actie_status",
    ]


def test_vervallen_is_het_eindpunt(client, proefstad):
    client.force_login(proefstad["analist"])
    client.post(reverse("wijkscan:actie_nieuw", args=["GM9999"]), _gegevens(proefstad))
    actie = Actie.objects.get()
    pagina = reverse("wijkscan:actie", args=["GM9999", actie.pk])
    client.post(pagina, {"status": "vervallen"})
    client.post(pagina, {"status": "open"})
    actie.refresh_from_db()
    assert actie.status == "vervallen"
    assert "Dat is het eindpunt" in client.get(pagina).content.decode()
    assert (
        client.get(reverse("wijkscan:actie_bewerken", args=["GM9999", actie.pk])).status_code == 404
    )
    with pytest.raises(actions.ActieIsVervallen):
        actions.zet_actiestatus(actie, "open", None)
    # Still on the list when asked for all actions; no longer among those to do.
    lijst = reverse("wijkscan:acties", args=["GM9999"])
    assert "Een inloop op dinsdagavond" in client.get(lijst, {"status": "alle"}).content.decode()
    assert "Een inloop op dinsdagavond" not in client.get(lijst).content.decode()


def test_de_actielijst_filtert_op_status_en_sorteert_op_streefdatum(client, proefstad):
    for wat, datum in (("Eerst gemaakt", "2027-09-01"), ("Later gemaakt", "2027-04-01")):
        client.force_login(proefstad["analist"])
        client.post(
            reverse("wijkscan:actie_nieuw", args=["GM9999"]),
            _gegevens(proefstad, wat=wat, streefdatum=datum),
        )
    lijst = reverse("wijkscan:acties", args=["GM9999"])
    nieuwste = client.get(lijst).content.decode()
    assert nieuwste.index("Later gemaakt") < nieuwste.index("Eerst gemaakt")
    op_datum = client.get(lijst, {"volgorde": "datum"}).content.decode()
    assert op_datum.index("Later gemaakt") < op_datum.index("Eerst gemaakt")
    assert "Nog geen acties" in client.get(lijst, {"status": "klaar"}).content.decode()
    assert client.get(lijst, {"status": "onzin", "pagina": "x"}).status_code == 200


def test_buitenstaanders_veranderen_geen_status(client, proefstad, scanwereld):
    actie = actions.maak_actie(
        proefstad["gemeente"],
        {
            "gebied": proefstad["zuid"],
            "bouwsteen": m.TaxonomyTerm.objects.bouwstenen().get(code=SOCIAAL),
            "wat": "Inloop",
            "eigenaar": proefstad["buurtcirkel"],
            "streefdatum": dt.date(2027, 6, 1),
        },
        None,
    )
    pagina = reverse("wijkscan:actie", args=["GM9999", actie.pk])
    for wie in (None, scanwereld["rotterdam"], scanwereld["analist"]):
        client.logout()
        if wie:
            client.force_login(wie)
        assert client.post(pagina, {"status": "klaar"}).status_code in (302, 403)
    actie.refresh_from_db()
    assert actie.status == "open" and Gebeurtenis.objects.count() == 1
