"""A large data package is written a block at a time, column by column (`importeren.kolomsgewijs`).

What a user notices: the kaart is exactly what the careful row-by-row path makes of the same
files, a problem anywhere in a large file is still named by file, line and field, and the
database keeps all its indexes whether the import succeeds or not.
"""

import pytest
from django.db import connection

from samenspel import cli
from samenspel.directory import models as m
from samenspel.directory import taxonomieen
from samenspel.hsds import tabelkoppeling as t
from samenspel.hsds.importeren import schrijven
from samenspel.hsds.importeren.schrijven import Schrijver
from samenspel.hsds.importeren.uitvoeren import importeer_hsds
from samenspel.hsds.models import Importrun
from samenspel.search.models import Zoekwijziging

from .conftest import wis_kaart

pytestmark = pytest.mark.django_db

ORG = "11111111-1111-4111-8111-111111111111"
ORG_HOOFD = "11111111-1111-4111-8111-11111111111a"
PLEK = "33333333-3333-4333-8333-333333333333"
PLEK_ZONDER = "33333333-3333-4333-8333-33333333333b"
TERM = "77777777-7777-4777-8777-777777777777"
TAXONOMIE = "66666666-6666-4666-8666-666666666666"


def _dienst(i: int) -> str:
    return f"22222222-2222-4222-8222-{i:012d}"


def _pakket(map_, diensten: int = 30, fout_op: int | None = None) -> None:
    """A package that touches every kind of column: own ids, defaults, areas, UTC offsets."""
    map_.mkdir(exist_ok=True)
    bestanden = {
        "taxonomies.csv": f"id,name,description\n{TAXONOMIE},Eigen,Eigen termen\n",
        "taxonomy_terms.csv": (
            f"id,code,name,description,taxonomy_id\n{TERM},koken,Koken,Samen koken,{TAXONOMIE}\n"
        ),
        "organizations.csv": (
            "id,name,description,email,website,year_incorporated,parent_organization_id,"
            "samenspel_sector,samenspel_gemeente\n"
            # The parent comes later in the file, and an own (non-UUID) id.
            f"{ORG},Buurtvereniging,Een vereniging,info@example.org,https://example.org,"
            f"1999,{ORG_HOOFD},informeel,gm0344 \n"
            f"{ORG_HOOFD},Koepel,De koepel,,,,,formeel,GM0344\n"
            "org-eigen,Eigen nummer,Met een eigen id,,,,,,\n"
        ),
        "locations.csv": (
            "id,location_type,name,latitude,longitude,organization_id\n"
            f"{PLEK},physical,Buurthuis,52.1191,5.1151,{ORG}\n"
            f"{PLEK_ZONDER},virtual,Online,,,\n"
        ),
        "addresses.csv": (
            "id,location_id,address_1,city,postal_code,country\n"
            f"55555555-5555-4555-8555-555555555555,{PLEK},Zambesidreef 4,Utrecht,3561 GK,\n"
        ),
    }
    diensten_regels = [
        "id,organization_id,name,status,description,email,url,minimum_age,assured_date,"
        "last_modified,samenspel_gratis,samenspel_inloop,samenspel_zichtbaarheid"
    ]
    koppelingen = ["id,service_id,location_id"]
    tijden = ["id,service_id,opens_at,closes_at,timezone,byday"]
    kenmerken = ["id,link_id,link_entity,taxonomy_term_id,value"]
    telefoons = ["id,service_id,number,extension"]
    for i in range(diensten):
        dienst = _dienst(i)
        if i == 3:
            dienst = dienst.upper()  # the same UUID, written in capitals
        leeftijd = "x" if i == fout_op else ("" if i % 3 else str(i % 90))
        organisatie = "org-eigen" if i % 7 == 0 else ORG
        diensten_regels.append(
            f"{dienst},{organisatie},Activiteit {i},active,Samen iets doen,"
            f"a{i}@example.org,https://example.org/{i},{leeftijd},2024-03-0{1 + i % 9},"
            f"2024-03-01T10:00:0{i % 10}{'Z' if i % 2 else ''},{'ja' if i % 2 else 'false'},"
            f"{'true' if i % 5 else 'nee'},{'openbaar' if i % 4 else 'professionals'}"
        )
        koppelingen.append(f"44444444-4444-4444-8444-{i:012d},{dienst},{PLEK}")
        van, zone = (("09:00-05:00", ""), ("10:00", "1"), ("10:00", ""), ("11:30Z", ""))[i % 4]
        tijden.append(f"88888888-8888-4888-8888-{i:012d},{dienst},{van},12:00,{zone},MO")
        kenmerken.append(f"99999999-9999-4999-8999-{i:012d},{dienst},service,{TERM},")
        telefoons.append(f"aaaaaaaa-aaaa-4aaa-8aaa-{i:012d},{dienst},030 123 45 67,012")
    kenmerken.append(f"99999999-9999-4999-8999-999999999999,{ORG},organization,{TERM},x")
    bestanden["services.csv"] = "\n".join(diensten_regels) + "\n"
    bestanden["service_at_location.csv"] = "\n".join(koppelingen) + "\n"
    bestanden["schedules.csv"] = "\n".join(tijden) + "\n"
    bestanden["attributes.csv"] = "\n".join(kenmerken) + "\n"
    bestanden["phones.csv"] = "\n".join(telefoons) + "\n"
    for naam, inhoud in bestanden.items():
        (map_ / naam).write_text(inhoud, encoding="utf-8")


