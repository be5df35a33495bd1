"""The meldroute pages: two questions, then the route for that cell of the matrix at once.

The public pages store nothing: no row, no session value (issue 13, item 1). The answers
travel in the address only. The beheerder's pages set a gemeente's own routes.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samenspel.areas.models import Gebied
from samenspel.directory.models import BOUWSTENEN, Attribute, Service

from . import actions, ingangen, meldroute, routering, toegang, zorglinks
from .forms_meldroute import RouteFormulier, VraagFormulier
from .models import RegionaleRoute

ROUTES_PER_PAGINA = 25
ZELFREGIE_AANTAL = 4
# Seed 003 l.2058–2145: a WRAP group, a signaleringsplan, a crisis or hulpkaart.
ZELFREGIE_WOORDEN = ("WRAP", "crisiskaart", "hulpkaart", "signaleringsplan", "zelfregie", "herstel")
# No bouwsteen is called "herstel en zelfregie"; WRAP groups are led by trained
# ervaringsdeskundigen (seed 003 l.2098–2101), so that bouwsteen fills up the list.
ZELFREGIE_BOUWSTEEN = "ervaringsdeskundigheid"


def _gemeente(code: str) -> Gebied:
    return get_object_or_404(Gebied.objects.gemeenten(), code=code.upper())


def start(request):
    """ "Ik maak me zorgen": a GET form, so nothing is posted or kept."""
    form = VraagFormulier(request.GET or None)
    if form.is_valid():
        return redirect(
            "signals:route",
            form.cleaned_data["gemeente"].code,
            form.cleaned_data["wie"],
            form.cleaned_data["urgentie"],
        )
    return render(request, "signals/meldroute_start.html", {"form": form})


def _zelfregie(request, gemeente: Gebied) -> list[Service]:
    """A few live listings in the gemeente that help a person keep control themselves."""
    hier = Service.objects.zichtbaar_voor(request.user).filter(
        Q(organization__gemeente=gemeente)
        | Q(service_at_locations__location__buurt__ouder__ouder=gemeente)
    )
    woorden = Q()
    for woord in ZELFREGIE_WOORDEN:
        woorden |= Q(name__icontains=woord) | Q(description__icontains=woord)
    gevonden = list(hier.filter(woorden).distinct().order_by("name")[:ZELFREGIE_AANTAL])
    if len(gevonden) < ZELFREGIE_AANTAL:
        met_bouwsteen = Attribute.objects.filter(
            link_entity="service",
            taxonomy_term__code=ZELFREGIE_BOUWSTEEN,
            taxonomy_term__taxonomy__name=BOUWSTENEN,
        ).values("link_id")
        gevonden += list(
            hier.filter(id__in=met_bouwsteen)
            .exclude(id__in=[s.id for s in gevonden])
            .distinct()
            .order_by("name")[: ZELFREGIE_AANTAL - len(gevonden)]
        )
    return gevonden


def route(request, code: str, wie: str, urgentie: str):
    """One cell of the matrix for a gemeente: its own routes, else the national numbers."""
    gemeente = _gemeente(code)
    cel = meldroute.cel(wie, urgentie)
    if cel is None:
        raise Http404
    blokken = meldroute.blokken(cel, RegionaleRoute.objects.per_soort(gemeente))
    context = {
        "gemeente": gemeente,
        "cel": cel,
        "wie_naam": meldroute.Wie(wie).label,
        "blokken": blokken,
        "alarm": meldroute.LANDELIJK["112"],
        "andere": meldroute.NIET_ACUUT if cel.is_acuut else meldroute.ACUUT,
        "zelfregie": _zelfregie(request, gemeente) if wie == meldroute.Wie.ZELF else [],
        "is_zelf": wie == meldroute.Wie.ZELF,
        # Not acute, and the gemeente has a team in Samenspel: the worry can be passed on.
        "doorgeven": (
            zorglinks.link_naar_doorgeven(gemeente=gemeente)
            if not cel.is_acuut and routering.heeft_ontvanger(gemeente)
            else ""
        ),
    }
    return render(request, "signals/meldroute_route.html", context)


def overzicht(request, code: str):
    """The whole matrix of a gemeente on one page, for the notice board (print view)."""
    gemeente = _gemeente(code)
    per_soort = RegionaleRoute.objects.per_soort(gemeente)
    rijen = [
        {
            "urgentie": urgentie,
            "naam": meldroute.URGENTIE_NAAM[urgentie],
            "cellen": [
                {
                    "wie": wie,
                    "naam": meldroute.KORT[wie],
                    "blokken": meldroute.blokken(meldroute.cel(wie, urgentie), per_soort),
                }
                for wie in meldroute.Wie.values
            ],
        }
        for urgentie in (meldroute.ACUUT, meldroute.NIET_ACUUT)
    ]
    kolommen = [(wie, meldroute.KORT[wie]) for wie in meldroute.Wie.values]
    return render(
        request,
        "signals/meldroute_overzicht.html",
        {"gemeente": gemeente, "rijen": rijen, "kolommen": kolommen},
    )


# --- the beheerder's pages --------------------------------------------------------------


def _beheerder(request) -> None:
    if not toegang.beheert_routes(request.user):
        raise PermissionDenied


@login_required
def routes(request):
    """A gemeente's own routes; choose the gemeente first."""
    _beheerder(request)
    gemeenten = Gebied.objects.gemeenten().order_by("naam")
    code = (request.GET.get("gemeente") or "").upper()
    gemeente = gemeenten.filter(code=code).first() if code else None
    pagina = None
    if gemeente is not None:
        pagina = Paginator(
            RegionaleRoute.objects.filter(gemeente=gemeente), ROUTES_PER_PAGINA
        ).get_page(request.GET.get("pagina"))
    return render(
        request,
        "signals/meldroute_routes.html",
        {
            "gemeenten": gemeenten,
            "gemeente": gemeente,
            "onbekend": bool(code) and gemeente is None,
            "pagina": pagina,
        },
    )


