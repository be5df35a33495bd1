"""AVG rights through a person's own link: the download holds all the system keeps about them,
from every app, and erasure reaches every app.

``test_elk_model_van_het_register_is_gedekt_of_heeft_een_reden`` walks the processing
register: every model in it is reached by the download and erasure of at least one kind of
person (a resident through their referral link, a person in het web through their own link,
a signaller through their status link), or is listed below with the reason why nobody can
ask for it through a link. For each reached model, a test makes a row with personal data of
that person, downloads (the value is in the file) and erases (the value is gone from the
database), through the real pages.
"""

import dataclasses
import datetime as dt
import json
import time

import pytest
from django.core import signing
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from post_office.models import Email, Log

from samenspel.core import verwerkingen
from samenspel.directory import models as m
from samenspel.network import actions as web
from samenspel.network import links as weblinks
from samenspel.network.models import (
    Agendapunt,
    Band,
    Bandsoort,
    Gebeurtenis,
    Gesprek,
    Persoon,
    Samen,
    Uitnodiging,
)
from samenspel.privacy import rechten
from samenspel.privacy.models import Auditregel
from samenspel.referrals.models import Gebeurtenis as Verwijsgebeurtenis
from samenspel.referrals.models import Kennismaking, Verwijzing
from samenspel.referrals.tests.conftest import (  # noqa: F401
    organisaties,
    pim,
    verwijs,
    wandelgroep,
)
from samenspel.signals import zorglinks
from samenspel.signals.models import Zorgmelding
from samenspel.signals.tests.conftest import signaalwereld  # noqa: F401
from samenspel.signals.tests.zorg_hulp import WAT, zorg

pytestmark = pytest.mark.django_db

# Models in the register that no person can reach through a link, each with the reason.
BUITEN_DE_LINKS = {
    "accounts.Gebruiker": "wie een account heeft, ziet en verandert die op de eigen "
    "accountpagina en vraagt de beheerder om wissen",
    "accounts.Accountgebeurtenis": "hoort bij een account (zie accounts.Gebruiker)",
    "otp_totp.TOTPDevice": "de tweede stap van een account (zie accounts.Gebruiker)",
    "otp_static.StaticDevice": "de tweede stap van een account (zie accounts.Gebruiker)",
    "otp_static.StaticToken": "de tweede stap van een account (zie accounts.Gebruiker)",
    "hsds.Sleutelgebeurtenis": "API-sleutels van accounts (zie accounts.Gebruiker)",
    "wijkscan.Oordeelronde": "wie een ronde startte: een account (zie accounts.Gebruiker)",
    "wijkscan.Gebeurtenis": "wie de wijkscan veranderde: een account (zie accounts.Gebruiker)",
    "network.Reeks": "wie een reeks begon: een account (zie accounts.Gebruiker)",
    "signals.Gebeurtenis": "noemt alleen wie met een account iets deed, nooit de melder; "
    "wat er met een zorg gebeurde staat wel in het bestand van de melder",
    "signals.Buurtsignaal": "wie een buurtsignaal stuurt, krijgt geen eigen link; niemand kan "
    "dus laten zien dat het van hem is. Het e-mailadres wordt na de bewaartermijn gewist",
    "referrals.Ontvangst": "het reactieadres van een aanbod: de organisatie past het zelf aan",
    "directory.Service": "contactgegevens van aanbod: de organisatie past ze zelf aan via "
    "haar eigen link of account",
    "directory.Organization": "als directory.Service",
    "directory.Contact": "als directory.Service",
    "directory.Phone": "als directory.Service",
    "directory.Wijziging": "als directory.Service",
    "demo.Bericht": "alleen in de demo: verzonnen mensen",
    "admin.LogEntry": "technisch beheer door beheerders met een account",
    "sessions.Session": "verloopt vanzelf; alleen de server leest dit",
    "axes.AccessAttempt": "blijft leeg: de blokkade telt in de cache",
    "axes.AccessLog": "blijft leeg: de blokkade telt in de cache",
    "axes.AccessFailureLog": "blijft leeg: de blokkade telt in de cache",
}
# In the file, but kept after erasure, with the reason.
BLIJFT = {
    "privacy.Toestemming": "bewijs dat, waarvoor en tot wanneer toestemming gold, en dat ze "
    "is ingetrokken; er staat niets van de bewoner zelf in",
    "privacy.Auditregel": "het inzage-log is wettelijk verplicht en kan niet veranderen; er "
    "staat nooit inhoud in, alleen wie wanneer welk record bekeek",
}

