"""Every page of the web, walked as a resident and as outsiders: none of them sees a person.

People's names and how to reach them are for partners of the gemeente only (issue 11, items
1 and 9). ``PAGINAS`` names every URL of the network app with the path to open it in a small
web; a new URL without an entry fails ``test_elke_url_van_het_web_wordt_gecontroleerd``.
"""

import pytest
from django.core import mail
from django.urls import get_resolver, reverse

from samenspel.directory import models as m
from samenspel.network import actions, links
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
    "network:organisatie": lambda w: reverse("network:organisatie", args=[w["team"].pk]),
    "network:persoon": lambda w: reverse("network:persoon", args=[w["persoon"].pk]),
    "network:persoon_nieuw": lambda w: reverse("network:persoon_nieuw", args=[w["team"].pk]),
    "network:band_nieuw": lambda w: reverse("network:band_nieuw", args=[w["team"].pk]),
}
# A person's own pages, opened with a link made for somebody else (Marieke's token on the
# secret person's address): 404, and nothing of either shows.
LINKS: dict = {
    "network:instemmen": lambda w: reverse(
        "network:instemmen",
        args=[w["persoon"].pk, links.maak_token(w["ander"], links.INSTEMMEN)],
    ),
    "network:mijn_gegevens": lambda w: reverse(
        "network:mijn_gegevens",
        args=[w["persoon"].pk, links.maak_token(w["ander"], links.MIJN_GEGEVENS)],
    ),
}
# URL names that only accept POST from a form on a page above, with the page they sit on.
ALLEEN_POST: dict = {
    "network:instemlink": (
        "network:persoon",
        lambda w: reverse("network:instemlink", args=[w["persoon"].pk]),
    ),
    "network:contact": (
        "network:organisatie",
        lambda w: reverse("network:contact", args=[w["band"].pk]),
    ),
}


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


@pytest.mark.parametrize("naam", sorted(LINKS))
def test_een_link_van_iemand_anders_geeft_404_en_toont_niemand(wereld, client, naam):
    antwoord = client.get(LINKS[naam](wereld))
    assert antwoord.status_code == 404, naam
    inhoud = antwoord.content.decode()
    for geheim in (GEHEIME_NAAM, GEHEIM_ADRES, GEHEIME_BEREIKBAAR, "Marieke", "marieke@"):
        assert geheim not in inhoud, (naam, geheim)
    # Posting with it changes nothing either.
    assert (
        client.post(
            LINKS[naam](wereld), {"keuze": "nee", "actie": "uitstappen_bevestigd"}
        ).status_code
        == 404
    )
    wereld["persoon"].refresh_from_db()
    assert wereld["persoon"].ingestemd and not wereld["persoon"].gewist


@pytest.mark.parametrize("naam", sorted(LINKS))
def test_een_veranderde_link_geeft_404(wereld, client, naam):
    pad = LINKS[naam](wereld).replace(str(wereld["persoon"].pk), str(wereld["ander"].pk))
    assert client.get(pad).status_code == 200  # the link of the person it was made for works
    assert client.get(pad.replace(":", "x", 1)).status_code == 404


@pytest.mark.parametrize("wie", ["anoniem", "netwerkhouder_rotterdam", "prof"])
def test_buitenstaanders_noteren_geen_contact_en_sturen_geen_link(
    wereld, buitenstaanders, client, wie
):
    client.logout()
    if buitenstaanders[wie] is not None:
        client.force_login(buitenstaanders[wie])
    for naam, (_pagina, pad) in ALLEEN_POST.items():
        antwoord = client.post(pad(wereld))
        assert antwoord.status_code in (302, 403, 404), (naam, antwoord.status_code)
        if antwoord.status_code == 302:
            assert "/inloggen/" in antwoord["Location"], naam
    wereld["band"].refresh_from_db()
    assert wereld["band"].laatste_contact is None
    assert not mail.outbox
