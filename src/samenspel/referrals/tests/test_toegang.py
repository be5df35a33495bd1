"""Authorisation: every page and JSON endpoint of verwijzen and privacy, walked as anonymous,
as every role, as each party and as an unrelated user of the same kind, proving no personal
data of a resident leaks — not on pages, not in e-mails, not in the audit log, not through
search. (Healthchecks-style personas: the outsider sees nothing.)
"""

import datetime as dt

import pytest
from django.core import mail
from django.urls import get_resolver, reverse
from django.utils import timezone

from samenspel.privacy.models import Auditregel, Manier
from samenspel.referrals import actions, herinneren, links
from samenspel.referrals.models import Status, Verwijzing
from samenspel.referrals.toegang import Betrokkene, via_emaillink
from samenspel.search.zoeken import Zoekvraag, zoek

pytestmark = pytest.mark.django_db

NAAM = "Zwanhilde Oosterbeek"
CONTACT = "zwanhilde.o@example.org"
WAT_HELPT = "Houdt van kanovaren en breien."
NOTITIE = "Geheime notitie xq7"
REDEN = "Uitleg bij de pauze kz9"
WAAR = "Thuis aan de Kanaalweg 3"
DRAFT_NAAM = "Dirk Draftsma"
ANDER_NAAM = "Kees Anderland"


@pytest.fixture
def wereld(verwijs, pim, petra, ine, olaf, bart, wandelgroep, buurtteam, met_commit):
    """One referral in every interesting state, with its parties and outsiders."""
    v, token = verwijs(
        pim, wandelgroep, naam=NAAM, contact=CONTACT, wat_helpt=WAT_HELPT, terugkoppeling="status"
    )
    ontvanger = via_emaillink(v)
    met_commit(actions.antwoord, v, ontvanger, "aannemen", "", NOTITIE)
    met_commit(actions.antwoord, v, ontvanger, "pauze", REDEN, NOTITIE)
    verwijzer = Betrokkene("verwijzer", "pim", gebruiker=pim)
    wanneer = timezone.now() + dt.timedelta(days=3)
    met_commit(actions.stel_kennismaking_voor, v, verwijzer, wanneer, WAAR)
    met_commit(actions.bevestig_kennismaking, v, ontvanger)

    draft, draft_token = verwijs(pim, wandelgroep, naam=DRAFT_NAAM, toestemming=Manier.ONLINE)
    ander, ander_token = verwijs(petra, buurtteam, naam=ANDER_NAAM, contact="kees@example.org")
    plek = met_commit(actions.vraag_plek, pim, wandelgroep, "Plek op dinsdag?")
    # An unanswered one gets a reminder e-mail too.
    Verwijzing.objects.filter(pk=ander.pk).update(
        verstuurd_op=timezone.now() - dt.timedelta(days=14)
    )
    herinneren.herinner_onbeantwoord()
    return {
        "v": v,
        "token": token,
        "draft": draft,
        "draft_token": draft_token,
        "ander": ander,
        "ander_token": ander_token,
        "plek": plek,
        "wandelgroep": wandelgroep,
    }


# secret -> the personas who may see it (on pages about their own referral)
GEHEIMEN = {
    NAAM: {"pim", "ine"},
    CONTACT: {"ine"},
    WAT_HELPT: {"ine"},
    NOTITIE: {"ine"},
    REDEN: {"ine"},
    WAAR: {"pim", "ine"},
    DRAFT_NAAM: {"pim"},
    ANDER_NAAM: {"petra"},
}
PERSONAS = [
    "anoniem",
    "initiatiefnemer",
    "professional",
    "netwerkhouder",
    "analist",
    "beheerder",
    "pim",
    "ine",
    "petra",
    "olaf",
    # The resident of referral v, after opening their own link (no account): the link shows
    # their referrals, and nothing else opens for it.
    "bewoner",
    # A system calling with the API key of the referrer's own organisation: a key is for the
    # HSDS API, and opens no referral.
    "api_sleutel",
]


