"""On paper: the wijkwijzer for the waiting room and the persoonlijke wegwijzer, printed to PDF.

Chromium renders the print stylesheet in `page.pdf()`; pypdf counts the A4 pages.
"""

import io
import re
import unicodedata

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from samenspel.areas.models import Gebied
from samenspel.demo import laden
from samenspel.directory.models import Service
from tests.e2e.conftest import axe_overtredingen

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

A4 = (595.3, 841.9)  # points


def _pdf(pagina) -> PdfReader:
    pagina.emulate_media(media="print")
    pdf = PdfReader(io.BytesIO(pagina.pdf(format="A4", prefer_css_page_size=True)))
    for blad in pdf.pages:
        maten = (float(blad.mediabox.width), float(blad.mediabox.height))
        assert all(abs(m - a4) < 2 for m, a4 in zip(maten, A4, strict=True)), maten
    return pdf


def _tekst(pdf: PdfReader) -> str:
    # NFKC: the PDF writes "ffi" in "Koffie" as one ligature glyph.
    tekst = " ".join(blad.extract_text() or "" for blad in pdf.pages)
    return " ".join(unicodedata.normalize("NFKC", tekst).split())


@pytest.fixture
def demo(taxonomieen):
    """The demo neighbourhoods, loaded as `samenspel demo` loads them."""
    laden.laad_alles()


def test_elke_demowijkwijzer_past_op_twee_a4_met_elk_aanbod_eenmaal_en_een_qr(page, demo):
    wijken = Gebied.objects.wijken().order_by("code")
    assert wijken.count() >= 5
    for wijk in wijken:
        page.goto(page.basis + f"/wijk/{wijk.code}/wijkwijzer/")
        namen = page.locator(".papier-aanbod h2").all_inner_texts()
        assert namen, wijk.naam
        assert len(namen) == len(set(namen)), f"{wijk.naam}: aanbod staat er dubbel op"
        assert page.locator(".papier-aanbod svg[role=img]").count() == len(namen)
        pdf = _pdf(page)
        assert len(pdf.pages) <= 2, f"{wijk.naam}: {len(pdf.pages)} A4"
        tekst = _tekst(pdf)
        for naam in namen:
            assert " ".join(naam.split()) in tekst, f"{wijk.naam}: {naam} niet geprint"
        assert "…" not in tekst
        assert page.basis + "/" in tekst, "het adres van de site staat niet op papier"
        page.emulate_media(media="screen")


def test_crisisdienst_staat_in_de_wijkwijzer_als_dag_en_nacht(page, demo):
    crisis = Service.objects.get(name__icontains="Crisisdienst")
    wijk = crisis.service_at_locations.get().location.buurt.ouder
    page.goto(page.basis + f"/wijk/{wijk.code}/wijkwijzer/")
    kaart = page.locator(".papier-aanbod", has_text=crisis.name)
    expect(kaart).to_contain_text("Wanneer: dag en nacht")
    expect(kaart).not_to_contain_text("00:00")


def test_wijkwijzer_en_wegwijzer_zonder_axe_overtredingen(page, demo):
    wijk = Gebied.objects.wijken().get(naam__icontains="Baarsjes")
    page.goto(page.basis + f"/wijk/{wijk.code}/wijkwijzer/")
    assert axe_overtredingen(page) == []
    ids = [
        str(s.pk)
        for s in Service.objects.zichtbaar_voor(None).filter(
            service_at_locations__location__buurt__ouder=wijk
        )[:8]
    ]
    page.goto(page.basis + "/wegwijzer/?" + "&".join(f"aanbod={i}" for i in ids))
    expect(page.locator(".papier-aanbod")).to_have_count(8)
    assert axe_overtredingen(page) == []
    page.goto(page.basis + "/wegwijzer/")
    assert axe_overtredingen(page) == []
    page.goto(page.basis + f"/aanbod/{ids[0]}/")
    page.get_by_role("button", name="Zet op mijn wegwijzer").click()
    expect(page.get_by_role("button", name="Haal van mijn wegwijzer")).to_be_visible()
    assert axe_overtredingen(page) == []
    page.goto(page.basis + "/wegwijzer/")
    expect(page.get_by_text("Een wegwijzer heeft minstens 2 aanbod")).to_be_visible()
    assert axe_overtredingen(page) == []


