"""The meldroute: who to call about a worry, at once, for each signaller and urgency.

The matrix is seed 003 l.1974–1997 ("Persoon zelf / Burger / Vrijwilliger / Professional" ×
"Niet acute melding – geen spoed / Acute melding (crisis) – spoed"). Each of its 8 cells is a
list of steps, in the order they are shown. A step is one of:

- a national number, built in (``LANDELIJK``): 112, the Landelijk Meldnummer niet-acuut
  0800-1205 (seed 003 l.1962–1966), Veilig Thuis and 113 Zelfmoordpreventie;
- a kind of regional route (``Regionaal``) that a beheerder sets per gemeente
  (``models.RegionaleRoute``); where the gemeente has not set it, its national fallback
  shows instead, with a line saying so;
- the signaller's own care (``EIGEN_HULP``): the huisarts, POH-GGZ or own hulpverlener,
  whom only the person knows.

Nothing here is stored: the page is computed from the gemeente's routes on every visit.
"""

from dataclasses import dataclass, field

from django.db import models
from django.utils.translation import gettext_lazy as _


class Wie(models.TextChoices):
    """Who worries (the columns of the matrix)."""

    ZELF = "zelf", _("Ik maak me zorgen om mezelf")
    BURGER = "burger", _("Ik ben een buur of bewoner")
    VRIJWILLIGER = "vrijwilliger", _("Ik ben vrijwilliger")
    PROFESSIONAL = "professional", _("Ik ben professional")


KORT = {
    Wie.ZELF: _("De persoon zelf"),
    Wie.BURGER: _("Buur of bewoner"),
    Wie.VRIJWILLIGER: _("Vrijwilliger"),
    Wie.PROFESSIONAL: _("Professional"),
}

ACUUT = "acuut"
NIET_ACUUT = "niet-acuut"
URGENTIES = (NIET_ACUUT, ACUUT)
URGENTIE_NAAM = {ACUUT: _("Acuut: er is nu gevaar"), NIET_ACUUT: _("Niet acuut: geen spoed")}


class Regionaal(models.TextChoices):
    """The kinds of route a gemeente sets itself."""

    MELDPUNT = "meldpunt", _("Meldpunt zorg en overlast")
    CRISISDIENST = "crisisdienst", _("Regionale crisisdienst")
    HUISARTSENPOST = "huisartsenpost", _("Huisartsenpost")
    SPOEDEISENDE_HULP = "spoedeisende_hulp", _("Spoedeisende hulp")
    WIJKTEAM = "wijkteam", _("Sociaal wijkteam")


@dataclass(frozen=True)
class Nummer:
    """A national number: what to dial, how to write it, and when to call it (B1)."""

    sleutel: str
    naam: str
    nummer: str
    bellen: str  # the digits behind tel:
    wanneer: str
    open: str
    website: str = ""


LANDELIJK = {
    n.sleutel: n
    for n in [
        Nummer(
            "112",
            _("Alarmnummer 112"),
            "112",
            "112",
            _(
                "Is er nu gevaar voor iemands leven of gezondheid? Of gebeurt er iets ernstigs? "
                "Bel 112. Vraag om politie of ambulance."
            ),
            _("Altijd bereikbaar, dag en nacht."),
        ),
        Nummer(
            "0800-1205",
            _("Meldpunt Zorgwekkend Gedrag"),
            "0800-1205",
            "08001205",
            _(
                "Maak je je zorgen om iemand die verward of vreemd doet, maar is er geen spoed? "
                "Bel dit gratis nummer. Je wordt doorverbonden met het meldpunt in je regio."
            ),
            _("Gratis. Open op werkdagen; buiten die tijden hoor je wat je kunt doen."),
            "https://www.meldpuntzorgwekkendgedrag.nl",
        ),
        Nummer(
            "0800-2000",
            _("Veilig Thuis"),
            "0800-2000",
            "08002000",
            _(
                "Denk je dat iemand thuis wordt geslagen, bedreigd of verwaarloosd? Een kind, "
                "een oudere of een volwassene? Bel Veilig Thuis voor advies of een melding."
            ),
            _("Gratis en altijd bereikbaar, dag en nacht."),
            "https://veiligthuis.nl",
        ),
        Nummer(
            "113",
            _("113 Zelfmoordpreventie"),
            "0800-0113",
            "08000113",
            _(
                "Denk je aan zelfmoord, of maak je je daar zorgen over bij iemand anders? "
                "Praat erover met 113. Ook via chat op 113.nl."
            ),
            _("Gratis en altijd bereikbaar, dag en nacht."),
            "https://www.113.nl",
        ),
    ]
}

# Where a gemeente has not set a route of this kind, this national number stands in.
TERUGVAL = {
    Regionaal.MELDPUNT: "0800-1205",
    Regionaal.WIJKTEAM: "0800-1205",
    Regionaal.CRISISDIENST: "112",
    Regionaal.SPOEDEISENDE_HULP: "112",
    Regionaal.HUISARTSENPOST: "112",
}

