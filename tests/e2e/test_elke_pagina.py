"""Every page each role can reach works on a 360 px phone: no horizontal scrolling, axe-clean,
in Dutch and in English; in English no page shows a Dutch message of the catalogue.

Residents meet Samenspel on a phone; a page wider than the screen cuts off opening hours,
addresses and e-mail addresses. The crawl starts from the home page, the demo mailbox (every
e-mail the demo sent, with its links: the resident's own link, the answer link of a referral)
and the links an owner gets by e-mail (edit, "klopt nog", stop, confirm), and follows every
link on the site. It runs once per role on the demo data set, per browser language; the
beheerder, last and allowed everywhere, opens one page of each kind another role already saw.
The English run opens one page of each kind per role (the Dutch run already measures varied
content, which decides overflow); its labels, messages and axe findings come from the templates.

Every URL name of the project must be visited by the crawl or be listed in NIET_BEZOCHT with
the reason, so a new page fails this test until it has been checked (or excluded on purpose).
"""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from playwright.sync_api import expect

from samenspel.accounts.actions import herstel_link
from samenspel.demo import laden
from samenspel.demo import web as demoweb
from samenspel.directory import actions, registratie
from samenspel.directory import links as eigenaarlinks
from samenspel.directory import models as m
from samenspel.network import bijeenkomstlinks
from samenspel.network import links as weblinks
from samenspel.network.models import Persoon, Samen, Uitnodiging
from samenspel.signals import zorglinks
from samenspel.signals.models import Zorgmelding
from samenspel.wegwijzer import lijst as wegwijzerlijst
from samenspel.wijkscan import oordeellinks
from samenspel.wijkscan.models import Oordeelronde
from samenspel.wijkscan.models import Uitnodiging as Oordeeluitnodiging
from tests.e2e.conftest import naar, nederlands
from tests.e2e.rondgang import Rondgang, alle_url_namen

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TELEFOON = {"width": 360, "height": 740}

