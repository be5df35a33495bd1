"""Area figures (demand): the figures an area can hold, and how ``Gebied.cijfers`` stores them.

One entry per figure, each with its own year and source, because CBS and RIVM publish in
different years::

    {"inwoners": {"waarde": 12345, "jaar": 2023, "bron": "CBS Kerncijfers wijken en buurten"},
     "eenzaamheid": {"waarde": 48.6, "jaar": 2022, "bron": "RIVM Gezondheidsmonitor"}}

``waarde`` is None when the source marks the figure unknown or secret ("." at CBS): empty,
never zero. Made-up demo figures carry ``"voorbeeld": True`` so pages say they are examples.
Filled by ``samenspel importeer cijfers`` (`samenspel.hsds.importeren.cijferbronnen`). Older
imports without a source stored plain values under the CSV's own column names; pages skip
those, they have no year or source to show.
"""

from django.utils.translation import gettext_lazy as _

# Figure key -> label and unit, in the order pages show them.
FIGUREN = {
    "inwoners": (_("Inwoners"), ""),
    "leeftijd_0_15": (_("Inwoners van 0 tot 15 jaar"), ""),
    "leeftijd_15_25": (_("Inwoners van 15 tot 25 jaar"), ""),
    "leeftijd_25_45": (_("Inwoners van 25 tot 45 jaar"), ""),
    "leeftijd_45_65": (_("Inwoners van 45 tot 65 jaar"), ""),
    "leeftijd_65_plus": (_("Inwoners van 65 jaar of ouder"), ""),
    "eenpersoonshuishoudens": (_("Huishoudens van één persoon"), ""),
    "lage_inkomens": (_("Huishoudens met een laag inkomen"), "%"),
    "eenzaamheid": (_("Volwassenen die zich eenzaam voelen"), "%"),
    "ernstige_eenzaamheid": (_("Volwassenen die zich erg eenzaam voelen"), "%"),
    "psychische_klachten": (_("Volwassenen met grote kans op angst of depressie"), "%"),
}


def figuren_van(cijfers: dict) -> list[dict]:
    """The stored figures of an area as rows for a page, in a fixed order."""
    rijen = []
    for sleutel, (label, eenheid) in FIGUREN.items():
        cijfer = (cijfers or {}).get(sleutel)
        if isinstance(cijfer, dict) and "waarde" in cijfer:
            rijen.append(
                {
                    "sleutel": sleutel,
                    "label": label,
                    "eenheid": eenheid,
                    "waarde": cijfer["waarde"],
                    "jaar": cijfer.get("jaar"),
                    "bron": cijfer.get("bron", ""),
                    "voorbeeld": bool(cijfer.get("voorbeeld")),
                }
            )
    return rijen


def voor_pagina(gebied) -> dict:
    """What the include ``areas/includes/cijfers.html`` needs for one area."""
    figuren = figuren_van(gebied.cijfers)
    return {"gebied": gebied, "figuren": figuren, "voorbeeld": any(f["voorbeeld"] for f in figuren)}


def waarde(gebied, sleutel: str):
    """The number stored for one figure of an area, or None when unknown.

    Reads the stored entry (``{"waarde": …}``) and also a plain number, as older imports
    stored them; a yes/no or text is not a figure.
    """
    cijfer = (gebied.cijfers or {}).get(sleutel) if gebied is not None else None
    if isinstance(cijfer, dict):
        cijfer = cijfer.get("waarde")
    if isinstance(cijfer, bool) or not isinstance(cijfer, int | float):
        return None
    return cijfer
