"""The persoonlijke wegwijzer: REAKT's strippenkaart (seed 000 l.405–411) as paper or link."""

import pytest
from django.contrib.sessions.models import Session
from django.urls import reverse

from samenspel.directory.models import Wijziging
from samenspel.wegwijzer import lijst

pytestmark = pytest.mark.django_db

WEGWIJZER = reverse("wegwijzer:wegwijzer")
ZET = reverse("wegwijzer:zet")


@pytest.fixture
def acht(maak_aanbod):
    return [maak_aanbod(naam=f"Activiteit {i}") for i in range(1, 10)]


def _link(*services) -> str:
    return lijst.pad(str(s.pk) for s in services)


def _zet(client, service, actie="erop", **extra):
    return client.post(ZET, {"aanbod": str(service.pk), "actie": actie, **extra})


def _inhoud(antwoord) -> str:
    return antwoord.content.decode()


def test_link_met_drie_aanbod_toont_ze_in_volgorde_met_elk_een_qr(client, acht):
    antwoord = client.get(_link(acht[2], acht[0], acht[1]))
    assert [s.name for s in antwoord.context["ww"].aanbod] == [
        "Activiteit 3",
        "Activiteit 1",
        "Activiteit 2",
    ]
    pagina = _inhoud(antwoord)
    assert pagina.count('<svg role="img"') == 3
    assert f"http://testserver/aanbod/{acht[2].pk}/" in pagina


def test_link_met_een_aanbod_vraagt_om_er_nog_een(client, acht):
    pagina = _inhoud(client.get(_link(acht[0])))
    assert "Een wegwijzer heeft minstens 2 aanbod" in pagina
    assert "wegwijzer__deellink" not in pagina


def test_link_met_negen_aanbod_is_te_veel_en_toont_niets(client, acht):
    antwoord = client.get(_link(*acht))
    assert "hoogstens 8 aanbod, maar deze link noemt er 9" in _inhoud(antwoord)
    assert antwoord.context["ww"].aanbod == []


def test_hetzelfde_aanbod_twee_keer_in_de_link_telt_een_keer(client, acht):
    antwoord = client.get(_link(acht[0], acht[0], acht[1]))
    assert len(antwoord.context["ww"].aanbod) == 2
    assert antwoord.context["ww"].weggelaten == 0


def test_onbekend_en_onleesbaar_aanbod_in_de_link_krijgt_een_duidelijke_melding(client, acht):
    onbekend = "00000000-0000-4000-8000-000000000000"
    pad = _link(acht[0], acht[1]) + f"&aanbod=niet-een-id&aanbod={onbekend}"
    antwoord = client.get(pad)
    assert antwoord.status_code == 200
    assert "2 aanbod kunnen we hier niet laten zien" in _inhoud(antwoord)
    assert len(antwoord.context["ww"].aanbod) == 2


def test_buitenstaander_ziet_via_een_gemaakte_link_geen_aanbod_voor_professionals(
    client, maak_aanbod
):
    open_ = maak_aanbod(naam="Wandelgroep")
    ander = maak_aanbod(naam="Taalcafé")
    fact = maak_aanbod(naam="FACT-consult", zichtbaarheid="professionals")
    pagina = _inhoud(client.get(_link(open_, fact, ander)))
    assert "FACT-consult" not in pagina
    assert str(fact.pk) not in pagina
    assert "1 aanbod kunnen we hier niet laten zien" in pagina


def test_ook_een_professional_zet_geen_professioneel_aanbod_op_een_wegwijzer(
    client, maak_aanbod, professional
):
    """A wegwijzer is handed to a resident, who could not open that listing's page."""
    fact = maak_aanbod(naam="FACT-consult", zichtbaarheid="professionals")
    client.force_login(professional)
    pagina = _inhoud(client.get(reverse("directory:service", args=[fact.pk])))
    assert "Zet op mijn wegwijzer" not in pagina
    antwoord = _zet(client, fact)
    assert lijst.COOKIE not in antwoord.cookies or not antwoord.cookies[lijst.COOKIE].value
    assert "Dit aanbod kan niet op een wegwijzer" in _inhoud(client.get(WEGWIJZER))


def test_gestopt_of_niet_goedgekeurd_aanbod_valt_van_de_wegwijzer(client, acht):
    acht[1].status = "inactive"
    acht[1].save()
    acht[2].moderatie = "wachtrij"
    acht[2].save()
    antwoord = client.get(_link(acht[0], acht[1], acht[2], acht[3]))
    assert [s.name for s in antwoord.context["ww"].aanbod] == ["Activiteit 1", "Activiteit 4"]
    assert antwoord.context["ww"].weggelaten == 2


def test_bewoner_zonder_account_stelt_een_wegwijzer_samen_en_deelt_de_link(client, acht):
    for service in acht[:3]:
        antwoord = _zet(client, service, terug=service.get_absolute_url())
        assert antwoord.status_code == 302
        assert antwoord["Location"] == service.get_absolute_url()
    antwoord = client.get(WEGWIJZER)
    assert [s.name for s in antwoord.context["ww"].aanbod] == [
        "Activiteit 1",
        "Activiteit 2",
        "Activiteit 3",
    ]
    assert antwoord.context["deellink"] == "http://testserver" + _link(*acht[:3])
    _zet(client, acht[1], actie="eraf")
    assert len(client.get(WEGWIJZER).context["ww"].aanbod) == 2
    _zet(client, acht[0], actie="leeg")
    assert client.get(WEGWIJZER).context["ww"].aanbod == []


