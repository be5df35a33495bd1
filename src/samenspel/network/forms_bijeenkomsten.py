"""Forms of the network meetings. None has a free field for a case: a casusoverleg stores no
resident data, so there is nowhere to type one."""

from django import forms
from django.utils.translation import gettext_lazy as _

from samenspel.areas.models import Gebied
from samenspel.core.forms import NLDSMixin

from . import reeksregel
from .models import Bijeenkomstsoort, Frequentie, Rsvp, Weekdag, WeekVanDeMaand

DUREN = [
    (30, _("een half uur")),
    (60, _("een uur")),
    (90, _("anderhalf uur")),
    (120, _("twee uur")),
    (180, _("drie uur")),
]


class _Organisatiekeuze(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        if obj.sector:
            return f"{obj.name} ({obj.get_sector_display()})"
        return obj.name


class _Locatiekeuze(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        naam = obj.name or str(_("locatie"))
        return f"{naam} ({obj.organization.name})" if obj.organization else naam


class _Persoonkeuze(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.naam} ({obj.organisatie.name})"


class _Personenkeuze(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.naam} ({obj.organisatie.name})"


class _Aanbodkeuze(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name} ({obj.organization.name})"


class ReeksForm(NLDSMixin, forms.Form):
    naam = forms.CharField(
        label=_("Naam van de bijeenkomst"),
        max_length=200,
        help_text=_("Bijvoorbeeld: Sirenelunch Overvecht."),
        error_messages={"required": _("Vul een naam in.")},
    )
    soort = forms.ChoiceField(
        label=_("Wat voor bijeenkomst?"),
        choices=Bijeenkomstsoort.choices,
        initial=Bijeenkomstsoort.ONTMOETING,
        widget=forms.RadioSelect,
        help_text=_(
            "Casus en thema om de beurt: de ene keer bespreek je situaties, de andere keer "
            "vertelt een partij over het eigen werk. Bij een casusoverleg slaat Samenspel "
            "niets over bewoners op."
        ),
    )
    gemeente = forms.ModelChoiceField(
        label=_("Gemeente"),
        queryset=Gebied.objects.none(),
        empty_label=None,
        error_messages={"required": _("Kies een gemeente.")},
    )
    wijk = forms.ModelChoiceField(
        label=_("Wijk"), queryset=Gebied.objects.none(), required=False, empty_label="—"
    )
    plaats = forms.CharField(
        label=_("Adres of naam van de plek"),
        max_length=250,
        required=False,
        help_text=_("Een adres of een naam, bijvoorbeeld: Buurtcentrum De Dreef, zaal 2."),
    )
    locatie = _Locatiekeuze(
        label=_("Of kies een plek van de kaart"),
        queryset=None,
        required=False,
        empty_label="—",
    )
    frequentie = forms.ChoiceField(
        label=_("Hoe vaak?"),
        choices=Frequentie.choices,
        initial=Frequentie.MAANDELIJKS,
        widget=forms.RadioSelect,
    )
    week_van_de_maand = forms.TypedChoiceField(
        label=_("Welke week van de maand?"),
        choices=[("", "—"), *WeekVanDeMaand.choices],
        coerce=int,
        empty_value=None,
        required=False,
        help_text=_("Alleen nodig als de bijeenkomst elke maand is."),
    )
    weekdag = forms.TypedChoiceField(
        label=_("Op welke dag?"), choices=Weekdag.choices, coerce=int, initial=Weekdag.MAANDAG
    )
    tijd = forms.TimeField(
        label=_("Hoe laat begint het?"),
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        error_messages={
            "required": _("Vul een begintijd in, bijvoorbeeld 12:00."),
            "invalid": _("Vul een tijd in zoals 12:00."),
        },
    )
    duur_minuten = forms.TypedChoiceField(
        label=_("Hoe lang duurt het?"), choices=DUREN, coerce=int, initial=90
    )
    vanaf = forms.DateField(
        label=_("Vanaf welke datum?"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": _("Vul een datum in."),
            "invalid": _("Vul een datum in zoals 2027-01-04."),
        },
    )
    gastheren = _Organisatiekeuze(
        label=_("Wie organiseert om de beurt?"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Kies formele en informele partijen. Ze zijn om de beurt gastheer, formeel en "
            "informeel afwisselend."
        ),
        error_messages={"required": _("Kies minstens één formele en één informele partij.")},
    )

    def __init__(self, *args, gemeenten, **kwargs):
        super().__init__(*args, **kwargs)
        from . import bijeenkomsten

        self.fields["gemeente"].queryset = gemeenten.order_by("naam")
        self.fields["wijk"].queryset = Gebied.objects.wijken().filter(ouder__in=gemeenten)
        self.fields["locatie"].queryset = bijeenkomsten.locatie_kandidaten(gemeenten)
        self.fields["gastheren"].queryset = bijeenkomsten.gastheer_kandidaten(gemeenten)

    def clean(self):
        data = super().clean()
        gemeente = data.get("gemeente")
        if data.get("frequentie") == Frequentie.MAANDELIJKS and not data.get("week_van_de_maand"):
            self.add_error(
                "week_van_de_maand", _("Kies welke week van de maand, bijvoorbeeld de eerste.")
            )
        if not data.get("plaats") and not data.get("locatie"):
            self.add_error("plaats", _("Vul in waar het is, of kies een plek van de kaart."))
        wijk = data.get("wijk")
        if wijk and gemeente and wijk.ouder_id != gemeente.pk:
            self.add_error("wijk", _("Deze wijk ligt niet in de gekozen gemeente."))
        gastheren = data.get("gastheren")
        if gastheren and gemeente:
            if any(o.gemeente_id != gemeente.pk for o in gastheren):
                self.add_error("gastheren", _("Kies partijen uit de gekozen gemeente."))
            elif all(reeksregel.formeel(o) for o in gastheren) or not any(
                reeksregel.formeel(o) for o in gastheren
            ):
                # "georganiseerd vanuit de formele en informele partijen zelf" (000 l.474).
                self.add_error("gastheren", _("Kies minstens één formele en één informele partij."))
        locatie = data.get("locatie")
        if locatie and gemeente and locatie.organization.gemeente_id != gemeente.pk:
            self.add_error("locatie", _("Deze plek ligt niet in de gekozen gemeente."))
        return data


class AgendapuntForm(NLDSMixin, forms.Form):
    service = _Aanbodkeuze(
        label=_("Over welk aanbod op de kaart?"),
        queryset=None,
        error_messages={"required": _("Kies een aanbod van de kaart.")},
    )
    presentator = _Persoonkeuze(
        label=_("Wie vertelt erover?"),
        queryset=None,
        error_messages={"required": _("Kies wie erover vertelt.")},
    )
    onderwerp = forms.CharField(
        label=_("Wat is er nieuw? (in één zin)"),
        max_length=140,
        required=False,
        help_text=_("Bijvoorbeeld: een nieuwe wandelgroep op dinsdag."),
    )

    def __init__(self, *args, aanbod, mensen, casusoverleg: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service"].queryset = aanbod
        self.fields["presentator"].queryset = mensen
        if casusoverleg:
            # No free text at a casusoverleg: nothing invites a resident's story.
            del self.fields["onderwerp"]


class UitnodigenForm(NLDSMixin, forms.Form):
    personen = _Personenkeuze(
        label=_("Wie nodig je uit?"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Alleen mensen die hebben ingestemd met het web. Ze krijgen een e-mail."),
        error_messages={"required": _("Kies minstens één persoon.")},
    )

    def __init__(self, *args, mensen, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["personen"].queryset = mensen


class AntwoordForm(NLDSMixin, forms.Form):
    antwoord = forms.ChoiceField(
        label=_("Kom je?"),
        choices=Rsvp.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies ja, nee of misschien.")},
    )


class KennisgemaaktForm(NLDSMixin, forms.Form):
    personen = _Personenkeuze(
        label=_("Met wie heb je kennisgemaakt?"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Kies minstens één persoon.")},
    )

    def __init__(self, *args, anderen, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["personen"].queryset = anderen
