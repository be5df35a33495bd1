"""A worry about a person: routing, the hand-over, the private link, forwarding, reminders,
retention and counts (issue 13, items 2, 3 and 5)."""

from datetime import date, datetime, timedelta

import pytest
from django.core import mail as postvak
from django.urls import reverse
from django.utils import timezone

from samenspel.privacy.models import Auditregel
from samenspel.signals import actions, zorglinks, zorgtermijnen
from samenspel.signals.models import Routeregel, Soort, Zorgmelding, Zorgstatus
from samenspel.signals.routering import heeft_ontvanger, team_voor
from samenspel.signals.tests.zorg_hulp import WAT, regels, zorg

pytestmark = pytest.mark.django_db


def _vast(monkeypatch, moment):
    monkeypatch.setattr(timezone, "now", lambda: moment)


# --- routing -------------------------------------------------------------------------------


def test_een_wijkregel_gaat_voor_de_terugval(signaalwereld):
    regels(signaalwereld)
    regel = team_voor(signaalwereld["buurt"], Soort.ZORG)
    assert regel.team == signaalwereld["wijkteam"]
    assert not regel.is_terugval


def test_zonder_wijkregel_geldt_de_terugval_van_de_gemeente(signaalwereld):
    regels(signaalwereld)
    regel = team_voor(signaalwereld["buurt"], Soort.WONEN)
    assert regel.team == signaalwereld["corporatie"]
    assert regel.is_terugval


def test_zonder_regel_is_er_geen_team_en_geen_ontvanger(signaalwereld):
    regels(signaalwereld)
    assert team_voor(signaalwereld["buurt"], Soort.JEUGD) is None
    assert team_voor(signaalwereld["gebieden"]["middelland_noord"], Soort.ZORG) is None
    assert heeft_ontvanger(signaalwereld["gemeente"])
    assert not heeft_ontvanger(signaalwereld["gebieden"]["rotterdam"])


def test_de_proef_zegt_welk_team_en_waarom(client, signaalwereld):
    regels(signaalwereld)
    client.force_login(signaalwereld["beheerder"])
    url = reverse("signals:routeregel_proef")
    tekst = client.get(url, {"buurt": "BU03440301", "soort": "wonen"}).content.decode()
    assert "Woningcorporatie Portaal" in tekst and "terugval" in tekst
    tekst = client.get(url, {"buurt": "BU03440301", "soort": "zorg"}).content.decode()
    assert "Buurtteam Overvecht" in tekst and "regel voor de wijk Overvecht" in tekst


def test_een_beheerder_voegt_een_regel_toe_en_verwijdert_hem_na_bevestiging(client, signaalwereld):
    client.force_login(signaalwereld["beheerder"])
    antwoord = client.post(
        reverse("signals:routeregel_nieuw"),
        {
            "gemeente": "GM0344",
            "soort": "jeugd",
            "team": signaalwereld["wijkteam"].pk,
            "openingstijden": "ma–vr 9–17",
        },
    )
    assert antwoord.status_code == 302
    regel = Routeregel.objects.get(soort="jeugd")
    assert client.get(reverse("signals:routeregel_verwijderen", args=[regel.pk])).status_code == 200
    assert Routeregel.objects.filter(pk=regel.pk).exists()
    client.post(reverse("signals:routeregel_verwijderen", args=[regel.pk]))
    assert not Routeregel.objects.filter(pk=regel.pk).exists()


def test_een_dubbele_regel_krijgt_een_duidelijke_melding(client, signaalwereld):
    regels(signaalwereld)
    client.force_login(signaalwereld["beheerder"])
    antwoord = client.post(
        reverse("signals:routeregel_nieuw"),
        {"gemeente": "GM0344", "soort": "wonen", "team": signaalwereld["ander_team"].pk},
    )
    assert antwoord.status_code == 400
    assert "Er is al een regel" in antwoord.content.decode()


# --- working days ---------------------------------------------------------------------------


