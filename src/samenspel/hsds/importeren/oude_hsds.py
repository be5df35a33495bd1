"""HSDS before 3.0 (1.x, and 2.x, which kept most of its tables): recognised, named, refused.

An HSDS 1.1 package shares organizations.csv, services.csv and locations.csv with 3.0, so
read as 3.0 it would import with its addresses, opening hours and eligibility silently left
out. Two clear markers say a package is older, and nothing else is guessed from:

- its tables: files (or datapackage.json resources) that only HSDS before 3.0 has, such as
  physical_addresses.csv or regular_schedules.csv;
- its datapackage.json, when made from the HSDS template: that template names the package
  ``human_services_data`` and puts the HSDS version in ``version`` (1.0, 2.0.1, 3.0.0).
  In any other package ``version`` is the publisher's own numbering and says nothing.

When datapackage.json can be read it describes the package; otherwise the file names do.
"""

import posixpath
import re
from dataclasses import dataclass
from functools import cache

from django.utils.translation import gettext as _

from samenspel.hsds import tabelkoppeling as t
from samenspel.hsds.importeren.fouten import ImportFout, Melding, Plaats

HSDS_SJABLOON = "human_services_data"
_OUDE_VERSIE = re.compile(r"v?([12])(\.\d+)*")


@dataclass(frozen=True)
class OudeTabel:
    naam: str  # its resource name in HSDS 1.x (or 2.x)
    bestand: str
    in_3: str | None  # where HSDS 3.0 keeps the same information, if anywhere


OUDE_TABELLEN = (
    OudeTabel("physical_address", "physical_addresses.csv", "addresses.csv"),
    OudeTabel("postal_address", "postal_addresses.csv", "addresses.csv"),
    OudeTabel("regular_schedule", "regular_schedules.csv", "schedules.csv"),
    OudeTabel("holiday_schedule", "holiday_schedules.csv", "schedules.csv"),
    OudeTabel("service_at_location", "services_at_location.csv", "service_at_location.csv"),
    OudeTabel("service_taxonomy", "services_taxonomy.csv", "attributes.csv"),
    OudeTabel("service_attribute", "service_attributes.csv", "attributes.csv"),
    OudeTabel("taxonomy", "taxonomy.csv", "taxonomies.csv, taxonomy_terms.csv"),
    OudeTabel(
        "eligibility",
        "eligibility.csv",
        "services.csv (eligibility_description, minimum_age, maximum_age)",
    ),
    OudeTabel("payment_accepted", "payments_accepted.csv", None),
    OudeTabel(
        "accessibility_for_disabilities", "accessibility_for_disabilities.csv", "accessibility.csv"
    ),
)
_PER_BESTAND = {o.bestand: o for o in OUDE_TABELLEN}


@cache
def _per_naam() -> dict[str, OudeTabel]:
    # Names 3.0 still uses (service_at_location, taxonomy) mark nothing; their old files do.
    return {o.naam: o for o in OUDE_TABELLEN if o.naam not in t.tabellen()}


def verklaarde_versie(beschrijving: dict) -> str | None:
    """The HSDS version before 3.0 that a datapackage.json from the HSDS template declares."""
    versie = beschrijving.get("version")
    if beschrijving.get("name") != HSDS_SJABLOON or not isinstance(versie, str):
        return None
    versie = versie.strip()
    return versie.lstrip("v") if _OUDE_VERSIE.fullmatch(versie) else None


def oude_bestand(naam: str) -> OudeTabel | None:
    return _PER_BESTAND.get(naam)


def oude_bron(bron: object) -> tuple[str, OudeTabel] | None:
    """A datapackage.json resource of a table only HSDS before 3.0 has: its file, its table."""
    if not isinstance(bron, dict):
        return None
    pad, naam = bron.get("path"), bron.get("name")
    pad = pad if isinstance(pad, str) else None
    tabel = (_PER_BESTAND.get(posixpath.basename(pad)) if pad else None) or (
        _per_naam().get(naam) if isinstance(naam, str) else None
    )
    if tabel is None:
        return None
    return pad or tabel.bestand, tabel


def weiger(plaats: Plaats, versie: str | None, bestanden: list[tuple[str, OudeTabel]]):
    """The refusal: which HSDS this is, then each file HSDS 3.0 does not know and its place."""
    if versie:
        kop = _(
            "dit is HSDS %(versie)s; Samenspel leest HSDS 3.0. Zet het pakket om naar "
            "HSDS 3.0 en probeer het opnieuw."
        ) % {"versie": versie}
    else:
        kop = _(
            "dit is HSDS van vóór versie 3.0 (1.x of 2.x), te zien aan de bestanden hieronder; "
            "Samenspel leest HSDS 3.0. Zet het pakket om naar HSDS 3.0 en probeer het opnieuw."
        )
    meldingen = [Melding(plaats, kop)]
    for bestand, tabel in dict(bestanden).items():  # each file once, in the package's order
        meldingen.append(Melding(Plaats(bestand), _uitleg(tabel)))
    return ImportFout(meldingen)


def _uitleg(tabel: OudeTabel) -> str:
    if tabel.in_3 is None:
        return _("HSDS 3.0 kent dit bestand niet en heeft er geen tabel voor")
    return _("HSDS 3.0 kent dit bestand niet; daar staat dit in %(bestand)s") % {
        "bestand": tabel.in_3
    }
