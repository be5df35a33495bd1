"""Logging in in two steps in a real browser, on a phone: a professional sets up a code app
with the key the page shows, logs out, logs in with password and code, then with a recovery
code, and finds that a recovery code works once only.

The test is the phone's app: it reads the key from the page and computes the code with
django-otp's TOTP at a clock of its own, which the live server reads too (same process), so
nothing depends on or waits for the wall clock.
"""

import base64
import datetime as dt
import re
import types

import pytest
from django_otp import models as otp_models
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp import models as totp_models
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from samenspel.accounts import actions
from tests.e2e.conftest import axe_overtredingen, naar, nederlands

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def klok(monkeypatch):
    """The clock of the codes, and of how long a wrong code makes the next try wait."""
    klok = types.SimpleNamespace(nu=1_900_000_000.0)
    monkeypatch.setattr(totp_models, "time", types.SimpleNamespace(time=lambda: klok.nu))
    nep = types.SimpleNamespace(now=lambda: dt.datetime.fromtimestamp(klok.nu, tz=dt.UTC))
    monkeypatch.setattr(otp_models, "timezone", nep)
    monkeypatch.setattr(actions, "timezone", nep)
    return klok


def _code(sleutel: bytes, klok, drift=0) -> str:
    totp = TOTP(sleutel, step=30, t0=0, digits=6, drift=drift)
    totp.time = klok.nu
    return f"{totp.token():06d}"


def _netjes(pagina) -> None:
    breedte = pagina.evaluate("document.documentElement.scrollWidth")
    assert breedte <= pagina.viewport_size["width"], (pagina.url, breedte)
    assert axe_overtredingen(pagina) == [], pagina.url


def _wachtwoord(p):
    p.goto(p.basis + "/inloggen/")
    p.get_by_label("Gebruikersnaam").fill("professional")
    p.get_by_label("Wachtwoord").fill("geheim-wachtwoord-123")
    naar(p, p.get_by_role("button", name="Inloggen"))
    expect(p.get_by_role("heading", level=1)).to_have_text("Vul de code in")


def _tweede_stap(p, code):
    p.get_by_label("Code").fill(code)
    naar(p, p.get_by_role("button", name="Inloggen"))


def _uitloggen(p):
    naar(p, p.get_by_role("button", name=re.compile("Uitloggen")))
    expect(p.get_by_text("Je bent uitgelogd.")).to_be_visible()


def test_professional_stelt_twee_stappen_in_en_logt_in_met_code_en_herstelcode(
    telefoon, professional, klok
):
    p = telefoon
    p.goto(p.basis + "/inloggen/")
    p.get_by_label("Gebruikersnaam").fill("professional")
    p.get_by_label("Wachtwoord").fill("geheim-wachtwoord-123")
    naar(p, p.get_by_role("button", name="Inloggen"))
    expect(p).to_have_url(p.basis + "/verwijzingen/")  # not required here: password only

    naar(p, p.get_by_role("link", name="Inloggen in twee stappen"))
    expect(p.get_by_text("Dit staat uit.")).to_be_visible()
    _netjes(p)
    naar(p, p.get_by_role("link", name="Inloggen in twee stappen instellen"))
    expect(
        p.get_by_role("img", name="QR-code om Samenspel aan je app toe te voegen")
    ).to_be_visible()
    _netjes(p)
    sleutel = base64.b32decode(p.locator("#sleutel").inner_text().replace(" ", ""))

    p.get_by_label("Code").fill("000000")
    naar(p, p.get_by_role("button", name="Aanzetten"))
    expect(p.get_by_role("link", name="Code")).to_be_visible()  # the summary names the field
    expect(p.locator(".utrecht-form-field-error-message")).to_contain_text("Deze code klopt niet")
    _netjes(p)

    klok.nu += 5  # django-otp makes a try after a wrong one wait a second
    p.get_by_label("Code").fill(_code(sleutel, klok))
    naar(p, p.get_by_role("button", name="Aanzetten"))
    expect(p.get_by_role("heading", level=1)).to_have_text("Je herstelcodes")
    expect(p.get_by_text("Inloggen in twee stappen staat aan.")).to_be_visible()
    codes = p.locator(".herstelcodes code").all_inner_texts()
    assert len(codes) == 10
    _netjes(p)
    p.reload()
    expect(p.locator(".herstelcodes")).to_have_count(0)  # shown once only
    _uitloggen(p)

    # Password and the app's next code.
    klok.nu += 30
    _wachtwoord(p)
    _netjes(p)
    drift = TOTPDevice.objects.get(user=professional).drift
    _tweede_stap(p, _code(sleutel, klok, drift))
    expect(p).to_have_url(p.basis + "/verwijzingen/")
    expect(p.get_by_text("Je bent ingelogd.")).to_be_visible()
    _uitloggen(p)

    # Phone lost: a recovery code, once.
    _wachtwoord(p)
    _tweede_stap(p, codes[0])
    expect(p).to_have_url(p.basis + "/verwijzingen/")
    expect(p.get_by_text("Je hebt een herstelcode gebruikt. Je hebt er nog 9.")).to_be_visible()
    _uitloggen(p)

    _wachtwoord(p)
    _tweede_stap(p, codes[0])
    expect(p.get_by_role("heading", level=1)).to_have_text("Vul de code in")
    expect(p.locator(".utrecht-form-field-error-message")).to_contain_text("Deze code klopt niet")
    _netjes(p)
    p.goto(p.basis + "/verwijzingen/")  # the password alone opens nothing
    expect(p.get_by_role("heading", level=1)).to_have_text("Vul de code in")


