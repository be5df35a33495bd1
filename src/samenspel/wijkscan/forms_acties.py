"""The form of an action: what, where, which bouwsteen, which organisation owns it, by when."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samenspel.areas.models import Gebied, Niveau
from samenspel.core.forms import Formulier
from samenspel.directory.models import Organization, TaxonomyTerm

from .gaten import SOORTEN
from .models import Actiestatus


def gebieden_van(gemeente) -> list[Gebied]:
    """The wijken of the gemeente, each followed by its buurten."""
    uitkomst = []
    for wijk in Gebied.objects.filter(ouder=gemeente, niveau=Niveau.WIJK).order_by("naam"):
        uitkomst.append(wijk)
        uitkomst.extend(Gebied.objects.filter(ouder=wijk, niveau=Niveau.BUURT).order_by("naam"))
    return uitkomst


class ActieFormulier(Formulier):
    wat = forms.CharField(
        label=_("Wat gaat er gebeuren?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Bijvoorbeeld: een inloop op dinsdagavond starten in het buurthuis."),
        error_messages={"required": _("Vul in wat er gaat gebeuren.")},
    )
    gebied = forms.ChoiceField(
        label=_("Wijk of buurt"),
        error_messages={
            "required": _("Kies de wijk of buurt."),
            "invalid_choice": _("Kies een wijk of buurt van deze gemeente."),
        },
    )
    bouwsteen = forms.ChoiceField(
        label=_("Bouwsteen"),
        error_messages={
            "required": _("Kies de bouwsteen."),
            "invalid_choice": _("Kies een bouwsteen uit de lijst."),
        },
    )
    eigenaar = forms.ChoiceField(
        label=_("Eigenaar"),
        help_text=_("Een organisatie of initiatief van de sociale kaart van deze gemeente."),
        error_messages={
            "required": _("Kies welke organisatie de actie oppakt."),
            "invalid_choice": _("Kies een organisatie van de sociale kaart van deze gemeente."),
        },
    )
    streefdatum = forms.DateField(
        label=_("Streefdatum"),
        help_text=_("Wanneer is het klaar? Bijvoorbeeld 31-12-2027."),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"],
        error_messages={
            "required": _("Vul een streefdatum in."),
            "invalid": _("Deze datum klopt niet. Schrijf hem als 31-12-2027."),
        },
    )
    gat_soort = forms.CharField(required=False, widget=forms.HiddenInput)
    gat_uitleg = forms.CharField(required=False, max_length=1000, widget=forms.HiddenInput)

    def __init__(self, *args, gemeente, nieuw: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.gemeente, self.nieuw = gemeente, nieuw
        self.gebieden = {g.code: g for g in gebieden_van(gemeente)}
        self.fields["gebied"].choices = [("", _("Kies een wijk of buurt"))] + [
            (g.code, g.naam if g.niveau == Niveau.WIJK else f"– {g.naam}")
            for g in self.gebieden.values()
        ]
        self.bouwstenen = {b.code: b for b in TaxonomyTerm.objects.bouwstenen()}
        self.fields["bouwsteen"].choices = [("", _("Kies een bouwsteen"))] + [
            (b.code, _(b.name)) for b in self.bouwstenen.values()
        ]
        self.organisaties = {
            str(o.pk): o for o in Organization.objects.filter(gemeente=gemeente).order_by("name")
        }
        self.fields["eigenaar"].choices = [("", _("Kies een organisatie"))] + [
            (pk, o.name) for pk, o in self.organisaties.items()
        ]
        if not nieuw:
            del self.fields["gat_soort"], self.fields["gat_uitleg"]

    def clean_gebied(self):
        return self.gebieden[self.cleaned_data["gebied"]]

    def clean_bouwsteen(self):
        return self.bouwstenen[self.cleaned_data["bouwsteen"]]

    def clean_eigenaar(self):
        return self.organisaties[self.cleaned_data["eigenaar"]]

    def clean_streefdatum(self):
        datum = self.cleaned_data["streefdatum"]
        if self.nieuw and datum < timezone.localdate():
            raise forms.ValidationError(_("Kies vandaag of een datum in de toekomst."))
        return datum

    def clean_gat_soort(self):
        soort = self.cleaned_data["gat_soort"]
        return soort if soort in SOORTEN else ""


class StatusFormulier(Formulier):
    status = forms.ChoiceField(
        label=_("Nieuwe status"),
        choices=Actiestatus.choices,
        error_messages={"invalid_choice": _("Kies een status uit de lijst.")},
    )


class GatenFilter(Formulier):
    wijk = forms.ChoiceField(label=_("Wijk"), required=False)
    bouwsteen = forms.ChoiceField(label=_("Bouwsteen"), required=False)

    def __init__(self, *args, wijken, bouwstenen, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["wijk"].choices = [("", _("Alle wijken"))] + [(w.code, w.naam) for w in wijken]
        self.fields["bouwsteen"].choices = [("", _("Alle bouwstenen"))] + [
            (b.code, _(b.name)) for b in bouwstenen
        ]


class ActiesFilter(Formulier):
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Alle nog te doen (open en bezig)")), ("alle", _("Alle acties"))]
        + list(Actiestatus.choices),
    )
    volgorde = forms.ChoiceField(
        label=_("Volgorde"),
        required=False,
        choices=[("nieuw", _("Nieuwste eerst")), ("datum", _("Eerste streefdatum eerst"))],
    )
