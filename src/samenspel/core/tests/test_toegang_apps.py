"""Every page of the apps without a walk of their own, by URL name: the kaart (directory),
gebieden (areas), the HSDS exchange and API (hsds), the cijfers upload (cijferimport), the
demo mailbox, accounts, core, search and the wegwijzer.

``PAGINAS`` maps each URL name to a builder of the path a visitor opens, given the world
below; ``LINKS`` the pages opened with a signed link, here with the link of another listing;
``ALLEEN_POST`` the buttons that take nothing but a POST. A URL name of any app without an
entry in one of the walks fails ``test_toegang_overal``.
"""

import pytest
from django.urls import resolve, reverse

from samenspel.accounts.models import Rol

pytestmark = pytest.mark.django_db

UTRECHT = "GM0344"
OPENBAAR = "Wandelgroep Zambesi"
ALLEEN_PROFESSIONALS = "Spreekuur schuldhulp qv27"
IN_DE_WACHTRIJ = "Breiclub Vechtzoom wk53"
ANDER_AANBOD = "Koor Middelland"
VERWEZEN = "Bewoner Verweija rt61"


def _gebruiker(django_user_model, naam, rol, **velden):
    return django_user_model.objects.create_user(
        username=naam,
        email=f"{naam}@example.org",
        password="geheim-wachtwoord-123",
        rol=rol,
        **velden,
    )


@pytest.fixture
def wereld(maak_aanbod, gebieden, initiatiefnemer, django_user_model, met_commit):
    """An organisation of Utrecht with a public listing, one for professionals only and a
    registration waiting for a netwerkhouder; its initiatiefnemer; another organisation in
    Rotterdam with its own initiatiefnemer and an API key; the gemeente-analists of Utrecht
    and of Rotterdam; a resident referred to a Utrecht listing, with their own link."""
    import datetime as dt

    from django.utils import timezone

    from samenspel.directory.models import Moderatie, TaxonomyTerm
    from samenspel.hsds.models import ApiToken
    from samenspel.privacy.models import Manier
    from samenspel.referrals import actions

    openbaar = maak_aanbod(naam=OPENBAAR, organisatie="Buurtvereniging Zambesi")
    organisatie = openbaar.organization
    besloten = maak_aanbod(naam=ALLEEN_PROFESSIONALS, zichtbaarheid="professionals")
    besloten.organization = organisatie
    besloten.save()
    wachtend = maak_aanbod(naam=IN_DE_WACHTRIJ, buurt="vechtzoom")
    wachtend.moderatie = Moderatie.WACHTRIJ
    wachtend.save()
    ander = maak_aanbod(naam=ANDER_AANBOD, buurt="middelland_noord")
    initiatiefnemer.organisatie = organisatie
    initiatiefnemer.save()
    andere_eigenaar = _gebruiker(
        django_user_model,
        "andere_initiatiefnemer",
        Rol.INITIATIEFNEMER,
        organisatie=ander.organization,
    )
    analist = _gebruiker(django_user_model, "analist_utrecht", Rol.GEMEENTE_ANALIST)
    analist.gebieden.add(gebieden["utrecht"])
    andere_analist = _gebruiker(django_user_model, "analist_rotterdam", Rol.GEMEENTE_ANALIST)
    andere_analist.gebieden.add(gebieden["rotterdam"])
    # The key of an organisation's system: the professional view of the HSDS API.
    _, sleutel = ApiToken.maak(ander.organization, "Wijkteam-systeem")
    # A resident referred (with verbal consent) to a listing that takes referrals; the token
    # of their own link is shown once, as to the resident.
    aanmeldbaar = maak_aanbod(
        naam="Kookclub Vechtzoom", route="aanmelden", beheerder_email="kook@example.org"
    )
    verwijzer = _gebruiker(django_user_model, "verwijzer", Rol.PROFESSIONAL)
    _, bewonertoken = met_commit(
        actions.verwijs,
        verwijzer,
        aanmeldbaar,
        {
            "naam": VERWEZEN,
            "contactmanier": "email",
            "contact": "verweija@example.org",
            "wat_helpt": "Kookt graag.",
            "toestemming": Manier.MONDELING,
            "terugkoppeling": "status",
            "geldig_tot": timezone.localdate() + dt.timedelta(days=180),
        },
    )
    return {
        "openbaar": openbaar,
        "besloten": besloten,
        "wachtend": wachtend,
        "ander": ander,
        "organisatie": organisatie,
        "eigenaar": initiatiefnemer,
        "andere_eigenaar": andere_eigenaar,
        "analist": analist,
        "andere_analist": andere_analist,
        "sleutel": sleutel,
        "bewonertoken": bewonertoken,
        "term": TaxonomyTerm.objects.bouwstenen().first(),
        "gebieden": gebieden,
    }


