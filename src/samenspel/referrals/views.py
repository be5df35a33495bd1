"""Pages for logged-in users: send a referral or a question, the inbox, one referral, figures,
and the intake settings of one's own service."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from samenspel.directory.models import Service
from samenspel.referrals import actions, cijfers, forms, links
from samenspel.referrals.models import Ontvangst, Status, Verwijzing
from samenspel.referrals.pagina import persoonlijk, toon, verwerk
from samenspel.referrals.toegang import (
    Betrokkene,
    afzender_tekst,
    is_ontvanger,
    mag_verwijzen,
    partij_van,
    status_voor,
)

SJABLONEN = "referrals/"


def _doelservice(request, pk) -> Service:
    """A service the user may see and that takes referrals; else it does not exist for them."""
    service = get_object_or_404(
        Service.objects.zichtbaar_voor(request.user).select_related("organization"), pk=pk
    )
    if not actions.neemt_verwijzingen(service):
        raise Http404
    return service


def _gegevens(request):
    return request.POST if request.method == "POST" else None


@login_required
@persoonlijk
def nieuw(request, pk):
    if not mag_verwijzen(request.user):
        raise PermissionDenied
    service = _doelservice(request, pk)
    form = forms.VerwijsFormulier(_gegevens(request))
    if request.method == "POST" and form.is_valid():
        try:
            v, token = actions.verwijs(request.user, service, form.gegevens())
        except actions.Geweigerd as fout:
            messages.error(request, str(fout))
        else:
            # Shown once on the next page, to hand to the resident; never stored.
            request.session[f"bewonerlink:{v.pk}"] = token
            return redirect("referrals:detail", v.pk)
    return render(
        request,
        SJABLONEN + "nieuw.html",
        {
            "form": form,
            "service": service,
            "ontvangst": Ontvangst.van(service),
            "doel": actions.doel_tekst(service),
        },
    )


@login_required
def plekvraag(request, pk):
    if not mag_verwijzen(request.user):
        raise PermissionDenied
    service = _doelservice(request, pk)
    form = forms.PlekvraagFormulier(_gegevens(request))
    if request.method == "POST" and form.is_valid():
        try:
            v = actions.vraag_plek(request.user, service, form.cleaned_data["vraag"])
        except actions.Geweigerd as fout:
            messages.error(request, str(fout))
        else:
            messages.success(
                request, _("Je vraag is verstuurd. Je krijgt een e-mail met het antwoord.")
            )
            return redirect("referrals:detail", v.pk)
    return render(
        request,
        SJABLONEN + "plekvraag.html",
        {"form": form, "service": service, "ontvangst": Ontvangst.van(service)},
    )


@login_required
def inbox(request):
    """Received and sent referrals, without names: those are shown (and logged) per referral."""
    gebruiker = request.user
    ontvangen = Verwijzing.objects.none()
    if gebruiker.organisatie_id:
        ontvangen = Verwijzing.objects.ontvangen_door(gebruiker.organisatie_id)
    verstuurd = Verwijzing.objects.filter(afzender=gebruiker)
    per_service = (
        ontvangen.values("service_id", "service__name")
        .annotate(
            open=Count("pk", filter=Q(status=Status.REQUESTED)),
            totaal=Count("pk"),
        )
        .order_by("service__name")
    )

    def regels(qs, rol):
        # Lists carry no personal data at all (so nothing here needs logging): a reference,
        # the service, the sender and the status as far as this party may hear it.
        partij = Betrokkene(rol, gebruiker.get_username(), gebruiker=gebruiker)
        uitkomst = []
        for v in qs.select_related("service", "afzender", "afzender_organisatie")[:100]:
            status = status_voor(v, partij)
            uitkomst.append(
                {
                    "v": v,
                    "afzender": afzender_tekst(v),
                    "status": status[0] if status else None,
                    "status_label": status[1] if status else None,
                }
            )
        return uitkomst

    return render(
        request,
        SJABLONEN + "inbox.html",
        {
            "ontvangen": regels(ontvangen, "ontvanger"),
            "verstuurd": regels(verstuurd, "verwijzer"),
            "per_service": per_service,
            "onbeantwoord": ontvangen.filter(status=Status.REQUESTED).count(),
            "mag_verwijzen": mag_verwijzen(gebruiker),
            "eigen_aanbod": Service.objects.filter(organization_id=gebruiker.organisatie_id)
            if gebruiker.organisatie_id
            else [],
        },
    )


@login_required
@persoonlijk
def detail(request, pk):
    v = get_object_or_404(
        Verwijzing.objects.select_related(
            "service__organization", "toestemming", "afzender", "afzender_organisatie"
        ),
        pk=pk,
    )
    partij = partij_van(v, request.user)
    if partij is None:
        # Not a party: to them this referral does not exist.
        raise Http404
    terug = request.path
    if request.method == "POST":
        return verwerk(request, v, partij, terug)
    bewonerlink = request.session.pop(f"bewonerlink:{v.pk}", None) if partij.is_verwijzer else None
    return toon(
        request,
        v,
        partij,
        bewonerlink=request.build_absolute_uri(links.bewoner_pad(bewonerlink))
        if bewonerlink
        else "",
    )


@login_required
def cijfers_pagina(request):
    if not request.user.is_professional:
        raise PermissionDenied
    return render(
        request,
        SJABLONEN + "cijfers.html",
        {"gebieden": cijfers.per_gebied(), "minimum": cijfers.MIN_AANTAL},
    )


@login_required
def ontvangst(request, pk):
    service = get_object_or_404(Service, pk=pk)
    if not is_ontvanger(request.user, service):
        raise PermissionDenied
    return _ontvangst(request, service, terug=request.path)


def _ontvangst(request, service, terug, met_adres=True):
    """Full or not, waiting time; the address for e-mails only when logged in, because
    changing it through an e-mailed link would let a forwarded link take the intake over."""
    huidig = Ontvangst.van(service)
    form = forms.OntvangstFormulier(
        _gegevens(request),
        initial={
            "vol": huidig.vol,
            "wachttijd": huidig.wachttijd,
            "reactie_email": huidig.reactie_email,
        },
    )
    if not met_adres:
        del form.fields["reactie_email"]
    if request.method == "POST" and form.is_valid():
        actions.zet_ontvangst(
            service,
            vol=form.cleaned_data["vol"],
            wachttijd=form.cleaned_data["wachttijd"],
            reactie_email=form.cleaned_data.get("reactie_email", huidig.reactie_email),
            # Without a login the settings were opened from the link e-mailed to the service.
            door=request.user
            if request.user.is_authenticated
            else f"e-maillink {service.name}"[:200],
        )
        messages.success(request, _("Opgeslagen. Verwijzers zien dit meteen."))
        return redirect(terug)
    return render(
        request,
        SJABLONEN + "ontvangst.html",
        {"form": form, "service": service, "ontvangst": huidig, "met_adres": met_adres},
    )
