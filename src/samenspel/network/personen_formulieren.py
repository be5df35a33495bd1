"""The forms of the people pages: add a person, add a tie, and a person's own correction."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samenspel.areas.models import Gebied
from samenspel.core.forms import Formulier

from .models import Bandsoort, Persoon, Verbinderrol


def _naam_veld(label):
    return forms.CharField(
        label=label,
        max_length=200,
        error_messages={"required": _("Vul een naam in.")},
    )


def _email_veld(label, help_text):
    return forms.EmailField(
        label=label,
        max_length=254,
        help_text=help_text,
        error_messages={
            "required": _("Vul een e-mailadres in."),
            "invalid": _(
                "Dit is geen e-mailadres. Een e-mailadres ziet eruit als naam@voorbeeld.nl."
            ),
        },
    )


class PersoonFormulier(Formulier):
    naam = _naam_veld(_("Naam"))
    functie = forms.CharField(label=_("Functie"), max_length=200, required=False)
    verbinderrol = forms.ChoiceField(
        label=_("Verbinderrol"),
        choices=[("", _("geen"))] + list(Verbinderrol.choices),
        required=False,
        help_text=_("Iemand die vooral mensen en organisaties met elkaar verbindt."),
    )
    bereikbaar = forms.CharField(
        label=_("Hoe bereikbaar"),
        max_length=250,
        required=False,
        help_text=_("Bijvoorbeeld: bellen op dinsdag, of via de app."),
    )
    email = _email_veld(
        _("E-mailadres"),
        _("We sturen een link. Pas als de persoon ja zegt, zien partners de naam."),
    )
    wijk = forms.ModelChoiceField(
        label=_("Wijk"), queryset=Gebied.objects.none(), required=False, empty_label=_("geen")
    )
    vrijwilligers = forms.IntegerField(
        label=_("Staat voor zoveel vrijwilligers"),
        min_value=0,
        max_value=100000,
        required=False,
        help_text=_(
            "Een coördinator kan staan voor de vrijwilligers achter zich. Namen zijn niet nodig."
        ),
        error_messages={
            "invalid": _("Vul een getal in, bijvoorbeeld 12."),
            "min_value": _("Vul 0 of meer in."),
            "max_value": _("Vul een kleiner getal in."),
        },
    )

    def __init__(self, *args, organisatie, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["wijk"].queryset = Gebied.objects.filter(
            niveau="wijk", ouder_id=organisatie.gemeente_id
        ).order_by("naam")

    def velden(self) -> dict:
        gegevens = dict(self.cleaned_data)
        gegevens["vrijwilligers"] = gegevens.get("vrijwilligers") or 0
        return gegevens


class _PersoonKeuze(forms.ModelChoiceField):
    """People as partners may see them: the name after consent, else only the role."""

    def label_from_instance(self, persoon):
        if persoon.ingestemd:
            return f"{persoon.zichtbaar_als} ({persoon.organisatie.name})"
        return persoon.zichtbaar_als


class BandFormulier(Formulier):
    van = _PersoonKeuze(
        label=_("Wie van jullie?"),
        queryset=Persoon.objects.none(),
        empty_label=_("Kies een persoon"),
        error_messages={"required": _("Kies wie van jullie organisatie de band heeft.")},
    )
    naar = _PersoonKeuze(
        label=_("Met wie bij een andere organisatie?"),
        queryset=Persoon.objects.none(),
        empty_label=_("Kies een persoon"),
        error_messages={"required": _("Kies met wie de band is.")},
    )
    soort = forms.ChoiceField(
        label=_("Soort band"),
        choices=[("", _("Kies een soort"))] + list(Bandsoort.choices),
        error_messages={"required": _("Kies een soort band.")},
    )
    sinds = forms.DateField(
        label=_("Sinds"),
        initial=timezone.localdate,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": _("Vul een datum in."),
            "invalid": _("Vul een datum in, bijvoorbeeld 1-3-2025."),
        },
    )

    def __init__(self, *args, eigen, anderen, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["van"].queryset = eigen
        self.fields["naar"].queryset = anderen

    def clean_sinds(self):
        sinds = self.cleaned_data["sinds"]
        if sinds > timezone.localdate():
            raise forms.ValidationError(_("Deze datum ligt in de toekomst."))
        return sinds


class MijnGegevensFormulier(Formulier):
    naam = _naam_veld(_("Je naam"))
    functie = forms.CharField(label=_("Je functie"), max_length=200, required=False)
    bereikbaar = forms.CharField(
        label=_("Hoe ben je bereikbaar?"),
        max_length=250,
        required=False,
        help_text=_("Bijvoorbeeld: bellen op dinsdag, of via de app."),
    )
    email = _email_veld(
        _("Je e-mailadres"),
        _("Verander je dit? Dan sturen we een nieuwe link naar het nieuwe adres."),
    )
