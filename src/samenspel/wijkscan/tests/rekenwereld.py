"""A gemeente with figures and listings whose expected supply is known, for page tests.

Rekenstad (4,000 inwoners), wijk Midden, two buurten:
- Oost (1,000 inwoners, 30 % psychische klachten, 10 % lage inkomens): one listing of zorg
  en begeleiding;
- West (3,000 inwoners, 10 % psychische klachten, 10 % lage inkomens): three.
Basis 1.0 per 1,000. With the default weights (psychische klachten 2, lage inkomens 1) Oost
expects 1.67 and has 1: "minder dan verwacht"; West expects 2.33 and has 3: "meer dan
verwacht". With only lage inkomens both expect their residents/1,000 and neither has a flag.
"""

from samenspel.accounts.models import Rol
from samenspel.areas.models import Gebied
from samenspel.directory import models as m

ZORG = "zorg-en-begeleiding"


def cijfers(**waarden):
    """Area figures as the import stores them: value, year and source per column."""
    return {k: {"waarde": v, "jaar": 2024, "bron": "CBS"} for k, v in waarden.items()}


def _aanbod(gemeente, buurt, naam):
    organisatie = m.Organization.objects.create(
        name=f"{naam} (organisatie)", description=naam, sector="formeel", gemeente=gemeente
    )
    service = m.Service.objects.create(
        organization=organisatie, name=naam, description=naam, beheerder_email="x@example.org"
    )
    locatie = m.Location.objects.create(
        organization=organisatie, name=naam, latitude=52.0, longitude=5.0, buurt=buurt
    )
    m.ServiceAtLocation.objects.create(service=service, location=locatie)
    m.Attribute.objects.create(
        link_entity="service",
        link_id=service.pk,
        taxonomy_term=m.TaxonomyTerm.objects.bouwstenen().get(code=ZORG),
    )


def bouw(django_user_model):
    gemeente = Gebied.objects.create(code="GM9997", naam="Rekenstad", niveau="gemeente")
    wijk = Gebied.objects.create(code="WK999701", naam="Midden", niveau="wijk", ouder=gemeente)
    oost = Gebied.objects.create(
        code="BU99970101",
        naam="Oost",
        niveau="buurt",
        ouder=wijk,
        cijfers=cijfers(inwoners=1000, psychische_klachten=30, lage_inkomens=10),
    )
    west = Gebied.objects.create(
        code="BU99970102",
        naam="West",
        niveau="buurt",
        ouder=wijk,
        cijfers=cijfers(inwoners=3000, psychische_klachten=10, lage_inkomens=10),
    )
    _aanbod(gemeente, oost, "Begeleiding Oost")
    for i in range(3):
        _aanbod(gemeente, west, f"Begeleiding West {i}")
    analist = django_user_model.objects.create_user(
        username="analist_rekenstad",
        email="analist_rekenstad@example.org",
        password="geheim-wachtwoord-123",
        rol=Rol.GEMEENTE_ANALIST,
    )
    analist.gebieden.add(gemeente)
    return {"gemeente": gemeente, "wijk": wijk, "oost": oost, "west": west, "analist": analist}