def test_werkdagen_tellen_het_weekend_niet(signaalwereld, monkeypatch):
    vrijdag = timezone.make_aware(datetime(2026, 11, 27, 10, 0))
    _vast(monkeypatch, vrijdag)
    melding = zorg(signaalwereld)
    # Monday: one working day since Friday; nothing yet (default 2).
    assert list(zorgtermijnen.te_herinneren(date(2026, 11, 30))) == []
    # Tuesday: two working days; a reminder.
    assert list(zorgtermijnen.te_herinneren(date(2026, 12, 1))) == [melding]


def test_het_team_krijgt_een_herinnering_zonder_inhoud_en_maar_een_keer(signaalwereld, monkeypatch):
    _vast(monkeypatch, timezone.make_aware(datetime(2026, 11, 27, 10, 0)))
    zorg(signaalwereld)
    postvak.outbox.clear()
    assert zorgtermijnen.herinner(date(2026, 12, 1)) == 1
    bericht = postvak.outbox[-1]
    assert "teamlid@example.org" in bericht.to
    assert WAT not in bericht.body and "Zambesidreef 12" not in bericht.body
    assert zorgtermijnen.herinner(date(2026, 12, 1)) == 0
    assert len(postvak.outbox) == 1


def test_een_opgepakte_zorg_krijgt_geen_herinnering(signaalwereld, monkeypatch):
    _vast(monkeypatch, timezone.make_aware(datetime(2026, 11, 27, 10, 0)))
    melding = zorg(signaalwereld)
    actions.zorg_status(melding, Zorgstatus.OPGEPAKT, signaalwereld["teamlid"])
    assert zorgtermijnen.herinner(date(2026, 12, 8)) == 0


# --- retention ------------------------------------------------------------------------------


def test_de_bewaartermijn_wist_de_inhoud_en_houdt_de_telling(signaalwereld, monkeypatch):
    begin = timezone.make_aware(datetime(2026, 10, 1, 10, 0))
    _vast(monkeypatch, begin)
    afgerond = zorg(signaalwereld)
    open_ = zorg(signaalwereld)
    actions.zorg_status(afgerond, Zorgstatus.AFGEROND, signaalwereld["teamlid"])
    _vast(monkeypatch, begin + timedelta(days=31))
    assert zorgtermijnen.wis_verlopen() == 1
    afgerond.refresh_from_db()
    assert (afgerond.wat, afgerond.straat, afgerond.huisnummer, afgerond.contact) == ("",) * 4
    assert afgerond.status == Zorgstatus.AFGEROND and afgerond.buurt == signaalwereld["buurt"]
    assert Zorgmelding.objects.get(pk=open_.pk).wat == WAT
    # Whatever its status, after the maximum the content goes too.
    _vast(monkeypatch, begin + timedelta(days=91))
    assert zorgtermijnen.wis_verlopen() == 1
    assert Zorgmelding.objects.filter(gemeente=signaalwereld["gemeente"]).count() == 2


def test_het_team_ziet_inhoud_gewist(client, signaalwereld):
    melding = zorg(signaalwereld)
    actions.zorg_inhoud_wissen(melding)
    client.force_login(signaalwereld["teamlid"])
    tekst = client.get(reverse("signals:zorg_detail", args=[melding.pk])).content.decode()
    assert "inhoud gewist" in tekst and WAT not in tekst


# --- the team -------------------------------------------------------------------------------


def test_elke_keer_lezen_wordt_vastgelegd(client, signaalwereld):
    melding = zorg(signaalwereld)
    client.force_login(signaalwereld["teamlid"])
    for _ in range(2):
        assert WAT in client.get(reverse("signals:zorg_detail", args=[melding.pk])).content.decode()
    assert Auditregel.objects.voor(melding).filter(actie="bekeken").count() == 2


def test_het_team_bevestigt_en_pakt_op(client, signaalwereld):
    melding = zorg(signaalwereld)
    client.force_login(signaalwereld["teamlid"])
    client.post(reverse("signals:zorg_bijwerken", args=[melding.pk]), {"status": "ontvangen"})
    melding.refresh_from_db()
    assert melding.status == Zorgstatus.ONTVANGEN and melding.ontvangen_op is not None
    client.post(reverse("signals:zorg_bijwerken", args=[melding.pk]), {"status": "opgepakt"})
    assert Zorgmelding.objects.get(pk=melding.pk).status == Zorgstatus.OPGEPAKT


