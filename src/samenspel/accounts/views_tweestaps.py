"""The pages of logging in in two steps: set up an app, the second step after the password,
the recovery codes (shown once), and turning it off or making new codes.

Who must use them is `tweestaps.py`; what changes is `actions.py`; these only orchestrate.
"""

import django_otp
from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django_otp.plugins.otp_static.models import StaticDevice

from samenspel.accounts import actions, startpagina, tweestaps
from samenspel.core import qr
from samenspel.core.forms import Formulier

SJABLONEN = "accounts/tweestaps/"
SESSIE_CODES = "samenspel_herstelcodes"


class CodeFormulier(Formulier):
    """One code, checked against the user's devices by `controle` (an action)."""

    code = forms.CharField(
        label=gettext_lazy("Code"),
        max_length=20,
        help_text=gettext_lazy("De 6 cijfers uit de app op je telefoon. Of een herstelcode."),
        error_messages={"required": gettext_lazy("Vul de code in.")},
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "text", "spellcheck": "false"}
        ),
    )
    fout = gettext_lazy(
        "Deze code klopt niet. Vul de 6 cijfers in die de app nu laat zien, of een herstelcode "
        "die je nog niet hebt gebruikt."
    )

    def __init__(self, *args, controle, **kwargs):
        super().__init__(*args, **kwargs)
        self.controle = controle
        self.uitkomst = None

    def clean(self):
        gegevens = super().clean()
        if self.errors:  # an empty code, or a box not ticked: no code is used up
            return gegevens
        uitkomst = self.controle(gegevens["code"])
        if uitkomst.wacht_seconden:
            self.add_error(
                "code",
                forms.ValidationError(
                    ngettext(
                        "Te vaak een verkeerde code. Wacht %(n)d seconde en probeer het opnieuw.",
                        "Te vaak een verkeerde code. Wacht %(n)d seconden en probeer het opnieuw.",
                        uitkomst.wacht_seconden,
                    )
                    % {"n": uitkomst.wacht_seconden},
                    code="wacht",
                ),
            )
        elif uitkomst.apparaat is None:
            self.add_error("code", forms.ValidationError(self.fout, code="fout"))
        else:
            self.uitkomst = uitkomst
        return gegevens


class AppCodeFormulier(CodeFormulier):
    """Setting up: only the app's code confirms that the app has the secret."""

    fout = gettext_lazy(
        "Deze code klopt niet. Vul de 6 cijfers in die de app nu laat zien. Staat de klok "
        "van je telefoon goed?"
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].help_text = _("De 6 cijfers die de app nu laat zien bij Samenspel.")
        self.fields["code"].widget.attrs["inputmode"] = "numeric"


class UitzettenFormulier(CodeFormulier):
    zeker = forms.BooleanField(
        label=gettext_lazy("Ja, zet inloggen in twee stappen uit"),
        error_messages={"required": gettext_lazy("Vink aan dat je het zeker weet.")},
    )


def _voor_deze_rol(request) -> None:
    if not tweestaps.geldt_voor(request.user):
        raise PermissionDenied


def _doel(request) -> str | None:
    return tweestaps.veilig_doel(request, request.POST.get("next") or request.GET.get("next"))


def _bewezen(request, apparaat) -> None:
    """The session has proved a code: a new session key, so a cookie seen before this step
    does not share in it, and django-otp remembers the device for the session."""
    request.session.cycle_key()
    django_otp.login(request, apparaat)


