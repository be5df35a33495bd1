"""The web as a picture: positions from python-igraph's layout, shapes for the SVG template.

Formal and informal parties differ in colour *and* shape (a square and a hatched circle), and
a fragile bridge is a dashed line with a label, so the picture reads the same in black-and-
white print, as the network plates of a joint reading are (issue 11, item 8). The template
``network/beeld_svg.html`` writes the SVG from what ``teken`` returns.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from samenspel.directory.models import Sector

# Beyond this many nodes a picture is a hairball: the page shows the table and the exports.
MAX_KNOPEN = 300
BREED, HOOG, MARGE = 1200, 800, 90

# Dark enough for 3:1 against white (WCAG 1.4.11) and distinct in grey print.
KLEUR = {Sector.FORMEEL: "#1d4f91", Sector.INFORMEEL: "#a8430b"}
KLEUR_ANDERS = "#5b3f8c"
KLEUR_KWETSBAAR = "#b00020"


@dataclass
class Vorm:
    soort: str  # rect, circle, polygon
    x: float
    y: float
    label: str
    titel: str
    kleur: str
    vulling: str
    r: float = 0
    punten: str = ""
    tekst_y: float = 0
    klein: bool = False

    @property
    def links(self) -> float:
        return round(self.x - self.r, 1)

    @property
    def boven(self) -> float:
        return round(self.y - self.r, 1)


@dataclass
class Lijn:
    x1: float
    y1: float
    x2: float
    y2: float
    soort: str
    kwetsbaar: bool
    titel: str
    mx: float = 0
    my: float = 0


@dataclass
class Tekening:
    breed: int
    hoog: int
    vormen: list[Vorm] = field(default_factory=list)
    lijnen: list[Lijn] = field(default_factory=list)


def _posities(graaf) -> list[tuple[float, float]]:
    """Kamada–Kawai from a circle: deterministic, so the same web gives the same picture."""
    if graaf.vcount() == 1:
        return [(0.0, 0.0)]
    begin = graaf.layout_circle().coords
    return graaf.layout_kamada_kawai(seed=begin, maxiter=50 * graaf.vcount()).coords


def teken(gw) -> Tekening | None:
    """The picture of an area's web, or None when it is empty or too large to read."""
    graaf = gw.web.graaf
    n = graaf.vcount()
    if n == 0 or n > MAX_KNOPEN:
        return None
    punten = _posities(graaf)
    xs, ys = [p[0] for p in punten], [p[1] for p in punten]
    breedte = (max(xs) - min(xs)) or 1
    hoogte = (max(ys) - min(ys)) or 1
    schaal = min((BREED - 2 * MARGE) / breedte, (HOOG - 2 * MARGE) / hoogte)
    dx = (BREED - schaal * breedte) / 2
    dy = (HOOG - schaal * hoogte) / 2
    plek = [
        (round(dx + (x - min(xs)) * schaal, 1), round(dy + (y - min(ys)) * schaal, 1))
        for x, y in punten
    ]
    uit = Tekening(BREED, HOOG)
    knopen = gw.knopen
    for rand in gw.randen:
        a, b = int(rand.bron[1:]), int(rand.doel[1:])
        (x1, y1), (x2, y2) = plek[a], plek[b]
        uit.lijnen.append(
            Lijn(
                x1,
                y1,
                x2,
                y2,
                rand.soort,
                rand.kwetsbaar,
                f"{knopen[a].label} – {knopen[b].label}"
                + (f" ({rand.soorten})" if rand.soorten else ""),
                round((x1 + x2) / 2, 1),
                round((y1 + y2) / 2, 1),
            )
        )
    # Fragile bridges last, so they lie on top of the other lines.
    uit.lijnen.sort(key=lambda lijn: (lijn.kwetsbaar, lijn.soort != "lid"))
    for knoop, (x, y) in zip(knopen, plek, strict=True):
        uit.vormen.append(_vorm(knoop, x, y))
    return uit


def _vorm(knoop, x: float, y: float) -> Vorm:
    kleur = KLEUR.get(knoop.sector, KLEUR_ANDERS)
    titel = knoop.label if knoop.soort == "org" else f"{knoop.label} ({knoop.organisatie})"
    if knoop.soort == "org":
        if knoop.sector == Sector.FORMEEL:
            return Vorm("rect", x, y, knoop.label, titel, kleur, kleur, r=14, tekst_y=y + 32)
        if knoop.sector == Sector.INFORMEEL:
            return Vorm(
                "circle", x, y, knoop.label, titel, kleur, "url(#arcering)", r=16, tekst_y=y + 34
            )
        ruit = f"{x},{y - 18} {x + 18},{y} {x},{y + 18} {x - 18},{y}"
        return Vorm(
            "polygon", x, y, knoop.label, titel, kleur, "#ffffff", punten=ruit, tekst_y=y + 34
        )
    if knoop.soort == "vrijwilligers":
        driehoek = f"{x},{y - 9} {x + 9},{y + 7} {x - 9},{y + 7}"
        return Vorm(
            "polygon", x, y, knoop.label, titel, kleur, "#ffffff", punten=driehoek,
            tekst_y=y + 22, klein=True,
        )  # fmt: skip
    return Vorm(
        "circle", x, y, knoop.label, titel, "#222222", "#ffffff", r=6, tekst_y=y - 11, klein=True
    )