def _terug(route: RegionaleRoute):
    return redirect(f"{reverse('signals:routes')}?gemeente={route.gemeente_id}")


@login_required
def route_nieuw(request):
    _beheerder(request)
    beginwaarden = {"gemeente": (request.GET.get("gemeente") or "").upper() or None}
    form = RouteFormulier(request.POST or None, initial=beginwaarden)
    if request.method == "POST" and form.is_valid():
        route = actions.bewaar_route(form.save(commit=False), request.user)
        messages.success(request, _("De route is toegevoegd."))
        return _terug(route)
    return render(request, "signals/meldroute_route_form.html", {"form": form, "route": None})


@login_required
def route_wijzigen(request, pk: int):
    _beheerder(request)
    route = get_object_or_404(RegionaleRoute, pk=pk)
    form = RouteFormulier(request.POST or None, instance=route)
    if request.method == "POST" and form.is_valid():
        actions.bewaar_route(form.save(commit=False), request.user)
        messages.success(request, _("De route is gewijzigd."))
        return _terug(route)
    return render(request, "signals/meldroute_route_form.html", {"form": form, "route": route})


@login_required
@require_POST
def route_verwijderen(request, pk: int):
    """First POST asks "weet je het zeker?"; the confirmed POST removes the route."""
    _beheerder(request)
    route = get_object_or_404(RegionaleRoute, pk=pk)
    if request.POST.get("bevestigd") != "ja":
        return render(request, "signals/meldroute_route_verwijderen.html", {"route": route})
    actions.verwijder_route(route, request.user)
    messages.success(request, _("De route is verwijderd. Daar staat nu het landelijke nummer."))
    return _terug(route)


@login_required
def mijn(request):
    return render(request, "signals/mijn.html", {"delen": ingangen.delen(request.user)})
