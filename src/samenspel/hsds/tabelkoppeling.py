"""The HSDS 3.0 tables and how each maps onto a Samenspel model.

One description serves import, export and the API. An HSDS column name is the model's
attribute name (``organization_id`` is the foreign key's attname), apart from the few in
``HERNOEMD``. Samenspel's own fields travel in extra columns prefixed ``samenspel_``, so a
Samenspel export read by another Samenspel keeps who may see a listing. Fields that belong to
the workflow or to a person (owner e-mail, moderation message, reminders) are never listed
here, so they never leave through an export or the API.
"""

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.db import models

from samenspel.areas.models import Gebied, Niveau
from samenspel.directory import models as m

SCHEMA = Path(__file__).resolve().parent / "schema"

# Model field -> the kind of value the converters in `waarden` read and write.
_SOORTEN: list[tuple[type, str]] = [
    (models.BooleanField, "bool"),
    (models.PositiveIntegerField, "geheel"),
    (models.PositiveSmallIntegerField, "geheel"),
    (models.IntegerField, "geheel"),
    (models.FloatField, "getal"),
    (models.DecimalField, "decimaal"),
    (models.DateTimeField, "datumtijd"),
    (models.DateField, "datum"),
    (models.TimeField, "tijd"),
    (models.EmailField, "email"),
    (models.URLField, "url"),
    (models.CharField, "tekst"),
    (models.TextField, "tekst"),
    (models.UUIDField, "polyref"),
]

HERNOEMD = {("taxonomy_term", "taxonomy"): "taxonomy_text"}

# HSDS says "number"; Samenspel kept the phone extension as text, so it is read and written
# as a number but stored as digits.
SOORT_UITZONDERINGEN = {("phone", "extension"): "getaltekst"}

# Values that must not be empty: what HSDS requires and Samenspel cannot do without.
# Other required HSDS fields (a description, say) may be empty strings, as HSDS allows.
NIET_LEEG = {
    "taxonomy": {"name"},
    "taxonomy_term": {"name"},
    "organization": {"name"},
    "program": {"name"},
    "organization_identifier": {"identifier_type", "identifier"},
    "service": {"name", "status", "organization_id"},
    "location": {"location_type"},
    "service_at_location": {"service_id", "location_id"},
    "phone": {"number"},
    "address": {"address_1", "city", "location_id"},
    "cost_option": {"service_id"},
    "attribute": {"taxonomy_term_id", "link_id", "link_entity"},
    "metadata": {"resource_id", "resource_type", "last_action_date", "last_action_type"},
}

KEUZES = {
    ("service", "status"): tuple(m.ServiceStatus.values),
    ("location", "location_type"): tuple(m.Location.Type.values),
    ("address", "address_type"): ("physical", "postal", "virtual"),
    ("schedule", "freq"): ("WEEKLY", "MONTHLY"),
    ("schedule", "wkst"): ("MO", "TU", "WE", "TH", "FR", "SA", "SU"),
}


@dataclass(frozen=True)
class Extra:
    kolom: str
    attr: str
    niveau: str | None = None  # for a reference to an area: gemeente or buurt


EXTRA = {
    "taxonomy_term": (Extra("samenspel_volgorde", "volgorde"),),
    "organization": (
        Extra("samenspel_sector", "sector"),
        Extra("samenspel_gemeente", "gemeente_id", Niveau.GEMEENTE),
    ),
    "service": (
        Extra("samenspel_zichtbaarheid", "zichtbaarheid"),
        Extra("samenspel_route", "route"),
        Extra("samenspel_gratis", "gratis"),
        Extra("samenspel_zonder_indicatie", "zonder_indicatie"),
        Extra("samenspel_inloop", "inloop"),
        Extra("samenspel_op_afspraak", "op_afspraak"),
        Extra("samenspel_tijden_omschrijving", "tijden_omschrijving"),
        Extra("samenspel_korte_tekst", "korte_tekst"),
        Extra("samenspel_moderatie", "moderatie"),
    ),
    "location": (Extra("samenspel_buurt", "buurt_id", Niveau.BUURT),),
}

