"""Records as HSDS JSON: list items and fully nested documents, in a fixed number of queries.

Nesting follows `tabellen.GENEST`, the same map the JSON import reads, and never walks back
to a table already on the way down (a service's organization does not list the services
again). Rows are loaded per table for all parents at once, so a page of 50 services costs
the same few dozen queries as one.
"""

from collections import defaultdict
from collections.abc import Iterable, Mapping
from functools import cache
from uuid import UUID

from samenspel.directory import models as m
from samenspel.hsds import tabelkoppeling as t
from samenspel.hsds.bereik import (
    VERBORGEN_NESTEN_CONTACTROUTE,
    VERBORGEN_VELDEN_ANONIEM,
    VERBORGEN_VELDEN_CONTACTROUTE,
    Bereik,
)
from samenspel.hsds.waarden import als_json

# A list item carries only its one-to-one neighbours (HSDS *_list schemas).
LIJST_NESTEN = {
    "service": ("organization", "program"),
    "service_at_location": ("location", "service"),
}


@cache
def _kolommen(tabel: str) -> tuple[tuple[str, str, t.Kolom, bool, bool], ...]:
    """Per HSDS column: name, attribute, column, always present, plain text as it is.

    Worked out once per table: serialising a page touches every column of every row.
    """
    beschrijving = t.tabel(tabel)
    return tuple(
        (k.naam, k.attr, k, k.naam in beschrijving.altijd, k.soort != "getaltekst")
        for k in beschrijving.hsds_kolommen
    )


@cache
def _attributen(tabel: str) -> tuple[str, ...]:
    """The model attributes a table's rows are read with."""
    beschrijving = t.tabel(tabel)
    velden = {k.attr for k in beschrijving.hsds_kolommen}
    if beschrijving.model is m.Service:
        velden.add("zichtbaarheid")
    return tuple(sorted(velden))


def _als_rij(tabel: str, object_) -> dict:
    """A model instance as the row `values()` would have read for it."""
    return {attr: getattr(object_, attr) for attr in _attributen(tabel)}


