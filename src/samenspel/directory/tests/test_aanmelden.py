"""Meld je initiatief aan: one public form, six required fields, no account (seed 000, 848-857)."""

import datetime as dt
import re

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse

from samenspel.directory import actions, registratie
from samenspel.directory import models as m
from samenspel.directory.tests.formulieren import aanmelding

URL = "/aanmelden/"


def link_uit(bericht, soort: str) -> str:
    gevonden = re.search(rf"{re.escape(settings.SITE_URL)}(/\S*/{soort}/\S+/)", bericht.body)
    assert gevonden, bericht.body
    return gevonden.group(1)


# --- the form -------------------------------------------------------------------------------


def test_formulier_heeft_hoogstens_zes_verplichte_velden(gebieden):
    form = registratie.AanmeldFormulier()
    verplicht = [naam for naam, veld in form.fields.items() if veld.required]
    assert set(verplicht) == set(registratie.AanmeldFormulier.VERPLICHT)
    assert len(verplicht) <= 6


def test_formulier_toont_buurten_per_gemeente_en_wijk_en_markeert_optionele_velden(
    client, gebieden
):
    antwoord = client.get(URL)
    html = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert '<optgroup label="Utrecht – Overvecht">' in html
    assert '<optgroup label="Rotterdam – Middelland">' in html
    assert html.count("niet verplicht") >= 6
    # The bouwsteen definitions are shown as help with the choice.
    assert m.TaxonomyTerm.objects.bouwstenen().first().description in html


def test_bij_heel_veel_buurten_eerst_de_gemeente_kiezen(client, gebieden, monkeypatch):
    monkeypatch.setattr(registratie, "MAX_BUURTEN_IN_LIJST", 2)

    eerst = client.get(URL)
    assert 'name="gemeente"' in eerst.content.decode()
    assert "form" not in eerst.context

    daarna = client.get(URL, {"gemeente": "GM0344"})
    keuzes = dict(daarna.context["form"].fields["buurt"].choices)
    assert set(keuzes) == {"", "Utrecht – Overvecht"}
    assert 'action="?gemeente=GM0344"' in daarna.content.decode()


def test_aanmelden_met_zes_velden_zonder_account(client, gebieden, met_commit):
    antwoord = met_commit(client.post, URL, aanmelding())

    assert antwoord.status_code == 302
    assert antwoord["Location"] == reverse("directory:aanmelden_verstuurd")
    service = m.Service.objects.get(name="Breicafé Overvecht")
    assert service.moderatie == m.Moderatie.ONBEVESTIGD
    assert service.status == m.ServiceStatus.ACTIVE
    assert service.beheerder_email == "anna@example.org"
    assert service.tijden_omschrijving == "elke dinsdag 10-12 uur in buurthuis De Boog"
    assert service.organization.sector == m.Sector.INFORMEEL
    assert service.organization.gemeente_id == "GM0344"
    assert service.zichtbaarheid == m.Zichtbaarheid.OPENBAAR
    locatie = service.service_at_locations.get().location
    assert locatie.buurt_id == "BU03440301"
    assert (locatie.latitude, locatie.longitude) == (52.1190, 5.1150)  # the buurt's centroid
    assert service.contacts.get().email == "anna@example.org"
    assert [b.code for b in service.bouwstenen] == ["sociale-contacten-en-ontmoeting"]
    assert m.Wijziging.objects.filter(resource_id=service.pk, last_action_type="aangemeld")
    assert [b.to for b in mail.outbox] == [["anna@example.org"]]
    assert "/aanmelden/bevestig/" in mail.outbox[0].body


def test_nieuwe_aanmelding_is_nog_niet_live(client, gebieden, met_commit):
    met_commit(client.post, URL, aanmelding())
    service = m.Service.objects.get(name="Breicafé Overvecht")
    assert not service.is_live
    assert not m.Service.objects.live().filter(pk=service.pk).exists()