# (HSDS table, file, model), in the order an import writes them: referenced tables first.
_TABELLEN = [
    ("taxonomy", "taxonomies.csv", m.Taxonomy),
    ("taxonomy_term", "taxonomy_terms.csv", m.TaxonomyTerm),
    ("organization", "organizations.csv", m.Organization),
    ("program", "programs.csv", m.Program),
    ("organization_identifier", "organization_identifiers.csv", m.OrganizationIdentifier),
    ("service", "services.csv", m.Service),
    ("location", "locations.csv", m.Location),
    ("service_at_location", "service_at_location.csv", m.ServiceAtLocation),
    ("contact", "contacts.csv", m.Contact),
    ("phone", "phones.csv", m.Phone),
    ("address", "addresses.csv", m.Address),
    ("schedule", "schedules.csv", m.Schedule),
    ("language", "languages.csv", m.Language),
    ("funding", "funding.csv", m.Funding),
    ("service_area", "service_areas.csv", m.ServiceArea),
    ("required_document", "required_documents.csv", m.RequiredDocument),
    ("accessibility", "accessibility.csv", m.Accessibility),
    ("cost_option", "cost_options.csv", m.CostOption),
    ("attribute", "attributes.csv", m.Attribute),
    ("metadata", "metadata.csv", m.Wijziging),
    ("meta_table_description", "meta_table_descriptions.csv", m.MetaTableDescription),
]


@dataclass(frozen=True)
class Kolom:
    naam: str
    attr: str
    soort: str
    verwijst_naar: str | None = None  # HSDS table, or "gebied"
    niveau: str | None = None
    keuzes: tuple[str, ...] = ()
    niet_leeg: bool = False
    max_lengte: int | None = None
    extra: bool = False

    @property
    def is_verwijzing(self) -> bool:
        return self.soort in ("ref", "gebied")


@dataclass(frozen=True)
class Tabel:
    naam: str
    bestand: str
    model: type[models.Model]
    kolommen: tuple[Kolom, ...]
    altijd: tuple[str, ...]  # required by the HSDS schema: always present in JSON output

    @property
    def hsds_kolommen(self) -> tuple[Kolom, ...]:
        return tuple(k for k in self.kolommen if not k.extra)

    def kolom(self, naam: str) -> Kolom | None:
        return self._per_naam().get(naam)

    def _per_naam(self) -> dict[str, Kolom]:
        return _kolommen_per_naam(self.naam)


@cache
def tabular_schema() -> dict:
    """The official description of every table (compiled/tabular.json)."""
    schema = json.loads((SCHEMA / "tabular.json").read_text(encoding="utf-8"))
    return {naam: deel["items"] for naam, deel in schema["properties"].items()}


def _soort(tabel: str, kolom: str, veld: models.Field) -> tuple[str, str | None]:
    if (tabel, kolom) in SOORT_UITZONDERINGEN:
        return SOORT_UITZONDERINGEN[(tabel, kolom)], None
    if veld.primary_key:
        return "id", None
    if veld.is_relation:
        doel = veld.related_model
        if doel is Gebied:
            return "gebied", "gebied"
        return "ref", TABEL_VAN_MODEL[doel]
    for klasse, soort in _SOORTEN:
        if isinstance(veld, klasse):
            return soort, None
    raise TypeError(f"{tabel}.{kolom}: geen soort voor {type(veld).__name__}")


def _kolom(tabel: str, model, naam: str, attr: str, extra: Extra | None = None) -> Kolom:
    veld = next(f for f in model._meta.concrete_fields if f.attname == attr)
    soort, doel = _soort(tabel, naam, veld)
    keuzes = KEUZES.get((tabel, naam)) or tuple(str(k) for k, _ in veld.choices or ())
    max_lengte = getattr(veld, "max_length", None) if soort != "gebied" else None
    return Kolom(
        naam=naam,
        attr=attr,
        soort=soort,
        verwijst_naar=doel,
        niveau=extra.niveau if extra else None,
        keuzes=keuzes,
        niet_leeg=naam in NIET_LEEG.get(tabel, ()),
        max_lengte=max_lengte,
        extra=extra is not None,
    )


