"""The demo holds referrals in every status, made by the real actions, and loads twice safely."""

import pytest

from samenspel.demo import laden
from samenspel.demo.models import Bericht
from samenspel.privacy.models import Auditregel
from samenspel.referrals import demo
from samenspel.referrals.models import Gebeurtenis, Status, Verwijzing

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_geladen(settings, django_capture_on_commit_callbacks):
    settings.EMAIL_BACKEND = "samenspel.demo.mail.PostvakBackend"
    with django_capture_on_commit_callbacks(execute=True):
        # The demo loader loads the referrals too, as `samenspel demo` does.
        aantal = laden.laad_alles()["verwijzingen"]
    return aantal


def test_demo_heeft_een_verwijzing_in_elke_status(demo_geladen):
    assert demo_geladen == len(demo.SCENARIOS)
    assert set(Verwijzing.objects.values_list("status", flat=True)) == set(Status.values)


def test_demo_laat_beide_richtingen_en_een_zelfaanmelding_zien(demo_geladen):
    herkomst = set(Verwijzing.objects.values_list("herkomst", "naar_sector"))
    assert ("formeel", "informeel") in herkomst
    assert ("informeel", "formeel") in herkomst
    assert Verwijzing.objects.filter(herkomst="bewoner").exists()
    assert Verwijzing.objects.filter(soort="plekvraag").exists()


def test_demo_twee_keer_laden_voegt_niets_toe(demo_geladen):
    tellingen = [M.objects.count() for M in (Verwijzing, Gebeurtenis, Auditregel, Bericht)]
    assert demo.laad_verwijzingen() == 0
    assert [M.objects.count() for M in (Verwijzing, Gebeurtenis, Auditregel, Bericht)] == tellingen


def test_demo_postvak_toont_de_mails_van_de_verwijzingen(demo_geladen):
    onderwerpen = list(Bericht.objects.values_list("onderwerp", flat=True))
    assert any(o.startswith("Nieuwe aanmelding voor") for o in onderwerpen)
    assert any("aangenomen" in o for o in onderwerpen)
    assert any(o.startswith("Is er plek bij") for o in onderwerpen)
    assert any("ingetrokken" in o for o in onderwerpen)
    # The resident who gave an e-mail address got their own link.
    assert Bericht.objects.filter(aan="yusuf@example.org", tekst__contains="/mijn/").exists()


def test_demo_bewoners_zijn_fictief_met_voorbeeldadressen(demo_geladen):
    for contact in Verwijzing.objects.exclude(contact="").values_list("contact", flat=True):
        assert contact.endswith("@example.org") or contact.startswith("06 1234567")


def test_ingetrokken_demoverwijzing_heeft_geen_persoonsgegevens(demo_geladen):
    v = Verwijzing.objects.get(pk=demo._id("ingetrokken-door-bewoner"))
    assert (v.naam, v.contact, v.wat_helpt, v.notitie) == ("", "", "", "")
    assert v.status == Status.CANCELLED


def test_demo_accounts_horen_bij_een_organisatie(demo_geladen):
    from samenspel.accounts.models import Gebruiker

    assert Gebruiker.objects.get(username="professional").organisatie.name
    assert Gebruiker.objects.get(username="initiatiefnemer").organisatie.name
