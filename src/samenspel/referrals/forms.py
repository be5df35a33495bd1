"""Forms for referring, answering, consenting and the intake settings. Plain Dutch (B1).

"Wat zou helpen" is written with strengths, not diagnoses (seed 000, lines 609-616: "Piet
kan volgens mij praten"). A diagnosis word is not forbidden, but the form asks once whether
the resident wants to share it.
"""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samenspel.core.datums import maanden_verder
from samenspel.core.forms import Formulier
from samenspel.directory.registratie import telefoon_cijfers
from samenspel.privacy.models import Manier
from samenspel.referrals.antwoorden import keuzes_voor
from samenspel.referrals.models import Contactmanier, Terugkoppeling

DIAGNOSES = (
    "adhd",
    "autisme",
    "bipolair",
    "borderline",
    "dementie",
    "depressie",
    "depressief",
    "psychose",
    "psychotisch",
    "schizofrenie",
    "verslaafd",
    "verslaving",
    "persoonlijkheidsstoornis",
    "ptss",
)
_WOORD = re.compile(r"[a-zà-ÿ]+")

GELDIG_MAANDEN = [
    ("3", _("3 maanden")),
    ("6", _("6 maanden")),
    ("12", _("12 maanden")),
]


def geldig_tot(maanden: int):
    """Consent lasts whole calendar months: "6 maanden" from 31 August ends on 28 February."""
    return maanden_verder(timezone.localdate(), int(maanden))


def diagnosewoorden(tekst: str) -> list[str]:
    woorden = set(_WOORD.findall((tekst or "").lower()))
    return sorted(w for w in woorden if w in DIAGNOSES)


class _Bewonergegevens(Formulier):
    naam = forms.CharField(
        label=_("Naam of roepnaam"),
        max_length=80,
        help_text=_("Een voornaam of bijnaam is genoeg."),
        error_messages={"required": _("Vul een naam of roepnaam in.")},
    )
    contactmanier = forms.ChoiceField(
        label=_("Hoe wil de bewoner contact?"),
        choices=Contactmanier.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies hoe de bewoner contact wil.")},
    )
    contact = forms.CharField(
        label=_("Telefoonnummer of e-mailadres"),
        max_length=200,
        required=False,
    )
    wat_helpt = forms.CharField(
        label=_("Wat zou helpen?"),
        max_length=600,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Schrijf wat iemand kan, wil en leuk vindt. Geen diagnose. "
            "Bijvoorbeeld: “Houdt van wandelen en wil graag nieuwe mensen leren kennen.”"
        ),
        error_messages={"required": _("Schrijf kort wat zou helpen.")},
    )
    diagnose_ok = forms.BooleanField(
        label=_("De bewoner wil dit zelf zo delen."),
        required=False,
    )

    def clean(self):
        data = super().clean()
        manier, contact = data.get("contactmanier"), (data.get("contact") or "").strip()
        if manier == Contactmanier.VIA_VERWIJZER:
            data["contact"] = ""  # nothing to keep that is not needed
        elif manier == Contactmanier.TELEFOON and not telefoon_cijfers(contact):
            self.add_error("contact", _("Vul een Nederlands telefoonnummer in, zoals 06 12345678."))
        elif manier == Contactmanier.EMAIL:
            try:
                validate_email(contact)
            except ValidationError:
                self.add_error("contact", _("Vul een goed e-mailadres in."))
        woorden = diagnosewoorden(data.get("wat_helpt", ""))
        if woorden and not data.get("diagnose_ok"):
            self.toon_diagnosevraag = True
            self.add_error(
                "wat_helpt",
                _(
                    "Je noemt een diagnose (%(woorden)s). Schrijf liever wat iemand kan en wil. "
                    "Wil de bewoner dit toch zelf delen? Zet dan het vinkje hieronder aan."
                )
                % {"woorden": ", ".join(woorden)},
            )
        return data

    @property
    def vraag_diagnose(self) -> bool:
        return bool(getattr(self, "toon_diagnosevraag", False) or self.data.get("diagnose_ok"))


