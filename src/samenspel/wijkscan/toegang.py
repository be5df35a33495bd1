"""Who may see and change the wijkscan: one rule for every page and download of this app.

The wijkscan holds no personal data (issue 12, item 8), but judgements in progress and the
action list are the work of the gemeente's network: the netwerkhouders and analysts of the
gemeente see and change them (``werkt_aan``). The matrix of supply and flags is also shown
to anybody, residents included, once the gemeente made it public (``Scaninstelling``).
A beheerder sees all.
"""

from samenspel.accounts.models import Rol
from samenspel.accounts.werkgebied import gemeenten_van

SCANROLLEN = {Rol.NETWERKHOUDER, Rol.GEMEENTE_ANALIST}


def werkt_aan(gebruiker, gemeente_code: str | None) -> bool:
    """May this user see everything of this gemeente's wijkscan and change it?"""
    if not gebruiker.is_authenticated:
        return False
    if gebruiker.rol == Rol.BEHEERDER:
        return True
    if gebruiker.rol not in SCANROLLEN or gemeente_code is None:
        return False
    return gemeente_code in (gemeenten_van(gebruiker) or set())


def ziet_matrix(gebruiker, gemeente_code: str | None) -> bool:
    """May this user see the matrix (supply, flags, public judgements) of this gemeente?"""
    from samenspel.wijkscan.models import Scaninstelling

    if werkt_aan(gebruiker, gemeente_code):
        return True
    return Scaninstelling.objects.filter(gemeente_id=gemeente_code, matrix_openbaar=True).exists()
