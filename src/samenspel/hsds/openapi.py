"""The OpenAPI document of the HSDS API: query parameters and the official HSDS schemas.

The endpoints return HSDS JSON built by `serialiseren`, so response bodies are described by
Open Referral's own (shipped) schemas rather than by pydantic models that would repeat them.
"""

import copy
import json
import re
from functools import cache
from typing import Annotated

from ninja import Field, NinjaAPI, Schema
from pydantic import BeforeValidator, ValidationInfo

from samenspel.hsds.tabelkoppeling import SCHEMA

BESCHRIJVING = (
    "De sociale kaart van Samenspel volgens Open Referral HSDS 3.0. Zonder sleutel zie je wat "
    "een bewoner op de kaart ziet; met `Authorization: Bearer <sleutel>` van een organisatie "
    "ook aanbod voor professionals en de wijzigingsgeschiedenis. Human Services Data "
    "Specification: an Open Referral resource (CC BY-SA 4.0)."
)


# The API's limits (checked in `api`): a page of at most this many results, page numbers up to
# this (the offset must fit the database's integers), and a search radius in metres up to the
# length of the country and more.
MAX_PER_PAGINA = 500
MAX_PAGINA = 1_000_000
MAX_STRAAL_M = 500_000

# A whole number as a query string writes it: an optional minus and digits.
_CIJFERS = re.compile(r"-?[0-9]+")


def _geheel_getal(waarde, info: ValidationInfo):
    """Only digits for an integer parameter: pydantic's lax mode would take `1.0` for 1 (and
    ` 5`, `+5` and `1_000`), which the document, `type: integer`, does not allow; refused with
    django-ninja's 422 (`validatiefout`), its `loc` and message naming the parameter."""
    if isinstance(waarde, str) and not _CIJFERS.fullmatch(waarde):
        raise ValueError(f"{info.field_name} moet een geheel getal zijn, niet {waarde!r}")
    return waarde


# Every integer query parameter of the API has this type, so every one refuses the same way.
GeheelGetal = Annotated[int, BeforeValidator(_geheel_getal)]


class LijstParams(Schema):
    search: str | None = Field(None, description="Zoek in de tekst.")
    # The limits are checked by the API itself (a 400 naming the parameter, `api._per_pagina`,
    # `api._punt`); here they are only stated, so the document says what the API does.
    page: GeheelGetal = Field(
        1,
        description=f"Paginanummer, vanaf 1, hooguit {MAX_PAGINA}.",
        json_schema_extra={"minimum": 1, "maximum": MAX_PAGINA},
    )
    per_page: GeheelGetal | None = Field(
        None,
        description=f"Aantal resultaten per pagina, 1 tot en met {MAX_PER_PAGINA}.",
        json_schema_extra={"minimum": 1, "maximum": MAX_PER_PAGINA},
    )
    format: str = Field(
        "json", description="`json` (per pagina) of `ndjson` (alle resultaten als stroom)."
    )


class TermParams(LijstParams):
    taxonomy_id: str | None = Field(None, description="Alleen termen uit deze taxonomie.")
    top_only: bool = Field(False, description="Alleen termen zonder bovenliggende term.")
    parent_id: str | None = Field(None, description="Alleen termen onder deze term.")


class OrganisatieParams(LijstParams):
    full: bool = Field(False, description="Volledig geneste organisaties.")
    full_service: bool = Field(False, description="Met volledig geneste services.")


class ServiceParams(LijstParams):
    taxonomy_term_id: str | None = Field(None, description="Alleen aanbod met deze term.")
    taxonomy_id: str | None = Field(None, description="Alleen aanbod met een term hieruit.")
    organization_id: str | None = Field(None, description="Alleen aanbod van deze organisatie.")
    modified_after: str | None = Field(
        None, description="Alleen aanbod gewijzigd op of na dit tijdstip (ISO 8601)."
    )
    minimal: bool = Field(False, description="Alleen `id` en `modified_date`, alles op één pagina.")
    full: bool = Field(False, description="Volledig geneste records.")
    postcode: str | None = Field(None, description="Postcode als middelpunt (4 cijfers volstaan).")
    proximity: float | None = Field(
        None,
        description=f"Straal rond de postcode, in meters: meer dan 0, hooguit {MAX_STRAAL_M}.",
        json_schema_extra={"exclusiveMinimum": 0, "maximum": MAX_STRAAL_M},
    )
    lat: float | None = Field(
        None,
        description="Breedtegraad van het middelpunt (WGS84), -90 tot en met 90.",
        json_schema_extra={"minimum": -90, "maximum": 90},
    )
    lon: float | None = Field(
        None,
        description="Lengtegraad van het middelpunt (WGS84), -180 tot en met 180.",
        json_schema_extra={"minimum": -180, "maximum": 180},
    )
    radius: float | None = Field(
        None,
        description=f"Straal rond lat/lon, in meters: meer dan 0, hooguit {MAX_STRAAL_M}.",
        json_schema_extra={"exclusiveMinimum": 0, "maximum": MAX_STRAAL_M},
    )


def _ref(naam: str) -> dict:
    return {"$ref": f"#/components/schemas/{naam}"}


def _herschrijf(schema, definities: str = "#/definitions/"):
    """The schema with its $refs pointing into the OpenAPI components."""
    if isinstance(schema, dict):
        uitkomst = {k: _herschrijf(v, definities) for k, v in schema.items()}
        ref = uitkomst.get("$ref")
        if isinstance(ref, str) and ref.startswith(definities):
            uitkomst["$ref"] = "#/components/schemas/" + ref[len(definities) :]
        return uitkomst
    if isinstance(schema, list):
        return [_herschrijf(v, definities) for v in schema]
    return schema


