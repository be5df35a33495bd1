"""Forms of the hand-over: a successor per tie, for one person who leaves or for a whole
organisation whose work moves. Plain Dutch (B1); the server says what is missing."""

import datetime as dt

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samenspel.core.forms import NLDSMixin
from samenspel.directory.models import Organization

NOG_NIEMAND = ""
# A leaving day is often known ahead; further than this is more likely a typing error.
HOOGUIT_VOORUIT = dt.timedelta(days=366)


def _keuzes(kandidaten, leeg):
    """Choices for a successor; two people who show the same (only a role, before they
    agreed) are told apart by the day they started."""
    labels = [p.zichtbaar_als for p in kandidaten]
    keuzes = [(NOG_NIEMAND, leeg)]
    for persoon, label in zip(kandidaten, labels, strict=True):
        if labels.count(label) > 1:
            label = _("%(wie)s, sinds %(sinds)s") % {
                "wie": label,
                "sinds": persoon.sinds.strftime("%d-%m-%Y"),
            }
        keuzes.append((str(persoon.pk), label))
    return keuzes


class OpvolgersFormulier(NLDSMixin, forms.Form):
    """A successor for each open tie, or "nog niemand"; one choice can serve them all."""

    use_required_attribute = False

    def __init__(self, *args, regels, kandidaten, overige=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.regels = list(regels)
        # Ties on other pages of a long list: they follow the choice for all.
        self.overige = list(overige)
        self.kandidaten = {str(p.pk): p for p in kandidaten}
        keuzes = _keuzes(list(self.kandidaten.values()), _("Nog niemand"))
        self.fields["alle"] = forms.ChoiceField(
            label=_("Eén opvolger voor alle banden"),
            help_text=_("Geldt voor elke band hieronder waarbij je niemand kiest."),
            choices=_keuzes(list(self.kandidaten.values()), _("Kies per band")),
            required=False,
        )
        for regel in self.regels:
            self.fields[self.veldnaam(regel)] = forms.ChoiceField(
                label=_("Opvolger voor %(soort)s met %(ander)s")
                % {"soort": regel.band.get_soort_display(), "ander": regel.ander.zichtbaar_als},
                choices=keuzes,
                required=False,
            )
        # NLDSMixin gave classes to the fields that existed before these were added.
        for veld in self.fields.values():
            veld.widget.attrs.setdefault("class", "utrecht-select utrecht-select--html-select")

    @staticmethod
    def veldnaam(regel) -> str:
        return f"opvolger_{regel.band.pk}"

    def rijen(self):
        """Each tie with its field, for the template."""
        return [(regel, self[self.veldnaam(regel)]) for regel in self.regels]

    def _persoon(self, waarde):
        return self.kandidaten.get(waarde) if waarde else None

    def keuzes(self) -> dict:
        """Each tie (a ``Regel``) with its chosen successor, or None for "nog niemand"."""
        alle = self._persoon(self.cleaned_data.get("alle"))
        keuzes = {
            regel: self._persoon(self.cleaned_data.get(self.veldnaam(regel))) or alle
            for regel in self.regels
        }
        keuzes.update({regel: alle for regel in self.overige})
        return keuzes


class VertrekFormulier(OpvolgersFormulier):
    """The leaving day, a successor per tie, and who takes over a coordinator's volunteers."""

    field_order = ["vertrokken", "alle"]

    def __init__(self, *args, persoon, met_datum=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.persoon = persoon
        if met_datum:
            self._datumveld()
        if persoon.vrijwilligers:
            self.fields["vrijwilligers_naar"] = forms.ChoiceField(
                label=_("Wie neemt de vrijwilligers over?"),
                help_text=_(
                    "Leeg: dezelfde persoon als bij “Eén opvolger voor alle banden”, "
                    "als je die kiest."
                ),
                choices=_keuzes(list(self.kandidaten.values()), _("Nog niemand")),
                required=False,
                widget=forms.Select(attrs={"class": "utrecht-select utrecht-select--html-select"}),
            )
        self.order_fields(["vertrokken", "alle", "vrijwilligers_naar"])

    def _datumveld(self):
        self.fields["vertrokken"] = forms.DateField(
            label=_("Vertrekt op"),
            initial=timezone.localdate,
            widget=forms.DateInput(
                attrs={"type": "date", "class": "utrecht-textbox utrecht-textbox--html-input"},
                format="%Y-%m-%d",
            ),
            error_messages={
                "required": _("Vul de datum van vertrek in."),
                "invalid": _("Vul een datum in, bijvoorbeeld 31-12-2026."),
            },
        )

    def clean_vertrokken(self):
        datum = self.cleaned_data["vertrokken"]
        if datum < self.persoon.sinds:
            raise forms.ValidationError(
                _("Deze datum ligt vóór %(sinds)s, de dag waarop deze persoon begon.")
                % {"sinds": self.persoon.sinds.strftime("%d-%m-%Y")}
            )
        if datum > timezone.localdate() + HOOGUIT_VOORUIT:
            raise forms.ValidationError(_("Kies een datum binnen een jaar vanaf vandaag."))
        return datum

    def vrijwilligers_naar(self):
        if "vrijwilligers_naar" not in self.fields:
            return None
        gekozen = self.cleaned_data.get("vrijwilligers_naar") or self.cleaned_data.get("alle")
        return self._persoon(gekozen)


class KiesOrganisatiesFormulier(NLDSMixin, forms.Form):
    """Which organisation's work moves to which (the bulk hand-over's first step)."""

    use_required_attribute = False

    van = forms.ModelChoiceField(
        label=_("Van organisatie"),
        help_text=_("De organisatie die stopt met dit werk."),
        queryset=Organization.objects.none(),
        empty_label=_("Kies een organisatie"),
        error_messages={
            "required": _("Kies de organisatie die stopt."),
            "invalid_choice": _("Kies een organisatie uit de lijst."),
        },
    )
    naar = forms.ModelChoiceField(
        label=_("Naar organisatie"),
        help_text=_("De organisatie die het werk overneemt, in dezelfde gemeente."),
        queryset=Organization.objects.none(),
        empty_label=_("Kies een organisatie"),
        error_messages={
            "required": _("Kies de organisatie die het werk overneemt."),
            "invalid_choice": _("Kies een organisatie uit de lijst."),
        },
    )

    def __init__(self, *args, organisaties, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["van"].queryset = organisaties
        self.fields["naar"].queryset = organisaties

    def clean(self):
        gegevens = super().clean()
        van, naar = gegevens.get("van"), gegevens.get("naar")
        if van and naar:
            if van.pk == naar.pk:
                self.add_error("naar", _("Kies een andere organisatie dan de oude."))
            elif van.gemeente_id != naar.gemeente_id:
                self.add_error("naar", _("Kies een organisatie in dezelfde gemeente als de oude."))
        return gegevens
