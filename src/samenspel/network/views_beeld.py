"""The web per wijk and gemeente: overview, analysis, picture, print view and exports.

Who sees what is ``network.toegang``: the web's shape for whoever ``ziet_web``, people's names
only for partners (``is_partner``), the "wat als … vertrekt" preview only for partners.
Views only orchestrate; the facts come from ``gebiedsweb``.
"""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from samenspel.accounts.models import Rol
from samenspel.areas.models import Gebied, Niveau
from samenspel.privacy import audit
from samenspel.privacy.models import Actie, Partij

from . import gebiedsweb, tekening, toegang, uitvoer, verbinders

GEMEENTEN_PER_PAGINA = 20
BANDEN_PER_PAGINA = 100


def zichtbare_gemeenten(gebruiker):
    """The gemeenten whose web this user may see (``toegang.ziet_web``)."""
    codes = toegang.gemeenten_van(gebruiker)
    gemeenten = Gebied.objects.gemeenten().order_by("naam")
    if codes is not None:
        gemeenten = gemeenten.filter(code__in=codes)
    return [g for g in gemeenten if toegang.ziet_web(gebruiker, g.code)]


@login_required
def overzicht(request):
    pagina = Paginator(zichtbare_gemeenten(request.user), GEMEENTEN_PER_PAGINA).get_page(
        request.GET.get("pagina")
    )
    wijken = {}
    for wijk in Gebied.objects.wijken().filter(ouder__in=list(pagina)).order_by("naam"):
        wijken.setdefault(wijk.ouder_id, []).append(wijk)
    return render(
        request,
        "network/beeld_overzicht.html",
        {
            "pagina": pagina,
            "gemeenten": [(g, wijken.get(g.code, [])) for g in pagina],
            # The web's other pages, each for whom it is meant.
            "bijeenkomsten": request.user.rol in {*toegang.PARTNERROLLEN, Rol.BEHEERDER},
            "samen": verbinders.mag_samen_ergens(request.user),
            "overdracht": request.user.is_netwerkhouder,
        },
    )


def _gebied(request, code: str) -> Gebied:
    gebied = get_object_or_404(
        Gebied.objects.select_related("ouder"),
        code=code.upper(),
        niveau__in=(Niveau.WIJK, Niveau.GEMEENTE),
    )
    if not toegang.ziet_web(request.user, gebied.gemeente.code):
        raise PermissionDenied
    return gebied


def _context(request, gebied) -> dict:
    gw = gebiedsweb.bouw(gebied, request.user)
    return {"gebied": gebied, "gw": gw, "tekening": tekening.teken(gw), "koppelen": True}


@login_required
def gebied(request, code: str):
    context = _context(request, _gebied(request, code))
    context["banden"] = Paginator(context["gw"].banden, BANDEN_PER_PAGINA).get_page(
        request.GET.get("pagina")
    )
    return render(request, "network/beeld_gebied.html", context)


@login_required
def afdruk(request, code: str):
    context = _context(request, _gebied(request, code))
    context["vandaag"] = timezone.localdate()
    # On paper a link leads nowhere.
    context["koppelen"] = False
    return render(request, "network/beeld_afdruk.html", context)


@login_required
def wat_als(request, code: str, persoon):
    gebied = _gebied(request, code)
    if not toegang.is_partner(request.user, gebied.gemeente.code):
        raise PermissionDenied
    gw = gebiedsweb.bouw(gebied, request.user)
    persoon_id = str(persoon)
    if persoon_id not in gw.web.personen:
        raise Http404
    mens = gw.personen[persoon_id]
    audit.leg_vast(Actie.BEKEKEN, mens, request.user.get_username(), Partij.BEHEERDER)
    return render(
        request,
        "network/beeld_wat_als.html",
        {"gebied": gebied, "gw": gw, "persoon": mens, "gevolg": gw.wat_als(persoon_id)},
    )


def _download(request, gw, inhoud: bytes, soort: str, extensie: str) -> HttpResponse:
    """A file with the web; a file that names people is a read of each of them (audit)."""
    if gw.namen:
        genoemd = [p for p in gw.personen.values() if p.ingestemd]
        audit.leg_vast_veel(
            Actie.GEDOWNLOAD, genoemd, request.user.get_username(), Partij.BEHEERDER
        )
    gebied = gw.gebied
    antwoord = HttpResponse(inhoud, content_type=soort)
    naam = slugify(_("web %(gebied)s") % {"gebied": gebied.naam}) or "web"
    antwoord["Content-Disposition"] = f'attachment; filename="{naam}-{gebied.code}.{extensie}"'
    return antwoord


@login_required
def graphml(request, code: str):
    gebied = _gebied(request, code)
    gw = gebiedsweb.bouw(gebied, request.user)
    return _download(request, gw, uitvoer.graphml(gw), "application/graphml+xml", "graphml")


@login_required
def gexf(request, code: str):
    gebied = _gebied(request, code)
    gw = gebiedsweb.bouw(gebied, request.user)
    return _download(request, gw, uitvoer.gexf(gw), "application/gexf+xml", "gexf")
