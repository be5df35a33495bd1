"""Local judgement: the gemeente's criteria, rounds per wijk, and the partner's page.

Rounds in progress and individual answers are for the gemeente's netwerkhouders and analysts
(``toegang.werkt_aan``); the summaries of closed rounds go with the matrix
(``toegang.ziet_matrix``). The partner's page is opened with a signed link, without an account
(``oordeellinks``). Changes go through ``actions``.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samenspel.areas.models import Gebied
from samenspel.core import qr
from samenspel.core.links import LinkOngeldig
from samenspel.directory.models import TaxonomyTerm

from . import actions, oordeellinks
from .criteria import criteria_van
from .forms_oordeel import CriteriaFormulier, OordeelFormulier, StartFormulier, UitnodigingFormulier
from .models import Oordeel, Oordeelronde
from .models.oordeel import NIVEAUS, WEET_NIET
from .oordelen import samenvattingen
from .views import gemeente_voor_matrix, gemeente_voor_werk

RONDES_PER_PAGINA = 10


def _wijken(gemeente):
    return Gebied.objects.wijken().filter(ouder=gemeente).order_by("naam")


def _bouwsteen_of_404(code: str) -> TaxonomyTerm:
    return get_object_or_404(TaxonomyTerm.objects.bouwstenen(), code=code)


def _ronde_of_404(gemeente, pk) -> Oordeelronde:
    return get_object_or_404(Oordeelronde.objects.select_related("wijk"), gemeente=gemeente, pk=pk)


def _niveaulabels():
    from .forms_oordeel import NIVEAUKEUZES

    return dict(NIVEAUKEUZES)


def _samenvattingsrijen(ronde):
    """Per bouwsteen, in the usual order: its summary (or None) and the distribution as rows."""
    per_code = samenvattingen(ronde)
    labels = _niveaulabels()
    rijen = []
    for b in TaxonomyTerm.objects.bouwstenen():
        s = per_code.get(b.code)
        rijen.append(
            {
                "bouwsteen": b,
                "samenvatting": s,
                "niveau": labels.get(s.niveau) if s and s.niveau else None,
                "verdeling": [(labels[n], s.verdeling.get(n, 0), s.deel(n)) for n in NIVEAUS]
                if s
                else [],
            }
        )
    return rijen


# --- Criteria


@login_required
def criteria(request, code: str):
    gemeente = gemeente_voor_werk(request, code)
    bouwstenen = [
        {
            "bouwsteen": b,
            "criteria": criteria_van(gemeente, b, met_verborgen=True),
            "verborgen": _verborgen(gemeente, b),
        }
        for b in TaxonomyTerm.objects.bouwstenen()
    ]
    return render(
        request, "wijkscan/oordeel_criteria.html", {"gemeente": gemeente, "bouwstenen": bouwstenen}
    )


def _verborgen(gemeente, bouwsteen) -> set[str]:
    from .criteria import verborgen_van

    return verborgen_van(gemeente, bouwsteen)


@login_required
def criteria_bouwsteen(request, code: str, bouwsteen: str):
    gemeente = gemeente_voor_werk(request, code)
    term = _bouwsteen_of_404(bouwsteen)
    lijst = criteria_van(gemeente, term, met_verborgen=True)
    verborgen = _verborgen(gemeente, term)
    initial = {f"verberg-{s}": True for s in verborgen}
    form = CriteriaFormulier(
        request.POST if request.method == "POST" else None, criteria=lijst, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        actions.bewaar_criteria(
            gemeente,
            term,
            teksten={c.sleutel: d.get(f"tekst-{c.sleutel}") for c in lijst if not c.eigen},
            verborgen={c.sleutel for c in lijst if not c.eigen and d.get(f"verberg-{c.sleutel}")},
            eigen={
                int(c.sleutel.removeprefix("eigen-")): d.get(f"tekst-{c.sleutel}")
                for c in lijst
                if c.eigen
            },
            nieuw=(d.get("nieuw") or "", d.get("nieuw_soort")) if d.get("nieuw") else None,
            door=request.user,
        )
        messages.success(request, _("De criteria zijn bewaard. Nieuwe rondes gebruiken ze."))
        return redirect("wijkscan:oordeel_criteria", gemeente.code)
    return render(
        request,
        "wijkscan/oordeel_criteria_bouwsteen.html",
        {"gemeente": gemeente, "bouwsteen": term, "form": form},
    )


# --- Rounds


@login_required
def rondes(request, code: str):
    gemeente = gemeente_voor_werk(request, code)
    wijken = list(_wijken(gemeente))
    lopend = {
        r.wijk_id: r
        for r in Oordeelronde.objects.filter(gemeente=gemeente, gesloten_op__isnull=True)
    }
    alle = Oordeelronde.objects.filter(gemeente=gemeente).select_related("wijk")
    pagina = Paginator(alle, RONDES_PER_PAGINA).get_page(request.GET.get("pagina"))
    vrij = [w for w in wijken if w.code not in lopend]
    return render(
        request,
        "wijkscan/oordeel_rondes.html",
        {
            "gemeente": gemeente,
            "pagina": pagina,
            "wijken": wijken,
            "form": StartFormulier(wijken=vrij) if vrij else None,
        },
    )


@login_required
@require_POST
def start(request, code: str):
    gemeente = gemeente_voor_werk(request, code)
    wijken = list(_wijken(gemeente))
    form = StartFormulier(request.POST, wijken=wijken)
    if not form.is_valid():
        messages.error(request, _("Kies een wijk van de gemeente."))
        return redirect("wijkscan:oordeel_rondes", gemeente.code)
    wijk = next(w for w in wijken if w.code == form.cleaned_data["wijk"])
    try:
        ronde = actions.start_oordeelronde(wijk, request.user)
    except actions.Geweigerd:
        messages.error(request, _("Voor deze wijk loopt al een ronde. Sluit die eerst."))
        return redirect("wijkscan:oordeel_rondes", gemeente.code)
    messages.success(request, _("De ronde is gestart. Nodig nu partners uit."))
    return redirect("wijkscan:oordeel_ronde", gemeente.code, ronde.pk)


def _ronde_context(request, gemeente, ronde, form=None):
    uitnodigingen = list(ronde.uitnodigingen.all())
    oordelen = (
        Oordeel.objects.filter(uitnodiging__ronde=ronde)
        .select_related("uitnodiging", "bouwsteen")
        .order_by("bouwsteen__volgorde", "uitnodiging__aangemaakt", "uitnodiging_id")
    )
    labels = _niveaulabels()
    teksten = {
        code: {c["sleutel"]: c["tekst"] for c in lijst} for code, lijst in ronde.criteria.items()
    }
    per_bouwsteen: dict = {}
    for o in oordelen:
        per_bouwsteen.setdefault(o.bouwsteen.code, []).append(
            {
                "wie": o.uitnodiging,
                "niveau": labels.get(o.niveau, o.niveau),
                "onderbouwing": o.onderbouwing,
                "criteria": [teksten.get(o.bouwsteen.code, {}).get(s, s) for s in o.criteria],
            }
        )
    rijen = _samenvattingsrijen(ronde)
    for rij in rijen:
        rij["antwoorden"] = per_bouwsteen.get(rij["bouwsteen"].code, [])
    return {
        "gemeente": gemeente,
        "ronde": ronde,
        "uitnodigingen": [
            {
                "uitnodiging": u,
                "link": request.build_absolute_uri(oordeellinks.pad(u)) if ronde.open else None,
            }
            for u in uitnodigingen
        ],
        "beantwoord": sum(1 for u in uitnodigingen if u.beantwoord_op),
        "rijen": rijen,
        "form": form if form is not None else (UitnodigingFormulier() if ronde.open else None),
    }


@login_required
def ronde(request, code: str, pk: int):
    gemeente = gemeente_voor_werk(request, code)
    ronde = _ronde_of_404(gemeente, pk)
    return render(request, "wijkscan/oordeel_ronde.html", _ronde_context(request, gemeente, ronde))


@login_required
@require_POST
def uitnodigen(request, code: str, pk: int):
    gemeente = gemeente_voor_werk(request, code)
    ronde = _ronde_of_404(gemeente, pk)
    form = UitnodigingFormulier(request.POST)
    if not form.is_valid():
        return render(
            request,
            "wijkscan/oordeel_ronde.html",
            _ronde_context(request, gemeente, ronde, form),
            status=400,
        )
    try:
        actions.nodig_uit(
            ronde, form.cleaned_data["label"], form.cleaned_data["soort"], request.user
        )
    except actions.Geweigerd:
        messages.error(request, _("Deze ronde is gesloten."))
    else:
        messages.success(request, _("De uitnodiging is gemaakt. Kopieer de link en geef hem door."))
    return redirect("wijkscan:oordeel_ronde", gemeente.code, ronde.pk)


@login_required
@require_POST
def sluiten(request, code: str, pk: int):
    gemeente = gemeente_voor_werk(request, code)
    ronde = _ronde_of_404(gemeente, pk)
    if request.POST.get("bevestig") != "ja":
        messages.error(request, _("Vink aan dat je de ronde wilt sluiten."))
    elif ronde.open:
        actions.sluit_oordeelronde(ronde, request.user)
        messages.success(request, _("De ronde is gesloten. De samenvatting blijft bewaard."))
    return redirect("wijkscan:oordeel_ronde", gemeente.code, ronde.pk)


@login_required
def kaartjes(request, code: str, pk: int):
    gemeente = gemeente_voor_werk(request, code)
    ronde = _ronde_of_404(gemeente, pk)
    context = _ronde_context(request, gemeente, ronde)
    for u in context["uitnodigingen"]:
        u["qr"] = qr.figuur(u["link"]) if u["link"] else ""
    return render(request, "wijkscan/oordeel_kaartjes.html", context)


def geschiedenis(request, code: str, wijk: str):
    """The summaries of a wijk's closed rounds, newest first: part of the matrix."""
    gemeente = gemeente_voor_matrix(request, code)
    wijk = get_object_or_404(_wijken(gemeente), code=wijk.upper())
    gesloten = Oordeelronde.objects.filter(wijk=wijk, gesloten_op__isnull=False).order_by(
        "-gesloten_op", "-id"
    )
    pagina = Paginator(gesloten, RONDES_PER_PAGINA).get_page(request.GET.get("pagina"))
    rondes = [{"ronde": r, "rijen": _samenvattingsrijen(r)} for r in pagina]
    return render(
        request,
        "wijkscan/oordeel_geschiedenis.html",
        {"gemeente": gemeente, "wijk": wijk, "pagina": pagina, "rondes": rondes},
    )


