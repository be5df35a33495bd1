"""Pages of the hand-over: one person leaves, or an organisation's work moves to another.

Both pages take two steps: choose, then confirm on a page that says what will happen; only
the confirmation writes anything. Views only orchestrate: access is ``network.toegang``, the
work is ``network.overdracht``.
"""

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from samenspel.directory.models import Organization
from samenspel.privacy import audit
from samenspel.privacy.models import Actie, Partij

from . import overdracht, toegang
from .actions import Geweigerd
from .forms_overdracht import KiesOrganisatiesFormulier, OpvolgersFormulier, VertrekFormulier
from .models import Persoon

SJABLONEN = "network/"
PER_PAGINA = 50
SAMENVATTING = "overdracht:samenvatting"


def _stap(request) -> str:
    """Which button was pressed: check the choices, confirm them, or go back and change."""
    if request.method != "POST":
        return ""
    return request.POST.get("stap", "controleer")


def _leest(request, personen) -> None:
    """Reading people's entries by someone else is in the audit log (issue 11, item 9)."""
    gezien = {p.pk: p for p in personen}
    audit.leg_vast_veel(
        Actie.BEKEKEN, gezien.values(), request.user.get_username(), Partij.BEHEERDER
    )


@login_required
def vertrek(request, pk):
    persoon = get_object_or_404(Persoon.objects.select_related("organisatie"), pk=pk)
    if not toegang.beheert_personen(request.user, persoon.organisatie):
        if toegang.is_partner(request.user, persoon.organisatie.gemeente_id):
            raise PermissionDenied
        # To anyone outside the gemeente's web this person does not exist.
        raise Http404
    regels = overdracht.open_banden([persoon])
    kandidaten = list(overdracht.collega_s(persoon).order_by("naam", "sinds"))
    al_weg = persoon.vertrokken is not None
    form = None
    # After leaving, the page stays for what is still open: ties at risk, volunteers.
    if not al_weg or regels or persoon.vrijwilligers:
        form = VertrekFormulier(
            request.POST if request.method == "POST" else None,
            regels=regels,
            kandidaten=kandidaten,
            persoon=persoon,
            met_datum=not al_weg,
        )
    stap = _stap(request)
    _leest(request, [persoon, *(r.ander for r in regels)])
    context = {
        "persoon": persoon,
        "form": form,
        "al_weg": al_weg,
        "vertrekt_nog": al_weg and persoon.vertrokken > timezone.localdate(),
        "regels": regels,
        "overgedragen": overdracht.overgedragen(persoon) if al_weg else [],
        "heeft_collega_s": bool(kandidaten),
    }
    if form is not None and stap in ("controleer", "bevestig") and form.is_valid():
        keuzes = form.keuzes()
        vrijwilligers_naar = form.vrijwilligers_naar()
        if stap == "bevestig":
            try:
                overdracht.vertrek(
                    persoon,
                    keuzes,
                    request.user.get_username(),
                    op=form.cleaned_data.get("vertrokken"),
                    vrijwilligers_naar=vrijwilligers_naar,
                )
            except Geweigerd as fout:
                messages.error(request, str(fout))
            else:
                messages.success(request, _bevestiging(keuzes, al_weg, persoon))
                return redirect("network:vertrek", persoon.pk)
        else:
            context.update(
                keuzes=list(keuzes.items()),
                vrijwilligers_naar=vrijwilligers_naar,
                zonder_opvolger=sum(1 for o in keuzes.values() if o is None),
            )
            return render(request, SJABLONEN + "overdracht_vertrek_bevestig.html", context)
    return render(request, SJABLONEN + "overdracht_vertrek.html", context)


def _bevestiging(keuzes, al_weg, persoon) -> str:
    over = sum(1 for o in keuzes.values() if o is not None)
    tekst = ngettext(
        "%(n)s band is overgedragen.",
        "%(n)s banden zijn overgedragen.",
        over,
    ) % {"n": over}
    if al_weg:
        return tekst
    return _("Het vertrek van %(wie)s is verwerkt.") % {"wie": persoon.zichtbaar_als} + " " + tekst


def _beheerde_organisaties(gebruiker):
    """Organisations with people in the gemeenten where this user keeps the web."""
    codes = toegang.gemeenten_van(gebruiker)
    organisaties = Organization.objects.filter(personen__isnull=False)
    if codes is not None:
        codes = [c for c in codes if toegang.beheert_web(gebruiker, c)]
        if not codes:
            raise PermissionDenied
        organisaties = organisaties.filter(gemeente__in=codes)
    elif not toegang.beheert_web(gebruiker, None):
        raise PermissionDenied
    return organisaties.distinct().order_by("name")


