"""Export the directory as an HSDS 3.0 tabular data package (datapackage.json + CSV files).

The full export (for beheerders) holds every record and Samenspel's own columns, so a second
Samenspel reads it back identically. The open export (`openbaar`) holds what the anonymous
API shows: public listings, and of listings reached via a contact person only that route;
references to rows it leaves out are emptied, so the package is complete in itself.
Rows stream from the database to the files; a national directory never sits in memory.
"""

import csv
import io
import json
import zipfile
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from django.db.models import Q

from samenspel.directory import models as m
from samenspel.hsds import tabelkoppeling as t
from samenspel.hsds.bereik import VERBORGEN_VELDEN_ANONIEM, VERBORGEN_VELDEN_CONTACTROUTE, Bereik
from samenspel.hsds.voortgang import Voortgang
from samenspel.hsds.waarden import als_tekst

STUK = 2000
NAAM = "samenspel-hsds"


def _velden(tabel: t.Tabel) -> list[str]:
    return [k.attr for k in tabel.kolommen]


class _Selectie:
    """The rows each table contributes to an export, and the ids that were written."""

    def __init__(self, openbaar: bool):
        self.openbaar = openbaar
        self.bereik = Bereik()
        # For an open export: the ids of every table that is filtered, known before any file
        # is written, so a reference to a row later in the package is not mistaken for one
        # to a row that stays out.
        self.toegestaan: dict[str, set] = {}
        if openbaar:
            for tabel in t.tabellen().values():
                qs = self._openbaar(tabel.naam, tabel.model.objects.all())
                if qs.query.where:
                    self.toegestaan[tabel.naam] = set(qs.values_list("pk", flat=True))

    def queryset(self, tabel: t.Tabel):
        qs = tabel.model.objects.all()
        if tabel.naam == "metadata":
            # Workflow fields (owner e-mail, moderation messages) are no HSDS fields.
            return qs.filter(self._hsds_metadata())
        if not self.openbaar:
            return qs
        return self._openbaar(tabel.naam, qs)

    def _hsds_metadata(self) -> Q:
        filter_ = Q(field_name="")
        for tabel in t.tabellen().values():
            namen = [k.naam for k in tabel.hsds_kolommen]
            filter_ |= Q(resource_type=tabel.naam, field_name__in=namen)
        return filter_

    def _openbaar(self, naam: str, qs):
        b = self.bereik
        diensten, volledig = b.services(), b.volledige_services()
        organisaties, locaties, koppelingen = (
            b.organisaties(),
            b.locaties(),
            b.service_at_locations(),
        )
        contacten = m.Contact.objects.filter(
            Q(service__in=diensten)
            | Q(service=None, organization__in=organisaties)
            | Q(location__in=locaties)
            | Q(service_at_location__in=koppelingen)
        )
        telefoons = m.Phone.objects.filter(
            Q(contact__in=contacten)
            | Q(service__in=volledig)
            | Q(service=None, organization__in=organisaties)
            | Q(location__in=locaties)
            | Q(service_at_location__in=koppelingen)
        )
        filters = {
            "organization": Q(pk__in=organisaties),
            "program": Q(organization__in=organisaties),
            "organization_identifier": Q(organization__in=organisaties),
            "service": Q(pk__in=diensten),
            "location": Q(pk__in=locaties),
            "service_at_location": Q(pk__in=koppelingen),
            "contact": Q(pk__in=contacten),
            "phone": Q(pk__in=telefoons),
            "address": Q(location__in=locaties),
            "schedule": Q(service__in=volledig) | Q(location__in=locaties),
            "language": Q(service__in=diensten) | Q(location__in=locaties) | Q(phone__in=telefoons),
            "funding": Q(service__in=diensten) | Q(service=None, organization__in=organisaties),
            "service_area": Q(service__in=volledig),
            "required_document": Q(service__in=diensten),
            "accessibility": Q(location__in=locaties),
            "cost_option": Q(service__in=diensten),
        }
        if naam in filters:
            return qs.filter(filters[naam])
        return qs  # taxonomies, terms, attributes and metadata: filtered per row

    def rij(self, tabel: t.Tabel, rij: dict) -> dict | None:
        """The row as exported, or None when an open export leaves it out."""
        if not self.openbaar:
            return rij
        if tabel.naam in ("attribute", "metadata"):
            soort, pk = (
                (rij["link_entity"], rij["link_id"])
                if tabel.naam == "attribute"
                else (rij["resource_type"], rij["resource_id"])
            )
            if soort in self.toegestaan and pk not in self.toegestaan[soort]:
                return None
            if tabel.naam == "metadata":
                rij["updated_by"] = ""  # may be an owner's e-mail address
        for kolom in tabel.kolommen:
            doel = self.toegestaan.get(kolom.verwijst_naar) if kolom.soort == "ref" else None
            if doel is not None and rij[kolom.attr] is not None and rij[kolom.attr] not in doel:
                rij[kolom.attr] = None
        if tabel.naam == "service":
            verborgen = set(VERBORGEN_VELDEN_ANONIEM)
            if self.bereik.verbergt_details(rij["zichtbaarheid"]):
                verborgen |= VERBORGEN_VELDEN_CONTACTROUTE
            for kolom in tabel.kolommen:
                if kolom.naam in verborgen:
                    rij[kolom.attr] = ""
        return rij


