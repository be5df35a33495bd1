"""The whole country at once: supply per area × bouwsteen and reach per buurt, in one pass.

`aanbod()` and `bereik()` answer one gemeente; a national overview (every buurt, wijk and
gemeente × the seven bouwstenen) asked gemeente by gemeente costs hundreds of query rounds.
This module gives the same cells from eight queries for the whole country (the areas, the
visible listings, their places, sectors and bouwstenen), each a plain scan. The rules are
not repeated here, they are asked of the modules that own them:

- which listings count: `Service.objects.zichtbaar_voor` (supply) and the visibilities of
  `zichtbaarheden_met_plaats_voor` (reach; a subset, so one query serves both);
- fresh: `directory.models.vers_vanaf`, the date `is_vers` compares with;
- residents: `aanbod.inwoners_per_gebied` (an area's own figure, else the sum of its parts);
- bouwstenen: the attributes with a term of `TaxonomyTerm.objects.bouwstenen()`, as
  `aanbod.bouwstenen_per_aanbod` reads them;
- reach: `bereik.naar_meters` (RD New) and the radii `straal_lopen_m` / `straal_fietsen_m`,
  as the crow flies from the buurt's centre, a listing counted once however many of its places
  lie in reach, across gemeente borders.

As in `aanbod()`, a listing belongs to every buurt one of its places lies in, and counts once
in a wijk or gemeente however many places it has there. The counting itself is done on
sparse 0/1 matrices (area × listing, listing × bouwsteen), so the country takes about as many
Python steps as there are areas, not as there are listings × areas × bouwstenen. Cells are
made into `Vak` and `Bereik` objects only when asked.
"""

from collections import Counter, namedtuple
from dataclasses import dataclass
from datetime import date

import numpy as np
from django.db.models import Case, When
from django.utils import timezone
from scipy import sparse
from scipy.spatial import cKDTree

from samenspel.areas.models import Gebied, Niveau
from samenspel.directory.models import (
    Attribute,
    Location,
    Organization,
    Sector,
    Service,
    ServiceAtLocation,
    TaxonomyTerm,
    vers_vanaf,
    zichtbaarheden_met_plaats_voor,
)
from samenspel.wijkscan.aanbod import (
    INWONERS,
    ONBEKEND,
    Vak,
    inwoners_per_gebied,
    rijen_zonder_omzetting,
)
from samenspel.wijkscan.bereik import Bereik, naar_meters, straal_fietsen_m, straal_lopen_m

# An area as the pass needs it: what `inwoners_per_gebied` and the reach read of a `Gebied`.
_Gebied = namedtuple("_Gebied", "code niveau ouder_id latitude longitude cijfers")

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


def tel_in_bereik(midden, punten, van_plaats, heeft, stralen) -> list[np.ndarray]:
    """Per centre (rows of `midden`, metres) the listings per bouwsteen within each radius.

    `punten` are the places (metres), `van_plaats` the listing of each place (row of `heeft`,
    listing × bouwsteen 0/1). A listing with several places in reach counts once. The pairs
    within the largest radius come from one dual-tree search in compiled code
    (`cKDTree.sparse_distance_matrix`, as arrays, not a Python list per centre), with their
    distances, so a smaller radius is a mask on them; each radius then becomes a sparse
    centre × listing 0/1 matrix, and its counts one sparse product.
    """
    boom_m, boom_p = cKDTree(midden), cKDTree(punten)
    paren = boom_m.sparse_distance_matrix(boom_p, max(stralen), output_type="ndarray")
    uit = []
    for straal in stralen:
        binnen = paren[paren["v"] <= straal]
        matrix = _nul_een(
            binnen["i"].astype(np.int64), van_plaats[binnen["j"]], (boom_m.n, len(heeft))
        )
        uit.append(np.asarray(matrix @ heeft))
    return uit


