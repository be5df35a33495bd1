"""The pages behind a person's own link for their AVG rights: the download and the erasure.

The apps' views find the person from the link and call these; what goes into the file and
what erasure reaches is in ``rechten``.
"""

import json

from django.http import HttpResponse
from django.shortcuts import render

from samenspel.privacy import rechten

BESTANDSNAAM = "mijn-gegevens-samenspel.json"


def download(soort: str, wie) -> HttpResponse:
    antwoord = HttpResponse(
        json.dumps(rechten.inzage(soort, wie), ensure_ascii=False, indent=2, default=str),
        content_type="application/json; charset=utf-8",
    )
    antwoord["Content-Disposition"] = f'attachment; filename="{BESTANDSNAAM}"'
    return antwoord


def wissen(request, soort: str, wie, *, terug: str | None, blijft: str = "") -> HttpResponse:
    """GET: what erasure will reach, and a button. POST: erase it in every app."""
    context = {"terug": terug, "blijft": blijft, "gewist": None}
    if request.method == "POST":
        gewist = rechten.wis_alles(soort, wie)
        context["gewist"] = rechten.bevestiging(gewist)
    else:
        context["regels"] = rechten.overzicht(soort, wie)
    return render(request, "privacy/rechten_wissen.html", context)
