"""The municipality's spreadsheet: tolerant columns, the same guarantees as an HSDS import."""

import csv
import io
import re
import zipfile
from xml.sax.saxutils import escape

import pytest
from openpyxl import Workbook, load_workbook

from samenspel import cli
from samenspel.directory import models as m
from samenspel.hsds.gemeenteblad_sjabloon import KOLOMMEN
from samenspel.hsds.importeren.fouten import ImportFout
from samenspel.hsds.importeren.gemeenteblad import importeer_tabel, lees_contact
from samenspel.hsds.importeren.gemeenteblad_kolommen import kopnorm

from .conftest import momentopname

pytestmark = pytest.mark.django_db

KOP = [
    "Naam",
    "Organisatie",
    "Omschrijving",
    "Adres",
    "Postcode",
    "Plaats",
    "Buurt",
    "Bouwsteen",
    "Doelgroep",
    "Dagen en tijden",
    "Contact",
    "Website",
    "Formeel/informeel",
]
TAALCAFE = [
    "Taalcafé De Brug",
    "Stichting De Brug",
    "Nederlands oefenen met koffie.",
    "Zambesidreef 4",
    "3561gk",
    "Utrecht",
    "BU03440301",
    "sociale-contacten-en-ontmoeting; Zinvolle daginvulling",
    "Nieuwkomers en mensen met een migratieachtergrond",
    "dinsdag 10-12 uur en donderdag 14-16",
    "Fatima de Vries, 06 12345678, taal@example.org",
    "www.debrug.example.org",
    "informeel",
]
MAATJES = ["Maatjes", "", "", "", "", "", "Vechtzoom", "", "", "op afspraak", "", "", "hybride"]


def _xlsx(pad, rijen, titel=None):
    boek = Workbook()
    blad = boek.active
    if titel:
        blad.append([titel])
        blad.append([])
    for rij in rijen:
        blad.append(rij)
    boek.save(pad)
    return pad


def _csv(pad, rijen, scheiding=";"):
    with pad.open("w", encoding="utf-8", newline="") as bestand:
        csv.writer(bestand, delimiter=scheiding).writerows(rijen)
    return pad


def test_spreadsheet_wordt_volledig_aanbod(tmp_path, gebieden):
    importeer_tabel(_xlsx(tmp_path / "aanbod.xlsx", [KOP, TAALCAFE, MAATJES]))
    service = m.Service.objects.get(name="Taalcafé De Brug")
    assert service.organization.name == "Stichting De Brug"
    assert service.organization.sector == "informeel"
    assert service.url == "https://www.debrug.example.org"
    assert service.email == "taal@example.org"
    assert {b.code for b in service.bouwstenen} == {
        "sociale-contacten-en-ontmoeting",
        "zinvolle-daginvulling",
    }
    assert [d.code for d in service.doelgroepen] == ["nieuwkomers"]
    assert sorted(s.byday for s in service.schedules.all()) == ["TH", "TU"]
    locatie = service.service_at_locations.get().location
    assert locatie.buurt_id == "BU03440301"
    assert locatie.addresses.get().postal_code == "3561 GK"
    assert service.contacts.get().name == "Fatima de Vries"
    assert service.phones.get().number == "06 12345678"
    assert service.bron == "tabel:aanbod" and service.bron_id
    maatjes = m.Service.objects.get(name="Maatjes")
    assert maatjes.op_afspraak and maatjes.organization.name == "Maatjes"
    assert maatjes.organization.sector == "hybride"
    assert maatjes.organization.gemeente_id == "GM0344"


def test_het_aanbod_is_meteen_te_vinden(tmp_path, gebieden, client):
    importeer_tabel(_xlsx(tmp_path / "aanbod.xlsx", [KOP, TAALCAFE]))
    assert "Taalcafé De Brug" in client.get("/zoeken/", {"q": "taalcafe"}).content.decode()


