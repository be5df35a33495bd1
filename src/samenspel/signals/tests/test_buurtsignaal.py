"""Signals about the neighbourhood: to the right netwerkhouders, public only when allowed,
counted per wijk and theme without small numbers, and the e-mail address erased on time."""

from datetime import datetime, timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from samenspel.privacy.models import Actie, Auditregel
from samenspel.signals import actions, buurtsignalen, forms_buurtsignaal
from samenspel.signals.models import (
    Agendapunt,
    AgendaStatus,
    Buurtsignaal,
    Gebeurtenis,
    SignaalStatus,
    Thema,
    Voorval,
)

pytestmark = pytest.mark.django_db

GEHEIM = "Sinds het buurthuis dicht is zitten er ouderen alleen thuis."
OPEN_TEKST = "Op het plein is geen bankje meer om elkaar te ontmoeten."
ADRES = "bewoner@example.org"


def _stuur(w, tekst=GEHEIM, openbaar=False, email=ADRES, thema=Thema.ONTMOETPLEK, buurt=None):
    return actions.stuur_buurtsignaal(buurt or w["buurt"], thema, tekst, openbaar, email)


def _formulier(w, **anders):
    gegevens = {
        "buurt": w["buurt"].code,
        "thema": Thema.ALLEEN,
        "tekst": GEHEIM,
        "email": "",
    }
    gegevens.update(anders)
    return gegevens


def _tekst(antwoord) -> str:
    return antwoord.content.decode()


# --- sending ----------------------------------------------------------------------------


def test_een_bewoner_stuurt_anoniem_een_buurtsignaal(client, signaalwereld):
    antwoord = client.post(reverse("signals:buurtsignaal_sturen"), _formulier(signaalwereld))
    assert antwoord.status_code == 302
    signaal = Buurtsignaal.objects.get()
    assert (signaal.buurt, signaal.thema, signaal.tekst) == (
        signaalwereld["buurt"],
        Thema.ALLEEN,
        GEHEIM,
    )
    assert signaal.openbaar is False  # not public unless the sender says so
    assert signaal.email == ""
    assert "Bedankt" in _tekst(client.get(antwoord["Location"]))


def test_het_formulier_zegt_geen_namen_te_noemen(client, signaalwereld):
    assert "Noem geen namen van mensen" in _tekst(
        client.get(reverse("signals:buurtsignaal_sturen"))
    )


@pytest.mark.parametrize(
    ("anders", "veld", "boodschap"),
    [
        ({"tekst": ""}, "tekst", "Schrijf in een paar zinnen wat je ziet."),
        ({"tekst": "x" * 100_000}, "tekst", "Schrijf het korter"),
        ({"buurt": "BU99999999"}, "buurt", "Deze buurt kennen we niet"),
        ({"buurt": ""}, "buurt", "Kies de buurt waar het over gaat."),
        ({"thema": "complot"}, "thema", "Kies een onderwerp uit de lijst."),
        ({"email": "geen-adres"}, "email", "Dit is geen e-mailadres"),
    ],
)
def test_foute_invoer_krijgt_een_melding_bij_het_veld_en_bewaart_niets(
    client, signaalwereld, anders, veld, boodschap
):
    antwoord = client.post(
        reverse("signals:buurtsignaal_sturen"), _formulier(signaalwereld, **anders)
    )
    assert antwoord.status_code == 200
    assert boodschap in str(antwoord.context["form"].errors[veld])
    assert boodschap in _tekst(antwoord)
    assert Buurtsignaal.objects.count() == 0
    assert Gebeurtenis.objects.count() == 0


@pytest.fixture
def veel_buurten(monkeypatch):
    """More buurten than one list holds (3 here), as with a whole country's areas."""
    monkeypatch.setattr(forms_buurtsignaal, "BUURTEN_IN_EEN_LIJST", 2)


