"""The filters a visitor has chosen, as removable chips: one rule for every filter field.

Every field of the search form is a filter unless it is the query itself, the place, the order
or a hidden field (page, coordinates). So a filter added to the form later shows up as a chip,
and in the "Filters (n)" count, without a change here. Each chip links to the same search
without that one value: it works without JavaScript.
"""

from dataclasses import dataclass

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext as _

# Form fields that are not filters: what and where you search, and how results are ordered.
GEEN_FILTER = frozenset({"q", "bij", "sorteer"})


@dataclass(frozen=True)
class GekozenFilter:
    tekst: str  # what the chip says, e.g. "Gratis" or "Open op: dinsdag"
    zonder: str  # query string of the same search without this choice


def _labels(veld: forms.Field) -> dict[str, str]:
    """Choice value -> label, optgroups flattened."""
    labels = {}
    for waarde, label in getattr(veld, "choices", ()):
        if isinstance(label, list | tuple):
            labels.update({str(w): str(lbl) for w, lbl in label})
        else:
            labels[str(waarde)] = str(label)
    return labels


def _zonder(data: QueryDict, naam: str, waarde: str | None = None) -> str:
    kopie = data.copy()
    kopie.pop("pagina", None)
    if waarde is None:
        kopie.pop(naam, None)
    else:
        kopie.setlist(naam, [w for w in kopie.getlist(naam) if w != waarde])
    return kopie.urlencode()


def is_filter(naam: str, veld: forms.Field) -> bool:
    return naam not in GEEN_FILTER and not veld.widget.is_hidden


def gekozen_filters(form: forms.Form) -> list[GekozenFilter]:
    """The valid chosen filters of a bound, validated form, in the form's field order."""
    data = form.data
    schoon = getattr(form, "cleaned_data", {})
    gekozen = []
    for naam, veld in form.fields.items():
        waarde = schoon.get(naam)
        if not is_filter(naam, veld) or waarde in (None, "", [], False):
            continue
        if isinstance(veld, forms.BooleanField):
            gekozen.append(GekozenFilter(str(veld.label), _zonder(data, naam)))
        elif isinstance(waarde, list | tuple):
            labels = _labels(veld)
            for w in waarde:
                tekst = _("%(veld)s: %(keuze)s") % {"veld": veld.label, "keuze": labels.get(w, w)}
                gekozen.append(GekozenFilter(tekst, _zonder(data, naam, str(w))))
        else:
            keuze = _labels(veld).get(str(waarde), str(waarde))
            tekst = _("%(veld)s: %(keuze)s") % {"veld": veld.label, "keuze": keuze}
            gekozen.append(GekozenFilter(tekst, _zonder(data, naam)))
    return gekozen


def zonder_filters(form: forms.Form) -> str:
    """Query string of the same search with every filter removed (query, place, order kept)."""
    kopie = form.data.copy()
    for naam, veld in form.fields.items():
        if is_filter(naam, veld) or naam == "pagina":
            kopie.pop(naam, None)
    return kopie.urlencode()
