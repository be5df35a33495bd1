"""Local judgement: the summary of a round, the partner's link, and the gemeente's criteria."""

from datetime import UTC, datetime, timedelta

import pytest
from django.core import signing
from django.urls import reverse
from django.utils import timezone

from samenspel.directory.models import TaxonomyTerm
from samenspel.wijkscan import actions, oordeellinks
from samenspel.wijkscan.criteria import STANDAARD, criteria_van
from samenspel.wijkscan.models import Gebeurtenis, Oordeel
from samenspel.wijkscan.oordelen import laatste_oordelen, middelste, vat_samen

pytestmark = pytest.mark.django_db

MOMENT = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)


@pytest.fixture
def vast_moment(monkeypatch):
    """The clock, fixed; ``verzet(dagen)`` moves it on."""
    stand = {"nu": MOMENT}
    monkeypatch.setattr(timezone, "now", lambda: stand["nu"])

    def verzet(dagen):
        stand["nu"] = stand["nu"] + timedelta(days=dagen)

    return verzet


def _bs(code):
    return TaxonomyTerm.objects.bouwstenen().get(code=code)


def _antwoord(uitnodiging, **per_code):
    actions.geef_oordeel(uitnodiging, {_bs(c): (n, "", []) for c, n in per_code.items()})


# --- The summary


def test_het_middelste_oordeel_is_de_mediaan_en_bij_twee_middens_het_laagste():
    assert middelste(["afwezig", "sterk", "voldoende"]) == "voldoende"
    assert middelste(["onvoldoende", "voldoende"]) == "onvoldoende"
    assert middelste(["sterk", "sterk", "afwezig", "voldoende"]) == "voldoende"
    assert middelste([]) is None


def test_weet_ik_niet_telt_niet_mee_in_verdeling_en_midden():
    s = vat_samen(["weet_niet", "weet_niet", "sterk"])
    assert s.niveau == "sterk"
    assert s.aantal == 1
    assert s.weet_niet == 2
    assert s.verdeling == {"afwezig": 0, "onvoldoende": 0, "voldoende": 0, "sterk": 1}
    assert vat_samen(["weet_niet"]).niveau is None


def test_een_gesloten_ronde_bewaart_haar_samenvatting_en_de_geschiedenis_blijft(
    scanwereld, vast_moment, client
):
    wijk, nh = scanwereld["wijk"], scanwereld["netwerkhouder"]
    eerste = actions.start_oordeelronde(wijk, nh)
    a = actions.nodig_uit(eerste, "Buurtteam Overvecht", "formeel", nh)
    b = actions.nodig_uit(eerste, "bewoner Zambesidreef", "bewoner", nh)
    _antwoord(a, **{"24-uurszorg": "onvoldoende", "preventie": "weet_niet"})
    _antwoord(b, **{"24-uurszorg": "afwezig"})
    actions.sluit_oordeelronde(eerste, nh)
    vast_moment(90)
    tweede = actions.start_oordeelronde(wijk, nh)
    c = actions.nodig_uit(tweede, "Buurtteam Overvecht", "formeel", nh)
    _antwoord(c, **{"24-uurszorg": "voldoende"})

    laatste = laatste_oordelen(scanwereld["gemeente"])
    assert laatste[("WK034403", "24-uurszorg")].niveau == "afwezig"  # the open round waits
    assert ("WK034403", "preventie") not in laatste  # only "weet ik niet"

    actions.sluit_oordeelronde(tweede, nh)
    laatste = laatste_oordelen(scanwereld["gemeente"])
    s = laatste[("WK034403", "24-uurszorg")]
    assert (s.niveau, s.aantal, s.gesloten_op) == ("voldoende", 1, (MOMENT + timedelta(90)).date())

    # Answers changed after closing do not change the kept summary.
    Oordeel.objects.filter(uitnodiging=c).update(niveau="afwezig")
    assert laatste_oordelen(scanwereld["gemeente"])[("WK034403", "24-uurszorg")].niveau == (
        "voldoende"
    )

    actions.zet_matrix_openbaar(scanwereld["gemeente"], True, nh)
    pagina = client.get(
        reverse("wijkscan:oordeel_geschiedenis", args=["GM0344", "WK034403"])
    ).content.decode()
    assert pagina.index("31 mei 2026") < pagina.index("2 maart 2026")  # newest first
    assert "Buurtteam" not in pagina and "Zambesidreef" not in pagina  # no answers by label