def _vreemd(naam, doel):
    """The path of one listing with the token of a link made for another listing."""

    def bouw(w):
        from samenspel.directory import links

        return reverse(naam, args=[w["openbaar"].pk, links.maak_token(w["ander"], doel)])

    return bouw


def _vreemd_wachtwoord(w):
    """A reset link with the owner's id and a token made for somebody else."""
    from django.contrib.auth.tokens import default_token_generator
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    uid = urlsafe_base64_encode(force_bytes(w["eigenaar"].pk))
    return reverse(
        "accounts:wachtwoord_nieuw",
        args=[uid, default_token_generator.make_token(w["andere_eigenaar"])],
    )


def _bericht(w):
    from samenspel.demo.models import Bericht

    return Bericht.objects.create(
        aan="eigenaar@example.org", onderwerp="Je bewerklink", tekst="Geheime bewerklink"
    )


def _api(naam, *args):
    return lambda w: reverse(f"hsds:api:{naam}", args=[a(w) if callable(a) else a for a in args])


PAGINAS: dict = {
    # core
    "core:home": lambda w: reverse("core:home"),
    "core:taal": lambda w: reverse("core:taal", args=["en"]),
    "core:jsi18n": lambda w: reverse("core:jsi18n"),
    # search
    "search:zoeken": lambda w: reverse("search:zoeken") + "?q=spreekuur",
    # directory
    "directory:service": lambda w: reverse("directory:service", args=[w["besloten"].pk]),
    "directory:organisatie": lambda w: reverse("directory:organisatie", args=[w["organisatie"].pk]),
    "directory:aanmelden": lambda w: reverse("directory:aanmelden"),
    "directory:aanmelden_verstuurd": lambda w: reverse("directory:aanmelden_verstuurd"),
    "directory:nieuwe_bewerklink": lambda w: reverse("directory:nieuwe_bewerklink"),
    "directory:wachtrij": lambda w: reverse("directory:wachtrij"),
    "directory:beoordeel": lambda w: reverse("directory:beoordeel", args=[w["wachtend"].pk]),
    # areas
    "areas:gemeente": lambda w: reverse("areas:gemeente", args=[UTRECHT]),
    "areas:buurt": lambda w: reverse("areas:buurt", args=["BU03440301"]),
    # accounts
    "accounts:inloggen": lambda w: reverse("accounts:inloggen"),
    "accounts:wachtwoord_vergeten": lambda w: reverse("accounts:wachtwoord_vergeten"),
    "accounts:wachtwoord_verstuurd": lambda w: reverse("accounts:wachtwoord_verstuurd"),
    "accounts:tweede_stap": lambda w: reverse("accounts:tweede_stap"),
    "accounts:twee_stappen": lambda w: reverse("accounts:twee_stappen"),
    "accounts:twee_stappen_instellen": lambda w: reverse("accounts:twee_stappen_instellen"),
    "accounts:herstelcodes": lambda w: reverse("accounts:herstelcodes"),
    # wegwijzer
    "wegwijzer:wegwijzer": lambda w: reverse("wegwijzer:wegwijzer"),
    "wegwijzer:wijk": lambda w: reverse("wegwijzer:wijk", args=["WK034403"]),
    "wegwijzer:wijkwijzer": lambda w: reverse("wegwijzer:wijkwijzer", args=["WK034403"]),
    # cijferimport
    "cijferimport:uploaden": lambda w: reverse("cijferimport:uploaden", args=[UTRECHT]),
    # hsds: the exchange page and its files
    "hsds:uitwisselen": lambda w: reverse("hsds:uitwisselen"),
    "hsds:export_zip": lambda w: reverse("hsds:export_zip"),
    "hsds:sjabloon_xlsx": lambda w: reverse("hsds:sjabloon_xlsx"),
    "hsds:sjabloon_csv": lambda w: reverse("hsds:sjabloon_csv"),
    # hsds: the API
    "hsds:api:api-root": _api("api-root"),
    "hsds:api:meta": _api("meta"),
    "hsds:api:openapi-json": _api("openapi-json"),
    "hsds:api:openapi-view": _api("openapi-view"),
    "hsds:api:services": lambda w: reverse("hsds:api:services") + "?query=spreekuur",
    "hsds:api:service": _api("service", lambda w: w["besloten"].pk),
    "hsds:api:organizations": _api("organizations"),
    "hsds:api:organization": _api("organization", lambda w: w["organisatie"].pk),
    "hsds:api:service_at_locations": _api("service_at_locations"),
    "hsds:api:service_at_location": _api(
        "service_at_location", lambda w: w["besloten"].service_at_locations.get().pk
    ),
    "hsds:api:taxonomies": _api("taxonomies"),
    "hsds:api:taxonomy": _api("taxonomy", lambda w: w["term"].taxonomy_id),
    "hsds:api:taxonomy_terms": _api("taxonomy_terms"),
    "hsds:api:taxonomy_term": _api("taxonomy_term", lambda w: w["term"].pk),
    # demo: the mailbox of the demo; outside demo mode it does not exist
    "demo:postvak": lambda w: reverse("demo:postvak"),
    "demo:bericht": lambda w: reverse("demo:bericht", args=[_bericht(w).pk]),
}
LINKS: dict = {
    "directory:aanmelding_bevestigen": lambda w: reverse(
        "directory:aanmelding_bevestigen", args=["niet-van-deze-aanmelding"]
    ),
    "directory:bewerken": _vreemd("directory:bewerken", "bewerk"),
    "directory:klopt_nog": _vreemd("directory:klopt_nog", "klopt-nog"),
    "directory:stoppen": _vreemd("directory:stoppen", "stop"),
    "accounts:wachtwoord_nieuw": _vreemd_wachtwoord,
}
ALLEEN_POST: dict = {
    "accounts:uitloggen": lambda w: reverse("accounts:uitloggen"),
    "wegwijzer:zet": lambda w: reverse("wegwijzer:zet"),
}


