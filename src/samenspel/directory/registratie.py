"""The "Meld je initiatief aan" form, its edit twin, duplicate detection and a time parser.

Seed 000 (lines 848-857) asks for "één punt" where every initiative registers itself; seed 002
(advies 9, lines 1094-1113) warns against formalising the informal. Hence: six required
fields, no account, and everything else clearly optional.
"""

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from datetime import time

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from rapidfuzz import fuzz

from samenspel.areas.models import Gebied
from samenspel.core.forms import NLDSMixin
from samenspel.directory import toegankelijkheid
from samenspel.directory.models import (
    Moderatie,
    Sector,
    Service,
    ServiceStatus,
    TaxonomyTerm,
    Zichtbaarheid,
)

# Above this many buurten one <select> gets too long for a phone: ask the gemeente first.
MAX_BUURTEN_IN_LIJST = 1500

# --- contact: one field, e-mail or Dutch phone number -------------------------------------

_TELEFOON_RUIS = re.compile(r"[\s\-.()/]")
_TELEFOON_GEWOON = re.compile(r"0[1-9]\d{8}")  # 06…, 030…, 0111…, 085…: ten digits
_TELEFOON_SERVICE = re.compile(r"0(?:800|90[069])\d{4}(?:\d{3})?")  # 0800-1234(567)


def telefoon_cijfers(waarde: str) -> str | None:
    """The national digits of a Dutch phone number (0612345678), or None if it is not one."""
    cijfers = _TELEFOON_RUIS.sub("", waarde.replace("(0)", ""))
    if cijfers.startswith("+31"):
        cijfers = "0" + cijfers[3:]
    elif cijfers.startswith("0031"):
        cijfers = "0" + cijfers[4:]
    if _TELEFOON_GEWOON.fullmatch(cijfers) or _TELEFOON_SERVICE.fullmatch(cijfers):
        return cijfers
    return None


@dataclass(frozen=True)
class Contactgegeven:
    email: str = ""
    telefoon: str = ""

    @property
    def waarde(self) -> str:
        return self.email or self.telefoon


def lees_contact(waarde: str) -> Contactgegeven:
    """E-mail or phone number; raises ValidationError with a message naming what is wrong."""
    waarde = " ".join(waarde.split())
    if "@" in waarde:
        try:
            validate_email(waarde)
        except ValidationError:
            raise ValidationError(
                _("Dit e-mailadres klopt niet. Kijk of er een typefout in zit."), code="email"
            ) from None
        return Contactgegeven(email=waarde)
    if telefoon_cijfers(waarde):
        # Keep the owner's own notation: they know best how their number reads.
        return Contactgegeven(telefoon=waarde)
    raise ValidationError(
        _(
            "Vul een e-mailadres of een Nederlands telefoonnummer in, "
            "bijvoorbeeld naam@voorbeeld.nl of 06 12345678."
        ),
        code="contact",
    )


# --- postcode -------------------------------------------------------------------------------

_POSTCODE = re.compile(r"([1-9]\d{3})\s?([A-Za-z]{2})")


def normaliseer_postcode(waarde: str) -> str:
    """'3562ab' -> '3562 AB'; raises ValidationError for anything else."""
    gevonden = _POSTCODE.fullmatch(waarde.strip())
    # PostNL never issues SA, SD and SS.
    if not gevonden or gevonden.group(2).upper() in {"SA", "SD", "SS"}:
        raise ValidationError(
            _("Deze postcode klopt niet. Schrijf hem zo: 1234 AB."), code="postcode"
        )
    return f"{gevonden.group(1)} {gevonden.group(2).upper()}"


# --- choices --------------------------------------------------------------------------------


def buurt_keuzes(gemeente: Gebied | None = None) -> list:
    """Buurten grouped per gemeente and wijk, for a <select> with <optgroup>s."""
    buurten = Gebied.objects.buurten().select_related("ouder__ouder")
    if gemeente is not None:
        buurten = buurten.filter(Q(ouder__ouder=gemeente) | Q(ouder=gemeente))
    groepen = defaultdict(list)
    for buurt in buurten:
        keten = [g.naam for g in reversed(buurt.keten()[1:])]
        groepen[" – ".join(keten) or str(_("Overig"))].append((buurt.code, buurt.naam))
    keuzes = [("", _("Kies je buurt"))]
    for label in sorted(groepen):
        keuzes.append((label, sorted(groepen[label], key=lambda keuze: keuze[1])))
    return keuzes