def _kaart() -> dict:
    """Every record, bron and bron_id included; only what belongs to the run itself is left."""
    per_run = {"bron_import", "aangemaakt", "gewijzigd"}
    uitkomst = {}
    for tabel in t.tabellen().values():
        velden = [f.attname for f in tabel.model._meta.concrete_fields]
        if tabel.model is m.Wijziging:
            per_run_hier = per_run | {"id", "last_action_date"}
        else:
            per_run_hier = per_run
        velden = [v for v in velden if v not in per_run_hier]
        uitkomst[tabel.naam] = sorted(map(repr, tabel.model.objects.values_list(*velden)))
    uitkomst["zoekwijziging"] = sorted(Zoekwijziging.objects.values_list("service_id", flat=True))
    return uitkomst


def _rij_voor_rij(monkeypatch) -> None:
    monkeypatch.setattr(Schrijver, "_verwerk_blok", lambda self, *args: False)


def _met_buurtpolygoon(gebieden) -> None:
    buurt = gebieden["zambesidreef"]
    d = 0.005
    hoeken = [[5.115 + x, 52.119 + y] for x, y in ((-d, -d), (d, -d), (d, d), (-d, d))]
    buurt.geometrie = {"type": "Polygon", "coordinates": [[*hoeken, hoeken[0]]]}
    buurt.save()


def test_groot_pakket_geeft_precies_de_kaart_van_rij_voor_rij(tmp_path, gebieden, monkeypatch):
    _met_buurtpolygoon(gebieden)
    _pakket(tmp_path / "p", diensten=2500)  # three blocks of services
    in_blokken = []
    echt = Schrijver._verwerk_blok

    def verwerk_blok(self, tabel, *args):
        geschreven = echt(self, tabel, *args)
        in_blokken.append((tabel.naam, geschreven))
        return geschreven

    monkeypatch.setattr(Schrijver, "_verwerk_blok", verwerk_blok)
    Zoekwijziging.objects.all().delete()
    snel = importeer_hsds(tmp_path / "p", bron="gemeente")
    # The fast path did the work: every table that was empty went in blocks (the built-in
    # taxonomies were there already).
    assert ("service", True) in in_blokken and ("attribute", True) in in_blokken
    assert all(gelukt for naam, gelukt in in_blokken if not naam.startswith("taxonomy"))
    assert m.Location.objects.get(pk=PLEK).buurt_id == "BU03440301"
    assert m.Organization.objects.get(pk=ORG).gemeente_id == "GM0344"
    kaart = _kaart()

    wis_kaart()
    taxonomieen.laad(m.Taxonomy, m.TaxonomyTerm)
    Zoekwijziging.objects.all().delete()
    _rij_voor_rij(monkeypatch)
    zorgvuldig = importeer_hsds(tmp_path / "p", bron="gemeente")
    assert _kaart() == kaart
    assert snel.samenvatting() == zorgvuldig.samenvatting()
    assert snel.wijzigingen == zorgvuldig.wijzigingen
    assert snel.aantal_wijzigingen == zorgvuldig.aantal_wijzigingen