@pytest.mark.parametrize("naam", sorted({**PAGINAS, **LINKS, **ALLEEN_POST}))
def test_elk_pad_in_de_tabel_hoort_bij_zijn_url_naam(wereld, naam):
    bouw = {**PAGINAS, **LINKS, **ALLEEN_POST}[naam]
    pad = bouw(wereld).partition("?")[0]
    gevonden = resolve(pad)
    # api-root and meta share their path; either name serves it.
    if naam in ("hsds:api:api-root", "hsds:api:meta"):
        assert gevonden.view_name in ("hsds:api:api-root", "hsds:api:meta")
    else:
        assert gevonden.view_name == naam


# --- who may open what ----------------------------------------------------------------------
# The personas: an anonymous visitor; the initiatiefnemer of the Utrecht organisation (its
# owner) and the initiatiefnemer of another organisation; a professional; the netwerkhouder
# of Overvecht (Utrecht); the gemeente-analist of Utrecht; a beheerder; the netwerkhouder of
# Rotterdam, an outsider to Utrecht; the analist of Rotterdam, the outsider among analists;
# a resident who opened their own link (a referral's, without an account); and a system that
# calls with an organisation's API key (no login: the key is for the API only).
PERSONAS = [
    "anoniem",
    "eigenaar",
    "andere_eigenaar",
    "professional",
    "netwerkhouder",
    "analist",
    "beheerder",
    "buitenstaander",
    "andere_analist",
    "bewoner_met_link",
    "api_sleutel",
]
# Without a login: what anoniem gets, unless a row says otherwise.
ZONDER_LOGIN = ("bewoner_met_link", "api_sleutel")
LOGIN = "login"  # 302 to the login page
DOOR = 302  # 302 to another page than the login page


def _rij(standaard=200, **afwijkend) -> dict:
    assert set(afwijkend) <= set(PERSONAS)
    if "anoniem" in afwijkend:
        for persona in ZONDER_LOGIN:
            afwijkend.setdefault(persona, afwijkend["anoniem"])
    return {**dict.fromkeys(PERSONAS, standaard), **afwijkend}


ALLEEN_NETWERKHOUDERS = _rij(
    403, anoniem=LOGIN, netwerkhouder=200, beheerder=200, buitenstaander=200
)
INGELOGD_DOOR = _rij(DOOR, anoniem=200)