def test_bij_veel_buurten_kiest_de_bewoner_eerst_de_gemeente_en_ziet_dan_haar_buurten(
    client, signaalwereld, veel_buurten
):
    pad = reverse("signals:buurtsignaal_sturen")
    stap1 = _tekst(client.get(pad))
    assert "In welke gemeente is het?" in stap1
    assert "Over welke buurt gaat het?" not in stap1
    stap2 = _tekst(client.get(pad, {"gemeente": "GM0344"}))
    assert "Zambesidreef e.o." in stap2 and "Vechtzoom" in stap2
    assert "Middelland-Noord" not in stap2  # Rotterdam's buurt
    assert "Andere gemeente kiezen" in stap2
    antwoord = client.post(pad, {**_formulier(signaalwereld), "gemeente": "GM0344"})
    assert antwoord.status_code == 302
    assert Buurtsignaal.objects.get().buurt == signaalwereld["buurt"]


def test_een_link_met_een_buurt_slaat_de_keuze_van_de_gemeente_over(
    client, signaalwereld, veel_buurten
):
    pagina = _tekst(
        client.get(reverse("signals:buurtsignaal_sturen"), {"buurt": signaalwereld["buurt"].code})
    )
    assert "Over welke buurt gaat het?" in pagina
    assert "Middelland-Noord" not in pagina


def test_een_onbekende_gemeente_krijgt_een_melding_bij_het_veld(
    client, signaalwereld, veel_buurten
):
    antwoord = client.get(reverse("signals:buurtsignaal_sturen"), {"gemeente": "GM0000"})
    assert antwoord.status_code == 200
    assert "Deze gemeente kennen we niet" in _tekst(antwoord)


def test_een_buurt_van_een_andere_gemeente_dan_gekozen_wordt_niet_bewaard(
    client, signaalwereld, veel_buurten
):
    rotterdams = signaalwereld["gebieden"]["middelland_noord"].code
    antwoord = client.post(
        reverse("signals:buurtsignaal_sturen"),
        {**_formulier(signaalwereld, buurt=rotterdams), "gemeente": "GM0344"},
    )
    assert "Deze buurt kennen we niet" in _tekst(antwoord)
    assert Buurtsignaal.objects.count() == 0


def test_een_wijk_is_geen_buurt(client, signaalwereld):
    antwoord = client.post(
        reverse("signals:buurtsignaal_sturen"),
        _formulier(signaalwereld, buurt=signaalwereld["wijk"].code),
    )
    assert "Deze buurt kennen we niet" in _tekst(antwoord)
    assert Buurtsignaal.objects.count() == 0


def test_scripttekst_wordt_als_tekst_getoond(client, signaalwereld):
    script = "<script>alert('x')</script>"
    signaal = _stuur(signaalwereld, tekst=script, openbaar=True)
    client.force_login(signaalwereld["netwerkhouder"])
    for pad in [
        reverse("signals:buurtsignaal", args=[signaal.pk]),
        reverse("signals:buurtsignalen"),
        reverse("signals:buurtsignalen_openbaar", args=[signaalwereld["wijk"].code]),
    ]:
        html = _tekst(client.get(pad))
        assert script not in html
        assert "&lt;script&gt;" in html


def test_veel_signalen_van_een_bezoeker_achter_elkaar_worden_afgeremd(client, signaalwereld):
    pad = reverse("signals:buurtsignaal_sturen")
    for _ in range(5):
        assert client.post(pad, _formulier(signaalwereld)).status_code == 302
    antwoord = client.post(pad, _formulier(signaalwereld), follow=True)
    assert "Probeer het over een uur" in _tekst(antwoord)
    assert Buurtsignaal.objects.count() == 5


# --- routing and who reads it -----------------------------------------------------------


def test_het_signaal_komt_bij_de_netwerkhouder_van_de_wijk(client, signaalwereld):
    signaal = _stuur(signaalwereld)
    client.force_login(signaalwereld["netwerkhouder"])
    assert GEHEIM in _tekst(client.get(reverse("signals:buurtsignalen")))
    pagina = _tekst(client.get(reverse("signals:buurtsignaal", args=[signaal.pk])))
    assert GEHEIM in pagina
    assert ADRES in pagina  # only the netwerkhouder sees the address ...
    assert Auditregel.objects.voor(signaal).filter(actie=Actie.BEKEKEN).count() == 1  # ... logged


def test_de_netwerkhouder_van_een_andere_gemeente_ziet_het_signaal_niet(client, signaalwereld):
    signaal = _stuur(signaalwereld)
    client.force_login(signaalwereld["andere_netwerkhouder"])
    lijst = client.get(reverse("signals:buurtsignalen"))
    assert GEHEIM not in _tekst(lijst)
    assert "geen signalen" in _tekst(lijst)
    assert client.get(reverse("signals:buurtsignaal", args=[signaal.pk])).status_code == 404


