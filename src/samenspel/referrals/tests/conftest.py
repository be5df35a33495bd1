"""Personas for referral tests: each party, and an outsider of the same kind for each.

- wijkteam professional "pim" (formal, sends), and "petra" at another team (outsider)
- "ine" runs the Wandelgroep (informal, receives), "olaf" runs another initiative (outsider)
- the buurtteam, which takes referrals from initiatives (the reverse direction)
"""

import datetime as dt

import pytest
from django.utils import timezone

from samenspel.accounts.models import Rol
from samenspel.directory import models as m
from samenspel.privacy.models import Manier
from samenspel.referrals import actions
from samenspel.referrals.models import Contactmanier, Terugkoppeling


def _organisatie(naam, sector, gebieden):
    return m.Organization.objects.create(
        name=naam, description=naam, sector=sector, gemeente=gebieden["utrecht"]
    )


@pytest.fixture
def organisaties(gebieden):
    return {
        "wijkteam": _organisatie("Wijkteam Overvecht", "formeel", gebieden),
        "ander_team": _organisatie("GGZ-team Noord", "formeel", gebieden),
        "andere_club": _organisatie("Breicafé De Steek", "informeel", gebieden),
    }


@pytest.fixture
def wandelgroep(maak_aanbod):
    return maak_aanbod(
        naam="Wandelgroep Overvecht",
        organisatie="Stichting Samen Lopen",
        route="aanmelden",
        beheerder_email="wandel@example.org",
    )


@pytest.fixture
def buurtteam(maak_aanbod):
    return maak_aanbod(
        naam="Buurtteam Overvecht",
        organisatie="Buurtteam Overvecht (organisatie)",
        sector="formeel",
        route="aanmelden",
        bouwstenen=("zorg-en-begeleiding",),
        beheerder_email="buurtteam@example.org",
    )


def _persoon(django_user_model, naam, rol, organisatie=None, **extra):
    return django_user_model.objects.create_user(
        username=naam,
        email=f"{naam}@example.org",
        password="geheim-wachtwoord-123",
        rol=rol,
        first_name=naam.capitalize(),
        organisatie=organisatie,
        **extra,
    )


@pytest.fixture
def pim(django_user_model, organisaties):
    """A wijkteam professional who refers."""
    return _persoon(django_user_model, "pim", Rol.PROFESSIONAL, organisaties["wijkteam"])


@pytest.fixture
def petra(django_user_model, organisaties):
    """A professional at another team: an outsider of the same kind."""
    return _persoon(django_user_model, "petra", Rol.PROFESSIONAL, organisaties["ander_team"])


@pytest.fixture
def ine(django_user_model, wandelgroep):
    """Runs the Wandelgroep: the receiving side, logged in."""
    return _persoon(django_user_model, "ine", Rol.INITIATIEFNEMER, wandelgroep.organization)


@pytest.fixture
def olaf(django_user_model, organisaties):
    """Runs another initiative: an outsider of the same kind."""
    return _persoon(django_user_model, "olaf", Rol.INITIATIEFNEMER, organisaties["andere_club"])


@pytest.fixture
def bart(django_user_model, buurtteam):
    """Works at the buurtteam: receives referrals from initiatives."""
    return _persoon(django_user_model, "bart", Rol.PROFESSIONAL, buurtteam.organization)


GEGEVENS = {
    "naam": "Sanne Visser",
    "contactmanier": Contactmanier.EMAIL,
    "contact": "sanne.visser@example.org",
    "wat_helpt": "Houdt van de buitenlucht en maakt graag een praatje onderweg.",
    "toestemming": Manier.MONDELING,
    "terugkoppeling": Terugkoppeling.STATUS,
}


@pytest.fixture
def verwijs(met_commit):
    """Refer someone through the real action; returns (referral, resident token)."""

    def doe(afzender, service, **over):
        gegevens = {
            **GEGEVENS,
            "geldig_tot": timezone.localdate() + dt.timedelta(days=180),
            **over,
        }
        return met_commit(actions.verwijs, afzender, service, gegevens)

    return doe


@pytest.fixture
def verwijzing(verwijs, pim, wandelgroep):
    v, token = verwijs(pim, wandelgroep)
    v.bewoner_token = token
    return v
