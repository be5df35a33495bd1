"""An analyst uploads CBS or RIVM figures for their own gemeente through the browser form."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from samenspel.accounts.models import Rol
from samenspel.areas.models import Gebied
from samenspel.hsds.importeren.gebieden import importeer_gebieden
from samenspel.hsds.models import Importrun

pytestmark = pytest.mark.django_db

DATA = Path(__file__).parent / "data" / "cijfers"
PAD = "/wijkscan/GM0344/cijfers/"


@pytest.fixture
def analist_utrecht(django_user_model, gebieden):
    gebruiker = django_user_model.objects.create_user(
        username="analist_utrecht", password="x-geheim-123", rol=Rol.GEMEENTE_ANALIST
    )
    gebruiker.gebieden.add(gebieden["utrecht"])
    return gebruiker


def _bestand(naam="kerncijfers.csv", inhoud=None):
    inhoud = (DATA / "cbs_kerncijfers.csv").read_bytes() if inhoud is None else inhoud
    return SimpleUploadedFile(naam, inhoud, content_type="text/csv")


def _stuur(client, **velden):
    gegevens = {"bestand": _bestand(), "bron": "cbs", "jaar": "2023", **velden}
    return client.post(PAD, gegevens)


def test_het_pad_is_de_url_van_de_gemeente():
    assert reverse("cijferimport:uploaden", args=["GM0344"]) == PAD


def test_analist_leest_cbs_cijfers_in_en_ziet_ze_op_de_wijkpagina(client, analist_utrecht):
    client.force_login(analist_utrecht)
    antwoord = _stuur(client)
    tekst = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert "gebieden kregen nieuwe cijfers" in tekst
    # The row of an unknown buurt is named in the warnings, with its line.
    assert "BU03449999 is een onbekend gebied" in tekst
    assert Gebied.objects.get(code="WK034403").cijfers["inwoners"]["waarde"] == 34120
    wijk = client.get(reverse("wegwijzer:wijk", args=["WK034403"])).content.decode()
    assert "34.120" in wijk and "CBS Kerncijfers wijken en buurten" in wijk


def test_rijen_van_een_andere_gemeente_blijven_onaangeroerd(client, analist_utrecht, gebieden):
    rotterdam = '"WijkenEnBuurten";"AantalInwoners_5"\n"GM0599";"655468"\n"WK034403";"34120"\n'
    client.force_login(analist_utrecht)
    tekst = _stuur(client, bestand=_bestand(inhoud=rotterdam.encode())).content.decode()
    assert Gebied.objects.get(code="GM0599").cijfers == {}
    assert Gebied.objects.get(code="WK034403").cijfers["inwoners"]["waarde"] == 34120
    assert "1 rij(en) buiten de gemeente Utrecht overgeslagen" in tekst


def test_een_bestand_zonder_rij_over_de_gemeente_wordt_geweigerd(client, analist_utrecht):
    alleen_rotterdam = b'"WijkenEnBuurten";"AantalInwoners_5"\n"GM0599";"655468"\n'
    client.force_login(analist_utrecht)
    tekst = _stuur(client, bestand=_bestand(inhoud=alleen_rotterdam)).content.decode()
    assert "geen enkele rij over de gemeente Utrecht" in tekst
    assert not Importrun.objects.exists()


def test_een_fout_noemt_de_regel_en_er_wordt_niets_opgeslagen(client, analist_utrecht):
    fout = b'"WijkenEnBuurten";"AantalInwoners_5"\n"WK034403";"34120"\n"BU03440301";"veel"\n'
    client.force_login(analist_utrecht)
    tekst = _stuur(client, bestand=_bestand(inhoud=fout)).content.decode()
    assert "er is niets opgeslagen" in tekst
    assert (
        "regel 3" in tekst
        and "AantalInwoners_5" in tekst
        and "&#x27;veel&#x27; is geen getal" in tekst
    )
    assert Gebied.objects.get(code="WK034403").cijfers == {}


@pytest.mark.parametrize(
    ("velden", "melding"),
    [
        ({"bestand": ""}, "Bestand (.csv)"),
        ({"bestand": None}, "Kies een .csv-bestand."),
        ({"jaar": "twintig"}, "Jaar van de cijfers"),
        ({"jaar": "1850"}, "Jaar van de cijfers"),
        ({"bron": "ggd"}, "Bron"),
    ],
)
def test_foute_invoer_noemt_het_veld(client, analist_utrecht, velden, melding):
    if velden.get("bestand", 1) is None:
        velden["bestand"] = _bestand(naam="kerncijfers.xlsx")
    client.force_login(analist_utrecht)
    antwoord = _stuur(client, **velden)
    assert antwoord.status_code == 200
    assert "Controleer wat je hebt ingevuld" in antwoord.content.decode()
    assert melding in antwoord.content.decode()
    assert Gebied.objects.get(code="WK034403").cijfers == {}


@pytest.mark.parametrize("wie", ["anoniem", "rotterdam", "professional", "analist_zonder_gebied"])
def test_buitenstaanders_lezen_geen_cijfers_in(
    client, gebieden, andere_netwerkhouder, professional, analist, wie
):
    gebruiker = {
        "anoniem": None,
        "rotterdam": andere_netwerkhouder,
        "professional": professional,
        "analist_zonder_gebied": analist,
    }[wie]
    if gebruiker is not None:
        client.force_login(gebruiker)
    assert client.get(PAD).status_code in (302, 403)
    antwoord = _stuur(client)
    assert antwoord.status_code in (302, 403)
    assert Gebied.objects.get(code="WK034403").cijfers == {}


def test_een_onbekende_gemeente_geeft_404(client, analist_utrecht):
    client.force_login(analist_utrecht)
    assert client.get("/wijkscan/GM9999/cijfers/").status_code == 404


def test_het_importcommando_blijft_landelijk(gebieden):
    importeer_gebieden(DATA / "cbs_kerncijfers.csv", bron="cbs", jaar=2023)
    assert Gebied.objects.get(code="GM0344").cijfers["inwoners"]["waarde"] == 367984