@pytest.mark.parametrize(
    "wie", ["teamlid", "corporatielid", "ander_teamlid", "rotterdammer", "vrijwilliger", "analist"]
)
def test_teams_en_de_analist_lezen_geen_niet_openbaar_signaal(client, signaalwereld, wie):
    signaal = _stuur(signaalwereld)
    actions.zet_op_wijkagenda(signaal, signaalwereld["netwerkhouder"], titel="Ontmoeten")
    client.force_login(signaalwereld[wie])
    for pad in [
        reverse("signals:buurtsignalen"),
        reverse("signals:buurtsignaal", args=[signaal.pk]),
        reverse("signals:wijkagenda", args=[signaalwereld["wijk"].code]),
        reverse("signals:buurtsignalen_openbaar", args=[signaalwereld["wijk"].code]),
        reverse("signals:buurtsignaal_tellingen", args=[signaalwereld["gemeente"].code]),
    ]:
        antwoord = client.get(pad)
        assert GEHEIM not in _tekst(antwoord)
        assert ADRES not in _tekst(antwoord)


def test_de_netwerkhouder_filtert_op_thema_en_status(client, signaalwereld):
    _stuur(signaalwereld)
    _stuur(signaalwereld, tekst=OPEN_TEKST, thema=Thema.OVERLAST)
    client.force_login(signaalwereld["netwerkhouder"])
    pad = reverse("signals:buurtsignalen")
    html = _tekst(client.get(pad, {"thema": Thema.OVERLAST}))
    assert OPEN_TEKST[:50] in html and GEHEIM[:50] not in html
    html = _tekst(client.get(pad, {"status": SignaalStatus.BEANTWOORD}))
    assert "geen signalen" in html
    html = _tekst(client.get(pad, {"wijk": signaalwereld["wijk"].code}))
    assert OPEN_TEKST[:50] in html and GEHEIM[:50] in html


def test_de_lijst_toont_het_nieuwste_eerst_en_in_paginas(client, signaalwereld):
    for i in range(25):
        _stuur(signaalwereld, tekst=f"Signaal nummer {i:02d}", email="")
    client.force_login(signaalwereld["netwerkhouder"])
    eerste = _tekst(client.get(reverse("signals:buurtsignalen")))
    assert "Signaal nummer 24" in eerste and "Signaal nummer 04" not in eerste
    assert "Pagina 1 van 2" in eerste
    tweede = _tekst(client.get(reverse("signals:buurtsignalen"), {"pagina": 2}))
    assert "Signaal nummer 00" in tweede


# --- answering and the wijkagenda -------------------------------------------------------


def test_het_antwoord_wordt_gemaild_als_er_een_adres_is(client, signaalwereld):
    signaal = _stuur(signaalwereld)
    client.force_login(signaalwereld["netwerkhouder"])
    mail.outbox.clear()
    antwoord = client.post(
        reverse("signals:buurtsignaal", args=[signaal.pk]),
        {"antwoord": "We bespreken het in het wijkoverleg."},
    )
    assert antwoord.status_code == 302
    signaal.refresh_from_db()
    assert signaal.status == SignaalStatus.BEANTWOORD
    assert [m.to for m in mail.outbox] == [[ADRES]]
    assert "We bespreken het in het wijkoverleg." in mail.outbox[0].body


def test_een_anoniem_signaal_krijgt_een_antwoord_zonder_mail(client, signaalwereld):
    signaal = _stuur(signaalwereld, email="")
    client.force_login(signaalwereld["netwerkhouder"])
    mail.outbox.clear()
    client.post(reverse("signals:buurtsignaal", args=[signaal.pk]), {"antwoord": "Dank je."})
    signaal.refresh_from_db()
    assert signaal.antwoord == "Dank je."
    assert mail.outbox == []


def test_een_leeg_antwoord_krijgt_een_melding(client, signaalwereld):
    signaal = _stuur(signaalwereld)
    client.force_login(signaalwereld["netwerkhouder"])
    antwoord = client.post(reverse("signals:buurtsignaal", args=[signaal.pk]), {"antwoord": ""})
    assert "Schrijf een antwoord." in _tekst(antwoord)
    signaal.refresh_from_db()
    assert signaal.status == SignaalStatus.NIEUW


