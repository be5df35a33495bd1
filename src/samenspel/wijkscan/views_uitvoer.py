"""The wijkscan's output: the matrix, its map, two wijken side by side, the trend, print and
downloads. Who sees them is `toegang.ziet_matrix` (via `views.gemeente_voor_matrix`); the one
button, recording today's numbers, is for those who work on the scan."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from samenspel.areas.models import Gebied
from samenspel.core.forms import Formulier
from samenspel.directory.models import BOUWSTENEN, Attribute, Service, TaxonomyTerm
from samenspel.wijkscan import actions, export, toegang
from samenspel.wijkscan.matrix import NIVEAU_UITLEG, NIVEAUS, VEEL_VANAF
from samenspel.wijkscan.matrix import matrix as maak_matrix
from samenspel.wijkscan.models import Stand
from samenspel.wijkscan.views import gemeente_voor_matrix, gemeente_voor_werk

DATUMS_PER_PAGINA = 30
# Where the figures come from, said on the matrix, the print view and the downloads.
BRON = gettext_lazy(
    "Aanbod: de sociale kaart van Samenspel, zoals jij die mag zien. Inwoners: de "
    "gebiedscijfers (CBS). Verwijzingen: alleen vanaf 3 verwijzingen."
)


def _legenda():
    return [{"niveau": n, "uitleg": NIVEAU_UITLEG[n]} for n in NIVEAUS]


def _basis(request, gemeente, **meer):
    return {
        "gemeente": gemeente,
        "werkt_aan": toegang.werkt_aan(request.user, gemeente.code),
        "legenda": _legenda(),
        "veel_vanaf": VEEL_VANAF,
        "bron": BRON,
        **meer,
    }


def _wijk_van(gemeente, code: str) -> Gebied:
    return get_object_or_404(Gebied.objects.wijken(), code=code.upper(), ouder=gemeente)


def matrix(request, code: str, wijk: str | None = None):
    gemeente = gemeente_voor_matrix(request, code)
    gekozen = None if wijk is None else _wijk_van(gemeente, wijk)
    scan = maak_matrix(gemeente, request.user, wijk=gekozen and gekozen.code)
    return render(
        request, "wijkscan/uitvoer_matrix.html", _basis(request, gemeente, scan=scan, wijk=gekozen)
    )


def afdruk(request, code: str):
    gemeente = gemeente_voor_matrix(request, code)
    scan = maak_matrix(gemeente, request.user)
    return render(request, "wijkscan/uitvoer_afdruk.html", _basis(request, gemeente, scan=scan))


def _bestandsnaam(gemeente, extensie: str) -> str:
    return f"wijkscan-{gemeente.code}-{timezone.localdate():%Y-%m-%d}.{extensie}"


def download_csv(request, code: str):
    gemeente = gemeente_voor_matrix(request, code)
    antwoord = HttpResponse(
        export.als_csv(maak_matrix(gemeente, request.user)), content_type="text/csv; charset=utf-8"
    )
    antwoord["Content-Disposition"] = f'attachment; filename="{_bestandsnaam(gemeente, "csv")}"'
    return antwoord


def download_xlsx(request, code: str):
    gemeente = gemeente_voor_matrix(request, code)
    antwoord = HttpResponse(
        export.als_xlsx(maak_matrix(gemeente, request.user)),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    antwoord["Content-Disposition"] = f'attachment; filename="{_bestandsnaam(gemeente, "xlsx")}"'
    return antwoord


class BouwsteenKeuze(Formulier):
    bouwsteen = forms.ChoiceField(label=gettext_lazy("Bouwsteen"))

    def __init__(self, *args, bouwstenen, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["bouwsteen"].choices = [(t.code, _(t.name)) for t in bouwstenen]


def kaart(request, code: str):
    """The buurten coloured by the supply of one bouwsteen, and its listings as dots."""
    gemeente = gemeente_voor_matrix(request, code)
    scan = maak_matrix(gemeente, request.user)
    keuze = BouwsteenKeuze(request.GET or None, bouwstenen=scan.bouwstenen)
    bouwsteen = scan.bouwstenen[0].code if scan.bouwstenen else None
    if keuze.is_bound and keuze.is_valid():
        bouwsteen = keuze.cleaned_data["bouwsteen"]
    naam = next((_(t.name) for t in scan.bouwstenen if t.code == bouwsteen), "")
    buurten = []
    vlakken = []
    omtrek = dict(
        Gebied.objects.filter(
            code__in=[r.gebied.code for g in scan.groepen for r in g.buurten],
            geometrie__isnull=False,
        ).values_list("code", "geometrie")
    )
    for groep in scan.groepen:
        for rij in groep.buurten:
            cel = next(c for c in rij.cellen if c.bouwsteen == bouwsteen)
            buurten.append({"rij": rij, "wijk": groep.wijk.gebied, "cel": cel})
            if omtrek.get(rij.gebied.code):
                vlakken.append(
                    {
                        "type": "Feature",
                        "geometry": omtrek[rij.gebied.code],
                        "properties": {
                            "naam": rij.gebied.naam,
                            "niveau": cel.niveau,
                            "tekst": cel.tekst,
                        },
                    }
                )
    codes = [b["rij"].gebied.code for b in buurten]
    punten = []
    if bouwsteen and codes:
        plaatsen = (
            Service.objects.met_plaats_voor(request.user)
            .filter(
                service_at_locations__location__buurt__in=codes,
                service_at_locations__location__latitude__isnull=False,
                service_at_locations__location__longitude__isnull=False,
            )
            .filter(
                pk__in=_met_bouwsteen(bouwsteen),
            )
            .values_list(
                "pk",
                "name",
                "service_at_locations__location__latitude",
                "service_at_locations__location__longitude",
                "service_at_locations__location__buurt",
            )
            .distinct()
        )
        for pk, titel, lat, lon, buurt in plaatsen:
            # The filters and the values each join the places; keep the rows of this gemeente's
            # buurten with a point on the map.
            if buurt in codes and lat is not None and lon is not None:
                punten.append(
                    {
                        "naam": titel,
                        "lat": lat,
                        "lon": lon,
                        "url": reverse("directory:service", args=[pk]),
                    }
                )
    return render(
        request,
        "wijkscan/uitvoer_kaart.html",
        _basis(
            request,
            gemeente,
            keuze=keuze,
            bouwsteen=naam,
            buurten=buurten,
            kaartdata={
                "vlakken": {"type": "FeatureCollection", "features": vlakken},
                "punten": punten,
            },
        ),
    )


def _met_bouwsteen(code: str):
    return Attribute.objects.filter(
        link_entity="service",
        taxonomy_term__taxonomy__name=BOUWSTENEN,
        taxonomy_term__code=code,
    ).values("link_id")


class WijkenVergelijken(Formulier):
    wijk_a = forms.ChoiceField(label=gettext_lazy("Eerste wijk"))
    wijk_b = forms.ChoiceField(label=gettext_lazy("Tweede wijk"))

    def __init__(self, *args, wijken, **kwargs):
        super().__init__(*args, **kwargs)
        keuzes = [("", _("Kies een wijk"))] + [(w.code, w.naam) for w in wijken]
        for naam in ("wijk_a", "wijk_b"):
            self.fields[naam].choices = keuzes
            self.fields[naam].error_messages["required"] = (
                _("Kies de eerste wijk.") if naam == "wijk_a" else _("Kies de tweede wijk.")
            )
            self.fields[naam].error_messages["invalid_choice"] = _(
                "Deze wijk hoort niet bij deze gemeente. Kies een wijk uit de lijst."
            )

    def clean(self):
        data = super().clean()
        if data.get("wijk_a") and data.get("wijk_a") == data.get("wijk_b"):
            self.add_error("wijk_b", _("Kies bij de tweede wijk een andere wijk dan de eerste."))
        return data


def vergelijk(request, code: str):
    gemeente = gemeente_voor_matrix(request, code)
    wijken = list(Gebied.objects.wijken().filter(ouder=gemeente).order_by("naam"))
    formulier = WijkenVergelijken(request.GET or None, wijken=wijken)
    regels = []
    gekozen = []
    if formulier.is_bound and formulier.is_valid():
        scan = maak_matrix(gemeente, request.user)
        per_wijk = {g.wijk.gebied.code: g.wijk for g in scan.groepen}
        gekozen = [per_wijk[formulier.cleaned_data[n]] for n in ("wijk_a", "wijk_b")]
        for i, term in enumerate(scan.bouwstenen):
            regels.append({"bouwsteen": term, "cellen": [rij.cellen[i] for rij in gekozen]})
    return render(
        request,
        "wijkscan/uitvoer_vergelijk.html",
        _basis(
            request, gemeente, formulier=formulier, wijken=wijken, gekozen=gekozen, regels=regels
        ),
    )


def trend(request, code: str, gebied: str):
    """The recorded numbers of one area per date, per bouwsteen."""
    gemeente = gemeente_voor_matrix(request, code)
    gebied = get_object_or_404(Gebied, code=gebied.upper())
    if gebied.code != gemeente.code and gebied.gemeente.code != gemeente.code:
        raise Http404
    standen = Stand.objects.filter(gebied=gebied)
    datums = list(standen.order_by("-datum").values_list("datum", flat=True).distinct())
    pagina = Paginator(datums, DATUMS_PER_PAGINA).get_page(request.GET.get("pagina"))
    op_pagina = sorted(pagina.object_list)
    per_term: dict = {}
    for stand in standen.filter(datum__in=op_pagina).order_by("datum"):
        per_term.setdefault(stand.bouwsteen, []).append(stand)
    blokken = []
    for term in TaxonomyTerm.objects.bouwstenen():
        rijen = per_term.get(term.code, [])
        blokken.append({"bouwsteen": term, "rijen": rijen, "lijn": _lijn(rijen)})
    return render(
        request,
        "wijkscan/uitvoer_trend.html",
        _basis(request, gemeente, gebied=gebied, blokken=blokken, pagina=pagina),
    )


def _lijn(rijen, breedte=300, hoogte=60) -> dict | None:
    """Points of a simple SVG line of the number of listings, when there are two dates or more."""
    if len(rijen) < 2:
        return None
    hoogste = max(r.aantal for r in rijen) or 1
    stap = breedte / (len(rijen) - 1)
    punten = " ".join(
        f"{i * stap:.1f},{hoogte - 4 - (hoogte - 8) * r.aantal / hoogste:.1f}"
        for i, r in enumerate(rijen)
    )
    return {"punten": punten, "breedte": breedte, "hoogte": hoogte, "hoogste": hoogste}


@login_required
@require_POST
def stand_vastleggen(request, code: str):
    gemeente = gemeente_voor_werk(request, code)
    rijen = actions.leg_stand_vast(gemeente, request.user)
    messages.success(
        request,
        _("De stand van vandaag is vastgelegd (%(n)s cellen).") % {"n": rijen},
    )
    return redirect("wijkscan:matrix", gemeente.code)