def test_verstuurd_vertelt_wat_er_nu_gebeurt(client, gebieden, met_commit):
    antwoord = met_commit(client.post, URL, aanmelding(), follow=True)
    html = antwoord.content.decode()
    assert "Wat gebeurt er nu?" in html
    assert "anna@example.org" in html
    assert "netwerkhouder" in html


def test_ontbrekend_contact_geeft_foutmelding_bij_het_veld(client, gebieden):
    antwoord = client.post(URL, aanmelding(contact=""))

    assert antwoord.status_code == 200
    form = antwoord.context["form"]
    assert form.errors["contact"] == ["Vul een e-mailadres of telefoonnummer in."]
    html = antwoord.content.decode()
    assert 'href="#id_contact">E-mailadres of telefoonnummer</a>' in html  # summary names field
    assert 'aria-invalid="true"' in html
    assert not m.Service.objects.exists()


def test_ongeldig_contact_noemt_beide_mogelijkheden(client, gebieden):
    antwoord = client.post(URL, aanmelding(contact="bel me maar"))
    fout = antwoord.context["form"].errors["contact"][0]
    assert "e-mailadres" in fout and "telefoonnummer" in fout


def test_elk_verplicht_veld_heeft_een_eigen_nederlandse_melding(client, gebieden):
    antwoord = client.post(URL, {})
    fouten = antwoord.context["form"].errors
    assert set(fouten) == set(registratie.AanmeldFormulier.VERPLICHT)
    assert fouten["naam"] == ["Vul de naam van je initiatief in."]
    assert fouten["buurt"] == ["Kies de buurt waar jullie initiatief is."]
    assert "op afspraak" in fouten["wanneer"][0]


def test_op_afspraak_mag_in_plaats_van_wanneer(client, gebieden, met_commit):
    antwoord = met_commit(client.post, URL, aanmelding(wanneer="", op_afspraak="on"))
    assert antwoord.status_code == 302
    service = m.Service.objects.get()
    assert service.op_afspraak is True
    assert not service.schedules.exists()


@pytest.mark.parametrize(
    "nummer",
    [
        "06-12345678",
        "0612345678",
        "06 1234 5678",
        "+31 6 12345678",
        "0031612345678",
        "030-1234567",
        "(030) 123 45 67",
        "+31 (0)10 123 4567",
        "0800-1234",
        "0900 1234567",
    ],
)
def test_nederlandse_telefoonnummers_worden_herkend(nummer):
    assert registratie.lees_contact(nummer).telefoon == nummer


@pytest.mark.parametrize(
    "fout", ["12345", "06-1234567", "06-123456789", "+32 470 12 34 56", "0012345678", "anna@"]
)
def test_geen_telefoonnummer_of_email_wordt_geweigerd(fout):
    with pytest.raises(registratie.ValidationError):
        registratie.lees_contact(fout)


def test_telefoonnummer_zet_direct_in_wachtrij_en_meldt_de_netwerkhouder(
    client, gebieden, netwerkhouder, andere_netwerkhouder, met_commit
):
    met_commit(client.post, URL, aanmelding(contact="06-12345678", contactpersoon="Piet"))

    service = m.Service.objects.get()
    assert service.moderatie == m.Moderatie.WACHTRIJ
    assert (service.beheerder_email, service.beheerder_telefoon) == ("", "06-12345678")
    telefoon = service.phones.get()
    assert telefoon.number == "06-12345678"
    assert telefoon.contact.name == "Piet"
    # No e-mail is possible, so only the netwerkhouder of this area hears of it.
    assert [b.to for b in mail.outbox] == [[netwerkhouder.email]]
    assert "06-12345678" in mail.outbox[0].body
    assert f"/beheer/aanmeldingen/{service.pk}/" in mail.outbox[0].body


def test_postcode_wordt_netjes_geschreven_en_fout_formaat_geweigerd(client, gebieden, met_commit):
    fout = client.post(URL, aanmelding(adres="Zambesidreef 1", postcode="35 62AB"))
    assert "1234 AB" in fout.context["form"].errors["postcode"][0]

    met_commit(client.post, URL, aanmelding(adres="Zambesidreef 1", postcode="3562ab"))
    adres = m.Address.objects.get()
    assert (adres.address_1, adres.postal_code, adres.city) == (
        "Zambesidreef 1",
        "3562 AB",
        "Utrecht",
    )


