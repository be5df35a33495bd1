"""Accessibility of places: one fixed list, optional in registration and editing, on the page.

The case behind it is the focus group's woman with a rollator (seed 000, Bijlage 4A): she
needs to know before she goes whether she gets in.
"""

import pytest
from django.urls import reverse

from samenspel.directory import links, registratie, toegankelijkheid
from samenspel.directory import models as m
from samenspel.directory.tests.formulieren import aanmelding, bewerking

pytestmark = pytest.mark.django_db

URL = "/aanmelden/"


def plek(service) -> m.Location:
    return service.service_at_locations.get().location


def beschrijvingen(service) -> list[str]:
    return sorted(plek(service).accessibility.values_list("description", flat=True))


# --- the list -------------------------------------------------------------------------------


def test_de_lijst_heeft_de_zes_voorzieningen_uit_de_vraag():
    assert [v.tekst for v in toegankelijkheid.VOORZIENINGEN] == [
        "Rolstoeltoegankelijk",
        "Drempelvrij (rollator)",
        "Aangepast toilet",
        "Ringleiding",
        "Rustige ruimte (prikkelarm)",
        "Parkeren dichtbij",
    ]
    assert len(set(toegankelijkheid.CODES)) == 6


@pytest.mark.parametrize(
    "tekst, code",
    [
        ("Drempelvrij (rollator)", "drempelvrij"),
        ("drempelvrij", "drempelvrij"),
        ("  DREMPELVRIJ (Rollator) ", "drempelvrij"),
        ("Step-free access", "drempelvrij"),
        ("Wheelchair accessible", "rolstoeltoegankelijk"),
        ("Induction loop", "ringleiding"),
        ("aangepast-toilet", "aangepast-toilet"),
        ("Rustige ruimte", "prikkelarm"),
        ("Parkeren dichtbij", "parkeren-dichtbij"),
    ],
)
def test_tekst_wordt_herkend_als_voorziening(tekst, code):
    assert toegankelijkheid.herken(tekst).code == code


@pytest.mark.parametrize(
    "tekst",
    [
        "Lift naar de eerste verdieping",
        "Niet rolstoeltoegankelijk",
        "The building is equipped with induction loops. Wheelchair access on all levels.",
        "",
    ],
)
def test_andere_tekst_is_geen_voorziening_en_wordt_niet_geraden(tekst):
    assert toegankelijkheid.herken(tekst) is None


# --- on the listing -------------------------------------------------------------------------


def test_aanbod_toont_voorzieningen_in_vaste_volgorde_en_eigen_tekst_zoals_hij_is(maak_aanbod):
    service = maak_aanbod()
    locatie = plek(service)
    for tekst in ("Parkeren dichtbij", "Lift naar de eerste verdieping", "drempelvrij"):
        m.Accessibility.objects.create(location=locatie, description=tekst)
    m.Accessibility.objects.create(
        location=locatie, description="Ringleiding", details="Zet je hoortoestel op T."
    )

    vermeldingen = service.toegankelijkheid()

    assert [(v.tekst, v.details) for v in vermeldingen] == [
        ("Drempelvrij (rollator)", ""),
        ("Ringleiding", "Zet je hoortoestel op T."),
        ("Parkeren dichtbij", ""),
        ("Lift naar de eerste verdieping", ""),
    ]


def test_via_contactpersoon_toont_geen_plek_en_dus_geen_toegankelijkheid(maak_aanbod):
    service = maak_aanbod(zichtbaarheid="via_contactpersoon")
    m.Accessibility.objects.create(location=plek(service), description="Drempelvrij (rollator)")
    assert service.toegankelijkheid() == []


def test_aanbodpagina_toont_toegankelijkheid(client, maak_aanbod):
    service = maak_aanbod(naam="Buurthuis De Boog")
    m.Accessibility.objects.create(location=plek(service), description="Drempelvrij (rollator)")
    m.Accessibility.objects.create(
        location=plek(service),
        description="Lift naar de eerste verdieping",
        url="https://example.org/toegankelijk",
    )

    html = client.get(service.get_absolute_url()).content.decode()

    assert "Toegankelijkheid" in html
    assert "<li>Drempelvrij (rollator)</li>" in html
    assert "Lift naar de eerste verdieping" in html
    assert 'href="https://example.org/toegankelijk"' in html


def test_aanbodpagina_zegt_niets_over_toegankelijkheid_als_niets_bekend_is(client, maak_aanbod):
    # Unknown stays unknown (issue 9, deliver 4): no row, not even a "we weten het niet".
    service = maak_aanbod(naam="Buurthuis De Boog")
    html = client.get(service.get_absolute_url()).content.decode()
    assert "<dt>Toegankelijkheid</dt>" not in html
    assert "Drempelvrij" not in html


def test_wijkwijzer_noemt_toegankelijkheid(client, maak_aanbod):
    service = maak_aanbod(naam="Buurthuis De Boog")
    m.Accessibility.objects.create(location=plek(service), description="Aangepast toilet")
    html = client.get(reverse("wegwijzer:wijkwijzer", args=["WK034403"])).content.decode()
    assert "Aangepast toilet" in html