NAAM = "Sanne Visser"
ADRES = "sanne.visser@example.org"
WEBNAAM = "Zwaan Wisbaar"
WEBADRES = "zwaan.wisbaar@example.org"
MELDERADRES = "melder.qz@example.org"


def _json(antwoord) -> str:
    assert antwoord.status_code == 200, antwoord.status_code
    assert antwoord["Content-Disposition"].startswith("attachment")
    return json.dumps(json.loads(antwoord.content), ensure_ascii=False)


# --- the three kinds of person, each with their own link ----------------------------------


@pytest.fixture
def bewoner(verwijs, pim, wandelgroep):  # noqa: F811
    v, token = verwijs(pim, wandelgroep)
    return {
        "v": v,
        "pagina": reverse("referrals:mijn", args=[token]),
        "download": reverse("referrals:download", args=[token]),
        "wissen": reverse("referrals:wissen", args=[token]),
        "blijft_werken": True,
    }


@pytest.fixture
def webpersoon(gebieden):
    team = m.Organization.objects.create(
        name="Buurtteam Noord", description="-", sector="formeel", gemeente=gebieden["utrecht"]
    )
    club = m.Organization.objects.create(
        name="Klusclub", description="-", sector="informeel", gemeente=gebieden["utrecht"]
    )
    p = web.voeg_persoon_toe(team, WEBNAAM, "test", email=WEBADRES, bereikbaar="di en do")
    ander = web.voeg_persoon_toe(club, "Marieke Bos", "test", email="m@example.org")
    ander.functie = "Brugbouwer qz"
    ander.save()
    web.stem_in(p)
    web.stem_in(ander)
    token = weblinks.maak_token(p, weblinks.MIJN_GEGEVENS)
    return {
        "p": p,
        "ander": ander,
        "team": team,
        "club": club,
        "gebieden": gebieden,
        "pagina": weblinks.pad(p, weblinks.MIJN_GEGEVENS),
        "download": reverse("network:mijn_download", args=[p.pk, token]),
        "wissen": reverse("network:mijn_wissen", args=[p.pk, token]),
        "blijft_werken": False,
    }


@pytest.fixture
def melder(signaalwereld):  # noqa: F811
    melding = zorg(signaalwereld, contact=MELDERADRES, naam_mag_gedeeld=True)
    token = zorglinks.maak_token(melding)
    return {
        "melding": melding,
        "pagina": zorglinks.pad(melding),
        "download": reverse("signals:zorg_download", args=[melding.pk, token]),
        "wissen": reverse("signals:zorg_wissen", args=[melding.pk, token]),
        "blijft_werken": True,
    }


# --- per model: make a row with personal data, and tell whether it is gone -----------------


def _mail(adres: str, onderwerp: str) -> Email:
    mail = Email.objects.create(
        from_email="samenspel@example.org", to=[adres], subject=onderwerp, message="Hallo"
    )
    Log.objects.create(email=mail, status=0, message=f"afgeleverd {onderwerp}")
    return mail


def _verwijzing(w):
    return "bewoner", NAAM, lambda: not Verwijzing.objects.filter(naam=NAAM).exists()


def _verwijsgebeurtenis(w):
    Verwijsgebeurtenis.objects.create(
        verwijzing=w["v"], soort="status", partij="ontvanger", door="ine", reden="Ziek qv17"
    )
    return (
        "bewoner",
        "Ziek qv17",
        lambda: not Verwijsgebeurtenis.objects.filter(reden="Ziek qv17").exists(),
    )


def _kennismaking(w):
    Kennismaking.objects.create(
        verwijzing=w["v"],
        wanneer=timezone.now() + dt.timedelta(days=3),
        waar="Buurthuis De Schakel qv18",
        voorgesteld_door="verwijzer",
    )
    return (
        "bewoner",
        "De Schakel qv18",
        lambda: not Kennismaking.objects.filter(waar__contains="qv18").exists(),
    )


def _samen(w):
    v = w["v"]
    partner = web.voeg_persoon_toe(
        v.service.organization, "Partner Pieter", "test", email="pieter@example.org"
    )
    Samen.objects.create(
        persoon=partner,
        toestemming=v.toestemming,
        uitnodiger_naam="Pim",
        uitnodiger_email="pim@example.org",
        gesprek=Gesprek.EERSTE_GESPREK,
        wanneer=timezone.now() + dt.timedelta(days=2),
        waar="Kantoor",
        voornaam="Sannetje",
    )
    return "bewoner", "Sannetje", lambda: not Samen.objects.filter(voornaam="Sannetje").exists()