# --- The partner, with a link


def partner(request, pk: int, token: str):
    try:
        uitnodiging = oordeellinks.controleer(pk, token)
    except LinkOngeldig as fout:
        if not fout.verlopen:
            raise Http404 from fout
        return render(request, "wijkscan/oordeel_link_verlopen.html", status=410)
    ronde = uitnodiging.ronde
    bouwstenen = list(TaxonomyTerm.objects.bouwstenen())
    bestaand = {o.bouwsteen.code: o for o in uitnodiging.oordelen.select_related("bouwsteen")}
    initial = {}
    for code, o in bestaand.items():
        initial[f"{code}-niveau"] = o.niveau
        initial[f"{code}-onderbouwing"] = o.onderbouwing
        initial[f"{code}-criteria"] = o.criteria
    form = OordeelFormulier(
        request.POST if request.method == "POST" and ronde.open else None,
        bouwstenen=bouwstenen,
        criteria=ronde.criteria,
        initial=initial,
    )
    if request.method == "POST":
        if not ronde.open:
            messages.error(
                request, _("Deze ronde is gesloten. Je antwoord kan niet meer veranderen.")
            )
            return redirect(request.path)
        if form.is_valid():
            try:
                actions.geef_oordeel(uitnodiging, form.antwoorden())
            except actions.Geweigerd:
                messages.error(
                    request, _("Deze ronde is gesloten. Je antwoord kan niet meer veranderen.")
                )
            else:
                messages.success(
                    request,
                    _(
                        "Dank je wel. Je oordeel is bewaard. Je kunt het "
                        "veranderen tot de ronde sluit."
                    ),
                )
            return redirect(request.path)
    labels = _niveaulabels()
    return render(
        request,
        "wijkscan/oordeel_partner.html",
        {
            "uitnodiging": uitnodiging,
            "ronde": ronde,
            "form": form,
            "gelezen": [
                {
                    "bouwsteen": b,
                    "oordeel": bestaand.get(b.code),
                    "niveau": labels.get(bestaand[b.code].niveau) if b.code in bestaand else None,
                    "criteria": [
                        c["tekst"]
                        for c in ronde.criteria.get(b.code, [])
                        if b.code in bestaand and c["sleutel"] in bestaand[b.code].criteria
                    ],
                }
                for b in bouwstenen
            ],
            "weet_niet": WEET_NIET,
        },
        status=400 if request.method == "POST" else 200,
    )