# URL names the crawl never opens, each with the reason. Keep this list short: a page a person
# can open in a browser belongs in the crawl.
NIET_BEZOCHT = {
    "accounts:uitloggen": "alleen POST (de knop in de kop)",
    "accounts:tweede_stap": "alleen na het wachtwoord van wie een app instelde; "
    "test_tweestaps.py loopt hem door op 360 px met axe",
    "accounts:herstelcodes": "toont de codes één keer, direct na het instellen; "
    "test_tweestaps.py loopt hem door op 360 px met axe",
    "referrals:toestemming": "alleen POST (de ja/nee-knoppen op de eigen pagina)",
    "referrals:terugkoppeling": "alleen POST (de keuze op de eigen pagina)",
    "referrals:download": "een JSON-bestand om te bewaren, geen pagina",
    "network:mijn_download": "een JSON-bestand om te bewaren, geen pagina",
    "signals:zorg_download": "een JSON-bestand om te bewaren, geen pagina",
    "referrals:api_lijst": "JSON voor andere systemen",
    "referrals:api_cijfers": "JSON voor andere systemen",
    "referrals:api_detail": "JSON voor andere systemen",
    "hsds:export_zip": "een zip-bestand (HSDS-export)",
    "hsds:sjabloon_xlsx": "een spreadsheet-sjabloon",
    "hsds:sjabloon_csv": "een csv-sjabloon",
    "wegwijzer:zet": "alleen POST (de knoppen op de aanbodpagina en de wegwijzer)",
    "network:samen_gehouden": "alleen POST (de knop op de pagina van een uitnodiging)",
    "network:contact": "alleen POST (de knop 'contact gehad' bij een band)",
    "network:instemlink": "alleen POST (de knop 'stuur de link opnieuw' op de persoonspagina)",
    "network:uitnodigen": "alleen POST (het formulier op de pagina van een bijeenkomst)",
    "network:ical_reeks": "een iCalendar-bestand voor agenda-apps, geen pagina",
    "network:ical_persoon": "een iCalendar-bestand voor agenda-apps, geen pagina",
    "network:graphml": "een GraphML-bestand voor Gephi, geen pagina",
    "network:gexf": "een GEXF-bestand voor Gephi, geen pagina",
    "wijkscan:openbaar": "alleen POST (de knop 'maak de matrix openbaar' op de wijkscan)",
    "core:taal": "zet de taalcookie en stuurt door; de crawl houdt zijn taal (test_engels.py "
    "volgt de taalkeuze in de kop)",
    "core:jsi18n": "JavaScript: de vertalingen voor de scripts, geen pagina",
    "wijkscan:verwachting_marge": "alleen POST (het formulier op de pagina van de formule)",
    "wijkscan:verwachting_standaard": "alleen POST (de knop 'terug naar de standaard')",
    "wijkscan:draag_standaard": "alleen POST (de knop 'terug naar de standaard')",
    "wijkscan:stand": "alleen POST (de knop 'leg de stand van vandaag vast')",
    "wijkscan:oordeel_start": "alleen POST (de knop 'start een ronde' bij de oordeelrondes)",
    "wijkscan:oordeel_uitnodigen": "alleen POST (het formulier op de pagina van een ronde)",
    "wijkscan:oordeel_sluiten": "alleen POST (de knop 'sluit de ronde')",
    "wijkscan:csv": "een csv-bestand van de matrix, geen pagina",
    "wijkscan:xlsx": "een spreadsheet van de matrix, geen pagina",
    "signals:route_verwijderen": "alleen POST (de knop op de pagina van een meldroute)",
    "signals:zorg_bijwerken": "alleen POST (de statusknoppen bij een zorg)",
    "signals:zorg_doorsturen": "alleen POST (het formulier 'stuur door' bij een zorg)",
    "signals:buurtsignaal_op_agenda": "alleen POST (de knop 'zet op de wijkagenda')",
    "signals:agendapunt_status": "alleen POST (de statusknoppen op de wijkagenda)",
}
NIET_BEZOCHTE_NAMESPACES = {
    "admin": "Django's eigen beheerscherm (alleen beheerders); opmaak is van Django zelf",
    "hsds:api": "de HSDS-API: JSON, en de OpenAPI-documentatie van django-ninja",
}

VRAAG_VERBINDER = (
    f"/web/verbinder/{laden._id('dienst', 'handjehelpen-steungezinnen')}/"
    f"{demoweb._id('persoon', 'marieke')}/"
)

# Signals pages that open by address or after a form: the answer of the "Ik maak me zorgen"
# form (a GET form), handing over a worry, a signal about the buurt and its thank-you page.
SIGNALEN_BEWONER = [
    "/signalen/meldroute/GM0344/burger/niet-acuut/",
    "/signalen/zorg/doorgeven/",
    "/signalen/buurt/",
    "/signalen/buurt/verstuurd/",
]
SIGNALEN_TELLINGEN = ["/signalen/zorg/tellingen/", "/signalen/tellingen/GM0344/"]

# (who, demo account, extra start pages); the anonymous resident first, so the pages every
# role shares are checked in full once. Other start pages are the ones no link leads to.
ROLLEN = [
    (
        "bewoner",
        None,
        [
            "/demo/post/",
            "/aanmelden/verstuurd/",
            "/wachtwoord-vergeten/verstuurd/",
            *SIGNALEN_BEWONER,
        ],
    ),
    ("initiatiefnemer", "initiatiefnemer", []),
    # figures: by address; asking a verbinder of a listing (the listing itself is a page the
    # crawl opens once per role, and that one is the listing to sign up for); the team's
    # inbox of worries (its address is in the team's e-mail)
    (
        "professional",
        "professional",
        [
            "/verwijzingen/cijfers/",
            VRAAG_VERBINDER,
            f"/signalen/zorg/team/{laden._id('org', 'buurtteam-overvecht')}/",
        ],
    ),
    # an organisation's people in the web, so a person's page and the hand-over are reached;
    # the signals about the neighbourhood, the wijkagenda and the counts; the wijkscan
    (
        "netwerkhouder",
        "netwerkhouder",
        [
            f"/web/organisatie/{laden._id('org', 'handjehelpen')}/",
            "/signalen/buurtsignalen/",
            "/signalen/wijkagenda/WK034403/",
            "/signalen/wijk/WK034403/",
            *SIGNALEN_TELLINGEN,
            "/wijkscan/",
        ],
    ),
    ("gemeente-analist", "analist", [*SIGNALEN_TELLINGEN, "/wijkscan/"]),
    # the audit log: by address (README); the regional routes (after the GET form that chooses
    # a gemeente) and the routing rules
    (
        "beheerder",
        "beheerder",
        [
            "/privacy/logboek/",
            "/signalen/routes/",
            "/signalen/routes/?gemeente=GM0344",
            "/signalen/routeregels/",
        ],
    ),
]