def _bewonermail(w):
    _mail(ADRES, "Je aanmelding qv19")
    return (
        "bewoner",
        "Je aanmelding qv19",
        lambda: not Email.objects.filter(subject__contains="qv19").exists(),
    )


def _bewonerlog(w):
    _mail(ADRES, "Je aanmelding qv20")
    return (
        "bewoner",
        "afgeleverd Je aanmelding qv20",
        lambda: not Log.objects.filter(message__contains="qv20").exists(),
    )


def _persoon(w):
    return (
        "persoon",
        WEBADRES,
        lambda: not Persoon.objects.filter(Q(naam=WEBNAAM) | Q(email=WEBADRES)).exists(),
    )


def _band(w):
    web.leg_band(w["p"], w["ander"], Bandsoort.VERWIJZEN, "test")
    # The tie stays (it shows as "via [rol]"); no tie leads to the person's name any more.
    return (
        "persoon",
        "Brugbouwer qz",
        lambda: not Band.objects.filter(Q(van__naam=WEBNAAM) | Q(naar__naam=WEBNAAM)).exists(),
    )


def _bijeenkomst(w):
    reeks = web.start_reeks(
        [w["team"], w["club"]],
        "test",
        naam="Sirenelunch qv21",
        gemeente=w["gebieden"]["utrecht"],
        plaats="Zamenhofdreef",
        week_van_de_maand=1,
        weekdag=0,
        tijd=dt.time(12, 0),
    )
    return reeks.bijeenkomsten.order_by("begint").first()


def _uitnodiging(w):
    web.nodig_uit_voor_bijeenkomst(_bijeenkomst(w), [w["p"]], "test")
    return (
        "persoon",
        "Sirenelunch qv21",
        lambda: not Uitnodiging.objects.filter(persoon__naam=WEBNAAM).exists(),
    )


def _agendapunt(w):
    service = m.Service.objects.create(organization=w["club"], name="Klussen qv22", description="-")
    web.voeg_agendapunt_toe(_bijeenkomst(w), service, w["p"], "test")
    return (
        "persoon",
        "Klussen qv22",
        lambda: not Agendapunt.objects.filter(presentator__naam=WEBNAAM).exists(),
    )


def _webgebeurtenis(w):
    band = web.leg_band(w["p"], w["ander"], Bandsoort.VERWIJZEN, "test")
    web.noteer_contact(band, WEBNAAM)  # the person noted the contact as themselves
    return "persoon", WEBNAAM, lambda: not Gebeurtenis.objects.filter(door=WEBNAAM).exists()


def _zorgmelding(w):
    return (
        "melder",
        MELDERADRES,
        lambda: not Zorgmelding.objects.filter(contact=MELDERADRES).exists(),
    )


GEVALLEN = {
    "referrals.Verwijzing": _verwijzing,
    "referrals.Gebeurtenis": _verwijsgebeurtenis,
    "referrals.Kennismaking": _kennismaking,
    "network.Samen": _samen,
    "post_office.Email": _bewonermail,
    "post_office.Log": _bewonerlog,
    "network.Persoon": _persoon,
    "network.Band": _band,
    "network.Uitnodiging": _uitnodiging,
    "network.Agendapunt": _agendapunt,
    "network.Gebeurtenis": _webgebeurtenis,
    "signals.Zorgmelding": _zorgmelding,
}
WERELD = {"bewoner": "bewoner", "persoon": "webpersoon", "melder": "melder"}
SOORT = {"bewoner": rechten.BEWONER, "persoon": rechten.PERSOON, "melder": rechten.MELDER}
BIJ_SOORT = {
    "referrals.Verwijzing": "bewoner",
    "referrals.Gebeurtenis": "bewoner",
    "referrals.Kennismaking": "bewoner",
    "network.Samen": "bewoner",
    "post_office.Email": "bewoner",
    "post_office.Log": "bewoner",
    "signals.Zorgmelding": "melder",
}


