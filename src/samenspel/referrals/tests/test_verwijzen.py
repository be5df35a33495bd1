"""A professional or an initiative refers someone: the form, the inbox, the referral page."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from samenspel.referrals import actions
from samenspel.referrals.models import Kennismaking, Soort, Status, Verwijzing

pytestmark = pytest.mark.django_db


def formulier(**over) -> dict:
    return {
        "naam": "Sanne",
        "contactmanier": "telefoon",
        "contact": "06 12345678",
        "wat_helpt": "Houdt van de buitenlucht.",
        "toestemming": "mondeling",
        "geldig_maanden": "6",
        "terugkoppeling": "status",
        **over,
    }


def test_formulier_toont_wat_gedeeld_wordt_en_met_wie(client, pim, wandelgroep):
    client.force_login(pim)
    html = client.get(reverse("referrals:nieuw", args=[wandelgroep.pk])).content.decode()
    assert "Dit wordt gedeeld met Stichting Samen Lopen" in html
    assert "De bewoner gaf mij net mondeling toestemming." in html
    assert "Niets. Ik vraag het de bewoner zelf." in html


def test_verwijzen_met_mondelinge_toestemming_toont_bewonerslink_een_keer(
    client, pim, wandelgroep, django_capture_on_commit_callbacks
):
    client.force_login(pim)
    with django_capture_on_commit_callbacks(execute=True):
        antwoord = client.post(reverse("referrals:nieuw", args=[wandelgroep.pk]), formulier())
    v = Verwijzing.objects.get()
    assert antwoord.url == reverse("referrals:detail", args=[v.pk])
    assert (v.status, v.herkomst, v.naar_sector) == (Status.REQUESTED, "formeel", "informeel")
    eerste = client.get(antwoord.url).content.decode()
    assert "Geef deze link aan de bewoner" in eerste
    link = re.search(r'href="http://testserver(/mijn/[^"]+)"', eerste).group(1)
    assert "Sanne" in client.get(link).content.decode()
    assert "Geef deze link aan de bewoner" not in client.get(antwoord.url).content.decode()
    assert [m.to for m in mail.outbox] == [["wandel@example.org"]]  # phone: no e-mail to her


def test_zonder_keuze_voor_terugkoppeling_wordt_niets_verstuurd(client, pim, wandelgroep):
    client.force_login(pim)
    antwoord = client.post(
        reverse("referrals:nieuw", args=[wandelgroep.pk]), formulier(terugkoppeling="")
    )
    assert "Kies wat de bewoner wil dat jij terughoort." in antwoord.content.decode()
    assert not Verwijzing.objects.exists()


def test_leeg_formulier_noemt_elk_ontbrekend_veld(client, pim, wandelgroep):
    client.force_login(pim)
    html = client.post(reverse("referrals:nieuw", args=[wandelgroep.pk]), {}).content.decode()
    for melding in (
        "Vul een naam of roepnaam in.",
        "Kies hoe de bewoner contact wil.",
        "Schrijf kort wat zou helpen.",
        "Kies hoe de bewoner toestemming geeft.",
    ):
        assert melding in html
    assert not Verwijzing.objects.exists()


def test_diagnose_in_wat_zou_helpen_vraagt_eerst_of_de_bewoner_dat_wil(client, pim, wandelgroep):
    client.force_login(pim)
    pad = reverse("referrals:nieuw", args=[wandelgroep.pk])
    tekst = "Heeft een psychose gehad, wandelt graag."
    html = client.post(pad, formulier(wat_helpt=tekst)).content.decode()
    assert "Je noemt een diagnose (psychose)" in html
    assert "De bewoner wil dit zelf zo delen." in html
    assert not Verwijzing.objects.exists()
    client.post(pad, formulier(wat_helpt=tekst, diagnose_ok="on"))
    assert Verwijzing.objects.get().wat_helpt == tekst


def test_online_toestemming_deelt_nog_niets(client, pim, wandelgroep):
    client.force_login(pim)
    antwoord = client.post(
        reverse("referrals:nieuw", args=[wandelgroep.pk]),
        formulier(toestemming="online"),
        follow=True,
    )
    assert "Er is nog niets gedeeld." in antwoord.content.decode()
    assert Verwijzing.objects.get().status == Status.DRAFT


def test_kennismaking_meteen_voorstellen(client, pim, wandelgroep):
    client.force_login(pim)
    client.post(
        reverse("referrals:nieuw", args=[wandelgroep.pk]),
        formulier(kennismaking_wanneer="2099-03-04T14:00", kennismaking_waar="Buurthuis"),
    )
    k = Kennismaking.objects.get()
    assert k.akkoord_verwijzer and not k.akkoord_ontvanger and k.waar == "Buurthuis"


def test_kennismaking_kan_niet_als_de_bewoner_niets_terughoort(client, pim, wandelgroep):
    client.force_login(pim)
    html = client.post(
        reverse("referrals:nieuw", args=[wandelgroep.pk]),
        formulier(terugkoppeling="niets", kennismaking_wanneer="2099-03-04T14:00"),
    ).content.decode()
    assert "Samen kennismaken kan alleen als de bewoner wil dat je de status hoort." in html
    assert not Verwijzing.objects.exists()


def test_verwijzen_kan_alleen_naar_aanbod_met_aanmeldroute(client, pim, maak_aanbod):
    inloop = maak_aanbod(naam="Inloop", route="informatie")
    client.force_login(pim)
    assert client.get(reverse("referrals:nieuw", args=[inloop.pk])).status_code == 404


def test_analist_mag_niet_verwijzen(client, analist, wandelgroep):
    client.force_login(analist)
    assert client.get(reverse("referrals:nieuw", args=[wandelgroep.pk])).status_code == 403
    assert (
        client.post(reverse("referrals:nieuw", args=[wandelgroep.pk]), formulier()).status_code
        == 403
    )
    assert not Verwijzing.objects.exists()


def test_plekvraag_is_anoniem(client, pim, wandelgroep, django_capture_on_commit_callbacks):
    client.force_login(pim)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("referrals:plekvraag", args=[wandelgroep.pk]), {"vraag": "Plek op dinsdag?"}
        )
    v = Verwijzing.objects.get()
    assert (v.soort, v.toestemming, v.naam, v.bewoner) == (Soort.PLEKVRAAG, None, "", None)
    assert mail.outbox[0].to == ["wandel@example.org"]


def test_ontvanger_ziet_aantal_onbeantwoord_en_geen_namen_in_de_lijst(client, verwijzing, ine):
    client.force_login(ine)
    html = client.get(reverse("referrals:inbox")).content.decode()
    assert "1 wacht op antwoord" in html
    assert verwijzing.kenmerk in html
    assert "Sanne" not in html


def test_ontvanger_neemt_ingelogd_aan_in_de_inbox(client, verwijzing, ine):
    client.force_login(ine)
    pad = reverse("referrals:detail", args=[verwijzing.pk])
    assert "Sanne Visser" in client.get(pad).content.decode()
    client.post(pad, {"actie": "antwoord", "keuze": "aannemen"})
    verwijzing.refresh_from_db()
    assert verwijzing.status == Status.ACCEPTED
    assert verwijzing.gebeurtenissen.last().door == "ine"


def test_verwijzer_trekt_in_met_reden_en_het_aanbod_hoort_het(
    client, verwijzing, pim, django_capture_on_commit_callbacks
):
    client.force_login(pim)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("referrals:detail", args=[verwijzing.pk]),
            {"actie": "intrekken", "reden": "Bewoner is verhuisd."},
        )
    verwijzing.refresh_from_db()
    assert verwijzing.status == Status.CANCELLED
    assert [m.to for m in mail.outbox] == [["wandel@example.org"]]
    assert "Bewoner is verhuisd" not in mail.outbox[0].body


def test_verwijzer_kan_zelf_geen_status_op_aangenomen_zetten(client, verwijzing, pim):
    client.force_login(pim)
    antwoord = client.post(
        reverse("referrals:detail", args=[verwijzing.pk]),
        {"actie": "antwoord", "keuze": "aannemen"},
        follow=True,
    )
    assert "Dit kan nu niet meer" in antwoord.content.decode()
    verwijzing.refresh_from_db()
    assert verwijzing.status == Status.REQUESTED


def test_ontvanger_zet_vol_en_wachttijd_ingelogd(client, ine, wandelgroep):
    client.force_login(ine)
    client.post(
        reverse("referrals:ontvangst", args=[wandelgroep.pk]),
        {"vol": "on", "wachttijd": "2 weken", "reactie_email": "aanmelden@example.org"},
    )
    from samenspel.referrals.models import Ontvangst

    o = Ontvangst.van(wandelgroep)
    assert (o.vol, o.wachttijd, o.adres) == (True, "2 weken", "aanmelden@example.org")


def test_ander_initiatief_kan_ontvangst_niet_aanpassen(client, olaf, wandelgroep):
    client.force_login(olaf)
    pad = reverse("referrals:ontvangst", args=[wandelgroep.pk])
    assert client.post(pad, {"vol": "on"}).status_code == 403
    assert not actions.Ontvangst.objects.exists()
