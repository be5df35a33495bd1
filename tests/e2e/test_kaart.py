"""The map beside the search results: clusters where listings overlap, popups that say when
and where, and no accessibility errors with the map, its tiles and attribution on screen."""

import struct
import zlib

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import axe_overtredingen

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TEGELS = "/testtegels/{z}/{x}/{y}.png"


def _grijze_tegel() -> bytes:
    """A 256×256 light grey PNG: a real tile to render, made here instead of fetched."""

    def blok(soort: bytes, inhoud: bytes) -> bytes:
        return (
            struct.pack(">I", len(inhoud))
            + soort
            + inhoud
            + struct.pack(">I", zlib.crc32(soort + inhoud) & 0xFFFFFFFF)
        )

    rijen = b"".join(b"\x00" + b"\xdd" * 256 for _ in range(256))
    return (
        b"\x89PNG\r\n\x1a\n"
        + blok(b"IHDR", struct.pack(">IIBBBBB", 256, 256, 8, 0, 0, 0, 0))
        + blok(b"IDAT", zlib.compress(rijen))
        + blok(b"IEND", b"")
    )


@pytest.fixture
def kaartpagina(page, settings):
    """The results page with a tile layer: tiles come from the test, never from the internet."""
    # The attribution stays the configured one (text beside Leaflet's own link).
    settings.SAMENSPEL = {**settings.SAMENSPEL, "TEGEL_URL": page.basis + TEGELS}
    tegel = _grijze_tegel()
    geladen = []

    def lever(route):
        geladen.append(route.request.url)
        route.fulfill(status=200, content_type="image/png", body=tegel)

    page.route("**/testtegels/**", lever)
    page.tegels_geladen = geladen
    return page


@pytest.fixture
def aanbod_op_de_kaart(maak_aanbod):
    """Three listings at one spot in Overvecht, one with a street address in Rotterdam."""
    from samenspel.directory import models as m

    plek = (52.1190, 5.1150)
    for naam in ("Koffieochtend Zambesidreef", "Breicafé Zambesidreef", "Buurtmaaltijd Overvecht"):
        maak_aanbod(naam=naam, punt=plek)
    taalcafe = maak_aanbod(
        naam="Taalcafé Middelland", buurt="middelland_noord", dagen="TH", omschrijving="Praten."
    )
    locatie = taalcafe.service_at_locations.get().location
    m.Address.objects.create(
        location=locatie, address_1="Nieuwe Binnenweg 10", postal_code="3014 GE", city="Rotterdam"
    )
    return taalcafe


def test_kaart_bundelt_aanbod_op_dezelfde_plek(kaartpagina, aanbod_op_de_kaart):
    kaartpagina.goto(kaartpagina.basis + "/zoeken/")
    kaart = kaartpagina.get_by_role("region", name="Kaart met de resultaten")
    expect(kaart).to_be_visible()
    expect(kaart.locator(".marker-cluster")).to_have_count(1)
    expect(
        kaart.get_by_role("button", name="3 resultaten hier. Klik om in te zoomen.")
    ).to_be_visible()
    # The single listing in Rotterdam stays a marker of its own.
    expect(kaart.get_by_role("button", name="Taalcafé Middelland")).to_be_visible()
    assert kaartpagina.tegels_geladen, "de kaart hoort tegels te laden"


def _tot_de_kaart_stilstaat(pagina, element) -> None:
    """Opening a popup pans the map to show it; a click during that pan can land beside the
    link. Wait until the element has kept its place for a few tenths of a second."""
    vorige, rustig = None, 0
    for _ in range(100):
        plek = element.bounding_box()
        rustig = rustig + 1 if plek == vorige else 0
        if rustig >= 3:
            return
        vorige = plek
        pagina.wait_for_timeout(100)
    raise AssertionError("de kaart bleef bewegen")


def test_kaartpopup_zegt_wanneer_en_waar_met_link_naar_het_aanbod(kaartpagina, aanbod_op_de_kaart):
    kaartpagina.goto(kaartpagina.basis + "/zoeken/")
    kaart = kaartpagina.get_by_role("region", name="Kaart met de resultaten")
    kaart.get_by_role("button", name="Taalcafé Middelland").click()
    popup = kaart.locator(".leaflet-popup-content")
    expect(popup).to_contain_text("Wanneer: do 10:00–12:00")
    expect(popup).to_contain_text("Waar: Nieuwe Binnenweg 10, 3014 GE Rotterdam")
    link = popup.get_by_role("link", name="Taalcafé Middelland")
    _tot_de_kaart_stilstaat(kaartpagina, link)
    with kaartpagina.expect_navigation(url="**/aanbod/**"):
        link.click()
    expect(kaartpagina.get_by_role("heading", level=1)).to_have_text("Taalcafé Middelland")


