"""Every page of the web, walked as a resident and as outsiders: none of them sees a person.

People's names and how to reach them are for partners of the gemeente only (issue 11, items
1 and 9). ``PAGINAS`` names every URL of the network app with the path to open it in a small
web; a new URL without an entry fails ``test_elke_url_van_het_web_wordt_gecontroleerd``.
"""

import datetime as dt

import pytest
from django.core import mail
from django.urls import get_resolver, reverse
from django.utils import timezone

from samenspel.directory import models as m
from samenspel.network import actions, bijeenkomstlinks, links
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
    "network:vertrek": lambda w: reverse("network:vertrek", args=[w["persoon"].pk]),
    "network:overdracht": lambda w: (
        reverse("network:overdracht") + f"?van={w['team'].pk}&naar={w['initiatief'].pk}"
    ),
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
    "network:mijn_download": lambda w: reverse(
        "network:mijn_download",
        args=[w["persoon"].pk, links.maak_token(w["ander"], links.MIJN_GEGEVENS)],
    ),
    "network:mijn_wissen": lambda w: reverse(
        "network:mijn_wissen",
        args=[w["persoon"].pk, links.maak_token(w["ander"], links.MIJN_GEGEVENS)],
    ),
}
PAGINAS.update(
    {
        "network:overzicht": lambda w: reverse("network:overzicht"),
        # The gemeente's web holds the world's organisations (their own gemeente field).
        "network:gebied": lambda w: reverse("network:gebied", args=["GM0344"]),
        "network:afdruk": lambda w: reverse("network:afdruk", args=["GM0344"]),
        "network:wat_als": lambda w: reverse("network:wat_als", args=["GM0344", w["persoon"].pk]),
        "network:graphml": lambda w: reverse("network:graphml", args=["GM0344"]),
        "network:gexf": lambda w: reverse("network:gexf", args=["GM0344"]),
    }
)
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


# --- Vraag een verbinder and Samen beginnen ---------------------------------------------


def _aanbod(w):
    """A listing of Handjehelpen: the secret person knows it through their tie to Marieke."""
    if "aanbod" not in w:
        w["aanbod"] = m.Service.objects.create(
            organization=w["initiatief"],
            name="Klussen met Handjehelpen",
            description="-",
            assured_date=timezone.localdate(),
            beheerder_email="eigenaar@example.org",
        )
    return w["aanbod"]


def _samen(w, sleutel="samen"):
    """An invitation of the secret person by the Utrecht professional."""
    if sleutel not in w:
        from samenspel.accounts.models import Gebruiker
        from samenspel.network.models import Gesprek, Persoon
        from samenspel.privacy.models import Manier, Toestemming

        professional = Gebruiker.objects.get(username="professional")
        toestemming = Toestemming.objects.create(
            organisatie=w["team"],
            organisatie_naam=w["team"].name,
            gegevens=["naam"],
            doel="samen beginnen",
            geldig_tot=timezone.localdate() + dt.timedelta(days=30),
            manier=Manier.MONDELING,
            vastgelegd_door=professional,
            vastgelegd_door_naam="professional",
            gegeven_op=timezone.now(),
        )
        w[sleutel] = actions.nodig_uit(
            professional,
            Persoon.objects.get(pk=w["persoon"].pk),
            toestemming,
            Gesprek.EERSTE_GESPREK,
            timezone.now() + dt.timedelta(days=2),
            "Kantoor",
            "Bewonernaam",
        )
    return w[sleutel]


def _vreemde_link(w):
    """The answer page of one invitation, opened with the signed link of another."""
    from samenspel.network import links

    ander = _samen(w, "samen_ander")
    return reverse("network:samen_antwoord", args=[_samen(w).pk, links.samen_token(ander)])


# --- network meetings: a Utrecht series whose next meeting the secret person pitches at and
# is invited to.


