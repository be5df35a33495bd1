"""The built-in taxonomies: the seven bouwstenen (seed 003), doelgroepen, levensdomeinen, and
how a 24-uurszorg listing is there around the clock: *bereikbaar* (by phone) and/or
*beschikbaar* (at the door within minutes), as seed 003 separates them (l.3307–3319)."""

import json
import uuid
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"

# Stable ids, so every installation and every HSDS export names the same terms alike.
NAMESPACE = uuid.UUID("5a3e45b0-7c1e-4d0a-9a59-6b2f1d3c0e11")

INGEBOUWD = [
    (
        "Samenspel bouwstenen",
        "bouwstenen.json",
        "De zeven bouwstenen voor sociale inclusie in de wijk.",
    ),
    ("Samenspel doelgroepen", "doelgroepen.json", "Voor wie het aanbod bedoeld is."),
    ("Samenspel levensdomeinen", "levensdomeinen.json", "Levensdomeinen waarop het aanbod helpt."),
    (
        "Samenspel 24-uurszorg",
        "etmaal.json",
        "Hoe 24-uurszorg er is: telefonisch bereikbaar en/of binnen minuten aan de deur.",
    ),
]


def lees(bestand: str) -> list[dict]:
    return json.loads((DATA / bestand).read_text(encoding="utf-8"))


def laad(taxonomy_model, term_model) -> None:
    """Create or update the built-in taxonomies; safe to run again."""
    for naam, bestand, omschrijving in INGEBOUWD:
        taxonomie, _ = taxonomy_model.objects.update_or_create(
            id=uuid.uuid5(NAMESPACE, naam),
            defaults={"name": naam, "description": omschrijving, "version": "1"},
        )
        for volgorde, term in enumerate(lees(bestand), start=1):
            term_model.objects.update_or_create(
                id=uuid.uuid5(NAMESPACE, f"{naam}/{term['code']}"),
                defaults={
                    "taxonomy": taxonomie,
                    "code": term["code"],
                    "name": term["naam"],
                    "description": term.get("definitie") or term["naam"],
                    "language": "nl",
                    "volgorde": volgorde,
                },
            )