@pytest.fixture
def als(client, request):
    def log_in(persona):
        client.logout()
        client.defaults.pop("HTTP_AUTHORIZATION", None)
        if persona == "bewoner":
            w = request.getfixturevalue("wereld")
            eigen = client.get(links.bewoner_pad(w["token"]))
            assert eigen.status_code == 200 and NAAM in _zichtbaar(eigen)
        elif persona == "api_sleutel":
            from samenspel.hsds.models import ApiToken

            pim = request.getfixturevalue("pim")
            _, sleutel = ApiToken.maak(pim.organisatie, "Systeem van het wijkteam")
            client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {sleutel}"
        elif persona != "anoniem":
            client.force_login(request.getfixturevalue(persona))
        return client

    return log_in


def _paginas(w) -> dict[str, str]:
    """Every page and endpoint, by URL name, as a logged-in user would open it."""
    s, v = w["wandelgroep"].pk, w["v"].pk
    r = reverse
    return {
        "referrals:inbox": r("referrals:inbox"),
        "referrals:nieuw": r("referrals:nieuw", args=[s]),
        "referrals:plekvraag": r("referrals:plekvraag", args=[s]),
        "referrals:cijfers": r("referrals:cijfers"),
        "referrals:ontvangst": r("referrals:ontvangst", args=[s]),
        "referrals:detail": r("referrals:detail", args=[v]),
        "referrals:detail (draft)": r("referrals:detail", args=[w["draft"].pk]),
        "referrals:detail (ander)": r("referrals:detail", args=[w["ander"].pk]),
        "referrals:detail (plekvraag)": r("referrals:detail", args=[w["plek"].pk]),
        "referrals:api_lijst": r("referrals:api_lijst"),
        "referrals:api_detail": r("referrals:api_detail", args=[v]),
        "referrals:api_detail (draft)": r("referrals:api_detail", args=[w["draft"].pk]),
        "referrals:api_cijfers": r("referrals:api_cijfers"),
        "referrals:meedoen": r("referrals:meedoen", args=[s]),
        "referrals:meedoen_verstuurd": r("referrals:meedoen_verstuurd"),
        "privacy:verklaring": r("privacy:verklaring"),
        "privacy:logboek": r("privacy:logboek"),
        "privacy:verwerkingen": r("privacy:verwerkingen"),
    }


def _links(w) -> dict[str, tuple[str, bool]]:
    """Pages behind a link: (path, is this the party's own link for referral v?)."""
    v, ander, token, vreemd = w["v"], w["ander"], w["token"], w["ander_token"]
    r = reverse
    return {
        "referrals:antwoord": (links.antwoord_pad(v), True),
        "referrals:antwoord (ander)": (
            r("referrals:antwoord", args=[v.pk, links.antwoord_token(ander)]),
            False,
        ),
        "referrals:ontvangst_link": (links.ontvangst_pad(w["wandelgroep"]), False),
        "referrals:mijn": (links.bewoner_pad(token), True),
        "referrals:mijn (ander)": (links.bewoner_pad(vreemd), False),
        "referrals:download": (r("referrals:download", args=[token]), True),
        "referrals:download (ander)": (r("referrals:download", args=[vreemd]), False),
        "referrals:wissen": (r("referrals:wissen", args=[token]), True),
        "referrals:wissen (ander)": (r("referrals:wissen", args=[vreemd]), False),
        "referrals:intrekken": (r("referrals:intrekken", args=[token, v.pk]), True),
        "referrals:intrekken (ander)": (r("referrals:intrekken", args=[vreemd, v.pk]), False),
        "referrals:toestemming (ander)": (r("referrals:toestemming", args=[vreemd, v.pk]), False),
        "referrals:terugkoppeling (ander)": (
            r("referrals:terugkoppeling", args=[vreemd, v.pk]),
            False,
        ),
    }


