"""What partners see of the people in the web.

A person appears to partners only after they agreed through the link sent to them; until then
their organisation shows only the role (issue 11, item 1). Every listing of people for
partners goes through ``voor_partners``, so the rule lives in one place.
"""

from dataclasses import dataclass

from .models import Persoon


@dataclass(frozen=True)
class Zichtbaar:
    id: str
    organisatie: str
    rol: str
    naam: str  # empty until the person agreed
    bereikbaar: str  # likewise


def voor_partners(organisaties) -> list[Zichtbaar]:
    """The active contact people of these organisations, as partners may see them."""
    personen = (
        Persoon.objects.actief()
        .filter(organisatie__in=organisaties)
        .select_related("organisatie")
        .order_by("organisatie__name", "verbinderrol", "functie", "id")
    )
    return [
        Zichtbaar(
            id=str(p.pk),
            organisatie=p.organisatie.name,
            rol=p.rol,
            naam=p.naam if p.ingestemd else "",
            bereikbaar=p.bereikbaar if p.ingestemd else "",
        )
        for p in personen
    ]
