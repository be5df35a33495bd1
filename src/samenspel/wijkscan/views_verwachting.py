"""Expected versus present: the formula page, the flags, wijkkennis, draagkracht/draaglast.

All pages are for the gemeente's netwerkhouders and analysts (``toegang.werkt_aan``);
the sums are ``wijkscan.verwachting``, every change ``wijkscan.actions``.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samenspel.areas.models import Niveau
from samenspel.directory.models import TaxonomyTerm

from . import actions
from . import verwachting as v
from .aanbod import aanbod
from .forms_verwachting import Gewichtenformulier, Kennisformulier, Margeformulier
from .models import Draagsoort, Verwachtingsformule, Wijkkennis
from .views import gemeente_voor_werk

SIGNALEN_PER_PAGINA = 25


def _bouwsteen(code: str) -> TaxonomyTerm:
    return get_object_or_404(TaxonomyTerm.objects.bouwstenen(), code=code)


def _formules(gemeente):
    """Per bouwsteen: its weights, whether they are the gemeente's own, and its parts."""
    eigen = set(
        Verwachtingsformule.objects.filter(gemeente=gemeente).values_list(
            "bouwsteen__code", flat=True
        )
    )
    gewichten = v.gewichten_van(gemeente)
    rijen = []
    for b in TaxonomyTerm.objects.bouwstenen():
        g = gewichten.get(b.code) or v.standaard_voor(b.code)
        rijen.append(
            {
                "bouwsteen": b,
                "eigen": b.code in eigen,
                "delen": [v.Deel(k, w, None, None) for k, w in g.items() if k in v.BRUIKBAAR],
            }
        )
    return rijen


@login_required
def formules(request, code: str):
    gemeente = gemeente_voor_werk(request, code)
    marge = v.marge_van(gemeente)
    return render(
        request,
        "wijkscan/verwachting_formules.html",
        {
            "gemeente": gemeente,
            "formules": _formules(gemeente),
            "marge": marge,
            "margeformulier": Margeformulier(initial={"marge": marge}),
            "kleinste": v.KLEINSTE_VERWACHTING,
        },
    )


@login_required
def formule(request, code: str, bouwsteen: str):
    gemeente = gemeente_voor_werk(request, code)
    term = _bouwsteen(bouwsteen)
    gewichten = v.gewichten_van(gemeente).get(term.code) or v.standaard_voor(term.code)
    if request.method == "POST":
        form = Gewichtenformulier(request.POST, gewichten=gewichten)
        if form.is_valid():
            actions.zet_gewichten(gemeente, term, form.cleaned_data["gewichten"], request.user)
            messages.success(request, _("De nieuwe gewichten zijn bewaard."))
            return redirect("wijkscan:verwachting_formules", gemeente.code)
    else:
        form = Gewichtenformulier(gewichten=gewichten)
    return render(
        request,
        "wijkscan/verwachting_formule.html",
        {
            "gemeente": gemeente,
            "bouwsteen": term,
            "form": form,
            "standaard": [v.Deel(k, w, None, None) for k, w in v.standaard_voor(term.code).items()],
            "eigen": Verwachtingsformule.objects.filter(gemeente=gemeente, bouwsteen=term).exists(),
        },
    )


@login_required
@require_POST
def standaard(request, code: str, bouwsteen: str):
    gemeente = gemeente_voor_werk(request, code)
    term = _bouwsteen(bouwsteen)
    if actions.gewichten_naar_standaard(gemeente, term, request.user):
        messages.success(request, _("De formule is terug naar de standaard."))
    return redirect("wijkscan:verwachting_formules", gemeente.code)


@login_required
@require_POST
def marge(request, code: str):
    gemeente = gemeente_voor_werk(request, code)
    form = Margeformulier(request.POST)
    if form.is_valid():
        actions.zet_marge(gemeente, form.cleaned_data["marge"], request.user)
        messages.success(request, _("De marge is bewaard."))
        return redirect("wijkscan:verwachting_formules", gemeente.code)
    return render(
        request,
        "wijkscan/verwachting_formules.html",
        {
            "gemeente": gemeente,
            "formules": _formules(gemeente),
            "marge": v.marge_van(gemeente),
            "margeformulier": form,
            "kleinste": v.KLEINSTE_VERWACHTING,
        },
        status=400,
    )


def _laatste_kennis(gemeente) -> dict:
    """(area code, bouwsteen code) -> the newest Wijkkennis, in one query."""
    uitkomst = {}
    for k in Wijkkennis.objects.filter(gemeente=gemeente).select_related("bouwsteen"):
        uitkomst.setdefault((k.gebied_id, k.bouwsteen.code), k)
    return uitkomst


