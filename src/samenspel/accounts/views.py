from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samenspel.accounts import inlogbeveiliging, startpagina, tweestaps
from samenspel.core.forms import NLDSMixin


class InlogFormulier(inlogbeveiliging.BlokkadeMelding, NLDSMixin, AuthenticationForm):
    error_messages = {
        "invalid_login": gettext_lazy(
            "Deze combinatie van gebruikersnaam en wachtwoord kennen we niet. Let op hoofdletters."
        ),
        "inactive": gettext_lazy("Dit account is niet actief."),
    }


class InlogView(auth_views.LoginView):
    template_name = "accounts/inloggen.html"
    authentication_form = InlogFormulier
    redirect_authenticated_user = True

    def form_valid(self, form):
        antwoord = super().form_valid(form)
        # The password was right; for some roles a code comes next (tweestaps.py), and only
        # then are they logged in, with the page they asked for still waiting.
        if stap := tweestaps.volgende_stap(self.request):
            return redirect(tweestaps.naar_stap(stap, antwoord.url))
        messages.success(self.request, _("Je bent ingelogd."))
        return antwoord

    def get_default_redirect_url(self):
        # Only without a (safe) `next`: Django's get_success_url checks that one first.
        return startpagina.voor(self.request.user)


class UitlogView(auth_views.LogoutView):
    def post(self, request, *args, **kwargs):
        antwoord = super().post(request, *args, **kwargs)
        # After logout the session is gone; the message travels in the messages cookie.
        messages.info(request, _("Je bent uitgelogd."))
        return antwoord
