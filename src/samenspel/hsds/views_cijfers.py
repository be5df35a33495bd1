"""The analyst's upload of CBS or RIVM area figures for their own gemeente.

The same import as ``samenspel importeer cijfers FILE --bron … --jaar …``
(`importeren.gebieden.importeer_gebieden`), kept to the gemeente's own areas, so an analyst
can take the national file as published. Either everything is written or nothing: a refused
file names the line and the column, as on the command line. Who may upload is the
wijkscan's rule (`wijkscan.toegang.werkt_aan`).
"""

import tempfile
from pathlib import Path

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samenspel.areas.models import Gebied
from samenspel.core.forms import Formulier
from samenspel.hsds.importeren.fouten import ImportFout
from samenspel.hsds.importeren.gebieden import importeer_gebieden
from samenspel.wijkscan import toegang

# A national CBS file of all 14,500 buurten is about 10 MB; more is not a figures file.
GROOTSTE_BESTAND = 30 * 1024 * 1024


class CijferFormulier(Formulier):
    bestand = forms.FileField(
        label=_("Bestand (.csv)"),
        help_text=_("Zoals CBS of RIVM het publiceert, met de CBS-code in een kolom."),
    )
    bron = forms.ChoiceField(
        label=_("Bron"),
        choices=[
            ("cbs", _("CBS Kerncijfers wijken en buurten")),
            ("rivm", _("RIVM Gezondheidsmonitor")),
        ],
        widget=forms.RadioSelect,
    )
    jaar = forms.IntegerField(label=_("Jaar van de cijfers"), min_value=1900, max_value=2100)

    def clean_bestand(self):
        bestand = self.cleaned_data["bestand"]
        if not bestand.name.lower().endswith(".csv"):
            raise forms.ValidationError(_("Kies een .csv-bestand."))
        if bestand.size > GROOTSTE_BESTAND:
            raise forms.ValidationError(_("Het bestand is groter dan 30 MB."))
        return bestand


@login_required
def uploaden(request, code: str):
    gemeente = get_object_or_404(Gebied.objects.gemeenten(), code=code.upper())
    if not toegang.werkt_aan(request.user, gemeente.code):
        raise PermissionDenied
    uitkomst = fouten = None
    formulier = CijferFormulier(request.POST or None, request.FILES or None)
    if request.method == "POST" and formulier.is_valid():
        gegevens = formulier.cleaned_data
        naam = Path(gegevens["bestand"].name).name
        with tempfile.TemporaryDirectory() as map_:
            pad = Path(map_) / naam
            with pad.open("wb") as uit:
                for stuk in gegevens["bestand"].chunks():
                    uit.write(stuk)
            try:
                uitkomst = importeer_gebieden(
                    pad, bron=gegevens["bron"], jaar=gegevens["jaar"], binnen=gemeente
                )
            except ImportFout as fout:
                fouten = fout.fouten
        if uitkomst is not None:
            formulier = CijferFormulier()
    return render(
        request,
        "hsds/cijfers_uploaden.html",
        {
            "gemeente": gemeente,
            "formulier": formulier,
            "uitkomst": uitkomst,
            "gewijzigd": uitkomst.tellingen["gebied"].gewijzigd if uitkomst else 0,
            "fouten": fouten,
            "wijken": Gebied.objects.wijken().filter(ouder=gemeente).order_by("naam"),
            "vorig_jaar": timezone.localdate().year - 1,
        },
    )
