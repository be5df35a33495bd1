"""Which published columns of CBS and RIVM files become which area figure.

Both CBS "Kerncijfers wijken en buurten" (StatLine tables 85618NED for 2023, 84583NED for
2019, …) and the RIVM "Gezondheidsmonitor" small-area estimates are published as CSV with
OData column names such as ``AantalInwoners_5``. The number after the last underscore is the
column's position and changes between years, so a column is matched on its name without it.

The figure keys and how they are stored: `samenspel.areas.cijfers`.
"""

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Cijferbron:
    naam: str
    # Published column name (without the trailing _N, lower case) -> figure key.
    kolommen: dict[str, str]
    # Columns that select one row per area, with the values that are kept (lower case).
    kiezen: dict[str, tuple[str, ...]]


BRONNEN = {
    "cbs": Cijferbron(
        naam="CBS Kerncijfers wijken en buurten",
        kolommen={
            "aantalinwoners": "inwoners",
            "k_0tot15jaar": "leeftijd_0_15",
            "k_15tot25jaar": "leeftijd_15_25",
            "k_25tot45jaar": "leeftijd_25_45",
            "k_45tot65jaar": "leeftijd_45_65",
            "k_65jaarofouder": "leeftijd_65_plus",
            "eenpersoonshuishoudens": "eenpersoonshuishoudens",
            "huishoudensmeteenlaaginkomen": "lage_inkomens",
        },
        kiezen={},
    ),
    # StatLine table 50120NED ("Gezondheid per wijk en buurt"): Eenzaam_27,
    # ErnstigZeerErnstigEenzaam_28, HoogRisicoOpAngstOfDepressie_25 (2012-2022) and
    # PsychischeKlachten_20 (MHI-5, 2022 only). The figure "psychische_klachten" is the high
    # risk of anxiety or depression, the measure of every year; MHI-5 is read only from a file
    # without it (the first column listed for a figure wins).
    "rivm": Cijferbron(
        naam="RIVM Gezondheidsmonitor",
        kolommen={
            "eenzaam": "eenzaamheid",
            "ernstigzeerernstigeenzaam": "ernstige_eenzaamheid",
            "hoogrisicoopangstofdepressie": "psychische_klachten",
            "psychischeklachten": "psychische_klachten",
        },
        # The RIVM tables repeat each area per age group and per margin; the figure for all
        # adults is the one shown. A "CSV met labels" holds the labels, the OData
        # TypedDataSet the keys (Leeftijd 20300, Marges MW00000).
        kiezen={
            "leeftijd": ("18 jaar of ouder", "19 jaar of ouder", "18+", "19+", "20300"),
            "marges": ("waarde", "mw00000"),
        },
    ),
}


def kolomnaam(kop: str) -> str:
    """``AantalInwoners_5`` -> ``aantalinwoners``; ``k_0Tot15Jaar_8`` -> ``k_0tot15jaar``."""
    return re.sub(r"_\d+$", "", kop.strip()).lower()


def figuren_in(bron: Cijferbron, koppen: list[str]) -> dict[int, str]:
    """Column position -> figure key for the known columns of a header; one column per figure,
    the first listed in ``bron.kolommen`` when a file holds two for the same figure."""
    positie = {kolomnaam(k): i for i, k in enumerate(koppen)}
    gekozen: dict[str, int] = {}
    for kolom, figuur in bron.kolommen.items():
        if kolom in positie and figuur not in gekozen:
            gekozen[figuur] = positie[kolom]
    return {i: figuur for figuur, i in sorted(gekozen.items(), key=lambda paar: paar[1])}
