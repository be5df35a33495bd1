"""The forms of neighbourhood signals: sending one, answering it, the wijkagenda."""

from django import forms
from django.utils.translation import gettext_lazy as _

from samenspel.areas.models import Gebied
from samenspel.core.forms import Formulier
from samenspel.signals.models import AgendaStatus, Thema
from samenspel.signals.models.buurtsignaal import TEKST_MAX


class BuurtKeuze(forms.ModelChoiceField):
    def label_from_instance(self, buurt):
        wijk = buurt.ouder
        gemeente = wijk.ouder if wijk is not None else None
        delen = [buurt.naam] + [g.naam for g in (wijk, gemeente) if g is not None]
        return ", ".join(delen)


def _tekstveld(label, help_text=""):
    return forms.CharField(
        label=label,
        help_text=help_text,
        max_length=TEKST_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "required": _("Schrijf in een paar zinnen wat je ziet."),
            "max_length": _(
                "Schrijf het korter: hooguit %(limit_value)d tekens (nu %(show_value)d)."
            ),
        },
    )


# Up to this many buurten the form lists them all; with more (a whole country's areas are
# about 14,000) the sender first picks the gemeente, so a phone gets a list it can scroll.
BUURTEN_IN_EEN_LIJST = 300


class GemeenteKeuzeFormulier(Formulier):
    """The first step when there are many buurten: which gemeente. A GET form, no JavaScript."""

    gemeente = forms.ModelChoiceField(
        label=_("In welke gemeente is het?"),
        queryset=Gebied.objects.gemeenten().order_by("naam"),
        empty_label=_("Kies een gemeente"),
        error_messages={
            "required": _("Kies de gemeente waar het over gaat."),
            "invalid_choice": _("Deze gemeente kennen we niet. Kies een gemeente uit de lijst."),
        },
    )


class BuurtsignaalFormulier(Formulier):
    buurt = BuurtKeuze(
        label=_("Over welke buurt gaat het?"),
        queryset=Gebied.objects.buurten()
        .select_related("ouder__ouder")
        .order_by("ouder__ouder__naam", "ouder__naam", "naam"),
        empty_label=_("Kies een buurt"),
        error_messages={
            "required": _("Kies de buurt waar het over gaat."),
            "invalid_choice": _("Deze buurt kennen we niet. Kies een buurt uit de lijst."),
        },
    )
    thema = forms.ChoiceField(
        label=_("Waar gaat het over?"),
        choices=Thema.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Kies waar het over gaat."),
            "invalid_choice": _("Kies een onderwerp uit de lijst."),
        },
    )
    tekst = _tekstveld(
        _("Wat zie je in de buurt?"),
        _(
            "Bijvoorbeeld: sinds het buurthuis dicht is, zitten er ouderen alleen thuis. "
            "Noem geen namen van mensen en geen adressen. Gaat het om zorgen over één persoon? "
            "Kies dan een meldroute."
        ),
    )
    openbaar = forms.BooleanField(
        label=_("Dit signaal mag openbaar, zonder mijn naam of e-mailadres"),
        required=False,
    )
    email = forms.EmailField(
        label=_("Je e-mailadres, als je een antwoord wilt"),
        required=False,
        help_text=_(
            "Alleen de netwerkhouder ziet het. We wissen het na %(dagen)s dagen. "
            "Je mag ook anoniem blijven."
        ),
        error_messages={"invalid": _("Dit is geen e-mailadres. Kijk het na of laat het leeg.")},
    )

    def __init__(self, *args, bewaar_dagen=90, gemeente=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].help_text = self.fields["email"].help_text % {"dagen": bewaar_dagen}
        if gemeente is not None:
            buurt = self.fields["buurt"]
            buurt.queryset = buurt.queryset.filter(ouder__ouder=gemeente)


class AntwoordFormulier(Formulier):
    antwoord = forms.CharField(
        label=_("Je antwoord"),
        help_text=_(
            "Het antwoord staat bij het signaal. Bij een openbaar signaal ziet iedereen het."
        ),
        max_length=TEKST_MAX,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={
            "required": _("Schrijf een antwoord."),
            "max_length": _(
                "Schrijf het korter: hooguit %(limit_value)d tekens (nu %(show_value)d)."
            ),
        },
    )


class OpAgendaFormulier(Formulier):
    agendapunt = forms.ModelChoiceField(
        label=_("Bij een punt dat al op de agenda staat"),
        queryset=None,
        required=False,
        empty_label=_("Nee, een nieuw punt"),
        error_messages={"invalid_choice": _("Kies een punt van de agenda van deze wijk.")},
    )
    titel = forms.CharField(
        label=_("Of een nieuw punt: het onderwerp"),
        required=False,
        max_length=200,
        help_text=_("Zonder namen, bijvoorbeeld: Ontmoeten na sluiting van het buurthuis."),
        error_messages={"max_length": _("Hooguit %(limit_value)d tekens.")},
    )

    def __init__(self, *args, punten, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agendapunt"].queryset = punten

    def clean(self):
        gegevens = super().clean()
        if not gegevens.get("agendapunt") and not (gegevens.get("titel") or "").strip():
            self.add_error(
                "titel", _("Kies een punt of schrijf een onderwerp voor een nieuw punt.")
            )
        return gegevens


class AgendastatusFormulier(Formulier):
    status = forms.ChoiceField(
        label=_("Status"),
        choices=AgendaStatus.choices,
        error_messages={"invalid_choice": _("Kies een status uit de lijst.")},
    )


class FilterFormulier(Formulier):
    wijk = forms.ModelChoiceField(
        label=_("Wijk"), queryset=None, required=False, empty_label=_("Alle wijken")
    )
    thema = forms.ChoiceField(
        label=_("Thema"), choices=[("", _("Alle thema's")), *Thema.choices], required=False
    )
    status = forms.ChoiceField(label=_("Status"), required=False, choices=[])

    def __init__(self, *args, wijken, **kwargs):
        from samenspel.signals.models import SignaalStatus

        super().__init__(*args, **kwargs)
        self.fields["wijk"].queryset = wijken
        self.fields["status"].choices = [("", _("Alle statussen")), *SignaalStatus.choices]