def test_elk_model_van_het_register_is_gedekt_of_heeft_een_reden():
    geregistreerd = {v.model for v in verwerkingen.register()}
    gedekt = set(rechten.gedekt())

    assert geregistreerd - gedekt - set(BUITEN_DE_LINKS) - set(BLIJFT) == set()
    # Each list is honest: nothing reached is called unreachable, nothing is stale.
    assert gedekt & (set(BUITEN_DE_LINKS) | set(BLIJFT)) == set()
    assert (set(BUITEN_DE_LINKS) | set(BLIJFT)) <= geregistreerd
    # Every reached model has its download-and-erase test below.
    assert set(GEVALLEN) == gedekt & geregistreerd


@pytest.mark.parametrize("model", sorted(GEVALLEN))
def test_de_download_toont_het_en_wissen_haalt_het_weg(model, request, client, met_commit):
    soort = BIJ_SOORT.get(model, "persoon")
    w = request.getfixturevalue(WERELD[soort])
    verwacht_soort, waarde, weg = GEVALLEN[model](w)
    assert verwacht_soort == soort
    assert SOORT[soort] in rechten.gedekt()[model]

    assert waarde in _json(client.get(w["download"])), model
    assert not weg()

    antwoord = met_commit(client.post, w["wissen"])
    assert antwoord.status_code == 200
    assert weg(), model
    if w["blijft_werken"]:
        assert waarde not in _json(client.get(w["download"])), model
    else:
        # Nobody is left to show the page to: the link of an erased person stops working.
        assert client.get(w["download"]).status_code == 404


@pytest.mark.parametrize("model", sorted(BLIJFT))
def test_wat_blijft_staat_wel_in_het_bestand_van_de_bewoner(model, bewoner, client):
    inhoud = json.loads(client.get(bewoner["download"]).content)
    [verwijzing] = inhoud["delen"]["verwijzingen"]["gegevens"]
    sleutel = {"privacy.Toestemming": "toestemming", "privacy.Auditregel": "inzage_log"}[model]
    assert verwijzing[sleutel]


# --- the page, the file, the audit log ---------------------------------------------------


@pytest.mark.parametrize("soort", sorted(WERELD))
def test_elk_deel_van_het_bestand_legt_uit_wat_erin_staat(soort, request, client):
    w = request.getfixturevalue(WERELD[soort])
    inhoud = json.loads(client.get(w["download"]).content)
    assert inhoud["uitleg"].startswith("Dit bestand bevat alles")
    assert inhoud["delen"] and all(deel["uitleg"] for deel in inhoud["delen"].values())
    engels = json.loads(client.get(w["download"], HTTP_ACCEPT_LANGUAGE="en").content)
    assert engels["uitleg"].startswith("This file")
    assert all(d["uitleg"] != inhoud["delen"][k]["uitleg"] for k, d in engels["delen"].items())


@pytest.mark.parametrize("soort", sorted(WERELD))
def test_de_eigen_pagina_wijst_naar_download_en_wissen(soort, request, client, monkeypatch):
    # A page signs its links anew, stamped to the second: hold the clock still so the links
    # the page writes are the ones made here, whenever the second ticks over.
    nu = time.time()
    monkeypatch.setattr(signing.time, "time", lambda: nu)
    w = request.getfixturevalue(WERELD[soort])
    inhoud = client.get(w["pagina"]).content.decode()
    assert inhoud.count(f'href="{w["download"]}"') == 1
    assert inhoud.count(f'href="{w["wissen"]}"') == 1
    assert "<a" not in inhoud.split("<title>")[1].split("</title>")[0]


@pytest.mark.parametrize("soort", sorted(WERELD))
def test_de_bevestiging_zegt_wat_gewist_wordt_en_wist_nog_niets(soort, request, client):
    w = request.getfixturevalue(WERELD[soort])
    antwoord = client.get(w["wissen"])
    inhoud = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert "Dit wissen we" in inhoud and "Dit blijft, zonder naam" in inhoud
    assert 'method="post"' in inhoud and "csrfmiddlewaretoken" in inhoud
    for geheim in (NAAM, ADRES, WEBNAAM, WEBADRES, MELDERADRES):
        assert geheim not in inhoud
    assert MELDERADRES in _json(client.get(w["download"])) or soort != "melder"
    assert _json(client.get(w["download"]))  # still all there


def test_het_formulier_wissen_vraagt_een_csrf_token(bewoner):
    from django.test import Client

    antwoord = Client(enforce_csrf_checks=True).post(bewoner["wissen"])
    assert antwoord.status_code == 403
    assert Verwijzing.objects.filter(naam=NAAM).exists()


