"""Forgotten password: Django's reset views with our forms, templates and e-mail.

Asking for a link always ends on the same page with the same words, whether or not the
address has an account. The link in the e-mail opens a page to choose a new password (a GET
changes nothing, so a mail scanner opening it does no harm).
"""

from django import forms
from django.contrib import messages
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import views as auth_views
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samenspel.accounts import actions, inlogbeveiliging
from samenspel.core import limits
from samenspel.core.forms import NLDSMixin

SJABLONEN = "accounts/wachtwoord/"
# Links asked for one address per hour, whoever asks: enough for someone who mistyped, too
# few to flood a mailbox by asking on its owner's behalf.
HERSTEL_MAX_PER_UUR = 3


class VergetenFormulier(NLDSMixin, forms.Form):
    use_required_attribute = False
    email = forms.EmailField(
        label=gettext_lazy("Je e-mailadres"),
        max_length=254,
        help_text=gettext_lazy("Het adres waarmee je account is gemaakt."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "required": gettext_lazy("Vul je e-mailadres in."),
            "invalid": gettext_lazy(
                "Dit is geen e-mailadres. Een e-mailadres ziet eruit als naam@voorbeeld.nl."
            ),
        },
    )

    def save(self, request=None, **_kwargs) -> None:
        # Django's view passes its own mail options; our action sends our own e-mail.
        email = self.cleaned_data["email"]
        sleutel = limits.email_key(email)
        if not limits.over_limit(request, "wachtwoordherstel", HERSTEL_MAX_PER_UUR, key=sleutel):
            actions.vraag_wachtwoordherstel(email)


class NieuwFormulier(NLDSMixin, auth_forms.SetPasswordForm):
    use_required_attribute = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].label = _("Nieuw wachtwoord")
        self.fields["new_password1"].help_text = _(
            "Minstens 8 tekens. Niet alleen cijfers, niet te gewoon en niet te veel als je naam."
        )
        self.fields["new_password2"].label = _("Nog een keer hetzelfde wachtwoord")
        self.fields["new_password2"].help_text = ""
        self.error_messages = {
            **self.error_messages,
            "password_mismatch": _("De twee wachtwoorden zijn niet hetzelfde."),
        }
        for veld in self.fields.values():
            veld.error_messages["required"] = _("Vul een wachtwoord in.")

    def save(self, commit=True):
        return actions.stel_wachtwoord_in(self.user, self.cleaned_data["new_password1"])


class VergetenView(auth_views.PasswordResetView):
    template_name = SJABLONEN + "vergeten.html"
    form_class = VergetenFormulier
    success_url = reverse_lazy("accounts:wachtwoord_verstuurd")


class VerstuurdView(auth_views.PasswordResetDoneView):
    template_name = SJABLONEN + "verstuurd.html"


class NieuwView(auth_views.PasswordResetConfirmView):
    template_name = SJABLONEN + "nieuw.html"
    form_class = NieuwFormulier
    success_url = reverse_lazy("accounts:inloggen")

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "dagen": actions.geldig_dagen()}

    def form_valid(self, form):
        antwoord = super().form_valid(form)
        # Reading the e-mail proves the account is theirs: their own earlier failed guesses
        # from here no longer keep them out.
        inlogbeveiliging.hef_op(self.request, form.user.get_username())
        messages.success(self.request, _("Je nieuwe wachtwoord is opgeslagen. Log er nu mee in."))
        return antwoord