# Links with query parameters combine endlessly (search filters, pages, a pre-chosen answer);
# a few of each combination are enough.
HOOGUIT_MET_PARAMETERS = 3
# A logged-in role sees the public pages with another header only: one of each kind.
HOOGUIT_GEDEELD = 1

LANG_WOORD = "Buurtbewonersondersteuningsvrijwilligersnetwerkbijeenkomst"
LANG_ADRES = "vrijwilligerscoordinatie.huiskamer-middelland@stichting-voorbeeld.example.org"
LANGE_URL = (
    "https://example.org/initiatieven/rotterdam-west/middelland/huiskamer-en-inloop-elke-dag"
)


def _engels(pagina) -> list[str]:
    taal = pagina.evaluate("document.documentElement.lang")
    fouten = [] if taal == "en" else [f"lang={taal!r}, niet Engels"]
    return fouten + [f"Nederlandse tekst: {tekst!r}" for tekst in nederlands(pagina)]


# Browser language -> (how many pages of each kind, check of the page's language).
TALEN = {"nl-NL": (None, None), "en-US": (1, _engels)}


def overslaan(naam: str) -> bool:
    return naam in NIET_BEZOCHT or any(naam.startswith(ns + ":") for ns in NIET_BEZOCHTE_NAMESPACES)


def _geregistreerd(naam: str, bevestigd: bool) -> m.Service:
    """A registration made through the product's own form and action (a queue item)."""
    form = registratie.AanmeldFormulier(
        {
            "naam": naam,
            "omschrijving": "Elke week een breicafé met koffie, thee en bolletjes wol.",
            "wanneer": "elke donderdag 14-16 uur in buurthuis De Boog",
            "buurt": "BU03440311",
            "contact": "breister@example.org",
            "bouwsteen": "sociale-contacten-en-ontmoeting",
        }
    )
    assert form.is_valid(), form.errors
    service = actions.registreer(form.cleaned_data)
    if bevestigd:
        assert actions.bevestig_email(service)
    return service