def _reeks(w):
    if "reeks" not in w:
        w["reeks"] = actions.start_reeks(
            [w["team"], w["initiatief"]],
            "test",
            naam="Sirenelunch Overvecht",
            gemeente=w["gebieden"]["utrecht"],
            plaats="Zamenhofdreef",
            week_van_de_maand=1,
            weekdag=0,
            tijd=dt.time(12, 0),
        )
    return w["reeks"]


def _bijeenkomst(w):
    if "bijeenkomst" not in w:
        bijeenkomst = _reeks(w).bijeenkomsten.order_by("begint").first()
        service = m.Service.objects.create(
            organization=w["initiatief"], name="Steungezinnen", description="-"
        )
        actions.voeg_agendapunt_toe(bijeenkomst, service, w["persoon"], "test")
        w["bijeenkomst"] = bijeenkomst
    return w["bijeenkomst"]


def _uitnodiging(w):
    if "uitnodiging" not in w:
        w["uitnodiging"] = actions.nodig_uit_voor_bijeenkomst(
            _bijeenkomst(w), [w["persoon"]], "test"
        )[0]
    return w["uitnodiging"]


PAGINAS.update(
    {
        "network:vraag_verbinder": lambda w: reverse(
            "network:vraag_verbinder", args=[_aanbod(w).pk, w["persoon"].pk]
        ),
        "network:samen_nieuw": lambda w: (
            reverse("network:samen_nieuw") + f"?persoon={w['persoon'].pk}"
        ),
        "network:samen_lijst": lambda w: reverse("network:samen_lijst"),
        "network:samen": lambda w: reverse("network:samen", args=[_samen(w).pk]),
        "network:samen_intrekken": lambda w: reverse(
            "network:samen_intrekken", args=[_samen(w).pk]
        ),
    }
)
LINKS["network:samen_antwoord"] = _vreemde_link
ALLEEN_POST["network:samen_gehouden"] = (
    "network:samen",
    lambda w: reverse("network:samen_gehouden", args=[_samen(w).pk]),
)
PAGINAS.update(
    {
        "network:reeksen": lambda w: reverse("network:reeksen"),
        "network:reeks_nieuw": lambda w: reverse("network:reeks_nieuw"),
        "network:reeks": lambda w: reverse("network:reeks", args=[_reeks(w).pk]),
        "network:bijeenkomst": lambda w: reverse("network:bijeenkomst", args=[_bijeenkomst(w).pk]),
    }
)


def _veranderd(pad: str) -> str:
    """The same link with one character of its token changed, as a guess or a typo."""
    deel, _, vraag = pad.partition("?")
    stukken = deel.rstrip("/").split("/")
    for i in range(len(stukken) - 1, -1, -1):
        if ":" in stukken[i]:
            token = stukken[i]
            stukken[i] = token[:-5] + ("A" if token[-5] != "A" else "B") + token[-4:]
            break
    return "/".join(stukken) + ("/" if deel.endswith("/") else "") + (f"?{vraag}" if vraag else "")


# The real links of the secret person's invitation and of the series' feed. LINKS opens each
# with one character of its token changed: the link of somebody else, guessed or copied wrong.
ECHTE_LINKS = {
    "network:rsvp": lambda w: bijeenkomstlinks.rsvp_pad(_uitnodiging(w), "ja"),
    "network:kennisgemaakt": lambda w: bijeenkomstlinks.kennisgemaakt_pad(_uitnodiging(w)),
    "network:ical_reeks": lambda w: bijeenkomstlinks.reeks_feed_pad(_reeks(w)),
    "network:ical_persoon": lambda w: bijeenkomstlinks.persoon_feed_pad(_uitnodiging(w).persoon),
}
LINKS.update(
    {naam: (lambda w, echt=echt: _veranderd(echt(w))) for naam, echt in ECHTE_LINKS.items()}
)
ALLEEN_POST["network:uitnodigen"] = (
    "network:bijeenkomst",
    lambda w: reverse("network:uitnodigen", args=[_bijeenkomst(w).pk]),
)


