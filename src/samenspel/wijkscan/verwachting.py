"""Expected versus present supply per area × bouwsteen, and draagkracht and draaglast per buurt.

Seed 003 shows how Zwolle laid the number of people with a psychische aandoening (estimated
by the WoonZorgwijzer) next to the specialist begeleiding in each wijk, with arrows for
"meer begeleiding dan verwacht" and "minder begeleiding dan verwacht" (l.1216–1245). This
module does the same for every bouwsteen, with one formula a user can read and change.

The formula, per area (wijk or buurt) and bouwsteen::

    verwacht = basis × inwoners(area) / 1,000 × index

- ``basis``: the gemeente's own listings of that bouwsteen per 1,000 residents. The gemeente
  is its own yardstick: a formula compares its areas with each other, never with a national
  norm the project does not have.
- ``index``: how much need the area has compared with the gemeente, from the area figures::

      index = Σ wᵢ · (figuurᵢ(area) / figuurᵢ(gemeente)) / Σ wᵢ

  over the figures both the area and the gemeente have (and the gemeente's is above zero).
  1.0 means "like the gemeente average", 1.5 "half as much need again". Figures that are
  counts (residents of an age, one-person households) are first divided by the area's
  residents, so a large buurt does not count twice. A gemeente (or wijk) without a figure of
  its own gets the residents-weighted mean of its buurten.

A flag is raised when present lies outside ``verwacht ± marge`` (default 25 %, a setting per
gemeente). Exactly on the edge is no flag. No flag either when the expectation is under one
listing (`KLEINSTE_VERWACHTING`: with less than one expected, "none" and "one" are both
normal) or when figures are missing ("te weinig cijfers"). The sum of the expectations of
the buurten need not be the gemeente's number: one listing may serve several buurten.

Draagkracht and draaglast (seed 003, l.4212–4223: "voldoende balans tussen draagkracht en
draaglast"; l.4759–4794: Gooise Meren leaves out "twee wijken waar al veel problematiek
voorkomt" when placing housing) are two scores composed from the same figures with a signed
weight each::

    score = 100 × Σ wᵢ · (figuurᵢ(buurt) / figuurᵢ(gemeente) − 1) / Σ |wᵢ|

0 means like the gemeente, +20 means 20 % more of what the score measures. The balance is
draagkracht − draaglast. Both are relative to the gemeente and say nothing on their own.
"""

from dataclasses import dataclass, field

from django.db import models
from django.utils.translation import gettext_lazy as _

from samenspel.areas import cijfers
from samenspel.areas.models import Niveau

from .aanbod import INWONERS, Aanbod

# Expected fewer than this many listings: too few to call anything "minder" or "meer".
KLEINSTE_VERWACHTING = 1.0
STANDAARD_MARGE = 25  # percent

# Figures that are counts of people or households; divided by the residents before comparing.
AANTALLEN = {
    "leeftijd_0_15",
    "leeftijd_15_25",
    "leeftijd_25_45",
    "leeftijd_45_65",
    "leeftijd_65_plus",
    "eenpersoonshuishoudens",
}
# The figures a formula may use: all area figures except the residents themselves.
BRUIKBAAR = [k for k in cijfers.FIGUREN if k != INWONERS]

