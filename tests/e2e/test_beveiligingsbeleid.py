"""The Content-Security-Policy in the browser: what it refuses, and that the suite notices.

Every browser test fails when a page breaks the policy (`conftest.geen_csp_overtredingen`);
these tests show that the policy a page is served with really stops an inline script, and
that such a refusal reaches that check.
"""

import pytest
from playwright.sync_api import expect

from tests.e2e import conftest

pytestmark = pytest.mark.django_db(transaction=True)


def test_een_inline_script_onder_het_beleid_van_de_site_draait_niet_en_wordt_gemeld(page):
    # The policy exactly as the site sends it, on a page with an inline script and style.
    beleid = page.request.get(page.basis + "/").headers["content-security-policy"]
    page.route(
        page.basis + "/proef-inline/",
        lambda route: route.fulfill(
            status=200,
            headers={"Content-Type": "text/html", "Content-Security-Policy": beleid},
            body=(
                "<!doctype html><html lang='nl'><head><title>Proef</title></head><body>"
                "<p id='tekst' style='color: red'>Niet veranderd</p>"
                "<script>document.getElementById('tekst').textContent = 'Veranderd'</script>"
                "</body></html>"
            ),
        ),
    )
    page.goto(page.basis + "/proef-inline/")
    expect(page.locator("#tekst")).to_have_text("Niet veranderd")
    gemeld = list(conftest._csp_overtredingen)
    # Both refusals were seen; cleared here, or this test would fail on what it made on purpose.
    conftest._csp_overtredingen.clear()
    assert any("script-src" in m for m in gemeld)
    assert any("style-src" in m for m in gemeld)


def test_de_api_documentatie_draait_met_scripts_van_de_site_zelf_binnen_het_beleid(page):
    # Swagger UI, served from this site (not a CDN), builds the page in the browser.
    page.goto(page.basis + "/api/hsds/docs")
    expect(page.get_by_text("Samenspel HSDS API").first).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert conftest._csp_overtredingen == []
