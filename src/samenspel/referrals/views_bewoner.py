"""The resident's pages: sign up yourself ("Ik wil meedoen") and your own private link.

No account, ever (DESIGN principle 2). The link shows every referral about you, who sees
what, who looked, and lets you give or withdraw consent, choose what the sender hears back,
and download what is kept about you.
"""

from functools import wraps

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samenspel.core import limits
from samenspel.directory.models import Service
from samenspel.privacy import rechten, rechten_views
from samenspel.privacy.models import Actie, Auditregel, Kanaal, Partij
from samenspel.referrals import actions, forms, links
from samenspel.referrals.models import Ontvangst, Status
from samenspel.referrals.pagina import leg_inzage_vast, persoonlijk
from samenspel.referrals.toegang import huidige_kennismaking, via_bewonerlink, weergave

SJABLONEN = "referrals/bewoner/"
MEEDOEN_MAX_PER_UUR = 5


# --- "Ik wil meedoen" ---------------------------------------------------------------------


def _te_vaak(request) -> bool:
    # Against a script flooding an initiative's mailbox: per visitor, so behind a proxy one
    # visitor's sign-ups never use up another's. Only a hash of the address is kept, an hour.
    return limits.over_limit(request, "meedoen", MEEDOEN_MAX_PER_UUR)