@pytest.fixture
def demo_wijken(taxonomieen, settings, live_server):
    """The demo data set, its e-mails in the demo mailbox with links to this server, plus
    the hardest content for a narrow screen (a very long word, address and URL)."""
    settings.DEMO = True
    settings.SITE_URL = live_server.url
    settings.EMAIL_BACKEND = "samenspel.demo.mail.PostvakBackend"
    settings.SAMENSPEL = {**settings.SAMENSPEL, "TEGEL_URL": ""}  # no map tiles from outside
    laden.laad_alles()
    service = m.Service.objects.order_by("name").first()
    service.name += f" {LANG_WOORD}"
    service.description += f" {LANG_WOORD}."
    service.email = LANG_ADRES
    service.url = LANGE_URL
    service.save()
    m.Phone.objects.create(service=service, number="010 123 45 67")
    _geregistreerd("Breicafé De Steek", bevestigd=True)
    nieuw = _geregistreerd("Breicafé De Boog", bevestigd=False)
    return {
        # Links people get by e-mail or from someone else; no page links to them.
        "links_van_buiten": [
            eigenaarlinks.pad(service, eigenaarlinks.BEWERK),
            eigenaarlinks.pad(service, eigenaarlinks.KLOPT_NOG),
            eigenaarlinks.pad(service, eigenaarlinks.STOP),
            eigenaarlinks.pad(nieuw, eigenaarlinks.BEVESTIG),
            herstel_link(get_user_model().objects.get(username="professional")),
            wegwijzerlijst.pad(s.pk for s in m.Service.objects.order_by("name")[:3]),
            # The web's links in e-mails: an invitation to a meeting and what comes after it,
            # and an invitation to start together (the English run opens one e-mail only).
            bijeenkomstlinks.rsvp_pad(Uitnodiging.objects.order_by("verstuurd", "id").first()),
            bijeenkomstlinks.kennisgemaakt_pad(
                Uitnodiging.objects.order_by("verstuurd", "id").first()
            ),
            weblinks.samen_pad(Samen.objects.order_by("id").first()),
            # A person of the web: the consent link (not agreed yet) and the own-entry link.
            weblinks.pad(
                Persoon.objects.get(pk=demoweb._id("persoon", "linda")), weblinks.INSTEMMEN
            ),
            weblinks.pad(
                Persoon.objects.get(pk=demoweb._id("persoon", "marieke")), weblinks.MIJN_GEGEVENS
            ),
            # A partner's link to judge a wijk (the open round), and the link a signaller of
            # a worry keeps to follow it.
            oordeellinks.pad(
                Oordeeluitnodiging.objects.filter(ronde__gesloten_op__isnull=True)
                .order_by("id")
                .first()
            ),
            zorglinks.pad(Zorgmelding.objects.order_by("id").first()),
        ],
        # The printable cards of the demo's open round (Rotterdam): the beheerder works on
        # every gemeente's wijkscan, but opens only one page of each kind other roles saw.
        "starts": {
            "beheerder": [
                reverse("wijkscan:oordeel_kaartjes", args=[r.gemeente_id, r.pk])
                for r in Oordeelronde.objects.filter(gesloten_op__isnull=True).order_by("id")[:1]
            ]
        },
        "meedoen": next(
            s for s in m.Service.objects.order_by("name") if s.route == m.Route.AANMELDEN
        ),
    }


def _log_in(pagina, basis: str, gebruikersnaam: str) -> None:
    pagina.goto(basis + "/inloggen/")
    pagina.locator("input[name=username]").fill(gebruikersnaam)
    pagina.locator("input[name=password]").fill(laden.wachtwoord(gebruikersnaam))
    naar(pagina, pagina.locator("main form [type=submit]"))
    expect(pagina.locator("form[action='/uitloggen/'] button")).to_contain_text(gebruikersnaam)


def _meedoen(rondgang: Rondgang, service: m.Service) -> None:
    """The resident signs up with "Ik wil meedoen": the confirmation page only follows a POST."""
    pagina = rondgang.pagina
    pagina.goto(rondgang.basis + f"/meedoen/{service.pk}/")
    pagina.locator("input[name=naam]").fill("Bo")
    pagina.locator("input[name=contactmanier][value=telefoon]").check()
    pagina.locator("input[name=contact]").fill("06 12345678")
    pagina.locator("input[name=toestemming]").check()
    naar(pagina, pagina.locator("main form [type=submit]").last)
    rondgang.loop(*rondgang.controleer())