def test_de_netwerkhouder_zet_signalen_op_de_wijkagenda(client, signaalwereld):
    eerste = _stuur(signaalwereld)
    tweede = _stuur(signaalwereld, tekst=OPEN_TEKST)
    client.force_login(signaalwereld["netwerkhouder"])
    client.post(reverse("signals:buurtsignaal_op_agenda", args=[eerste.pk]), {"titel": "Ontmoeten"})
    punt = Agendapunt.objects.get()
    client.post(
        reverse("signals:buurtsignaal_op_agenda", args=[tweede.pk]), {"agendapunt": punt.pk}
    )
    assert set(punt.signalen.all()) == {eerste, tweede}
    assert punt.wijk == signaalwereld["wijk"]
    client.post(reverse("signals:agendapunt_status", args=[punt.pk]), {"status": "opgepakt"})
    punt.refresh_from_db()
    assert punt.status == AgendaStatus.OPGEPAKT
    html = _tekst(client.get(reverse("signals:wijkagenda", args=[punt.wijk_id])))
    assert "Ontmoeten" in html and "opgepakt" in html


def test_op_de_agenda_zonder_onderwerp_krijgt_een_melding(client, signaalwereld):
    signaal = _stuur(signaalwereld)
    client.force_login(signaalwereld["netwerkhouder"])
    antwoord = client.post(reverse("signals:buurtsignaal_op_agenda", args=[signaal.pk]), {})
    assert "Kies een punt of schrijf een onderwerp" in _tekst(antwoord)
    assert Agendapunt.objects.count() == 0


def test_een_onbekende_agendastatus_verandert_niets(client, signaalwereld):
    punt = actions.zet_op_wijkagenda(_stuur(signaalwereld), signaalwereld["netwerkhouder"], "X")
    client.force_login(signaalwereld["netwerkhouder"])
    client.post(reverse("signals:agendapunt_status", args=[punt.pk]), {"status": "weg"})
    punt.refresh_from_db()
    assert punt.status == AgendaStatus.OP_AGENDA


# --- public or not ----------------------------------------------------------------------


def test_alleen_openbare_signalen_staan_op_de_openbare_pagina_zonder_adres(client, signaalwereld):
    nh = signaalwereld["netwerkhouder"]
    openbaar = _stuur(signaalwereld, tekst=OPEN_TEKST, openbaar=True)
    actions.beantwoord_buurtsignaal(openbaar, "Er komt een nieuw bankje.", nh)
    _stuur(signaalwereld)  # not public
    actions.zet_op_wijkagenda(openbaar, nh, titel="Bankjes op het plein")
    html = _tekst(
        client.get(reverse("signals:buurtsignalen_openbaar", args=[signaalwereld["wijk"].code]))
    )
    assert OPEN_TEKST in html
    assert "Er komt een nieuw bankje." in html
    assert "Bankjes op het plein" in html
    assert GEHEIM not in html
    assert ADRES not in html
    assert not nh.email or nh.email not in html


def test_een_agendapunt_met_een_niet_openbaar_signaal_blijft_binnen(client, signaalwereld):
    nh = signaalwereld["netwerkhouder"]
    punt = actions.zet_op_wijkagenda(_stuur(signaalwereld, openbaar=True), nh, "Samen eten")
    actions.zet_op_wijkagenda(_stuur(signaalwereld), nh, agendapunt=punt)
    html = _tekst(
        client.get(reverse("signals:buurtsignalen_openbaar", args=[signaalwereld["wijk"].code]))
    )
    assert "Samen eten" not in html


# --- counts -----------------------------------------------------------------------------


def _op(signaal, moment):
    Buurtsignaal.objects.filter(pk=signaal.pk).update(ontvangen_op=moment)


def test_thema_tellingen_per_wijk_en_thema_voor_de_wijkscan(signaalwereld):
    w = signaalwereld
    for _ in range(3):
        _stuur(w, thema=Thema.ALLEEN)
    oud = _stuur(w, thema=Thema.ALLEEN)
    _op(oud, timezone.make_aware(datetime(2020, 1, 1)))
    _stuur(w, thema=Thema.OVERLAST)
    _stuur(w, thema=Thema.OVERLAST, buurt=w["gebieden"]["middelland_noord"])  # Rotterdam
    tellingen = buurtsignalen.thema_tellingen(w["gemeente"], timezone.now() - timedelta(days=30))
    assert tellingen == {("WK034403", "alleen"): 3, ("WK034403", "overlast"): 1}
    assert buurtsignalen.VROEGSIGNALERING == "vroegsignalering"