@never_cache
@sensitive_post_parameters("code")
@login_required
def tweede_stap(request):
    if tweestaps.volgende_stap(request) != "accounts:tweede_stap":
        return redirect(_doel(request) or startpagina.voor(request.user))
    gebruiker = request.user
    formulier = CodeFormulier(
        request.POST or None,
        controle=lambda code: actions.controleer_tweede_stap(gebruiker, code),
    )
    if request.method == "POST" and formulier.is_valid():
        apparaat = formulier.uitkomst.apparaat
        _bewezen(request, apparaat)
        messages.success(request, _("Je bent ingelogd."))
        if isinstance(apparaat, StaticDevice):
            over = actions.herstelcodes_over(gebruiker)
            messages.warning(
                request,
                ngettext(
                    "Je hebt een herstelcode gebruikt. Je hebt er nog %(n)d. Maak nieuwe codes "
                    "bij Inloggen in twee stappen.",
                    "Je hebt een herstelcode gebruikt. Je hebt er nog %(n)d. Maak nieuwe codes "
                    "bij Inloggen in twee stappen.",
                    over,
                )
                % {"n": over},
            )
        return redirect(_doel(request) or startpagina.voor(gebruiker))
    return render(
        request, SJABLONEN + "tweede_stap.html", {"form": formulier, "next": _doel(request)}
    )


def _in_groepjes(tekst: str) -> str:
    return " ".join(tekst[i : i + 4] for i in range(0, len(tekst), 4))


@never_cache
@sensitive_post_parameters("code")
@login_required
def instellen(request):
    _voor_deze_rol(request)
    gebruiker = request.user
    if tweestaps.heeft_app(gebruiker):
        return redirect("accounts:twee_stappen")
    nieuwe_codes = []

    def controle(code):
        uitkomst, codes = actions.zet_twee_stappen_aan(gebruiker, code)
        nieuwe_codes.extend(codes)
        return uitkomst

    formulier = AppCodeFormulier(request.POST or None, controle=controle)
    if request.method == "POST" and formulier.is_valid():
        _bewezen(request, formulier.uitkomst.apparaat)
        request.session[SESSIE_CODES] = nieuwe_codes
        messages.success(request, _("Inloggen in twee stappen staat aan."))
        return redirect("accounts:herstelcodes")
    apparaat = actions.app_in_wording(gebruiker)
    adres = apparaat.config_url
    geheim = adres.split("secret=", 1)[1].split("&", 1)[0]
    return render(
        request,
        SJABLONEN + "instellen.html",
        {
            "form": formulier,
            "qr": qr.svg_eenmalig(adres, _("QR-code om Samenspel aan je app toe te voegen")),
            "geheim": _in_groepjes(geheim),
            "verplicht": tweestaps.verplicht(),
        },
    )


@never_cache
@login_required
def herstelcodes(request):
    _voor_deze_rol(request)
    codes = request.session.pop(SESSIE_CODES, None)
    return render(
        request,
        SJABLONEN + "herstelcodes.html",
        {"codes": codes, "verder": startpagina.voor(request.user)},
    )


@never_cache
@sensitive_post_parameters("nieuw-code", "uit-code")
@login_required
def beheren(request):
    _voor_deze_rol(request)
    gebruiker = request.user
    if not tweestaps.heeft_app(gebruiker):
        return render(request, SJABLONEN + "beheren.html", {"aan": False})

    def controle(code):
        return actions.controleer_tweede_stap(gebruiker, code)

    actie = request.POST.get("actie") if request.method == "POST" else None
    nieuw = CodeFormulier(
        request.POST if actie == "nieuw" else None, prefix="nieuw", controle=controle
    )
    uit = UitzettenFormulier(
        request.POST if actie == "uit" else None, prefix="uit", controle=controle
    )
    if actie == "nieuw" and nieuw.is_valid():
        request.session[SESSIE_CODES] = actions.maak_nieuwe_herstelcodes(gebruiker)
        messages.success(
            request, _("Je nieuwe herstelcodes staan hieronder. De oude werken niet meer.")
        )
        return redirect("accounts:herstelcodes")
    if actie == "uit" and uit.is_valid():
        actions.zet_twee_stappen_uit(gebruiker)
        messages.success(request, _("Inloggen in twee stappen staat uit."))
        return redirect("accounts:twee_stappen")
    return render(
        request,
        SJABLONEN + "beheren.html",
        {
            "aan": True,
            "nieuw": nieuw,
            "uit": uit,
            "over": actions.herstelcodes_over(gebruiker),
            "verplicht": tweestaps.verplicht(),
        },
    )
