"""Pages for a worry about a person (issue 13, items 2, 3 and 5); they only orchestrate.

Who sees what is ``toegang.py``: the content is for the receiving team alone, every read
audited; the signaller has a private link with status and dates only; a beheerder edits the
routing rules; analysts see counts, never a worry.
"""

from collections import defaultdict
from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.http import Http404, HttpResponseForbidden
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samenspel.accounts.werkgebied import gemeenten_van
from samenspel.areas.models import Gebied, Niveau
from samenspel.core import limits, mail
from samenspel.core.links import LinkOngeldig
from samenspel.directory.models import Organization
from samenspel.privacy import audit, rechten, rechten_views
from samenspel.privacy.models import Actie, Kanaal, Partij
from samenspel.signals import actions, routering, toegang, zorglinks, zorgmails
from samenspel.signals import rechten as zorgrechten
from samenspel.signals.forms_zorg import (
    DoorstuurFormulier,
    ProefFormulier,
    RouteregelFormulier,
    StatusFormulier,
    ZorgFormulier,
)
from samenspel.signals.models import Doorzending, Routeregel, Zorgmelding, Zorgstatus

PER_PAGINA = 20
DREMPEL = 3  # counts below this are shown as "minder dan 3"


def _pagina(request, qs):
    return Paginator(qs, PER_PAGINA).get_page(request.GET.get("pagina"))


def _gebied(code, niveau):
    if not isinstance(code, str) or len(code) > 10:
        return None
    return Gebied.objects.filter(code=code.strip(), niveau=niveau).first()


# --- the signaller --------------------------------------------------------------------------


def doorgeven(request):
    """The form for a worry about a person; only where a team in Samenspel receives it."""
    buurt = _gebied(request.GET.get("buurt"), Niveau.BUURT)
    gemeente = buurt.gemeente if buurt else _gebied(request.GET.get("gemeente"), Niveau.GEMEENTE)
    if gemeente is not None and not routering.heeft_ontvanger(gemeente):
        return render(request, "signals/zorg_geen_ontvanger.html", {"gemeente": gemeente})
    gemeenten = list(routering.gemeenten_met_ontvanger())
    if gemeente is None and not gemeenten:
        return render(request, "signals/zorg_geen_ontvanger.html", {"gemeente": None})

    form = ZorgFormulier(
        request.POST or None,
        gemeente=gemeente,
        initial={"buurt": buurt.pk} if buurt else None,
    )
    if gemeente is None:
        form.fields["buurt"].queryset = form.fields["buurt"].queryset.filter(
            ouder__ouder__in=gemeenten
        )
    if request.method == "POST" and form.is_valid():
        regel = routering.team_voor(form.cleaned_data["buurt"], form.cleaned_data["soort"])
        if regel is None:
            form.add_error(
                "buurt",
                _(
                    "Voor deze buurt en dit soort zorg is er in Samenspel nog geen team. "
                    "Bel het Meldpunt Zorgwekkend Gedrag: 0800-1205."
                ),
            )
        elif limits.over_limit(request, "signalen-zorg", 20):
            form.add_error(
                None, _("Je hebt al veel zorgen doorgegeven. Probeer het later nog eens.")
            )
        else:
            with transaction.atomic():
                melding = actions.zorg_doorgeven(
                    regel=regel,
                    buurt=form.cleaned_data["buurt"],
                    soort=form.cleaned_data["soort"],
                    wat=form.cleaned_data["wat"],
                    straat=form.cleaned_data["straat"].strip(),
                    huisnummer=form.cleaned_data["huisnummer"].strip(),
                    contact=form.cleaned_data["contact"],
                    naam_mag_gedeeld=form.cleaned_data["naam_mag_gedeeld"],
                    door=request.user,
                )
                link = zorglinks.pad(melding)
                if form.email:
                    zorgmails.link_aan_melder(melding, form.email, mail.absoluut(link))
            return redirect(link + "?nieuw=1")
    return render(
        request,
        "signals/zorg_doorgeven.html",
        {"form": form, "gemeente": gemeente},
        status=400 if form.is_bound and form.errors else 200,
    )


def zorg_status(request, pk, token):
    """The signaller's private page: the status and dates, never anything about the person."""
    try:
        melding = zorglinks.controleer(token, pk)
    except LinkOngeldig as fout:
        raise Http404 from fout
    antwoord = render(
        request,
        "signals/zorg_status.html",
        {
            "melding": melding,
            "doorzending": melding.laatste_doorzending,
            "nieuw": request.GET.get("nieuw") == "1",
            "link": request.build_absolute_uri(zorglinks.pad(melding)),
            "token": token,
        },
    )
    antwoord["Cache-Control"] = "no-store"
    antwoord["Referrer-Policy"] = "no-referrer"
    antwoord["X-Robots-Tag"] = "noindex"
    return antwoord