def test_proef_met_een_groot_pakket_toont_dezelfde_wijzigingen(tmp_path, gebieden, capsys):
    _pakket(tmp_path / "p", diensten=1200)
    cli.main(["importeer", "hsds", str(tmp_path / "p"), "--proef", "--stil"])
    uit = capsys.readouterr().out
    assert "PROEF" in uit and f"+ organization {ORG} Buurtvereniging" in uit
    assert not m.Service.objects.exists() and not Importrun.objects.exists()


def test_fout_midden_in_een_groot_bestand_noemt_regel_en_veld(tmp_path, gebieden, capsys):
    _pakket(tmp_path / "p", diensten=2500, fout_op=1700)
    with pytest.raises(SystemExit) as uitgang:
        cli.main(["importeer", "hsds", str(tmp_path / "p"), "--stil"])
    assert uitgang.value.code == 2
    fout = capsys.readouterr().err
    assert "services.csv, regel 1702, veld minimum_age: 'x' is geen getal" in fout
    # What refers to that service is refused with it, each with its own place.
    assert "service_at_location.csv, regel 1702, veld service_id: verwijst naar service" in fout
    assert not m.Service.objects.exists() and not Importrun.objects.exists()


def test_doorverwijzing_naar_wat_al_op_de_kaart_staat_wordt_gevonden(tmp_path, gebieden):
    _pakket(tmp_path / "p", diensten=5)
    importeer_hsds(tmp_path / "p", bron="gemeente")
    # A second package refers to the organisation and the term the first one brought.
    tweede = tmp_path / "tweede"
    tweede.mkdir()
    dienst = "bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb"
    (tweede / "services.csv").write_text(
        f"id,organization_id,name,status\n{dienst},{ORG},Nieuw,active\n", encoding="utf-8"
    )
    m.Attribute.objects.all().delete()  # an empty table: written in blocks
    (tweede / "attributes.csv").write_text(
        f"id,link_id,link_entity,taxonomy_term_id\n"
        f"cccccccc-cccc-4ccc-8ccc-cccccccccccc,{dienst},service,{TERM}\n",
        encoding="utf-8",
    )
    uitkomst = importeer_hsds(tweede, bron="gemeente")
    assert uitkomst.tellingen["attribute"].nieuw == 1
    assert m.Attribute.objects.get().link_id.hex == dienst.replace("-", "")


def _indexen() -> dict[str, list[str]]:
    with connection.cursor() as cursor:
        return {
            tabel.naam: sorted(
                connection.introspection.get_constraints(cursor, tabel.model._meta.db_table)
            )
            for tabel in t.tabellen().values()
        }


def test_database_houdt_haar_indexen_na_een_grote_import(tmp_path, gebieden, monkeypatch):
    monkeypatch.setattr(schrijven, "INDEXEN_ACHTERAF_VANAF", 1)
    voor = _indexen()
    _pakket(tmp_path / "p", diensten=20)
    importeer_hsds(tmp_path / "p")
    assert _indexen() == voor
    assert m.Service.objects.filter(organization_id=ORG).count() > 0


def test_database_houdt_haar_indexen_als_een_grote_import_mislukt(tmp_path, gebieden, monkeypatch):
    monkeypatch.setattr(schrijven, "INDEXEN_ACHTERAF_VANAF", 1)
    voor = _indexen()
    _pakket(tmp_path / "p", diensten=20, fout_op=12)
    with pytest.raises(SystemExit):
        cli.main(["importeer", "hsds", str(tmp_path / "p"), "--stil"])
    assert _indexen() == voor
    assert not m.Organization.objects.exists()


def test_database_houdt_haar_indexen_als_een_import_na_vijftig_fouten_stopt(
    tmp_path, gebieden, monkeypatch, capsys
):
    monkeypatch.setattr(schrijven, "INDEXEN_ACHTERAF_VANAF", 1)
    voor = _indexen()
    _pakket(tmp_path / "p", diensten=20)
    rijen = "".join(f"{_dienst(i)},{ORG},x,kapot\n" for i in range(80))
    (tmp_path / "p" / "services.csv").write_text("id,organization_id,name,status\n" + rijen)
    with pytest.raises(SystemExit):
        cli.main(["importeer", "hsds", str(tmp_path / "p"), "--stil"])
    assert "50 fout(en)" in capsys.readouterr().err
    assert _indexen() == voor
    assert not m.Organization.objects.exists()


