"""Network meetings: series, meetings, pitches, invitations, answers without an account, feeds.

Pages of a series and its meetings are for partners of the series' gemeente only
(``network.toegang``); anyone else gets a 404, so a series' existence is not given away. The
answer and "kennisgemaakt" pages and the feeds open by a signed link (``bijeenkomstlinks``).
Mail scanners open every link in an e-mail, so no GET behind a link changes anything: the
one-click answer in the mail opens a page with the answer chosen and one button that POSTs.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from samenspel.accounts.models import Rol

from . import actions, bijeenkomsten, ical, reeksregel, toegang
from . import bijeenkomstlinks as links
from .forms_bijeenkomsten import (
    AgendapuntForm,
    AntwoordForm,
    KennisgemaaktForm,
    ReeksForm,
    UitnodigenForm,
)
from .models import Rsvp

PER_PAGINA = 20


def _door(request) -> str:
    gebruiker = request.user
    return gebruiker.get_full_name() or gebruiker.get_username()


def _post(request):
    """The posted data, also when empty (an empty POST must show errors, not a fresh form)."""
    return request.POST if request.method == "POST" else None


def _partner(request):
    """Only partners (and beheerders) work with meetings; an analist sees no people."""
    if request.user.rol not in toegang.PARTNERROLLEN and request.user.rol != Rol.BEHEERDER:
        raise PermissionDenied


@login_required
def reeksen(request):
    _partner(request)
    pagina = Paginator(bijeenkomsten.reeksen_voor(request.user), PER_PAGINA).get_page(
        request.GET.get("pagina")
    )
    rijen = [(r, reeksregel.omschrijving(r)) for r in pagina]
    return render(request, "network/bijeenkomsten_reeksen.html", {"pagina": pagina, "rijen": rijen})


@login_required
def reeks_nieuw(request):
    _partner(request)
    gemeenten = bijeenkomsten.gemeenten_voor(request.user)
    if not gemeenten.exists():
        raise PermissionDenied
    form = ReeksForm(_post(request), gemeenten=gemeenten)
    if request.method == "POST" and form.is_valid():
        velden = dict(form.cleaned_data)
        gastheren = velden.pop("gastheren")
        if velden["frequentie"] != "maandelijks":
            velden["week_van_de_maand"] = None
        try:
            reeks = actions.start_reeks(gastheren, _door(request), **velden)
        except actions.Geweigerd as fout:
            form.add_error(None, str(fout))
        else:
            messages.success(request, _("De reeks is gestart. Nodig nu mensen uit."))
            return redirect("network:reeks", pk=reeks.pk)
    return render(
        request,
        "network/bijeenkomsten_reeks_nieuw.html",
        {"form": form},
        status=400 if form.is_bound and form.errors else 200,
    )


@login_required
def reeks(request, pk):
    reeks = bijeenkomsten.reeks_voor(request.user, pk)
    # The next meetings follow from the rule alone; planning them is idempotent.
    actions.plan_bijeenkomsten(reeks)
    komend = list(bijeenkomsten.komend(reeks))
    volgende = komend[0] if komend else None
    return render(
        request,
        "network/bijeenkomsten_reeks.html",
        {
            "reeks": reeks,
            "slot": reeksregel.omschrijving(reeks),
            "gastheren": reeks.gastheren.select_related("organisatie"),
            "komend": [(b, bijeenkomsten.antwoorden(b)) for b in komend],
            "geweest": bijeenkomsten.geweest(reeks)[:5],
            "volgende": volgende,
            "agenda": volgende.agendapunten.select_related("service", "presentator")
            if volgende
            else [],
            "feed": request.build_absolute_uri(links.reeks_feed_pad(reeks)),
        },
    )


def _bijeenkomst_pagina(request, bijeenkomst, agendaform=None, uitnodigform=None, status=200):
    reeks = bijeenkomst.reeks
    if agendaform is None:
        agendaform = AgendapuntForm(
            aanbod=bijeenkomsten.aanbod_kandidaten(request.user, reeks),
            mensen=bijeenkomsten.mensen_van_het_web(reeks),
            casusoverleg=reeks.is_casusoverleg,
        )
    if uitnodigform is None:
        uitnodigform = UitnodigenForm(mensen=bijeenkomsten.uit_te_nodigen(bijeenkomst))
    return render(
        request,
        "network/bijeenkomsten_bijeenkomst.html",
        {
            "bijeenkomst": bijeenkomst,
            "reeks": reeks,
            "slot": reeksregel.omschrijving(reeks),
            "agenda": bijeenkomst.agendapunten.select_related("service", "presentator"),
            "antwoorden": bijeenkomsten.antwoorden(bijeenkomst),
            "agendaform": agendaform,
            "uitnodigform": uitnodigform,
        },
        status=status,
    )


@login_required
def bijeenkomst(request, pk):
    bijeenkomst = bijeenkomsten.bijeenkomst_voor(request.user, pk)
    if request.method != "POST":
        return _bijeenkomst_pagina(request, bijeenkomst)
    reeks = bijeenkomst.reeks
    form = AgendapuntForm(
        request.POST,
        aanbod=bijeenkomsten.aanbod_kandidaten(request.user, reeks),
        mensen=bijeenkomsten.mensen_van_het_web(reeks),
        casusoverleg=reeks.is_casusoverleg,
    )
    if form.is_valid():
        try:
            actions.voeg_agendapunt_toe(
                bijeenkomst,
                form.cleaned_data["service"],
                form.cleaned_data["presentator"],
                _door(request),
                onderwerp=form.cleaned_data.get("onderwerp", ""),
            )
        except actions.Geweigerd as fout:
            form.add_error(None, str(fout))
        else:
            messages.success(request, _("Het agendapunt staat op de agenda."))
            return redirect("network:bijeenkomst", pk=bijeenkomst.pk)
    return _bijeenkomst_pagina(request, bijeenkomst, agendaform=form, status=400)


@login_required
@require_POST
def uitnodigen(request, pk):
    bijeenkomst = bijeenkomsten.bijeenkomst_voor(request.user, pk)
    form = UitnodigenForm(request.POST, mensen=bijeenkomsten.uit_te_nodigen(bijeenkomst))
    if form.is_valid():
        try:
            nieuw = actions.nodig_uit_voor_bijeenkomst(
                bijeenkomst, form.cleaned_data["personen"], _door(request)
            )
        except actions.Geweigerd as fout:
            form.add_error(None, str(fout))
        else:
            messages.success(
                request,
                ngettext(
                    "%(n)s uitnodiging verstuurd per e-mail.",
                    "%(n)s uitnodigingen verstuurd per e-mail.",
                    len(nieuw),
                )
                % {"n": len(nieuw)},
            )
            return redirect("network:bijeenkomst", pk=bijeenkomst.pk)
    return _bijeenkomst_pagina(request, bijeenkomst, uitnodigform=form, status=400)


# --- without an account, by signed link --------------------------------------------------------


def rsvp(request, token):
    uitnodiging = links.uitnodiging_uit(token, links.RSVP)
    bijeenkomst = uitnodiging.bijeenkomst
    klaar = False
    if request.method == "POST":
        form = AntwoordForm(request.POST)
        if form.is_valid():
            try:
                uitnodiging = actions.beantwoord(uitnodiging, form.cleaned_data["antwoord"])
            except actions.Geweigerd as fout:
                form.add_error(None, str(fout))
            else:
                klaar = True
    else:
        gekozen = request.GET.get("antwoord") or uitnodiging.antwoord
        form = AntwoordForm(initial={"antwoord": gekozen if gekozen in Rsvp.values else None})
    return render(
        request,
        "network/bijeenkomsten_rsvp.html",
        {
            "uitnodiging": uitnodiging,
            "bijeenkomst": bijeenkomst,
            "reeks": bijeenkomst.reeks,
            "slot": reeksregel.omschrijving(bijeenkomst.reeks),
            "agenda": bijeenkomst.agendapunten.select_related("service"),
            "form": form,
            "klaar": klaar,
            "kennisgemaakt": links.kennisgemaakt_pad(uitnodiging),
            "feed": request.build_absolute_uri(links.persoon_feed_pad(uitnodiging.persoon)),
        },
        status=400 if form.is_bound and form.errors else 200,
    )


def kennisgemaakt(request, token):
    uitnodiging = links.uitnodiging_uit(token, links.KENNISGEMAAKT)
    bijeenkomst = uitnodiging.bijeenkomst
    anderen = bijeenkomsten.andere_aanwezigen(uitnodiging)
    bekend = bijeenkomsten.al_bekend(uitnodiging.persoon, anderen)
    form = KennisgemaaktForm(_post(request), anderen=anderen.exclude(pk__in=bekend))
    if request.method == "POST" and bijeenkomst.geweest and form.is_valid():
        try:
            gelegd = actions.leg_kennismakingen(uitnodiging, form.cleaned_data["personen"])
        except actions.Geweigerd as fout:
            form.add_error(None, str(fout))
        else:
            messages.success(
                request,
                ngettext(
                    "Bewaard: %(n)s nieuwe kennismaking in het web.",
                    "Bewaard: %(n)s nieuwe kennismakingen in het web.",
                    len(gelegd),
                )
                % {"n": len(gelegd)},
            )
            return redirect(request.path)
    return render(
        request,
        "network/bijeenkomsten_kennisgemaakt.html",
        {
            "uitnodiging": uitnodiging,
            "bijeenkomst": bijeenkomst,
            "reeks": bijeenkomst.reeks,
            "form": form,
            "bekend": [p for p in anderen if p.pk in bekend],
        },
        status=400 if form.is_bound and form.errors else 200,
    )


def _ics(naam: str, inhoud: bytes) -> HttpResponse:
    antwoord = HttpResponse(inhoud, content_type="text/calendar; charset=utf-8")
    antwoord["Content-Disposition"] = f'inline; filename="{naam}.ics"'
    # The feed holds a private place: not for shared caches.
    antwoord["Cache-Control"] = "private, max-age=900"
    return antwoord


def ical_reeks(request, token):
    reeks = links.reeks_uit_feed(token)
    actions.plan_bijeenkomsten(reeks)
    lijst = reeks.bijeenkomsten.select_related("reeks__locatie", "gastheer").prefetch_related(
        "agendapunten__service"
    )
    return _ics("bijeenkomsten", ical.agenda(reeks.naam, lijst))


def ical_persoon(request, token):
    persoon = links.persoon_uit_feed(token)
    naam = _("Bijeenkomsten van %(naam)s") % {"naam": persoon.naam}
    return _ics("mijn-bijeenkomsten", ical.agenda(naam, bijeenkomsten.bijeenkomsten_van(persoon)))
