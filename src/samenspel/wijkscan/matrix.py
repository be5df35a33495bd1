"""The matrix of a gemeente: its areas (buurten grouped per wijk) × the seven bouwstenen.

Seed 003 asks per wijk or buurt whether each bouwsteen is "in voldoende mate aanwezig"
(l.843–857) and wants support within walking distance or ten minutes by bike (l.436–448).
A cell puts the figures of `aanbod`, `bereik` and `verwijzingen` together, and says in words
what its colour says: a colour alone carries no meaning (WCAG 1.4.1), so the matrix reads the
same on a screen reader, on paper and without a style sheet.

The bouwsteen "vroegsignalering" also counts the neighbourhood signals residents and partners
sent in the last year (issue "signalen": themes per wijk feed this bouwsteen): a signal says
that people in the buurt notice and pass on, which no listing on the kaart says.

The whole gemeente takes a fixed number of queries, whatever its number of listings or areas:
those of `aanbod` (4), `bereik` (2), `verwijzingen` (5) and one for the signals.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from samenspel.areas.models import Gebied, Niveau
from samenspel.signals import buurtsignalen
from samenspel.wijkscan.aanbod import aanbod
from samenspel.wijkscan.bereik import bereik
from samenspel.wijkscan.models.oordeel import Niveau as OordeelNiveau
from samenspel.wijkscan.oordelen import laatste_oordelen
from samenspel.wijkscan.verwachting import Vlag, verwachtingen
from samenspel.wijkscan.verwijzingen import verwijzingen

# The levels of a cell, from none to plenty; the template colours them (`cel--<niveau>`).
GEEN = "geen"
BEREIK = "bereik"  # nothing in the area itself, but within reach on foot or by bike
WEINIG = "weinig"
GENOEG = "genoeg"
NIVEAUS = [GEEN, BEREIK, WEINIG, GENOEG]
# From this many listings a cell shows the darkest colour. A plain step, not a norm: whether
# the supply is "voldoende" is the judgement of the partners (`Cel.oordeel`), not of a count.
VEEL_VANAF = 3
# The neighbourhood signals of this many days back count in a cell of "vroegsignalering".
SIGNALEN_DAGEN = 365

NIVEAU_UITLEG = {
    GEEN: gettext_lazy("geen aanbod, ook niet in de buurt"),
    BEREIK: gettext_lazy("geen aanbod in het gebied zelf, wel op loop- of fietsafstand"),
    WEINIG: gettext_lazy("1 of 2 keer aanbod"),
    GENOEG: gettext_lazy("3 keer aanbod of meer"),
}

# The words of a flag and of a judgement: the rule of `verwachting.Vlag` and of the
# judgement scale (`models.oordeel.Niveau`), not a second list here.
VLAGGEN = {v.value: v.label for v in Vlag if v.value}
OORDELEN = dict(OordeelNiveau.choices)


def _getal(waarde, decimalen=0) -> str:
    return number_format(round(waarde, decimalen), decimalen, use_l10n=True, force_grouping=True)


@dataclass
class Cel:
    """One area × one bouwsteen: the figures, a level for the colour, and the same in words."""

    gebied: str
    bouwsteen: str
    bouwsteen_naam: str = ""
    aantal: int = 0
    per_1000_inwoners: float | None = None
    # Only for buurten: listings within reach of the buurt's centre (None for wijk, gemeente).
    lopen: int | None = None
    fietsen: int | None = None
    aandeel_vers: float | None = None
    formeel: int = 0
    informeel: int = 0
    hybride: int = 0
    sector_onbekend: int = 0
    # Only where there were enough referrals (`verwijzingen`), else None.
    aangenomen_procent: int | None = None
    reageert_binnen_dagen: int | None = None
    # Filled by other parts of the scan: the expectation flag and the partners' judgement.
    vlag: str = ""
    oordeel: str = ""
    # Only for the bouwsteen "vroegsignalering": neighbourhood signals in the last year.
    buurtsignalen: int | None = None

    @property
    def niveau(self) -> str:
        if self.aantal >= VEEL_VANAF:
            return GENOEG
        if self.aantal:
            return WEINIG
        if self.lopen or self.fietsen:
            return BEREIK
        return GEEN

    @property
    def tekst(self) -> str:
        """The cell in a few words, as it reads in the table and the narrow list."""
        if self.aantal:
            return ngettext("%(n)s aanbod", "%(n)s aanbod", self.aantal) % {"n": self.aantal}
        if self.lopen:
            return _("geen, wel %(n)s op loopafstand") % {"n": self.lopen}
        if self.fietsen:
            return _("alleen op fietsafstand (%(n)s)") % {"n": self.fietsen}
        return _("geen")

    @property
    def details(self) -> list[str]:
        """The other figures in words, only those that are known."""
        regels = []
        if self.per_1000_inwoners is not None:
            regels.append(_("%(n)s per 1.000 inwoners") % {"n": _getal(self.per_1000_inwoners, 1)})
        if self.lopen is not None and self.aantal:
            regels.append(
                _("%(lopen)s op loopafstand, %(fietsen)s op fietsafstand")
                % {"lopen": self.lopen, "fietsen": self.fietsen or 0}
            )
        if self.aandeel_vers is not None:
            regels.append(_("%(n)s%% actueel") % {"n": _getal(100 * self.aandeel_vers)})
        if self.aantal:
            regels.append(self.mix)
        if self.aangenomen_procent is not None:
            regels.append(
                _("%(n)s%% van de verwijzingen aangenomen") % {"n": self.aangenomen_procent}
            )
        if self.reageert_binnen_dagen is not None:
            regels.append(
                ngettext(
                    "reageert meestal binnen %(n)s dag",
                    "reageert meestal binnen %(n)s dagen",
                    self.reageert_binnen_dagen,
                )
                % {"n": self.reageert_binnen_dagen}
            )
        if self.buurtsignalen is not None:
            regels.append(self.signalen_tekst)
        return regels

    @property
    def signalen_tekst(self) -> str:
        if not self.buurtsignalen:
            return _("geen buurtsignalen in het laatste jaar")
        getoond = buurtsignalen.toon_telling(self.buurtsignalen)
        if getoond is None:
            return _("minder dan 3 buurtsignalen in het laatste jaar")
        return ngettext(
            "%(n)s buurtsignaal in het laatste jaar",
            "%(n)s buurtsignalen in het laatste jaar",
            getoond,
        ) % {"n": getoond}

    @property
    def mix(self) -> str:
        delen = [
            _("%(n)s formeel") % {"n": self.formeel},
            _("%(n)s informeel") % {"n": self.informeel},
        ]
        if self.hybride:
            delen.append(_("%(n)s beide") % {"n": self.hybride})
        if self.sector_onbekend:
            delen.append(_("%(n)s onbekend") % {"n": self.sector_onbekend})
        return ", ".join(delen)

    @property
    def vlag_tekst(self) -> str:
        return str(VLAGGEN.get(self.vlag, ""))

    @property
    def oordeel_tekst(self) -> str:
        return str(OORDELEN.get(self.oordeel, ""))


@dataclass
class Rij:
    """One area with its cells in the order of the bouwstenen."""

    gebied: Gebied
    cellen: list[Cel]

    @property
    def is_buurt(self) -> bool:
        return self.gebied.niveau == Niveau.BUURT


@dataclass
class Groep:
    """A wijk's row followed by the rows of its buurten."""

    wijk: Rij
    buurten: list[Rij] = field(default_factory=list)


