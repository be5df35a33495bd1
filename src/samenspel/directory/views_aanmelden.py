"""Public pages for initiatives, all without an account: register, confirm, edit, stop.

Links in e-mail are opened by mail scanners too, so no GET ever changes anything: each link
leads to a page with one clear button that POSTs.
"""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from samenspel.areas.models import Gebied
from samenspel.core import limits
from samenspel.directory import actions, links, registratie, vooraf_laden
from samenspel.directory.models import Moderatie, ServiceStatus

SJABLONEN = "directory/aanmelden/"
# New edit links at most this often per address per hour, whoever asks: enough for a
# forgetful owner, too few to flood someone's mailbox.
BEWERKLINK_MAX_PER_UUR = 3


def _link_ongeldig(request, fout: links.LinkOngeldig):
    return render(
        request,
        SJABLONEN + "link_ongeldig.html",
        {"verlopen": fout.verlopen, "dagen": links.geldigheid().days},
        status=400 if fout.verlopen else 403,
    )


def _met_link(doel: str):
    """Check the token before the view runs; a bad link gets the friendly page."""

    def decorator(view):
        def gecontroleerd(request, token, pk=None):
            try:
                service = links.controleer(token, doel, pk)
            except links.LinkOngeldig as fout:
                return _link_ongeldig(request, fout)
            return view(request, service)

        gecontroleerd.__name__ = view.__name__
        gecontroleerd.__doc__ = view.__doc__
        return gecontroleerd

    return decorator


def _gekozen_gemeente(request) -> Gebied | None:
    code = request.GET.get("gemeente", "")
    return Gebied.objects.gemeenten().filter(code=code).first() if code else None


def _gegevens(request):
    # An empty POST is still a submission: it must show every missing field.
    return request.POST if request.method == "POST" else None


def _door(request, service) -> str:
    if request.user.is_authenticated:
        return request.user.get_username()
    return service.beheerder_email


def aanmelden(request):
    gemeente = _gekozen_gemeente(request)
    if gemeente is None and registratie.buurtlijst_te_lang():
        return render(
            request, SJABLONEN + "kies_gemeente.html", {"gemeenten": Gebied.objects.gemeenten()}
        )
    form = registratie.AanmeldFormulier(_gegevens(request), gemeente=gemeente)
    dubbelen = []
    if request.method == "POST":
        geldig = form.is_valid()
        data = form.cleaned_data
        # Shown even while other fields still need work, so nobody fills in everything twice.
        if data.get("naam") and isinstance(data.get("buurt"), Gebied):
            dubbelen = registratie.mogelijke_dubbelen(data["naam"], data["buurt"].gemeente)
        if geldig and dubbelen and not data.get("niet_dubbel"):
            form.eis_geen_dubbel()
        elif geldig:
            service = actions.registreer(form.cleaned_data)
            request.session["aanmelding"] = {
                "naam": service.name,
                "email": service.beheerder_email,
                "telefoon": service.beheerder_telefoon,
            }
            return redirect("directory:aanmelden_verstuurd")
    return render(
        request,
        SJABLONEN + "formulier.html",
        {"form": form, "dubbelen": dubbelen, "gemeente": gemeente},
    )


def verstuurd(request):
    return render(
        request, SJABLONEN + "verstuurd.html", {"aanmelding": request.session.get("aanmelding")}
    )


@_met_link(links.BEVESTIG)
def bevestig_email(request, service):
    if request.method == "POST":
        actions.bevestig_email(service)
        service.refresh_from_db()
    return render(request, SJABLONEN + "bevestigen.html", {"service": service})


def _bewerkbaar(service) -> bool:
    return service.status == ServiceStatus.ACTIVE and service.moderatie != Moderatie.AFGEWEZEN


@_met_link(links.BEWERK)
def bewerken(request, service):
    if not _bewerkbaar(service):
        return render(request, SJABLONEN + "niet_bewerkbaar.html", {"service": service})
    beginwaarden = registratie.beginwaarden(service)
    gemeente = None
    if registratie.buurtlijst_te_lang() and beginwaarden["buurt"]:
        gemeente = Gebied.objects.get(code=beginwaarden["buurt"]).gemeente
    form = registratie.BewerkFormulier(_gegevens(request), initial=beginwaarden, gemeente=gemeente)
    if request.method == "POST" and form.is_valid():
        oud_email = service.beheerder_email
        gewijzigd = actions.bewerk(service, form.cleaned_data, _door(request, service))
        service.refresh_from_db()
        if not gewijzigd:
            messages.info(request, _("Opgeslagen. Er was niets veranderd."))
        elif service.is_live:
            messages.success(request, _("Opgeslagen. Je wijzigingen staan meteen op de kaart."))
        else:
            messages.success(request, _("Opgeslagen. De netwerkhouder kijkt er nog naar."))
        if service.beheerder_email and service.beheerder_email.lower() != oud_email.lower():
            messages.info(
                request,
                _("We hebben een nieuwe bewerklink gestuurd naar %(adres)s.")
                % {"adres": service.beheerder_email},
            )
        return redirect(links.pad(service, links.BEWERK))
    return render(
        request,
        SJABLONEN + "bewerken.html",
        {
            "form": form,
            "service": service,
            "klopt_nog_link": links.pad(service, links.KLOPT_NOG),
            "stop_link": links.pad(service, links.STOP),
        },
    )


def _zoals_op_de_kaart(service) -> dict:
    """Times, place and contact as the kaart shows them now: what "klopt nog" confirms."""
    vooraf_laden.voor_lijst([service])
    locaties = [sal.location for sal in service.service_at_locations.all()]
    return {
        "locaties": locaties,
        "adressen": [a for loc in locaties for a in loc.addresses.all()],
    }


@_met_link(links.KLOPT_NOG)
def klopt_nog(request, service):
    """The page behind the e-mail's link: the current details and one button (a POST, so a
    mail scanner opening the link confirms nothing)."""
    if request.method == "POST" and service.status == ServiceStatus.ACTIVE:
        actions.klopt_nog(service, _door(request, service))
        messages.success(request, _("Dank je wel! We hebben genoteerd dat alles nog klopt."))
        return redirect(request.path)
    return render(
        request,
        SJABLONEN + "klopt_nog.html",
        {
            "service": service,
            "bewerk_link": links.pad(service, links.BEWERK),
            "vandaag_bevestigd": service.assured_date == timezone.localdate(),
            **_zoals_op_de_kaart(service),
        },
    )


@_met_link(links.STOP)
def stoppen(request, service):
    if request.method == "POST":
        actions.stop(service, _door(request, service))
        return redirect(request.path)
    return render(request, SJABLONEN + "stoppen.html", {"service": service})


def nieuwe_bewerklink(request):
    form = registratie.BewerklinkFormulier(_gegevens(request))
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        sleutel = limits.email_key(email)
        if not limits.over_limit(request, "bewerklinks", BEWERKLINK_MAX_PER_UUR, key=sleutel):
            actions.vraag_bewerklinks(email)
        # The same words whether or not we know the address: nobody learns who is listed.
        messages.info(
            request,
            _(
                "Als dit adres bij ons bekend is, krijg je binnen een paar minuten een e-mail "
                "met nieuwe links. Kijk ook in je map met ongewenste e-mail."
            ),
        )
        return redirect("directory:nieuwe_bewerklink")
    return render(request, SJABLONEN + "bewerklink.html", {"form": form})