# The URL names the walk above opens, for the project-wide check (test_toegang_overal.py);
# test_de_gelopen_url_namen_staan_in_url_namen keeps this list equal to the walk.
URL_NAMEN = frozenset(
    {
        "referrals:inbox",
        "referrals:nieuw",
        "referrals:plekvraag",
        "referrals:cijfers",
        "referrals:ontvangst",
        "referrals:detail",
        "referrals:api_lijst",
        "referrals:api_detail",
        "referrals:api_cijfers",
        "referrals:meedoen",
        "referrals:meedoen_verstuurd",
        "privacy:verklaring",
        "privacy:logboek",
        "privacy:verwerkingen",
        "referrals:antwoord",
        "referrals:ontvangst_link",
        "referrals:mijn",
        "referrals:download",
        "referrals:wissen",
        "referrals:intrekken",
        "referrals:toestemming",
        "referrals:terugkoppeling",
    }
)


def test_de_gelopen_url_namen_staan_in_url_namen(wereld):
    gelopen = {naam.split(" ")[0] for naam in [*_paginas(wereld), *_links(wereld)]}
    assert gelopen == URL_NAMEN


def test_elke_url_van_verwijzen_en_privacy_wordt_gecontroleerd(wereld):
    gelopen = {naam.split(" ")[0] for naam in [*_paginas(wereld), *_links(wereld)]}
    bestaand = set()
    for app in ("referrals", "privacy"):
        for patroon in get_resolver().namespace_dict[app][1].url_patterns:
            bestaand.add(f"{app}:{patroon.name}")
    # toestemming and terugkoppeling only accept POST from the resident's own page.
    assert bestaand <= gelopen | {"referrals:toestemming", "referrals:terugkoppeling"}
    assert {"referrals:toestemming", "referrals:terugkoppeling"} <= gelopen


def _zichtbaar(antwoord) -> str:
    return antwoord.content.decode()


@pytest.mark.parametrize("persona", PERSONAS)
def test_geen_persoonsgegevens_op_paginas_en_api_voor_wie_er_geen_partij_is(wereld, als, persona):
    client = als(persona)
    for naam, pad in _paginas(wereld).items():
        antwoord = client.get(pad)
        assert antwoord.status_code < 500, (naam, antwoord.status_code)
        inhoud = _zichtbaar(antwoord)
        for geheim, mogen in GEHEIMEN.items():
            if persona not in mogen:
                assert geheim not in inhoud, (persona, naam, geheim)


@pytest.mark.parametrize("persona", PERSONAS)
def test_partijen_zien_wat_ze_mogen_zien(wereld, als, persona):
    client = als(persona)
    detail = client.get(reverse("referrals:detail", args=[wereld["v"].pk]))
    api = client.get(reverse("referrals:api_detail", args=[wereld["v"].pk]))
    if persona == "ine":
        for geheim in (NAAM, CONTACT, WAT_HELPT, NOTITIE, REDEN):
            assert geheim in _zichtbaar(detail)
        assert api.json()["contact"] == CONTACT
    elif persona == "pim":
        assert NAAM in _zichtbaar(detail) and "Staat even stil" in _zichtbaar(detail)
        assert api.json()["notitie"] is None
    else:
        assert detail.status_code in (302, 404)
        assert api.status_code in (401, 404)


def test_links_laten_alleen_de_eigen_verwijzing_zien(wereld, client):
    for naam, (pad, eigen) in _links(wereld).items():
        antwoord = client.get(pad)
        inhoud = _zichtbaar(antwoord)
        # The confirmation pages for withdrawing and erasing name the service or count the
        # records, not the person.
        toont_gegevens = eigen and naam not in ("referrals:intrekken", "referrals:wissen")
        if eigen:
            assert antwoord.status_code == 200, naam
        else:
            assert antwoord.status_code in (200, 403, 404, 405), naam
        for geheim in (NAAM, CONTACT, WAT_HELPT, NOTITIE, REDEN):
            assert (geheim in inhoud) == toont_gegevens, (naam, geheim)
        assert DRAFT_NAAM not in inhoud and ANDER_NAAM not in inhoud or naam.endswith("(ander)")