def test_elke_url_van_het_web_wordt_gecontroleerd():
    bestaand = {
        f"network:{patroon.name}"
        for patroon in get_resolver().namespace_dict["network"][1].url_patterns
    }
    assert bestaand <= set(PAGINAS) | set(LINKS) | set(ALLEEN_POST)


BUITENSTAANDERS = ["anoniem", "netwerkhouder_rotterdam", "prof", "analist_rotterdam"]


@pytest.fixture
def buitenstaanders(client, andere_netwerkhouder, django_user_model, gebieden):
    """An anonymous resident, partners of another gemeente (Rotterdam) and its analist."""
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
    analist_rotterdam = django_user_model.objects.create_user(
        username="analist_rotterdam",
        email="ar@example.org",
        password="geheim-wachtwoord-123",
        rol=Rol.GEMEENTE_ANALIST,
    )
    analist_rotterdam.gebieden.add(gebieden["rotterdam"])
    return {
        "anoniem": None,
        "netwerkhouder_rotterdam": andere_netwerkhouder,
        "prof": prof,
        "analist_rotterdam": analist_rotterdam,
    }


@pytest.mark.parametrize("wie", BUITENSTAANDERS)
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


@pytest.mark.parametrize("wie", BUITENSTAANDERS)
def test_op_de_pagina_van_een_aanbod_ziet_een_buitenstaander_niemand_uit_het_web(
    wereld, buitenstaanders, client, wie
):
    """The listing is public; who knows the initiative is for partners of its gemeente."""
    if buitenstaanders[wie] is not None:
        client.force_login(buitenstaanders[wie])
    inhoud = client.get(_aanbod(wereld).get_absolute_url()).content.decode()
    for geheim in (GEHEIME_NAAM, GEHEIM_ADRES, GEHEIME_BEREIKBAAR):
        assert geheim not in inhoud, (wie, geheim)


def test_de_echte_links_van_bijeenkomsten_werken(wereld, client):
    """So the 404s above come from the changed token, not from a broken address."""
    for naam, echt in ECHTE_LINKS.items():
        assert client.get(echt(wereld)).status_code == 200, naam
        assert client.get(LINKS[naam](wereld)).status_code == 404, naam


def test_alleen_post_neemt_geen_get_aan_en_niets_van_buitenstaanders(
    wereld, buitenstaanders, client
):
    for wie in ("netwerkhouder_rotterdam", "prof", "analist_rotterdam"):
        client.force_login(buitenstaanders[wie])
        antwoord = client.post(
            reverse("network:uitnodigen", args=[_bijeenkomst(wereld).pk]),
            {"personen": [str(wereld["persoon"].pk)]},
        )
        assert antwoord.status_code == 404, wie
    assert not wereld["persoon"].bijeenkomstuitnodigingen.exists()
    client.force_login(buitenstaanders["prof"])
    assert client.get(
        reverse("network:uitnodigen", args=[_bijeenkomst(wereld).pk])
    ).status_code in (
        404,
        405,
    )


@pytest.mark.parametrize("naam", sorted(LINKS))
def test_een_link_van_iemand_anders_geeft_404_en_toont_niemand(wereld, client, naam):
    antwoord = client.get(LINKS[naam](wereld))
    assert antwoord.status_code == 404, naam
    inhoud = antwoord.content.decode()
    for geheim in (
        GEHEIME_NAAM,
        GEHEIM_ADRES,
        GEHEIME_BEREIKBAAR,
        "Marieke",
        "marieke@",
        "Bewonernaam",
    ):
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


@pytest.mark.parametrize(
    "naam",
    ["network:instemmen", "network:mijn_gegevens", "network:mijn_download", "network:mijn_wissen"],
)
def test_een_veranderde_link_geeft_404(wereld, client, naam):
    pad = LINKS[naam](wereld).replace(str(wereld["persoon"].pk), str(wereld["ander"].pk))
    assert client.get(pad).status_code == 200  # the link of the person it was made for works
    assert client.get(pad.replace(":", "x", 1)).status_code == 404


