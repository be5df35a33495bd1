"""24-uurszorg in the evening, at night and in the weekend, from hand-made opening times."""

import datetime as dt

import pytest
from django.urls import reverse

from samenspel.areas.models import Gebied
from samenspel.directory import models as m
from samenspel.wijkscan.etmaal import etmaal, tijden

NACHTZORG = "24-uurszorg"
ALLE_DAGEN = "MO,TU,WE,TH,FR,SA,SU"


def _rooster(byday, van, tot, freq="WEEKLY", **velden):
    return m.Schedule(
        byday=byday, opens_at=dt.time(*van), closes_at=dt.time(*tot), freq=freq, **velden
    )


def test_open_van_17_tot_24_telt_voor_de_avond_en_niet_voor_de_nacht():
    t = tijden([_rooster(ALLE_DAGEN, (17, 0), (0, 0))])
    assert t.avond == set(range(7))
    assert t.nacht == set()


def test_een_rooster_van_22_tot_8_telt_voor_de_nacht():
    t = tijden([_rooster("MO,WE", (22, 0), (8, 0))])
    assert t.nacht == {0, 2}
    assert t.avond == set()  # 18–22 is not covered


def test_alleen_zaterdag_telt_voor_het_weekend():
    t = tijden([_rooster("SA", (10, 0), (14, 0))])
    assert t.weekend == {5}
    assert (t.avond, t.nacht) == (set(), set())


def test_twee_vakken_samen_dekken_de_nacht_ook_van_zondag_op_maandag():
    t = tijden([_rooster("SU", (23, 0), (0, 0)), _rooster("MO", (0, 0), (7, 0))])
    assert t.nacht == {6}


def test_elke_dag_de_klok_rond_en_wat_niet_telt():
    assert tijden([_rooster("", (0, 0), (0, 0), freq="DAILY")]).nacht == set(range(7))
    # Monthly, fortnightly, without times: no reliable availability.
    assert tijden([_rooster("1MO", (18, 0), (23, 0), freq="MONTHLY")]).avond == set()
    assert tijden([_rooster("MO", (18, 0), (23, 0), interval=2)]).avond == set()
    assert tijden([m.Schedule(byday="MO", freq="WEEKLY")]).avond == set()


@pytest.fixture
def nachtzorg(gebieden):
    """Two 24-uurszorg listings in Zambesidreef: a phone line every evening and night, and a
    team at the door on Saturday; and one that says neither, in Vechtzoom."""

    def maak(naam, buurt, soorten, roosters):
        organisatie = m.Organization.objects.create(
            name=naam, description=naam, gemeente=gebieden["utrecht"], sector="formeel"
        )
        service = m.Service.objects.create(organization=organisatie, name=naam, description=naam)
        locatie = m.Location.objects.create(
            organization=organisatie, name=naam, buurt=gebieden[buurt]
        )
        m.ServiceAtLocation.objects.create(service=service, location=locatie)
        termen = list(m.TaxonomyTerm.objects.bouwstenen().filter(code=NACHTZORG))
        termen += list(m.TaxonomyTerm.objects.etmaal().filter(code__in=soorten))
        for term in termen:
            m.Attribute.objects.create(
                link_entity="service", link_id=service.pk, taxonomy_term=term
            )
        for byday, van, tot in roosters:
            m.Schedule.objects.create(
                service=service, byday=byday, opens_at=dt.time(van), closes_at=dt.time(tot)
            )
        return service

    return {
        "lijn": maak("Crisislijn", "zambesidreef", ["bereikbaar"], [(ALLE_DAGEN, 17, 8)]),
        "team": maak("Nachtteam", "zambesidreef", ["beschikbaar"], [("SA", 9, 17)]),
        "stil": maak("Steunpunt", "vechtzoom", [], [(ALLE_DAGEN, 18, 23)]),
    }


def test_bereikbaar_en_beschikbaar_apart_per_buurt_en_wijk(nachtzorg, gebieden, analist):
    overzicht = etmaal(gebieden["utrecht"], analist)
    zambesi = overzicht.vak("BU03440301")
    assert (zambesi.totaal, zambesi.niet_gezegd) == (2, 0)
    assert (zambesi.bereikbaar.avond, zambesi.bereikbaar.nacht, zambesi.bereikbaar.weekend) == (
        1,
        1,
        1,
    )
    assert (zambesi.beschikbaar.avond, zambesi.beschikbaar.nacht, zambesi.beschikbaar.weekend) == (
        0,
        0,
        1,
    )
    assert zambesi.beschikbaar.weekenddagen == {5}
    assert zambesi.bereikbaar.tekst("nacht") == "1 aanbod: elke nacht"
    assert zambesi.beschikbaar.tekst("weekend") == "1 aanbod: za"
    assert zambesi.beschikbaar.tekst("avond") == "niemand"
    wijk = overzicht.vak("WK034403")
    assert (wijk.totaal, wijk.niet_gezegd, wijk.bereikbaar.aanbod) == (3, 1, 1)
    assert overzicht.vak("BU03440302").bereikbaar.avond == 0


def test_een_verlopen_rooster_telt_niet(nachtzorg, gebieden, analist):
    m.Schedule.objects.filter(service=nachtzorg["lijn"]).update(valid_to=dt.date(2005, 1, 1))
    assert etmaal(gebieden["utrecht"], analist).vak("BU03440301").bereikbaar.nacht == 0


def test_de_pagina_toont_per_buurt_een_tabel_met_tekst(client, nachtzorg, scanwereld):
    client.force_login(scanwereld["analist"])
    html = client.get(reverse("wijkscan:etmaal", args=["GM0344"])).content.decode()
    assert "Buurt Zambesidreef e.o." in html and "1 aanbod: elke nacht" in html
    assert "1 zegt niet of het bereikbaar of beschikbaar is" in html
    assert Gebied.objects.filter(code="GM0344").exists()


def test_een_initiatief_vult_24_uurszorg_in_of_laat_het_leeg(taxonomieen):
    from samenspel.directory.registratie import AanmeldFormulier

    form = AanmeldFormulier()
    assert [c for c, _n in form.fields["etmaal"].choices] == ["bereikbaar", "beschikbaar"]
    assert form.fields["etmaal"].required is False


def test_bewerken_zet_en_haalt_bereikbaar_en_beschikbaar(maak_aanbod):
    from samenspel.directory import actions as directory_actions
    from samenspel.directory.registratie import beginwaarden

    service = maak_aanbod(bouwstenen=(NACHTZORG,))
    assert beginwaarden(service)["etmaal"] == []
    gegevens = {**beginwaarden(service), "etmaal": ["bereikbaar", "beschikbaar"]}
    assert directory_actions.bewerk(service, gegevens, "eigenaar@example.org") == ["etmaal"]
    assert [t.code for t in service.etmaal] == ["bereikbaar", "beschikbaar"]
    directory_actions.bewerk(service, {**gegevens, "etmaal": ["beschikbaar"]}, None)
    assert [t.code for t in service.etmaal] == ["beschikbaar"]
    assert [t.code for t in service.bouwstenen] == [NACHTZORG]