@dataclass
class Matrix:
    gemeente: Gebied
    bouwstenen: list  # TaxonomyTerm rows
    totaal: Rij  # the gemeente's own row
    groepen: list[Groep]
    gemaakt_op: date

    def rijen(self):
        """All rows in reading order: the gemeente, then each wijk with its buurten."""
        yield self.totaal
        for groep in self.groepen:
            yield groep.wijk
            yield from groep.buurten

    def cel(self, gebied_code: str, bouwsteen_code: str) -> Cel:
        for rij in self.rijen():
            if rij.gebied.code == gebied_code:
                for cel in rij.cellen:
                    if cel.bouwsteen == bouwsteen_code:
                        return cel
        raise KeyError((gebied_code, bouwsteen_code))

    def alleen_wijk(self, wijk_code: str) -> "Matrix":
        """The same matrix with one wijk (and the gemeente's row to compare with)."""
        groepen = [g for g in self.groepen if g.wijk.gebied.code == wijk_code]
        return Matrix(self.gemeente, self.bouwstenen, self.totaal, groepen, self.gemaakt_op)


def matrix(
    gemeente: Gebied, gebruiker, vandaag: date | None = None, wijk: str | None = None
) -> Matrix:
    """The matrix of `gemeente` as `gebruiker` may see the kaart.

    With `wijk` (a wijk's code), only that wijk with its buurten and the gemeente's row, the
    same as `matrix(...).alleen_wijk(wijk)`: reach is then computed for its buurten only, so a
    wijk's page does not pay for the places near every buurt of a large gemeente.
    """
    vandaag = vandaag or timezone.localdate()
    scan = aanbod(gemeente, gebruiker, vandaag)
    buurten = [
        g
        for g in scan.gebieden
        if g.niveau == Niveau.BUURT and (wijk is None or g.ouder_id == wijk)
    ]
    bereikbaar = bereik(buurten, gebruiker)
    verwezen = verwijzingen(gemeente, scan.gebieden)
    # Flags per wijk and buurt (on a wijk's page only its own); the partners' judgement per
    # wijk, shown on its buurten too (partners judge their wijk, seed 003 l.843–857 "wijk-,
    # buurt- of gebiedsniveau").
    alleen = None if wijk is None else {wijk, *(b.code for b in buurten)}
    vlaggen = verwachtingen(gemeente, scan, alleen=alleen)
    oordelen = laatste_oordelen(gemeente)
    signalen = buurtsignalen.per_gebied(gemeente, vandaag - timedelta(days=SIGNALEN_DAGEN))

    def cel(gebied: Gebied, term) -> Cel:
        vak = scan.vak(gebied, term)
        nu = Cel(
            gebied=gebied.code,
            bouwsteen=term.code,
            bouwsteen_naam=term.name,
            aantal=vak.aantal,
            per_1000_inwoners=vak.per_1000_inwoners,
            aandeel_vers=vak.aandeel_vers,
            formeel=vak.formeel,
            informeel=vak.informeel,
            hybride=vak.hybride,
            sector_onbekend=vak.sector_onbekend,
        )
        if gebied.niveau == Niveau.BUURT:
            reik = bereikbaar.get((gebied.code, term.code))
            nu.lopen = reik.lopen if reik else 0
            nu.fietsen = reik.fietsen if reik else 0
        verwachting = vlaggen.get((gebied.code, term.code))
        if verwachting is not None:
            nu.vlag = verwachting.vlag
        wijk = gebied.code if gebied.niveau == Niveau.WIJK else gebied.ouder_id
        oordeel = oordelen.get((wijk, term.code)) if gebied.niveau != Niveau.GEMEENTE else None
        if oordeel is not None:
            nu.oordeel = oordeel.niveau
        cijfers = verwezen.get((gebied.code, term.code))
        if cijfers is not None:
            nu.aangenomen_procent = cijfers.aandeel_aangenomen
            nu.reageert_binnen_dagen = cijfers.reageert_binnen
        if term.code == buurtsignalen.VROEGSIGNALERING:
            nu.buurtsignalen = signalen.get(gebied.code, 0)
        return nu

    def rij(gebied: Gebied) -> Rij:
        return Rij(gebied, [cel(gebied, term) for term in scan.bouwstenen])

    per_wijk: dict[str, Groep] = {}
    for gebied in scan.gebieden:
        if gebied.niveau == Niveau.WIJK and wijk in (None, gebied.code):
            per_wijk[gebied.code] = Groep(rij(gebied))
    for gebied in scan.gebieden:
        if gebied.niveau == Niveau.BUURT and gebied.ouder_id in per_wijk:
            per_wijk[gebied.ouder_id].buurten.append(rij(gebied))
    return Matrix(
        gemeente=gemeente,
        bouwstenen=scan.bouwstenen,
        totaal=rij(gemeente),
        groepen=list(per_wijk.values()),
        gemaakt_op=vandaag,
    )
