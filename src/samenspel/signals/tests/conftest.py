"""A small Utrecht with a wijkteam, a corporatie and a netwerkhouder, and outsiders."""

import pytest

from samenspel.accounts.models import Rol
from samenspel.directory import models as m


@pytest.fixture
def signaalwereld(gebieden, netwerkhouder, andere_netwerkhouder, django_user_model):
    """Utrecht (wijk Overvecht, buurten Zambesidreef and Vechtzoom) and who is who.

    - ``wijkteam``: Buurtteam Overvecht (formal), with staff member ``teamlid``;
    - ``corporatie``: Woningcorporatie Portaal, with staff member ``corporatielid``;
    - ``ander_team``: Buurtteam Zuid in Utrecht, with ``ander_teamlid`` (another team);
    - ``rotterdam_team``: Wijkteam Middelland in Rotterdam, with ``rotterdammer``;
    - ``netwerkhouder`` of Overvecht, ``andere_netwerkhouder`` of Middelland (Rotterdam);
    - ``analist`` of Utrecht, ``andere_analist`` of Rotterdam (the outsider); ``beheerder``.
    """

    def organisatie(naam, gemeente, sector="formeel"):
        return m.Organization.objects.create(
            name=naam, description="-", sector=sector, gemeente=gebieden[gemeente]
        )

    def gebruiker(naam, rol, organisatie=None, gebied=None, **extra):
        g = django_user_model.objects.create_user(
            username=naam,
            email=f"{naam}@example.org",
            password="geheim-wachtwoord-123",
            rol=rol,
            organisatie=organisatie,
            **extra,
        )
        if gebied is not None:
            g.gebieden.add(gebied)
        return g

    wijkteam = organisatie("Buurtteam Overvecht", "utrecht")
    corporatie = organisatie("Woningcorporatie Portaal", "utrecht", "hybride")
    ander_team = organisatie("Buurtteam Zuid", "utrecht")
    rotterdam_team = organisatie("Wijkteam Middelland", "rotterdam")
    return {
        "gebieden": gebieden,
        "gemeente": gebieden["utrecht"],
        "wijk": gebieden["overvecht"],
        "buurt": gebieden["zambesidreef"],
        "wijkteam": wijkteam,
        "corporatie": corporatie,
        "ander_team": ander_team,
        "rotterdam_team": rotterdam_team,
        "teamlid": gebruiker("teamlid", Rol.PROFESSIONAL, wijkteam),
        "corporatielid": gebruiker("corporatielid", Rol.PROFESSIONAL, corporatie),
        "ander_teamlid": gebruiker("ander_teamlid", Rol.PROFESSIONAL, ander_team),
        "rotterdammer": gebruiker("rotterdammer", Rol.PROFESSIONAL, rotterdam_team),
        "vrijwilliger": gebruiker("vrijwilliger", Rol.INITIATIEFNEMER),
        "netwerkhouder": netwerkhouder,
        "andere_netwerkhouder": andere_netwerkhouder,
        "analist": gebruiker("analist_utrecht", Rol.GEMEENTE_ANALIST, gebied=gebieden["utrecht"]),
        "andere_analist": gebruiker(
            "analist_rotterdam", Rol.GEMEENTE_ANALIST, gebied=gebieden["rotterdam"]
        ),
        "beheerder": gebruiker(
            "beheerder_signalen", Rol.BEHEERDER, is_staff=True, is_superuser=True
        ),
    }