# The default weights per bouwsteen, and why (seed 003 line numbers).
STANDAARD: dict[str, dict[str, float]] = {
    # Zwolle's example laid psychische aandoeningen next to begeleiding (l.1216–1245);
    # poverty and debts come with the need for begeleiding (l.3150).
    "zorg-en-begeleiding": {"psychische_klachten": 2, "lage_inkomens": 1},
    # Signals come from neighbours visiting people "die mogelijk eenzaam zijn" (l.2021–2040);
    # who lives alone has nobody at home to notice.
    "vroegsignalering": {"psychische_klachten": 1, "eenzaamheid": 1, "eenpersoonshuishoudens": 1},
    # Prevention for people with isolation, poverty or debts (l.3150) and for young people
    # ("Depressiepreventie onder jongeren", l.3220–3237).
    "preventie": {"psychische_klachten": 1, "lage_inkomens": 1, "leeftijd_15_25": 1},
    # Care in the evening, night and weekend (l.815–816) matters most for people with
    # psychische klachten who live alone.
    "24-uurszorg": {"psychische_klachten": 2, "eenpersoonshuishoudens": 1},
    # Work brings income and contacts (l.4023), and people with a psychische kwetsbaarheid
    # run the largest risk of losing work and of poverty (l.3683).
    "zinvolle-daginvulling": {"psychische_klachten": 1, "lage_inkomens": 1},
    # Loneliness is very high among people with long psychische problems (l.4405–4422);
    # living alone and old age add to it.
    "sociale-contacten-en-ontmoeting": {
        "eenzaamheid": 2,
        "eenpersoonshuishoudens": 1,
        "leeftijd_65_plus": 1,
    },
    # Ervaringsdeskundigen support people with a psychische kwetsbaarheid (l.834–839).
    "ervaringsdeskundigheid": {"psychische_klachten": 1},
}
# For a bouwsteen without a default of its own (a gemeente may add one).
STANDAARD_OVERIG = {"psychische_klachten": 1}

# Draagkracht and draaglast by default. The figures hold no koopwoningen (l.4776–4779), so
# low incomes stand in for them, with a minus sign in draagkracht.
STANDAARD_DRAAG: dict[str, dict[str, float]] = {
    "draagkracht": {"lage_inkomens": -1, "eenzaamheid": -1, "leeftijd_25_45": 0.5},
    "draaglast": {"psychische_klachten": 1, "ernstige_eenzaamheid": 1, "lage_inkomens": 1},
}


class Vlag(models.TextChoices):
    GEEN = "", _("geen signaal")
    MINDER = "minder", _("minder dan verwacht")
    MEER = "meer", _("meer dan verwacht")


class Reden(models.TextChoices):
    """Why an area has no flag, when it has none."""

    BINNEN_MARGE = "binnen", _("binnen de marge")
    TE_WEINIG_CIJFERS = "cijfers", _("te weinig cijfers")
    TE_KLEIN = "klein", _("verwachting te klein om iets te zeggen")


@dataclass
class Deel:
    """One figure in a formula: its weight, its value in the area and in the gemeente."""

    sleutel: str
    gewicht: float
    gebied: float | None
    gemeente: float | None

    @property
    def label(self):
        return cijfers.FIGUREN[self.sleutel][0]

    @property
    def verhouding(self) -> float | None:
        if self.gebied is None or not self.gemeente:
            return None
        return self.gebied / self.gemeente


@dataclass
class Verwachting:
    verwacht: float | None
    aanwezig: int
    vlag: str
    index: float | None
    reden: str = ""
    inwoners: float | None = None
    basis: float | None = None
    marge: int = STANDAARD_MARGE
    delen: list[Deel] = field(default_factory=list)

    @property
    def ondergrens(self) -> float | None:
        return None if self.verwacht is None else self.verwacht * (1 - self.marge / 100)

    @property
    def bovengrens(self) -> float | None:
        return None if self.verwacht is None else self.verwacht * (1 + self.marge / 100)

    @property
    def vlag_label(self):
        return Vlag(self.vlag).label

    @property
    def reden_label(self):
        return Reden(self.reden).label if self.reden else ""


def gewichten_van(gemeente) -> dict[str, dict[str, float]]:
    """The gemeente's weights per bouwsteen code: its own where it changed them, else defaults."""
    from .models import Verwachtingsformule

    eigen = dict(
        Verwachtingsformule.objects.filter(gemeente=gemeente).values_list(
            "bouwsteen__code", "gewichten"
        )
    )
    return {**STANDAARD, **eigen}


def standaard_voor(bouwsteen_code: str) -> dict[str, float]:
    return STANDAARD.get(bouwsteen_code, STANDAARD_OVERIG)