def test_elke_wijziging_schrijft_een_gebeurtenis_zonder_label(scanwereld):
    nh = scanwereld["netwerkhouder"]
    ronde = actions.start_oordeelronde(scanwereld["wijk"], nh)
    u = actions.nodig_uit(ronde, "bewoner Zambesidreef", "bewoner", nh)
    _antwoord(u, preventie="sterk")
    actions.sluit_oordeelronde(ronde, nh)
    assert list(Gebeurtenis.objects.values_list("soort", flat=True)) == [
        "oordeelronde_gestart",
        "partner_uitgenodigd",
        "oordeel_gegeven",
        "oordeelronde_gesloten",
    ]
    assert "Zambesidreef" not in str(list(Gebeurtenis.objects.values_list("wat", flat=True)))


def test_per_wijk_loopt_maar_een_ronde_tegelijk(scanwereld):
    actions.start_oordeelronde(scanwereld["wijk"], None)
    with pytest.raises(actions.Geweigerd):
        actions.start_oordeelronde(scanwereld["wijk"], None)


# --- The partner's link


@pytest.fixture
def uitnodiging(scanwereld):
    ronde = actions.start_oordeelronde(scanwereld["wijk"], scanwereld["netwerkhouder"])
    return actions.nodig_uit(ronde, "Buurtteam Overvecht", "formeel", None)


def test_een_partner_oordeelt_zonder_account_en_verandert_zijn_antwoord(client, uitnodiging):
    pad = oordeellinks.pad(uitnodiging)
    pagina = client.get(pad)
    assert pagina.status_code == 200
    assert "Buurtcirkel" in pagina.content.decode()
    client.post(
        pad,
        {
            "24-uurszorg-niveau": "onvoldoende",
            "24-uurszorg-onderbouwing": "Geen nacht",
            "24-uurszorg-criteria": ["uz-bereikbaar"],
        },
    )
    oordeel = Oordeel.objects.get()
    assert (oordeel.niveau, oordeel.onderbouwing, oordeel.criteria) == (
        "onvoldoende",
        "Geen nacht",
        ["uz-bereikbaar"],
    )
    client.post(pad, {"24-uurszorg-niveau": "voldoende"})
    assert Oordeel.objects.get().niveau == "voldoende"


def test_onderbouwing_zonder_oordeel_noemt_het_veld(client, uitnodiging):
    antwoord = client.post(oordeellinks.pad(uitnodiging), {"preventie-onderbouwing": "iets"})
    assert antwoord.status_code == 400
    assert "Kies een oordeel" in antwoord.content.decode()
    assert not Oordeel.objects.exists()


def test_een_verlopen_link_zegt_dat_hij_verlopen_is(client, uitnodiging, monkeypatch):
    pad = oordeellinks.pad(uitnodiging)
    later = timezone.now() + oordeellinks.geldigheid() + timedelta(days=1)
    monkeypatch.setattr("time.time", lambda: later.timestamp())
    antwoord = client.get(pad)
    assert antwoord.status_code == 410
    assert "verlopen" in antwoord.content.decode()


def test_een_veranderde_link_opent_niets(client, uitnodiging):
    token = oordeellinks.maak_token(uitnodiging)
    kapot = token[:-2] + ("aa" if not token.endswith("aa") else "bb")
    assert (
        client.get(reverse("wijkscan:oordeel_partner", args=[uitnodiging.pk, kapot])).status_code
        == 404
    )


def test_een_link_van_een_andere_ronde_of_met_een_ander_doel_opent_niets(
    client, scanwereld, uitnodiging
):
    rotterdam = actions.start_oordeelronde(scanwereld["gebieden"]["middelland"], None)
    ander = actions.nodig_uit(rotterdam, "Wijkteam Middelland", "formeel", None)
    token = oordeellinks.maak_token(ander)
    assert (
        client.get(reverse("wijkscan:oordeel_partner", args=[uitnodiging.pk, token])).status_code
        == 404
    )
    vreemd = signing.dumps({"u": uitnodiging.pk, "r": uitnodiging.ronde_id}, salt="iets anders")
    assert (
        client.get(reverse("wijkscan:oordeel_partner", args=[uitnodiging.pk, vreemd])).status_code
        == 404
    )
    # Same invitation number, but the token claims another round.
    vals = signing.dumps(
        {"u": uitnodiging.pk, "r": rotterdam.pk}, salt="samenspel.wijkscan.oordeel"
    )
    assert (
        client.get(reverse("wijkscan:oordeel_partner", args=[uitnodiging.pk, vals])).status_code
        == 404
    )


def test_na_het_sluiten_is_het_antwoord_alleen_te_lezen(client, scanwereld, uitnodiging):
    pad = oordeellinks.pad(uitnodiging)
    client.post(pad, {"preventie-niveau": "sterk"})
    actions.sluit_oordeelronde(uitnodiging.ronde, scanwereld["netwerkhouder"])
    pagina = client.get(pad).content.decode()
    assert "gesloten" in pagina and '<form method="post" novalidate>' not in pagina
    client.post(pad, {"preventie-niveau": "afwezig"})
    assert Oordeel.objects.get().niveau == "sterk"
    with pytest.raises(actions.Geweigerd):
        actions.geef_oordeel(uitnodiging, {_bs("preventie"): ("afwezig", "", [])})


