"""Which published columns of CBS and RIVM files become which area figure.

Both CBS "Kerncijfers wijken en buurten" (StatLine tables 85618NED for 2023, 84583NED for
2019, …) and the RIVM "Gezondheidsmonitor" small-area estimates are published as CSV with
OData column names such as ``AantalInwoners_5``. The number after the last underscore is the
column's position and changes between years, so a column is matched on its name without it.

Stored in ``Gebied.cijfers`` per figure::

    {"inwoners": {"waarde": 12345, "jaar": 2023, "bron": "CBS Kerncijfers wijken en buurten"},
     "eenzaamheid": {"waarde": 48.6, "jaar": 2022, "bron": "RIVM Gezondheidsmonitor"}}

``waarde`` is None when the file marks the figure as unknown or secret ("." at CBS): empty,
never zero. Demo data adds ``"voorbeeld": True`` so pages can say they are example figures.
"""

import re
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


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

# Figure key -> label and unit, in the order pages show them.
FIGUREN = {
    "inwoners": (_("Inwoners"), ""),
    "leeftijd_0_15": (_("0 tot 15 jaar"), ""),
    "leeftijd_15_25": (_("15 tot 25 jaar"), ""),
    "leeftijd_25_45": (_("25 tot 45 jaar"), ""),
    "leeftijd_45_65": (_("45 tot 65 jaar"), ""),
    "leeftijd_65_plus": (_("65 jaar of ouder"), ""),
    "eenpersoonshuishoudens": (_("Huishoudens van één persoon"), ""),
    "lage_inkomens": (_("Huishoudens met een laag inkomen"), "%"),
    "eenzaamheid": (_("Volwassenen die zich eenzaam voelen"), "%"),
    "ernstige_eenzaamheid": (_("Volwassenen die zich ernstig eenzaam voelen"), "%"),
    "psychische_klachten": (_("Volwassenen met veel kans op angst of depressie"), "%"),
}


def kolomnaam(kop: str) -> str:
    """``AantalInwoners_5`` -> ``aantalinwoners``; ``k_0Tot15Jaar_8`` -> ``k_0tot15jaar``."""
    return re.sub(r"_\d+$", "", kop.strip()).lower()


def figuren_van(cijfers: dict) -> list[dict]:
    """The stored figures of an area as rows for a page, in a fixed order (flat ones left out)."""
    rijen = []
    for sleutel, (label, eenheid) in FIGUREN.items():
        cijfer = cijfers.get(sleutel)
        if isinstance(cijfer, dict) and "waarde" in cijfer:
            rijen.append({"sleutel": sleutel, "label": label, "eenheid": eenheid, **cijfer})
    return rijen
