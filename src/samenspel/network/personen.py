"""What partners see of the people in the web.

A person appears to partners only after they agreed through the link sent to them; until then
their organisation shows only the role (issue 11, item 1). Every listing of people for
partners goes through ``voor_partners``, so the rule lives in one place.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from samenspel.privacy import audit
from samenspel.privacy.models import Actie, Partij

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


def als_schakel(persoon: Persoon) -> str:
    """How one end of a tie reads for partners: the name after consent, else the role.

    An erased person's tie stays as "via [rol]" (issue 11, item 9), e.g. "via
    vrijwilligerscoördinator bij Handjehelpen".
    """
    if persoon.gewist:
        return _("via %(rol)s bij %(organisatie)s") % {
            "rol": persoon.rol,
            "organisatie": persoon.organisatie.name,
        }
    return persoon.zichtbaar_als


def bekijk(persoon: Persoon, gebruiker) -> None:
    """Every read of a person's entry by someone else is in the audit log (issue 11, item 9).

    The one place that writes it, so no page that shows an entry can forget it. The person
    reading their own entry (logged in with the same address) is not someone else.
    """
    eigen = (
        gebruiker.is_authenticated
        and persoon.email
        and (gebruiker.email or "").strip().lower() == persoon.email.strip().lower()
    )
    if eigen:
        return
    wie = gebruiker.get_username() if gebruiker.is_authenticated else ""
    audit.leg_vast(Actie.BEKEKEN, persoon, wie, Partij.BEHEERDER)