@login_required
def signalen(request, code: str):
    gemeente = gemeente_voor_werk(request, code)
    scan = aanbod(gemeente, request.user)
    uitkomst = v.verwachtingen(gemeente, scan)
    wijken = [g for g in scan.gebieden if g.niveau == Niveau.WIJK]
    wijk = request.GET.get("wijk", "")
    if wijk and wijk not in {w.code for w in wijken}:
        wijk = ""
    kennis = _laatste_kennis(gemeente)
    rijen = []
    for gebied in scan.gebieden:
        if gebied.niveau == Niveau.GEMEENTE:
            continue
        if wijk and wijk not in (gebied.code, gebied.ouder_id):
            continue
        for b in scan.bouwstenen:
            verwachting = uitkomst[(gebied.code, b.code)]
            if verwachting.vlag:
                rijen.append(
                    {
                        "gebied": gebied,
                        "bouwsteen": b,
                        "v": verwachting,
                        "kennis": kennis.get((gebied.code, b.code)),
                    }
                )
    zonder_cijfers = sum(1 for x in uitkomst.values() if x.reden == v.Reden.TE_WEINIG_CIJFERS)
    pagina = Paginator(rijen, SIGNALEN_PER_PAGINA).get_page(request.GET.get("pagina"))
    return render(
        request,
        "wijkscan/verwachting_signalen.html",
        {
            "gemeente": gemeente,
            "pagina": pagina,
            "wijken": wijken,
            "wijk": wijk,
            "zonder_cijfers": zonder_cijfers,
            "marge": v.marge_van(gemeente),
        },
    )


@login_required
def kennis(request, code: str, gebied: str, bouwsteen: str):
    gemeente = gemeente_voor_werk(request, code)
    term = _bouwsteen(bouwsteen)
    scan = aanbod(gemeente, request.user)
    gebied_obj = next(
        (g for g in scan.gebieden if g.code == gebied.upper() and g.niveau != Niveau.GEMEENTE),
        None,
    )
    if gebied_obj is None:
        raise Http404
    verwachting = v.verwachtingen(gemeente, scan, alleen={gebied_obj.code})[
        (gebied_obj.code, term.code)
    ]
    meer = verwachting.vlag == v.Vlag.MEER
    versies = actions.wijkkennis_van(gemeente, gebied_obj, term)
    laatste = versies.first()
    if request.method == "POST":
        form = Kennisformulier(request.POST, meer=meer)
        if form.is_valid():
            d = form.cleaned_data
            actions.leg_wijkkennis_vast(
                gemeente,
                gebied_obj,
                term,
                d["tekst"],
                request.user,
                d.get("afschalen", laatste.afschalen if laatste else ""),
                d.get("reden", laatste.reden if laatste else ""),
            )
            messages.success(request, _("Bewaard. Eerdere versies blijven zichtbaar."))
            return redirect(
                "wijkscan:verwachting_kennis", gemeente.code, gebied_obj.code, term.code
            )
    else:
        begin = (
            {"tekst": laatste.tekst, "afschalen": laatste.afschalen, "reden": laatste.reden}
            if laatste
            else {"afschalen": ""}
        )
        form = Kennisformulier(initial=begin, meer=meer)
    return render(
        request,
        "wijkscan/verwachting_kennis.html",
        {
            "gemeente": gemeente,
            "gebied": gebied_obj,
            "bouwsteen": term,
            "v": verwachting,
            "form": form,
            "versies": versies[:20],
        },
    )


# Draagkracht and draaglast


@login_required
def draag(request, code: str):
    gemeente = gemeente_voor_werk(request, code)
    scan = aanbod(gemeente, request.user)
    gewichten = v.draaggewichten_van(gemeente)
    rijen = v.draag(gemeente, scan, gewichten)
    pagina = Paginator(rijen, SIGNALEN_PER_PAGINA).get_page(request.GET.get("pagina"))
    return render(
        request,
        "wijkscan/verwachting_draag.html",
        {
            "gemeente": gemeente,
            "pagina": pagina,
            "formules": [
                {
                    "soort": soort,
                    "delen": [
                        v.Deel(k, w, None, None)
                        for k, w in gewichten[soort.value].items()
                        if k in v.BRUIKBAAR
                    ],
                }
                for soort in Draagsoort
            ],
        },
    )


def _soort(soort: str) -> Draagsoort:
    try:
        return Draagsoort(soort)
    except ValueError:
        raise Http404 from None


@login_required
def draagformule(request, code: str, soort: str):
    gemeente = gemeente_voor_werk(request, code)
    soort = _soort(soort)
    gewichten = v.draaggewichten_van(gemeente)[soort.value]
    if request.method == "POST":
        form = Gewichtenformulier(request.POST, gewichten=gewichten, met_teken=True)
        if form.is_valid():
            actions.zet_draagformule(
                gemeente, soort.value, form.cleaned_data["gewichten"], request.user
            )
            messages.success(request, _("De nieuwe samenstelling is bewaard."))
            return redirect("wijkscan:draag", gemeente.code)
    else:
        form = Gewichtenformulier(gewichten=gewichten, met_teken=True)
    return render(
        request,
        "wijkscan/verwachting_draagformule.html",
        {
            "gemeente": gemeente,
            "soort": soort,
            "form": form,
            "standaard": [
                v.Deel(k, w, None, None) for k, w in v.STANDAARD_DRAAG[soort.value].items()
            ],
        },
    )


@login_required
@require_POST
def draagstandaard(request, code: str, soort: str):
    gemeente = gemeente_voor_werk(request, code)
    soort = _soort(soort)
    if actions.draagformule_naar_standaard(gemeente, soort.value, request.user):
        messages.success(request, _("De samenstelling is terug naar de standaard."))
    return redirect("wijkscan:draag", gemeente.code)
