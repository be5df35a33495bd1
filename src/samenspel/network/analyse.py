"""Analysis of the web per wijk and gemeente: where the bridges are, and which are fragile.

The overview alone is "een illusie"; what helps is "voldoende bruggen" (seed 000 l.858–879),
"altijd een paar bruggen met het andere netwerk … wanneer één brug wegvalt" (000 l.893–897),
and protecting the people "op kwetsbare verbindingsposities" (002 advies 5, l.958–970).

The graph model. Persons *and* organisations are nodes:

* an organisation is tied to each of its active people (membership);
* two people are tied when they carry a tie between their organisations (``Band``; several
  kinds between the same two people are one edge);
* two organisations are tied directly when enough referrals went between them
  (``verwijsbanden``): that tie does not hang on a person;
* a coordinator who stands for volunteers gets one node for "the volunteers behind them",
  tied only to the coordinator (org → coördinator → vrijwilligers), so volunteers need not be
  named and a coordinator's departure visibly cuts them off.

Why not organisations alone: the question is which *person's* departure breaks a bridge
("vaak persoonsgebonden", 000 l.372–373; verloop, 000 l.885–888). With people as nodes, an
articulation person is exactly someone whose leaving splits the web, and an organisation with
two people on the same bridge is no longer fragile. Why not people alone: colleagues are
connected through their organisation without a recorded tie between them, and the ties from
referrals belong to organisations. The membership edges are never reported as bridges; only
ties (between people, or from referrals) are.

All graph algorithms are python-igraph's (bridges, articulation points, components,
betweenness); the choice between networkx, rustworkx and igraph is measured in
bench/RESULTS.md (``bench/web.py``).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple

import igraph as ig
from django.db.models import QuerySet

from samenspel.directory.models import Location, Organization, Sector

from . import verwijsbanden as vb
from .models import Band, Persoon, Verbinderrol

ANDERE_SECTOR = {Sector.FORMEEL: Sector.INFORMEEL, Sector.INFORMEEL: Sector.FORMEEL}


@dataclass(frozen=True)
class Org:
    id: str
    naam: str
    sector: str  # formeel, informeel, or empty when nobody said


@dataclass(frozen=True)
class Mens:
    id: str
    organisatie: str
    verbinderrol: str = ""
    vrijwilligers: int = 0


@dataclass(frozen=True)
class Knoop:
    soort: str  # "org", "persoon" or "vrijwilligers" (those behind a coordinator)
    id: str


class Brug(NamedTuple):
    """A tie whose loss splits the web: between two people, or from referrals (no people).

    A named tuple, not a frozen dataclass: the country has 200,000 of them, and a frozen
    dataclass is several times slower to make.
    """

    organisaties: tuple[str, str]
    personen: tuple[str, str] | None  # None for a tie from referrals
    soorten: tuple[str, ...]


@dataclass
class Vertrekgevolg:
    """What a person's departure would do: "wat als … vertrekt"."""

    persoon: str
    verloren_banden: list[Brug] = field(default_factory=list)
    # Parts the person's part of the web falls into, as organisation ids; one part = no split.
    delen: list[frozenset[str]] = field(default_factory=list)
    # The volunteers behind them, who would lose their only link.
    vrijwilligers_los: int = 0
    # Organisations that would have no tie to the other sector left.
    geen_sectorband_meer: list[str] = field(default_factory=list)

    @property
    def splitst(self) -> bool:
        return len(self.delen) > 1 or self.vrijwilligers_los > 0


