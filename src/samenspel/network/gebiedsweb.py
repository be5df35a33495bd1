"""One area's web as a user may see it: the analysis, the picture, the table and the exports.

The page, the print view, the SVG and the GraphML/GEXF exports all read this one object, so
they show the same facts. The naming rule lives here, once (``persoonslabel``): partners of the
gemeente see a person as everywhere else in the product (the name after consent, else the
role, as ``Persoon.zichtbaar_als``); anyone else who may see the web, a gemeente-analist, sees
its shape with roles only (issue 11, items 1 and 9).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from samenspel.areas.models import Gebied, Niveau
from samenspel.directory.models import Organization, Sector, TaxonomyTerm

from . import analyse, ontmoeten, toegang
from .models import Bandsoort, Persoon, Verbinderrol

# How many brokers the page names.
MAKELAARS = 10


def persoonslabel(persoon: Persoon, namen: bool) -> str:
    """How a person is shown in the web: the name only to partners and only after consent."""
    if namen and persoon.ingestemd:
        return persoon.naam
    return persoon.rol


@dataclass(frozen=True)
class Kant:
    organisatie: Organization
    persoon: str  # the label of the person carrying the tie, empty for a tie from referrals
    persoon_id: str


@dataclass(frozen=True)
class Bandrij:
    """One tie as the table and the picture show it."""

    een: Kant
    ander: Kant
    soorten: str
    over_de_grens: bool  # formal ↔ informal
    kwetsbaar: bool  # its loss splits the web


@dataclass(frozen=True)
class Knoopgegevens:
    id: str
    soort: str  # org, persoon, vrijwilligers
    label: str
    sector: str  # of the node's organisation
    organisatie: str  # name of the node's organisation


@dataclass(frozen=True)
class Randgegevens:
    bron: str
    doel: str
    soort: str  # lid, band, verwijzing, vrijwilligers
    soorten: str
    kwetsbaar: bool


def _sector_label(sector: str) -> str:
    return str(Sector(sector).label) if sector in Sector.values else _("onbekend")


class Gebiedsweb:
    def __init__(self, gebied, namen: bool):
        self.gebied = gebied
        self.namen = namen
        self.organisatie_ids = analyse.organisaties_in(gebied)
        self.web = analyse.laad(self.organisatie_ids)
        self.organisaties = {
            str(o.pk): o for o in Organization.objects.filter(pk__in=self.organisatie_ids)
        }
        self.personen = {
            str(p.pk): p
            for p in Persoon.objects.filter(pk__in=list(self.web.personen)).select_related(
                "organisatie"
            )
        }

    # --- names ------------------------------------------------------------------------

    def label(self, persoon_id: str) -> str:
        return persoonslabel(self.personen[persoon_id], self.namen)

    def _kant(self, org_id: str, persoon_id: str | None) -> Kant:
        return Kant(
            self.organisaties[org_id],
            self.label(persoon_id) if persoon_id else "",
            persoon_id or "",
        )

    @staticmethod
    def _soorten(soorten) -> str:
        return ", ".join(str(Bandsoort(s).label) for s in soorten)

    def _rij(self, brug) -> Bandrij:
        a, b = brug.organisaties
        pa, pb = brug.personen or (None, None)
        return Bandrij(
            self._kant(a, pa),
            self._kant(b, pb),
            self._soorten(brug.soorten),
            brug in self._sectorbruggen,
            brug in self._bruggen,
        )

    # --- the analysis (issue 11, item 3) -----------------------------------------------

    @cached_property
    def _sectorbruggen(self) -> set:
        return set(self.web.sectorbruggen())

    @cached_property
    def _bruggen(self) -> set:
        return set(self.web.bruggen())

    @cached_property
    def banden(self) -> list[Bandrij]:
        rijen = [self._rij(b) for b in self.web.banden()]
        rijen.sort(key=lambda r: (r.een.organisatie.name.lower(), r.ander.organisatie.name.lower()))
        return rijen

    def sectorbruggen(self) -> list[Bandrij]:
        return [r for r in self.banden if r.over_de_grens]

    def kwetsbare_bruggen(self) -> list[Bandrij]:
        return [r for r in self.banden if r.kwetsbaar]

    def via_een_persoon(self) -> list[tuple[Organization, str]]:
        """Organisations tied to the other sector through one own person, with that person."""
        uit = []
        for org_id in self.web.via_een_persoon():
            drager = next(
                kant.persoon
                for r in self.sectorbruggen()
                for kant in (r.een, r.ander)
                if str(kant.organisatie.pk) == org_id and kant.persoon
            )
            uit.append((self.organisaties[org_id], drager))
        return sorted(uit, key=lambda x: x[0].name.lower())

    def scharnierpersonen(self) -> list[Persoon]:
        return self._mensen(self.web.scharnierpersonen())

    def makelaars(self) -> list[tuple[Persoon, float]]:
        return [(self.personen[p], score) for p, score in self.web.makelaars(MAKELAARS)]

    def _mensen(self, ids) -> list[Persoon]:
        mensen = [self.personen[i] for i in ids]
        mensen.sort(key=lambda p: (p.organisatie.name.lower(), self.label(str(p.pk)).lower()))
        return mensen

    def zonder_formele_band(self) -> list[Organization]:
        return sorted(
            (self.organisaties[o] for o in self.web.initiatieven_zonder_formele_band()),
            key=lambda o: o.name.lower(),
        )

    def vacante_rollen(self) -> list[tuple]:
        """Per wijk (this wijk, or every wijk of the gemeente): the connector roles nobody holds."""
        if self.gebied.niveau == Niveau.WIJK:
            wijken = [self.gebied]
        else:
            wijken = list(self.gebied.kinderen.filter(niveau=Niveau.WIJK).order_by("naam"))
        uit = []
        for wijk in wijken:
            rollen = analyse.vacante_verbinderrollen(wijk)
            if rollen:
                uit.append((wijk, [str(Verbinderrol(r).label) for r in rollen]))
        return uit

    def suggesties(self) -> list[dict]:
        """Pairs to introduce (``ontmoeten``), with the names of wijk and bouwstenen."""
        gevonden = ontmoeten.suggesties(
            self.web, ontmoeten.plekken(self.organisatie_ids, self.gebied)
        )
        if not gevonden:
            return []
        wijken = dict(
            Gebied.objects.filter(code__in={s.wijk for s in gevonden}).values_list("code", "naam")
        )
        bouwstenen = dict(TaxonomyTerm.objects.bouwstenen().values_list("code", "name"))
        return [
            {
                "formeel": self.organisaties[s.formeel],
                "informeel": self.organisaties[s.informeel],
                "wijk": wijken.get(s.wijk, s.wijk),
                # The built-in bouwstenen are in the catalogue, like everywhere on the kaart.
                "bouwstenen": [_(bouwstenen.get(b, b)) for b in s.bouwstenen],
            }
            for s in gevonden
        ]

    def wat_als(self, persoon_id: str) -> dict:
        gevolg = self.web.wat_als_vertrekt(persoon_id)
        return {
            "splitst": gevolg.splitst,
            "verloren": sorted(
                (self._rij(b) for b in gevolg.verloren_banden),
                key=lambda r: (r.een.organisatie.name.lower(), r.ander.organisatie.name.lower()),
            ),
            "delen": [
                sorted((self.organisaties[o].name for o in deel), key=str.lower)
                for deel in gevolg.delen
            ],
            "vrijwilligers_los": gevolg.vrijwilligers_los,
            "geen_sectorband_meer": [self.organisaties[o] for o in gevolg.geen_sectorband_meer],
        }

    def organisatierijen(self) -> list[dict]:
        """Every organisation of the web with its sector and its people, for the table."""
        mensen: dict[str, list] = {o: [] for o in self.organisaties}
        for pid, mens in self.web.personen.items():
            mensen[mens.organisatie].append(
                {"id": pid, "label": self.label(pid), "vrijwilligers": mens.vrijwilligers}
            )
        return [
            {
                "organisatie": org,
                "sector": _sector_label(org.sector),
                "mensen": sorted(mensen[o], key=lambda m: m["label"].lower()),
            }
            for o, org in sorted(self.organisaties.items(), key=lambda x: x[1].name.lower())
        ]

    # --- the graph itself, for the picture and the exports ------------------------------

    @cached_property
    def knopen(self) -> list[Knoopgegevens]:
        uit = []
        for i, knoop in enumerate(self.web.knopen):
            if knoop.soort == "org":
                org = self.organisaties[knoop.id]
                label = org.name
            else:
                persoon = self.personen[knoop.id]
                org = persoon.organisatie
                if knoop.soort == "persoon":
                    label = self.label(knoop.id)
                else:
                    label = ngettext(
                        "%(n)d vrijwilliger", "%(n)d vrijwilligers", persoon.vrijwilligers
                    ) % {"n": persoon.vrijwilligers}
            uit.append(Knoopgegevens(f"n{i}", knoop.soort, label, org.sector, org.name))
        return uit

    @cached_property
    def randen(self) -> list[Randgegevens]:
        graaf = self.web.graaf
        # Only ties can be fragile bridges; a membership edge to a lone person is not one.
        bruggen = set(graaf.bridges())
        uit = []
        for e, (a, b) in enumerate(graaf.get_edgelist()):
            data = self.web.gegevens[e]
            soort = data[0]
            soorten = ""
            if soort == "band":
                soorten = self._soorten(data[1])
            elif soort == "verwijzing":
                soorten = self._soorten(("verwijzen",))
            uit.append(
                Randgegevens(
                    f"n{a}",
                    f"n{b}",
                    soort,
                    soorten,
                    soort in ("band", "verwijzing") and e in bruggen,
                )
            )
        return uit

    def omschrijving(self) -> str:
        """The picture's text alternative: what it shows, in one or two sentences."""
        sectoren = [self.organisaties[o].sector for o in self.organisaties]
        return _(
            "%(orgs)d organisaties (%(formeel)d formeel, %(informeel)d informeel) en "
            "%(mensen)d mensen. Banden tussen organisaties: %(banden)d. Kwetsbaar (valt de "
            "band weg, dan valt het web uiteen): %(kwetsbaar)d. "
            "De tabel bij de tekening geeft dezelfde gegevens."
        ) % {
            "orgs": len(self.organisaties),
            "formeel": sectoren.count(Sector.FORMEEL),
            "informeel": sectoren.count(Sector.INFORMEEL),
            "mensen": len(self.web.personen),
            "banden": len(self.banden),
            "kwetsbaar": len(self.kwetsbare_bruggen()),
        }

    sector_label = staticmethod(_sector_label)


def bouw(gebied, gebruiker) -> Gebiedsweb:
    """The web of a wijk or gemeente, with names only for partners of its gemeente."""
    return Gebiedsweb(gebied, toegang.is_partner(gebruiker, gebied.gemeente.code))
