"""Pages for exchanging data: the export download for beheerders and the spreadsheet template.

Views only orchestrate: the package comes from `exporteren`, the template from
`gemeenteblad_sjabloon`.
"""

import tempfile

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from samenspel.accounts.models import Rol
from samenspel.hsds import exporteren, gemeenteblad_sjabloon
from samenspel.hsds.importeren.gemeenteblad_kolommen import SJABLOON

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Beyond this size the export spills from memory to a temporary file on disk.
IN_GEHEUGEN = 20 * 1024 * 1024


def _is_beheerder(gebruiker) -> bool:
    return gebruiker.is_authenticated and gebruiker.rol == Rol.BEHEERDER


def uitwisselen(request):
    return render(
        request,
        "hsds/uitwisselen.html",
        {"kolommen": SJABLOON, "beheerder": _is_beheerder(request.user)},
    )


@login_required
def export_zip(request):
    """The whole kaart as an HSDS data package; `?openbaar=1` gives only the public part."""
    if not _is_beheerder(request.user):
        raise PermissionDenied
    openbaar = request.GET.get("openbaar") == "1"
    bestand = tempfile.SpooledTemporaryFile(max_size=IN_GEHEUGEN)
    exporteren.exporteer_zip(bestand, openbaar=openbaar)
    bestand.seek(0)
    naam = f"samenspel-hsds{'-open' if openbaar else ''}-{timezone.localdate():%Y-%m-%d}.zip"
    return FileResponse(bestand, as_attachment=True, filename=naam, content_type="application/zip")


def sjabloon_xlsx(request):
    antwoord = HttpResponse(gemeenteblad_sjabloon.xlsx(), content_type=XLSX)
    antwoord["Content-Disposition"] = 'attachment; filename="samenspel-sjabloon.xlsx"'
    return antwoord


def sjabloon_csv(request):
    antwoord = HttpResponse(
        gemeenteblad_sjabloon.csv_tekst(), content_type="text/csv; charset=utf-8"
    )
    antwoord["Content-Disposition"] = 'attachment; filename="samenspel-sjabloon.csv"'
    return antwoord