def test_kolomvolgorde_kopvarianten_en_titelregel_maken_niet_uit(tmp_path, gebieden):
    kop = [
        "E-mailadres",
        "Activiteit",
        "Wijk/buurt",
        "Formeel of informeel",
        "Straat en huisnummer",
        "PC",
        "Woonplaats",
        "Telefoonnummer",
        "Wanneer",
    ]
    rij = [
        "x@example.org",
        "Koffieochtend",
        "Zambesidreef e.o.",
        "Formeel",
        "Zambesidreef 4",
        "3561 GK",
        "Utrecht",
        "030-1234567",
        "vrijdag 9.30-11.30 uur",
    ]
    importeer_tabel(_xlsx(tmp_path / "lijst.xlsx", [kop, rij], titel="Sociale kaart Overvecht"))
    service = m.Service.objects.get(name="Koffieochtend")
    assert service.organization.sector == "formeel"
    assert service.contacts.get().email == "x@example.org"
    assert service.phones.get().number == "030-1234567"
    assert service.schedules.get().byday == "FR"


def test_csv_met_puntkomma_werkt_als_xlsx(tmp_path, gebieden):
    importeer_tabel(_csv(tmp_path / "aanbod.csv", [KOP, TAALCAFE]))
    assert m.Service.objects.filter(name="Taalcafé De Brug").exists()


def test_tweede_import_verandert_niets(tmp_path, gebieden):
    pad = _xlsx(tmp_path / "aanbod.xlsx", [KOP, TAALCAFE, MAATJES])
    importeer_tabel(pad)
    voor, historie = momentopname(), m.Wijziging.objects.count()
    uitkomst = importeer_tabel(pad)
    assert all(t.nieuw == t.gewijzigd == t.verwijderd == 0 for t in uitkomst.tellingen.values())
    assert momentopname() == voor and m.Wijziging.objects.count() == historie


def test_gewijzigde_rij_werkt_bij_en_haalt_weg_wat_er_niet_meer_staat(tmp_path, gebieden):
    importeer_tabel(_xlsx(tmp_path / "aanbod.xlsx", [KOP, TAALCAFE]))
    nieuw = list(TAALCAFE)
    nieuw[2] = "Nederlands oefenen, nu ook op zaterdag."
    nieuw[9] = "zaterdag 10-12"
    nieuw[10] = "taal@example.org"  # no phone number any more
    uitkomst = importeer_tabel(_xlsx(tmp_path / "aanbod.xlsx", [KOP, nieuw]))
    assert m.Service.objects.count() == 1
    service = m.Service.objects.get()
    assert service.description.endswith("zaterdag.")
    assert [s.byday for s in service.schedules.all()] == ["SA"]
    assert not service.phones.exists()
    assert uitkomst.tellingen["phone"].verwijderd == 1
    assert m.Wijziging.objects.filter(resource_id=service.pk, field_name="description").exists()


def test_bestaande_organisatie_wordt_gekoppeld_niet_gekopieerd(tmp_path, gebieden):
    bestaand = m.Organization.objects.create(name="Stichting De Brug", description="Al bekend")
    importeer_tabel(_xlsx(tmp_path / "aanbod.xlsx", [KOP, TAALCAFE]))
    assert m.Service.objects.get().organization == bestaand
    bestaand.refresh_from_db()
    assert bestaand.description == "Al bekend"


def test_proef_laat_zien_wat_er_zou_veranderen_en_schrijft_niets(tmp_path, gebieden, capsys):
    pad = _xlsx(tmp_path / "aanbod.xlsx", [KOP, TAALCAFE])
    voor = momentopname()
    cli.main(["importeer", "tabel", str(pad), "--proef", "--stil"])
    uit = capsys.readouterr().out
    assert "PROEF" in uit and "+ service" in uit and "Taalcafé De Brug" in uit
    assert momentopname() == voor


def test_leeg_sjabloon_downloaden_invullen_en_importeren(client, tmp_path, gebieden):
    antwoord = client.get("/api/hsds/uitwisselen/sjabloon.xlsx")
    assert antwoord.status_code == 200
    boek = load_workbook(io.BytesIO(antwoord.content))
    blad = boek["Aanbod"]
    kop = [c.value for c in blad[1]]
    assert kop[0] == "Naam (verplicht)" and len(kop) == len(KOLOMMEN)
    assert blad.max_row == 1  # empty
    blad.append(TAALCAFE)
    boek.save(tmp_path / "ingevuld.xlsx")
    importeer_tabel(tmp_path / "ingevuld.xlsx")
    assert m.Service.objects.filter(name="Taalcafé De Brug").exists()


