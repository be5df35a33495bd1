"""The meldroute's two questions, and the beheerder's form for a gemeente's own routes."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from samenspel.areas.models import Gebied
from samenspel.core.forms import Formulier, NLDSMixin
from samenspel.directory.registratie import telefoon_cijfers
from samenspel.signals.meldroute import ACUUT, NIET_ACUUT, Wie
from samenspel.signals.models import RegionaleRoute

_OPMAAK = re.compile(r"[<>]")


class GemeenteKeuze(forms.ModelChoiceField):
    def __init__(self, **kwargs):
        super().__init__(
            queryset=Gebied.objects.gemeenten().order_by("naam"),
            to_field_name="code",
            label=_("Gemeente"),
            empty_label=_("Kies een gemeente"),
            error_messages={
                "required": _("Kies de gemeente."),
                "invalid_choice": _(
                    "Deze gemeente kennen we niet. Kies een gemeente uit de lijst."
                ),
            },
            **kwargs,
        )


class VraagFormulier(Formulier):
    """Who are you, is it acute, and where: nothing of it is kept (issue 13, item 1)."""

    wie = forms.ChoiceField(
        label=_("Wie ben jij?"),
        choices=Wie.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies wie je bent.")},
    )
    urgentie = forms.ChoiceField(
        label=_("Is het acuut?"),
        help_text=_(
            "Acuut betekent: er is nu gevaar. Iemand kan zichzelf of een ander iets aandoen, "
            "of is ernstig in de war en heeft nu hulp nodig."
        ),
        choices=[
            (ACUUT, _("Ja, het is acuut: er is nu gevaar")),
            (NIET_ACUUT, _("Nee, het is niet acuut: het kan een dag wachten")),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies of het acuut is.")},
    )
    gemeente = GemeenteKeuze(
        help_text=_("Waar woont of verblijft de persoon om wie je je zorgen maakt?")
    )


class RouteFormulier(NLDSMixin, forms.ModelForm):
    """A regional route; each error names its field."""

    use_required_attribute = False

    gemeente = GemeenteKeuze()

    class Meta:
        model = RegionaleRoute
        fields = ["gemeente", "soort", "naam", "telefoon", "openingstijden", "website"]
        help_texts = {
            "telefoon": _("Een Nederlands nummer, zoals 030 123 45 67 of 0800-1234."),
            "openingstijden": _("Bijvoorbeeld: werkdagen 9.00 tot 17.00 uur, of: dag en nacht."),
            "website": _("Begin met https://"),
        }
        error_messages = {
            "soort": {"required": _("Kies de soort route.")},
            "naam": {"required": _("Vul de naam in.")},
            "telefoon": {"required": _("Vul het telefoonnummer in.")},
            "website": {"invalid": _("Vul een goed webadres in, zoals https://www.voorbeeld.nl.")},
        }

    def _tekst(self, naam: str) -> str:
        waarde = " ".join((self.cleaned_data.get(naam) or "").split())
        if _OPMAAK.search(waarde):
            raise forms.ValidationError(_("Gebruik geen < of > in dit veld."))
        return waarde

    def clean_naam(self):
        return self._tekst("naam")

    def clean_openingstijden(self):
        return self._tekst("openingstijden")

    def clean_telefoon(self):
        waarde = " ".join((self.cleaned_data.get("telefoon") or "").split())
        if not telefoon_cijfers(waarde):
            raise forms.ValidationError(
                _("Vul een Nederlands telefoonnummer in, zoals 030 123 45 67 of 0800-1234.")
            )
        return waarde