def _eigen_link(view):
    """The signaller's own link: somebody else's, or a changed one, is 404. Never cached.

    No "no-referrer" here, unlike the status page: the erasure form posts from this page, and
    without a referrer the browser sends no origin, which the CSRF check refuses. The site's
    "same-origin" policy already keeps the token from other sites.
    """

    @wraps(view)
    def gecontroleerd(request, pk, token):
        try:
            melding = zorglinks.controleer(token, pk)
        except LinkOngeldig as fout:
            raise Http404 from fout
        antwoord = view(request, melding, token)
        antwoord["Cache-Control"] = "no-store"
        antwoord["X-Robots-Tag"] = "noindex"
        return antwoord

    return gecontroleerd


@_eigen_link
def zorg_download(request, melding, token):
    """What is kept about the signaller, as a file (AVG: recht op inzage)."""
    audit.leg_vast(Actie.GEDOWNLOAD, melding, "melder", Partij.VERWIJZER, Kanaal.EMAILLINK)
    return rechten_views.download(rechten.MELDER, melding)


@_eigen_link
def zorg_wissen(request, melding, token):
    """The signaller asks to erase what is theirs, in every part of Samenspel."""
    return rechten_views.wissen(
        request,
        rechten.MELDER,
        melding,
        terug=zorglinks.pad(melding),
        blijft=zorgrechten.blijft(),
    )


# --- the team -------------------------------------------------------------------------------


@login_required
def zorg_inbox(request, team):
    team = get_object_or_404(Organization, pk=team)
    if not toegang.is_team(request.user, team):
        raise Http404
    meldingen = Zorgmelding.objects.filter(team=team).select_related("buurt")
    doorgestuurd = (
        Doorzending.objects.filter(van_team=team)
        .select_related("melding__buurt")
        .order_by("-wanneer")
    )
    return render(
        request,
        "signals/zorg_inbox.html",
        {
            "team": team,
            "pagina": _pagina(request, meldingen),
            "nieuw": meldingen.filter(status=Zorgstatus.NIEUW).count(),
            "doorgestuurd": doorgestuurd[:50],
        },
    )


def _melding_voor_team(request, pk) -> Zorgmelding:
    melding = get_object_or_404(Zorgmelding.objects.select_related("team", "buurt"), pk=pk)
    if not toegang.is_team(request.user, melding.team):
        raise Http404
    return melding


@login_required
def zorg_detail(request, pk, status_form=None, doorstuur_form=None):
    melding = get_object_or_404(
        Zorgmelding.objects.select_related("team", "buurt__ouder", "gemeente"), pk=pk
    )
    if toegang.is_team(request.user, melding.team):
        actions.zorg_gelezen(melding, request.user)
        return render(
            request,
            "signals/zorg_detail.html",
            {
                "melding": melding,
                "status_form": status_form or StatusFormulier(initial={"status": melding.status}),
                "doorstuur_form": doorstuur_form or DoorstuurFormulier(melding=melding),
                "doorzendingen": melding.doorzendingen.select_related("van_team", "naar_team"),
            },
            status=400 if (status_form or doorstuur_form) else 200,
        )
    # A team that forwarded it keeps seeing its status, not its content.
    eerder = (
        request.user.organisatie_id
        and request.user.rol in toegang.TEAMROLLEN
        and melding.doorzendingen.filter(van_team_id=request.user.organisatie_id).exists()
    )
    if not eerder:
        raise Http404
    team = request.user.organisatie
    return render(request, "signals/zorg_doorgestuurd.html", {"melding": melding, "team": team})


@require_POST
@login_required
def zorg_bijwerken(request, pk):
    melding = _melding_voor_team(request, pk)
    form = StatusFormulier(request.POST)
    if not form.is_valid():
        return zorg_detail(request, pk, status_form=form)
    actions.zorg_status(melding, form.cleaned_data["status"], request.user)
    messages.success(
        request,
        _("De status is nu “%(status)s”. De melder ziet dat op de eigen link.")
        % {"status": melding.get_status_display()},
    )
    return redirect("signals:zorg_detail", pk=melding.pk)


