"""Forms of local judgement: the gemeente's criteria, a round, an invitation, a partner's answer."""

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from samenspel.core.forms import Formulier

from .criteria import FYSIEK, SOORTEN
from .models.oordeel import WEET_NIET, Niveau, Soort

NIVEAUKEUZES = [*Niveau.choices, (WEET_NIET, _("weet ik niet"))]


class StartFormulier(Formulier):
    wijk = forms.ChoiceField(label=_("Wijk"))

    def __init__(self, *args, wijken=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["wijk"].choices = [(w.code, w.naam) for w in wijken]


class UitnodigingFormulier(Formulier):
    label = forms.CharField(
        label=_("Wie nodig je uit?"),
        max_length=120,
        help_text=_(
            "De naam van een organisatie van de kaart, of een omschrijving zoals 'bewoner "
            "Zambesidreef'. Schrijf geen naam of e-mailadres van een persoon op: de link "
            "geef je zelf door."
        ),
        error_messages={"required": _("Vul in wie je uitnodigt, bijvoorbeeld een organisatie.")},
    )
    soort = forms.ChoiceField(
        label=_("Soort partner"),
        choices=Soort.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies wat voor partner het is.")},
    )

    def clean_label(self):
        label = self.cleaned_data["label"].strip()
        if "@" in label:
            raise forms.ValidationError(
                _("Dit lijkt een e-mailadres. Schrijf een organisatie of omschrijving op.")
            )
        if sum(teken.isdigit() for teken in label) >= 6:
            raise forms.ValidationError(
                _("Dit lijkt een telefoonnummer. Schrijf een organisatie of omschrijving op.")
            )
        return label


class CriteriaFormulier(Formulier):
    """The criteria of one bouwsteen: each default's text and whether it is hidden, the
    gemeente's own criteria, and one new one."""

    nieuw = forms.CharField(
        label=_("Nieuw criterium"),
        max_length=300,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "cols": 20}),
    )
    nieuw_soort = forms.ChoiceField(
        label=_("Soort van het nieuwe criterium"),
        choices=SOORTEN,
        required=False,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, criteria=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        self.rijen = []
        for c in self.criteria:
            tekstveld = f"tekst-{c.sleutel}"
            self.fields[tekstveld] = forms.CharField(
                label=_("Tekst"),
                max_length=300,
                required=not c.eigen,
                initial=str(c.tekst),
                widget=forms.Textarea(attrs={"rows": 2, "cols": 20}),
                help_text=_("Leeg maken verwijdert dit eigen criterium.")
                if c.eigen
                else _("Standaard: %(tekst)s") % {"tekst": c.standaardtekst},
                error_messages={"required": _("Vul een tekst in, of verberg het criterium.")},
            )
            rij = {"criterium": c, "tekst": tekstveld}
            if not c.eigen:
                verbergveld = f"verberg-{c.sleutel}"
                self.fields[verbergveld] = forms.BooleanField(
                    label=_("Verberg dit criterium"), required=False
                )
                rij["verberg"] = verbergveld
            self.rijen.append(rij)

    def velden(self):
        for rij in self.rijen:
            yield {
                "criterium": rij["criterium"],
                "tekst": self[rij["tekst"]],
                "verberg": self[rij["verberg"]] if "verberg" in rij else None,
            }

    def clean(self):
        gegevens = super().clean()
        if (gegevens.get("nieuw") or "").strip() and not gegevens.get("nieuw_soort"):
            self.add_error("nieuw_soort", _("Kies de soort van het nieuwe criterium."))
        return gegevens


class OordeelFormulier(Formulier):
    """A partner's judgement of every bouwsteen: level, evidence, what they see in the wijk."""

    def __init__(self, *args, bouwstenen=(), criteria=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.bouwstenen = list(bouwstenen)
        criteria = criteria or {}
        for b in self.bouwstenen:
            self.fields[f"{b.code}-niveau"] = forms.ChoiceField(
                label=_("Hoe is %(bouwsteen)s in de wijk?")
                % {"bouwsteen": gettext(b.name).lower()},
                choices=NIVEAUKEUZES,
                required=False,
                widget=forms.RadioSelect,
            )
            self.fields[f"{b.code}-criteria"] = forms.MultipleChoiceField(
                label=_("Wat zie je in de wijk?"),
                required=False,
                widget=forms.CheckboxSelectMultiple,
                choices=[
                    (
                        c["sleutel"],
                        # A round keeps the criteria as they were, in Dutch; the built-in
                        # ones are in the catalogue.
                        gettext(c["tekst"])
                        + (
                            " " + str(_("(in de straat te zien)"))
                            if c.get("soort") == FYSIEK
                            else ""
                        ),
                    )
                    for c in criteria.get(b.code, [])
                ],
            )
            self.fields[f"{b.code}-onderbouwing"] = forms.CharField(
                label=_("Waarop baseer je dit?"),
                required=False,
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": 3, "cols": 20}),
                help_text=_("Wat je zag of hoorde. Geen namen van mensen."),
            )

    def delen(self):
        for b in self.bouwstenen:
            yield {
                "bouwsteen": b,
                "niveau": self[f"{b.code}-niveau"],
                "criteria": self[f"{b.code}-criteria"],
                "onderbouwing": self[f"{b.code}-onderbouwing"],
            }

    def clean(self):
        gegevens = super().clean()
        ingevuld = 0
        for b in self.bouwstenen:
            niveau = gegevens.get(f"{b.code}-niveau")
            if niveau:
                ingevuld += 1
            elif gegevens.get(f"{b.code}-onderbouwing") or gegevens.get(f"{b.code}-criteria"):
                self.add_error(f"{b.code}-niveau", _("Kies een oordeel, of 'weet ik niet'."))
        if not ingevuld and not self.errors:
            raise forms.ValidationError(_("Geef bij minstens één bouwsteen een oordeel."))
        return gegevens

    def antwoorden(self) -> dict:
        return {
            b: (
                self.cleaned_data[f"{b.code}-niveau"],
                self.cleaned_data.get(f"{b.code}-onderbouwing") or "",
                self.cleaned_data.get(f"{b.code}-criteria") or [],
            )
            for b in self.bouwstenen
            if self.cleaned_data.get(f"{b.code}-niveau")
        }