# URL name -> persona -> the outcome of a GET.
VERWACHT: dict = {
    **{naam: _rij() for naam in PAGINAS},
    "core:taal": _rij(DOOR),
    # A listing for professionals only: to the others it does not exist.
    "directory:service": _rij(200, anoniem=404, eigenaar=404, andere_eigenaar=404),
    "directory:wachtrij": ALLEEN_NETWERKHOUDERS,
    # Rotterdam's netwerkhouder does not moderate Utrecht's registration: not found.
    "directory:beoordeel": {**ALLEEN_NETWERKHOUDERS, "buitenstaander": 404},
    "accounts:inloggen": INGELOGD_DOOR,
    # Without an app there is no second step: on to one's work.
    "accounts:tweede_stap": _rij(DOOR, anoniem=LOGIN),
    # Logging in in two steps is for professionals, netwerkhouders and beheerders only.
    **{
        naam: _rij(
            403,
            anoniem=LOGIN,
            professional=200,
            netwerkhouder=200,
            beheerder=200,
            buitenstaander=200,
        )
        for naam in (
            "accounts:twee_stappen",
            "accounts:twee_stappen_instellen",
            "accounts:herstelcodes",
        )
    },
    # Only who works on Utrecht's wijkscan uploads its figures: not Rotterdam's analist.
    "cijferimport:uploaden": _rij(
        403, anoniem=LOGIN, netwerkhouder=200, analist=200, beheerder=200
    ),
    "hsds:export_zip": _rij(403, anoniem=LOGIN, beheerder=200),
    # The API without a key serves the public kaart: the listing for professionals is not in
    # it, whoever is logged in on the site. With a key it is.
    "hsds:api:service": _rij(404, api_sleutel=200),
    "hsds:api:service_at_location": _rij(404, api_sleutel=200),
    # Outside demo mode the demo's mailbox does not exist.
    "demo:postvak": _rij(404),
    "demo:bericht": _rij(404),
    # A signed link made for another listing opens nothing, whoever is logged in.
    **{naam: _rij(403) for naam in LINKS},
    # Django shows "this link is not valid" (200) without the form.
    "accounts:wachtwoord_nieuw": _rij(),
    **{naam: _rij(405) for naam in ALLEEN_POST},
}
# The pages of the kaart that list the Utrecht organisation's listings.
TONEN_AANBOD = {
    "search:zoeken",
    "directory:service",
    "directory:organisatie",
    "wegwijzer:wijk",
}
# The API's answers that list the Utrecht organisation's listings.
TONEN_AANBOD_API = {
    "hsds:api:services",
    "hsds:api:service",
    "hsds:api:organization",
    "hsds:api:service_at_locations",
    "hsds:api:service_at_location",
}
# Visibility "professionals" goes by role, not by gemeente: the netwerkhouder and the analist
# of Rotterdam are professionals too, as on the kaart of every gemeente.
ZIEN_PROFESSIONELE_AANBOD = {
    "professional",
    "netwerkhouder",
    "analist",
    "beheerder",
    "buitenstaander",
    "andere_analist",
}
ZIEN_DE_WACHTRIJ = {"netwerkhouder", "beheerder"}
WERKEN_AAN_DE_WIJKSCAN = {"netwerkhouder", "analist", "beheerder"}


@pytest.fixture
def als(client, wereld, request):
    def log_in(persona):
        client.logout()
        client.defaults.pop("HTTP_AUTHORIZATION", None)
        if persona == "bewoner_met_link":
            from samenspel.referrals import links

            eigen = client.get(links.bewoner_pad(wereld["bewonertoken"]))
            assert eigen.status_code == 200 and VERWEZEN in eigen.content.decode()
            return client
        if persona == "api_sleutel":
            client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {wereld['sleutel']}"
            return client
        gebruiker = {
            "anoniem": None,
            "eigenaar": wereld["eigenaar"],
            "andere_eigenaar": wereld["andere_eigenaar"],
            "analist": wereld["analist"],
            "andere_analist": wereld["andere_analist"],
            "buitenstaander": "andere_netwerkhouder",
        }.get(persona, persona)
        if isinstance(gebruiker, str):
            gebruiker = request.getfixturevalue(gebruiker)
        if gebruiker is not None:
            client.force_login(gebruiker)
        return client

    return log_in


def _uitkomst(antwoord):
    if antwoord.status_code == 302:
        return LOGIN if antwoord["Location"].startswith(reverse("accounts:inloggen")) else DOOR
    return antwoord.status_code


def _inhoud(antwoord) -> str:
    if getattr(antwoord, "streaming", False) or antwoord.get("Content-Type", "").startswith(
        ("application/zip", "application/vnd")
    ):
        return ""
    return antwoord.content.decode()


