"""The process's index follows the database, and says when what it holds has changed.

`index.versie()` is part of the key of cached search answers: a cached answer must never
outlive a change, and looking at the log again must not empty the cache over and over.
"""

import datetime as dt
import gc

import pytest
from django.db import connection
from django.utils import timezone

from samenspel.directory import models as m
from samenspel.search import documenten, index
from samenspel.search.models import Zoekwijziging
from samenspel.search.zoeken import Zoekvraag, zoek

pytestmark = pytest.mark.django_db


def _namen(tekst: str) -> list[str]:
    return [treffer.service.name for treffer in zoek(Zoekvraag(tekst=tekst)).treffers]


def _versie() -> tuple:
    index.actueel()
    return index.versie()


def test_versie_blijft_gelijk_zolang_er_niets_verandert(maak_aanbod):
    maak_aanbod(naam="Wandelgroep")
    eerste = _versie()
    assert _versie() == eerste
    assert _versie() == eerste


def test_versie_verandert_met_een_gewijzigde_vermelding_en_daarna_niet_meer(maak_aanbod):
    service = maak_aanbod(naam="Breiclub")
    voor = _versie()

    service.name = "Schaakclub"
    service.save()
    na = _versie()

    assert na != voor
    assert _namen("schaakclub") == ["Schaakclub"]
    # Looking at the log again finds nothing new: the listing is not news any more.
    assert _versie() == na
    assert _versie() == na


def test_versie_verandert_als_een_vermelding_verdwijnt_of_erbij_komt(maak_aanbod):
    service = maak_aanbod(naam="Breiclub")
    begin = _versie()

    service.status = m.ServiceStatus.INACTIVE
    service.save()
    zonder = _versie()
    maak_aanbod(naam="Koor")
    met_koor = _versie()

    assert len({begin, zonder, met_koor}) == 3
    assert _namen("breiclub") == []
    assert _namen("koor") == ["Koor"]


def test_versie_verandert_ook_als_alleen_de_pagina_van_een_vermelding_verandert(maak_aanbod):
    # Opening hours are not searchable, but a cached result list shows them.
    service = maak_aanbod(naam="Wandelgroep", dagen="TU")
    voor = _versie()
    schema = service.schedules.get()
    schema.opens_at = dt.time(14, 0)
    schema.save()

    assert _versie() != voor


def test_herbouwde_index_heeft_een_nieuwe_versie_ook_met_dezelfde_inhoud(maak_aanbod):
    maak_aanbod(naam="Wandelgroep")
    eerste = _versie()

    index.herbouw()
    tweede = index.versie()
    index.vergeet()
    derde = _versie()

    assert len({eerste, tweede, derde}) == 3


def test_versie_bouwt_zelf_een_index_als_er_nog_geen_is(maak_aanbod):
    maak_aanbod(naam="Wandelgroep")
    index.vergeet()
    assert index.versie() == index.versie()
    assert _namen("wandelgroep") == ["Wandelgroep"]


def test_index_ouder_dan_het_logboek_wordt_opnieuw_opgebouwd(maak_aanbod, monkeypatch):
    maak_aanbod(naam="Wandelgroep")
    oude_versie = _versie()
    maak_aanbod(naam="Taalcafé")
    # A day later the log rows of that listing were cleaned up; the index never saw them.
    Zoekwijziging.objects.all().delete()
    later = timezone.now() + index.BEWAAR_LOG
    monkeypatch.setattr(index.timezone, "now", lambda: later)

    assert _namen("taalcafe") == ["Taalcafé"]
    assert index.versie()[0] != oude_versie[0]


def test_vermelding_gewijzigd_tijdens_het_opbouwen_staat_er_daarna_goed_in(
    maak_aanbod, monkeypatch
):
    maak_aanbod(naam="Breiclub", organisatie="Buurthuis")
    maak_aanbod(naam="Koor", organisatie="Buurthuis")
    origineel = documenten.alle

    def opbouwen_terwijl_iemand_bewerkt(portie=documenten.PORTIE):
        for nummer, document in enumerate(origineel(portie=1)):
            if nummer == 0:
                # Someone renames the listing just read, while the build reads the others.
                service = m.Service.objects.get(pk=document.id)
                service.name = "Schaakclub"
                service.save()
            yield document

    monkeypatch.setattr(documenten, "alle", opbouwen_terwijl_iemand_bewerkt)
    index.herbouw()

    assert len(_namen("schaakclub")) == 1
    # The renamed listing is no longer found by its old name; the other one still is.
    assert len(_namen("breiclub")) + len(_namen("koor")) == 1


@pytest.mark.django_db(transaction=True)
def test_server_bouwt_de_index_voordat_workers_verzoeken_krijgen(maak_aanbod):
    from samenspel import gunicorn_conf

    class Log:
        def __init__(self):
            self.regels = []

        def info(self, tekst, *args):
            self.regels.append(tekst % args)

    class Server:
        log = Log()
        cfg = gunicorn_conf

    maak_aanbod(naam="Wandelgroep")
    try:
        gunicorn_conf.on_starting(Server())
    finally:
        gc.unfreeze()

    assert "Zoekindex klaar: 1 keer aanbod" in Server.log.regels[-1]
    # Workers are forked now: they must not share the master's database connection.
    assert connection.connection is None or connection.settings_dict["NAME"].startswith(
        "file:memorydb"
    )
    gebouwd = index.versie()
    gunicorn_conf.post_worker_init(Server())
    assert index.versie()[0] == gebouwd[0]
    assert _namen("wandelgroep") == ["Wandelgroep"]
    assert gunicorn_conf.timeout > 30 and gunicorn_conf.preload_app