def test_printknop_werkt_zonder_inline_script_en_zonder_javascript(browser, live_server, demo):
    wijk = Gebied.objects.wijken().first()
    for javascript in (True, False):
        context = browser.new_context(java_script_enabled=javascript, locale="nl-NL")
        pagina = context.new_page()
        pagina.goto(live_server.url + f"/wijk/{wijk.code}/wijkwijzer/")
        knop = pagina.get_by_role("button", name="Printen")
        if javascript:
            expect(knop).to_be_visible()
            expect(pagina.get_by_text("Ctrl+P")).to_be_hidden()
        else:
            expect(knop).to_have_count(0)
            expect(pagina.get_by_text("Ctrl+P")).to_be_visible()
        context.close()


def test_professional_stelt_wegwijzer_samen_zonder_javascript_en_print_hem_op_een_a4(
    browser, live_server, demo, inloggen
):
    """Composing, printing and sharing all work with JavaScript off."""
    context = browser.new_context(java_script_enabled=False, locale="nl-NL")
    pagina = context.new_page()
    pagina.basis = live_server.url
    inloggen(pagina, "professional", laden.wachtwoord("professional"))
    wijk = Gebied.objects.wijken().get(naam__icontains="Overvecht")
    gekozen = list(
        Service.objects.zichtbaar_voor(None)
        .filter(service_at_locations__location__buurt__ouder=wijk)
        .order_by("name")[:9]
    )
    for service in gekozen[:8]:
        pagina.goto(pagina.basis + service.get_absolute_url())
        pagina.get_by_role("button", name="Zet op mijn wegwijzer").click()
        expect(pagina.get_by_text(f"{service.name} staat op je wegwijzer")).to_be_visible()
    pagina.goto(pagina.basis + gekozen[8].get_absolute_url())
    expect(pagina.get_by_text("Je wegwijzer is vol (8 aanbod).")).to_be_visible()
    pagina.get_by_role("link", name=re.compile("Bekijk je wegwijzer")).click()

    expect(pagina.locator(".papier-aanbod")).to_have_count(8)
    assert pagina.locator(".papier-aanbod svg[role=img]").count() == 8
    pdf = _pdf(pagina)
    assert len(pdf.pages) == 1
    tekst = _tekst(pdf)
    for service in gekozen[:8]:
        assert " ".join(service.name.split()) in tekst
    assert "Maak je wegwijzer leeg" not in tekst  # the controls stay on the screen

    deellink = pagina.locator(".wegwijzer__deellink").inner_text()
    assert deellink.count("aanbod=") == 8
    context.close()

    # Someone else opens the link: same list, no account, nothing from the maker.
    anders = browser.new_context(locale="nl-NL")
    bewoner = anders.new_page()
    bewoner.goto(deellink)
    expect(bewoner.locator(".papier-aanbod")).to_have_count(8)
    anders.close()


def test_wijkwijzer_en_wegwijzer_passen_op_een_telefoonscherm(telefoon, demo):
    wijk = Gebied.objects.wijken().get(naam__icontains="Overvecht")
    ids = [
        str(s.pk)
        for s in Service.objects.zichtbaar_voor(None).filter(
            service_at_locations__location__buurt__ouder=wijk
        )[:3]
    ]
    for pad in (
        f"/wijk/{wijk.code}/wijkwijzer/",
        "/wegwijzer/?" + "&".join(f"aanbod={i}" for i in ids),
        "/wegwijzer/",
    ):
        telefoon.goto(telefoon.basis + pad)
        assert telefoon.evaluate("document.documentElement.scrollWidth") <= 360, pad
    telefoon.goto(telefoon.basis + f"/aanbod/{ids[0]}/")
    knop = telefoon.locator(".wegwijzer-knop").bounding_box()
    assert knop["x"] >= 0 and knop["x"] + knop["width"] <= 360
