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
from itertools import repeat
from operator import itemgetter

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


def _kolommen(queryset, breedte: int) -> list[list]:
    """The columns of a values_list queryset's raw rows (`rijen_zonder_omzetting`), each a
    list, so a column is handed to compiled code whole (`itemgetter` by `map`: four times
    faster than `zip(*rows)` at 200,000 rows)."""
    rijen = rijen_zonder_omzetting(queryset)
    return [list(map(itemgetter(k), rijen)) for k in range(breedte)]


def _posities(index: dict, sleutels, ontbreekt: int = -1) -> np.ndarray:
    """The position in `index` of every key of `sleutels`, `ontbreekt` where it is absent
    (a None key included): a dictionary lookup per key, but by `map` in compiled code."""
    return np.fromiter(
        map(index.get, sleutels, repeat(ontbreekt)), dtype=np.int64, count=len(sleutels)
    )


def tel_in_bereik(midden, punten, van_plaats, heeft, stralen) -> list[np.ndarray]:
    """Per centre (rows of `midden`, metres) the listings per bouwsteen within each radius.

    `punten` are the places (metres), `van_plaats` the listing of each place (row of `heeft`,
    listing × bouwsteen 0/1). A listing with several places in reach counts once. Two kinds
    of listing, counted two ways, both in compiled code:

    - a listing with one place (most of them) needs no care to count once: per bouwsteen, a
      KD-tree of such places answers "how many within the radius" for every centre
      (`query_ball_point(..., return_length=True)`) without listing the pairs;
    - the places of listings with several places give their pairs within the largest radius
      from one dual-tree search (`sparse_distance_matrix`, as arrays), with their distances,
      so a smaller radius is a mask; each radius becomes a sparse centre × listing 0/1 matrix
      (a listing once per centre), and its counts one sparse product.

    At national scale the second way holds 78,649 of the 174,347 places and lists 2.2 of the
    4.8 million pairs within the bike radius; the other 2.6 million are never made.
    """
    n_midden, n_termen = len(midden), heeft.shape[1]
    uit = [np.zeros((n_midden, n_termen), dtype=np.int64) for _ in stralen]
    if not len(punten) or not n_midden:
        return uit
    enkel = np.bincount(van_plaats, minlength=len(heeft))[van_plaats] == 1
    for j in range(n_termen):
        welke = enkel & (heeft[van_plaats, j] > 0)
        if welke.any():
            boom = cKDTree(punten[welke])
            for telling, straal in zip(uit, stralen, strict=True):
                telling[:, j] = boom.query_ball_point(midden, straal, return_length=True)
    meer = ~enkel
    if meer.any():
        boom_m, boom_p = cKDTree(midden), cKDTree(punten[meer])
        paren = boom_m.sparse_distance_matrix(boom_p, max(stralen), output_type="ndarray")
        van_meer = van_plaats[meer]
        for telling, straal in zip(uit, stralen, strict=True):
            binnen = paren[paren["v"] <= straal]
            matrix = _nul_een(
                binnen["i"].astype(np.int64), van_meer[binnen["j"]], (n_midden, len(heeft))
            )
            telling += np.asarray(matrix @ heeft, dtype=np.int64)
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
    # and the places, each read as a plain scan (no ORDER BY: the order is the arrays' own)
    # and joined here: one query that joins them makes SQLite look up an index per row, three
    # to seven times slower at national scale. The joins are dictionary lookups done by
    # `map` in compiled code (`_posities`), not a Python step per row: at 200,000 rows a
    # table that is most of the pass.
    zichtbaar = Service.objects.zichtbaar_voor(gebruiker).order_by()
    met_plaats = set(zichtbaarheden_met_plaats_voor(gebruiker))
    # Fresh or not is asked of the database (the rule's date, `vers_vanaf`), so no date is
    # parsed per listing.
    vers_sinds = vers_vanaf(vandaag)
    dienst_ids, is_vers, dienst_org, dienst_zicht = _kolommen(
        zichtbaar.annotate(
            is_vers=Case(When(assured_date__gte=vers_sinds, then=1), default=0)
        ).values_list("pk", "is_vers", "organization_id", "zichtbaarheid"),
        4,
    )
    diensten = dict(zip(dienst_ids, range(len(dienst_ids)), strict=True))
    n_diensten = len(diensten)
    org_ids, org_sectoren = _kolommen(
        Organization.objects.order_by().values_list("pk", "sector"), 2
    )
    plek_ids, plek_buurt, plek_lat, plek_lon = _kolommen(
        Location.objects.order_by().values_list("pk", "buurt_id", "latitude", "longitude"), 4
    )
    koppel_dienst, koppel_plek = _kolommen(
        ServiceAtLocation.objects.order_by().values_list("service_id", "location_id"), 2
    )
    dienst_van = _posities(diensten, koppel_dienst)
    plek_van = _posities(dict(zip(plek_ids, range(len(plek_ids)), strict=True)), koppel_plek)
    # The links of listings the viewer may see to places that exist, one row per link.
    bestaat = (dienst_van >= 0) & (plek_van >= 0)
    dienst_van, plek_van = dienst_van[bestaat], plek_van[bestaat]

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
    kenmerk_dienst, kenmerk_term = _kolommen(
        Attribute.objects.filter(
            link_entity="service", taxonomy_term__in=[t.pk for t in bouwstenen]
        )
        .order_by()
        .values_list("link_id", "taxonomy_term_id"),
        2,
    )
    k_dienst, k_term = _posities(diensten, kenmerk_dienst), _posities(kolom_van_term, kenmerk_term)
    bekend_kenmerk = (k_dienst >= 0) & (k_term >= 0)
    heeft[k_dienst[bekend_kenmerk], k_term[bekend_kenmerk]] = 1
    sector_kolom = {s: k for k, s in enumerate(SECTOREN)}
    onbekend = sector_kolom[ONBEKEND]
    kolom_van_org = {
        org: sector_kolom.get(s or ONBEKEND, onbekend)
        for org, s in zip(org_ids, org_sectoren, strict=True)
    }
    is_vers = np.asarray(is_vers, dtype=np.int32)
    sector = _posities(kolom_van_org, dienst_org, onbekend)

    # Supply: area × listing, once per area however many places lie in it.
    buurt_van = _posities(rij, plek_buurt)[plek_van]
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

    # Reach: buurt centre × places of the listings whose places may be shown. A missing
    # coordinate becomes NaN in a float array (numpy reads None so).
    lopen = np.zeros((n_gebieden, n_termen), dtype=np.int64)
    fietsen = np.zeros_like(lopen)
    lat = np.asarray(plek_lat, dtype=float)[plek_van]
    lon = np.asarray(plek_lon, dtype=float)[plek_van]
    toont = np.fromiter(map(met_plaats.__contains__, dienst_zicht), dtype=bool, count=n_diensten)
    plaats = toont[dienst_van] & ~np.isnan(lat) & ~np.isnan(lon)
    buurten = [
        g for g in gebieden if g.niveau == Niveau.BUURT and None not in (g.latitude, g.longitude)
    ]
    if plaats.any() and buurten:
        punten = naar_meters(lat[plaats], lon[plaats])
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
