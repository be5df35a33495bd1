"""The persoonlijke wegwijzer (see samenspel.wegwijzer.lijst): show, print, share, compose."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from samenspel.wegwijzer import lijst


def wegwijzer(request):
    """A shared link (?aanbod=…) shows that list; without one, the list being composed."""
    gedeeld = lijst.PARAMETER in request.GET
    waarden = request.GET.getlist(lijst.PARAMETER) if gedeeld else lijst.uit_cookie(request)
    ww = lijst.maak(waarden)
    deellink = request.build_absolute_uri(lijst.pad(ww.ids)) if ww.compleet else ""
    return render(
        request,
        "wegwijzer/wegwijzer.html",
        {
            "ww": ww,
            "gedeeld": gedeeld,
            "eigen": lijst.uit_cookie(request),
            "deellink": deellink,
            "datum": timezone.localdate(),
            "MINIMAAL": lijst.MINIMAAL,
            "MAXIMAAL": lijst.MAXIMAAL,
            # The language switch goes back to the list as shown, not to ids it left out.
            "taal_volgende": lijst.pad(ww.ids) if gedeeld and not ww.te_veel else "",
        },
    )


def _terug(request) -> str:
    terug = request.POST.get("terug", "")
    if url_has_allowed_host_and_scheme(
        terug, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return terug
    return reverse("wegwijzer:wegwijzer")


@require_POST
def zet(request):
    """Put a listing on, take one off, empty the list, or keep a shared list as one's own."""
    # A listing that stopped or became professional-only since drops off here too.
    ids = lijst.geldig(lijst.uit_cookie(request))
    actie = request.POST.get("actie", "")
    if actie == "leeg":
        ids = []
        messages.info(request, _("Je wegwijzer is leeg."))
    elif actie == "overnemen":
        ww = lijst.maak(request.POST.getlist(lijst.PARAMETER))
        ids = ww.ids
        messages.success(request, _("Deze wegwijzer is nu ook de jouwe. Je kunt hem aanpassen."))
    elif actie == "eraf":
        ids = lijst.haal_eraf(ids, request.POST.get(lijst.PARAMETER, ""))
        messages.info(request, _("Van je wegwijzer gehaald."))
    elif actie == "erop":
        service = lijst.zichtbaar(request.POST.get(lijst.PARAMETER, ""))
        if service is None:
            messages.error(
                request,
                _(
                    "Dit aanbod kan niet op een wegwijzer: "
                    "het bestaat niet (meer) of niet iedereen mag het zien."
                ),
            )
        else:
            ids, uitkomst = lijst.zet_erop(ids, service)
            if uitkomst == "vol":
                messages.error(
                    request,
                    _("Je wegwijzer is vol: er passen %(max)s aanbod op. Haal er eerst een af.")
                    % {"max": lijst.MAXIMAAL},
                )
            elif uitkomst == "al":
                messages.info(
                    request, _("%(naam)s staat al op je wegwijzer.") % {"naam": service.name}
                )
            else:
                messages.success(
                    request,
                    ngettext(
                        "%(naam)s staat op je wegwijzer. Er staat nu %(n)s aanbod op.",
                        "%(naam)s staat op je wegwijzer. Er staan nu %(n)s aanbod op.",
                        len(ids),
                    )
                    % {"naam": service.name, "n": len(ids)},
                )
    else:
        messages.error(request, _("Dat kan niet met een wegwijzer."))
    antwoord = redirect(_terug(request))
    if ids:
        # Listing ids only, in this browser only, gone when the browser closes.
        antwoord.set_cookie(
            lijst.COOKIE,
            lijst.als_cookie(ids),
            httponly=True,
            samesite="Lax",
            secure=request.is_secure(),
        )
    else:
        antwoord.delete_cookie(lijst.COOKIE, samesite="Lax")
    return antwoord
