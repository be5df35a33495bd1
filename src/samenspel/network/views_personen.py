"""The people of the web: an organisation's contact people and ties, a person's entry, and the
person's own pages behind a signed link.

Only partners of the gemeente see people (``toegang.is_partner``); the person themself needs
no account. Links in e-mail are opened by mail scanners too, so no GET changes anything.
"""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samenspel.directory.models import Organization
from samenspel.privacy import audit, rechten, rechten_views
from samenspel.privacy.models import Actie, Kanaal, Partij

from . import actions, links, personen, toegang
from .models import Band, Persoon
from .personen_formulieren import BandFormulier, MijnGegevensFormulier, PersoonFormulier

SJABLONEN = "network/"
PER_PAGINA = 25


def _door(request) -> str:
    return request.user.get_full_name() or request.user.get_username()


def _organisatie_voor_partner(request, pk) -> Organization:
    organisatie = get_object_or_404(Organization, pk=pk)
    if not toegang.is_partner(request.user, organisatie.gemeente_id):
        raise PermissionDenied
    return organisatie


def _organisatie_voor_beheer(request, pk) -> Organization:
    organisatie = _organisatie_voor_partner(request, pk)
    if not toegang.beheert_personen(request.user, organisatie):
        raise PermissionDenied
    return organisatie


@login_required
def organisatie(request, pk):
    """An organisation's contact people and ties, as partners see them."""
    org = _organisatie_voor_partner(request, pk)
    banden = personen.lopende_banden(Q(van__organisatie=org) | Q(naar__organisatie=org))
    pagina = Paginator(banden, PER_PAGINA).get_page(request.GET.get("pagina"))
    regels = personen.bandregels(request.user, pagina, hier_organisatie=org)
    return render(
        request,
        SJABLONEN + "personen_organisatie.html",
        {
            "organisatie": org,
            "personen": personen.voor_partners([org]),
            "banden": regels,
            "pagina": pagina,
            "beheert": toegang.beheert_personen(request.user, org),
        },
    )


@login_required
def persoon(request, pk):
    """A person's entry. A person is not shown to anybody but partners of their gemeente, and
    a person's existence is itself personal: others get 404, not 403."""
    p = get_object_or_404(Persoon.objects.select_related("organisatie", "wijk"), pk=pk)
    if not toegang.is_partner(request.user, p.organisatie.gemeente_id):
        raise Http404
    personen.bekijk(p, request.user)
    banden = personen.lopende_banden(Q(van=p) | Q(naar=p))
    pagina = Paginator(banden, PER_PAGINA).get_page(request.GET.get("pagina"))
    regels = personen.bandregels(request.user, pagina, hier_persoon=p)
    return render(
        request,
        SJABLONEN + "personen_persoon.html",
        {
            "persoon": p,
            "kop": personen.als_schakel(p),
            "toon_gegevens": p.ingestemd and not p.gewist,
            "banden": regels,
            "pagina": pagina,
            "beheert": toegang.beheert_personen(request.user, p.organisatie),
            "kan_link_sturen": not (p.ingestemd or p.gewist or p.uitgestapt_op) and p.email,
        },
    )


@login_required
def persoon_nieuw(request, pk):
    org = _organisatie_voor_beheer(request, pk)
    form = PersoonFormulier(request.POST or None, organisatie=org)
    if request.method == "POST" and form.is_valid():
        gegevens = form.velden()
        try:
            actions.voeg_toe_en_vraag_instemming(org, door=_door(request), **gegevens)
        except actions.Geweigerd as fout:
            form.add_error(None, str(fout))
        else:
            messages.success(
                request,
                _(
                    "We hebben %(adres)s een e-mail gestuurd. Zegt deze persoon ja, dan zien "
                    "partners de naam. Tot dan zien ze alleen de rol."
                )
                % {"adres": gegevens["email"]},
            )
            return redirect("network:organisatie", org.pk)
    return render(
        request, SJABLONEN + "personen_persoon_nieuw.html", {"organisatie": org, "form": form}
    )