class Serialiseerder:
    def __init__(self, bereik: Bereik):
        self.bereik = bereik

    # -- entry points ------------------------------------------------------------------------

    def volledig(self, tabel: str, pks: Iterable, zonder: Iterable[str] = ()) -> list[dict]:
        """Fully nested documents, in the order of `pks`; `zonder` leaves out nested keys."""
        rijen = self._laad(tabel, {"pk__in": list(pks)}, basis=False)
        per_id = {d["id"]: d for d in self._documenten(tabel, rijen, frozenset(), set(zonder))}
        return [per_id[str(pk)] for pk in pks if str(pk) in per_id]

    def lijst(self, tabel: str, pks: Iterable, geladen: Mapping | None = None) -> list[dict]:
        """List items: the record's own fields plus its one-to-one neighbours.

        `geladen` may hold the records as model instances already read (a search's hits,
        with their organization): those rows are not read again.
        """
        pks = list(pks)
        if geladen is not None and all(pk in geladen for pk in pks):
            objecten = [geladen[pk] for pk in pks]
            docs = {d["id"]: d for d in self._plat(tabel, None, objecten)}
        else:
            rijen = self._laad(tabel, {"pk__in": pks}, basis=False)
            docs = {d["id"]: d for d in self._plat(tabel, rijen)}
        return [docs[str(pk)] for pk in pks if str(pk) in docs]

    def enkel(self, tabel: str, pk) -> dict:
        """One record's own fields (a taxonomy)."""
        return self.lijst(tabel, [pk])[0]

    # -- loading -------------------------------------------------------------------------------

    def _laad(self, tabel: str, filters: dict, basis: bool = True) -> list[dict]:
        model = t.tabel(tabel).model
        qs = self.bereik.basis(model) if basis else model.objects.all()
        return list(qs.filter(**filters).order_by("pk").values(*_attributen(tabel)))

    def _vooraf(self, nest: t.Nest, objecten: list) -> list[dict] | None:
        """The rows of a one-to-one neighbour from instances already read with `objecten`.

        None when some are not in memory, or when the scope narrows that table: then the
        rows come from `_laad`, which applies the scope.
        """
        model = t.tabel(nest.kind).model
        if self.bereik.beperkt(model):
            return None
        veld = next(f for f in type(objecten[0])._meta.concrete_fields if f.attname == nest.kolom)
        gekoppeld = [o for o in objecten if getattr(o, nest.kolom) is not None]
        if not all(veld.is_cached(o) for o in gekoppeld):
            return None
        per_id = {}
        for o in gekoppeld:
            kind = veld.get_cached_value(o)
            per_id[kind.pk] = kind
        return [_als_rij(nest.kind, kind) for kind in per_id.values()]

    # -- building ------------------------------------------------------------------------------

    def _velden(self, tabel: str, rij: dict) -> dict:
        verborgen = ()
        if tabel == "service":
            verborgen = set()
            if not self.bereik.professioneel:
                verborgen |= VERBORGEN_VELDEN_ANONIEM
            if self.bereik.verbergt_details(rij["zichtbaarheid"]):
                verborgen |= VERBORGEN_VELDEN_CONTACTROUTE
        doc = {}
        for naam, attr, kolom, altijd, tekst_blijft in _kolommen(tabel):
            if naam in verborgen:
                continue
            waarde = rij[attr]
            # The two commonest kinds, as `als_json` would write them, without its checks.
            if tekst_blijft and type(waarde) is str and waarde:
                doc[naam] = waarde
                continue
            if type(waarde) is UUID:
                doc[naam] = str(waarde)
                continue
            waarde = als_json(kolom, waarde)
            if waarde is None or waarde == "":
                if not altijd:
                    continue
                waarde = ""
            doc[naam] = waarde
        return doc

    def _plat(self, tabel: str, rijen: list[dict] | None, objecten: list | None = None) -> list:
        """List items from rows, or from model instances (`objecten`) when rows is None."""
        if rijen is None:
            rijen = [_als_rij(tabel, o) for o in objecten]
        docs = [self._velden(tabel, r) for r in rijen]
        for nest in t.GENEST.get(tabel, ()):
            if nest.sleutel not in LIJST_NESTEN.get(tabel, ()):
                continue
            ids = {r[nest.kolom] for r in rijen if r[nest.kolom]}
            kind_rijen = self._vooraf(nest, objecten) if objecten else None
            if kind_rijen is None:
                kind_rijen = self._laad(nest.kind, {"pk__in": ids})
            kinderen = {d["id"]: d for d in self._plat(nest.kind, kind_rijen)}
            for doc, rij in zip(docs, rijen, strict=True):
                kind = kinderen.get(str(rij[nest.kolom])) if rij[nest.kolom] else None
                if kind is not None:
                    doc[nest.sleutel] = kind
        return docs

    def _documenten(self, tabel: str, rijen: list[dict], pad: frozenset, zonder: set) -> list:
        docs = [self._velden(tabel, r) for r in rijen]
        if not rijen:
            return docs
        onder = pad | {tabel}
        for nest in t.GENEST.get(tabel, ()):
            if nest.kind in pad or nest.sleutel in zonder:
                continue
            if nest.lijst:
                self._nest_lijst(tabel, nest, rijen, docs, onder)
            else:
                self._nest_object(nest, rijen, docs, onder)
        if tabel not in t.ZONDER_KENMERKEN:
            self._gekoppeld(tabel, rijen, docs, onder, "attribute", "attributes")
        if tabel not in t.ZONDER_METADATA and self.bereik.toont_metadata:
            self._gekoppeld(tabel, rijen, docs, onder, "metadata", "metadata")
        return docs

    def _nest_lijst(self, tabel, nest: t.Nest, rijen, docs, onder) -> None:
        open_ = [r["id"] for r in rijen if not self._verbergt(tabel, r, nest)]
        kinderen = self._laad(nest.kind, {f"{nest.kolom}__in": open_}) if open_ else []
        per_ouder = defaultdict(list)
        for rij, doc in zip(
            kinderen, self._documenten(nest.kind, kinderen, onder, set()), strict=True
        ):
            per_ouder[rij[nest.kolom]].append(doc)
        for rij, doc in zip(rijen, docs, strict=True):
            if not self._verbergt(tabel, rij, nest):
                doc[nest.sleutel] = per_ouder.get(rij["id"], [])

    def _nest_object(self, nest: t.Nest, rijen, docs, onder) -> None:
        ids = {r[nest.kolom] for r in rijen if r[nest.kolom]}
        kinderen = self._laad(nest.kind, {"pk__in": ids}) if ids else []
        per_id = {
            rij["id"]: doc
            for rij, doc in zip(
                kinderen, self._documenten(nest.kind, kinderen, onder, set()), strict=True
            )
        }
        for rij, doc in zip(rijen, docs, strict=True):
            kind = per_id.get(rij[nest.kolom])
            if kind is not None:
                doc[nest.sleutel] = kind

    def _verbergt(self, tabel: str, rij: dict, nest: t.Nest) -> bool:
        return (
            tabel == "service"
            and nest.sleutel in VERBORGEN_NESTEN_CONTACTROUTE
            and self.bereik.verbergt_details(rij["zichtbaarheid"])
        )

    def _gekoppeld(self, tabel, rijen, docs, onder, soort: str, sleutel: str) -> None:
        """Attributes (with their term) and metadata hang on any record by table and id."""
        veld_soort, veld_id = (
            ("link_entity", "link_id") if soort == "attribute" else ("resource_type", "resource_id")
        )
        filters = {veld_soort: tabel, f"{veld_id}__in": [r["id"] for r in rijen]}
        kinderen = self._laad(soort, filters)
        if soort == "metadata":
            toegestaan = {k.naam for k in t.tabel(tabel).hsds_kolommen} | {""}
            kinderen = [k for k in kinderen if k["field_name"] in toegestaan]
        per_ouder = defaultdict(list)
        for rij, doc in zip(kinderen, self._documenten(soort, kinderen, onder, set()), strict=True):
            per_ouder[rij[veld_id]].append(doc)
        for rij, doc in zip(rijen, docs, strict=True):
            doc[sleutel] = per_ouder.get(rij["id"], [])
