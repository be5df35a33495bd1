"""Example area figures for the demo wijken and buurten, so the wijk pages show what figures
look like before a gemeente imports its own from CBS and RIVM.

They are made up, derived from the CBS code so loading twice gives the same numbers, and each
carries ``"voorbeeld": True`` (see `samenspel.areas.cijfers`): pages label them as example
figures. Real figures already imported are never overwritten.
"""

import hashlib
import json
from pathlib import Path

from samenspel.areas.models import Gebied, Niveau

GEBIEDEN = Path(__file__).resolve().parent / "data" / "gebieden.json"
BRON_CBS = "CBS Kerncijfers wijken en buurten"
BRON_RIVM = "RIVM Gezondheidsmonitor"
JAAR_CBS = 2023
JAAR_RIVM = 2022
# Rough size of a demo area: a buurt a few thousand residents, a wijk the sum of its buurten.
INWONERS_BUURT = (1500, 6500)
# Shares of residents per age group (0–15, 15–25, 25–45, 45–65, 65+), roughly Dutch cities.
LEEFTIJDEN = {
    "leeftijd_0_15": 0.16,
    "leeftijd_15_25": 0.14,
    "leeftijd_25_45": 0.31,
    "leeftijd_45_65": 0.24,
    "leeftijd_65_plus": 0.15,
}


def _getal(code: str, soort: str, laag: float, hoog: float) -> float:
    """A stable number between laag and hoog for this area and figure."""
    h = int(hashlib.sha256(f"{code}/{soort}".encode()).hexdigest()[:8], 16) / 0xFFFFFFFF
    return laag + (hoog - laag) * h


def _cijfer(waarde, jaar: int, bron: str) -> dict:
    return {"waarde": waarde, "jaar": jaar, "bron": bron, "voorbeeld": True}


def voorbeeldcijfers(code: str, inwoners: int) -> dict:
    cijfers = {"inwoners": _cijfer(inwoners, JAAR_CBS, BRON_CBS)}
    for sleutel, deel in LEEFTIJDEN.items():
        # CBS rounds counts below gemeente level to fives.
        cijfers[sleutel] = _cijfer(round(inwoners * deel / 5) * 5, JAAR_CBS, BRON_CBS)
    huishoudens = inwoners / 1.9
    cijfers["eenpersoonshuishoudens"] = _cijfer(
        round(huishoudens * _getal(code, "alleen", 0.35, 0.6) / 5) * 5, JAAR_CBS, BRON_CBS
    )
    cijfers["lage_inkomens"] = _cijfer(round(_getal(code, "inkomen", 6, 22), 1), JAAR_CBS, BRON_CBS)
    cijfers["eenzaamheid"] = _cijfer(
        round(_getal(code, "eenzaam", 40, 60), 1), JAAR_RIVM, BRON_RIVM
    )
    cijfers["ernstige_eenzaamheid"] = _cijfer(
        round(_getal(code, "ernstig", 10, 22), 1), JAAR_RIVM, BRON_RIVM
    )
    cijfers["psychische_klachten"] = _cijfer(
        round(_getal(code, "psychisch", 6, 16), 1), JAAR_RIVM, BRON_RIVM
    )
    return cijfers


def _zet(gebied: Gebied, nieuw: dict) -> bool:
    bestaand = gebied.cijfers or {}
    samen = dict(bestaand)
    for sleutel, cijfer in nieuw.items():
        oud = bestaand.get(sleutel)
        if isinstance(oud, dict) and "waarde" in oud and not oud.get("voorbeeld"):
            continue  # an imported figure wins over an example
        samen[sleutel] = cijfer
    if samen == bestaand:
        return False
    gebied.cijfers = samen
    gebied.save(update_fields=["cijfers"])
    return True


def _demowijken() -> list[str]:
    gemeenten = json.loads(GEBIEDEN.read_text(encoding="utf-8"))["gemeenten"]
    return [w["code"] for g in gemeenten for w in g.get("wijken", [])]


def laad_cijfers() -> int:
    """Example figures on every demo wijk and its buurten; the number of areas changed."""
    aantal = 0
    # Only the demo's own wijken: real areas imported next to the demo get no made-up figures.
    wijken = Gebied.objects.filter(niveau=Niveau.WIJK, code__in=_demowijken())
    for wijk in wijken.prefetch_related("kinderen"):
        totaal = 0
        for buurt in wijk.kinderen.all():
            inwoners = round(_getal(buurt.code, "inwoners", *INWONERS_BUURT) / 5) * 5
            totaal += inwoners
            aantal += _zet(buurt, voorbeeldcijfers(buurt.code, inwoners))
        if totaal:
            aantal += _zet(wijk, voorbeeldcijfers(wijk.code, totaal))
    return aantal