def test_de_analist_ziet_per_kwartaal_en_minder_dan_3_niet_als_getal(
    client, signaalwereld, monkeypatch
):
    w = signaalwereld
    k1 = timezone.make_aware(datetime(2026, 2, 10, 12))
    k2 = timezone.make_aware(datetime(2026, 5, 10, 12))
    for _ in range(3):
        _op(_stuur(w, thema=Thema.ALLEEN), k1)
    for _ in range(2):
        _op(_stuur(w, thema=Thema.ALLEEN), k2)
    client.force_login(w["analist"])
    antwoord = client.get(reverse("signals:buurtsignaal_tellingen", args=[w["gemeente"].code]))
    html = _tekst(antwoord)
    assert "2026-K1" in html and "2026-K2" in html
    (rij,) = antwoord.context["rijen"]
    assert rij["cellen"] == [("2026-K1", 3), ("2026-K2", None)]
    assert "minder dan 3" in html
    assert GEHEIM not in html


# --- retention and the log --------------------------------------------------------------


def test_de_bewaartermijn_wist_het_adres_en_houdt_het_signaal(signaalwereld, settings):
    settings.SAMENSPEL = {**settings.SAMENSPEL, "BUURTSIGNAAL_BEWAAR_DAGEN": 30}
    nu = timezone.make_aware(datetime(2026, 6, 1, 12))
    oud = _stuur(signaalwereld)
    _op(oud, nu - timedelta(days=31))
    nieuw = _stuur(signaalwereld)
    _op(nieuw, nu - timedelta(days=29))
    assert actions.wis_verlopen_buurtsignaaladressen(nu=nu) == 1
    oud.refresh_from_db()
    nieuw.refresh_from_db()
    assert oud.email == "" and oud.email_gewist_op == nu
    assert oud.tekst == GEHEIM and oud.thema == Thema.ONTMOETPLEK  # the signal stays
    assert nieuw.email == ADRES
    assert Auditregel.objects.voor(oud).filter(actie=Actie.GEWIST).exists()
    assert actions.wis_verlopen_buurtsignaaladressen(nu=nu) == 0


def test_het_logboek_bevat_geen_tekst_en_geen_adres(signaalwereld):
    nh = signaalwereld["netwerkhouder"]
    signaal = _stuur(signaalwereld)
    actions.beantwoord_buurtsignaal(signaal, "Een antwoord met inhoud.", nh)
    punt = actions.zet_op_wijkagenda(signaal, nh, titel="Ontmoeten")
    actions.zet_agendastatus(punt, AgendaStatus.BESPROKEN, nh)
    actions.wis_verlopen_buurtsignaaladressen(nu=timezone.now() + timedelta(days=365))
    soorten = set(Gebeurtenis.objects.values_list("soort", flat=True))
    assert soorten == {
        Voorval.BUURTSIGNAAL_ONTVANGEN,
        Voorval.BUURTSIGNAAL_BEANTWOORD,
        Voorval.BUURTSIGNAAL_OP_AGENDA,
        Voorval.AGENDAPUNT_STATUS,
        Voorval.BUURTSIGNAAL_ADRES_GEWIST,
    }
    log = str(list(Gebeurtenis.objects.values_list("wat", flat=True)))
    for woord in [GEHEIM, ADRES, "Een antwoord met inhoud.", "Ontmoeten"]:
        assert woord not in log


def test_de_opdracht_voor_de_bewaartermijn_wist_oude_adressen(signaalwereld):
    from io import StringIO

    from django.core.management import call_command

    oud = _stuur(signaalwereld)
    _op(oud, timezone.now() - timedelta(days=400))
    uit = StringIO()
    call_command("buurtsignalen_bewaartermijn", stdout=uit)
    oud.refresh_from_db()
    assert oud.email == "" and oud.tekst == GEHEIM
    assert uit.getvalue().startswith("1 ")
