"""The public search form: every GET parameter validated with a message naming the field."""

from django import forms
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from samenspel.areas import geo
from samenspel.areas.models import Niveau
from samenspel.core.forms import NLDSMixin, PlainChoiceField
from samenspel.core.widgets import SnelleSelect, SnelleTekst, SnelleVerborgen
from samenspel.directory import plaatsen, toegankelijkheid
from samenspel.directory.models import Dag, Sector
from samenspel.search import keuzelijsten

# Longer area lists are narrowed to the chosen gemeente or wijk.
MAX_KEUZES = 300
STRALEN = [("", _("elke afstand")), ("1", "1 km"), ("3", "3 km"), ("5", "5 km"), ("10", "10 km")]


# The fields under "Meer filters", in their order on the page.
MEER_FILTERS = (
    "gemeente",
    "wijk",
    "buurt",
    "dag",
    "nu_open",
    "na_kantoortijd",
    "gratis",
    "zonder_indicatie",
    "inloop",
    "straal",
    "sorteer",
)


class ZoekFormulier(NLDSMixin, forms.Form):
    q = forms.CharField(
        label=_("Wat zoek je?"),
        required=False,
        max_length=200,
        error_messages={"max_length": _("Gebruik hooguit 200 tekens.")},
        widget=SnelleTekst(
            attrs={"type": "search", "placeholder": _("bijv. wandelen, taal, maatje")}
        ),
    )
    gemeente = PlainChoiceField(label=_("Gemeente"), required=False, widget=SnelleSelect)
    wijk = PlainChoiceField(label=_("Wijk"), required=False, widget=SnelleSelect)
    buurt = PlainChoiceField(label=_("Buurt"), required=False, widget=SnelleSelect)
    bouwsteen = forms.MultipleChoiceField(
        label=_("Soort hulp"), required=False, widget=forms.CheckboxSelectMultiple
    )
    doelgroep = forms.MultipleChoiceField(
        label=_("Voor wie"), required=False, widget=forms.CheckboxSelectMultiple
    )
    levensdomein = forms.MultipleChoiceField(
        label=_("Waar helpt het bij"), required=False, widget=forms.CheckboxSelectMultiple
    )
    sector = forms.MultipleChoiceField(
        label=_("Wie biedt het aan"),
        required=False,
        choices=Sector.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    toegankelijkheid = forms.MultipleChoiceField(
        label=_("Toegankelijkheid"),
        required=False,
        choices=toegankelijkheid.keuzes,
        widget=forms.CheckboxSelectMultiple,
    )
    gratis = forms.BooleanField(label=_("Gratis"), required=False)
    zonder_indicatie = forms.BooleanField(label=_("Zonder verwijzing of indicatie"), required=False)
    inloop = forms.BooleanField(label=_("Vrije inloop"), required=False)
    dag = forms.ChoiceField(
        label=_("Open op"), required=False, choices=[("", _("elke dag")), *Dag.choices]
    )
    # The rules for both: directory/openingstijden.py.
    nu_open = forms.BooleanField(label=_("Nu open"), required=False)
    na_kantoortijd = forms.BooleanField(
        label=_("Na kantoortijd"),
        required=False,
        help_text=_("Ook 's avonds na 18:00, 's nachts of in het weekend open."),
    )
    bij = forms.CharField(
        label=_("Postcode of buurt"),
        required=False,
        max_length=60,
        help_text=_("Om op afstand te sorteren, bijv. 3562 of Overvecht."),
        widget=SnelleTekst,
    )
    straal = forms.ChoiceField(label=_("Binnen"), required=False, choices=STRALEN)
    lat = forms.FloatField(
        required=False,
        widget=SnelleVerborgen,
        min_value=geo.NEDERLAND.min_lat,
        max_value=geo.NEDERLAND.max_lat,
    )
    lon = forms.FloatField(
        required=False,
        widget=SnelleVerborgen,
        min_value=geo.NEDERLAND.min_lon,
        max_value=geo.NEDERLAND.max_lon,
    )
    sorteer = forms.ChoiceField(
        label=_("Sorteer op"),
        required=False,
        choices=[("relevantie", _("beste match")), ("afstand", _("afstand"))],
    )
    pagina = forms.IntegerField(
        required=False,
        min_value=1,
        widget=SnelleVerborgen,
        error_messages={
            "invalid": _("Het paginanummer moet een getal zijn."),
            "min_value": _("Het paginanummer begint bij 1."),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._gebiedskeuzes()
        self.fields["bouwsteen"].choices = keuzelijsten.bouwstenen()
        self.fields["doelgroep"].choices = keuzelijsten.doelgroepen()
        self.fields["levensdomein"].choices = keuzelijsten.levensdomeinen()
        for naam in ("gemeente", "wijk", "buurt", "dag", "straal", "sorteer"):
            self.fields[naam].error_messages["invalid_choice"] = _(
                "Deze keuze kennen we niet. Kies een waarde uit de lijst."
            )
        for naam in ("bouwsteen", "doelgroep", "levensdomein", "sector", "toegankelijkheid"):
            self.fields[naam].error_messages["invalid_choice"] = _(
                "'%(value)s' kennen we niet. Kies uit de lijst."
            )
        for naam in ("lat", "lon"):
            self.fields[naam].error_messages.update(
                {
                    "invalid": _("Je locatie kon niet worden gelezen."),
                    "min_value": _("Je locatie ligt buiten Nederland."),
                    "max_value": _("Je locatie ligt buiten Nederland."),
                }
            )

    def meer_filters(self) -> list:
        return [self[naam] for naam in MEER_FILTERS]

    def meer_filters_sleutel(self) -> tuple | None:
        """What the "Meer filters" part of the page depends on, so that part can be kept
        ready (it is the same for most questions): the values asked for, the language and
        the version of the area lists. None when one of them has an error, which the
        visitor must see."""
        if any(naam in self.errors for naam in MEER_FILTERS):
            return None
        return (
            translation.get_language(),
            keuzelijsten.versie(),
            *(tuple(self.data.getlist(naam)) for naam in MEER_FILTERS),
        )

    def _gebiedskeuzes(self) -> None:
        """Area lists a phone can handle: at national scale (thousands of wijken and buurten)
        a list only shows the areas inside the gemeente or wijk already chosen."""
        data = self.data if self.is_bound else {}
        gemeente, wijk, buurt = (str(data.get(k) or "") for k in ("gemeente", "wijk", "buurt"))
        self.fields["gemeente"].choices = [("", _("alle gemeenten")), *keuzelijsten.gemeenten()]
        alle_wijken = keuzelijsten.aantal(Niveau.WIJK) <= MAX_KEUZES
        self.fields["wijk"].choices = [
            ("", _("alle wijken")),
            *keuzelijsten.wijken(gemeente, wijk, alle=alle_wijken),
        ]
        alle_buurten = keuzelijsten.aantal(Niveau.BUURT) <= MAX_KEUZES
        self.fields["buurt"].choices = [
            ("", _("alle buurten")),
            *keuzelijsten.buurten(wijk, buurt, alle=alle_buurten),
        ]

    def clean(self):
        data = super().clean()
        bij = (data.get("bij") or "").strip()
        data["punt"] = None
        if data.get("lat") is not None and data.get("lon") is not None:
            data["punt"] = (data["lat"], data["lon"])
        elif bij:
            data["punt"] = plaatsen.punt_voor(bij)
            if data["punt"] is None:
                self.add_error(
                    "bij",
                    _("We kennen '%(bij)s' niet. Probeer een postcode (1234 AB) of een buurtnaam.")
                    % {"bij": bij},
                )
        if data.get("sorteer") == "afstand" and data["punt"] is None and "bij" not in self.errors:
            self.add_error("bij", _("Vul een postcode of buurt in om op afstand te sorteren."))
        if data.get("straal") and data["punt"] is None and "bij" not in self.errors:
            self.add_error(
                "bij", _("Vul een postcode of buurt in om binnen een afstand te zoeken.")
            )
        return data
