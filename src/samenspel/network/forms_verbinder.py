"""Forms of "Vraag een verbinder" and "Samen beginnen". Plain Dutch (B1)."""

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samenspel.core.forms import Formulier

from .models import Gesprek, Persoon
from .toegang import gemeenten_van
from .verbinders import SAMEN_ROLLEN

VRAAG_LENGTE = 600


class VraagFormulier(Formulier):
    vraag = forms.CharField(
        label=_("Je vraag"),
        max_length=VRAAG_LENGTE,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Kort en zonder naam van een bewoner. Bijvoorbeeld: “Wie kan mij voorstellen aan "
            "de coördinator? Ik zoek een maatje voor iemand die graag wandelt.”"
        ),
        error_messages={
            "required": _("Schrijf je vraag."),
            "max_length": _("Je vraag is te lang: schrijf hooguit %(limit_value)d tekens."),
        },
    )


def kandidaten(gebruiker):
    """Whom a professional can invite to a resident's first conversation: people of the web
    who agreed, in the professional's gemeenten, from an informal party or in a connector role
    that brings in the resident's side (a wijkambassadeur, an ervaringsdeskundige)."""
    rijen = (
        Persoon.objects.actief()
        .filter(ingestemd_op__isnull=False)
        .exclude(email="")
        .filter(
            Q(organisatie__sector__in=["informeel", "hybride"]) | Q(verbinderrol__in=SAMEN_ROLLEN)
        )
        .select_related("organisatie")
        .order_by("naam", "id")
    )
    codes = gemeenten_van(gebruiker)
    if codes is not None:
        rijen = rijen.filter(organisatie__gemeente_id__in=codes)
    if gebruiker.organisatie_id:
        rijen = rijen.exclude(organisatie_id=gebruiker.organisatie_id)
    return rijen


class _PersoonKeuze(forms.ModelChoiceField):
    def label_from_instance(self, persoon):
        return f"{persoon.naam} — {persoon.rol}, {persoon.organisatie.name}"


class SamenFormulier(Formulier):
    persoon = _PersoonKeuze(
        label=_("Wie nodig je uit?"),
        queryset=Persoon.objects.none(),
        empty_label=_("Kies iemand uit het web"),
        help_text=_(
            "Iemand van een informele partij, een wijkambassadeur of een ervaringsdeskundige."
        ),
        error_messages={
            "required": _("Kies wie je uitnodigt."),
            "invalid_choice": _("Kies iemand uit de lijst."),
        },
    )
    gesprek = forms.ChoiceField(
        label=_("Welk gesprek?"),
        choices=Gesprek.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies welk gesprek het is.")},
    )
    wanneer = forms.DateTimeField(
        label=_("Wanneer?"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%d-%m-%Y %H:%M"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        error_messages={
            "required": _("Vul een datum en tijd in."),
            "invalid": _("Vul een datum en tijd in, zoals 03-06-2025 10:00."),
        },
    )
    waar = forms.CharField(
        label=_("Waar?"),
        max_length=200,
        help_text=_(
            "Bijvoorbeeld: op het buurtteamkantoor. Is het bij de bewoner thuis? Schrijf dan "
            "“bij de bewoner thuis” en spreek het adres zelf af."
        ),
        error_messages={"required": _("Vul in waar het gesprek is.")},
    )
    toestemming = forms.BooleanField(
        label=_("De bewoner gaf mij net mondeling toestemming om deze persoon uit te nodigen."),
        error_messages={
            "required": _("Zonder toestemming van de bewoner kun je niemand uitnodigen.")
        },
    )
    deel_voornaam = forms.BooleanField(
        label=_("De bewoner wil dat ik de voornaam deel."),
        required=False,
    )
    voornaam = forms.CharField(
        label=_("Voornaam of roepnaam van de bewoner"),
        max_length=80,
        required=False,
        help_text=_("Alleen als de bewoner dat wil. Zonder voornaam staat er “een bewoner”."),
    )

    def __init__(self, *args, gebruiker, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["persoon"].queryset = kandidaten(gebruiker)

    def clean_wanneer(self):
        wanneer = self.cleaned_data["wanneer"]
        if wanneer <= timezone.now():
            raise ValidationError(_("Kies een moment in de toekomst."))
        return wanneer

    def clean(self):
        data = super().clean()
        voornaam = (data.get("voornaam") or "").strip()
        if data.get("deel_voornaam") and not voornaam:
            self.add_error("voornaam", _("Vul de voornaam in, of zet het vinkje uit."))
        if voornaam and not data.get("deel_voornaam"):
            self.add_error(
                "voornaam",
                _("Deel de voornaam alleen als de bewoner dat wil: zet dan het vinkje aan."),
            )
        return data

    @property
    def gegevens(self) -> list[str]:
        """What the consent names: the first name, or nothing at all."""
        return ["naam"] if self.cleaned_data.get("deel_voornaam") else []


class AntwoordFormulier(Formulier):
    keuze = forms.ChoiceField(
        label=_("Kom je?"),
        choices=[("ja", _("Ja, ik kom")), ("nee", _("Nee, ik kan niet"))],
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies ja of nee.")},
    )
