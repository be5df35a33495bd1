from django.shortcuts import render

from samenspel.directory import laden
from samenspel.search.antwoordcache import bewaar_antwoord
from samenspel.search.forms import ZoekFormulier
from samenspel.search.kaart import kaartpunten
from samenspel.search.zoeken import Zoekvraag, zoek

FILTERS = ("bouwsteen", "doelgroep", "sector", "gemeente", "wijk", "buurt")
VLAGGEN = ("gratis", "zonder_indicatie", "inloop")
FACET_LIJSTEN = ("bouwsteen", "sector", "doelgroep")


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
    )


def _facet_keuzes(form, resultaat, naam):
    aantallen = resultaat.facetten.get(naam, {})
    gekozen = set(form.cleaned_data.get(naam) or [])
    return [
        {"code": code, "label": label, "aantal": aantallen.get(code, 0), "gekozen": code in gekozen}
        for code, label in form.fields[naam].choices
        if code and (aantallen.get(code) or code in gekozen)
    ]


@bewaar_antwoord
def zoeken(request):
    # Always bound: an empty query is a valid one and lists everything, paged.
    form = ZoekFormulier(request.GET)
    form.is_valid()
    vraag = vraag_uit(form.cleaned_data)
    resultaat = zoek(vraag, request.user)
    laden.voor_kaartjes(t.service for t in resultaat.treffers)
    querystring = request.GET.copy()
    querystring.pop("pagina", None)
    return render(
        request,
        "search/zoeken.html",
        {
            "form": form,
            "vraag": vraag,
            "resultaat": resultaat,
            "facetten": [
                (form.fields[n].label, n, _facet_keuzes(form, resultaat, n)) for n in FACET_LIJSTEN
            ],
            "querystring": querystring.urlencode(),
            "kaartpunten": kaartpunten(t.service for t in resultaat.treffers),
        },
    )