WAT_DOET = {
    Regionaal.MELDPUNT: _(
        "Voor zorgen om iemand die verward doet, zichzelf verwaarloost of overlast geeft. "
        "Je hoeft niet zeker te weten wat er aan de hand is."
    ),
    Regionaal.CRISISDIENST: _(
        "Voor een psychische crisis: iemand is in de war, dreigt zichzelf of anderen iets "
        "aan te doen, of is onbereikbaar in de war."
    ),
    Regionaal.HUISARTSENPOST: _(
        "Kan het niet wachten tot je eigen huisarts weer open is? Bel de huisartsenpost. "
        "Zij zeggen of je moet komen en wie je helpt."
    ),
    Regionaal.SPOEDEISENDE_HULP: _(
        "De spoedeisende hulp van het ziekenhuis. Ga er alleen heen na overleg met de "
        "huisarts of huisartsenpost, of met de ambulance via 112."
    ),
    Regionaal.WIJKTEAM: _(
        "Het sociaal wijkteam kijkt met de bewoner wat nodig is en kent de hulp in de wijk. "
        "Overleg met het team voordat je een melding doet."
    ),
}

EIGEN_HULP = "eigen_hulp"
EIGEN_HULP_TEKST = _(
    "Bel je eigen huisarts of de POH-GGZ van de huisartsenpraktijk. Heb je al een hulpverlener? "
    "Bel of mail die. Zij kennen jou en weten wat past."
)


@dataclass(frozen=True)
class Cel:
    """One cell of the matrix: the steps in the order they are shown."""

    wie: str
    urgentie: str
    stappen: tuple[str, ...]
    seed: str  # the cell's text in seed 003 l.1974–1997

    @property
    def is_acuut(self) -> bool:
        return self.urgentie == ACUUT


def _n(sleutel: str) -> str:
    return f"landelijk:{sleutel}"


def _r(soort: str) -> str:
    return f"regionaal:{soort}"


MATRIX: dict[tuple[str, str], Cel] = {
    (c.wie, c.urgentie): c
    for c in [
        Cel(Wie.ZELF, NIET_ACUUT, (EIGEN_HULP, _n("113")), "Huisarts, POH-GGZ, eigen hulpverlener"),
        Cel(
            Wie.ZELF,
            ACUUT,
            (
                _r(Regionaal.HUISARTSENPOST),
                _r(Regionaal.SPOEDEISENDE_HULP),
                _n("112"),
                _n("113"),
            ),
            "Huisartsenpost, spoedeisende hulp",
        ),
        Cel(
            Wie.BURGER,
            NIET_ACUUT,
            (_r(Regionaal.MELDPUNT), _n("0800-1205"), _n("0800-2000")),
            "Regionaal of landelijk meldnummer",
        ),
        Cel(
            Wie.BURGER,
            ACUUT,
            (_r(Regionaal.CRISISDIENST), _n("112")),
            "Regionale crisisdienst of 112",
        ),
        Cel(
            Wie.VRIJWILLIGER,
            NIET_ACUUT,
            (_r(Regionaal.MELDPUNT), _n("0800-1205"), _n("0800-2000")),
            "Regionaal of landelijk meldnummer",
        ),
        Cel(
            Wie.VRIJWILLIGER,
            ACUUT,
            (_r(Regionaal.CRISISDIENST), _n("112")),
            "Regionale crisisdienst of 112",
        ),
        Cel(
            Wie.PROFESSIONAL,
            NIET_ACUUT,
            (_r(Regionaal.WIJKTEAM), _r(Regionaal.MELDPUNT), _n("0800-1205"), _n("0800-2000")),
            "Sociaal (wijk)team, regionaal of landelijk meldnummer",
        ),
        Cel(
            Wie.PROFESSIONAL,
            ACUUT,
            (_r(Regionaal.CRISISDIENST), _n("112")),
            "Regionale crisisdienst of 112",
        ),
    ]
}


def cel(wie: str, urgentie: str) -> Cel | None:
    return MATRIX.get((wie, urgentie))


@dataclass
class Blok:
    """One thing to show on a route page: a regional kind with its routes, a national number,
    or the own-care advice. ``niet_ingevuld`` says the gemeente left this kind empty."""

    soort: str  # "regionaal", "landelijk" or "eigen_hulp"
    titel: str = ""
    uitleg: str = ""
    routes: list = field(default_factory=list)
    nummer: Nummer | None = None
    niet_ingevuld: bool = False


def blokken(c: Cel, routes_per_soort: dict[str, list]) -> list[Blok]:
    """The cell's steps resolved for one gemeente; a national number shows only once."""
    uit: list[Blok] = []
    getoond: set[str] = set()

    def landelijk(sleutel: str, **extra) -> None:
        if sleutel in getoond:
            return
        getoond.add(sleutel)
        n = LANDELIJK[sleutel]
        uit.append(Blok("landelijk", titel=n.naam, uitleg=n.wanneer, nummer=n, **extra))

    for stap in c.stappen:
        if stap == EIGEN_HULP:
            uit.append(
                Blok(
                    EIGEN_HULP,
                    titel=_("Je eigen huisarts of hulpverlener"),
                    uitleg=EIGEN_HULP_TEKST,
                )
            )
            continue
        bron, sleutel = stap.split(":", 1)
        if bron == "landelijk":
            landelijk(sleutel)
            continue
        eigen = routes_per_soort.get(sleutel, [])
        soort = Regionaal(sleutel)
        uit.append(
            Blok(
                "regionaal",
                titel=soort.label,
                uitleg=WAT_DOET[soort],
                routes=eigen,
                niet_ingevuld=not eigen,
            )
        )
        if not eigen:
            landelijk(TERUGVAL[soort])
    return uit