def test_postcode_zonder_adres_vraagt_om_het_adres(client, gebieden):
    antwoord = client.post(URL, aanmelding(postcode="3562 AB"))
    assert "straat en huisnummer" in antwoord.context["form"].errors["adres"][0]


def test_optionele_keuzes_komen_in_het_aanbod(client, gebieden, met_commit):
    doelgroep = m.TaxonomyTerm.objects.doelgroepen().first()
    met_commit(
        client.post,
        URL,
        aanmelding(
            website="www.breicafe.nl",
            sector="formeel",
            zichtbaarheid="professionals",
            contactpersoon="Anna",
            doelgroep=doelgroep.code if doelgroep else None,
        ),
    )
    service = m.Service.objects.get()
    assert service.url == "https://www.breicafe.nl"
    assert service.organization.sector == m.Sector.FORMEEL
    assert service.zichtbaarheid == m.Zichtbaarheid.PROFESSIONALS
    assert service.contacts.get().name == "Anna"
    if doelgroep:
        assert service.doelgroepen == [doelgroep]


def test_niets_half_opgeslagen_bij_fout(client, gebieden, met_commit, monkeypatch):
    def kapot(*args, **kwargs):
        raise RuntimeError("database weg halverwege")

    # Organization, Service and Location already exist when the bouwsteen is linked.
    monkeypatch.setattr(actions, "_zet_term", kapot)
    with pytest.raises(RuntimeError):
        met_commit(client.post, URL, aanmelding())

    for model in (m.Organization, m.Service, m.Location, m.ServiceAtLocation, m.Contact):
        assert not model.objects.exists(), model
    assert not m.Wijziging.objects.exists()
    assert mail.outbox == []


def test_aanmelding_leest_het_rooster_uit_de_vrije_tekst(client, gebieden, met_commit):
    met_commit(client.post, URL, aanmelding(wanneer="dinsdag en donderdag 10-12 in De Boog"))
    schema = m.Schedule.objects.get()
    assert (schema.byday, schema.opens_at, schema.closes_at) == (
        "TU,TH",
        dt.time(10),
        dt.time(12),
    )
    assert m.Service.objects.get().tijden_omschrijving == "dinsdag en donderdag 10-12 in De Boog"


# --- likely duplicates ----------------------------------------------------------------------


def test_waarschuwt_voor_dubbele_naam_in_dezelfde_gemeente(
    client, gebieden, maak_aanbod, met_commit
):
    bestaand = maak_aanbod(naam="Breicafé Overvecht", buurt="vechtzoom")

    antwoord = client.post(URL, aanmelding(naam="Het breicafe overvecht"))
    assert antwoord.status_code == 200
    assert antwoord.context["dubbelen"] == [bestaand]
    html = antwoord.content.decode()
    assert reverse("directory:service", args=[bestaand.pk]) in html
    assert "Mijn initiatief staat hier niet tussen" in html
    assert m.Service.objects.count() == 1

    antwoord = met_commit(
        client.post, URL, aanmelding(naam="Het breicafe overvecht", niet_dubbel="on")
    )
    assert antwoord.status_code == 302
    assert m.Service.objects.count() == 2


def test_zelfde_naam_in_andere_gemeente_is_geen_dubbel(client, gebieden, maak_aanbod, met_commit):
    maak_aanbod(naam="Breicafé Overvecht", buurt="middelland_noord")
    antwoord = met_commit(client.post, URL, aanmelding())
    assert antwoord.status_code == 302


