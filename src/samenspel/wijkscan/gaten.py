"""The gaps of a gemeente per area × bouwsteen: where the network could act.

Seed 003 asks per wijk or buurt whether the bouwstenen are "in voldoende mate aanwezig"
(l.843–857); Gooise Meren found "in twee buurten waar veel psychische problematiek voorkomt,
geen steunpunten" (l.4759–4794). A gap here is a fact from the kaart, not yet a judgement:

- ``geen_aanbod``: a wijk or buurt has no listing of the bouwsteen at all
  (`aanbod.aanbod`, the viewer's own view of the kaart);
- ``niet_op_loopafstand``: no listing of the bouwsteen lies within walking reach of a buurt's
  centre (`bereik.bereik`), also not across a buurt or gemeente border. Only buurten with a
  known centre can be measured.

Each source is a small function ``(Scan) -> Iterable[Gat]`` in ``BRONNEN``; a new kind of gap
(a "minder dan verwacht" flag, a judgement "afwezig" or "onvoldoende") is one more function
and one more entry in ``SOORTEN``.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property

from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from samenspel.areas.models import Gebied, Niveau
from samenspel.directory.models import TaxonomyTerm
from samenspel.wijkscan.aanbod import Aanbod, aanbod
from samenspel.wijkscan.bereik import Bereik, bereik
from samenspel.wijkscan.models.oordeel import Niveau as OordeelNiveau
from samenspel.wijkscan.oordelen import laatste_oordelen
from samenspel.wijkscan.verwachting import Vlag, verwachtingen

GEEN_AANBOD = "geen_aanbod"
NIET_OP_LOOPAFSTAND = "niet_op_loopafstand"
MINDER_DAN_VERWACHT = "minder_dan_verwacht"
OORDEEL_ZWAK = "oordeel_zwak"

# Kind of gap -> how it is named on screen.
SOORTEN: dict[str, str] = {
    GEEN_AANBOD: _("geen aanbod"),
    NIET_OP_LOOPAFSTAND: _("niets op loopafstand"),
    MINDER_DAN_VERWACHT: _("minder dan verwacht"),
    OORDEEL_ZWAK: _("partners oordelen afwezig of onvoldoende"),
}


def soortnaam(soort: str) -> str:
    return str(SOORTEN.get(soort, soort))


@dataclass(frozen=True)
class Gat:
    """One gap: an area lacks something of one bouwsteen; ``uitleg`` says what, in words."""

    gebied: Gebied
    bouwsteen: TaxonomyTerm
    soort: str
    uitleg: str

    @property
    def sleutel(self) -> tuple[str, str, str]:
        return (self.gebied.code, self.bouwsteen.code, self.soort)

    @property
    def soortnaam(self) -> str:
        return soortnaam(self.soort)


@dataclass
class Scan:
    """What the sources read, computed once per list: the supply and, on demand, reach."""

    gemeente: Gebied
    gebruiker: object
    aanbod: Aanbod
    extra: dict = field(default_factory=dict)

    @property
    def wijken_en_buurten(self) -> list[Gebied]:
        return [g for g in self.aanbod.gebieden if g.niveau in (Niveau.WIJK, Niveau.BUURT)]

    @property
    def buurten(self) -> list[Gebied]:
        return [g for g in self.aanbod.gebieden if g.niveau == Niveau.BUURT]

    @cached_property
    def verwachtingen(self):
        return verwachtingen(self.gemeente, self.aanbod)

    @cached_property
    def bereik(self) -> dict[tuple[str, str], Bereik]:
        return bereik(self.buurten, self.gebruiker)


def geen_aanbod(scan: Scan) -> Iterable[Gat]:
    for gebied in scan.wijken_en_buurten:
        for bouwsteen in scan.aanbod.bouwstenen:
            if scan.aanbod.vak(gebied, bouwsteen).aantal == 0:
                if gebied.niveau == Niveau.WIJK:
                    uitleg = _("Er staat geen aanbod van deze bouwsteen in de hele wijk.")
                else:
                    uitleg = _("Er staat geen aanbod van deze bouwsteen in de buurt.")
                yield Gat(gebied, bouwsteen, GEEN_AANBOD, str(uitleg))


def niet_op_loopafstand(scan: Scan) -> Iterable[Gat]:
    from samenspel.wijkscan.bereik import straal_lopen_m

    meters = round(straal_lopen_m())
    for buurt in scan.buurten:
        if buurt.latitude is None or buurt.longitude is None:
            continue
        for bouwsteen in scan.aanbod.bouwstenen:
            vak = scan.bereik.get((buurt.code, bouwsteen.code))
            if vak is None or vak.lopen == 0:
                uitleg = _(
                    "Geen aanbod van deze bouwsteen binnen %(meters)s meter (hemelsbreed) van "
                    "het midden van de buurt: niet op loopafstand."
                ) % {"meters": meters}
                yield Gat(buurt, bouwsteen, NIET_OP_LOOPAFSTAND, str(uitleg))


def minder_dan_verwacht(scan: Scan) -> Iterable[Gat]:
    """A "minder dan verwacht" flag of the gemeente's formula (`verwachting`)."""
    per_code = {g.code: g for g in scan.wijken_en_buurten}
    for bouwsteen in scan.aanbod.bouwstenen:
        for code, gebied in per_code.items():
            verwachting = scan.verwachtingen.get((code, bouwsteen.code))
            if verwachting is not None and verwachting.vlag == Vlag.MINDER:
                uitleg = _(
                    "Minder dan verwacht: %(aanwezig)s aanbod, verwacht ongeveer %(verwacht)s."
                ) % {"aanwezig": verwachting.aanwezig, "verwacht": round(verwachting.verwacht, 1)}
                yield Gat(gebied, bouwsteen, MINDER_DAN_VERWACHT, str(uitleg))