TABEL_VAN_MODEL = {model: naam for naam, _, model in _TABELLEN}


@cache
def tabellen() -> dict[str, Tabel]:
    """Every HSDS table, in import order."""
    uitkomst = {}
    for naam, bestand, model in _TABELLEN:
        beschrijving = tabular_schema()[naam]
        kolommen = [
            _kolom(naam, model, kolom, HERNOEMD.get((naam, kolom), kolom))
            for kolom, spec in beschrijving["properties"].items()
            if spec.get("type") not in ("array", "object") and "properties" not in spec
        ]
        kolommen += [_kolom(naam, model, e.kolom, e.attr, e) for e in EXTRA.get(naam, ())]
        uitkomst[naam] = Tabel(
            naam=naam,
            bestand=bestand,
            model=model,
            kolommen=tuple(kolommen),
            altijd=tuple(beschrijving.get("required", ("id",))),
        )
    return uitkomst


@cache
def _kolommen_per_naam(tabel: str) -> dict[str, Kolom]:
    return {k.naam: k for k in tabellen()[tabel].kolommen}


def tabel(naam: str) -> Tabel:
    return tabellen()[naam]


def tabel_voor_bestand(bestand: str) -> Tabel | None:
    return next((t for t in tabellen().values() if t.bestand == bestand), None)


# --- nesting in HSDS JSON -------------------------------------------------------------------


@dataclass(frozen=True)
class Nest:
    """A JSON key under `tabel` holding rows of `kind` (a list) or one row (an object).

    For a list, each child row points to its parent through `kolom`; for an object, the
    parent points to the child through `kolom`.
    """

    sleutel: str
    kind: str
    kolom: str
    lijst: bool = True


GENEST: dict[str, tuple[Nest, ...]] = {
    "service": (
        Nest("phones", "phone", "service_id"),
        Nest("schedules", "schedule", "service_id"),
        Nest("service_areas", "service_area", "service_id"),
        Nest("service_at_locations", "service_at_location", "service_id"),
        Nest("languages", "language", "service_id"),
        Nest("organization", "organization", "organization_id", lijst=False),
        Nest("funding", "funding", "service_id"),
        Nest("cost_options", "cost_option", "service_id"),
        Nest("program", "program", "program_id", lijst=False),
        Nest("required_documents", "required_document", "service_id"),
        Nest("contacts", "contact", "service_id"),
    ),
    "organization": (
        Nest("funding", "funding", "organization_id"),
        Nest("contacts", "contact", "organization_id"),
        Nest("phones", "phone", "organization_id"),
        Nest("locations", "location", "organization_id"),
        Nest("programs", "program", "organization_id"),
        Nest("organization_identifiers", "organization_identifier", "organization_id"),
        Nest("services", "service", "organization_id"),
    ),
    "service_at_location": (
        Nest("contacts", "contact", "service_at_location_id"),
        Nest("phones", "phone", "service_at_location_id"),
        Nest("schedules", "schedule", "service_at_location_id"),
        Nest("location", "location", "location_id", lijst=False),
        Nest("service", "service", "service_id", lijst=False),
    ),
    "location": (
        Nest("languages", "language", "location_id"),
        Nest("addresses", "address", "location_id"),
        Nest("contacts", "contact", "location_id"),
        Nest("accessibility", "accessibility", "location_id"),
        Nest("phones", "phone", "location_id"),
        Nest("schedules", "schedule", "location_id"),
    ),
    "contact": (Nest("phones", "phone", "contact_id"),),
    "phone": (Nest("languages", "language", "phone_id"),),
    "taxonomy_term": (Nest("taxonomy_detail", "taxonomy", "taxonomy_id", lijst=False),),
    "attribute": (Nest("taxonomy_term", "taxonomy_term", "taxonomy_term_id", lijst=False),),
}

# Every table may carry attributes and metadata, linked by table name and id.
ZONDER_KENMERKEN = {"attribute", "metadata", "taxonomy", "taxonomy_term"}
ZONDER_METADATA = {"metadata"}
