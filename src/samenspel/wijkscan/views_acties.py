"""The gap list and the action list of a gemeente: for its netwerkhouders and analysts only.

Gaps come from `wijkscan.gaten`; every change to an action is a function in
`wijkscan.actions`. There is no delete: "vervallen" is an action's end state.
"""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from samenspel.areas.models import Gebied
from samenspel.directory.models import TaxonomyTerm

from . import actions
from .forms_acties import ActieFormulier, ActiesFilter, GatenFilter, StatusFormulier
from .gaten import gaten as alle_gaten
from .gaten import soortnaam
from .models import Actie, Actiestatus
from .models.acties import LOPEND
from .views import gemeente_voor_werk

GATEN_PER_PAGINA = 50
ACTIES_PER_PAGINA = 25


def _lopende_acties(gemeente) -> dict[tuple[str, str, str], Actie]:
    """(gebied, bouwsteen, soort gat) -> the newest open or ongoing action for that gap."""
    uitkomst: dict = {}
    for actie in Actie.objects.filter(gemeente=gemeente, status__in=LOPEND).order_by(
        "aangemaakt", "id"
    ):
        uitkomst[(actie.gebied_id, actie.bouwsteen.code, actie.gat_soort)] = actie
    return uitkomst


@login_required
def gaten(request, code: str):
    gemeente = gemeente_voor_werk(request, code)
    wijken = list(Gebied.objects.wijken().filter(ouder=gemeente).order_by("naam"))
    bouwstenen = list(TaxonomyTerm.objects.bouwstenen())
    filter_ = GatenFilter(request.GET or None, wijken=wijken, bouwstenen=bouwstenen)
    keuze = filter_.cleaned_data if filter_.is_valid() else {}
    lijst = alle_gaten(gemeente, request.user)
    if keuze.get("wijk"):
        wijk = keuze["wijk"]
        lijst = [g for g in lijst if wijk in (g.gebied.code, g.gebied.ouder_id)]
    if keuze.get("bouwsteen"):
        lijst = [g for g in lijst if g.bouwsteen.code == keuze["bouwsteen"]]
    lopend = _lopende_acties(gemeente)
    rijen = [
        {
            "gat": gat,
            "actie": lopend.get(gat.sleutel),
            "nieuw": reverse("wijkscan:actie_nieuw", args=[gemeente.code])
            + "?"
            + urlencode(
                {
                    "gebied": gat.gebied.code,
                    "bouwsteen": gat.bouwsteen.code,
                    "gat_soort": gat.soort,
                    "gat_uitleg": gat.uitleg,
                }
            ),
        }
        for gat in lijst
    ]
    pagina = Paginator(rijen, GATEN_PER_PAGINA).get_page(request.GET.get("pagina"))
    querystring = urlencode({k: v for k, v in keuze.items() if v})
    return render(
        request,
        "wijkscan/acties_gaten.html",
        {
            "gemeente": gemeente,
            "filter": filter_,
            "pagina": pagina,
            "aantal": len(rijen),
            "querystring": querystring,
        },
    )


@login_required
def lijst(request, code: str):
    gemeente = gemeente_voor_werk(request, code)
    filter_ = ActiesFilter(request.GET or None)
    keuze = filter_.cleaned_data if filter_.is_valid() else {}
    acties = Actie.objects.filter(gemeente=gemeente).select_related(
        "gebied", "bouwsteen", "eigenaar"
    )
    status = keuze.get("status") or ""
    if status == "":
        acties = acties.filter(status__in=LOPEND)
    elif status != "alle":
        acties = acties.filter(status=status)
    if keuze.get("volgorde") == "datum":
        acties = acties.order_by("streefdatum", "id")
    else:
        acties = acties.order_by("-aangemaakt", "-id")
    pagina = Paginator(acties, ACTIES_PER_PAGINA).get_page(request.GET.get("pagina"))
    return render(
        request,
        "wijkscan/acties_lijst.html",
        {
            "gemeente": gemeente,
            "filter": filter_,
            "pagina": pagina,
            "querystring": urlencode({k: v for k, v in keuze.items() if v}),
            "afdruk": request.GET.get("afdruk") == "1",
        },
    )


@login_required
def nieuw(request, code: str):
    gemeente = gemeente_voor_werk(request, code)
    if request.method == "POST":
        form = ActieFormulier(request.POST, gemeente=gemeente)
        if form.is_valid():
            actie = actions.maak_actie(gemeente, form.cleaned_data, request.user)
            messages.success(request, _("De actie staat op de actielijst."))
            return redirect("wijkscan:actie", gemeente.code, actie.pk)
    else:
        beginwaarden = {
            veld: request.GET.get(veld, "")
            for veld in ("gebied", "bouwsteen", "gat_soort", "gat_uitleg")
        }
        form = ActieFormulier(initial=beginwaarden, gemeente=gemeente)
    gat_soort = form["gat_soort"].value() or ""
    return render(
        request,
        "wijkscan/acties_formulier.html",
        {
            "gemeente": gemeente,
            "form": form,
            "nieuw": True,
            "gat_soort": soortnaam(gat_soort) if gat_soort else "",
            "gat_uitleg": form["gat_uitleg"].value() or "",
        },
    )


def _actie_of_404(gemeente, pk: int) -> Actie:
    return get_object_or_404(
        Actie.objects.select_related("gebied", "bouwsteen", "eigenaar"), gemeente=gemeente, pk=pk
    )