def test_csv_sjabloon_opent_in_nederlandse_excel(client, tmp_path, gebieden):
    antwoord = client.get("/api/hsds/uitwisselen/sjabloon.csv")
    tekst = antwoord.content.decode("utf-8")
    assert tekst.startswith("\ufeffNaam (verplicht);Organisatie;")
    regel = io.StringIO()
    csv.writer(regel, delimiter=";").writerow(TAALCAFE)
    (tmp_path / "ingevuld.csv").write_text(tekst + regel.getvalue(), encoding="utf-8")
    importeer_tabel(tmp_path / "ingevuld.csv")
    assert m.Service.objects.filter(name="Taalcafé De Brug").exists()


def test_samengevoegde_organisatiecel_geldt_voor_elke_rij(tmp_path, gebieden):
    boek = Workbook()
    blad = boek.active
    blad.append(["Naam", "Organisatie"])
    blad.append(["Koor", "Buurthuis De Boog"])
    blad.append(["Breiclub", None])
    blad.merge_cells("B2:B3")
    boek.save(tmp_path / "samen.xlsx")
    importeer_tabel(tmp_path / "samen.xlsx")
    assert set(m.Service.objects.values_list("organization__name", flat=True)) == {
        "Buurthuis De Boog"
    }


def test_uitwisselpagina_toont_kolommen_en_alleen_beheerder_ziet_export(client, beheerder, db):
    pagina = client.get("/api/hsds/uitwisselen/").content.decode()
    assert "Dagen en tijden" in pagina and "Formeel/informeel" in pagina
    assert "export.zip" not in pagina
    client.force_login(beheerder)
    assert "export.zip" in client.get("/api/hsds/uitwisselen/").content.decode()


@pytest.mark.parametrize(
    "kop, sleutel",
    [("Naam (verplicht)", "naam"), ("E-mail", "e mail"), ("Dagen & tijden", "dagen tijden")],
)
def test_kopnormalisatie(kop, sleutel):
    assert kopnorm(kop) == sleutel


def test_contactcel_wordt_naam_mail_en_telefoon():
    contact = lees_contact("Piet Jansen (coördinator) - piet@example.org / +31 30 123 4567")
    assert contact.emails == ["piet@example.org"]
    assert contact.telefoons == ["+31 30 123 4567"]
    assert "Piet Jansen" in contact.naam


def test_lege_sectorcel_laat_de_sector_onbekend_en_de_tijden_houden_hun_woorden(tmp_path, gebieden):
    zonder_sector = [*TAALCAFE[:-1], ""]
    importeer_tabel(_csv(tmp_path / "aanbod.csv", [KOP, zonder_sector]))
    service = m.Service.objects.get(name="Taalcafé De Brug")
    assert service.organization.sector == ""
    assert (service.gratis, service.zonder_indicatie) == (None, None)
    assert {s.description for s in service.schedules.all()} == {
        "dinsdag 10-12 uur en donderdag 14-16"
    }


def test_een_formule_in_een_termnaam_staat_als_tekst_in_het_sjabloon(client, gebieden):
    # A taxonomy an import filled may name a term like a formula; the sheet must not run it.
    doelgroepen = m.Taxonomy.objects.get(name=m.DOELGROEPEN)
    m.TaxonomyTerm.objects.create(
        taxonomy=doelgroepen, code="x", name='=HYPERLINK("http://x.example.org","klik")'
    )
    boek = load_workbook(io.BytesIO(client.get("/api/hsds/uitwisselen/sjabloon.xlsx").content))
    cellen = [c for rij in boek["Uitleg"].iter_rows() for c in rij if isinstance(c.value, str)]
    assert '\'=HYPERLINK("http://x.example.org","klik")' in [c.value for c in cellen]
    assert not any(c.value.startswith(("=", "+", "-", "@")) for c in cellen)
    assert all(c.data_type == "s" for c in cellen)


# -- formulas: read as their stored result, refused when the file holds none -------------------