def land(gebruiker, vandaag: date | None = None) -> Land:
    """Supply and reach for every area of the country, as `gebruiker` may see the kaart.

    Eight queries, whatever the number of listings: the areas with their residents, the
    bouwstenen (as terms and as ids), the visible listings, the organisations' sectors, the
    places, the links of listings to places, and the listings' bouwstenen.
    """
    vandaag = vandaag or timezone.localdate()
    # Only the residents of `cijfers` are read, not every figure of every area; light rows,
    # not model instances (18,000 of those cost a tenth of the pass).
    gebieden = [
        _Gebied(c, n, o, la, lo, {INWONERS: i})
        for c, n, o, la, lo, i in Gebied.objects.values_list(
            "code", "niveau", "ouder_id", "latitude", "longitude", f"cijfers__{INWONERS}"
        )
    ]
    codes = [g.code for g in gebieden]
    rij = {c: i for i, c in enumerate(codes)}
    inwoners = inwoners_per_gebied(gebieden)
    bouwstenen = list(TaxonomyTerm.objects.bouwstenen())
    termen = [t.code for t in bouwstenen]
    kolom = {c: j for j, c in enumerate(termen)}
    n_gebieden, n_termen = len(codes), len(termen)

    # Each buurt's wijk and gemeente (as `aanbod` makes them: the buurt's parent, and the
    # gemeente the parent lies in, or the parent itself when that is the gemeente); -1: none.
    ouder = {g.code: g.ouder_id for g in gebieden}
    niveau = {g.code: g.niveau for g in gebieden}
    wijk_van = np.full(n_gebieden, -1, dtype=np.int64)
    gemeente_van = np.full(n_gebieden, -1, dtype=np.int64)
    for g in gebieden:
        wijk = g.ouder_id
        if g.niveau != Niveau.BUURT or wijk not in rij:
            continue
        wijk_van[rij[g.code]] = rij[wijk]
        gemeente = ouder.get(wijk)
        if niveau[wijk] != Niveau.GEMEENTE and gemeente in rij:
            if niveau[gemeente] == Niveau.GEMEENTE:
                gemeente_van[rij[g.code]] = rij[gemeente]

    # The listings the viewer may see, then their organisations' sectors, the links to places
    # and the places, each read as a plain scan and joined here: one query that joins them
    # makes SQLite look up four indexes per place, three times slower at national scale.
    zichtbaar = Service.objects.zichtbaar_voor(gebruiker)
    met_plaats = set(zichtbaarheden_met_plaats_voor(gebruiker))
    # Fresh or not is asked of the database (the rule's date, `vers_vanaf`), so no date is
    # parsed per listing.
    vers_sinds = vers_vanaf(vandaag)
    diensten_rijen = rijen_zonder_omzetting(
        zichtbaar.annotate(
            is_vers=Case(When(assured_date__gte=vers_sinds, then=1), default=0)
        ).values_list("pk", "is_vers", "organization_id", "zichtbaarheid")
    )
    diensten = {r[0]: i for i, r in enumerate(diensten_rijen)}
    n_diensten = len(diensten)
    sector_van_org = rijen_zonder_omzetting(Organization.objects.values_list("pk", "sector"))
    plekken = {
        r[0]: r[1:]
        for r in rijen_zonder_omzetting(
            Location.objects.values_list("pk", "buurt_id", "latitude", "longitude")
        )
    }
    koppels = [
        (diensten[s], plekken[loc])
        for s, loc in rijen_zonder_omzetting(
            ServiceAtLocation.objects.values_list("service_id", "location_id")
        )
        if s in diensten and loc in plekken
    ]
    dienst_van = np.fromiter((k[0] for k in koppels), dtype=np.int64, count=len(koppels))
    buurt_ids = [k[1][0] for k in koppels]
    lats = [k[1][1] for k in koppels]
    lons = [k[1][2] for k in koppels]
    plaats_zichtbaar = [diensten_rijen[k[0]][3] in met_plaats for k in koppels]

    # Per listing: its bouwstenen (0/1), fresh or not, and its sector. The bouwstenen are the
    # attributes with a term of `bouwstenen()`, as `aanbod.bouwstenen_per_aanbod` reads them.
    heeft = np.zeros((n_diensten, n_termen), dtype=np.int32)
    # The terms' ids as the database gives them, to match the raw rows below.
    kolom_van_term = {
        pk: kolom[code]
        for pk, code in rijen_zonder_omzetting(
            TaxonomyTerm.objects.bouwstenen().values_list("pk", "code")
        )
    }
    kenmerken = rijen_zonder_omzetting(
        Attribute.objects.filter(
            link_entity="service", taxonomy_term__in=[t.pk for t in bouwstenen]
        ).values_list("link_id", "taxonomy_term_id")
    )
    for link_id, term_id in kenmerken:
        i = diensten.get(link_id)
        if i is not None:
            heeft[i, kolom_van_term[term_id]] = 1
    sector_kolom = {s: k for k, s in enumerate(SECTOREN)}
    onbekend = sector_kolom[ONBEKEND]
    kolom_van_org = {org: sector_kolom.get(s or ONBEKEND, onbekend) for org, s in sector_van_org}
    is_vers = np.fromiter((r[1] for r in diensten_rijen), dtype=np.int32, count=n_diensten)
    sector = np.fromiter(
        (kolom_van_org.get(r[2], onbekend) for r in diensten_rijen),
        dtype=np.int64,
        count=n_diensten,
    )

    # Supply: area × listing, once per area however many places lie in it.
    buurt_van = np.fromiter(
        (rij.get(b, -1) if b else -1 for b in buurt_ids), dtype=np.int64, count=len(koppels)
    )
    heeft_buurt = buurt_van >= 0
    schakels = [buurt_van[heeft_buurt]]
    schakels += [wijk_van[schakels[0]], gemeente_van[schakels[0]]]
    gebied_idx = np.concatenate(schakels)
    dienst_idx = np.tile(dienst_van[heeft_buurt], 3)
    bekend = gebied_idx >= 0
    in_gebied = _nul_een(gebied_idx[bekend], dienst_idx[bekend], (n_gebieden, n_diensten))
    aantal = np.asarray(in_gebied @ heeft)
    vers = np.asarray(in_gebied @ (heeft * is_vers[:, None]))
    sectoren = np.stack(
        [np.asarray(in_gebied @ (heeft * (sector == k)[:, None])) for k in range(len(SECTOREN))],
        axis=-1,
    )

    # Reach: buurt centre × places of the listings whose places may be shown.
    lopen = np.zeros((n_gebieden, n_termen), dtype=np.int64)
    fietsen = np.zeros_like(lopen)
    plaats = np.fromiter(
        (
            z and la is not None and lo is not None
            for z, la, lo in zip(plaats_zichtbaar, lats, lons, strict=True)
        ),
        dtype=bool,
        count=len(koppels),
    )
    buurten = [
        g for g in gebieden if g.niveau == Niveau.BUURT and None not in (g.latitude, g.longitude)
    ]
    if plaats.any() and buurten:
        welke = np.flatnonzero(plaats).tolist()
        punten = naar_meters([lats[k] for k in welke], [lons[k] for k in welke])
        midden = naar_meters([b.latitude for b in buurten], [b.longitude for b in buurten])
        buurt_rij = np.fromiter((rij[b.code] for b in buurten), dtype=np.int64, count=len(buurten))
        lopen[buurt_rij], fietsen[buurt_rij] = tel_in_bereik(
            midden, punten, dienst_van[plaats], heeft, (straal_lopen_m(), straal_fietsen_m())
        )

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