def buurtlijst_te_lang() -> bool:
    return Gebied.objects.buurten().count() > MAX_BUURTEN_IN_LIJST


SECTOR_KEUZES = [
    (Sector.INFORMEEL, _("Informeel: bewoners of vrijwilligers")),
    (Sector.FORMEEL, _("Formeel: een organisatie met betaalde krachten")),
    (Sector.HYBRIDE, _("Allebei: vrijwilligers samen met betaalde krachten")),
]

ZICHTBAARHEID_KEUZES = [
    (Zichtbaarheid.OPENBAAR, _("Iedereen mag het zien")),
    (Zichtbaarheid.PROFESSIONALS, _("Alleen professionals, zoals het wijkteam of de huisarts")),
    (
        Zichtbaarheid.VIA_CONTACTPERSOON,
        _("Alleen de naam en de contactpersoon; de rest vertelt de contactpersoon zelf"),
    ),
]


class WanneerVeld(forms.CharField):
    """Required in the eyes of the reader, but 'op afspraak' may stand in for it.

    The form checks the pair in clean(); the label must not say "niet verplicht".
    """

    def validate(self, value):
        pass


# --- the forms ------------------------------------------------------------------------------


class AanmeldFormulier(NLDSMixin, forms.Form):
    naam = forms.CharField(
        label=_("Naam van je initiatief of activiteit"),
        max_length=250,
        help_text=_("Bijvoorbeeld: Wandelgroep Overvecht of Taalcafé De Brug."),
        error_messages={"required": _("Vul de naam van je initiatief in.")},
    )
    omschrijving = forms.CharField(
        label=_("Wat doen jullie?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Vertel in een paar zinnen wat mensen bij jullie kunnen doen of krijgen."),
        error_messages={"required": _("Vertel kort wat jullie doen.")},
    )
    wanneer = WanneerVeld(
        label=_("Wanneer en waar?"),
        max_length=250,
        help_text=_(
            "Bijvoorbeeld: elke dinsdag 10-12 uur in buurthuis De Boog. "
            "Geen vaste tijden? Vink dan hieronder 'op afspraak' aan."
        ),
    )
    op_afspraak = forms.BooleanField(
        label=_("Op afspraak, er zijn geen vaste tijden"), required=False
    )
    buurt = forms.ChoiceField(
        label=_("In welke buurt?"),
        help_text=_("De buurt waar het meestal is. Zo vinden buren jullie."),
        error_messages={
            "required": _("Kies de buurt waar jullie initiatief is."),
            "invalid_choice": _("Kies een buurt uit de lijst."),
        },
    )
    contact = forms.CharField(
        label=_("E-mailadres of telefoonnummer"),
        max_length=254,
        help_text=_(
            "Eén van de twee is genoeg. Hierop krijg je bericht over je aanmelding. "
            "Mensen die jullie zoeken, zien het ook."
        ),
        error_messages={"required": _("Vul een e-mailadres of telefoonnummer in.")},
    )
    bouwsteen = forms.ChoiceField(
        label=_("Waar helpt jullie initiatief vooral bij?"),
        help_text=_("Kies wat het beste past. Onder de lijst staat wat elke keuze betekent."),
        error_messages={
            "required": _("Kies waar jullie initiatief vooral bij helpt."),
            "invalid_choice": _("Kies een van de keuzes uit de lijst."),
        },
    )

    # Everything below is optional and the template says so.
    adres = forms.CharField(
        label=_("Straat en huisnummer"),
        required=False,
        max_length=250,
        help_text=_("Alleen als mensen bij jullie langs kunnen komen."),
    )
    postcode = forms.CharField(
        label=_("Postcode"), required=False, max_length=7, help_text=_("Bijvoorbeeld 3562 AB.")
    )
    toegankelijkheid = forms.MultipleChoiceField(
        label=_("Hoe toegankelijk is de plek?"),
        required=False,
        choices=toegankelijkheid.keuzes,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Vink alleen aan wat zeker klopt. Zo weet iemand met een rollator of "
            "rolstoel of het lukt."
        ),
        error_messages={"invalid_choice": _("Kies uit de lijst wat klopt.")},
    )
    korte_tekst = forms.CharField(
        label=_("Korte tekst voor op papier"),
        required=False,
        max_length=200,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "Eén of twee zinnen voor de wijkwijzer die in wachtkamers hangt. "
            "Leeg? Dan staat daar je hele verhaal van hierboven."
        ),
    )
    website = forms.URLField(
        label=_("Website"),
        required=False,
        assume_scheme="https",
        error_messages={"invalid": _("Dit webadres klopt niet, bijvoorbeeld www.voorbeeld.nl.")},
    )
    doelgroep = forms.ChoiceField(
        label=_("Voor wie is het vooral?"),
        required=False,
        error_messages={"invalid_choice": _("Kies een van de keuzes uit de lijst.")},
    )
    sector = forms.ChoiceField(
        label=_("Wat voor initiatief is het?"),
        required=False,
        choices=SECTOR_KEUZES,
        initial=Sector.INFORMEEL,
        widget=forms.RadioSelect,
    )
    zichtbaarheid = forms.ChoiceField(
        label=_("Wie mag jullie aanbod zien?"),
        required=False,
        choices=ZICHTBAARHEID_KEUZES,
        initial=Zichtbaarheid.OPENBAAR,
        widget=forms.RadioSelect,
    )
    etmaal = forms.MultipleChoiceField(
        label=_("Alleen voor 24-uurszorg: hoe zijn jullie er dag en nacht?"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Bereikbaar: iemand neemt de telefoon op. Beschikbaar: iemand is binnen een paar "
            "minuten aan de deur. Geen 24-uurszorg? Laat dit leeg."
        ),
        error_messages={"invalid_choice": _("Kies uit de lijst wat klopt.")},
    )
    contactpersoon = forms.CharField(
        label=_("Naam van de contactpersoon"),
        required=False,
        max_length=200,
        help_text=_("Bijvoorbeeld je voornaam. Dan weten mensen wie ze spreken."),
    )
    niet_dubbel = forms.BooleanField(
        label=_("Mijn initiatief staat hier niet tussen"), required=False
    )

    VERPLICHT = ("naam", "omschrijving", "wanneer", "buurt", "contact", "bouwsteen")
    # The browser's own `required` marks untouched fields red (:invalid) before anyone typed;
    # aria-required tells screen readers the same without that.
    use_required_attribute = False

    def __init__(self, *args, gemeente: Gebied | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        for veld in self.fields.values():
            if veld.required:
                veld.widget.attrs["aria-required"] = "true"
        self.fields["buurt"].choices = buurt_keuzes(gemeente)
        self.bouwstenen = list(TaxonomyTerm.objects.bouwstenen())
        self.fields["bouwsteen"].choices = [("", _("Kies wat het beste past"))] + [
            (term.code, _(term.name)) for term in self.bouwstenen
        ]
        doelgroepen = list(TaxonomyTerm.objects.doelgroepen())
        if doelgroepen:
            self.fields["doelgroep"].choices = [("", _("Voor iedereen"))] + [
                (term.code, _(term.name)) for term in doelgroepen
            ]
        else:
            del self.fields["doelgroep"]
        etmaal = list(TaxonomyTerm.objects.etmaal())
        if etmaal:
            self.fields["etmaal"].choices = [(term.code, _(term.name)) for term in etmaal]
        else:
            del self.fields["etmaal"]

    def clean_contact(self) -> Contactgegeven:
        return lees_contact(self.cleaned_data["contact"])

    def clean_postcode(self) -> str:
        waarde = self.cleaned_data["postcode"]
        return normaliseer_postcode(waarde) if waarde.strip() else ""

    def clean_toegankelijkheid(self) -> list[str]:
        # In the list's order, so an edit that ticks the same boxes changes nothing.
        gekozen = set(self.cleaned_data["toegankelijkheid"])
        return [code for code in toegankelijkheid.CODES if code in gekozen]

    def clean_etmaal(self) -> list[str]:
        # In the taxonomy's order, so an edit that ticks the same boxes changes nothing.
        gekozen = set(self.cleaned_data["etmaal"])
        return [code for code, _naam in self.fields["etmaal"].choices if code in gekozen]

    def clean_sector(self) -> str:
        return self.cleaned_data["sector"] or Sector.INFORMEEL

    def clean_zichtbaarheid(self) -> str:
        return self.cleaned_data["zichtbaarheid"] or Zichtbaarheid.OPENBAAR

    def clean(self):
        data = super().clean()
        if not (data.get("wanneer") or "").strip() and not data.get("op_afspraak"):
            self.add_error(
                "wanneer",
                _("Vul in wanneer en waar het is, of vink 'op afspraak' aan."),
            )
        adres, postcode = data.get("adres", "").strip(), data.get("postcode")
        if adres and "postcode" in data and not postcode:
            self.add_error("postcode", _("Vul ook de postcode in, of laat het adres leeg."))
        if postcode and not adres:
            self.add_error("adres", _("Vul ook straat en huisnummer in, of laat de postcode leeg."))
        if data.get("buurt"):
            data["buurt"] = Gebied.objects.select_related("ouder__ouder").get(code=data["buurt"])
        return data

    def eis_geen_dubbel(self) -> None:
        self.add_error(
            "niet_dubbel",
            _(
                "Kijk of je initiatief al in de lijst staat. Staat het er niet tussen? "
                "Vink dan dit vakje aan en verstuur opnieuw."
            ),
        )


class BewerkFormulier(AanmeldFormulier):
    """The same fields, prefilled; the duplicate question was answered at registration."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["niet_dubbel"]


class BewerklinkFormulier(NLDSMixin, forms.Form):
    email = forms.EmailField(
        label=_("Je e-mailadres"),
        help_text=_("Het adres waarmee je je initiatief hebt aangemeld."),
        error_messages={
            "required": _("Vul je e-mailadres in."),
            "invalid": _("Dit e-mailadres klopt niet. Kijk of er een typefout in zit."),
        },
    )


def beginwaarden(service: Service) -> dict:
    """The edit form's values for a listing, in the form's own terms."""
    koppeling = service.service_at_locations.select_related("location__buurt").first()
    locatie = koppeling.location if koppeling else None
    adres = locatie.addresses.first() if locatie else None
    toegang = [a.description for a in locatie.accessibility.all()] if locatie else []
    persoon = service.contacts.exclude(name="").first()
    bouwstenen, doelgroepen = service.bouwstenen, service.doelgroepen
    return {
        "naam": service.name,
        "omschrijving": service.description,
        "wanneer": service.tijden_omschrijving,
        "op_afspraak": service.op_afspraak,
        "buurt": locatie.buurt_id if locatie and locatie.buurt_id else "",
        "contact": service.beheerder_email or service.beheerder_telefoon,
        "bouwsteen": bouwstenen[0].code if bouwstenen else "",
        "adres": adres.address_1 if adres else "",
        "postcode": adres.postal_code if adres else "",
        "toegankelijkheid": toegankelijkheid.codes_van(toegang),
        "website": service.url or service.organization.website,
        "korte_tekst": service.korte_tekst,
        "doelgroep": doelgroepen[0].code if doelgroepen else "",
        "etmaal": [term.code for term in service.etmaal],
        "sector": service.organization.sector,
        "zichtbaarheid": service.zichtbaarheid,
        "contactpersoon": persoon.name if persoon else "",
    }


# --- likely duplicates ----------------------------------------------------------------------

_STOPWOORDEN = {"de", "het", "een", "stichting", "vereniging", "st"}
GELIJKENIS = 85


def normaliseer_naam(naam: str) -> str:
    """Lower case, no accents or punctuation, no 'de'/'stichting': what a reader compares."""
    tekst = unicodedata.normalize("NFKD", naam.lower())
    tekst = "".join(teken for teken in tekst if not unicodedata.combining(teken))
    woorden = re.sub(r"[^a-z0-9]+", " ", tekst).split()
    return " ".join(woord for woord in woorden if woord not in _STOPWOORDEN)


def lijkt_op(a: str, b: str) -> bool:
    a, b = normaliseer_naam(a), normaliseer_naam(b)
    if not a or not b:
        return False
    kort, lang = sorted((a, b), key=len)
    # Whole words only: "buurt" should not match every "buurtkamer".
    if len(kort) >= 4 and f" {kort} " in f" {lang} ":
        return True
    return fuzz.ratio(a, b) >= GELIJKENIS


def mogelijke_dubbelen(naam: str, gemeente: Gebied, zonder=None) -> list[Service]:
    """Listings in the same gemeente whose name looks like this one (not stopped or rejected)."""
    kandidaten = (
        Service.objects.filter(
            Q(organization__gemeente=gemeente)
            | Q(service_at_locations__location__buurt__ouder__ouder=gemeente)
            | Q(service_at_locations__location__buurt__ouder=gemeente)
        )
        .filter(status=ServiceStatus.ACTIVE)
        .exclude(moderatie=Moderatie.AFGEWEZEN)
        .distinct()
    )
    if zonder is not None:
        kandidaten = kandidaten.exclude(pk=zonder)
    ids = [pk for pk, andere in kandidaten.values_list("pk", "name") if lijkt_op(naam, andere)]
    return list(Service.objects.filter(pk__in=ids).order_by("name"))


# --- opening times --------------------------------------------------------------------------

_DAGEN = {
    "maandag": "MO",
    "dinsdag": "TU",
    "woensdag": "WE",
    "donderdag": "TH",
    "vrijdag": "FR",
    "zaterdag": "SA",
    "zondag": "SU",
}
_AFKORTINGEN = dict(zip(("ma", "di", "wo", "do", "vr", "za", "zo"), _DAGEN.values(), strict=True))
_WEEK = list(_DAGEN.values())

# Abbreviations only count when a time or another day follows, so "zo nu en dan" is no Sunday.
_DAG = re.compile(
    r"\b(?:(maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)[a-z]*"
    r"|(ma|di|wo|do|vr|za|zo)\b\.?(?=\s*(?:[,&+\-–]|t/m|tot\b|en\b|\d|$)))"
)
_DAGBEREIK = re.compile(r"\s*(?:t/m|tot en met|-|–)\s*")
_TIJD = re.compile(
    r"(?<![\d:.])(\d{1,2})(?:[:.](\d{2}))?\s*(?:uur|u)?\s*(?:-|–|tot)\s*"
    r"(\d{1,2})(?:[:.](\d{2}))?(?![\d:.])\s*(?:uur|u\b)?"
)
# What may stand between a day and its time: "dinsdagmiddag van 14 tot 16", "ma, 's avonds 7-9".
_TUSSEN_DAG_EN_TIJD = re.compile(
    r"[\s,:]*(?:(?:van|vanaf|tussen|om|'s|s|ochtends?|middags?|avonds?|morgens?)[\s,:]*)*"
)
_ALLEEN_EN = re.compile(r"[\s,&]*(?:en|of|&)?[\s,]*")


@dataclass(frozen=True)
class Tijdvak:
    dagen: tuple[str, ...]
    van: time
    tot: time

    @property
    def byday(self) -> str:
        return ",".join(self.dagen)


def _tijd(uur: str, minuut: str | None) -> time | None:
    uren, minuten = int(uur), int(minuut or 0)
    if uren == 24 and minuten == 0:
        return time(23, 59)
    if uren > 23 or minuten > 59:
        return None
    return time(uren, minuten)


def _dagen_in(tekst: str) -> tuple[list[str], int]:
    """Days named in a piece of text (ranges expanded) and where the last one ends."""
    treffers = list(_DAG.finditer(tekst))
    dagen: list[str] = []
    for i, treffer in enumerate(treffers):
        dag = _DAGEN.get(treffer.group(1) or "") or _AFKORTINGEN[treffer.group(2)]
        vorige = treffers[i - 1] if i else None
        if vorige and dagen and _DAGBEREIK.fullmatch(tekst[vorige.end() : treffer.start()]):
            begin, eind = _WEEK.index(dagen[-1]), _WEEK.index(dag)
            dagen.extend(_WEEK[begin + 1 : eind + 1])
        else:
            dagen.append(dag)
    einde = treffers[-1].end() if treffers else -1
    return list(dict.fromkeys(dagen)), einde


def lees_tijden(tekst: str) -> list[Tijdvak]:
    """Weekly slots in free text such as 'dinsdag 10-12' or 'ma t/m vr 9.00 - 17.00 uur'.

    Conservative on purpose: a slot is only read when a day stands right before the time,
    because a wrong opening time on the kaart is worse than none (the free text stays shown).
    """
    tekst = tekst.lower()
    vakken: dict[tuple[time, time], list[str]] = {}
    vorige_dagen: list[str] = []
    positie = 0
    for treffer in _TIJD.finditer(tekst):
        stuk = tekst[positie : treffer.start()]
        positie = treffer.end()
        dagen, einde = _dagen_in(stuk)
        if dagen and not _TUSSEN_DAG_EN_TIJD.fullmatch(stuk[einde:]):
            dagen = []
        if not dagen and vorige_dagen and _ALLEEN_EN.fullmatch(stuk):
            dagen = vorige_dagen  # "dinsdag 10-12 en 14-16"
        van, tot = _tijd(*treffer.group(1, 2)), _tijd(*treffer.group(3, 4))
        if not dagen or van is None or tot is None or van >= tot:
            vorige_dagen = []
            continue
        vorige_dagen = dagen
        bestaande = vakken.setdefault((van, tot), [])
        bestaande.extend(dag for dag in dagen if dag not in bestaande)
    return [
        Tijdvak(tuple(sorted(dagen, key=_WEEK.index)), van, tot)
        for (van, tot), dagen in vakken.items()
    ]