# --- The netwerkhouder's pages


def test_de_netwerkhouder_start_nodigt_uit_en_ziet_wie_antwoordde(client, scanwereld):
    client.force_login(scanwereld["netwerkhouder"])
    antwoord = client.post(reverse("wijkscan:oordeel_start", args=["GM0344"]), {"wijk": "WK034403"})
    ronde_pad = antwoord["Location"]
    pk = int(ronde_pad.rstrip("/").split("/")[-1])
    uitnodigen = reverse("wijkscan:oordeel_uitnodigen", args=["GM0344", pk])
    client.post(uitnodigen, {"label": "Buurtteam Overvecht", "soort": "formeel"})
    fout = client.post(uitnodigen, {"label": "jan@example.org", "soort": "bewoner"})
    assert "e-mailadres" in fout.content.decode()
    pagina = client.get(ronde_pad).content.decode()
    assert "Buurtteam Overvecht" in pagina and "nog geen antwoord" in pagina
    assert "/wijkscan/link/oordeel/" in pagina
    from samenspel.wijkscan.models import Uitnodiging

    assert Uitnodiging.objects.count() == 1
    client.post(reverse("wijkscan:oordeel_sluiten", args=["GM0344", pk]))
    assert Uitnodiging.objects.get().ronde.open  # without the confirmation nothing closes
    client.post(reverse("wijkscan:oordeel_sluiten", args=["GM0344", pk]), {"bevestig": "ja"})
    assert not Uitnodiging.objects.get().ronde.open


def test_een_andere_gemeente_ziet_de_ronde_niet(client, scanwereld):
    ronde = actions.start_oordeelronde(scanwereld["wijk"], None)
    client.force_login(scanwereld["rotterdam"])
    assert (
        client.get(reverse("wijkscan:oordeel_ronde", args=["GM0344", ronde.pk])).status_code == 403
    )
    assert (
        client.get(reverse("wijkscan:oordeel_ronde", args=["GM0599", ronde.pk])).status_code == 404
    )


# --- Criteria


def test_elke_bouwsteen_heeft_drie_tot_zes_criteria_met_bron(taxonomieen):
    codes = set(TaxonomyTerm.objects.bouwstenen().values_list("code", flat=True))
    assert set(STANDAARD) == codes
    for lijst in STANDAARD.values():
        assert 3 <= len(lijst) <= 6
        assert all(c.bron.startswith("afgeleid van 003 §") and "(r. " in c.bron for c in lijst)
    fysiek = [c.sleutel for lijst in STANDAARD.values() for c in lijst if c.fysiek]
    assert {"so-bankjes", "so-rustige-route", "so-derde-plekken", "ed-ggz-punt"} <= set(fysiek)


def test_een_gemeente_past_een_criterium_aan_verbergt_er_een_en_voegt_er_een_toe(
    client, scanwereld
):
    client.force_login(scanwereld["analist"])
    pad = reverse("wijkscan:oordeel_criteria_bouwsteen", args=["GM0344", "24-uurszorg"])
    velden = {f"tekst-{c.sleutel}": str(c.tekst) for c in STANDAARD["24-uurszorg"]}
    velden["tekst-uz-bereikbaar"] = "Je kunt 's nachts iemand bellen."
    velden["verberg-uz-crisisdienst"] = "on"
    velden["nieuw"] = "Er is een nachtpost in de wijk."
    velden["nieuw_soort"] = "fysiek"
    assert client.post(pad, velden).status_code == 302
    lijst = criteria_van(scanwereld["gemeente"], _bs("24-uurszorg"))
    teksten = [str(c.tekst) for c in lijst]
    assert "Je kunt 's nachts iemand bellen." in teksten
    assert not any(c.sleutel == "uz-crisisdienst" for c in lijst)
    assert lijst[-1].eigen and lijst[-1].fysiek
    ronde = actions.start_oordeelronde(scanwereld["wijk"], None)
    assert "Er is een nachtpost in de wijk." in [c["tekst"] for c in ronde.criteria["24-uurszorg"]]
    # The default returns when its text is emptied? No: a default needs a text.
    velden.pop("nieuw")
    velden["tekst-uz-bereikbaar"] = ""
    assert "Vul een tekst in" in client.post(pad, velden).content.decode()
    assert Gebeurtenis.objects.filter(soort="criteria_gewijzigd").count() == 1