def _rijen(tabel: t.Tabel, selectie: _Selectie) -> Iterator[dict]:
    velden = _velden(tabel)
    qs = selectie.queryset(tabel).order_by("pk").values("pk", *velden)
    for rij in qs.iterator(chunk_size=STUK):
        rij = selectie.rij(tabel, rij)
        if rij is not None:
            yield rij


def _schrijf_csv(stroom, tabel: t.Tabel, selectie: _Selectie, voortgang: Voortgang) -> int:
    schrijver = csv.writer(stroom, lineterminator="\r\n")
    schrijver.writerow([k.naam for k in tabel.kolommen])
    aantal = 0
    voortgang.start(tabel.bestand, selectie.queryset(tabel).count())
    for rij in _rijen(tabel, selectie):
        schrijver.writerow([als_tekst(rij[k.attr]) for k in tabel.kolommen])
        aantal += 1
        if aantal % 1000 == 0:
            voortgang.stap(1000)
    voortgang.klaar()
    return aantal


def beschrijving(aantallen: dict[str, int], openbaar: bool) -> dict:
    """datapackage.json: the HSDS table descriptions, plus Samenspel's own columns."""
    officieel = t.tabular_schema()
    bronnen = []
    for tabel in t.tabellen().values():
        velden = []
        for kolom in tabel.kolommen:
            spec = officieel[tabel.naam]["properties"].get(kolom.naam, {})
            veld = {"name": kolom.naam, "type": spec.get("type", _type(kolom))}
            for sleutel in ("format", "description"):
                if sleutel in spec and not str(spec[sleutel]).startswith("%"):
                    veld[sleutel] = spec[sleutel]
            if kolom.extra:
                veld["description"] = "Samenspel-uitbreiding; andere systemen mogen dit negeren."
            velden.append(veld)
        schema = {"fields": velden, "primaryKey": "id"}
        verwijzingen = [
            {"fields": k.naam, "reference": {"resource": k.verwijst_naar, "fields": "id"}}
            for k in tabel.kolommen
            if k.soort == "ref"
        ]
        if verwijzingen:
            schema["foreignKeys"] = verwijzingen
        bronnen.append(
            {
                "name": tabel.naam,
                "path": tabel.bestand,
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "description": officieel[tabel.naam].get("description", ""),
                "schema": schema,
            }
        )
    return {
        "name": NAAM + ("-open" if openbaar else ""),
        "title": "Samenspel sociale kaart (HSDS 3.0)",
        "profile": "tabular-data-package",
        "created": datetime.now(UTC).isoformat().replace("+00:00", "Z"),
        "licenses": [
            {
                "name": "CC-BY-SA-4.0",
                "title": "HSDS: an Open Referral resource",
                "path": "https://creativecommons.org/licenses/by-sa/4.0/",
            }
        ],
        "samenspel": {"aantallen": aantallen, "openbaar": openbaar},
        "resources": bronnen,
    }


def _type(kolom: t.Kolom) -> str:
    return {"bool": "boolean", "geheel": "integer", "getal": "number"}.get(kolom.soort, "string")


def exporteer(doel: Path, openbaar: bool = False, voortgang: Voortgang | None = None) -> dict:
    """Write the package into a folder (made if needed); returns the row count per table."""
    voortgang = voortgang or Voortgang(aan=False)
    doel.mkdir(parents=True, exist_ok=True)
    selectie = _Selectie(openbaar)
    aantallen = {}
    for tabel in t.tabellen().values():
        with (doel / tabel.bestand).open("w", encoding="utf-8", newline="") as stroom:
            aantallen[tabel.naam] = _schrijf_csv(stroom, tabel, selectie, voortgang)
    (doel / "datapackage.json").write_text(
        _json(beschrijving(aantallen, openbaar)), encoding="utf-8"
    )
    return aantallen


def exporteer_zip(stroom, openbaar: bool = False) -> dict:
    """The same package as one zip file, written to a binary stream."""
    selectie = _Selectie(openbaar)
    aantallen = {}
    with zipfile.ZipFile(stroom, "w", compression=zipfile.ZIP_DEFLATED) as archief:
        for tabel in t.tabellen().values():
            with archief.open(tabel.bestand, "w", force_zip64=True) as bestand:
                tekst = io.TextIOWrapper(bestand, encoding="utf-8", newline="")
                aantallen[tabel.naam] = _schrijf_csv(tekst, tabel, selectie, Voortgang(aan=False))
                tekst.flush()
                tekst.detach()
        archief.writestr("datapackage.json", _json(beschrijving(aantallen, openbaar)))
    return aantallen


def _json(inhoud) -> str:
    return json.dumps(inhoud, ensure_ascii=False, indent=2) + "\n"