@pytest.mark.parametrize("soort", sorted(WERELD))
def test_nog_eens_wissen_wist_niets_meer_en_gaat_niet_mis(soort, request, client, met_commit):
    w = request.getfixturevalue(WERELD[soort])
    eerste = met_commit(client.post, w["wissen"]).content.decode()
    assert "Gewist." in eerste
    if w["blijft_werken"]:
        tweede = met_commit(client.post, w["wissen"])
        assert tweede.status_code == 200
        assert "Er was niets meer om te wissen." in tweede.content.decode()
    else:
        assert client.post(w["wissen"]).status_code == 404


def test_wissen_gebeurt_helemaal_of_helemaal_niet(bewoner, monkeypatch):
    _samen(bewoner)
    deel = rechten._DELEN[rechten.BEWONER]["verwijzingen"]

    def kapot(wie):
        raise RuntimeError("de schijf is vol")

    monkeypatch.setitem(
        rechten._DELEN[rechten.BEWONER], "verwijzingen", dataclasses.replace(deel, wis=kapot)
    )
    _mail(ADRES, "Je aanmelding qv23")
    with pytest.raises(RuntimeError):
        rechten.wis_alles(rechten.BEWONER, bewoner["v"].bewoner)
    # The first name in het web (erased before the failure) is back, the mail too.
    assert Samen.objects.filter(voornaam="Sannetje").exists()
    assert Email.objects.filter(subject__contains="qv23").exists()


def test_het_inzage_log_legt_download_en_wissen_vast(bewoner, webpersoon, melder, client):
    for w, record in (
        (bewoner, bewoner["v"]),
        (webpersoon, webpersoon["p"]),
        (melder, melder["melding"]),
    ):
        client.get(w["download"])
        assert Auditregel.objects.voor(record).filter(actie="gedownload").exists()
        client.post(w["wissen"])
        assert Auditregel.objects.voor(record).filter(actie="gewist").exists()


def test_een_bewoner_trekt_met_wissen_ook_de_toestemming_in(bewoner, client, met_commit):
    met_commit(client.post, bewoner["wissen"])
    v = Verwijzing.objects.select_related("toestemming").get(pk=bewoner["v"].pk)
    assert v.toestemming.ingetrokken_op is not None and v.is_gewist


def test_de_melder_krijgt_niet_wat_over_de_ander_geschreven_is(melder, client, met_commit):
    inhoud = _json(client.get(melder["download"]))
    assert WAT not in inhoud and "Zambesidreef 12" not in inhoud
    met_commit(client.post, melder["wissen"])
    melding = Zorgmelding.objects.get(pk=melder["melding"].pk)
    # What the team needs for its task stays with the team until its retention ends.
    assert melding.wat == WAT and melding.contact == "" and not melding.naam_mag_gedeeld


def test_de_link_van_een_andere_zorg_wist_niets(melder, signaalwereld, client):  # noqa: F811
    ander = zorg(signaalwereld, contact="ander.qz@example.org")
    pad = reverse("signals:zorg_wissen", args=[ander.pk, zorglinks.maak_token(melder["melding"])])
    assert client.post(pad).status_code == 404
    assert client.get(pad.replace("wissen", "download")).status_code == 404
    assert Zorgmelding.objects.filter(contact="ander.qz@example.org").exists()


def test_een_onbekende_bewonerslink_wist_niets(bewoner, client):
    pad = reverse("referrals:wissen", args=["dit-is-geen-link"])
    assert client.post(pad).status_code == 404
    assert client.get(reverse("referrals:download", args=["dit-is-geen-link"])).status_code == 404
    assert Verwijzing.objects.filter(naam=NAAM).exists()


def test_wie_uit_het_web_stapte_kan_nog_downloaden_en_wissen(webpersoon, client, met_commit):
    web.stap_uit(webpersoon["p"])
    assert WEBNAAM in _json(client.get(webpersoon["download"]))
    met_commit(client.post, webpersoon["wissen"])
    assert not Persoon.objects.filter(naam=WEBNAAM).exists()


def test_alleen_mails_aan_het_eigen_adres_gaan_mee(bewoner, client, met_commit):
    _mail(ADRES, "voor Sanne qv24")
    _mail("anne." + ADRES, "voor iemand anders qv25")
    inhoud = _json(client.get(bewoner["download"]))
    assert "qv24" in inhoud and "qv25" not in inhoud
    met_commit(client.post, bewoner["wissen"])
    assert Email.objects.filter(subject__contains="qv25").exists()
    assert not Email.objects.filter(subject__contains="qv24").exists()
