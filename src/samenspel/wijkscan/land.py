"""The whole country at once: supply per area × bouwsteen and reach per buurt, in one pass.

`aanbod()` and `bereik()` answer one gemeente; a national overview (every buurt, wijk and
gemeente × the seven bouwstenen) asked gemeente by gemeente costs hundreds of query rounds.
This module gives the same cells from three queries for the whole country: the areas, the
listings' places (with their buurt, coordinates, confirmation date, sector and visibility),
and their bouwstenen. The rules are not repeated here, they are asked of the modules that
own them:

- which listings count: `Service.objects.zichtbaar_voor` (supply) and the visibilities of
  `zichtbaarheden_met_plaats_voor` (reach; a subset, so one query serves both);
- fresh: `directory.models.vers_vanaf`, the date `is_vers` compares with;
- residents: `aanbod.inwoners_per_gebied` (an area's own figure, else the sum of its parts);
- bouwstenen: `aanbod.bouwstenen_per_aanbod`;
- reach: `bereik.naar_meters` (RD New) and the radii `straal_lopen_m` / `straal_fietsen_m`,
  as the crow flies from the buurt's centre, a listing counted once however many of its places
  lie in reach, across gemeente borders.

As in `aanbod()`, a listing belongs to every buurt one of its places lies in, and counts once
in a wijk or gemeente however many places it has there. The counting itself is done on
sparse 0/1 matrices (area × listing, listing × bouwsteen), so the country takes about as many
Python steps as there are areas, not as there are listings × areas × bouwstenen. Cells are
made into `Vak` and `Bereik` objects only when asked.
"""

from collections import Counter
from dataclasses import dataclass
from datetime import date

import numpy as np
from django.utils import timezone
from scipy import sparse
from scipy.spatial import cKDTree

from samenspel.areas.models import Gebied, Niveau
from samenspel.directory.models import (
    Sector,
    Service,
    ServiceAtLocation,
    TaxonomyTerm,
    vers_vanaf,
    zichtbaarheden_met_plaats_voor,
)
from samenspel.wijkscan.aanbod import ONBEKEND, Vak, bouwstenen_per_aanbod, inwoners_per_gebied
from samenspel.wijkscan.bereik import Bereik, naar_meters, straal_fietsen_m, straal_lopen_m

# The sectors a cell counts, in the order of the columns of `Land.sectoren`.
SECTOREN = (Sector.FORMEEL, Sector.INFORMEEL, Sector.HYBRIDE, ONBEKEND)


@dataclass
class Land:
    """Every area of the country × the bouwstenen, as arrays (rows: `codes`, columns: `termen`).

    `aantal`, `vers` and `sectoren` (the last axis in the order of `SECTOREN`) count listings
    per area; `lopen` and `fietsen` count listings in reach per buurt (rows of other levels
    stay 0). Ask a cell with `vak` and `bereik`, which give what `aanbod()` and `bereik()` give.
    """

    codes: list[str]
    niveaus: list[str]
    termen: list[str]
    aantal: np.ndarray
    vers: np.ndarray
    sectoren: np.ndarray
    lopen: np.ndarray
    fietsen: np.ndarray
    inwoners: dict
    bouwstenen: list[TaxonomyTerm]

    def __post_init__(self):
        self._rij = {c: i for i, c in enumerate(self.codes)}
        self._kolom = {c: j for j, c in enumerate(self.termen)}

    def _plek(self, gebied, bouwsteen):
        code = gebied if isinstance(gebied, str) else gebied.code
        term = bouwsteen if isinstance(bouwsteen, str) else bouwsteen.code
        return code, self._rij.get(code), self._kolom.get(term)

    def vak(self, gebied: Gebied | str, bouwsteen: TaxonomyTerm | str) -> Vak:
        """The supply cell, equal to `aanbod(gemeente).vak(gebied, bouwsteen)`."""
        code, i, j = self._plek(gebied, bouwsteen)
        if i is None or j is None or not self.aantal[i, j]:
            return Vak(inwoners=self.inwoners.get(code))
        sectoren = Counter(
            {s: int(n) for s, n in zip(SECTOREN, self.sectoren[i, j], strict=True) if n}
        )
        return Vak(
            aantal=int(self.aantal[i, j]),
            vers=int(self.vers[i, j]),
            sectoren=sectoren,
            inwoners=self.inwoners.get(code),
        )

    def bereik(self, buurt: Gebied | str, bouwsteen: TaxonomyTerm | str) -> Bereik | None:
        """The reach cell, equal to `bereik(buurten)[(buurt, bouwsteen)]`; None where absent."""
        _, i, j = self._plek(buurt, bouwsteen)
        if i is None or j is None or not (self.lopen[i, j] or self.fietsen[i, j]):
            return None
        return Bereik(lopen=int(self.lopen[i, j]), fietsen=int(self.fietsen[i, j]))

    def buurten(self) -> list[str]:
        return [c for c, n in zip(self.codes, self.niveaus, strict=True) if n == Niveau.BUURT]