@pytest.mark.parametrize("taal", list(TALEN))
def test_elke_pagina_past_op_een_telefoon_en_heeft_geen_toegankelijkheidsfouten(
    browser, live_server, demo_wijken, taal
):
    basis = live_server.url
    bezocht: dict[str, set[str]] = {}
    bevindingen = []
    aanmelden = demo_wijken["meedoen"].get_absolute_url()  # links to refer and to sign up
    per_soort, taalcontrole = TALEN[taal]
    for wie, account, starts in ROLLEN:
        context = browser.new_context(viewport=TELEFOON, locale=taal)
        pagina = context.new_page()
        pagina.set_default_timeout(15000)
        # Pages every role shares are checked in full once, by the resident. The beheerder
        # comes last and may open everything: what another role has seen, it sees once.
        if wie == "beheerder":
            gedeeld = set(bezocht)
        else:
            gedeeld = {naam for naam, rollen in bezocht.items() if "bewoner" in rollen}

        def genoeg(naam, parameters, al, gedeeld=gedeeld):
            if per_soort is not None:
                return al >= per_soort
            if parameters or naam == "search:zoeken":
                return al >= HOOGUIT_MET_PARAMETERS
            return naam in gedeeld and al >= HOOGUIT_GEDEELD

        rondgang = Rondgang(
            pagina,
            basis,
            wie,
            TELEFOON["width"],
            overslaan,
            genoeg,
            taalcontrole=taalcontrole,
            taal=taal[:2],
        )
        if account:
            _log_in(pagina, basis, account)
            rondgang.loop("/", aanmelden, *starts, *demo_wijken["starts"].get(wie, []))
        else:
            rondgang.loop("/", *starts, *demo_wijken["links_van_buiten"])
            _meedoen(rondgang, demo_wijken["meedoen"])
        for naam in rondgang.bezocht:
            bezocht.setdefault(naam, set()).add(wie)
        bevindingen += rondgang.bevindingen
        context.close()

    assert not bevindingen, "\n".join(map(str, bevindingen))
    nooit = {n for n in alle_url_namen() if not overslaan(n)} - set(bezocht)
    assert not nooit, (
        f"Deze pagina's bezoekt geen enkele rol: {sorted(nooit)}. Zorg dat een link of "
        "startpunt ze bereikt, of zet ze met de reden in NIET_BEZOCHT."
    )
    onbekend = set(NIET_BEZOCHT) - alle_url_namen()
    assert not onbekend, f"NIET_BEZOCHT noemt URL-namen die niet (meer) bestaan: {onbekend}"


def test_rondgang_ziet_een_pagina_die_te_breed_is_en_een_toegankelijkheidsfout(page):
    # Guards the crawl: the checks must really measure, not pass on any page.
    rondgang = Rondgang(page, "http://voorbeeld.test", "test", 360, overslaan, lambda *a: False)
    page.set_viewport_size(TELEFOON)
    page.set_content(
        '<html lang="nl"><head><title>t</title></head><body><main>'
        '<div style="width:600px">breed</div><img src="x.png"></main></body></html>'
    )
    rondgang.controleer()
    wat = " ".join(b.wat for b in rondgang.bevindingen)
    assert "px breed" in wat
    assert "image-alt" in wat


def test_rondgang_in_het_engels_ziet_nederlandse_tekst(page):
    # Guards the English run: a Dutch message of the catalogue on a page is a finding.
    rondgang = Rondgang(
        page,
        "http://voorbeeld.test",
        "test",
        360,
        overslaan,
        lambda *a: False,
        taalcontrole=TALEN["en-US"][1],
    )
    page.set_viewport_size(TELEFOON)
    page.set_content(
        '<html lang="en"><head><title>t</title></head><body><main>'
        "<h1>Wachtwoord vergeten?</h1></main></body></html>"
    )
    rondgang.controleer()
    assert [b.wat for b in rondgang.bevindingen] == ["Nederlandse tekst: 'Wachtwoord vergeten?'"]


def test_gegevens_staan_op_een_telefoon_onder_elkaar_en_krijgen_de_hele_breedte(
    telefoon, maak_aanbod
):
    # The resident's own page squeezed its values into a 70 px column beside the labels.
    service = maak_aanbod(email=LANG_ADRES, url=LANGE_URL)
    telefoon.goto(telefoon.basis + service.get_absolute_url())
    kop = telefoon.locator("#contact-blok dl.gegevens dt").first.bounding_box()
    waarde = telefoon.locator("#contact-blok dl.gegevens dd").first.bounding_box()
    assert waarde["y"] > kop["y"]  # under the label, not beside it
    assert waarde["width"] >= 300
    expect(telefoon.get_by_role("link", name=LANG_ADRES)).to_be_visible()
    assert telefoon.evaluate("document.documentElement.scrollWidth") <= 360