class VerwijsFormulier(_Bewonergegevens):
    toestemming = forms.ChoiceField(
        label=_("Toestemming van de bewoner"),
        choices=[
            (Manier.MONDELING, _("De bewoner gaf mij net mondeling toestemming.")),
            (
                Manier.ONLINE,
                _("De bewoner geeft zelf toestemming, via een eigen link. Tot dan delen we niets."),
            ),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies hoe de bewoner toestemming geeft.")},
    )
    geldig_maanden = forms.ChoiceField(
        label=_("Hoe lang geldt de toestemming?"),
        choices=GELDIG_MAANDEN,
        initial="6",
        widget=forms.RadioSelect,
    )
    terugkoppeling = forms.ChoiceField(
        label=_("Wat wil de bewoner dat jij terughoort?"),
        choices=[
            (Terugkoppeling.NIETS, _("Niets. Ik vraag het de bewoner zelf.")),
            (Terugkoppeling.STATUS, _("Alleen de status, zoals “aangenomen”.")),
            (Terugkoppeling.STATUS_EN_NOTITIE, _("De status en een korte notitie.")),
        ],
        widget=forms.RadioSelect,
        help_text=_("Vraag het de bewoner. De bewoner kan dit later zelf veranderen."),
        error_messages={"required": _("Kies wat de bewoner wil dat jij terughoort.")},
    )
    kennismaking_wanneer = forms.DateTimeField(
        label=_("Samen kennismaken: wanneer?"),
        required=False,
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%d-%m-%Y %H:%M"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        help_text=_("Niet verplicht. Jij, de bewoner en iemand van het aanbod, samen."),
    )
    kennismaking_waar = forms.CharField(
        label=_("Samen kennismaken: waar?"), max_length=200, required=False
    )

    field_order = [
        "naam",
        "contactmanier",
        "contact",
        "wat_helpt",
        "diagnose_ok",
        "toestemming",
        "geldig_maanden",
        "terugkoppeling",
        "kennismaking_wanneer",
        "kennismaking_waar",
    ]

    def clean_kennismaking_wanneer(self):
        wanneer = self.cleaned_data.get("kennismaking_wanneer")
        if wanneer and wanneer < timezone.now():
            raise ValidationError(_("Kies een moment in de toekomst."))
        return wanneer

    def clean(self):
        data = super().clean()
        if data.get("terugkoppeling") == Terugkoppeling.NIETS and data.get("kennismaking_wanneer"):
            self.add_error(
                "kennismaking_wanneer",
                _("Samen kennismaken kan alleen als de bewoner wil dat je de status hoort."),
            )
        if data.get("kennismaking_wanneer") is None and data.get("kennismaking_waar"):
            self.add_error("kennismaking_wanneer", _("Vul ook in wanneer."))
        return data

    def gegevens(self) -> dict:
        data = dict(self.cleaned_data)
        data["geldig_tot"] = geldig_tot(data.pop("geldig_maanden") or 6)
        return data


class MeedoenFormulier(_Bewonergegevens):
    """'Ik wil meedoen': the resident signs themself up."""

    toestemming = forms.BooleanField(
        label=_("Ja, dit mag gedeeld worden."),
        error_messages={"required": _("Zonder je toestemming kunnen we niets doorgeven.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contactmanier"].label = _("Hoe wil je contact?")
        self.fields["contactmanier"].choices = [
            c for c in Contactmanier.choices if c[0] != Contactmanier.VIA_VERWIJZER
        ]
        self.fields["wat_helpt"].label = _("Wat wil je vertellen?")
        self.fields["wat_helpt"].required = False
        self.fields["wat_helpt"].help_text = _(
            "Bijvoorbeeld wat je leuk vindt of wanneer je kunt. Dit mag je leeg laten."
        )
        self.fields["diagnose_ok"].label = _("Ik wil dit zelf zo delen.")
        self.fields["naam"].error_messages["required"] = _("Vul je naam of roepnaam in.")

    def gegevens(self) -> dict:
        return {**self.cleaned_data, "geldig_tot": geldig_tot(6)}


class PlekvraagFormulier(Formulier):
    vraag = forms.CharField(
        label=_("Je vraag"),
        max_length=300,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Niet verplicht. Schrijf geen naam en niets waaraan iemand te herkennen is. "
            "Bijvoorbeeld: “Is er op dinsdag plek voor iemand die graag wandelt?”"
        ),
    )


class AntwoordFormulier(Formulier):
    """The receiving side answers or updates the status; the choices fit the current status."""

    keuze = forms.ChoiceField(
        label=_("Wat is je antwoord?"),
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies wat je wilt doen.")},
    )
    reden = forms.CharField(
        label=_("Toelichting"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    notitie = forms.CharField(
        label=_("Korte notitie"),
        max_length=300,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, verwijzing, **kwargs):
        super().__init__(*args, **kwargs)
        self.verwijzing = verwijzing
        self.keuzes = keuzes_voor(verwijzing)
        self.fields["keuze"].choices = [(k.naam, k.label) for k in self.keuzes]
        if verwijzing.is_plekvraag:
            del self.fields["notitie"]
            del self.fields["reden"]
        else:
            self.fields["notitie"].initial = verwijzing.notitie
            self.fields["notitie"].help_text = (
                _("De verwijzer leest deze notitie ook. De bewoner wil dat zo.")
                if verwijzing.terugkoppeling == Terugkoppeling.STATUS_EN_NOTITIE
                else _("Alleen voor jullie en de bewoner. De verwijzer ziet deze notitie niet.")
            )
            self.fields["reden"].help_text = _(
                "Nodig bij “past niet”, “staat stil” en “niet gelukt”. De bewoner leest dit."
            )

    def clean(self):
        data = super().clean()
        gekozen = next((k for k in self.keuzes if k.naam == data.get("keuze")), None)
        if gekozen and gekozen.uitleg_nodig and not (data.get("reden") or "").strip():
            self.add_error("reden", _("Schrijf kort op waarom."))
        return data


class IntrekFormulier(Formulier):
    reden = forms.CharField(
        label=_("Waarom trek je de verwijzing in?"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Schrijf kort op waarom.")},
    )


class KennismakingFormulier(Formulier):
    wanneer = forms.DateTimeField(
        label=_("Wanneer?"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%d-%m-%Y %H:%M"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        error_messages={
            "required": _("Vul een datum en tijd in."),
            "invalid": _("Vul een datum en tijd in, zoals 03-06-2025 10:00."),
        },
    )
    waar = forms.CharField(label=_("Waar?"), max_length=200)

    def clean_wanneer(self):
        wanneer = self.cleaned_data["wanneer"]
        if wanneer < timezone.now():
            raise ValidationError(_("Kies een moment in de toekomst."))
        return wanneer


class TerugkoppelingFormulier(Formulier):
    terugkoppeling = forms.ChoiceField(
        label=_("Wat mag de verwijzer horen?"),
        choices=[
            (Terugkoppeling.NIETS, _("Niets.")),
            (Terugkoppeling.STATUS, _("Alleen de status.")),
            (Terugkoppeling.STATUS_EN_NOTITIE, _("De status en een korte notitie.")),
        ],
        widget=forms.RadioSelect,
    )


class OntvangstFormulier(Formulier):
    vol = forms.BooleanField(label=_("We zitten nu vol."), required=False)
    wachttijd = forms.CharField(
        label=_("Wachttijd"),
        max_length=100,
        required=False,
        help_text=_("Bijvoorbeeld: ongeveer 3 weken. Leeg: geen wachttijd."),
    )
    reactie_email = forms.EmailField(
        label=_("E-mailadres voor nieuwe aanmeldingen"),
        required=False,
        help_text=_("Leeg: het e-mailadres van de eigenaar van het aanbod."),
        error_messages={"invalid": _("Vul een goed e-mailadres in.")},
    )
