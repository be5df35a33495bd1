"""Every page of the web, walked as a resident and as outsiders: none of them sees a person.

People's names and how to reach them are for partners of the gemeente only (issue 11, items
1 and 9). ``PAGINAS`` names every URL of the network app with the path to open it in a small
web; a new URL without an entry fails ``test_elke_url_van_het_web_wordt_gecontroleerd``.
"""

import pytest
from django.urls import get_resolver, reverse

from samenspel.directory import models as m
from samenspel.network import actions
from samenspel.network.models import Bandsoort

pytestmark = pytest.mark.django_db

GEHEIME_NAAM = "Zwaantje Verbindertje"
GEHEIM_ADRES = "zwaantje.geheim@example.org"
GEHEIME_BEREIKBAAR = "Bel mij op woensdag qx81"


@pytest.fixture
def wereld(gebieden, professional, netwerkhouder):
    """A small Utrecht web whose people agreed, seen by outsiders."""
    team = m.Organization.objects.create(
        name="Buurtteam Overvecht", description="-", sector="formeel", gemeente=gebieden["utrecht"]
    )
    initiatief = m.Organization.objects.create(
        name="Handjehelpen", description="-", sector="informeel", gemeente=gebieden["utrecht"]
    )
    professional.organisatie = team
    professional.save()
    een = actions.voeg_persoon_toe(
        team,
        GEHEIME_NAAM,
        "test",
        email=GEHEIM_ADRES,
        bereikbaar=GEHEIME_BEREIKBAAR,
        wijk=gebieden["overvecht"],
    )
    ander = actions.voeg_persoon_toe(
        initiatief, "Marieke Bos", "test", email="marieke@example.org", wijk=gebieden["overvecht"]
    )
    actions.stem_in(een)
    actions.stem_in(ander)
    band = actions.leg_band(een, ander, Bandsoort.VERWIJZEN, "test")
    return {
        "gebieden": gebieden,
        "team": team,
        "initiatief": initiatief,
        "persoon": een,
        "ander": ander,
        "band": band,
    }


# URL name -> the path a partner would open, built from the world. Pages reached by a signed
# link (the person's own page, an RSVP) are in LINKS: they are walked without logging in,
# with a link of somebody else.
PAGINAS: dict = {
    "network:overzicht": lambda w: reverse("network:overzicht"),
    # The gemeente's web holds the world's organisations (their own gemeente field).
    "network:gebied": lambda w: reverse("network:gebied", args=["GM0344"]),
    "network:afdruk": lambda w: reverse("network:afdruk", args=["GM0344"]),
    "network:wat_als": lambda w: reverse("network:wat_als", args=["GM0344", w["persoon"].pk]),
    "network:graphml": lambda w: reverse("network:graphml", args=["GM0344"]),
    "network:gexf": lambda w: reverse("network:gexf", args=["GM0344"]),
}
LINKS: dict = {}
# URL names that only accept POST from a form on a page above, with the page they sit on.
ALLEEN_POST: dict = {}


def test_elke_url_van_het_web_wordt_gecontroleerd():
    bestaand = {
        f"network:{patroon.name}"
        for patroon in get_resolver().namespace_dict["network"][1].url_patterns
    }
    assert bestaand <= set(PAGINAS) | set(LINKS) | set(ALLEEN_POST)


@pytest.fixture
def buitenstaanders(client, andere_netwerkhouder, django_user_model, gebieden):
    """An anonymous resident, and partners of another gemeente (Rotterdam)."""
    from samenspel.accounts.models import Rol

    rotterdams = m.Organization.objects.create(
        name="Wijkteam West", description="-", sector="formeel", gemeente=gebieden["rotterdam"]
    )
    prof = django_user_model.objects.create_user(
        username="rotterdam_prof",
        email="rp@example.org",
        password="geheim-wachtwoord-123",
        rol=Rol.PROFESSIONAL,
        organisatie=rotterdams,
    )
    return {"anoniem": None, "netwerkhouder_rotterdam": andere_netwerkhouder, "prof": prof}


@pytest.mark.parametrize("wie", ["anoniem", "netwerkhouder_rotterdam", "prof"])
def test_een_bewoner_en_partners_van_een_andere_gemeente_zien_niemand(
    wereld, buitenstaanders, client, wie
):
    client.logout()
    if buitenstaanders[wie] is not None:
        client.force_login(buitenstaanders[wie])
    for naam, pad in PAGINAS.items():
        antwoord = client.get(pad(wereld))
        assert antwoord.status_code in (200, 302, 403, 404), (naam, antwoord.status_code)
        inhoud = antwoord.content.decode()
        for geheim in (GEHEIME_NAAM, GEHEIM_ADRES, GEHEIME_BEREIKBAAR):
            assert geheim not in inhoud, (wie, naam, geheim)
        if wie == "anoniem":
            assert antwoord.status_code in (302, 403, 404), naam


def test_een_analist_ziet_de_vorm_van_het_web_zonder_namen(wereld, analist, client):
    """A gemeente-analist of Utrecht sees the web's shape, never a person's name or contact."""
    analist.gebieden.add(wereld["gebieden"]["utrecht"])
    client.force_login(analist)
    gezien = 0
    for naam, pad in PAGINAS.items():
        antwoord = client.get(pad(wereld))
        assert antwoord.status_code in (200, 403), (naam, antwoord.status_code)
        gezien += antwoord.status_code == 200
        inhoud = antwoord.content.decode()
        for geheim in (GEHEIME_NAAM, GEHEIM_ADRES, GEHEIME_BEREIKBAAR, "Marieke Bos"):
            assert geheim not in inhoud, (naam, geheim)
    # The walk means something: the analist did see the pages of the web.
    assert gezien >= 5


def test_een_partner_van_de_gemeente_ziet_wel_de_namen(wereld, netwerkhouder, client):
    """The control for the walks above: the same pages do name people to a partner."""
    client.force_login(netwerkhouder)
    for naam in ("network:gebied", "network:wat_als", "network:graphml"):
        assert GEHEIME_NAAM in client.get(PAGINAS[naam](wereld)).content.decode(), naam