class Web:
    """One web (a wijk, a gemeente or the country), built once and asked many questions."""

    def __init__(self, organisaties, personen, banden, verwijsbanden=None):
        self.organisaties = {o.id: o for o in organisaties}
        self.personen = {p.id: p for p in personen if p.organisatie in self.organisaties}
        self.knopen: list[Knoop] = []
        self.index: dict[Knoop, int] = {}
        randen: list[tuple[int, int]] = []
        gegevens: list[tuple] = []

        def rand(a: int, b: int, data: tuple) -> None:
            randen.append((a, b))
            gegevens.append(data)

        for o in self.organisaties:
            self._knoop(Knoop("org", o))
        for p in self.personen.values():
            ip = self._knoop(Knoop("persoon", p.id))
            rand(self.index[Knoop("org", p.organisatie)], ip, ("lid",))
            if p.vrijwilligers:
                rand(ip, self._knoop(Knoop("vrijwilligers", p.id)), ("vrijwilligers",))
        # Several kinds of tie between the same two people are one edge: a simple graph, so
        # a pair with two kinds of tie is still one bridge.
        soorten = defaultdict(set)
        for a, b, soort in banden:
            if a in self.personen and b in self.personen:
                soorten[tuple(sorted((a, b)))].add(soort)
        for (a, b), s in soorten.items():
            rand(
                self.index[Knoop("persoon", a)],
                self.index[Knoop("persoon", b)],
                ("band", tuple(sorted(s))),
            )
        for (a, b), n in (verwijsbanden or {}).items():
            if a in self.organisaties and b in self.organisaties:
                rand(self.index[Knoop("org", a)], self.index[Knoop("org", b)], ("verwijzing", n))
        self.graaf = ig.Graph(n=len(self.knopen), edges=randen)
        self.gegevens = gegevens  # per edge id, in the order the edges were added
        self.randen = randen  # likewise: igraph numbers the edges in the order given

    def _knoop(self, knoop: Knoop) -> int:
        self.index[knoop] = len(self.knopen)
        self.knopen.append(knoop)
        return self.index[knoop]

    # --- reading the graph ------------------------------------------------------------

    def _org_van(self, i: int) -> str:
        k = self.knopen[i]
        return k.id if k.soort == "org" else self.personen[k.id].organisatie

    def _sector(self, org_id: str) -> str:
        return self.organisaties[org_id].sector

    @cached_property
    def _org_per_knoop(self) -> list[str]:
        return [k.id if k.soort == "org" else self.personen[k.id].organisatie for k in self.knopen]

    @cached_property
    def _band_randen(self) -> list[int]:
        """Edge ids of the ties (between people, or from referrals), not memberships."""
        return [e for e, data in enumerate(self.gegevens) if data[0] in ("band", "verwijzing")]

    def _brug(self, e: int) -> Brug:
        a, b = self.randen[e]
        data = self.gegevens[e]
        if data[0] == "band":
            org = self._org_per_knoop
            return Brug((org[a], org[b]), (self.knopen[a].id, self.knopen[b].id), data[1])
        return Brug((self.knopen[a].id, self.knopen[b].id), None, ("verwijzen",))

    def _banden(self, randen=None):
        """Ties (not membership) as (edge id, Brug); all, or of the given edge ids.

        A tie is made into a Brug only when a question asks for it: the country's 200,000
        ties as objects cost more than the graph algorithms themselves (bench/RESULTS.md).
        """
        if randen is None:
            randen = self._band_randen
        for e in randen:
            if self.gegevens[e][0] in ("band", "verwijzing"):
                yield e, self._brug(e)

    def _over_de_sectorgrens(self, brug: Brug) -> bool:
        a, b = (self._sector(o) for o in brug.organisaties)
        return ANDERE_SECTOR.get(a) == b

    @cached_property
    def _sectorbruggen(self) -> list[Brug]:
        sector = {o.id: o.sector for o in self.organisaties.values()}
        per_knoop = [sector[o] for o in self._org_per_knoop]
        randen = self.randen
        return [
            self._brug(e)
            for e in self._band_randen
            if ANDERE_SECTOR.get(per_knoop[randen[e][0]]) == per_knoop[randen[e][1]]
        ]

    # --- the questions of issue 11, item 3 --------------------------------------------

    def sectorbruggen(self) -> list[Brug]:
        """Formal↔informal ties (an organisation without a sector takes part in none)."""
        return list(self._sectorbruggen)

    def via_een_persoon(self) -> list[str]:
        """Organisations whose every tie to the other sector is carried by one own person.

        A tie from referrals does not hang on one person, so it makes an organisation safe.
        """
        dragers: dict[str, set] = defaultdict(set)
        veilig = set()
        for brug in self.sectorbruggen():
            for kant, org in enumerate(brug.organisaties):
                if brug.personen is None:
                    veilig.add(org)
                else:
                    dragers[org].add(brug.personen[kant])
        return sorted(o for o, p in dragers.items() if len(p) == 1 and o not in veilig)

    def bruggen(self) -> list[Brug]:
        """Ties whose loss splits the web (graph bridges), not counting membership."""
        return [brug for _, brug in self._banden(sorted(self.graaf.bridges()))]

    def scharnierpersonen(self) -> list[str]:
        """People whose departure splits the web (articulation points among the people)."""
        return sorted(
            self.knopen[i].id
            for i in self.graaf.articulation_points()
            if self.knopen[i].soort == "persoon"
        )

    def makelaars(self, hoeveel: int = 10) -> list[tuple[str, float]]:
        """The people most often on the shortest way between others (betweenness)."""
        n = self.graaf.vcount()
        # Normalised as usual (0..1) so webs of different size compare.
        schaal = 2 / ((n - 1) * (n - 2)) if n > 2 else 1
        score = self.graaf.betweenness(directed=False)
        mensen = [
            (self.knopen[i].id, s * schaal)
            for i, s in enumerate(score)
            if self.knopen[i].soort == "persoon" and s > 0
        ]
        mensen.sort(key=lambda m: (-m[1], m[0]))
        return mensen[:hoeveel]

    def initiatieven_zonder_formele_band(self) -> list[str]:
        """Informal organisations with no tie at all to a formal one."""
        met_band = set()
        for brug in self.sectorbruggen():
            met_band.update(brug.organisaties)
        return sorted(
            o.id
            for o in self.organisaties.values()
            if o.sector == Sector.INFORMEEL and o.id not in met_band
        )

    def wat_als_vertrekt(self, persoon_id: str) -> Vertrekgevolg:
        """The ties lost and the parts the web falls into if this person left."""
        gevolg = Vertrekgevolg(persoon_id)
        ip = self.index[Knoop("persoon", persoon_id)]
        eigen = self.graaf.incident(ip)
        gevolg.verloren_banden = [brug for _, brug in self._banden(eigen)]
        # Without the person's edges (the node stays, alone, so the numbering holds).
        zonder = self.graaf.copy()
        zonder.delete_edges(eigen)
        delen = []
        gezien: set[int] = set()
        for buur in self.graaf.neighbors(ip):
            if buur in gezien:
                continue
            deel = zonder.subcomponent(buur)
            gezien.update(deel)
            knopen = [self.knopen[i] for i in deel]
            orgs = frozenset(k.id for k in knopen if k.soort == "org")
            if orgs:
                delen.append(orgs)
            elif any(k.soort == "vrijwilligers" for k in knopen):
                gevolg.vrijwilligers_los = self.personen[persoon_id].vrijwilligers
        gevolg.delen = sorted(delen, key=lambda d: (-len(d), sorted(d)))
        voor = self._met_sectorband(self.sectorbruggen())
        na = self._met_sectorband(
            b for b in self.sectorbruggen() if b not in gevolg.verloren_banden
        )
        gevolg.geen_sectorband_meer = sorted(voor - na)
        return gevolg

    def banden(self) -> list[Brug]:
        """Every tie of the web (person pairs and ties from referrals), not membership."""
        return [brug for _, brug in self._banden()]

    def verbonden_paren(self) -> set[frozenset[str]]:
        """Pairs of organisations with a tie between them (person pair or referrals)."""
        return {frozenset(brug.organisaties) for _, brug in self._banden()}

    @staticmethod
    def _met_sectorband(bruggen) -> set[str]:
        return {o for b in bruggen for o in b.organisaties}


