"""The wijkscan's entry pages: the gemeenten a user works on, and one gemeente's scan.

Who sees what is ``wijkscan.toegang``; views only orchestrate.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samenspel.areas.models import Gebied

from . import actions, toegang

GEMEENTEN_PER_PAGINA = 20


def gemeente_of_404(code: str) -> Gebied:
    return get_object_or_404(Gebied.objects.gemeenten(), code=code.upper())


def gemeente_voor_werk(request, code: str) -> Gebied:
    """The gemeente, for a user who works on its scan; 403 for anybody else."""
    gemeente = gemeente_of_404(code)
    if not toegang.werkt_aan(request.user, gemeente.code):
        raise PermissionDenied
    return gemeente


def gemeente_voor_matrix(request, code: str) -> Gebied:
    """The gemeente, for a user who may see its matrix; 403 for anybody else."""
    gemeente = gemeente_of_404(code)
    if not toegang.ziet_matrix(request.user, gemeente.code):
        raise PermissionDenied
    return gemeente


def start(request):
    """The gemeenten whose scan this user works on, and those that made their matrix public."""
    codes = toegang.gemeenten_van(request.user)
    gemeenten = Gebied.objects.gemeenten().order_by("naam")
    eigen = [g for g in gemeenten.filter(**({} if codes is None else {"code__in": codes}))]
    eigen = [g for g in eigen if toegang.werkt_aan(request.user, g.code)]
    openbaar = gemeenten.filter(scaninstelling__matrix_openbaar=True).exclude(
        code__in=[g.code for g in eigen]
    )
    pagina = Paginator(openbaar, GEMEENTEN_PER_PAGINA).get_page(request.GET.get("pagina"))
    return render(request, "wijkscan/start.html", {"eigen": eigen, "pagina": pagina})


def gemeente(request, code: str):
    gemeente = gemeente_voor_matrix(request, code)
    return render(
        request,
        "wijkscan/gemeente.html",
        {
            "gemeente": gemeente,
            "wijken": Gebied.objects.wijken().filter(ouder=gemeente).order_by("naam"),
            "werkt_aan": toegang.werkt_aan(request.user, gemeente.code),
            "instelling": actions.instelling_van(gemeente),
        },
    )


@login_required
@require_POST
def openbaar(request, code: str):
    gemeente = gemeente_voor_werk(request, code)
    maak_openbaar = request.POST.get("openbaar") == "ja"
    actions.zet_matrix_openbaar(gemeente, maak_openbaar, request.user)
    if maak_openbaar:
        messages.success(request, _("De matrix is nu openbaar: iedereen kan hem zien."))
    else:
        messages.success(request, _("De matrix is niet meer openbaar."))
    return redirect("wijkscan:gemeente", gemeente.code)