def _nul_een(rijen: np.ndarray, kolommen: np.ndarray, vorm) -> sparse.csr_matrix:
    """A 0/1 matrix with a 1 wherever a (row, column) pair occurs, however often."""
    m = sparse.csr_matrix((np.ones(len(rijen), dtype=np.int32), (rijen, kolommen)), shape=vorm)
    m.sum_duplicates()
    m.data[:] = 1
    return m


def tel_in_bereik(midden, punten, van_plaats, heeft, straal: float) -> np.ndarray:
    """Per centre (rows of `midden`, metres) the listings per bouwsteen within `straal`.

    `punten` are the places (metres), `van_plaats` the listing of each place (row of `heeft`,
    listing × bouwsteen 0/1). A listing with several places in reach counts once. `midden`
    and `punten` may be given as `cKDTree`s of them, to build each tree once for both radii.
    The pairs within reach come from one dual-tree search in compiled code (`cKDTree.
    sparse_distance_matrix`, as arrays, not as a Python list per centre); they become a sparse
    centre × listing 0/1 matrix, so the counting is one sparse product.
    """
    boom_m = midden if isinstance(midden, cKDTree) else cKDTree(midden)
    boom_p = punten if isinstance(punten, cKDTree) else cKDTree(punten)
    paren = boom_m.sparse_distance_matrix(boom_p, straal, output_type="ndarray")
    binnen = _nul_een(paren["i"].astype(np.int64), van_plaats[paren["j"]], (boom_m.n, len(heeft)))
    return np.asarray(binnen @ heeft)