@require_POST
@login_required
def zorg_doorsturen(request, pk):
    melding = _melding_voor_team(request, pk)
    form = DoorstuurFormulier(request.POST, melding=melding)
    if not form.is_valid():
        return zorg_detail(request, pk, doorstuur_form=form)
    van = melding.team
    actions.zorg_doorsturen(melding, form.cleaned_data["naar"], request.user)
    messages.success(
        request,
        _("Doorgestuurd naar %(team)s. Je ziet hier nog wel de status, niet meer de inhoud.")
        % {"team": form.cleaned_data["naar"].name},
    )
    return redirect("signals:zorg_inbox", team=van.pk)


# --- counts for analysts ---------------------------------------------------------------------


def _getal(n: int):
    return n if n >= DREMPEL else None


@login_required
def zorg_tellingen(request):
    codes = gemeenten_van(request.user)
    code = request.GET.get("gemeente") or (next(iter(codes)) if codes and len(codes) == 1 else "")
    gemeente = _gebied(code, Niveau.GEMEENTE)
    if gemeente is not None and not toegang.ziet_tellingen(request.user, gemeente.code):
        return HttpResponseForbidden()
    if gemeente is None and not toegang.ziet_tellingen(request.user, code or None):
        if not (codes and any(toegang.ziet_tellingen(request.user, c) for c in codes)):
            return HttpResponseForbidden()
    keuze = Gebied.objects.filter(niveau=Niveau.GEMEENTE)
    if codes is not None:
        keuze = keuze.filter(code__in=codes)
    rijen = []
    if gemeente is not None:
        tellingen = defaultdict(dict)
        qs = (
            Zorgmelding.objects.filter(gemeente=gemeente)
            .annotate(maand=TruncMonth("aangemaakt"))
            .values("buurt__ouder__naam", "maand", "status")
            .annotate(n=Count("id"))
        )
        for r in qs:
            tellingen[(r["buurt__ouder__naam"] or "—", r["maand"])][r["status"]] = r["n"]
        for (wijk, maand), per_status in sorted(
            tellingen.items(), key=lambda item: (item[0][0], item[0][1]), reverse=False
        ):
            rijen.append(
                {
                    "wijk": wijk,
                    "maand": maand,
                    "cellen": [_getal(per_status.get(s.value, 0)) for s in Zorgstatus],
                    "totaal": _getal(sum(per_status.values())),
                }
            )
    return render(
        request,
        "signals/zorg_tellingen.html",
        {
            "gemeente": gemeente,
            "keuze": keuze,
            "statussen": list(Zorgstatus),
            "rijen": rijen,
        },
    )


# --- routing rules (beheerder) -----------------------------------------------------------------


def _beheerder(request):
    if not toegang.beheert_routes(request.user):
        raise Http404


@login_required
def routes(request):
    _beheerder(request)
    regels = Routeregel.objects.select_related("gemeente", "wijk", "team")
    return render(request, "signals/zorg_routes.html", {"pagina": _pagina(request, regels)})


@login_required
def route_bewerken(request, pk=None):
    _beheerder(request)
    regel = get_object_or_404(Routeregel, pk=pk) if pk is not None else None
    form = RouteregelFormulier(request.POST or None, instance=regel)
    if request.method == "POST" and form.is_valid():
        actions.regel_opslaan(form.save(commit=False), request.user)
        messages.success(request, _("De routeregel is opgeslagen."))
        return redirect("signals:routeregels")
    return render(
        request,
        "signals/zorg_route_bewerken.html",
        {"form": form, "regel": regel},
        status=400 if form.is_bound and form.errors else 200,
    )


@login_required
def route_verwijderen(request, pk):
    _beheerder(request)
    regel = get_object_or_404(Routeregel.objects.select_related("gemeente", "wijk", "team"), pk=pk)
    if request.method == "POST":
        actions.regel_verwijderen(regel, request.user)
        messages.success(request, _("De routeregel is verwijderd."))
        return redirect("signals:routeregels")
    return render(request, "signals/zorg_route_verwijderen.html", {"regel": regel})


@login_required
def route_proef(request):
    """ "Waar komt dit terecht?": the team a worry would go to, and why."""
    _beheerder(request)
    form = ProefFormulier(request.GET if "buurt" in request.GET else None)
    uitkomst = None
    if form.is_bound and form.is_valid():
        uitkomst = {
            "regel": routering.team_voor(form.cleaned_data["buurt"], form.cleaned_data["soort"]),
            "buurt": form.cleaned_data["buurt"],
        }
    return render(request, "signals/zorg_route_proef.html", {"form": form, "uitkomst": uitkomst})