# --- registering ----------------------------------------------------------------------------


def test_toegankelijkheid_is_nooit_verplicht(gebieden):
    form = registratie.AanmeldFormulier(aanmelding())
    assert form.is_valid(), form.errors
    assert form.cleaned_data["toegankelijkheid"] == []
    assert "toegankelijkheid" not in registratie.AanmeldFormulier.VERPLICHT


def test_formulier_toont_de_zes_vinkjes_als_groep_met_vraag(client, gebieden):
    html = client.get(URL).content.decode()
    assert html.count('name="toegankelijkheid"') == 6
    assert (
        '<input type="checkbox" name="toegankelijkheid" value="drempelvrij" '
        'class="utrecht-checkbox utrecht-checkbox--html-input"'
    ) in html
    assert "Hoe toegankelijk is de plek?" in html
    assert "Drempelvrij (rollator)" in html


def test_aanmelden_met_drempelvrij_zet_het_op_de_plek(client, gebieden, met_commit):
    antwoord = met_commit(
        client.post, URL, aanmelding(toegankelijkheid=["ringleiding", "drempelvrij"])
    )

    assert antwoord.status_code == 302
    service = m.Service.objects.get(name="Breicafé Overvecht")
    assert beschrijvingen(service) == ["Drempelvrij (rollator)", "Ringleiding"]


def test_onbekende_toegankelijkheid_geeft_melding_bij_het_veld(client, gebieden):
    antwoord = client.post(URL, aanmelding(toegankelijkheid=["lift"]))

    assert antwoord.status_code == 200
    assert antwoord.context["form"].errors["toegankelijkheid"] == ["Kies uit de lijst wat klopt."]
    assert not m.Service.objects.exists()


# --- editing via the magic link -------------------------------------------------------------


@pytest.fixture
def aanbod(maak_aanbod):
    return maak_aanbod(
        naam="Breicafé Overvecht",
        omschrijving="Samen breien.",
        beheerder_email="anna@example.org",
        tijden_omschrijving="dinsdag 10-12",
    )


def test_bewerklink_toont_de_aangevinkte_voorzieningen(client, aanbod):
    m.Accessibility.objects.create(location=plek(aanbod), description="Aangepast toilet")
    form = client.get(links.pad(aanbod, links.BEWERK)).context["form"]
    assert form["toegankelijkheid"].value() == ["aangepast-toilet"]


def test_bewerken_vinkt_aan_en_uit_met_historie(client, aanbod, met_commit):
    m.Accessibility.objects.create(location=plek(aanbod), description="Aangepast toilet")
    pad = links.pad(aanbod, links.BEWERK)

    antwoord = met_commit(
        client.post, pad, bewerking(aanbod, toegankelijkheid=["drempelvrij", "prikkelarm"])
    )

    assert antwoord.status_code == 302
    assert beschrijvingen(aanbod) == ["Drempelvrij (rollator)", "Rustige ruimte (prikkelarm)"]
    historie = m.Wijziging.objects.get(resource_id=aanbod.pk, field_name="toegankelijkheid")
    assert (historie.previous_value, historie.replacement_value) == (
        "aangepast-toilet",
        "drempelvrij, prikkelarm",
    )
    assert historie.updated_by == "anna@example.org"


def test_bewerken_zonder_vinkjes_te_wijzigen_schrijft_niets(client, aanbod, met_commit):
    m.Accessibility.objects.create(location=plek(aanbod), description="Ringleiding")
    met_commit(
        client.post,
        links.pad(aanbod, links.BEWERK),
        bewerking(aanbod, toegankelijkheid=["ringleiding"]),
    )
    assert not m.Wijziging.objects.filter(resource_id=aanbod.pk, field_name="toegankelijkheid")
    assert beschrijvingen(aanbod) == ["Ringleiding"]


def test_bewerken_laat_de_eigen_tekst_van_een_bron_staan(client, aanbod, met_commit):
    locatie = plek(aanbod)
    m.Accessibility.objects.create(location=locatie, description="Lift naar de eerste verdieping")
    m.Accessibility.objects.create(location=locatie, description="Ringleiding")

    met_commit(client.post, links.pad(aanbod, links.BEWERK), bewerking(aanbod))

    assert beschrijvingen(aanbod) == ["Lift naar de eerste verdieping"]


# --- the beheerder's admin ------------------------------------------------------------------


def test_beheerder_ziet_toegankelijkheid_bij_de_locatie_anderen_niet(
    client, maak_aanbod, beheerder, netwerkhouder
):
    locatie = plek(maak_aanbod())
    m.Accessibility.objects.create(location=locatie, description="Lift naar de eerste verdieping")
    url = f"/beheer/admin/directory/location/{locatie.pk}/change/"

    assert client.get(url).status_code == 302  # to the login page
    client.force_login(netwerkhouder)
    assert client.get(url).status_code == 302
    client.force_login(beheerder)
    assert "Lift naar de eerste verdieping" in client.get(url).content.decode()
