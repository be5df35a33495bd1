from django.shortcuts import render
from django.utils import timezone

from samenspel.search import facetlijst, gekozen, kaartjes
from samenspel.search.antwoordcache import bewaar_antwoord
from samenspel.search.forms import ZoekFormulier
from samenspel.search.zoeken import Zoekvraag, zoek_in_index

FILTERS = (
    "bouwsteen",
    "doelgroep",
    "levensdomein",
    "sector",
    "toegankelijkheid",
    "gemeente",
    "wijk",
    "buurt",
)
VLAGGEN = ("gratis", "zonder_indicatie", "inloop", "na_kantoortijd")
FACET_LIJSTEN = ("bouwsteen", "sector", "doelgroep", "levensdomein", "toegankelijkheid")

# The clock for "nu open"; tests put another one in its place.
klok = timezone.now


def vraag_uit(data: dict) -> Zoekvraag:
    """Turn validated form data into a query; invalid fields are simply absent."""
    filters = {}
    for naam in FILTERS:
        waarde = data.get(naam)
        if waarde:
            filters[naam] = waarde if isinstance(waarde, list) else [waarde]
    for naam in VLAGGEN:
        if data.get(naam):
            filters[naam] = ["ja"]
    if data.get("dag"):
        filters["dag"] = [data["dag"]]
    punt = data.get("punt")
    return Zoekvraag(
        tekst=data.get("q") or "",
        filters=filters,
        punt=punt,
        straal_km=float(data["straal"]) if data.get("straal") and punt else None,
        sorteer="afstand" if data.get("sorteer") == "afstand" and punt else "relevantie",
        pagina=data.get("pagina") or 1,
        open_op=klok() if data.get("nu_open") else None,
    )


def _facet_keuzes(form, resultaat, naam):
    aantallen = resultaat.facetten.get(naam, {})
    gekozen = set(form.cleaned_data.get(naam) or [])
    return [
        {"code": code, "label": label, "aantal": aantallen.get(code, 0), "gekozen": code in gekozen}
        for code, label in form.fields[naam].choices
        if code and (aantallen.get(code) or code in gekozen)
    ]


# "Nu open" changes by the minute, which the cached answers do not follow.
@bewaar_antwoord(behalve=("nu_open",))
def zoeken(request):
    # Always bound: an empty query is a valid one and lists everything, paged.
    form = ZoekFormulier(request.GET)
    form.is_valid()
    vraag = vraag_uit(form.cleaned_data)
    resultaat = zoek_in_index(vraag, request.user)
    kaarten, kaartpunten = kaartjes.voor(resultaat.treffers)
    querystring = request.GET.copy()
    querystring.pop("pagina", None)
    gekozen_filters = gekozen.gekozen_filters(form)
    facetten = [(form.fields[n].label, n, _facet_keuzes(form, resultaat, n)) for n in FACET_LIJSTEN]
    return render(
        request,
        "search/zoeken.html",
        {
            "form": form,
            "vraag": vraag,
            "resultaat": resultaat,
            "facetten": facetten,
            "facetlijsten": facetlijst.html(facetten),
            "querystring": querystring.urlencode(),
            "gekozen": gekozen_filters,
            "zonder_filters": gekozen.zonder_filters(form),
            # A filter with an error must be visible, so the error summary can point at it.
            "filters_open": any(
                gekozen.is_filter(n, form.fields[n]) for n in form.errors if n in form.fields
            ),
            "kaartjes": kaarten,
            "filters_sleutel": form.meer_filters_sleutel(),
            "kaartpunten": kaartpunten,
        },
    )