@login_required
def actie(request, code: str, pk: int):
    gemeente = gemeente_voor_werk(request, code)
    gevonden = _actie_of_404(gemeente, pk)
    form = StatusFormulier(initial={"status": gevonden.status})
    if request.method == "POST":
        form = StatusFormulier(request.POST)
        if gevonden.is_vervallen:
            messages.error(request, _("Deze actie is vervallen: de status blijft zo."))
            return redirect("wijkscan:actie", gemeente.code, gevonden.pk)
        if form.is_valid():
            actions.zet_actiestatus(gevonden, form.cleaned_data["status"], request.user)
            messages.success(request, _("De status is veranderd."))
            return redirect("wijkscan:actie", gemeente.code, gevonden.pk)
    return render(
        request,
        "wijkscan/acties_actie.html",
        {
            "gemeente": gemeente,
            "actie": gevonden,
            "form": form,
            "geschiedenis": _geschiedenis_in_woorden(gevonden),
            "gat_soort": soortnaam(gevonden.gat_soort) if gevonden.gat_soort else "",
        },
    )


@login_required
def bewerken(request, code: str, pk: int):
    gemeente = gemeente_voor_werk(request, code)
    gevonden = _actie_of_404(gemeente, pk)
    if gevonden.is_vervallen:
        raise Http404
    beginwaarden = {
        "wat": gevonden.wat,
        "gebied": gevonden.gebied_id,
        "bouwsteen": gevonden.bouwsteen.code,
        "eigenaar": str(gevonden.eigenaar_id or ""),
        "streefdatum": gevonden.streefdatum,
    }
    if request.method == "POST":
        form = ActieFormulier(request.POST, gemeente=gemeente, nieuw=False)
        if form.is_valid():
            if actions.bewerk_actie(gevonden, form.cleaned_data, request.user):
                messages.success(request, _("De actie is bijgewerkt."))
            return redirect("wijkscan:actie", gemeente.code, gevonden.pk)
    else:
        form = ActieFormulier(initial=beginwaarden, gemeente=gemeente, nieuw=False)
    return render(
        request,
        "wijkscan/acties_formulier.html",
        {"gemeente": gemeente, "form": form, "nieuw": False, "actie": gevonden},
    )


VELDNAMEN = {
    "gebied": _("wijk of buurt"),
    "bouwsteen": _("bouwsteen"),
    "wat": _("wat"),
    "eigenaar": _("eigenaar"),
    "streefdatum": _("streefdatum"),
}


def _geschiedenis_in_woorden(actie) -> list[dict]:
    """Each log row of the action as a date and a sentence; never who did it."""
    statussen = dict(Actiestatus.choices)
    namen: dict = {}
    regels = []
    for rij in actions.geschiedenis(actie):
        wat = rij.wat
        if rij.soort == "actie_nieuw":
            tekst = _("Actie gemaakt, status %(status)s.") % {
                "status": statussen.get(wat.get("status"), wat.get("status"))
            }
        elif rij.soort == "actie_status":
            tekst = _("Status van %(van)s naar %(naar)s.") % {
                "van": statussen.get(wat.get("van"), wat.get("van")),
                "naar": statussen.get(wat.get("naar"), wat.get("naar")),
            }
        else:
            if not namen:
                namen = _namen(actie.gemeente)
            delen = [
                _("%(veld)s van “%(oud)s” naar “%(nieuw)s”")
                % {
                    "veld": VELDNAMEN.get(veld, veld),
                    "oud": namen.get((veld, oud), oud),
                    "nieuw": namen.get((veld, nieuw), nieuw),
                }
                for veld, (oud, nieuw) in (wat.get("velden") or {}).items()
            ]
            tekst = _("Bewerkt: %(wat)s.") % {"wat": "; ".join(delen)}
        regels.append({"wanneer": rij.wanneer, "tekst": tekst})
    return regels


def _namen(gemeente) -> dict:
    """(field, code) -> the name to show, for the areas and bouwstenen in the log."""
    gebieden = Gebied.objects.filter(Q(ouder=gemeente) | Q(ouder__ouder=gemeente))
    namen = {("gebied", c): n for c, n in gebieden.values_list("code", "naam")}
    for term in TaxonomyTerm.objects.bouwstenen():
        namen[("bouwsteen", term.code)] = _(term.name)
    return namen


def etmaal(request, code: str):
    """24-uurszorg per wijk and buurt: evening, night, weekend; bereikbaar and beschikbaar."""
    from .etmaal import etmaal as bereken
    from .views import gemeente_voor_matrix

    gemeente = gemeente_voor_matrix(request, code)
    overzicht = bereken(gemeente, request.user)
    banden = [
        ("avond", _("Avond (18–23 uur)")),
        ("nacht", _("Nacht (23–7 uur)")),
        ("weekend", _("Weekend (za en zo)")),
    ]
    gebieden = []
    for gebied in overzicht.gebieden:
        vak = overzicht.vak(gebied)
        gebieden.append(
            {
                "gebied": gebied,
                "vak": vak,
                "rijen": [
                    (naam, vak.bereikbaar.tekst(band), vak.beschikbaar.tekst(band))
                    for band, naam in banden
                ],
            }
        )
    return render(
        request,
        "wijkscan/acties_etmaal.html",
        {"gemeente": gemeente, "gebieden": gebieden},
    )