# --- building a web from the database -------------------------------------------------


def organisaties_in(gebied) -> list[str]:
    """The organisations of a gemeente (their own field) or of a wijk (a location there)."""
    if gebied.niveau == "gemeente":
        return [
            str(i)
            for i in Organization.objects.filter(gemeente=gebied).values_list("id", flat=True)
        ]
    ids = Location.objects.filter(buurt__ouder=gebied, organization__isnull=False).values_list(
        "organization_id", flat=True
    )
    return sorted({str(i) for i in ids})


def laad(organisatie_ids) -> Web:
    """The web of these organisations as it is today: active people, live ties.

    A queryset of ids stays a subquery, so even the whole country loads on SQLite, whose
    statements take at most 32,766 parameters.
    """
    ids = organisatie_ids if isinstance(organisatie_ids, QuerySet) else list(organisatie_ids)
    # Only the columns the graph needs, unordered: the country's 170,000 rows as model
    # instances cost seconds.
    organisaties = [
        Org(str(pk), naam, sector)
        for pk, naam, sector in Organization.objects.filter(pk__in=ids)
        .order_by()
        .values_list("pk", "name", "sector")
    ]
    personen = [
        Mens(str(pk), str(org), rol, vrijwilligers)
        for pk, org, rol, vrijwilligers in Persoon.objects.actief()
        .filter(organisatie__in=ids)
        .order_by()
        .values_list("pk", "organisatie_id", "verbinderrol", "vrijwilligers")
    ]
    banden = [
        (str(a), str(b), s)
        for a, b, s in Band.objects.actief()
        .filter(van__organisatie__in=ids, naar__organisatie__in=ids)
        .values_list("van_id", "naar_id", "soort")
    ]
    verwijs = {(str(a), str(b)): n for (a, b), n in vb.verwijsbanden(ids).items()}
    return Web(organisaties, personen, banden, verwijs)


def vacante_verbinderrollen(wijk) -> list[str]:
    """Connector roles nobody active holds in this wijk."""
    bezet = set(
        Persoon.objects.actief()
        .filter(wijk=wijk)
        .exclude(verbinderrol="")
        .values_list("verbinderrol", flat=True)
    )
    return [rol for rol in Verbinderrol.values if rol not in bezet]