def test_een_negende_aanbod_past_niet_op_de_wegwijzer(client, acht):
    for service in acht[:8]:
        _zet(client, service)
    _zet(client, acht[8])
    pagina = _inhoud(client.get(WEGWIJZER))
    assert "Je wegwijzer is vol: er passen 8 aanbod op" in pagina
    assert "Activiteit 9" not in pagina
    assert pagina.count('<svg role="img"') == 8


def test_een_wegwijzer_bewaart_niets_over_wie_hem_maakt(client, acht):
    """Only listing ids, in the browser's own cookie: no session, no history, no record."""
    sessies, wijzigingen = Session.objects.count(), Wijziging.objects.count()
    for service in acht[:4]:
        antwoord = _zet(client, service)
    assert antwoord.cookies[lijst.COOKIE].value == ",".join(str(s.pk) for s in acht[:4])
    assert antwoord.cookies[lijst.COOKIE]["httponly"]
    assert not antwoord.cookies[lijst.COOKIE]["max-age"]  # gone when the browser closes
    client.get(WEGWIJZER)
    assert Session.objects.count() == sessies
    assert Wijziging.objects.count() == wijzigingen


def test_gedeelde_link_overnemen_maakt_hem_tot_je_eigen_wegwijzer(client, acht):
    _zet(client, acht[0], actie="overnemen", aanbod=[str(acht[4].pk), str(acht[5].pk)])
    antwoord = client.get(WEGWIJZER)
    assert [s.name for s in antwoord.context["ww"].aanbod] == ["Activiteit 5", "Activiteit 6"]


def test_terug_naar_een_andere_site_wordt_de_wegwijzer_zelf(client, acht):
    antwoord = _zet(client, acht[0], terug="https://kwaadaardig.example.org/")
    assert antwoord["Location"] == WEGWIJZER


def test_onzin_aan_de_wegwijzer_geeft_een_melding_en_geen_fout(client, acht):
    assert _zet(client, acht[0], actie="ontplof").status_code == 302
    assert "Dat kan niet met een wegwijzer" in _inhoud(client.get(WEGWIJZER))
    client.post(ZET, {"actie": "erop", "aanbod": "'; drop table"})
    assert "Dit aanbod kan niet op een wegwijzer" in _inhoud(client.get(WEGWIJZER))
    client.cookies[lijst.COOKIE] = "rommel,,," + "x" * 500
    assert client.get(WEGWIJZER).status_code == 200


def test_zetten_kan_alleen_met_post(client, acht):
    assert client.get(ZET, {"aanbod": str(acht[0].pk), "actie": "erop"}).status_code == 405


def test_korte_tekst_heeft_voorrang_en_lange_tekst_wordt_op_hele_zinnen_ingekort(
    client, maak_aanbod
):
    lang = "Eerste zin over de groep. " + "Tweede zin die veel te lang is om mee te nemen " * 8
    met_kort = maak_aanbod(naam="Met korte tekst", omschrijving=lang, korte_tekst="Kort.")
    zonder = maak_aanbod(naam="Zonder", omschrijving=lang)
    pagina = _inhoud(client.get(_link(met_kort, zonder)))
    assert '<p class="papier-aanbod__tekst">Kort.</p>' in pagina
    assert '<p class="papier-aanbod__tekst">Eerste zin over de groep.</p>' in pagina
    assert "…" not in pagina


def test_aanbodpagina_zegt_hoeveel_er_op_je_wegwijzer_staan(client, acht):
    _zet(client, acht[0])
    _zet(client, acht[1])
    pagina = _inhoud(client.get(reverse("directory:service", args=[acht[1].pk])))
    assert "Haal van mijn wegwijzer" in pagina
    assert "Bekijk je wegwijzer (2 aanbod)" in pagina


def test_lege_wegwijzer_legt_uit_hoe_het_werkt(client, gebieden):
    pagina = _inhoud(client.get(WEGWIJZER))
    assert "Zet op mijn wegwijzer" in pagina
    assert "We bewaren niet wie een wegwijzer maakt" in pagina


def test_de_lijst_regels_bewaren_de_grenzen(acht):
    ids = []
    for service in acht[:8]:
        ids, uitkomst = lijst.zet_erop(ids, service)
        assert uitkomst == "erop"
    assert lijst.zet_erop(ids, acht[8]) == (ids, "vol")
    assert lijst.zet_erop(ids, acht[0]) == (ids, "al")


def test_aanbod_dat_intussen_alleen_voor_professionals_is_valt_bij_de_volgende_keuze_af(
    client, acht
):
    for service in acht[:8]:
        _zet(client, service)
    acht[0].zichtbaarheid = "professionals"
    acht[0].save()
    antwoord = _zet(client, acht[8])
    assert str(acht[0].pk) not in antwoord.cookies[lijst.COOKIE].value
    assert str(acht[8].pk) in antwoord.cookies[lijst.COOKIE].value
