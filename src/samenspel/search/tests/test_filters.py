"""Filters die mensen vragen: levensdomein, na kantoortijd en nu open (issue 9, deel 5)."""

import datetime as dt

import pytest
from django.urls import reverse

from samenspel.directory import models as m
from samenspel.directory.openingstijden import TIJDZONE
from samenspel.search import views
from samenspel.search.tests.pagina import kaartnamen
from samenspel.search.zoeken import Zoekvraag, zoek

pytestmark = pytest.mark.django_db

ZOEKEN = reverse("search:zoeken")
# A Thursday, in Dutch time.
DONDERDAG_1030 = dt.datetime(2026, 12, 3, 10, 30, tzinfo=TIJDZONE)
DONDERDAG_1930 = dt.datetime(2026, 12, 3, 19, 30, tzinfo=TIJDZONE)


def _rooster(service, byday, van, tot, **geldig):
    service.schedules.all().delete()
    m.Schedule.objects.create(
        service=service,
        byday=byday,
        opens_at=dt.time.fromisoformat(van),
        closes_at=dt.time.fromisoformat(tot),
        **geldig,
    )
    service.save()  # a change to the listing: the search index reads it again


def _namen(client, **parameters) -> list[str]:
    return kaartnamen(client.get(ZOEKEN, parameters))


def _met_levensdomein(service, code):
    m.Attribute.objects.create(
        link_entity="service",
        link_id=service.pk,
        taxonomy_term=m.TaxonomyTerm.objects.levensdomeinen().get(code=code),
    )
    service.save()


def test_filter_op_levensdomein_met_aantallen_op_de_pagina(client, maak_aanbod):
    _met_levensdomein(maak_aanbod(naam="Thuisadministratie"), "financien")
    _met_levensdomein(maak_aanbod(naam="Taalcoach"), "opleiding-en-taal")

    assert _namen(client, levensdomein="financien") == ["Thuisadministratie"]
    antwoord = client.get(ZOEKEN)
    facet = {naam: keuzes for _, naam, keuzes in antwoord.context["facetten"]}["levensdomein"]
    assert {k["label"]: k["aantal"] for k in facet} == {"Financiën": 1, "Opleiding en taal": 1}
    assert "Waar helpt het bij" in antwoord.content.decode()


def test_onbekend_levensdomein_geeft_melding_bij_het_veld(client, maak_aanbod):
    maak_aanbod()
    antwoord = client.get(ZOEKEN, {"levensdomein": "maanreizen"})

    assert antwoord.status_code == 200
    assert "'maanreizen' kennen we niet" in antwoord.context["form"].errors["levensdomein"][0]


def test_na_kantoortijd_vindt_avond_en_weekend_niet_kantooruren(client, maak_aanbod):
    _rooster(maak_aanbod(naam="Samen eten"), "TH", "17:30", "19:30")
    _rooster(maak_aanbod(naam="Tuinieren op zaterdag"), "SA", "10:00", "13:00")
    _rooster(maak_aanbod(naam="Spreekuur"), "MO,TU", "09:00", "17:00")

    assert sorted(_namen(client, na_kantoortijd="on")) == ["Samen eten", "Tuinieren op zaterdag"]
    assert len(_namen(client)) == 3


def test_nu_open_volgt_de_klok_in_nederlandse_tijd(client, maak_aanbod, monkeypatch):
    _rooster(maak_aanbod(naam="Inloop ochtend"), "TH", "10:00", "12:00")
    _rooster(maak_aanbod(naam="Avondcafé"), "TH", "19:00", "22:00")
    _rooster(maak_aanbod(naam="Maandagclub"), "MO", "10:00", "12:00")

    monkeypatch.setattr(views, "klok", lambda: DONDERDAG_1030)
    assert _namen(client, nu_open="on") == ["Inloop ochtend"]
    # The same address a little later: a fresh answer, not the one from before.
    monkeypatch.setattr(views, "klok", lambda: DONDERDAG_1930)
    assert _namen(client, nu_open="on") == ["Avondcafé"]


def test_nu_open_zonder_iets_open_vindt_niets(maak_aanbod):
    _rooster(maak_aanbod(naam="Maandagclub"), "MO", "10:00", "12:00")

    assert zoek(Zoekvraag(open_op=DONDERDAG_1030)).totaal == 0
    assert zoek(Zoekvraag()).totaal == 1


def test_nu_open_toont_bewoner_geen_aanbod_voor_professionals(
    client, maak_aanbod, professional, monkeypatch
):
    _rooster(maak_aanbod(naam="Consultatie", zichtbaarheid="professionals"), "TH", "10:00", "12:00")
    monkeypatch.setattr(views, "klok", lambda: DONDERDAG_1030)

    assert _namen(client, nu_open="on") == []
    client.force_login(professional)
    assert _namen(client, nu_open="on") == ["Consultatie"]


def test_rooster_dat_niet_meer_geldt_telt_niet_voor_open_of_avond(client, maak_aanbod, monkeypatch):
    verlopen = maak_aanbod(naam="Oud avondrooster")
    _rooster(verlopen, "TH", "19:00", "22:00", valid_to=dt.date(2005, 6, 30))
    monkeypatch.setattr(views, "klok", lambda: DONDERDAG_1930)

    assert _namen(client, na_kantoortijd="on") == []
    assert _namen(client, nu_open="on") == []
    assert _namen(client, dag="TH") == []


def test_rooster_dat_morgen_ingaat_telt_vanaf_morgen(maak_aanbod, monkeypatch):
    from django.utils import timezone

    vandaag = timezone.localdate()
    _rooster(
        maak_aanbod(naam="Nieuwe avond"),
        "TH",
        "19:00",
        "22:00",
        valid_from=vandaag + dt.timedelta(days=1),
    )
    assert zoek(Zoekvraag(filters={"na_kantoortijd": ["ja"]})).totaal == 0

    monkeypatch.setattr(timezone, "localdate", lambda *a: vandaag + dt.timedelta(days=1))

    assert zoek(Zoekvraag(filters={"na_kantoortijd": ["ja"]})).totaal == 1