def test_dubbele_koppeling_in_een_groot_bestand_noemt_beide_regels(tmp_path, gebieden, capsys):
    _pakket(tmp_path / "p", diensten=1500)
    koppelingen = tmp_path / "p" / "service_at_location.csv"
    tweede = f"44444444-4444-4444-8444-999999999999,{_dienst(7)},{PLEK}\n"
    koppelingen.write_text(koppelingen.read_text(encoding="utf-8") + tweede, encoding="utf-8")
    with pytest.raises(SystemExit):
        cli.main(["importeer", "hsds", str(tmp_path / "p"), "--stil"])
    fout = capsys.readouterr().err
    assert (
        "service_at_location.csv, regel 1502: service_at_location staat dubbel: zelfde "
        "service_id, location_id als op regel 9"
    ) in fout


def test_term_met_de_code_van_een_opgeslagen_term_wordt_geweigerd(tmp_path, gebieden, capsys):
    _pakket(tmp_path / "p", diensten=2)
    importeer_hsds(tmp_path / "p", bron="a")
    ander = tmp_path / "ander"
    ander.mkdir()
    (ander / "taxonomy_terms.csv").write_text(
        f"id,code,name,description,taxonomy_id\nterm-b,koken,Kookles,Ook koken,{TAXONOMIE}\n",
        encoding="utf-8",
    )
    with pytest.raises(SystemExit):
        cli.main(["importeer", "hsds", str(ander), "--bron", "b", "--stil"])
    fout = capsys.readouterr().err
    assert f"taxonomy_terms.csv, regel 2: er bestaat al een taxonomy_term ({TERM})" in fout
    assert m.TaxonomyTerm.objects.get(pk=TERM).name == "Koken"


def test_opnieuw_importeren_van_een_groot_pakket_verandert_niets(tmp_path, gebieden):
    _pakket(tmp_path / "p", diensten=1500)
    importeer_hsds(tmp_path / "p", bron="gemeente")
    kaart, wijzigingen = _kaart(), m.Wijziging.objects.count()
    uitkomst = importeer_hsds(tmp_path / "p", bron="gemeente")
    assert all(t.nieuw == t.gewijzigd == 0 for t in uitkomst.tellingen.values())
    assert uitkomst.tellingen["attribute"].ongewijzigd == 1501
    assert _kaart() == kaart and m.Wijziging.objects.count() == wijzigingen


def test_wijziging_in_een_groot_pakket_wordt_gevonden(tmp_path, gebieden, monkeypatch):
    _pakket(tmp_path / "p", diensten=1500)
    importeer_hsds(tmp_path / "p", bron="gemeente")
    diensten = tmp_path / "p" / "services.csv"
    tekst = diensten.read_text(encoding="utf-8")
    diensten.write_text(tekst.replace("Activiteit 1234,", "Kookclub,"), encoding="utf-8")
    tijden = tmp_path / "p" / "schedules.csv"
    regels = tijden.read_text(encoding="utf-8").splitlines()
    regels[1201] = regels[1201].replace(",12:00,", ",12:30,")
    tijden.write_text("\n".join(regels) + "\n", encoding="utf-8")
    in_blokken = []
    echt = Schrijver._blok_ongewijzigd

    def ongewijzigd(self, tabel, blok):
        gelijk = echt(self, tabel, blok)
        in_blokken.append((tabel.naam, gelijk))
        return gelijk

    monkeypatch.setattr(Schrijver, "_blok_ongewijzigd", ongewijzigd)
    uitkomst = importeer_hsds(tmp_path / "p", bron="gemeente")
    # The unchanged blocks were only compared, the two with a change went row by row.
    assert in_blokken.count(("service", True)) == 1 and ("service", False) in in_blokken
    assert (uitkomst.tellingen["service"].gewijzigd, uitkomst.tellingen["schedule"].gewijzigd) == (
        1,
        1,
    )
    assert uitkomst.tellingen["service"].ongewijzigd == 1499
    regel = m.Wijziging.objects.get(field_name="name")
    assert (regel.previous_value, regel.replacement_value) == ("Activiteit 1234", "Kookclub")
    assert str(m.Schedule.objects.get(pk=f"88888888-8888-4888-8888-{1200:012d}").closes_at) == (
        "12:30:00"
    )
