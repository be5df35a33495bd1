"""A small Utrecht wijkscan and the people who look at it, for every test of this app."""

import pytest

from samenspel.accounts.models import Rol


@pytest.fixture
def scanwereld(gebieden, netwerkhouder, andere_netwerkhouder, django_user_model):
    """Utrecht (one wijk, two buurten) and who works on its scan, and who does not.

    - ``netwerkhouder`` and ``analist`` work on Utrecht's scan;
    - ``rotterdam`` is a netwerkhouder of another gemeente, ``analist_rotterdam`` its analyst;
    - ``professional`` works in Utrecht but has no role in the scan.
    """

    def maak(naam, rol, gebied):
        gebruiker = django_user_model.objects.create_user(
            username=naam, email=f"{naam}@example.org", password="geheim-wachtwoord-123", rol=rol
        )
        gebruiker.gebieden.add(gebied)
        return gebruiker

    return {
        "gebieden": gebieden,
        "gemeente": gebieden["utrecht"],
        "wijk": gebieden["overvecht"],
        "netwerkhouder": netwerkhouder,
        "analist": maak("analist_utrecht", Rol.GEMEENTE_ANALIST, gebieden["utrecht"]),
        "rotterdam": andere_netwerkhouder,
        "analist_rotterdam": maak("analist_rotterdam", Rol.GEMEENTE_ANALIST, gebieden["rotterdam"]),
        "professional": maak("professional_utrecht", Rol.PROFESSIONAL, gebieden["overvecht"]),
    }
