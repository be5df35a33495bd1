"""The seven bouwstenen and their definitions must be those of seed 003."""

import re
from pathlib import Path

import pytest

from samenspel.directory import taxonomieen
from samenspel.directory.models import TaxonomyTerm

# The lines of seed 003 the definitions come from, with their citation (see its header).
UITTREKSEL = Path(__file__).resolve().parent / "seed_003_bouwstenen.txt"

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


def _seed_regels() -> dict[int, str]:
    """Line number in seed 003 -> its text, from the vendored excerpt."""
    regels = {}
    for regel in UITTREKSEL.read_text(encoding="utf-8").splitlines():
        if not regel.startswith("#"):
            nummer, tekst = regel.split("|", 1)
            regels[int(nummer)] = tekst
    return regels


def test_definities_komen_letterlijk_uit_de_geciteerde_regels_van_seed_003():
    regels = _seed_regels()
    for bouwsteen in taxonomieen.lees("bouwstenen.json"):
        van, tot = map(
            int, re.fullmatch(r"seed 003, regels (\d+)-(\d+)", bouwsteen["bron"]).groups()
        )
        assert set(range(van, tot + 1)) <= regels.keys(), bouwsteen["naam"]
        ruw = "\n".join(regels[n] for n in range(van, tot + 1))
        varianten = (_plat(ruw), _plat(_zonder_afbreekstreepjes(ruw)))
        definitie = _plat(bouwsteen["definitie"])
        assert any(definitie in seed for seed in varianten), bouwsteen["naam"]