@pytest.mark.parametrize("wie", BUITENSTAANDERS)
def test_buitenstaanders_noteren_geen_contact_en_sturen_geen_link(
    wereld, buitenstaanders, client, wie
):
    client.logout()
    if buitenstaanders[wie] is not None:
        client.force_login(buitenstaanders[wie])
    paden = {naam: pad(wereld) for naam, (_pagina, pad) in ALLEEN_POST.items()}
    al_verstuurd = len(mail.outbox)  # building the world invited people
    for naam, pad in paden.items():
        antwoord = client.post(pad)
        assert antwoord.status_code in (302, 403, 404), (naam, antwoord.status_code)
        if antwoord.status_code == 302:
            assert "/inloggen/" in antwoord["Location"], naam
        # Opening it in a browser (a GET) changes nothing either.
        assert client.get(pad).status_code in (302, 403, 404, 405), naam
    wereld["band"].refresh_from_db()
    assert wereld["band"].laatste_contact is None
    assert len(mail.outbox) == al_verstuurd


def test_een_partner_van_de_gemeente_ziet_de_persoon_wel(wereld, client, netwerkhouder):
    """So the walk above means something: the same pages show the person to a partner."""
    client.force_login(netwerkhouder)
    for naam in (
        "network:organisatie",
        "network:persoon",
        "network:vertrek",
        "network:gebied",
        "network:wat_als",
        "network:graphml",
    ):
        antwoord = client.get(PAGINAS[naam](wereld))
        assert antwoord.status_code == 200, naam
        assert GEHEIME_NAAM in antwoord.content.decode(), naam


def test_een_analist_ziet_de_vorm_van_het_web_zonder_namen(wereld, analist, client):
    """A gemeente-analist of Utrecht sees the web's shape, never a person's name or contact."""
    analist.gebieden.add(wereld["gebieden"]["utrecht"])
    client.force_login(analist)
    gezien = 0
    for naam, pad in PAGINAS.items():
        antwoord = client.get(pad(wereld))
        assert antwoord.status_code in (200, 403, 404), (naam, antwoord.status_code)
        gezien += antwoord.status_code == 200
        inhoud = antwoord.content.decode()
        for geheim in (GEHEIME_NAAM, GEHEIM_ADRES, GEHEIME_BEREIKBAAR, "Marieke Bos"):
            assert geheim not in inhoud, (naam, geheim)
    # The walk means something: the analist did see the pages of the web.
    assert gezien >= 5


def test_de_analist_van_een_andere_gemeente_ziet_de_vorm_van_het_web_niet(
    wereld, analist, buitenstaanders, client
):
    """What Utrecht's analist opens of Utrecht's web (and a resident cannot), Rotterdam's
    analist cannot open either: an analist sees the web of their own gemeente only. The
    overview opens for both, each with the webs of their own gemeenten."""
    analist.gebieden.add(wereld["gebieden"]["utrecht"])
    paden = {naam: pad(wereld) for naam, pad in PAGINAS.items()}
    web_utrecht = reverse("network:gebied", args=["GM0344"])
    client.force_login(analist)
    eigen = {naam for naam, pad in paden.items() if client.get(pad).status_code == 200}
    assert web_utrecht in client.get(paden["network:overzicht"]).content.decode()
    client.logout()
    open_voor_iedereen = {naam for naam, pad in paden.items() if client.get(pad).status_code == 200}
    client.force_login(buitenstaanders["analist_rotterdam"])
    besloten = sorted(eigen - open_voor_iedereen - {"network:overzicht"})
    # The walk means something: the web, its print and its two exports.
    assert {"network:gebied", "network:afdruk", "network:graphml", "network:gexf"} <= set(besloten)
    gezien = [naam for naam in besloten if client.get(paden[naam]).status_code == 200]
    assert gezien == []
    overzicht = client.get(paden["network:overzicht"])
    assert overzicht.status_code == 200
    assert web_utrecht not in overzicht.content.decode()
    assert reverse("network:gebied", args=["GM0599"]) in overzicht.content.decode()
