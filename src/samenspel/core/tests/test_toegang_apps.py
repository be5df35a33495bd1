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


@pytest.fixture
def wereld(maak_aanbod, gebieden, initiatiefnemer, django_user_model):
    """An organisation of Utrecht with a public listing, one for professionals only and a
    registration waiting for a netwerkhouder; its initiatiefnemer; another organisation in
    Rotterdam with its own initiatiefnemer."""
    from samenspel.directory.models import Moderatie, TaxonomyTerm

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
    andere_eigenaar = django_user_model.objects.create_user(
        username="andere_initiatiefnemer",
        email="andere_initiatiefnemer@example.org",
        password="geheim-wachtwoord-123",
        rol=Rol.INITIATIEFNEMER,
        organisatie=ander.organization,
    )
    return {
        "openbaar": openbaar,
        "besloten": besloten,
        "wachtend": wachtend,
        "ander": ander,
        "organisatie": organisatie,
        "eigenaar": initiatiefnemer,
        "andere_eigenaar": andere_eigenaar,
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
