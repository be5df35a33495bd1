"""Pages of "Vraag een verbinder" and "Samen beginnen" (issue 11, items 5 and 6).

Views only orchestrate: the rules live in ``verbinders`` (who knows an initiative),
``forms_verbinder`` and ``actions``. Who may see people is ``toegang``.
"""

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samenspel.core.limits import over_limit
from samenspel.directory.models import Service
from samenspel.privacy import audit
from samenspel.privacy.models import Actie, Kanaal, Partij

from . import actions, links, verbinders
from .forms_verbinder import AntwoordFormulier, SamenFormulier, VraagFormulier
from .models import Antwoord, Samen
from .toegang import is_partner

# A question goes to a person's own mailbox: a handful an hour is plenty for real work.
VRAGEN_PER_UUR = 10
UITNODIGINGEN_PER_UUR = 20
PER_PAGINA = 20


@login_required
def vraag_verbinder(request, pk, persoon):
    service = get_object_or_404(
        Service.objects.zichtbaar_voor(request.user).select_related("organization"), pk=pk
    )
    if not is_partner(request.user, service.organization.gemeente_id):
        raise Http404
    kenner = verbinders.kenner(service.organization, persoon)
    if kenner is None:
        raise Http404
    form = VraagFormulier(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        if over_limit(request, "verbinder-vraag", VRAGEN_PER_UUR, key=f"u{request.user.pk}"):
            form.add_error(
                None, _("Je hebt dit uur al veel vragen gestuurd. Probeer het later nog eens.")
            )
        else:
            try:
                actions.vraag_verbinder(
                    kenner.persoon, service, request.user, form.cleaned_data["vraag"]
                )
            except actions.Geweigerd as fout:
                form.add_error("vraag", str(fout))
            else:
                messages.success(
                    request,
                    _("Je vraag is verstuurd naar %(naam)s. Het antwoord komt in je eigen mailbox.")
                    % {"naam": kenner.naam},
                )
                return redirect(service)
    if request.method == "GET":
        audit.leg_vast(Actie.BEKEKEN, kenner.persoon, request.user.get_username(), Partij.BEHEERDER)
    return render(
        request,
        "network/verbinder_vraag.html",
        {"service": service, "kenner": kenner, "form": form},
    )


@login_required
def samen_nieuw(request):
    if not verbinders.mag_samen_ergens(request.user):
        raise PermissionDenied
    form = SamenFormulier(
        request.POST if request.method == "POST" else None,
        gebruiker=request.user,
        initial={"persoon": request.GET.get("persoon")} if request.method == "GET" else None,
    )
    if request.method == "GET" and "persoon" in request.GET:
        # A link from a listing; a person who is not among the choices is simply not chosen.
        if not form.fields["persoon"].queryset.filter(pk=_uuid(request.GET["persoon"])).exists():
            form.initial = {}
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        persoon = data["persoon"]
        if not verbinders.mag_samen_beginnen(request.user, persoon.organisatie.gemeente_id):
            raise PermissionDenied
        if over_limit(
            request, "samen-uitnodiging", UITNODIGINGEN_PER_UUR, key=f"u{request.user.pk}"
        ):
            form.add_error(
                None, _("Je hebt dit uur al veel mensen uitgenodigd. Probeer het later nog eens.")
            )
            return render(request, "network/verbinder_samen_nieuw.html", {"form": form})
        try:
            with transaction.atomic():
                toestemming = actions.leg_samen_toestemming_vast(
                    request.user, persoon, data["gesprek"], data["wanneer"], form.gegevens
                )
                samen = actions.nodig_uit(
                    request.user,
                    persoon,
                    toestemming,
                    data["gesprek"],
                    data["wanneer"],
                    data["waar"],
                    data.get("voornaam", ""),
                )
        except actions.Geweigerd as fout:
            form.add_error(None, str(fout))
        else:
            messages.success(
                request,
                _("De uitnodiging is verstuurd naar %(naam)s.") % {"naam": persoon.naam},
            )
            return redirect("network:samen", samen.pk)
    return render(request, "network/verbinder_samen_nieuw.html", {"form": form})


def _uuid(waarde):
    try:
        return uuid.UUID(str(waarde))
    except ValueError:
        return None


def _eigen(request, pk) -> Samen:
    """An invitation of the user's own; anyone else's does not exist for them."""
    samen = get_object_or_404(
        Samen.objects.select_related("persoon__organisatie", "toestemming", "band"), pk=pk
    )
    if samen.uitnodiger_id != request.user.pk:
        raise Http404
    return samen


@login_required
def samen_lijst(request):
    if not verbinders.mag_samen_ergens(request.user):
        raise PermissionDenied
    actions.tel_voorbije_mee(uitnodiger=request.user)
    rijen = Samen.objects.filter(uitnodiger=request.user).select_related("persoon__organisatie")
    pagina = Paginator(rijen, PER_PAGINA).get_page(request.GET.get("pagina"))
    return render(request, "network/verbinder_samen_lijst.html", {"pagina": pagina})


@login_required
def samen(request, pk):
    samen = _eigen(request, pk)
    # A "yes" whose conversation date has passed counts toward the tie from now on.
    if actions.tel_voorbije_mee(samen=samen):
        samen = _eigen(request, pk)
    return render(
        request,
        "network/verbinder_samen.html",
        {"samen": samen, "antwoord": Antwoord, "kan_gehouden": _kan_gehouden(samen)},
    )


def _kan_gehouden(samen: Samen) -> bool:
    return (
        samen.loopt
        and samen.gehouden_op is None
        and samen.antwoord == Antwoord.JA
        and timezone.localtime(samen.wanneer).date() <= timezone.localdate()
    )


@login_required
@require_POST
def samen_gehouden(request, pk):
    samen = _eigen(request, pk)
    try:
        actions.markeer_gehouden(samen, request.user.get_username())
    except actions.Geweigerd as fout:
        messages.error(request, str(fout))
    else:
        messages.success(request, _("Genoteerd: jullie zijn samen begonnen."))
    return redirect("network:samen", samen.pk)


@login_required
def samen_intrekken(request, pk):
    samen = _eigen(request, pk)
    if request.method == "POST":
        try:
            actions.trek_samen_in(samen, request.user.get_username())
        except actions.Geweigerd as fout:
            messages.error(request, str(fout))
        else:
            messages.success(request, _("De uitnodiging is ingetrokken."))
        return redirect("network:samen", samen.pk)
    return render(request, "network/verbinder_samen_intrekken.html", {"samen": samen})


def samen_antwoord(request, pk, token):
    """The invited partner answers from the e-mail, without an account."""
    samen = links.samen_uit_token(pk, token)
    if samen is None:
        raise Http404
    form = AntwoordFormulier(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.beantwoord_samen(samen, form.cleaned_data["keuze"] == "ja")
        except actions.Geweigerd as fout:
            messages.error(request, str(fout))
        else:
            messages.success(request, _("Dank je wel. We hebben je antwoord doorgegeven."))
        return redirect(request.path)
    if request.method == "GET":
        audit.leg_vast(Actie.BEKEKEN, samen, samen.persoon.naam, Partij.ONTVANGER, Kanaal.EMAILLINK)
    return render(
        request,
        "network/verbinder_samen_antwoord.html",
        {
            "samen": samen,
            "form": form,
            "antwoord": Antwoord,
            "voorbij": samen.wanneer <= timezone.now(),
            "open": samen.loopt
            and samen.toestemming.is_geldig()
            and samen.wanneer > timezone.now(),
        },
    )
