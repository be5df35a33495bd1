"""Figures without personal data, per service and per area, and on the service page."""

import datetime as dt

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import timezone

from samenspel.referrals import actions, cijfers
from samenspel.referrals.models import Gebeurtenis, Kennismaking
from samenspel.referrals.toegang import via_emaillink

pytestmark = pytest.mark.django_db


def _beantwoord_na(v, dagen: float, keuze: str = "aannemen"):
    actions.antwoord(v, via_emaillink(v), keuze)
    verstuurd = v.gebeurtenissen.filter(naar_status="requested").first().wanneer
    Gebeurtenis.objects.filter(verwijzing=v, partij="ontvanger").update(
        wanneer=verstuurd + dt.timedelta(days=dagen)
    )


@pytest.fixture
def drie_verwijzingen(verwijs, pim, wandelgroep):
    gemaakt = [verwijs(pim, wandelgroep, naam=n)[0] for n in ("A", "B", "C")]
    _beantwoord_na(gemaakt[0], 1.2)
    _beantwoord_na(gemaakt[1], 2.5)
    _beantwoord_na(gemaakt[2], 6, "geen-plek")
    return gemaakt


def test_reageert_meestal_binnen_de_mediaan_naar_boven_afgerond(drie_verwijzingen, wandelgroep):
    c = cijfers.voor_service(wandelgroep)
    assert (c.aantal, c.beantwoord, c.aangenomen) == (3, 3, 2)
    assert c.reageert_binnen == 3  # median 2.5 days
    assert c.aandeel_aangenomen == 67


def test_onbeantwoord_telt_mee_in_aantal_maar_niet_in_aandeel(
    drie_verwijzingen, verwijs, pim, wandelgroep
):
    verwijs(pim, wandelgroep, naam="D")
    c = cijfers.voor_service(wandelgroep)
    assert (c.aantal, c.beantwoord, c.aandeel_aangenomen) == (4, 3, 67)


def test_te_weinig_verwijzingen_geeft_geen_percentages(verwijs, pim, wandelgroep):
    v, _ = verwijs(pim, wandelgroep)
    _beantwoord_na(v, 1)
    c = cijfers.voor_service(wandelgroep)
    assert c.aantal == 1 and c.aandeel_aangenomen is None and c.reageert_binnen is None


def test_tijd_tot_eerste_kennismaking(drie_verwijzingen, wandelgroep):
    v = drie_verwijzingen[0]
    verstuurd = v.gebeurtenissen.first().wanneer
    Kennismaking.objects.create(
        verwijzing=v,
        wanneer=verstuurd + dt.timedelta(days=8),
        voorgesteld_door="verwijzer",
        akkoord_verwijzer=timezone.now(),
        akkoord_ontvanger=timezone.now(),
    )
    assert cijfers.voor_service(wandelgroep).kennismaking_na == 8


def test_plekvragen_en_concepten_tellen_niet_mee(verwijs, pim, wandelgroep):
    actions.vraag_plek(pim, wandelgroep)
    verwijs(pim, wandelgroep, toestemming="online")
    assert cijfers.voor_service(wandelgroep).aantal == 0


def test_cijfers_per_gemeente_en_wijk(drie_verwijzingen, verwijs, ine, buurtteam):
    verwijs(ine, buurtteam)
    per_gebied = {g.gebied.code: g.cijfers for g in cijfers.per_gebied()}
    assert set(per_gebied) == {"GM0344", "WK034403"}
    assert per_gebied["WK034403"].aantal == 4
    assert per_gebied["GM0344"].reageert_binnen == 3


def _aanbodpagina(service, gebruiker) -> str:
    request = RequestFactory().get("/")
    request.user = gebruiker
    sjabloon = Template("{% load verwijzen %}{% op_aanbodpagina service %}")
    return sjabloon.render(Context({"service": service, "user": gebruiker, "request": request}))


def test_aanbodpagina_toont_cijfers_alleen_aan_professionals(drie_verwijzingen, wandelgroep, pim):
    from django.contrib.auth.models import AnonymousUser

    assert "Reageert meestal binnen 3 dagen." in _aanbodpagina(wandelgroep, pim)
    bewoner = _aanbodpagina(wandelgroep, AnonymousUser())
    assert "Reageert meestal" not in bewoner
    assert "Ik wil meedoen" in bewoner and "Iemand verwijzen" not in bewoner


def test_aanbodpagina_toont_vol_en_knoppen_voor_verwijzers(wandelgroep, pim, ine):
    actions.zet_ontvangst(wandelgroep, True, "ongeveer 3 weken", "")
    html = _aanbodpagina(wandelgroep, pim)
    assert "Zit nu vol." in html and "ongeveer 3 weken" in html
    assert "Iemand verwijzen" in html and "Eerst vragen: is er plek?" in html
    assert "Vol of wachttijd aanpassen" in _aanbodpagina(wandelgroep, ine)
    assert "Vol of wachttijd aanpassen" not in html


def test_aanbodpagina_zonder_aanmeldroute_toont_niets(maak_aanbod, pim):
    inloop = maak_aanbod(naam="Inloop", route="informatie")
    assert _aanbodpagina(inloop, pim).strip() == ""


def test_cijferpagina_en_api_alleen_voor_professionals(client, drie_verwijzingen, analist, olaf):
    client.force_login(analist)
    assert "Overvecht" in client.get("/verwijzingen/cijfers/").content.decode()
    data = client.get("/verwijzingen/api/cijfers/").json()
    wijk = next(g for g in data["gebieden"] if g["code"] == "WK034403")
    assert wijk["aantal"] == 3 and wijk["reageert_meestal_binnen_dagen"] == 3
    client.force_login(olaf)
    assert client.get("/verwijzingen/cijfers/").status_code == 403
    assert client.get("/verwijzingen/api/cijfers/").status_code == 403


def test_menu_telt_onbeantwoorde_verwijzingen(verwijzing, ine, olaf):
    sjabloon = Template("{% load verwijzen %}{% verwijzingen_menu %}")
    assert "1 nieuw" in sjabloon.render(Context({"user": ine}))
    assert "nieuw" not in sjabloon.render(Context({"user": olaf}))
