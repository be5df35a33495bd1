"""Who judges a listing is one rule: the netwerkhouder who is mailed about a registration also
finds it in the queue and can open and decide on it, and nobody else can."""

import pytest
from django.core import mail
from django.urls import reverse

from samenspel.directory import actions, netwerkhouders
from samenspel.directory import models as m

WACHTRIJ = reverse("directory:wachtrij")


def _beoordeel(service) -> str:
    return reverse("directory:beoordeel", args=[service.pk])


@pytest.fixture
def in_twee_gemeenten(maak_aanbod, gebieden):
    """A registration in Utrecht (Zambesidreef) that also meets in Rotterdam (Middelland)."""
    service = maak_aanbod(
        naam="Samen koken in twee steden",
        moderatie=m.Moderatie.ONBEVESTIGD,
        beheerder_email="anna@example.org",
    )
    locatie = m.Location.objects.create(
        organization=service.organization, name="Rotterdam", buurt=gebieden["middelland_noord"]
    )
    m.ServiceAtLocation.objects.create(service=service, location=locatie)
    return service


def _zo_ziet_hij_het(client, gebruiker, service) -> dict[str, bool]:
    client.force_login(gebruiker)
    return {
        "gemaild": gebruiker.email in {a for b in mail.outbox for a in b.to},
        "in_wachtrij": service.name in client.get(WACHTRIJ).content.decode(),
        "kan_openen": client.get(_beoordeel(service)).status_code == 200,
    }


def test_netwerkhouder_van_de_tweede_gemeente_wordt_gemaild_ziet_en_keurt_goed(
    client, in_twee_gemeenten, netwerkhouder, andere_netwerkhouder, met_commit
):
    met_commit(actions.bevestig_email, in_twee_gemeenten)

    for gebruiker in (netwerkhouder, andere_netwerkhouder):
        assert _zo_ziet_hij_het(client, gebruiker, in_twee_gemeenten) == {
            "gemaild": True,
            "in_wachtrij": True,
            "kan_openen": True,
        }
    pagina = client.get(_beoordeel(in_twee_gemeenten)).content.decode()
    assert "Zambesidreef" in pagina and "Middelland-Noord" in pagina

    client.force_login(andere_netwerkhouder)
    antwoord = met_commit(client.post, _beoordeel(in_twee_gemeenten), {"actie": "goedkeuren"})
    assert antwoord.status_code == 302
    in_twee_gemeenten.refresh_from_db()
    assert in_twee_gemeenten.moderatie == m.Moderatie.GOEDGEKEURD


def test_zonder_buurt_beoordeelt_de_netwerkhouder_van_de_gemeente(
    client, maak_aanbod, netwerkhouder, andere_netwerkhouder, django_user_model, gebieden
):
    service = maak_aanbod(moderatie=m.Moderatie.WACHTRIJ)
    m.Location.objects.filter(service_at_locations__service=service).update(buurt=None)
    utrecht = django_user_model.objects.create_user(
        username="utrecht", email="utrecht@example.org", rol="netwerkhouder"
    )
    utrecht.gebieden.add(gebieden["utrecht"])
    actions._meld_netwerkhouders(service)

    assert _zo_ziet_hij_het(client, utrecht, service) == dict.fromkeys(
        ("gemaild", "in_wachtrij", "kan_openen"), True
    )
    # Overvecht is a wijk of Utrecht, but a listing known only by its gemeente is not in it.
    for buiten in (netwerkhouder, andere_netwerkhouder):
        assert _zo_ziet_hij_het(client, buiten, service) == dict.fromkeys(
            ("gemaild", "in_wachtrij", "kan_openen"), False
        )


def test_regel_en_wachtrij_zijn_het_eens(
    maak_aanbod, netwerkhouder, andere_netwerkhouder, beheerder, professional, gebieden
):
    """Every listing against every user: the queue's query says what the rule says."""
    diensten = [
        maak_aanbod(naam="Utrecht", buurt="zambesidreef", moderatie=m.Moderatie.WACHTRIJ),
        maak_aanbod(naam="Rotterdam", buurt="middelland_noord", moderatie=m.Moderatie.WACHTRIJ),
    ]
    for gebruiker in (netwerkhouder, andere_netwerkhouder, beheerder, professional):
        in_wachtrij = set(
            netwerkhouders.te_beoordelen_door(gebruiker, m.Service.objects.all()).values_list(
                "pk", flat=True
            )
        )
        for service in diensten:
            mailbaar = gebruiker in netwerkhouders.netwerkhouders_van(service)
            assert (service.pk in in_wachtrij) == netwerkhouders.beoordeelt(gebruiker, service)
            if gebruiker.rol == "netwerkhouder":
                assert mailbaar == netwerkhouders.beoordeelt(gebruiker, service)
