"""The empty spreadsheet a municipality fills in for `samenspel importeer tabel`."""

import csv
import io

from django.utils import translation
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from samenspel.core.spreadsheet import veilige_rij
from samenspel.directory import toegankelijkheid
from samenspel.directory.models import TaxonomyTerm
from samenspel.hsds.importeren.gemeenteblad_kolommen import SJABLOON

KOLOMMEN = [k for k in SJABLOON if k.in_sjabloon]
EXTRA = [k for k in SJABLOON if not k.in_sjabloon]


def _kop(kolom) -> str:
    return f"{kolom.kop} (verplicht)" if kolom.verplicht else kolom.kop


def xlsx() -> bytes:
    boek = Workbook()
    blad = boek.active
    blad.title = "Aanbod"
    blad.append([_kop(k) for k in KOLOMMEN])
    for i, kolom in enumerate(KOLOMMEN, start=1):
        blad.cell(row=1, column=i).font = Font(bold=True)
        blad.column_dimensions[get_column_letter(i)].width = max(14, len(_kop(kolom)) + 4)
    blad.freeze_panes = "A2"
    sector = KOLOMMEN.index(next(k for k in KOLOMMEN if k.sleutel == "sector")) + 1
    keuze = DataValidation(type="list", formula1='"formeel,informeel,hybride"', allow_blank=True)
    blad.add_data_validation(keuze)
    keuze.add(f"{get_column_letter(sector)}2:{get_column_letter(sector)}5000")

    uitleg = boek.create_sheet("Uitleg")
    uitleg.append(["Kolom", "Wat vul je in", "Voorbeeld"])
    for kolom in KOLOMMEN + EXTRA:
        # The file is Dutch, like its column names, whatever the language of the page.
        with translation.override("nl"):
            uitleg.append([_kop(kolom), str(kolom.uitleg), kolom.voorbeeld])
    # Term names come from the taxonomy, which an import may fill: never a formula.
    uitleg.append([])
    uitleg.append(["Bouwstenen (code)", "Naam"])
    for term in TaxonomyTerm.objects.bouwstenen():
        uitleg.append(veilige_rij([term.code, term.name]))
    uitleg.append([])
    uitleg.append(["Doelgroepen (code)", "Naam"])
    for term in TaxonomyTerm.objects.doelgroepen():
        uitleg.append(veilige_rij([term.code, term.name]))
    uitleg.append([])
    uitleg.append(["Toegankelijkheid (code)", "Naam"])
    for voorziening in toegankelijkheid.VOORZIENINGEN:
        uitleg.append(veilige_rij([voorziening.code, voorziening.tekst]))
    for rij in uitleg.iter_rows(min_row=1, max_row=1):
        for cel in rij:
            cel.font = Font(bold=True)
    for letter, breedte in (("A", 24), ("B", 80), ("C", 40)):
        uitleg.column_dimensions[letter].width = breedte

    uitvoer = io.BytesIO()
    boek.save(uitvoer)
    return uitvoer.getvalue()


def csv_tekst() -> str:
    """The header line, ';'-separated with a BOM: what Dutch Excel opens as columns and UTF-8."""
    uitvoer = io.StringIO()
    csv.writer(uitvoer, delimiter=";", lineterminator="\r\n").writerow([_kop(k) for k in KOLOMMEN])
    return "\ufeff" + uitvoer.getvalue()
