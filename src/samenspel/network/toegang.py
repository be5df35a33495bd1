"""Who may see and change the web: one rule for every page, export and e-mail of the network app.

People's names and how to reach them are for partners only (issue 11, items 1 and 9):
residents and outsiders never see them. A partner is a logged-in initiatiefnemer,
professional or netwerkhouder who works in the same gemeente as the organisation, through
their own organisation or their work area. A gemeente-analist sees the shape of the web of
their gemeente (organisations, bridges, counts) but not people's names. A beheerder sees all.

Changing an organisation's people is for the organisation's own staff and for the
netwerkhouders of its gemeente; moving many ties at once (bulk hand-over) only for the
netwerkhouders and beheerders.
"""

from samenspel.accounts.models import Rol
from samenspel.accounts.werkgebied import gemeenten_van

PARTNERROLLEN = {Rol.INITIATIEFNEMER, Rol.PROFESSIONAL, Rol.NETWERKHOUDER}


def _in_gemeente(gebruiker, gemeente_code: str | None) -> bool:
    codes = gemeenten_van(gebruiker)
    return codes is None or (gemeente_code is not None and gemeente_code in codes)


def is_partner(gebruiker, gemeente_code: str | None) -> bool:
    """May this user see people's names and contact in this gemeente's web?"""
    if not gebruiker.is_authenticated:
        return False
    if gebruiker.rol == Rol.BEHEERDER:
        return True
    return gebruiker.rol in PARTNERROLLEN and _in_gemeente(gebruiker, gemeente_code)


def ziet_web(gebruiker, gemeente_code: str | None) -> bool:
    """May this user see the shape of this gemeente's web (without names, for an analist)?"""
    if is_partner(gebruiker, gemeente_code):
        return True
    return (
        gebruiker.is_authenticated
        and gebruiker.rol == Rol.GEMEENTE_ANALIST
        and _in_gemeente(gebruiker, gemeente_code)
    )


def beheert_personen(gebruiker, organisatie) -> bool:
    """May this user add, correct or mark as left the people of this organisation?"""
    if not gebruiker.is_authenticated:
        return False
    if gebruiker.rol == Rol.BEHEERDER:
        return True
    if gebruiker.organisatie_id is not None and gebruiker.organisatie_id == organisatie.pk:
        return gebruiker.rol in PARTNERROLLEN
    return gebruiker.rol == Rol.NETWERKHOUDER and _in_gemeente(gebruiker, organisatie.gemeente_id)


def beheert_web(gebruiker, gemeente_code: str | None) -> bool:
    """May this user move many ties at once (bulk hand-over) in this gemeente?"""
    if not gebruiker.is_authenticated:
        return False
    if gebruiker.rol == Rol.BEHEERDER:
        return True
    return gebruiker.rol == Rol.NETWERKHOUDER and _in_gemeente(gebruiker, gemeente_code)
