"""The moderation queue: netwerkhouders judge new registrations in their own area."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samenspel.core.forms import NLDSMixin
from samenspel.directory import actions, historie, netwerkhouders, registratie
from samenspel.directory.models import Moderatie, Service, ServiceStatus, Wijziging

SJABLONEN = "directory/beheer/"
PER_PAGINA = 25


class _Beslisformulier(NLDSMixin, forms.Form):
    """A decision's text; its help says how the registrant hears it (e-mail, or a call)."""

    use_required_attribute = False  # no red box before anyone typed; the server checks
    veld = ""
    uitleg_telefoon = ""

    def __init__(self, *args, telefoon: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        if telefoon:
            self.fields[self.veld].help_text = self.uitleg_telefoon % {"nummer": telefoon}


class VraagFormulier(_Beslisformulier):
    veld = "vraag"
    uitleg_telefoon = gettext_lazy(
        "Deze aanmelder heeft geen e-mailadres. Bel je vraag door op %(nummer)s en schrijf "
        "hier op wat je vroeg."
    )
    vraag = forms.CharField(
        label=gettext_lazy("Je vraag aan de aanmelder"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("De aanmelder krijgt je vraag per e-mail, met een bewerklink."),
        error_messages={"required": gettext_lazy("Schrijf je vraag op.")},
    )


class AfwijsFormulier(_Beslisformulier):
    veld = "reden"
    uitleg_telefoon = gettext_lazy(
        "Deze aanmelder heeft geen e-mailadres. Bel %(nummer)s om de reden te vertellen en "
        "schrijf hier op wat je zei."
    )
    reden = forms.CharField(
        label=gettext_lazy("Reden van afwijzen"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("De aanmelder krijgt deze reden per e-mail. Schrijf vriendelijk."),
        error_messages={"required": gettext_lazy("Schrijf op waarom je afwijst.")},
    )


def _eis_netwerkhouder(gebruiker) -> None:
    if not gebruiker.is_netwerkhouder:
        raise PermissionDenied


def aanmeldingen_voor(gebruiker):
    """Open registrations in the user's area (every area for a beheerder)."""
    return netwerkhouders.te_beoordelen_door(
        gebruiker, Service.objects.filter(moderatie__in=actions.OPEN, status=ServiceStatus.ACTIVE)
    )


@login_required
def wachtrij(request):
    _eis_netwerkhouder(request.user)
    alles = aanmeldingen_voor(request.user)
    tellingen = dict(
        Service.objects.filter(pk__in=alles.values("pk"))
        .values_list("moderatie")
        .annotate(n=Count("pk"))
    )
    soort = request.GET.get("soort", Moderatie.WACHTRIJ)
    if soort not in actions.OPEN:
        soort = Moderatie.WACHTRIJ
    lijst = (
        historie.met_antwoordvlag(alles.filter(moderatie=soort))
        .select_related("organization")
        .prefetch_related("service_at_locations__location__buurt")
        .order_by("aangemaakt")
    )
    pagina = Paginator(lijst, PER_PAGINA).get_page(request.GET.get("pagina"))
    tabs = [
        {"soort": s, "label": Moderatie(s).label, "aantal": tellingen.get(s, 0)}
        for s in (Moderatie.WACHTRIJ, Moderatie.VRAAG, Moderatie.ONBEVESTIGD)
    ]
    return render(
        request,
        SJABLONEN + "wachtrij.html",
        {
            "pagina": pagina,
            "tabs": tabs,
            "soort": soort,
            "querystring": f"soort={soort}",
            "totaal": sum(tellingen.values()),
        },
    )


def _alleen_telefoon(service) -> str:
    """The registrant's phone number when that is the only way to reach them, else ''."""
    return "" if service.beheerder_email else service.beheerder_telefoon


def _uitvoeren(request, service, actie: str):
    """Run one moderation action; returns the bound form when it needs another look."""
    telefoon = _alleen_telefoon(service)
    namen = {"naam": service.name, "nummer": telefoon}
    if actie == "goedkeuren":
        actions.keur_goed(service, request.user)
        if telefoon:
            melding = _(
                "“%(naam)s” staat nu op de kaart. Bel de aanmelder op %(nummer)s om het "
                "te vertellen."
            )
        else:
            melding = _("“%(naam)s” staat nu op de kaart.")
        messages.success(request, melding % namen)
        return None
    if actie == "vraag":
        form = VraagFormulier(request.POST, telefoon=telefoon)
        if not form.is_valid():
            return form
        actions.stel_vraag(service, request.user, form.cleaned_data["vraag"])
        if telefoon:
            melding = _(
                "Je vraag is opgeslagen. Een e-mail kan niet: bel de aanmelder op %(nummer)s."
            )
        else:
            melding = _("Je vraag is gemaild naar de aanmelder.")
        messages.success(request, melding % namen)
        return None
    if actie == "afwijzen":
        form = AfwijsFormulier(request.POST, telefoon=telefoon)
        if not form.is_valid():
            return form
        actions.wijs_af(service, request.user, form.cleaned_data["reden"])
        if telefoon:
            melding = _(
                "“%(naam)s” is afgewezen. Bel de aanmelder op %(nummer)s om de reden te vertellen."
            )
        else:
            melding = _("“%(naam)s” is afgewezen. De aanmelder krijgt de reden per e-mail.")
        messages.success(request, melding % namen)
        return None
    raise Http404


@login_required
def beoordeel(request, pk):
    _eis_netwerkhouder(request.user)
    service = get_object_or_404(Service.objects.select_related("organization"), pk=pk)
    # An outsider learns nothing, not even that the registration exists.
    if not netwerkhouders.beoordeelt(request.user, service):
        raise Http404
    telefoon = _alleen_telefoon(service)
    vraag_form = VraagFormulier(telefoon=telefoon)
    afwijs_form = AfwijsFormulier(telefoon=telefoon)
    status = 200
    if request.method == "POST":
        actie = request.POST.get("actie", "")
        if service.moderatie not in actions.OPEN:
            messages.warning(request, _("Over deze aanmelding is al besloten."))
            return redirect("directory:beoordeel", pk=service.pk)
        fout = _uitvoeren(request, service, actie)
        if fout is None:
            return redirect("directory:wachtrij")
        if actie == "vraag":
            vraag_form = fout
        else:
            afwijs_form = fout
        status = 400
    return render(
        request,
        SJABLONEN + "beoordeel.html",
        {
            "service": service,
            "gegevens": registratie.beginwaarden(service),
            "gebieden": netwerkhouders.gebieden_van(service),
            "open": service.moderatie in actions.OPEN,
            "dubbelen": _dubbelen(service),
            "vraag_form": vraag_form,
            "afwijs_form": afwijs_form,
            "historie": historie.regels(
                Wijziging.objects.filter(resource_type="service", resource_id=service.pk)
            ),
            "antwoord": historie.antwoord_op_vraag(service),
        },
        status=status,
    )


def _dubbelen(service):
    gemeente = service.organization.gemeente
    if gemeente is None:
        return []
    return registratie.mogelijke_dubbelen(service.name, gemeente, zonder=service.pk)
