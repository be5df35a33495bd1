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
    "rivm": Cijferbron(
        naam="RIVM Gezondheidsmonitor",
        kolommen={
            "eenzaam": "eenzaamheid",
            "ernstigzeerernstigeenzaam": "ernstige_eenzaamheid",
            "hoogrisicoopangstofdepressie": "psychische_klachten",
            "psychischeklachten": "psychische_klachten",
        },
        # The RIVM tables repeat each area per age group and per margin; the figure for all
        # adults is the one shown.
        kiezen={
            "leeftijd": ("18 jaar of ouder", "19 jaar of ouder", "18+", "19+"),
            "marges": ("waarde",),
        },
    ),
}


def kolomnaam(kop: str) -> str:
    """``AantalInwoners_5`` -> ``aantalinwoners``; ``k_0Tot15Jaar_8`` -> ``k_0tot15jaar``."""
    return re.sub(r"_\d+$", "", kop.strip()).lower()