@cache
def hsds_componenten() -> dict:
    """The HSDS entity schemas (from the compiled schemas Open Referral publishes)."""
    met_definities = json.loads((SCHEMA / "service_with_definitions.json").read_text("utf-8"))
    definities = met_definities.pop("definitions")
    componenten = {naam: _herschrijf(schema) for naam, schema in definities.items()}
    componenten["service"] = _herschrijf(met_definities)
    for naam in ("service_list", "organization_list", "service_at_location_list"):
        componenten[naam] = json.loads((SCHEMA / f"{naam}.json").read_text("utf-8"))
    componenten["Page"] = {
        "type": "object",
        "properties": {
            "total_items": {"type": "integer"},
            "total_pages": {"type": "integer"},
            "page_number": {"type": "integer"},
            "size": {"type": "integer"},
            "first_page": {"type": "boolean"},
            "last_page": {"type": "boolean"},
            "empty": {"type": "boolean"},
        },
    }
    componenten["minimal_service"] = {
        "type": "object",
        "required": ["id", "modified_date"],
        "properties": {
            "id": {"type": "string", "format": "uuid"},
            "modified_date": {"type": "string", "format": "date-time"},
        },
    }
    componenten["api_meta"] = {
        "type": "object",
        "properties": {
            "version": {"type": "string"},
            "profile": {"type": "string", "format": "uri"},
            "openapi_url": {"type": "string", "format": "uri"},
        },
    }
    componenten["fout"] = {
        "type": "object",
        "required": ["detail"],
        "properties": {"detail": {"type": "string"}},
    }
    # A parameter of the wrong type (per_page=abc): django-ninja's validation answer, one
    # entry per parameter, `loc` naming it.
    componenten["validatiefout"] = {
        "type": "object",
        "required": ["detail"],
        "properties": {
            "detail": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["loc", "msg"],
                    "properties": {
                        "loc": {"type": "array", "items": {"type": ["string", "integer"]}},
                        "msg": {"type": "string"},
                        "type": {"type": "string"},
                    },
                },
            }
        },
    }
    return componenten


def _een_van(*items: str) -> dict:
    # anyOf: the shapes overlap (a full service is also a valid service_list item, and every
    # item a valid minimal_service), so with "exactly one of" every answer would be invalid.
    return {"anyOf": [_ref(i) for i in items]}


def _pagina(*items: str) -> dict:
    inhoud = _ref(items[0]) if len(items) == 1 else _een_van(*items)
    return {
        "allOf": [_ref("Page")],
        "properties": {"contents": {"type": "array", "items": inhoud}},
    }


def _antwoord(schema: dict, ndjson: dict | None = None) -> dict:
    inhoud = {"application/json": {"schema": schema}}
    if ndjson is not None:
        inhoud["application/x-ndjson"] = {"schema": ndjson}
    return {"description": "OK", "content": inhoud}


# operationId -> the 200 response. Lists stream as ndjson when asked (`format=ndjson`).
ANTWOORDEN = {
    "getAPIMetaInformation": _antwoord(_ref("api_meta")),
    "getPaginatedListOfServices": _antwoord(
        _pagina("service_list", "service", "minimal_service"),
        _een_van("service_list", "service"),
    ),
    "getFullyNestedServiceById": _antwoord(_ref("service")),
    "getPaginatedListOfOrganizations": _antwoord(
        _pagina("organization_list", "organization"),
        _een_van("organization_list", "organization"),
    ),
    "getOrganizationById": _antwoord(_ref("organization")),
    "getPaginatedListOfServiceAtLocation": _antwoord(
        _pagina("service_at_location_list", "service_at_location"),
        _een_van("service_at_location_list", "service_at_location"),
    ),
    "getServiceAtLocationWithNestedDataById": _antwoord(_ref("service_at_location")),
    "getPaginatedListOfTaxonomies": _antwoord(_pagina("taxonomy"), _ref("taxonomy")),
    "getTaxonomyById": _antwoord(_ref("taxonomy")),
    "getPaginatedListOfTaxonomyTerms": _antwoord(_pagina("taxonomy_term"), _ref("taxonomy_term")),
    "getTaxonomyTermById": _antwoord(_ref("taxonomy_term")),
}
FOUTEN = {
    "400": {
        "description": "Ongeldige vraag",
        "content": {"application/json": {"schema": _ref("fout")}},
    },
    "401": {
        "description": "Ongeldige API-sleutel",
        "content": {"application/json": {"schema": _ref("fout")}},
    },
    "404": {
        "description": "Niet gevonden",
        "content": {"application/json": {"schema": _ref("fout")}},
    },
    "422": {
        "description": "Parameter van het verkeerde type",
        "content": {"application/json": {"schema": _ref("validatiefout")}},
    },
}


class HsdsApi(NinjaAPI):
    """NinjaAPI whose document carries the HSDS response schemas and the bearer token."""

    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        document = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        document = copy.deepcopy(dict(document))
        componenten = document.setdefault("components", {})
        componenten.setdefault("schemas", {}).update(copy.deepcopy(hsds_componenten()))
        componenten["securitySchemes"] = {
            "sleutel": {
                "type": "http",
                "scheme": "bearer",
                "description": "API-sleutel van een organisatie: het professionele bereik.",
            }
        }
        document["info"]["license"] = {
            "name": "HSDS: CC BY-SA 4.0 (Open Referral)",
            "url": "https://creativecommons.org/licenses/by-sa/4.0/",
        }
        for pad in document["paths"].values():
            for operatie in pad.values():
                antwoord = ANTWOORDEN.get(operatie.get("operationId"))
                if antwoord is None:
                    continue
                operatie["responses"] = {"200": antwoord, **FOUTEN}
                # Without a key is allowed (the public view); with one, the professional view.
                operatie["security"] = [{}, {"sleutel": []}]
        return document