def land(gebruiker, vandaag: date | None = None) -> Land:
    """Supply and reach for every area of the country, as `gebruiker` may see the kaart.

    Three queries (the areas, the places of the visible listings, their bouwstenen) and the
    list of bouwstenen.
    """
    vandaag = vandaag or timezone.localdate()
    gebieden = list(
        Gebied.objects.only("code", "niveau", "ouder_id", "latitude", "longitude", "cijfers")
    )
    codes = [g.code for g in gebieden]
    rij = {c: i for i, c in enumerate(codes)}
    inwoners = inwoners_per_gebied(gebieden)
    bouwstenen = list(TaxonomyTerm.objects.bouwstenen())
    termen = [t.code for t in bouwstenen]
    kolom = {c: j for j, c in enumerate(termen)}
    n_gebieden, n_termen = len(codes), len(termen)

    # Each buurt's wijk and gemeente (as `aanbod` makes them: the buurt's parent, and the
    # gemeente the parent lies in, or the parent itself when that is the gemeente).
    ouder = {g.code: g.ouder_id for g in gebieden}
    niveau = {g.code: g.niveau for g in gebieden}
    keten: dict[int, tuple[int, ...]] = {}
    for g in gebieden:
        if g.niveau != Niveau.BUURT:
            continue
        schakels = [rij[g.code]]
        wijk = g.ouder_id
        if wijk in rij:
            schakels.append(rij[wijk])
            gemeente = wijk if niveau[wijk] == Niveau.GEMEENTE else ouder.get(wijk)
            if gemeente in rij and niveau[gemeente] == Niveau.GEMEENTE and gemeente != wijk:
                schakels.append(rij[gemeente])
        keten[rij[g.code]] = tuple(schakels)

    zichtbaar = Service.objects.zichtbaar_voor(gebruiker)
    met_plaats = set(zichtbaarheden_met_plaats_voor(gebruiker))
    rijen = list(
        ServiceAtLocation.objects.filter(service__in=zichtbaar.values("pk")).values_list(
            "service_id",
            "location__buurt_id",
            "location__latitude",
            "location__longitude",
            "service__assured_date",
            "service__organization__sector",
            "service__zichtbaarheid",
        )
    )
    diensten: dict = {}
    for r in rijen:
        diensten.setdefault(r[0], len(diensten))
    n_diensten = len(diensten)

    # Per listing: its bouwstenen (0/1), fresh or not, and its sector.
    heeft = np.zeros((n_diensten, n_termen), dtype=np.int32)
    for dienst, cs in bouwstenen_per_aanbod(zichtbaar).items():
        i = diensten.get(dienst)
        if i is not None:
            for c in cs:
                if c in kolom:
                    heeft[i, kolom[c]] = 1
    grens = vers_vanaf(vandaag)
    is_vers = np.zeros(n_diensten, dtype=np.int32)
    sector = np.full(n_diensten, SECTOREN.index(ONBEKEND), dtype=np.int64)
    sector_kolom = {s: k for k, s in enumerate(SECTOREN)}
    for service_id, _, _, _, bevestigd, soort, _ in rijen:
        i = diensten[service_id]
        is_vers[i] = bevestigd is not None and bevestigd >= grens
        sector[i] = sector_kolom.get(soort or ONBEKEND, sector_kolom[ONBEKEND])

    # Supply: area × listing, once per area however many places lie in it.
    gebied_idx, dienst_idx = [], []
    for r in rijen:
        b = rij.get(r[1]) if r[1] else None
        if b is None:
            continue
        i = diensten[r[0]]
        for a in keten.get(b, (b,)):
            gebied_idx.append(a)
            dienst_idx.append(i)
    in_gebied = _nul_een(
        np.asarray(gebied_idx, dtype=np.int64),
        np.asarray(dienst_idx, dtype=np.int64),
        (n_gebieden, n_diensten),
    )
    aantal = np.asarray(in_gebied @ heeft)
    vers = np.asarray(in_gebied @ (heeft * is_vers[:, None]))
    sectoren = np.stack(
        [np.asarray(in_gebied @ (heeft * (sector == k)[:, None])) for k in range(len(SECTOREN))],
        axis=-1,
    )

    # Reach: buurt centre × places of the listings whose places may be shown.
    lopen = np.zeros((n_gebieden, n_termen), dtype=np.int64)
    fietsen = np.zeros_like(lopen)
    plaatsen = [r for r in rijen if r[6] in met_plaats and r[2] is not None and r[3] is not None]
    buurten = [
        g for g in gebieden if g.niveau == Niveau.BUURT and None not in (g.latitude, g.longitude)
    ]
    if plaatsen and buurten:
        van_plaats = np.fromiter(
            (diensten[p[0]] for p in plaatsen), dtype=np.int64, count=len(plaatsen)
        )
        punten = naar_meters([p[2] for p in plaatsen], [p[3] for p in plaatsen])
        midden = naar_meters([b.latitude for b in buurten], [b.longitude for b in buurten])
        buurt_rij = np.fromiter((rij[b.code] for b in buurten), dtype=np.int64, count=len(buurten))
        boom_m, boom_p = cKDTree(midden), cKDTree(punten)
        for doel, straal in ((lopen, straal_lopen_m()), (fietsen, straal_fietsen_m())):
            doel[buurt_rij] = tel_in_bereik(boom_m, boom_p, van_plaats, heeft, straal)

    return Land(
        codes=codes,
        niveaus=[g.niveau for g in gebieden],
        termen=termen,
        aantal=aantal,
        vers=vers,
        sectoren=sectoren,
        lopen=lopen,
        fietsen=fietsen,
        inwoners=inwoners,
        bouwstenen=bouwstenen,
    )