def _bestaat_of_404(organisaties, waarde: str) -> None:
    """An organisation in the address that is no UUID, or out of reach, is not there."""
    if not waarde:
        return
    try:
        uuid.UUID(waarde)
    except ValueError as fout:
        raise Http404 from fout
    if not organisaties.filter(pk=waarde).exists():
        raise Http404


@login_required
def overdracht_pagina(request):
    """Bulk hand-over: every tie of one organisation's people moves to another's in one step."""
    organisaties = _beheerde_organisaties(request.user)
    gekozen = "van" in request.GET or "naar" in request.GET
    for sleutel in ("van", "naar"):
        _bestaat_of_404(organisaties, request.GET.get(sleutel, ""))
    kies = KiesOrganisatiesFormulier(request.GET if gekozen else None, organisaties=organisaties)
    context = {"kies": kies, "samenvatting": request.session.pop(SAMENVATTING, None)}
    if not (gekozen and kies.is_valid()):
        return render(request, SJABLONEN + "overdracht_bulk.html", context)
    van, naar = kies.cleaned_data["van"], kies.cleaned_data["naar"]
    if not toegang.beheert_web(request.user, van.gemeente_id):
        raise Http404
    alle_regels = overdracht.open_banden(
        Persoon.objects.filter(organisatie=van), zonder_organisatie=naar
    )
    kandidaten = list(
        Persoon.objects.filter(organisatie=naar, vertrokken__isnull=True)
        .select_related("organisatie")
        .order_by("naam", "sinds")
    )
    bron = request.POST if request.method == "POST" else request.GET
    pagina = Paginator(alle_regels, PER_PAGINA).get_page(bron.get("pagina"))
    op_pagina = {r.band.pk for r in pagina.object_list}
    form = OpvolgersFormulier(
        request.POST if request.method == "POST" else None,
        regels=pagina.object_list,
        kandidaten=kandidaten,
        overige=[r for r in alle_regels if r.band.pk not in op_pagina],
    )
    _leest(request, [p for r in pagina.object_list for p in (r.eigen, r.ander)])
    context.update(
        van=van,
        naar=naar,
        form=form,
        pagina=pagina,
        aantal=len(alle_regels),
        kandidaten=kandidaten,
        querystring=urlencode({"van": van.pk, "naar": naar.pk}),
    )
    stap = _stap(request)
    if stap in ("controleer", "bevestig") and kandidaten and form.is_valid():
        keuzes = form.keuzes()
        if stap == "bevestig":
            try:
                uitkomst = overdracht.verhuis(van, naar, keuzes, request.user.get_username())
            except Geweigerd as fout:
                messages.error(request, str(fout))
            else:
                request.session[SAMENVATTING] = _samenvatting(uitkomst, van, naar)
                adres = reverse("network:overdracht") + "?" + context["querystring"]
                return redirect(adres)
        else:
            context.update(_plan(keuzes))
            return render(request, SJABLONEN + "overdracht_bulk_bevestig.html", context)
    return render(request, SJABLONEN + "overdracht_bulk.html", context)


def _plan(keuzes) -> dict:
    """What the confirmation screen says: how many ties go to whom, and who hears of it."""
    per_opvolger: dict = {}
    partners = set()
    for regel, opvolger in keuzes.items():
        if opvolger is not None:
            per_opvolger.setdefault(opvolger, []).append(regel)
            partners.add(regel.ander.pk)
    return {
        "per_opvolger": sorted(per_opvolger.items(), key=lambda kv: kv[0].zichtbaar_als),
        "verplaatst": sum(len(v) for v in per_opvolger.values()),
        "blijven": sum(1 for o in keuzes.values() if o is None),
        "partners": len(partners),
    }


def _samenvatting(uitkomst, van, naar) -> dict:
    """The summary shown once after the move (kept in the session, plain values only)."""
    per_opvolger: dict = {}
    partners = set()
    for o in uitkomst:
        if o.nieuw is not None:
            wie = o.opvolger.zichtbaar_als
            per_opvolger[wie] = per_opvolger.get(wie, 0) + 1
            if o.regel.ander.email:
                partners.add(str(o.regel.ander.pk))
    return {
        "van": van.name,
        "naar": naar.name,
        "verplaatst": sum(per_opvolger.values()),
        "blijven": sum(1 for o in uitkomst if o.nieuw is None),
        "per_opvolger": sorted(per_opvolger.items()),
        "partners": len(partners),
    }