@login_required
def band_nieuw(request, pk):
    org = _organisatie_voor_beheer(request, pk)
    eigen = Persoon.objects.actief().filter(organisatie=org).select_related("organisatie")
    anderen = (
        Persoon.objects.actief()
        .filter(organisatie__gemeente_id=org.gemeente_id)
        .exclude(organisatie=org)
        .select_related("organisatie")
        .order_by("organisatie__name", "naam")
    )
    form = BandFormulier(request.POST or None, eigen=eigen, anderen=anderen)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            actions.leg_band(d["van"], d["naar"], d["soort"], _door(request), sinds=d["sinds"])
        except actions.Geweigerd as fout:
            form.add_error(None, str(fout))
        else:
            messages.success(request, _("De band staat in het web."))
            return redirect("network:organisatie", org.pk)
    return render(
        request,
        SJABLONEN + "personen_band_nieuw.html",
        {
            "organisatie": org,
            "form": form,
            "geen_eigen": not eigen.exists(),
            "geen_anderen": not anderen.exists(),
        },
    )


@login_required
@require_POST
def instemlink(request, pk):
    """Send the consent link again, for a person who has not answered yet."""
    p = get_object_or_404(Persoon.objects.select_related("organisatie"), pk=pk)
    if not toegang.beheert_personen(request.user, p.organisatie):
        raise Http404
    try:
        actions.verstuur_instemlink(p, _door(request))
    except actions.Geweigerd as fout:
        messages.error(request, str(fout))
    else:
        messages.success(request, _("We hebben de link opnieuw gestuurd."))
    return redirect("network:persoon", p.pk)


@login_required
@require_POST
def contact(request, pk):
    """Record that the pair of a tie had contact today: the tie is alive."""
    band = get_object_or_404(
        Band.objects.select_related("van__organisatie", "naar__organisatie"), pk=pk
    )
    if not (
        toegang.beheert_personen(request.user, band.van.organisatie)
        or toegang.beheert_personen(request.user, band.naar.organisatie)
    ):
        raise PermissionDenied
    actions.noteer_contact(band, _door(request))
    messages.success(request, _("Het contact is genoteerd."))
    terug = request.POST.get("terug", "")
    if url_has_allowed_host_and_scheme(terug, {request.get_host()}, request.is_secure()):
        return redirect(terug)
    return redirect("network:organisatie", band.van.organisatie_id)


# --- the person's own pages, behind a signed link ---------------------------------------


def _link_verlopen(request, pk, token, doel):
    """An expired link says so, and sends a new one to the address it was made for (a POST:
    a mail scanner opening the old link sends nothing)."""
    try:
        p = links.controleer(token, doel, pk, ook_verlopen=True)
    except links.LinkOngeldig as fout:
        raise Http404 from fout
    verstuurd, fout = False, ""
    if request.method == "POST" and request.POST.get("actie") == "nieuwe_link":
        try:
            actions.stuur_nieuwe_link(p)
        except actions.Geweigerd as geweigerd:
            fout = str(geweigerd)
        else:
            verstuurd = True
    return render(
        request,
        SJABLONEN + "personen_link_verlopen.html",
        {"dagen": links.geldigheid().days, "verstuurd": verstuurd, "fout": fout},
        status=200 if verstuurd else 410,
    )


def _met_link(doel: str, ook_uitgestapt: bool = False):
    """Check the token before the view runs. A link of somebody else, or a changed one, is
    404; an expired one says so (it shows nothing of the person). Who stepped out can still
    download and erase their data (``ook_uitgestapt``)."""

    def decorator(view):
        @wraps(view)
        def gecontroleerd(request, pk, token):
            try:
                p = links.controleer(token, doel, pk)
            except links.LinkOngeldig as fout:
                if fout.verlopen:
                    return _link_verlopen(request, pk, token, doel)
                raise Http404 from fout
            if p.uitgestapt_op is not None and not ook_uitgestapt:
                return render(request, SJABLONEN + "personen_uitgestapt.html")
            return view(request, p)

        return gecontroleerd

    return decorator