@persoonlijk
def meedoen(request, pk):
    service = get_object_or_404(
        Service.objects.zichtbaar_voor(request.user).select_related("organization"), pk=pk
    )
    if not actions.neemt_verwijzingen(service):
        raise Http404
    form = forms.MeedoenFormulier(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        if _te_vaak(request):
            messages.error(
                request, _("Er zijn net veel aanmeldingen gedaan. Probeer het over een uur.")
            )
        else:
            v, token = actions.meld_zelf_aan(service, form.gegevens())
            request.session["meedoen"] = {
                "service": service.name,
                "token": token,
                "per_email": v.bewoner_per_email,
            }
            return redirect("referrals:meedoen_verstuurd")
    return render(
        request,
        SJABLONEN + "meedoen.html",
        {
            "form": form,
            "service": service,
            "ontvangst": Ontvangst.van(service),
            "doel": actions.doel_tekst(service),
            "geldig_tot": forms.geldig_tot(6),
        },
    )


@persoonlijk
def meedoen_verstuurd(request):
    gegevens = request.session.pop("meedoen", None)
    if not gegevens:
        return redirect("core:home")
    return render(
        request,
        SJABLONEN + "verstuurd.html",
        {
            "service": gegevens["service"],
            "link": request.build_absolute_uri(links.bewoner_pad(gegevens["token"])),
            "per_email": gegevens.get("per_email", False),
        },
    )


# --- the own link -------------------------------------------------------------------------


class _OnbekendeLink(Exception):
    pass


def _bewoner(token):
    bewoner = links.bewoner_bij(token)
    if bewoner is None:
        raise _OnbekendeLink
    return bewoner


def _met_eigen_link(view):
    """An unknown link gets a friendly page (status 404) that reveals nothing."""

    @wraps(view)
    def omhuld(request, token, *args, **kwargs):
        try:
            return view(request, token, *args, **kwargs)
        except _OnbekendeLink:
            return render(request, SJABLONEN + "onbekend.html", status=404)

    return omhuld


def _verwijzingen(bewoner):
    return (
        bewoner.verwijzingen.select_related(
            "service__organization", "toestemming", "afzender", "afzender_organisatie"
        )
        .prefetch_related("gebeurtenissen", "kennismakingen")
        .order_by("-aangemaakt")
    )


def _inzage(v):
    """Who opened this referral: the resident sees every look at their data."""
    return list(
        Auditregel.objects.voor(v)
        .filter(partij__in=[Partij.VERWIJZER, Partij.ONTVANGER])
        .order_by("-wanneer")[:50]
    )


@persoonlijk
@_met_eigen_link
def mijn(request, token):
    bewoner = _bewoner(token)
    partij = via_bewonerlink()
    regels = []
    for v in _verwijzingen(bewoner):
        if not v.is_gewist:
            leg_inzage_vast(v, partij)
        regels.append(
            {
                "v": v,
                "w": weergave(v, partij),
                "kennismaking": huidige_kennismaking(v),
                "inzage": _inzage(v),
                "terugkoppeling_form": forms.TerugkoppelingFormulier(
                    initial={"terugkoppeling": v.terugkoppeling}, auto_id=f"id_{v.kenmerk}_%s"
                ),
            }
        )
    return render(
        request, SJABLONEN + "mijn.html", {"token": token, "regels": regels, "Status": Status}
    )


def _eigen(bewoner, pk):
    return get_object_or_404(_verwijzingen(bewoner), pk=pk)


@persoonlijk
@require_POST
@_met_eigen_link
def toestemming(request, token, pk):
    bewoner = _bewoner(token)
    v = _eigen(bewoner, pk)
    partij = via_bewonerlink()
    try:
        if request.POST.get("antwoord") == "ja":
            form = forms.TerugkoppelingFormulier(request.POST)
            terugkoppeling = form.cleaned_data["terugkoppeling"] if form.is_valid() else None
            _gedaan, veranderd = actions.geef_toestemming(v, partij, terugkoppeling)
            if veranderd:
                messages.success(request, _("Dank je wel. Je aanmelding is verstuurd."))
        elif request.POST.get("antwoord") == "nee":
            actions.trek_toestemming_in(v, partij)
            messages.success(request, _("Oké. We delen niets en hebben je gegevens gewist."))
        else:
            messages.error(request, _("Kies ja of nee."))
    except actions.Geweigerd as fout:
        messages.error(request, str(fout))
    return redirect(links.bewoner_pad(token))


@persoonlijk
@_met_eigen_link
def intrekken(request, token, pk):
    bewoner = _bewoner(token)
    v = _eigen(bewoner, pk)
    if request.method == "POST":
        try:
            actions.trek_toestemming_in(v, via_bewonerlink())
        except actions.Geweigerd as fout:
            messages.error(request, str(fout))
        else:
            messages.success(
                request,
                _("Je toestemming is ingetrokken. We delen niets meer en je gegevens zijn gewist."),
            )
        return redirect(links.bewoner_pad(token))
    return render(
        request,
        SJABLONEN + "intrekken.html",
        {"token": token, "v": v, "w": weergave(v, via_bewonerlink())},
    )


@persoonlijk
@require_POST
@_met_eigen_link
def terugkoppeling(request, token, pk):
    bewoner = _bewoner(token)
    v = _eigen(bewoner, pk)
    form = forms.TerugkoppelingFormulier(request.POST)
    if form.is_valid():
        actions.wijzig_terugkoppeling(v, via_bewonerlink(), form.cleaned_data["terugkoppeling"])
        messages.success(request, _("Opgeslagen."))
    else:
        messages.error(request, _("Kies wat de verwijzer mag horen."))
    return redirect(links.bewoner_pad(token))


@persoonlijk
@_met_eigen_link
def download(request, token):
    """Everything kept about you in every part of Samenspel, as a file (AVG: recht op inzage)."""
    bewoner = _bewoner(token)
    partij = via_bewonerlink(Kanaal.BEWONERLINK)
    for v in _verwijzingen(bewoner):
        leg_inzage_vast(v, partij, Actie.GEDOWNLOAD)
    return rechten_views.download(rechten.BEWONER, bewoner)


@persoonlijk
@_met_eigen_link
def wissen(request, token):
    """Erase everything about you, in every part of Samenspel (AVG: recht op vergetelheid)."""
    bewoner = _bewoner(token)
    return rechten_views.wissen(request, rechten.BEWONER, bewoner, terug=links.bewoner_pad(token))
