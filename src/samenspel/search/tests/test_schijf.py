"""A server that starts again loads its search index from the copy on disk and catches up
through the change log; a copy it cannot trust is never used."""

import pytest
from django.utils import timezone

from samenspel.directory import models as m
from samenspel.search import index, schijf
from samenspel.search.zoeken import Zoekvraag, zoek

pytestmark = pytest.mark.django_db


@pytest.fixture
def kopie(settings, tmp_path):
    pad = tmp_path / "var" / "zoekindex.pickle"
    settings.SAMENSPEL["ZOEKINDEX_BESTAND"] = str(pad)
    return pad


def _namen(tekst: str) -> list[str]:
    return [treffer.service.name for treffer in zoek(Zoekvraag(tekst=tekst)).treffers]


def _herstart() -> tuple:
    """As a new server process: nothing in memory, then the master's start."""
    index.vergeet()
    return index.start()


def test_herstart_laadt_de_kopie_en_neemt_wijzigingen_van_daarna_over(maak_aanbod, kopie):
    service = maak_aanbod(naam="Breiclub Zuilen")
    _, van_schijf = index.start()
    gebouwd = index.versie()
    assert not van_schijf and kopie.exists()

    service.name = "Schaakclub Zuilen"
    service.save()
    maak_aanbod(naam="Koor Lunetten")
    _, van_schijf = _herstart()

    assert van_schijf
    assert index.versie()[0] == gebouwd[0]  # the same build, not a new one
    assert _namen("schaakclub") == ["Schaakclub Zuilen"]
    assert _namen("koor") == ["Koor Lunetten"]


@pytest.mark.parametrize(
    "bederf",
    [
        lambda pad: pad.write_bytes(b"geen index"),
        lambda pad: pad.write_bytes(pad.read_bytes()[: pad.stat().st_size // 2]),
    ],
    ids=["geen-kopie", "afgebroken"],
)
def test_kapotte_kopie_wordt_niet_gebruikt_maar_opnieuw_gemaakt(maak_aanbod, kopie, bederf):
    maak_aanbod(naam="Breiclub Zuilen")
    index.start()
    bederf(kopie)
    maak_aanbod(naam="Koor Lunetten")

    _, van_schijf = _herstart()

    assert not van_schijf
    assert _namen("koor") == ["Koor Lunetten"]
    assert schijf.laad() is not None  # a good copy again for the next start


def test_kopie_van_een_andere_versie_van_samenspel_wordt_niet_gebruikt(
    maak_aanbod, kopie, monkeypatch
):
    maak_aanbod(naam="Breiclub Zuilen")
    index.start()
    monkeypatch.setattr(schijf, "kenmerk", lambda: "een andere versie")

    assert _herstart()[1] is False


def test_kopie_ouder_dan_het_logboek_onthoudt_wordt_niet_gebruikt(maak_aanbod, kopie, monkeypatch):
    maak_aanbod(naam="Breiclub Zuilen")
    index.start()
    later = timezone.now() + index.BEWAAR_LOG
    monkeypatch.setattr(index.timezone, "now", lambda: later)

    assert _herstart()[1] is False
    assert _namen("breiclub") == ["Breiclub Zuilen"]


def test_herbouw_gevraagd_na_de_kopie_gebeurt_bij_de_start(maak_aanbod, kopie):
    maak_aanbod(naam="Moestuin Lunetten")
    index.start()
    # Changed behind the log's back, then a rebuild asked for (samenspel zoekindex herbouw).
    m.Service.objects.filter(name="Moestuin Lunetten").update(name="Moestuin Hoograven")
    index.vraag_herbouw()

    _herstart()

    assert _namen("hoograven") == ["Moestuin Hoograven"]


def test_zonder_bestand_bouwt_de_start_en_schrijft_niets(maak_aanbod, settings, tmp_path):
    settings.SAMENSPEL["ZOEKINDEX_BESTAND"] = ""
    maak_aanbod(naam="Breiclub Zuilen")

    assert index.start()[1] is False
    assert _herstart()[1] is False
    assert list(tmp_path.iterdir()) == []