@_met_link(links.INSTEMMEN)
def instemmen(request, p):
    """The consent page: what partners will see, and "Ja, ik doe mee" or "Nee"."""
    fout = ""
    if request.method == "POST" and not p.ingestemd:
        keuze = request.POST.get("keuze")
        if keuze == "ja":
            p = actions.stem_in(p)
            messages.success(
                request,
                _("Dank je wel. Partners in het web zien nu je naam en hoe je bereikbaar bent."),
            )
            return redirect(links.pad(p, links.MIJN_GEGEVENS))
        if keuze == "nee":
            actions.weiger(p)
            return render(
                request, SJABLONEN + "personen_geweigerd.html", {"organisatie": p.organisatie}
            )
        fout = _("Kies 'Ja, ik doe mee' of 'Nee'.")
    return render(
        request,
        SJABLONEN + "personen_instemmen.html",
        {
            "persoon": p,
            "fout": fout,
            "gegevens_link": links.pad(p, links.MIJN_GEGEVENS),
        },
    )


@_met_link(links.MIJN_GEGEVENS)
def mijn_gegevens(request, p):
    """The person sees and corrects their own entry, or steps out (after a confirmation)."""
    actie = request.POST.get("actie") if request.method == "POST" else request.GET.get("actie")
    if actie == "uitstappen":
        return render(
            request,
            SJABLONEN + "personen_uitstappen.html",
            {"persoon": p, "bewaar_maanden": actions.web_bewaar_maanden()},
        )
    if request.method == "POST" and actie == "uitstappen_bevestigd":
        actions.stap_uit(p)
        return render(request, SJABLONEN + "personen_uitgestapt.html", {"net_gedaan": True})
    form = MijnGegevensFormulier(
        request.POST if request.method == "POST" else None,
        initial={veld: getattr(p, veld) for veld in actions.ZELF_TE_VERBETEREN},
    )
    if request.method == "POST" and form.is_valid():
        oud_adres = p.email
        try:
            p = actions.corrigeer_zelf(p, **form.cleaned_data)
        except actions.Geweigerd as fout:
            form.add_error(None, str(fout))
        else:
            if p.email.lower() != oud_adres.lower():
                messages.success(
                    request,
                    _("Opgeslagen. We hebben een nieuwe link gestuurd naar %(adres)s.")
                    % {"adres": p.email},
                )
            else:
                messages.success(request, _("Opgeslagen."))
            return redirect(links.pad(p, links.MIJN_GEGEVENS))
    return render(
        request,
        SJABLONEN + "personen_mijn_gegevens.html",
        {
            "persoon": p,
            "form": form,
            "instem_link": links.pad(p, links.INSTEMMEN),
            "download_link": _eigen_pad("network:mijn_download", p),
            "wissen_link": _eigen_pad("network:mijn_wissen", p),
        },
    )


def _eigen_pad(naam: str, p) -> str:
    return reverse(naam, args=[p.pk, links.maak_token(p, links.MIJN_GEGEVENS)])


@_met_link(links.MIJN_GEGEVENS, ook_uitgestapt=True)
def mijn_download(request, p):
    """Everything kept about you in every part of Samenspel, as a file (AVG: recht op inzage)."""
    audit.leg_vast(Actie.GEDOWNLOAD, p, actions.ZELF, Partij.SYSTEEM, Kanaal.EMAILLINK)
    antwoord = rechten_views.download(rechten.PERSOON, p)
    antwoord["Cache-Control"] = "no-store"
    return antwoord


@_met_link(links.MIJN_GEGEVENS, ook_uitgestapt=True)
def mijn_wissen(request, p):
    """Erase everything about you, in every part of Samenspel. Afterwards this link stops
    working: there is nobody left to show it to."""
    terug = None if request.method == "POST" else links.pad(p, links.MIJN_GEGEVENS)
    antwoord = rechten_views.wissen(request, rechten.PERSOON, p, terug=terug)
    antwoord["Cache-Control"] = "no-store"
    return antwoord
