"""Pages of neighbourhood signals: send one (anyone), read and answer them (the area's
netwerkhouders), the wijkagenda, the public signals of a wijk and the counts (analysts).

Views only orchestrate; every change is in ``actions``, every rule of who sees what in
``toegang``.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samenspel.accounts.models import Rol
from samenspel.areas.models import Gebied, Niveau
from samenspel.core import limits
from samenspel.privacy.audit import leg_vast
from samenspel.privacy.models import Actie, Partij
from samenspel.signals import actions, buurtsignalen, toegang
from samenspel.signals import forms_buurtsignaal as f
from samenspel.signals.models import Agendapunt, AgendaStatus, Buurtsignaal

SJABLONEN = "signals/buurtsignaal_"
PER_PAGINA = 20
ANONIEM_MAX_PER_UUR = 5


def _gekozen_gemeente(request):
    """The gemeente the sender chose (step 1), or that of the buurt a link gave; with the form
    of that step when it still has to be shown (None: the buurt form can follow)."""
    gegevens = request.POST if request.method == "POST" else request.GET
    if gegevens.get("gemeente"):
        keuze = f.GemeenteKeuzeFormulier(gegevens)
        return (keuze.cleaned_data["gemeente"], None) if keuze.is_valid() else (None, keuze)
    buurt = Gebied.objects.buurten().filter(pk=request.GET.get("buurt") or None).first()
    if buurt is not None:
        return buurt.gemeente, None
    if Gebied.objects.buurten().count() > f.BUURTEN_IN_EEN_LIJST:
        return None, f.GemeenteKeuzeFormulier()
    return None, None


def sturen(request):
    gemeente, keuze = _gekozen_gemeente(request)
    if keuze is not None and request.method != "POST":
        return render(request, SJABLONEN + "sturen.html", {"keuze": keuze})
    form = f.BuurtsignaalFormulier(
        request.POST if request.method == "POST" else None,
        initial={"buurt": request.GET.get("buurt")},
        bewaar_dagen=actions._bewaar_dagen(),
        gemeente=gemeente,
    )
    if request.method == "POST" and form.is_valid():
        # Against a script flooding a netwerkhouder's list: per visitor, anonymous or not.
        if limits.over_limit(request, "buurtsignaal", ANONIEM_MAX_PER_UUR):
            messages.error(
                request, _("Er zijn net veel signalen verstuurd. Probeer het over een uur.")
            )
        else:
            d = form.cleaned_data
            actions.stuur_buurtsignaal(
                d["buurt"], d["thema"], d["tekst"], d["openbaar"], d["email"], door=request.user
            )
            request.session["buurtsignaal_verstuurd"] = {"met_adres": bool(d["email"])}
            return redirect("signals:buurtsignaal_verstuurd")
    return render(request, SJABLONEN + "sturen.html", {"form": form, "gemeente": gemeente})


def verstuurd(request):
    gegevens = request.session.pop("buurtsignaal_verstuurd", None) or {}
    return render(request, SJABLONEN + "verstuurd.html", {"met_adres": gegevens.get("met_adres")})


def _netwerkhouder(request):
    if request.user.rol not in {Rol.NETWERKHOUDER, Rol.BEHEERDER}:
        raise PermissionDenied


@login_required
def lijst(request):
    _netwerkhouder(request)
    signalen = buurtsignalen.voor_netwerkhouder(request.user)
    wijken = (
        Gebied.objects.wijken()
        .filter(code__in=signalen.values("buurt__ouder__code"))
        .order_by("naam")
    )
    filters = f.FilterFormulier(request.GET or None, wijken=wijken)
    if filters.is_valid():
        d = filters.cleaned_data
        if d.get("wijk"):
            signalen = signalen.filter(buurt__ouder=d["wijk"])
        if d.get("thema"):
            signalen = signalen.filter(thema=d["thema"])
        if d.get("status"):
            signalen = signalen.filter(status=d["status"])
    pagina = Paginator(signalen, PER_PAGINA).get_page(request.GET.get("pagina"))
    rest = request.GET.copy()
    rest.pop("pagina", None)
    return render(
        request,
        SJABLONEN + "lijst.html",
        {
            "pagina": pagina,
            "filters": filters,
            "querystring": rest.urlencode(),
            "wijken": wijken,
        },
    )


def _signaal_voor(request, pk) -> Buurtsignaal:
    signaal = get_object_or_404(Buurtsignaal.objects.select_related("buurt__ouder__ouder"), pk=pk)
    if not toegang.ziet_buurtsignalen(request.user, signaal.buurt):
        raise Http404
    return signaal


def _punten(signaal):
    return Agendapunt.objects.filter(wijk=signaal.buurt.ouder).exclude(status=AgendaStatus.AFGEROND)


@login_required
def signaal(request, pk):
    signaal = _signaal_voor(request, pk)
    antwoord = f.AntwoordFormulier(
        request.POST if request.method == "POST" else None,
        initial={"antwoord": signaal.antwoord},
    )
    if request.method == "POST" and antwoord.is_valid():
        actions.beantwoord_buurtsignaal(signaal, antwoord.cleaned_data["antwoord"], request.user)
        if signaal.email:
            messages.success(request, _("Je antwoord is opgeslagen en wordt gemaild."))
        else:
            messages.success(request, _("Je antwoord is opgeslagen."))
        return redirect("signals:buurtsignaal", pk=signaal.pk)
    if signaal.email:
        # The address is personal data: every look at it is recorded.
        leg_vast(Actie.BEKEKEN, signaal, request.user.get_username(), Partij.ONTVANGER)
    return render(
        request,
        SJABLONEN + "signaal.html",
        {
            "signaal": signaal,
            "antwoord": antwoord,
            "agenda": f.OpAgendaFormulier(punten=_punten(signaal)),
            "punten": signaal.agendapunten.all(),
        },
    )


@login_required
@require_POST
def op_agenda(request, pk):
    signaal = _signaal_voor(request, pk)
    form = f.OpAgendaFormulier(request.POST, punten=_punten(signaal))
    if form.is_valid():
        punt = actions.zet_op_wijkagenda(
            signaal,
            request.user,
            titel=form.cleaned_data["titel"].strip(),
            agendapunt=form.cleaned_data["agendapunt"],
        )
        messages.success(request, _("Het signaal staat op de wijkagenda."))
        return redirect("signals:wijkagenda", code=punt.wijk_id)
    return render(
        request,
        SJABLONEN + "signaal.html",
        {
            "signaal": signaal,
            "antwoord": f.AntwoordFormulier(initial={"antwoord": signaal.antwoord}),
            "agenda": form,
            "punten": signaal.agendapunten.all(),
        },
    )


def _wijk(code):
    return get_object_or_404(Gebied.objects.select_related("ouder"), code=code, niveau=Niveau.WIJK)


@login_required
def wijkagenda(request, code):
    wijk = _wijk(code)
    if not toegang.ziet_buurtsignalen(request.user, wijk):
        raise PermissionDenied
    punten = Agendapunt.objects.filter(wijk=wijk).prefetch_related("signalen")
    pagina = Paginator(punten, PER_PAGINA).get_page(request.GET.get("pagina"))
    return render(
        request,
        SJABLONEN + "wijkagenda.html",
        {"wijk": wijk, "pagina": pagina, "statussen": AgendaStatus.choices},
    )


@login_required
@require_POST
def agendastatus(request, pk):
    punt = get_object_or_404(Agendapunt.objects.select_related("wijk__ouder"), pk=pk)
    if not toegang.ziet_buurtsignalen(request.user, punt.wijk):
        raise Http404
    form = f.AgendastatusFormulier(request.POST)
    if form.is_valid():
        actions.zet_agendastatus(punt, form.cleaned_data["status"], request.user)
        messages.success(request, _("De status is gewijzigd."))
    else:
        messages.error(request, _("Kies een status uit de lijst."))
    return redirect("signals:wijkagenda", code=punt.wijk_id)


def openbaar(request, code):
    wijk = _wijk(code)
    signalen = buurtsignalen.openbaar_in(wijk)
    pagina = Paginator(signalen, PER_PAGINA).get_page(request.GET.get("pagina"))
    punten = [
        p for p in Agendapunt.objects.filter(wijk=wijk).prefetch_related("signalen") if p.openbaar
    ]
    return render(
        request,
        SJABLONEN + "openbaar.html",
        {"wijk": wijk, "pagina": pagina, "punten": punten},
    )


@login_required
def tellingen(request, code):
    gemeente = get_object_or_404(Gebied, code=code, niveau=Niveau.GEMEENTE)
    if not toegang.ziet_tellingen(request.user, gemeente.code):
        raise PermissionDenied
    kwartalen, rijen = buurtsignalen.kwartaaltabel(gemeente)
    return render(
        request,
        SJABLONEN + "tellingen.html",
        {"gemeente": gemeente, "kwartalen": kwartalen, "rijen": rijen},
    )
