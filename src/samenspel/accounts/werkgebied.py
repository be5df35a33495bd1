"""The gemeenten a user works in: the one rule every app's access checks start from."""

from samenspel.accounts.models import Rol


def gemeenten_van(gebruiker) -> set[str] | None:
    """CBS codes of the gemeenten a user works in, through their organisation or work area.

    None means all: a beheerder. An anonymous visitor works in none.
    """
    if not gebruiker.is_authenticated:
        return set()
    if gebruiker.rol == Rol.BEHEERDER:
        return None
    codes = set()
    organisatie = gebruiker.organisatie
    if organisatie is not None and organisatie.gemeente_id:
        codes.add(organisatie.gemeente_id)
    for gebied in gebruiker.gebieden.select_related("ouder__ouder"):
        codes.add(gebied.gemeente.code)
    return codes