def test_een_onbekende_status_verandert_niets(client, signaalwereld):
    melding = zorg(signaalwereld)
    client.force_login(signaalwereld["teamlid"])
    antwoord = client.post(reverse("signals:zorg_bijwerken", args=[melding.pk]), {"status": "x"})
    assert antwoord.status_code == 400
    assert Zorgmelding.objects.get(pk=melding.pk).status == Zorgstatus.NIEUW


# --- forwarding -----------------------------------------------------------------------------


def test_de_corporatie_stuurt_een_verkeerde_zorg_in_een_keer_door(client, signaalwereld):
    melding = zorg(signaalwereld, soort=Soort.WONEN, naam_mag_gedeeld=True)
    assert melding.team == signaalwereld["corporatie"]
    client.force_login(signaalwereld["corporatielid"])
    client.post(
        reverse("signals:zorg_doorsturen", args=[melding.pk]),
        {"naar": signaalwereld["wijkteam"].pk},
    )
    melding.refresh_from_db()
    assert melding.team == signaalwereld["wijkteam"] and melding.status == Zorgstatus.NIEUW
    assert melding.naam_mag_gedeeld and melding.contact == "06 1234 5678"
    # The corporatie keeps the status, no longer the content.
    tekst = client.get(reverse("signals:zorg_detail", args=[melding.pk])).content.decode()
    assert "Nieuw" in tekst or "nieuw" in tekst
    assert WAT not in tekst and "Zambesidreef 12" not in tekst
    inbox = client.get(reverse("signals:zorg_inbox", args=[signaalwereld["corporatie"].pk]))
    assert "Buurtteam Overvecht" in inbox.content.decode()
    # The signaller's link still works and says so.
    status = client.get(zorglinks.pad(melding)).content.decode()
    assert "Doorgezet naar een ander team" in status


def test_doorsturen_naar_een_team_van_een_andere_gemeente_kan_niet(client, signaalwereld):
    melding = zorg(signaalwereld, soort=Soort.WONEN)
    client.force_login(signaalwereld["corporatielid"])
    antwoord = client.post(
        reverse("signals:zorg_doorsturen", args=[melding.pk]),
        {"naar": signaalwereld["rotterdam_team"].pk},
    )
    assert antwoord.status_code == 400
    assert Zorgmelding.objects.get(pk=melding.pk).team == signaalwereld["corporatie"]


# --- the signaller's link -------------------------------------------------------------------


def test_de_eigen_link_toont_alleen_status_en_datums(client, signaalwereld):
    melding = zorg(signaalwereld)
    tekst = client.get(zorglinks.pad(melding)).content.decode()
    assert "nieuw" in tekst
    for inhoud in (WAT, "Zambesidreef 12", "06 1234 5678"):
        assert inhoud not in tekst


@pytest.mark.parametrize("knoeien", [lambda t: t[:-2] + "xx", lambda t: "nep" + t, lambda t: "a"])
def test_een_vervalste_of_veranderde_link_geeft_404(client, signaalwereld, knoeien):
    melding = zorg(signaalwereld)
    token = knoeien(zorglinks.maak_token(melding))
    url = reverse("signals:zorg_status", args=[melding.pk, token])
    assert client.get(url).status_code == 404


def test_de_link_van_een_andere_zorg_geeft_404(client, signaalwereld):
    eerste, tweede = zorg(signaalwereld), zorg(signaalwereld)
    url = reverse("signals:zorg_status", args=[tweede.pk, zorglinks.maak_token(eerste)])
    assert client.get(url).status_code == 404


# --- the form -------------------------------------------------------------------------------

GOED = {
    "soort": "zorg",
    "wat": WAT,
    "buurt": "BU03440301",
    "straat": "",
    "huisnummer": "",
    "contact": "",
    "naam_mag_gedeeld": "nee",
}


def _doorgeven(client, **anders):
    return client.post(reverse("signals:doorgeven") + "?gemeente=GM0344", {**GOED, **anders})


