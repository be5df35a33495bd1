"""The optional short print text: what a listing says on paper instead of a long description."""

import csv
import uuid

import pytest

from samenspel.directory import links
from samenspel.directory import models as m
from samenspel.hsds import exporteren
from samenspel.hsds.importeren.uitvoeren import importeer_hsds

pytestmark = pytest.mark.django_db

KORT = "Samen breien, daarna koffie."


def _aanmelding(**over):
    return {
        "naam": "Breicafé Overvecht",
        "omschrijving": "Samen breien en koffie drinken.",
        "wanneer": "elke dinsdag 10-12 uur in buurthuis De Boog",
        "buurt": "BU03440301",
        "contact": "anna@example.org",
        "bouwsteen": "sociale-contacten-en-ontmoeting",
        **over,
    }


def test_aanmelding_met_korte_tekst_voor_op_papier(client, gebieden, met_commit):
    met_commit(client.post, "/aanmelden/", _aanmelding(korte_tekst=f"  {KORT} "))
    assert m.Service.objects.get().korte_tekst == KORT


def test_korte_tekst_is_nooit_verplicht_en_staat_bij_de_optionele_velden(client, gebieden):
    pagina = client.get("/aanmelden/").content.decode()
    assert "Korte tekst voor op papier" in pagina
    optioneel = pagina.index("Alles hieronder mag je leeg laten.")
    assert pagina.index('name="korte_tekst"') > optioneel
    assert 'name="korte_tekst" aria-required' not in pagina


def test_te_lange_korte_tekst_krijgt_een_melding_bij_het_veld(client, gebieden):
    antwoord = client.post("/aanmelden/", _aanmelding(korte_tekst="x" * 201))
    assert antwoord.status_code == 200
    assert antwoord.context["form"].errors["korte_tekst"]
    assert not m.Service.objects.exists()


def test_eigenaar_past_de_korte_tekst_aan_en_de_historie_zegt_het(client, maak_aanbod, met_commit):
    aanbod = maak_aanbod(beheerder_email="anna@example.org", tijden_omschrijving="dinsdag")
    pad = links.pad(aanbod, links.BEWERK)
    form = client.get(pad).context["form"]
    assert form["korte_tekst"].value() == ""
    gegevens = {
        "naam": aanbod.name,
        "omschrijving": aanbod.description,
        "wanneer": aanbod.tijden_omschrijving,
        "buurt": "BU03440301",
        "contact": "anna@example.org",
        "bouwsteen": "sociale-contacten-en-ontmoeting",
        "sector": "informeel",
        "zichtbaarheid": "openbaar",
        "korte_tekst": KORT,
    }
    assert met_commit(client.post, pad, gegevens).status_code == 302
    aanbod.refresh_from_db()
    assert aanbod.korte_tekst == KORT
    rij = m.Wijziging.objects.get(resource_id=aanbod.pk, field_name="korte_tekst")
    assert (rij.previous_value, rij.replacement_value) == ("", KORT)


def test_korte_tekst_gaat_mee_in_de_hsds_export_en_weer_terug(maak_aanbod, tmp_path):
    aanbod = maak_aanbod(korte_tekst=KORT)
    exporteren.exporteer(tmp_path)
    with (tmp_path / "services.csv").open(encoding="utf-8") as bestand:
        assert [r["samenspel_korte_tekst"] for r in csv.DictReader(bestand)] == [KORT]
    m.Service.objects.filter(pk=aanbod.pk).update(korte_tekst="")
    importeer_hsds(tmp_path, bron=str(uuid.uuid4()))
    assert m.Service.objects.get(pk=aanbod.pk).korte_tekst == KORT