def marge_van(gemeente) -> int:
    from .models import Verwachtingsinstelling

    rij = Verwachtingsinstelling.objects.filter(gemeente=gemeente).first()
    return rij.marge if rij else STANDAARD_MARGE


class Tarieven:
    """Each figure per area as a comparable rate: percentages as stored, counts per resident.

    An area without a figure of its own gets the residents-weighted mean of its buurten.
    """

    def __init__(self, gebieden, inwoners: dict):
        self.per_code = {g.code: g for g in gebieden}
        self.inwoners = inwoners
        self.buurten_van: dict[str, list] = {}
        for g in gebieden:
            if g.niveau == Niveau.BUURT:
                wijk = self.per_code.get(g.ouder_id)
                self.buurten_van.setdefault(g.ouder_id, []).append(g)
                if wijk is not None and wijk.ouder_id:
                    self.buurten_van.setdefault(wijk.ouder_id, []).append(g)
        self._cache: dict = {}

    def eigen(self, gebied, sleutel: str) -> float | None:
        waarde = cijfers.waarde(gebied, sleutel)
        if waarde is None:
            return None
        if sleutel in AANTALLEN:
            inwoners = self.inwoners.get(gebied.code)
            if not inwoners or inwoners <= 0:
                return None
            return waarde / inwoners
        return float(waarde)

    def van(self, code: str, sleutel: str) -> float | None:
        if (code, sleutel) in self._cache:
            return self._cache[(code, sleutel)]
        uitkomst = self.eigen(self.per_code[code], sleutel)
        if uitkomst is None and self.buurten_van.get(code):
            som = gewicht = 0.0
            for buurt in self.buurten_van[code]:
                tarief, inwoners = self.eigen(buurt, sleutel), self.inwoners.get(buurt.code)
                if tarief is not None and inwoners and inwoners > 0:
                    som += tarief * inwoners
                    gewicht += inwoners
            uitkomst = som / gewicht if gewicht else None
        self._cache[(code, sleutel)] = uitkomst
        return uitkomst


def behoefte(tarieven: Tarieven, code: str, gemeente_code: str, gewichten: dict):
    """(index, parts): the weighted mean of area/gemeente over the figures both have."""
    delen, teller, noemer = [], 0.0, 0.0
    for sleutel, gewicht in gewichten.items():
        if sleutel not in cijfers.FIGUREN:
            continue
        deel = Deel(
            sleutel, gewicht, tarieven.van(code, sleutel), tarieven.van(gemeente_code, sleutel)
        )
        delen.append(deel)
        if deel.verhouding is not None and gewicht:
            teller += gewicht * deel.verhouding
            noemer += gewicht
    return (teller / noemer if noemer else None), delen


def beoordeel(verwacht: float | None, aanwezig: int, marge: int) -> tuple[str, str]:
    """(vlag, reden): outside expected ± marge % is a flag; exactly on the edge is none."""
    if verwacht is None:
        return Vlag.GEEN, Reden.TE_WEINIG_CIJFERS
    if verwacht < KLEINSTE_VERWACHTING:
        return Vlag.GEEN, Reden.TE_KLEIN
    if aanwezig < verwacht * (1 - marge / 100):
        return Vlag.MINDER, ""
    if aanwezig > verwacht * (1 + marge / 100):
        return Vlag.MEER, ""
    return Vlag.GEEN, Reden.BINNEN_MARGE


