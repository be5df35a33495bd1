"""The matrix as a spreadsheet: one row per area × bouwsteen, as CSV or xlsx.

The header row is in the user's language. Area and bouwsteen names come from imports and the
taxonomy, so every cell passes through `core.spreadsheet.veilig` (OWASP "CSV injection").
"""

import csv
import io

from django.utils.translation import gettext as _

from samenspel.core.spreadsheet import veilig, veilige_rij
from samenspel.wijkscan.matrix import Matrix


def kop() -> list[str]:
    return [
        _("CBS-code"),
        _("Gebied"),
        _("Niveau"),
        _("Wijk"),
        _("Bouwsteen"),
        _("Aanbod"),
        _("Per 1.000 inwoners"),
        _("Op loopafstand"),
        _("Op fietsafstand"),
        _("Actueel (%)"),
        _("Formeel"),
        _("Informeel"),
        _("Formeel en informeel"),
        _("Sector onbekend"),
        _("Verwijzingen aangenomen (%)"),
        _("Reageert meestal binnen (dagen)"),
        _("Signaal"),
        _("Oordeel"),
        _("In woorden"),
    ]


def rijen(scan: Matrix) -> list[list]:
    namen = {t.code: _(t.name) for t in scan.bouwstenen}
    wijk_van = {b.gebied.code: g.wijk.gebied.naam for g in scan.groepen for b in g.buurten}
    uitkomst = []
    for rij in scan.rijen():
        gebied = rij.gebied
        wijk = wijk_van.get(gebied.code, "")
        for cel in rij.cellen:
            uitkomst.append(
                [
                    gebied.code,
                    gebied.naam,
                    gebied.get_niveau_display(),
                    wijk,
                    namen.get(cel.bouwsteen, cel.bouwsteen),
                    cel.aantal,
                    None if cel.per_1000_inwoners is None else round(cel.per_1000_inwoners, 2),
                    cel.lopen,
                    cel.fietsen,
                    None if cel.aandeel_vers is None else round(100 * cel.aandeel_vers),
                    cel.formeel,
                    cel.informeel,
                    cel.hybride,
                    cel.sector_onbekend,
                    cel.aangenomen_procent,
                    cel.reageert_binnen_dagen,
                    cel.vlag_tekst,
                    cel.oordeel_tekst,
                    cel.tekst,
                ]
            )
    return uitkomst


def als_csv(scan: Matrix) -> str:
    uit = io.StringIO()
    schrijver = csv.writer(uit, delimiter=";")
    schrijver.writerow(veilige_rij(kop()))
    for rij in rijen(scan):
        schrijver.writerow(["" if w is None else veilig(w) for w in rij])
    # A byte-order mark, so spreadsheet programs read the text as UTF-8.
    return "\ufeff" + uit.getvalue()


def als_xlsx(scan: Matrix) -> bytes:
    from openpyxl import Workbook

    boek = Workbook()
    blad = boek.active
    blad.title = _("Matrix")[:31]
    blad.append(veilige_rij(kop()))
    for rij in rijen(scan):
        blad.append(veilige_rij(rij))
    # Text cells never become formulas: openpyxl would store "=…" as a formula otherwise.
    for regel in blad.iter_rows():
        for vak in regel:
            if isinstance(vak.value, str):
                vak.data_type = "s"
    blad.freeze_panes = "A2"
    uit = io.BytesIO()
    boek.save(uit)
    return uit.getvalue()
