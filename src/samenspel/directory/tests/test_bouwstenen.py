"""The seven bouwstenen and their definitions must be those of seed 003."""

import re
from pathlib import Path

import pytest

from samenspel.directory import taxonomieen
from samenspel.directory.models import TaxonomyTerm

REPO = Path(__file__).resolve().parents[4]
SEED_003 = sorted((REPO.parent / "shared" / "seeds").glob("003_*.txt"))

ZEVEN = [
    "zorg en begeleiding",
    "vroegsignalering",
    "preventie",
    "24-uurszorg",
    "zinvolle daginvulling",
    "sociale contacten en ontmoeting",
    "ervaringsdeskundigheid",
]


def _plat(tekst: str) -> str:
    return re.sub(r"\s+", " ", tekst).strip().lower()


def _zonder_afbreekstreepjes(tekst: str) -> str:
    # The seed is text from a PDF: words broken over two lines carry a hyphen.
    return re.sub(r"(\w)-\s*\n\s*(\w)", r"\1\2", tekst)


def test_precies_de_zeven_bouwstenen_in_volgorde():
    namen = [b["naam"].lower() for b in taxonomieen.lees("bouwstenen.json")]
    assert namen == ZEVEN


@pytest.mark.django_db
def test_bouwstenen_staan_als_taxonomie_in_de_database():
    assert [t.name.lower() for t in TaxonomyTerm.objects.bouwstenen()] == ZEVEN


def test_definities_komen_letterlijk_uit_seed_003():
    assert SEED_003, "seed 003 ontbreekt naast de repository (shared/seeds/003_*.txt)"
    ruw = SEED_003[0].read_text(encoding="utf-8")
    varianten = (_plat(ruw), _plat(_zonder_afbreekstreepjes(ruw)))
    for bouwsteen in taxonomieen.lees("bouwstenen.json"):
        definitie = _plat(bouwsteen["definitie"])
        assert any(definitie in seed for seed in varianten), bouwsteen["naam"]