def test_een_vrijwilliger_geeft_een_zorg_door_en_krijgt_de_link_per_email(client, signaalwereld):
    regels(signaalwereld)
    client.force_login(signaalwereld["vrijwilliger"])
    antwoord = _doorgeven(client, contact="melder@example.org")
    assert antwoord.status_code == 302
    melding = Zorgmelding.objects.get()
    assert melding.team == signaalwereld["wijkteam"] and not melding.naam_mag_gedeeld
    assert antwoord["Location"].startswith(zorglinks.pad(melding))
    (aan_melder,) = [m for m in postvak.outbox if "melder@example.org" in m.to]
    assert zorglinks.pad(melding) in aan_melder.body and WAT not in aan_melder.body


@pytest.mark.parametrize(
    ("anders", "veld", "melding"),
    [
        ({"wat": ""}, "wat", "Schrijf op wat je ziet."),
        ({"wat": "x" * 100_000}, "wat", "Schrijf het korter"),
        ({"buurt": "BU99999999"}, "buurt", "Deze buurt kennen we niet"),
        ({"buurt": ""}, "buurt", "Kies de buurt"),
        ({"contact": "bel me"}, "contact", "telefoonnummer of een e-mailadres"),
        ({"soort": "jeugd"}, "buurt", "nog geen team"),
    ],
)
def test_foute_invoer_krijgt_een_melding_bij_het_veld_en_bewaart_niets(
    client, signaalwereld, anders, veld, melding
):
    regels(signaalwereld)
    antwoord = _doorgeven(client, **anders)
    assert antwoord.status_code == 400
    assert melding in antwoord.context["form"].errors[veld][0]
    assert Zorgmelding.objects.count() == 0
    assert postvak.outbox == []


def test_scripttekst_komt_ontsnapt_bij_het_team(client, signaalwereld):
    regels(signaalwereld)
    _doorgeven(client, wat="<script>alert(1)</script> zit alleen")
    client.force_login(signaalwereld["teamlid"])
    melding = Zorgmelding.objects.get()
    tekst = client.get(reverse("signals:zorg_detail", args=[melding.pk])).content.decode()
    assert "<script>alert(1)</script>" not in tekst
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in tekst


def test_zonder_ontvanger_wordt_het_formulier_niet_aangeboden(client, signaalwereld):
    tekst = client.get(reverse("signals:doorgeven") + "?gemeente=GM0599").content.decode()
    assert "0800-1205" in tekst and 'name="wat"' not in tekst


# --- counts ---------------------------------------------------------------------------------


def test_de_analist_ziet_alleen_aantallen_en_minder_dan_3(client, signaalwereld, monkeypatch):
    _vast(monkeypatch, timezone.make_aware(datetime(2026, 11, 10, 10, 0)))
    for _ in range(3):
        zorg(signaalwereld)
    actions.zorg_status(zorg(signaalwereld), Zorgstatus.OPGEPAKT, signaalwereld["teamlid"])
    client.force_login(signaalwereld["analist"])
    antwoord = client.get(reverse("signals:zorg_tellingen"), {"gemeente": "GM0344"})
    tekst = antwoord.content.decode()
    rij = antwoord.context["rijen"][0]
    assert rij["wijk"] == "Overvecht" and rij["totaal"] == 4
    assert rij["cellen"][0] == 3 and rij["cellen"][2] is None
    assert "minder dan 3" in tekst and WAT not in tekst
    melding = Zorgmelding.objects.first()
    assert client.get(reverse("signals:zorg_detail", args=[melding.pk])).status_code == 404


def test_de_meldroute_biedt_doorgeven_aan_waar_de_gemeente_een_team_heeft(client, signaalwereld):
    pad = reverse("signals:route", args=["GM0344", "vrijwilliger", "niet-acuut"])
    assert "Geef je zorg door" not in client.get(pad).content.decode()
    regels(signaalwereld)
    tekst = client.get(pad).content.decode()
    assert "Geef je zorg door" in tekst
    assert reverse("signals:doorgeven") + "?gemeente=GM0344" in tekst
    # Acute: call, do not type; and another gemeente without a team offers nothing.
    acuut = reverse("signals:route", args=["GM0344", "vrijwilliger", "acuut"])
    assert "Geef je zorg door" not in client.get(acuut).content.decode()
    rotterdam = reverse("signals:route", args=["GM0599", "vrijwilliger", "niet-acuut"])
    assert "Geef je zorg door" not in client.get(rotterdam).content.decode()