def oordeel_zwak(scan: Scan) -> Iterable[Gat]:
    """The latest closed round of a wijk judged the bouwsteen afwezig or onvoldoende."""
    oordelen = laatste_oordelen(scan.gemeente)
    for wijk in (g for g in scan.wijken_en_buurten if g.niveau == Niveau.WIJK):
        for bouwsteen in scan.aanbod.bouwstenen:
            oordeel = oordelen.get((wijk.code, bouwsteen.code))
            if oordeel is not None and oordeel.niveau in ("afwezig", "onvoldoende"):
                uitleg = _(
                    "Partners in de wijk oordeelden op %(datum)s: %(niveau)s "
                    "(%(aantal)s antwoorden)."
                ) % {
                    "datum": date_format(oordeel.gesloten_op, "j F Y"),
                    "niveau": OordeelNiveau(oordeel.niveau).label,
                    "aantal": oordeel.aantal,
                }
                yield Gat(wijk, bouwsteen, OORDEEL_ZWAK, str(uitleg))


BRONNEN: list[Callable[[Scan], Iterable[Gat]]] = [
    geen_aanbod,
    niet_op_loopafstand,
    minder_dan_verwacht,
    oordeel_zwak,
]


def gaten(gemeente: Gebied, gebruiker) -> list[Gat]:
    """Every gap of the gemeente's wijken and buurten, as this user sees the kaart.

    Ordered as the areas of the supply (wijk, then its buurten, by name), then by bouwsteen,
    then by the order of the sources.
    """
    scan = Scan(gemeente=gemeente, gebruiker=gebruiker, aanbod=aanbod(gemeente, gebruiker))
    alle = [gat for bron in BRONNEN for gat in bron(scan)]
    plek = {g.code: i for i, g in enumerate(_wijk_dan_buurten(scan.aanbod.gebieden))}
    term = {b.code: i for i, b in enumerate(scan.aanbod.bouwstenen)}
    bron = {naam: i for i, naam in enumerate(SOORTEN)}
    return sorted(
        alle,
        key=lambda g: (
            plek.get(g.gebied.code, 0),
            term.get(g.bouwsteen.code, 0),
            bron.get(g.soort, len(bron)),
        ),
    )


def _wijk_dan_buurten(gebieden: list[Gebied]) -> list[Gebied]:
    """Each wijk followed by its buurten, wijken by name."""
    uitkomst = []
    for wijk in (g for g in gebieden if g.niveau == Niveau.WIJK):
        uitkomst.append(wijk)
        uitkomst.extend(g for g in gebieden if g.ouder_id == wijk.code)
    uitkomst.extend(g for g in gebieden if g not in uitkomst)
    return uitkomst