def test_verplicht_en_in_het_engels_eerst_instellen_dan_de_code(
    telefoon, netwerkhouder, klok, settings
):
    """Where two steps are required a netwerkhouder sets it up before anything else opens,
    in English: no Dutch left on the set-up, recovery code and code pages."""
    settings.SAMENSPEL = {**settings.SAMENSPEL, "TWEE_STAPPEN_VERPLICHT": True}
    p = telefoon
    p.context.add_cookies([{"name": "django_language", "value": "en", "url": p.basis}])

    def controleer(wat):
        assert p.evaluate("document.documentElement.lang") == "en", wat
        assert nederlands(p) == [], f"{wat} ({p.url}) shows Dutch UI text"
        _netjes(p)

    p.goto(p.basis + "/inloggen/")
    p.get_by_label("Username").fill("netwerkhouder")
    p.get_by_label("Password").fill("geheim-wachtwoord-123")
    naar(p, p.get_by_role("button", name="Log in"))
    expect(p.get_by_role("heading", level=1)).to_have_text("Set up two-step login")
    controleer("set-up")
    p.goto(p.basis + "/beheer/aanmeldingen/")  # nothing else opens before it is set up
    expect(p.get_by_role("heading", level=1)).to_have_text("Set up two-step login")

    sleutel = base64.b32decode(p.locator("#sleutel").inner_text().replace(" ", ""))
    p.get_by_label("Code").fill("12")
    naar(p, p.get_by_role("button", name="Turn on"))
    expect(p.locator(".utrecht-form-field-error-message")).to_contain_text("This code is not")
    controleer("set-up with a wrong code")
    klok.nu += 5
    p.get_by_label("Code").fill(_code(sleutel, klok))
    naar(p, p.get_by_role("button", name="Turn on"))
    expect(p.get_by_role("heading", level=1)).to_have_text("Your recovery codes")
    controleer("recovery codes")
    naar(p, p.get_by_role("link", name="On to your work"))
    expect(p).to_have_url(p.basis + "/beheer/aanmeldingen/")
    naar(p, p.get_by_role("link", name="Two-step login"))
    expect(p.get_by_role("heading", name="Make new recovery codes")).to_be_visible()
    controleer("two-step login page")
    naar(p, p.get_by_role("button", name=re.compile("Log out")))

    klok.nu += 30
    p.goto(p.basis + "/inloggen/")
    p.get_by_label("Username").fill("netwerkhouder")
    p.get_by_label("Password").fill("geheim-wachtwoord-123")
    naar(p, p.get_by_role("button", name="Log in"))
    expect(p.get_by_role("heading", level=1)).to_have_text("Enter the code")
    controleer("second step")
    drift = TOTPDevice.objects.get(user=netwerkhouder).drift
    p.get_by_label("Code").fill(_code(sleutel, klok, drift))
    naar(p, p.get_by_role("button", name="Log in"))
    expect(p).to_have_url(p.basis + "/beheer/aanmeldingen/")
