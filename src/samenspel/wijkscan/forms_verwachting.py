"""Forms of the expected-supply pages: weights per figure, the margin, wijkkennis."""

from django import forms
from django.utils.translation import gettext_lazy as _

from samenspel.areas.cijfers import FIGUREN
from samenspel.core.forms import Formulier

from .models import Afschalen
from .verwachting import BRUIKBAAR

NIET_OVER_PERSONEN = _(
    "Schrijf over de buurt, niet over mensen: noem geen namen, adressen of andere dingen "
    "waaraan iemand te herkennen is."
)


class Gewichtenformulier(Formulier):
    """One number per area figure. ``met_teken``: may be negative (draagkracht and draaglast)."""

    def __init__(self, *args, gewichten=None, met_teken=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.met_teken = met_teken
        gewichten = gewichten or {}
        for sleutel in BRUIKBAAR:
            self.fields[sleutel] = self._veld(sleutel, gewichten, met_teken)

    @staticmethod
    def _veld(sleutel, gewichten, met_teken):
        return forms.DecimalField(
            label=FIGUREN[sleutel][0],
            required=False,
            max_digits=5,
            decimal_places=2,
            min_value=None if met_teken else 0,
            max_value=100,
            initial=gewichten.get(sleutel, 0),
            localize=True,
            error_messages={
                "invalid": _("Vul een getal in, bijvoorbeeld 1 of 0,5."),
                "min_value": _("Een gewicht is 0 of meer."),
                "max_value": _("Een gewicht is hoogstens 100."),
                "max_digits": _("Vul een getal in met hoogstens drie cijfers voor de komma."),
                "max_decimal_places": _("Hoogstens twee cijfers achter de komma."),
            },
            widget=forms.TextInput(attrs={"inputmode": "decimal", "size": 6}),
        )

    def clean(self):
        data = super().clean()
        gewichten = {k: float(v) for k, v in data.items() if k in BRUIKBAAR and v}
        if not gewichten and not self.errors:
            eerste = BRUIKBAAR[0]
            if self.met_teken:
                self.add_error(eerste, _("Geef minstens één cijfer een gewicht anders dan 0."))
            else:
                self.add_error(eerste, _("Geef minstens één cijfer een gewicht boven 0."))
        data["gewichten"] = gewichten
        return data


class Margeformulier(Formulier):
    marge = forms.IntegerField(
        label=_("Marge in procent"),
        min_value=0,
        max_value=100,
        help_text=_(
            "Een signaal komt pas als het aanbod meer dan zoveel procent afwijkt van de "
            "verwachting."
        ),
        error_messages={
            "required": _("Vul een marge in."),
            "invalid": _("Vul een heel getal in, bijvoorbeeld 25."),
            "min_value": _("De marge is 0 of meer."),
            "max_value": _("De marge is hoogstens 100."),
        },
    )


class Kennisformulier(Formulier):
    tekst = forms.CharField(
        label=_("Wat weten professionals in de wijk hierover?"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=NIET_OVER_PERSONEN,
        error_messages={"max_length": _("Hoogstens 1000 tekens.")},
    )

    def __init__(self, *args, meer=False, **kwargs):
        super().__init__(*args, **kwargs)
        if meer:
            self.fields["afschalen"] = forms.ChoiceField(
                label=_("Kan hier aanbod worden afgeschaald?"),
                choices=[
                    (Afschalen.JA, _("ja")),
                    (Afschalen.NEE, _("nee")),
                    (Afschalen.OPEN, _("nog niet besloten")),
                ],
                required=False,
                widget=forms.RadioSelect,
            )
            self.fields["reden"] = forms.CharField(
                label=_("Waarom?"),
                required=False,
                max_length=1000,
                widget=forms.Textarea(attrs={"rows": 3}),
                help_text=NIET_OVER_PERSONEN,
                error_messages={"max_length": _("Hoogstens 1000 tekens.")},
            )
