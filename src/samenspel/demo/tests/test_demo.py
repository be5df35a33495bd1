import re

import pytest

from samenspel.areas.models import Gebied
from samenspel.demo import laden
from samenspel.directory import models as m
from samenspel.search.zoeken import Zoekvraag, zoek

pytestmark = pytest.mark.django_db

SEED_WIJKEN = ["Oude Westen", "Middelland", "Nieuwe Westen", "Overvecht", "De Baarsjes"]


@pytest.fixture
def demo(db):
    return laden.laad_alles()


def test_demo_laden_twee_keer_verandert_niets(demo):
    tellingen = [M.objects.count() for M in (Gebied, m.Organization, m.Service, m.Attribute)]
    laden.laad_alles()
    assert [
        M.objects.count() for M in (Gebied, m.Organization, m.Service, m.Attribute)
    ] == tellingen


def test_demo_heeft_de_vijf_seedwijken_met_aanbod(demo):
    for naam in SEED_WIJKEN:
        wijk = Gebied.objects.wijken().get(naam__icontains=naam)
        assert zoek(Zoekvraag(filters={"wijk": [wijk.code]})).totaal > 0, naam


def test_bewoner_vindt_wandelactiviteit_in_overvecht(demo):
    overvecht = Gebied.objects.wijken().get(naam__icontains="Overvecht")
    resultaat = zoek(Zoekvraag(tekst="wandelen", filters={"wijk": [overvecht.code]}))
    assert resultaat.totaal >= 1
    assert (
        "wandel"
        in resultaat.treffers[0].service.name.lower()
        + resultaat.treffers[0].service.description.lower()
    )


def test_demo_heeft_formeel_en_informeel_aanbod(demo):
    sectoren = set(m.Organization.objects.values_list("sector", flat=True))
    assert {"formeel", "informeel"} <= sectoren


def test_demo_bevat_alleen_voorbeeldadressen(demo):
    adressen = [
        *m.Organization.objects.values_list("email", flat=True),
        *m.Service.objects.values_list("email", flat=True),
        *m.Service.objects.values_list("beheerder_email", flat=True),
        *m.Contact.objects.values_list("email", flat=True),
    ]
    for adres in filter(None, adressen):
        assert re.search(r"@([a-z0-9-]+\.)*example\.org$", adres), adres


def test_elke_rol_heeft_een_demo_account(demo):
    rollen = {rol for _, _, rol in demo["accounts"]}
    assert len(rollen) == 5


def test_demo_heeft_plekken_met_toegankelijkheid_die_te_vinden_zijn(demo):
    """The focus group's woman with a rollator (seed 000, Bijlage 4A) finds places in the demo."""
    locaties = m.Location.objects.filter(accessibility__isnull=False).distinct()
    assert locaties.count() >= 8
    drempelvrij = zoek(Zoekvraag(filters={"toegankelijkheid": ["drempelvrij"]}, per_pagina=50))
    rollator = zoek(Zoekvraag(tekst="rollator", per_pagina=50))
    namen = {t.service.name for t in rollator.treffers}
    assert len(namen) >= 5
    assert "Huiskamer en inloop van Huize Middelland" in namen
    assert namen == {t.service.name for t in drempelvrij.treffers}
    aantal = m.Accessibility.objects.count()
    laden.laad_alles()
    assert m.Accessibility.objects.count() == aantal


def test_demo_heeft_een_professional_van_een_rotterdams_wijkteam(demo):
    from samenspel.accounts.models import Gebruiker

    romy = Gebruiker.objects.get(username="professional_west")
    assert romy.rol == "professional"
    assert romy.organisatie.name == "Wijkteam Rotterdam West"
    assert romy.email.endswith("@example.org")
    assert romy.check_password(laden.wachtwoord("professional_west"))
    assert ("professional_west", "demo-professional_west", "professional") in demo["accounts"]


def test_rotterdamse_professional_ziet_haar_eigen_verwijzing_in_de_inbox(demo, client):
    from samenspel.accounts.models import Gebruiker

    client.force_login(Gebruiker.objects.get(username="professional_west"))
    tekst = client.get("/verwijzingen/").content.decode()
    assert "Maatjesproject" in tekst or "maatjesproject" in tekst
    assert "Wandelgroep" not in tekst  # the Overvecht professional's referrals stay hers


def test_demo_opzetten_drukt_de_rotterdamse_professional_af(demo, monkeypatch, capsys):
    from samenspel import cli

    monkeypatch.setenv("SAMENSPEL_DEMO", "1")  # restored afterwards; the demo sets it
    monkeypatch.setattr(cli, "_voorbereiden", lambda: None)  # the test database is ready
    monkeypatch.setattr(laden, "laad_alles", lambda: demo)
    cli.main(["demo", "--geen-server"])
    uitvoer = capsys.readouterr().out
    regel = next(r for r in uitvoer.splitlines() if "professional_west" in r)
    assert "demo-professional_west" in regel and "Wijkteam Rotterdam West" in regel
