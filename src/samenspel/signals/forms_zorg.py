"""Forms for a worry about a person, its status and forwarding, and the routing rules."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models import Q
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

from samenspel.areas.models import Gebied, Niveau
from samenspel.core.forms import Formulier, NLDSMixin
from samenspel.directory.models import Organization
from samenspel.signals.models import Routeregel, Soort
from samenspel.signals.models.zorg import MAX_TEKST, TEAMSTATUSSEN

TELEFOON = re.compile(r"^\+?[0-9 ()\-]{6,20}$")


class BuurtKeuze(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.naam} ({obj.ouder.naam})" if obj.ouder_id else obj.naam


def _buurten(gemeente=None):
    qs = Gebied.objects.filter(niveau=Niveau.BUURT).select_related("ouder", "ouder__ouder")
    if gemeente is not None:
        qs = qs.filter(Q(ouder__ouder=gemeente) | Q(ouder=gemeente))
    return qs.order_by("naam")


class ZorgFormulier(Formulier):
    """What the signaller gives: what they see, where, optionally a contact route, a choice."""

    soort = forms.ChoiceField(
        label=_("Waar gaat je zorg over?"),
        choices=Soort.choices,
        widget=forms.RadioSelect,
        initial=Soort.ZORG,
        error_messages={"required": _("Kies waar je zorg over gaat.")},
    )
    wat = forms.CharField(
        label=_("Wat zie je?"),
        # Filled in when shown, so in the page's language (a lazy string with % is not).
        help_text=lazy(
            lambda: (
                _(
                    "Schrijf op wat je ziet of hoort, niet wat je denkt dat iemand heeft. Schrijf "
                    "geen diagnose of ziekte op. Hoogstens %(n)s tekens."
                )
                % {"n": MAX_TEKST}
            ),
            str,
        )(),
        max_length=MAX_TEKST,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "required": _("Schrijf op wat je ziet."),
            "max_length": _(
                "Schrijf het korter: hoogstens %(limit_value)d tekens (nu %(show_value)d)."
            ),
        },
    )
    buurt = BuurtKeuze(
        label=_("In welke buurt?"),
        queryset=Gebied.objects.none(),
        empty_label=_("Kies een buurt"),
        error_messages={
            "required": _("Kies de buurt waar het is."),
            "invalid_choice": _("Deze buurt kennen we niet. Kies een buurt uit de lijst."),
        },
    )
    straat = forms.CharField(
        label=_("Straat"),
        required=False,
        max_length=100,
        error_messages={"max_length": _("Een straatnaam is hoogstens %(limit_value)d tekens.")},
    )
    huisnummer = forms.CharField(
        label=_("Huisnummer"),
        required=False,
        max_length=10,
        error_messages={"max_length": _("Een huisnummer is hoogstens %(limit_value)d tekens.")},
    )
    contact = forms.CharField(
        label=_("Hoe kan het team jou bereiken?"),
        help_text=_("Een telefoonnummer of e-mailadres. Met een e-mailadres krijg je ook de link."),
        required=False,
        max_length=200,
        error_messages={"max_length": _("Hoogstens %(limit_value)d tekens.")},
    )
    naam_mag_gedeeld = forms.TypedChoiceField(
        label=_("Mag de persoon weten dat de zorg van jou komt?"),
        choices=[("nee", _("Nee, ik blijf anoniem voor de persoon")), ("ja", _("Ja, dat mag"))],
        coerce=lambda waarde: waarde == "ja",
        widget=forms.RadioSelect,
        initial="nee",
        error_messages={"required": _("Kies of de persoon mag weten wie meldde.")},
    )

    def __init__(self, *args, gemeente=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["buurt"].queryset = _buurten(gemeente)

    def clean_contact(self):
        contact = self.cleaned_data["contact"].strip()
        if not contact:
            return ""
        if "@" in contact:
            try:
                validate_email(contact)
            except ValidationError:
                raise ValidationError(_("Dit e-mailadres klopt niet. Kijk het even na.")) from None
            return contact
        if not TELEFOON.match(contact) or sum(c.isdigit() for c in contact) < 6:
            raise ValidationError(_("Geef een telefoonnummer of een e-mailadres."))
        return contact

    @property
    def email(self) -> str:
        contact = self.cleaned_data.get("contact", "")
        return contact if "@" in contact else ""


class StatusFormulier(Formulier):
    status = forms.ChoiceField(
        label=_("Nieuwe status"),
        choices=[(s.value, s.label) for s in TEAMSTATUSSEN],
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies een status.")},
    )


class DoorstuurFormulier(Formulier):
    naar = forms.ModelChoiceField(
        label=_("Naar welk team?"),
        queryset=Organization.objects.none(),
        empty_label=_("Kies een team"),
        error_messages={
            "required": _("Kies het team dat deze zorg moet krijgen."),
            "invalid_choice": _("Kies een team uit de lijst."),
        },
    )

    def __init__(self, *args, melding, **kwargs):
        super().__init__(*args, **kwargs)
        teams = Routeregel.objects.filter(gemeente=melding.gemeente).values("team")
        self.fields["naar"].queryset = (
            Organization.objects.filter(pk__in=teams).exclude(pk=melding.team_id).order_by("name")
        )


class RouteregelFormulier(NLDSMixin, forms.ModelForm):
    use_required_attribute = False

    class Meta:
        model = Routeregel
        fields = ["gemeente", "wijk", "soort", "team", "openingstijden"]
        help_texts = {
            "wijk": _("Leeg: deze regel geldt voor de hele gemeente, als er geen wijkregel is."),
            "openingstijden": _("Bijvoorbeeld: ma–vr 9.00–17.00 uur."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gemeente"].queryset = Gebied.objects.filter(niveau=Niveau.GEMEENTE)
        self.fields["wijk"].queryset = Gebied.objects.filter(niveau=Niveau.WIJK).select_related(
            "ouder"
        )
        self.fields["team"].queryset = Organization.objects.order_by("name")

    def clean(self):
        gegevens = super().clean()
        gemeente, wijk = gegevens.get("gemeente"), gegevens.get("wijk")
        team = gegevens.get("team")
        if gemeente and wijk and wijk.ouder_id != gemeente.pk:
            self.add_error("wijk", _("Deze wijk ligt niet in de gekozen gemeente."))
        if gemeente and team and team.gemeente_id and team.gemeente_id != gemeente.pk:
            self.add_error("team", _("Dit team hoort bij een andere gemeente."))
        if gemeente and gegevens.get("soort") and not self.errors:
            dubbel = Routeregel.objects.filter(
                gemeente=gemeente, wijk=wijk, soort=gegevens["soort"]
            ).exclude(pk=self.instance.pk)
            if dubbel.exists():
                raise ValidationError(
                    _("Er is al een regel voor deze gemeente, wijk en soort. Pas die aan.")
                )
        return gegevens

    def validate_unique(self):
        """Checked in clean() with a plain message; the database constraints stay as a net."""


class ProefFormulier(Formulier):
    buurt = BuurtKeuze(
        label=_("Buurt"),
        queryset=Gebied.objects.none(),
        empty_label=_("Kies een buurt"),
        error_messages={
            "required": _("Kies een buurt."),
            "invalid_choice": _("Deze buurt kennen we niet. Kies een buurt uit de lijst."),
        },
    )
    soort = forms.ChoiceField(
        label=_("Soort zorg"),
        choices=Soort.choices,
        error_messages={"required": _("Kies een soort zorg.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["buurt"].queryset = _buurten()
