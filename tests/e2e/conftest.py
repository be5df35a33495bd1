"""Browser tests: Playwright driving Debian's chromium against the live test server."""

import functools
import os
from pathlib import Path

import pytest

from samenspel.core import vertalen

# Playwright's sync API runs an event loop in this thread; the Django ORM calls the tests make
# between browser steps are synchronous and safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
AXE = Path(__file__).resolve().parent / "vendor" / "axe-core" / "axe.min.js"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


# Chromium reports each Content-Security-Policy violation on the console ("… violates the
# following Content Security Policy directive …"). Every browser context of the suite listens,
# and a test during which a page broke the policy fails (`geen_csp_overtredingen`): the policy
# allows no inline script or style, so this is how an inline one that slipped in is found.
CSP_MELDING = "Content Security Policy"
_csp_overtredingen: list[str] = []


def _let_op_csp(bericht) -> None:
    if CSP_MELDING in bericht.text:
        waar = bericht.page.url if bericht.page else bericht.location.get("url", "")
        _csp_overtredingen.append(f"{waar}: {bericht.text}")


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"{CHROMIUM} ontbreekt: installeer Debian's chromium (python3 dev.py test doet dat)"
        )
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        maak_context = browser.new_context

        def new_context(**opties):
            context = maak_context(**opties)
            context.on("console", _let_op_csp)
            return context

        browser.new_context = new_context
        yield browser
        browser.close()


@pytest.fixture(autouse=True)
def geen_csp_overtredingen():
    _csp_overtredingen.clear()
    yield
    if _csp_overtredingen:
        pytest.fail("Content-Security-Policy overtreden:\n" + "\n".join(_csp_overtredingen))


@pytest.fixture
def page(browser, live_server, settings):
    # No map tiles from the internet in tests.
    settings.SAMENSPEL = {**settings.SAMENSPEL, "TEGEL_URL": ""}
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    pagina = context.new_page()
    pagina.set_default_timeout(15000)
    pagina.basis = live_server.url
    yield pagina
    context.close()


@pytest.fixture
def telefoon(browser, live_server, settings):
    """A 360 px wide phone screen."""
    settings.SAMENSPEL = {**settings.SAMENSPEL, "TEGEL_URL": ""}
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="nl-NL")
    pagina = context.new_page()
    pagina.basis = live_server.url
    yield pagina
    context.close()


def naar(pagina, locator) -> None:
    """Click a link or button that loads a new page, and wait until it has loaded.

    A plain click returns before the next page is there, so a check that follows it (axe, the
    page's text) could still read the page it came from."""
    with pagina.expect_navigation():
        locator.click()


@functools.cache
def _axe_bron() -> str:
    return AXE.read_text(encoding="utf-8")


def axe_overtredingen(pagina) -> list[dict]:
    """Run axe-core (WCAG 2.1 A and AA rules) on the current page.

    axe is evaluated through the browser's debugging protocol, not added as a script tag:
    the pages' Content-Security-Policy rightly refuses an inline script."""
    if not pagina.evaluate("typeof axe !== 'undefined'"):
        pagina.evaluate("() => {" + _axe_bron() + "\n}")
    return pagina.evaluate(
        """async () => {
            const r = await axe.run(document, {runOnly: {type: 'tag',
                values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}});
            return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}));
        }"""
    )


# Visible text per element (without its children's text), labels for assistive technology,
# and all visible text. Text marked as another language (lang="nl" on a Dutch mail in the
# demo mailbox, the "Nederlands" switch) is content in that language, not a missing translation.
TEKSTEN = """() => {
    const taal = document.documentElement.lang.split('-')[0];
    const anders = el => {
        const deel = el && el.closest('[lang]');
        return !!deel && deel.lang.split('-')[0] !== taal;
    };
    const elementen = [document.title];
    for (const el of document.body.querySelectorAll('*')) {
        if (['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE'].includes(el.tagName)) continue;
        if (anders(el)) continue;
        for (const a of ['aria-label', 'placeholder', 'title', 'alt']) {
            if (el.getAttribute(a)) elementen.push(el.getAttribute(a));
        }
        if (el.matches('input[type=submit], input[type=button]')) elementen.push(el.value);
        if (el.checkVisibility && !el.checkVisibility()) continue;
        const eigen = [...el.childNodes].filter(n => n.nodeType === 3)
            .map(n => n.textContent).join(' ').trim();
        if (eigen) elementen.push(eigen);
    }
    let tekst = document.body.innerText;
    for (const el of document.body.querySelectorAll('[lang]')) {
        if (anders(el) && !anders(el.parentElement)) tekst = tekst.replace(el.innerText, ' ');
    }
    return {elementen, tekst};
}"""


def nederlands(pagina) -> list[str]:
    """Dutch messages of the catalogue on an English page (`vertalen.nederlands_op_pagina`)."""
    gelezen = pagina.evaluate(TEKSTEN)
    return vertalen.nederlands_op_pagina(gelezen["elementen"], gelezen["tekst"])


@pytest.fixture
def inloggen():
    def log_in(pagina, gebruikersnaam, wachtwoord="geheim-wachtwoord-123"):
        pagina.goto(pagina.basis + "/inloggen/")
        pagina.get_by_label("Gebruikersnaam").fill(gebruikersnaam)
        pagina.get_by_label("Wachtwoord").fill(wachtwoord)
        naar(pagina, pagina.get_by_role("button", name="Inloggen"))

    return log_in