def test_de_verwachtingen_noemen_elke_url_naam_van_de_tabel():
    assert set(VERWACHT) == {*PAGINAS, *LINKS, *ALLEEN_POST}
    assert all(set(rij) == set(PERSONAS) for rij in VERWACHT.values())


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("naam", sorted(VERWACHT))
def test_wie_een_pagina_opent_krijgt_wat_de_tabel_zegt(wereld, als, naam, persona):
    bouw = {**PAGINAS, **LINKS, **ALLEEN_POST}[naam]
    antwoord = als(persona).get(bouw(wereld))
    assert _uitkomst(antwoord) == VERWACHT[naam][persona]
    inhoud = _inhoud(antwoord)
    if naam in TONEN_AANBOD and antwoord.status_code == 200:
        assert (ALLEEN_PROFESSIONALS in inhoud) == (persona in ZIEN_PROFESSIONELE_AANBOD)
    elif naam in TONEN_AANBOD_API:
        # The API goes by its key alone, never by a login on the site.
        assert (ALLEEN_PROFESSIONALS in inhoud) == (persona == "api_sleutel")
    elif persona not in ZIEN_PROFESSIONELE_AANBOD:
        assert ALLEEN_PROFESSIONALS not in inhoud
    # The referred resident's name is on their own link's page only.
    assert VERWEZEN not in inhoud
    if naam in ("directory:wachtrij", "directory:beoordeel"):
        assert (IN_DE_WACHTRIJ in inhoud) == (persona in ZIEN_DE_WACHTRIJ)
    else:
        assert IN_DE_WACHTRIJ not in inhoud
    if naam in LINKS:
        assert OPENBAAR not in inhoud and ANDER_AANBOD not in inhoud
    if naam == "accounts:wachtwoord_nieuw":
        assert "new_password1" not in inhoud


@pytest.mark.parametrize("naam", ["directory:bewerken", "directory:klopt_nog", "directory:stoppen"])
def test_de_eigen_link_van_de_eigenaar_opent_zijn_aanbod(wereld, client, naam):
    from samenspel.directory import links

    doel = {"directory:bewerken": "bewerk", "directory:klopt_nog": "klopt-nog"}.get(naam, "stop")
    antwoord = client.get(links.pad(wereld["openbaar"], doel))
    assert antwoord.status_code == 200
    assert OPENBAAR in antwoord.content.decode()
    assert ANDER_AANBOD not in antwoord.content.decode()


@pytest.mark.parametrize("persona", [p for p in PERSONAS if p not in ZIEN_DE_WACHTRIJ])
def test_wie_niet_beoordeelt_keurt_een_aanmelding_niet_goed(wereld, als, persona):
    from samenspel.directory.models import Moderatie

    pad = reverse("directory:beoordeel", args=[wereld["wachtend"].pk])
    antwoord = als(persona).post(pad, {"actie": "goedkeuren"})
    assert _uitkomst(antwoord) in (LOGIN, 403, 404)
    wereld["wachtend"].refresh_from_db()
    assert wereld["wachtend"].moderatie == Moderatie.WACHTRIJ


@pytest.mark.parametrize("persona", PERSONAS)
def test_met_de_link_van_een_ander_aanbod_stopt_niemand_het_eigen_aanbod(wereld, als, persona):
    from samenspel.directory.models import ServiceStatus

    antwoord = als(persona).post(LINKS["directory:stoppen"](wereld))
    assert antwoord.status_code == 403
    for sleutel in ("openbaar", "ander"):
        wereld[sleutel].refresh_from_db()
        assert wereld[sleutel].status == ServiceStatus.ACTIVE


@pytest.mark.parametrize("persona", [p for p in PERSONAS if p not in WERKEN_AAN_DE_WIJKSCAN])
def test_wie_niet_aan_de_wijkscan_werkt_uploadt_geen_cijfers(wereld, als, persona):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from samenspel.areas.models import Gebied

    voor = Gebied.objects.count()
    bestand = SimpleUploadedFile("cijfers.csv", b"code,naam\nBU03449999,Nieuwe buurt\n")
    antwoord = als(persona).post(
        reverse("cijferimport:uploaden", args=[UTRECHT]),
        {"bestand": bestand, "bron": "eigen", "jaar": 2025},
    )
    assert _uitkomst(antwoord) in (LOGIN, 403)
    assert Gebied.objects.count() == voor


@pytest.mark.parametrize("naam", sorted(ALLEEN_POST))
@pytest.mark.parametrize("persona", PERSONAS)
def test_knoppen_nemen_alleen_post_aan_en_maken_niets(wereld, als, naam, persona):
    from samenspel.areas.models import Gebied
    from samenspel.directory.models import Service

    voor = (Service.objects.count(), Gebied.objects.count())
    antwoord = als(persona).post(ALLEEN_POST[naam](wereld))
    assert _uitkomst(antwoord) == DOOR
    assert (Service.objects.count(), Gebied.objects.count()) == voor