def verwachtingen(
    gemeente,
    scan: Aanbod,
    gewichten: dict | None = None,
    marge: int | None = None,
    alleen: set[str] | None = None,
) -> dict[tuple[str, str], Verwachting]:
    """Expected and present per (area code, bouwsteen code), for every wijk and buurt, or
    only those whose code is in `alleen` (one wijk's page: the same numbers, fewer areas).

    Two queries (the gemeente's weights and margin) when not given; none per area.
    """
    gewichten = gewichten_van(gemeente) if gewichten is None else gewichten
    marge = marge_van(gemeente) if marge is None else marge
    tarieven = Tarieven(scan.gebieden, scan.inwoners)
    inwoners_gemeente = scan.inwoners.get(gemeente.code)
    uitkomst = {}
    for bouwsteen in scan.bouwstenen:
        formule = gewichten.get(bouwsteen.code) or standaard_voor(bouwsteen.code)
        totaal = scan.vak(gemeente.code, bouwsteen.code).aantal
        basis = (
            1000 * totaal / inwoners_gemeente
            if inwoners_gemeente and inwoners_gemeente > 0
            else None
        )
        for gebied in scan.gebieden:
            if gebied.niveau not in (Niveau.WIJK, Niveau.BUURT):
                continue
            if alleen is not None and gebied.code not in alleen:
                continue
            index, delen = behoefte(tarieven, gebied.code, gemeente.code, formule)
            inwoners = scan.inwoners.get(gebied.code)
            verwacht = None
            if basis is not None and index is not None and inwoners and inwoners > 0:
                verwacht = basis * inwoners / 1000 * index
            aanwezig = scan.vak(gebied.code, bouwsteen.code).aantal
            vlag, reden = beoordeel(verwacht, aanwezig, marge)
            uitkomst[(gebied.code, bouwsteen.code)] = Verwachting(
                verwacht=verwacht,
                aanwezig=aanwezig,
                vlag=vlag,
                index=index,
                reden=reden,
                inwoners=inwoners,
                basis=basis,
                marge=marge,
                delen=delen,
            )
    return uitkomst


# Draagkracht and draaglast


@dataclass
class Draag:
    """The two scores of one buurt, relative to the gemeente (0 = like the gemeente)."""

    buurt: object
    draagkracht: float | None
    draaglast: float | None
    delen: dict = field(default_factory=dict)

    @property
    def balans(self) -> float | None:
        if self.draagkracht is None or self.draaglast is None:
            return None
        return self.draagkracht - self.draaglast


def draaggewichten_van(gemeente) -> dict[str, dict[str, float]]:
    from .models import Draagformule

    eigen = dict(Draagformule.objects.filter(gemeente=gemeente).values_list("soort", "gewichten"))
    return {**STANDAARD_DRAAG, **eigen}


def score(tarieven: Tarieven, code: str, gemeente_code: str, gewichten: dict):
    """(score, parts): 100 × Σ w·(area/gemeente − 1) / Σ|w| over the figures both have."""
    delen, teller, noemer = [], 0.0, 0.0
    for sleutel, gewicht in gewichten.items():
        if sleutel not in cijfers.FIGUREN:
            continue
        deel = Deel(
            sleutel, gewicht, tarieven.van(code, sleutel), tarieven.van(gemeente_code, sleutel)
        )
        delen.append(deel)
        if deel.verhouding is not None and gewicht:
            teller += gewicht * (deel.verhouding - 1)
            noemer += abs(gewicht)
    return (100 * teller / noemer if noemer else None), delen


def draag(gemeente, scan: Aanbod, gewichten: dict | None = None) -> list[Draag]:
    """Both scores per buurt, the most room (highest balance) first, unknown balances last."""
    gewichten = draaggewichten_van(gemeente) if gewichten is None else gewichten
    tarieven = Tarieven(scan.gebieden, scan.inwoners)
    rijen = []
    for buurt in scan.gebieden:
        if buurt.niveau != Niveau.BUURT:
            continue
        kracht, kracht_delen = score(tarieven, buurt.code, gemeente.code, gewichten["draagkracht"])
        last, last_delen = score(tarieven, buurt.code, gemeente.code, gewichten["draaglast"])
        rijen.append(
            Draag(buurt, kracht, last, {"draagkracht": kracht_delen, "draaglast": last_delen})
        )
    rijen.sort(key=lambda r: (r.balans is None, -(r.balans or 0), r.buurt.naam))
    return rijen