@pytest.mark.parametrize(
    ("a", "b", "lijkt"),
    [
        ("Taalcafé De Brug", "taalcafe de brug", True),
        ("Stichting Wandelgroep Overvecht", "Wandelgroep Overvecht", True),
        ("Wandelgroep", "Wandelgroep Overvecht", True),
        ("Breicafe Overvecht", "Breicafé Overvekt", True),
        ("Buurt", "Buurtkamer Noord", False),
        ("Kookclub", "Koffieochtend", False),
        ("Repair Café", "Taalcafé", False),
    ],
)
def test_namen_die_op_elkaar_lijken(a, b, lijkt):
    assert registratie.lijkt_op(a, b) is lijkt


# --- confirmation link ----------------------------------------------------------------------


def test_bevestigingslink_zet_in_wachtrij(client, gebieden, netwerkhouder, met_commit):
    met_commit(client.post, URL, aanmelding())
    service = m.Service.objects.get()
    link = link_uit(mail.outbox[0], "bevestig")
    mail.outbox.clear()

    # Opening the link (a person or a mail scanner) only shows the button.
    assert client.get(link).status_code == 200
    service.refresh_from_db()
    assert service.moderatie == m.Moderatie.ONBEVESTIGD

    antwoord = met_commit(client.post, link)
    assert antwoord.status_code == 200
    service.refresh_from_db()
    assert service.moderatie == m.Moderatie.WACHTRIJ
    assert m.Wijziging.objects.filter(
        resource_id=service.pk, last_action_type="bevestigd", replacement_value="wachtrij"
    ).exists()
    assert [b.to for b in mail.outbox] == [[netwerkhouder.email]]


def test_tweede_klik_op_bevestigingslink_doet_niets_meer(client, gebieden, met_commit):
    met_commit(client.post, URL, aanmelding())
    link = link_uit(mail.outbox[0], "bevestig")
    met_commit(client.post, link)
    aantal = m.Wijziging.objects.count()

    antwoord = met_commit(client.post, link)
    assert "is bevestigd" in antwoord.content.decode()
    assert m.Wijziging.objects.count() == aantal


# --- opening times parser -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tekst", "verwacht"),
    [
        ("dinsdag 10-12", [("TU", "10:00", "12:00")]),
        ("Elke dinsdagmiddag van 14 tot 16 uur", [("TU", "14:00", "16:00")]),
        ("ma t/m vr 9.00 - 17.00 uur", [("MO,TU,WE,TH,FR", "09:00", "17:00")]),
        ("maandag en woensdag 9:30-11:30", [("MO,WE", "09:30", "11:30")]),
        ("di 10-12, do 19-21", [("TU", "10:00", "12:00"), ("TH", "19:00", "21:00")]),
        ("zaterdag 10-12 en 13-15", [("SA", "10:00", "12:00"), ("SA", "13:00", "15:00")]),
        ("woensdagavond 19.30-22 uur", [("WE", "19:30", "22:00")]),
    ],
)
def test_rooster_uit_vrije_tekst(tekst, verwacht):
    gelezen = [
        (v.byday, v.van.strftime("%H:%M"), v.tot.strftime("%H:%M"))
        for v in registratie.lees_tijden(tekst)
    ]
    assert gelezen == verwacht


@pytest.mark.parametrize(
    "tekst",
    [
        "op afspraak",
        "zo nu en dan, 10-12 mensen",  # 'zo' is no Sunday here
        "dinsdag in het buurthuis aan de Zambesidreef 10-12",  # house numbers, not a time
        "vrijdag 12-10",  # closes before it opens
        "elke week",
    ],
)
def test_rooster_leest_niets_als_het_niet_zeker_is(tekst):
    assert registratie.lees_tijden(tekst) == []


def test_dubbelwaarschuwing_noemt_geen_naam_van_professioneel_aanbod(client, maak_aanbod):
    maak_aanbod(naam="Consultatie FACT-team Overvecht", zichtbaarheid="professionals")
    antwoord = client.post(URL, aanmelding(naam="Consultatie FACT team Overvecht"))
    pagina = antwoord.content.decode()
    assert "Staat je initiatief er al op?" in pagina
    assert "Consultatie FACT-team Overvecht" not in pagina
    assert "niet openbaar" in pagina