def test_ontvanger_ziet_verwijzing_zonder_toestemming_niet(wereld, als):
    client = als("ine")
    assert client.get(reverse("referrals:detail", args=[wereld["draft"].pk])).status_code == 404
    assert DRAFT_NAAM not in _zichtbaar(client.get(reverse("referrals:inbox")))
    assert DRAFT_NAAM not in str(client.get(reverse("referrals:api_lijst")).json())


@pytest.mark.parametrize(
    "persona",
    [
        "anoniem",
        "professional",
        "initiatiefnemer",
        "netwerkhouder",
        "beheerder",
        "petra",
        "olaf",
        "bewoner",
        "api_sleutel",
    ],
)
def test_wie_geen_partij_is_kan_niets_veranderen(wereld, als, persona):
    client = als(persona)
    v = wereld["v"]
    pad = reverse("referrals:detail", args=[v.pk])
    pogingen = [
        {"actie": "antwoord", "keuze": "gestart", "notitie": "gehackt"},
        {"actie": "intrekken", "reden": "weg"},
        {"actie": "kennismaking", "wanneer": "2099-01-01T10:00", "waar": "ergens"},
        {"actie": "bevestig_kennismaking"},
    ]
    for gegevens in pogingen:
        assert client.post(pad, gegevens).status_code in (302, 404)
    vreemd = wereld["ander_token"]
    for naam in ("intrekken", "toestemming", "terugkoppeling"):
        antwoord = client.post(
            reverse(f"referrals:{naam}", args=[vreemd, v.pk]),
            {"antwoord": "nee", "terugkoppeling": "status_en_notitie"},
        )
        assert antwoord.status_code == 404
    v.refresh_from_db()
    assert (v.status, v.notitie, v.naam, v.terugkoppeling) == (
        Status.ON_HOLD,
        NOTITIE,
        NAAM,
        "status",
    )
    assert v.kennismakingen.count() == 1


def test_geen_persoonsgegevens_in_welke_mail_dan_ook(wereld, client, met_commit):
    # Withdrawal mails too.
    met_commit(
        client.post,
        reverse("referrals:intrekken", args=[wereld["ander_token"], wereld["ander"].pk]),
    )
    assert len(mail.outbox) >= 10
    for bericht in mail.outbox:
        delen = [bericht.subject, bericht.body, *(a[0] for a in bericht.alternatives)]
        for deel in delen:
            for geheim in (*GEHEIMEN, "kees@example.org"):
                assert geheim not in deel, (bericht.subject, geheim)


def test_zoeken_vindt_nooit_verwijzingen(wereld, pim, ine, beheerder):
    for gebruiker in (None, pim, ine, beheerder):
        for woord in ("Zwanhilde", "Oosterbeek", "kanovaren", "Draftsma", "Anderland", "xq7"):
            assert zoek(Zoekvraag(tekst=woord), gebruiker=gebruiker).totaal == 0, woord


def test_inzage_log_bevat_geen_persoonsgegevens(wereld, client, als):
    als("ine").get(reverse("referrals:detail", args=[wereld["v"].pk]))
    client.get(links.bewoner_pad(wereld["token"]))
    regels = list(Auditregel.objects.values_list("wie", "record_soort", "record_id", "actie"))
    assert len(regels) > 5
    for regel in regels:
        for geheim in GEHEIMEN:
            assert geheim not in " ".join(regel)


def test_beheerder_ziet_verwijzingen_niet_in_het_beheer(wereld, als):
    client = als("beheerder")
    assert client.get("/beheer/admin/referrals/verwijzing/").status_code == 404
    assert NAAM not in _zichtbaar(client.get("/beheer/admin/"))
