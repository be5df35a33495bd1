"""Who may see what in signalen: one rule for every page, e-mail and download of this app.

- The content of a worry about a person is for the receiving team only: the logged-in staff
  of the organisation it was handed to (``is_team``). Nobody else, not the analyst, not a
  netwerkhouder, not a beheerder browsing, reads it on a page.
- A signal about the neighbourhood is for the netwerkhouders of its area (``ziet_buurtsignalen``).
- Counts (never content) are for the gemeente's analysts, netwerkhouders and beheerders
  (``ziet_tellingen``).
- Routes and routing rules are set by a beheerder (``beheert_routes``).
- The signaller has no account: they follow their worry through a private signed link.
"""

from samenspel.accounts.models import Rol
from samenspel.accounts.werkgebied import gemeenten_van

TEAMROLLEN = {Rol.PROFESSIONAL, Rol.INITIATIEFNEMER, Rol.NETWERKHOUDER}


def is_team(gebruiker, organisatie) -> bool:
    """Does this user work for the organisation (the team a worry was handed to)?"""
    return (
        gebruiker.is_authenticated
        and organisatie is not None
        and gebruiker.rol in TEAMROLLEN
        and gebruiker.organisatie_id == organisatie.pk
    )


def ziet_buurtsignalen(gebruiker, gebied) -> bool:
    """May this user read and answer the neighbourhood signals of this buurt or wijk?"""
    return gebruiker.is_authenticated and gebruiker.beoordeelt(gebied)


def ziet_tellingen(gebruiker, gemeente_code: str | None) -> bool:
    """May this user see the counts (never the content) of this gemeente's signals?"""
    if not gebruiker.is_authenticated:
        return False
    if gebruiker.rol == Rol.BEHEERDER:
        return True
    if gebruiker.rol not in {Rol.GEMEENTE_ANALIST, Rol.NETWERKHOUDER} or gemeente_code is None:
        return False
    return gemeente_code in (gemeenten_van(gebruiker) or set())


def beheert_routes(gebruiker) -> bool:
    """May this user set the regional routes and routing rules?"""
    return gebruiker.is_authenticated and gebruiker.rol == Rol.BEHEERDER