def test_kaartpopup_in_een_bundel_na_inzoomen(kaartpagina, aanbod_op_de_kaart):
    kaartpagina.goto(kaartpagina.basis + "/zoeken/")
    kaart = kaartpagina.get_by_role("region", name="Kaart met de resultaten")
    kaart.locator(".marker-cluster").click()
    # Listings at exactly one spot spread out around it (the cluster cannot zoom them apart).
    kaart.get_by_role("button", name="Breicafé Zambesidreef").click()
    popup = kaart.locator(".leaflet-popup-content")
    expect(popup).to_contain_text("Wanneer: di 10:00–12:00")
    expect(popup).to_contain_text("Waar: Zambesidreef e.o.")
    expect(popup.get_by_role("link", name="Breicafé Zambesidreef")).to_be_visible()


def test_bundel_en_popup_werken_met_het_toetsenbord(kaartpagina, aanbod_op_de_kaart):
    kaartpagina.goto(kaartpagina.basis + "/zoeken/")
    kaart = kaartpagina.get_by_role("region", name="Kaart met de resultaten")
    kaart.get_by_role("button", name="3 resultaten hier. Klik om in te zoomen.").focus()
    kaartpagina.keyboard.press("Enter")
    koffie = kaart.get_by_role("button", name="Koffieochtend Zambesidreef")
    expect(koffie).to_be_visible()
    koffie.focus()
    kaartpagina.keyboard.press("Enter")
    expect(kaart.locator(".leaflet-popup-content")).to_contain_text("Wanneer: di 10:00–12:00")
    expect(kaart.get_by_role("button", name="Sluiten")).to_be_visible()


def _axe_ziet_door_de_tegels_heen(pagina) -> None:
    """axe-core 4.14 cannot blend colours through Leaflet's `mix-blend-mode: plus-lighter` on
    tiles: it reports an error and silently skips the colour rules (link-in-text-block,
    color-contrast) for everything over the map. Normal blending over an opaque grey tile
    gives the same colours, and lets those rules really run. (A constructed style sheet, not
    a style tag: the page's Content-Security-Policy refuses inline style, as it should.)"""
    pagina.evaluate(
        """() => {
            const blad = new CSSStyleSheet();
            blad.replaceSync('.leaflet-tile { mix-blend-mode: normal !important; }');
            document.adoptedStyleSheets = [...document.adoptedStyleSheets, blad];
        }"""
    )


def _geslaagd(pagina, regel: str) -> list[str]:
    """The elements that passed one axe rule: proof that the rule looked at them."""
    return pagina.evaluate(
        """async (regel) => {
            const r = await axe.run(document, {runOnly: [regel]});
            return r.passes.flatMap(v => v.nodes.map(n => n.target.join(' ')));
        }""",
        regel,
    )


def test_resultaten_met_kaart_zonder_toegankelijkheidsfouten(kaartpagina, aanbod_op_de_kaart):
    kaartpagina.goto(kaartpagina.basis + "/zoeken/")
    kaart = kaartpagina.get_by_role("region", name="Kaart met de resultaten")
    expect(kaart.locator(".marker-cluster")).to_be_visible()
    expect(kaart.locator(".leaflet-control-attribution a").first).to_be_visible()
    expect(kaart.locator("img.leaflet-tile-loaded").first).to_be_visible()
    _axe_ziet_door_de_tegels_heen(kaartpagina)
    assert axe_overtredingen(kaartpagina) == []
    assert 'a[href$="leafletjs.com"]' in _geslaagd(kaartpagina, "link-in-text-block")
    kaart.get_by_role("button", name="Taalcafé Middelland").click()
    # Checked once it has faded in, as a reader sees it.
    expect(kaart.locator(".leaflet-popup")).to_have_css("opacity", "1")
    assert axe_overtredingen(kaartpagina) == []