FORMULE_ZONDER_WAARDE = (
    "een formule zonder berekende waarde; open het bestand in Excel of LibreOffice, sla het "
    "op en probeer het opnieuw"
)


def _met_formules(pad, rijen, ander_blad=None):
    """A workbook as a script writes it: formulas without results (openpyxl calculates none)."""
    boek = Workbook()
    blad = boek.active
    blad.title = "Aanbod"
    for rij in rijen:
        blad.append(rij)
    if ander_blad:
        boek.create_sheet("Toelichting").append(ander_blad)
    boek.save(pad)
    return pad


def _met_uitkomsten(pad, uitkomsten: dict[str, str]):
    """The same file as a spreadsheet program saves it: each formula's text result beside it."""
    with zipfile.ZipFile(pad) as archief:
        delen = {naam: archief.read(naam) for naam in archief.namelist()}
    blad = delen["xl/worksheets/sheet1.xml"].decode()
    for cel, uitkomst in uitkomsten.items():
        blad, vervangen = re.subn(
            rf'(<c r="{cel}"[^>]*)><f>(.*?)</f><v\s*/>',
            lambda g, u=uitkomst: f'{g[1]} t="str"><f>{g[2]}</f><v>{escape(u)}</v>',
            blad,
        )
        assert vervangen == 1, cel
    delen["xl/worksheets/sheet1.xml"] = blad.encode()
    with zipfile.ZipFile(pad, "w") as archief:
        for naam, inhoud in delen.items():
            archief.writestr(naam, inhoud)
    return pad


def test_een_formule_zonder_berekende_waarde_wordt_geweigerd_met_blad_rij_en_kolom(
    tmp_path, capsys
):
    pad = _met_formules(
        tmp_path / "aanbod.xlsx",
        [
            ["Naam", "Omschrijving"],
            ["Taalcafé", '=CONCATENATE("Nederlands ", "oefenen")'],
            ['=UPPER("koor")', "Samen zingen"],
        ],
    )
    with pytest.raises(SystemExit) as uitgang:
        cli.main(["importeer", "tabel", str(pad), "--stil"])
    assert uitgang.value.code == 2
    regels = [regel.strip() for regel in capsys.readouterr().err.splitlines()]
    assert regels == [
        "Import geweigerd; er is niets opgeslagen. 2 fout(en):",
        f"aanbod.xlsx, blad Aanbod, rij 2, veld Omschrijving (kolom B): {FORMULE_ZONDER_WAARDE}",
        f"aanbod.xlsx, blad Aanbod, rij 3, veld Naam (kolom A): {FORMULE_ZONDER_WAARDE}",
    ]
    assert m.Organization.objects.count() == 0
    assert m.Service.objects.count() == 0


def test_een_formule_zonder_waarde_in_de_kopregel_noemt_de_kolomletter(tmp_path):
    pad = _met_formules(
        tmp_path / "aanbod.xlsx",
        [["Naam", "Organisatie", '=LOWER("OMSCHRIJVING")'], ["Taalcafé", "De Brug", "Praten"]],
    )
    with pytest.raises(ImportFout) as fout:
        importeer_tabel(pad)
    assert [str(f) for f in fout.value.fouten] == [
        f"aanbod.xlsx, blad Aanbod, rij 1, veld kolom C: {FORMULE_ZONDER_WAARDE}"
    ]
    assert m.Service.objects.count() == 0


def test_een_formule_met_opgeslagen_uitkomst_wordt_als_die_uitkomst_gelezen(tmp_path, gebieden):
    # The other sheet's formula has no result, but only the sheet read counts.
    pad = _met_formules(
        tmp_path / "aanbod.xlsx",
        [
            ["Naam", "Omschrijving", "Website"],
            ["Taalcafé", '=CONCATENATE("Nederlands ", "oefenen")', '=IF(TRUE, "", "x")'],
        ],
        ander_blad=["=NOW()"],
    )
    _met_uitkomsten(pad, {"B2": "Nederlands oefenen", "C2": ""})
    importeer_tabel(pad)
    service = m.Service.objects.get(name="Taalcafé")
    assert (service.description, service.url) == ("Nederlands oefenen", "")
