"""The demo's signals: regional routes, a routing rule, one worry handed over, and two
signals about the neighbourhood.

Everything goes through ``signals.actions``, so the logs are what the product writes. The
regional numbers are made up ("voorbeeld" says so on the page) and the websites use
example.org; the national numbers stay those of the product itself. The worry and the signals
are fictional and name nobody. Loading twice adds nothing.
"""

from samenspel.accounts.models import Gebruiker
from samenspel.areas.models import Gebied
from samenspel.directory.models import Organization
from samenspel.signals import actions
from samenspel.signals.meldroute import Regionaal
from samenspel.signals.models import (
    Buurtsignaal,
    RegionaleRoute,
    Routeregel,
    Zorgmelding,
    Zorgstatus,
)
from samenspel.signals.models.buurtsignaal import Thema
from samenspel.signals.models.zorg import Soort

from .web import BRON

VOORBEELD = "Voorbeeld: dag en nacht bereikbaar"
# gemeente -> [(kind, name, fictional number, when, website)]
ROUTES = {
    "GM0344": [
        (
            Regionaal.MELDPUNT,
            "Meldpunt Zorg en Woonoverlast Utrecht",
            "030 123 45 67",
            "Voorbeeld: maandag tot en met vrijdag 9.00–17.00 uur",
            "https://meldpunt.example.org",
        ),
        (
            Regionaal.CRISISDIENST,
            "Crisisdienst ggz regio Utrecht",
            "030 123 45 68",
            VOORBEELD,
            "https://crisisdienst.example.org",
        ),
        (
            Regionaal.HUISARTSENPOST,
            "Huisartsenpost Utrecht",
            "030 123 45 69",
            "Voorbeeld: 's avonds, 's nachts en in het weekend",
            "https://huisartsenpost.example.org",
        ),
    ],
    "GM0599": [
        (
            Regionaal.MELDPUNT,
            "Meldpunt Zorg en Woonoverlast Rotterdam",
            "010 123 45 67",
            "Voorbeeld: maandag tot en met vrijdag 9.00–17.00 uur",
            "https://meldpunt-rotterdam.example.org",
        ),
        (
            Regionaal.CRISISDIENST,
            "Crisisdienst ggz regio Rotterdam",
            "010 123 45 68",
            VOORBEELD,
            "https://crisisdienst-rotterdam.example.org",
        ),
        (
            Regionaal.HUISARTSENPOST,
            "Huisartsenpost Rotterdam",
            "010 123 45 69",
            "Voorbeeld: 's avonds, 's nachts en in het weekend",
            "https://huisartsenpost-rotterdam.example.org",
        ),
    ],
}

# (gemeente, wijk or None, kind of worry, organisation key of the team)
ROUTEREGELS = [
    ("GM0344", "WK034403", Soort.ZORG, "buurtteam-overvecht"),
    ("GM0599", None, Soort.ZORG, "wijkteam-rotterdam-west"),
]

ZORG_BUURT = "BU03440311"
ZORG_TEKST = (
    "Mijn buurvrouw op de derde verdieping doet al twee weken de deur niet meer open. Haar "
    "brievenbus puilt uit en 's avonds brandt er geen licht."
)
# (buurt, theme, text, public, answer, agenda title)
BUURTSIGNALEN = [
    (
        "BU03440321",
        Thema.ONTMOETPLEK,
        "Sinds de huiskamer in de flat dicht is, zitten veel ouderen 's middags alleen thuis.",
        True,
        "Dank voor je signaal. We bespreken het bij de volgende Sirenelunch met de partners "
        "in de wijk.",
        "Een nieuwe huiskamer voor ouderen in Overvecht",
    ),
    (
        "BU03440311",
        Thema.ALLEEN,
        "Een oudere buurman komt sinds de winter niet meer naar de koffieochtend; anderen uit "
        "zijn portiek ook niet.",
        False,
        "",
        "",
    ),
    (
        "BU03440322",
        Thema.JONGEREN,
        "Op het grasveld bij de speeltuin hangen 's avonds jongeren rond die niets te doen hebben.",
        False,
        "",
        "",
    ),
]


def _gebruiker(naam):
    return Gebruiker.objects.filter(username=naam).first()


def laad_signalen() -> dict:
    beheerder = _gebruiker("beheerder")
    gemeenten = {g.code: g for g in Gebied.objects.filter(code__in=list(ROUTES))}
    for code, routes in ROUTES.items():
        gemeente = gemeenten.get(code)
        if gemeente is None or RegionaleRoute.objects.filter(gemeente=gemeente).exists():
            continue
        for soort, naam, telefoon, wanneer, website in routes:
            actions.bewaar_route(
                RegionaleRoute(
                    gemeente=gemeente,
                    soort=soort,
                    naam=naam,
                    telefoon=telefoon,
                    openingstijden=wanneer,
                    website=website,
                ),
                beheerder,
            )
    regels = _routeregels(gemeenten, beheerder)
    _zorg(regels.get("GM0344"))
    _buurtsignalen()
    return {
        "routes": RegionaleRoute.objects.filter(gemeente__code__in=list(ROUTES)).count(),
        "routeregels": Routeregel.objects.filter(gemeente__code__in=list(ROUTES)).count(),
        "zorgen": Zorgmelding.objects.filter(gemeente__code__in=list(ROUTES)).count(),
        "buurtsignalen": Buurtsignaal.objects.filter(
            tekst__in=[s[2] for s in BUURTSIGNALEN]
        ).count(),
    }


def _routeregels(gemeenten, beheerder) -> dict:
    teams = {
        o.bron_id: o
        for o in Organization.objects.filter(bron=BRON, bron_id__in=[r[3] for r in ROUTEREGELS])
    }
    regels = {}
    for code, wijk_code, soort, team in ROUTEREGELS:
        gemeente = gemeenten.get(code)
        wijk = Gebied.objects.filter(code=wijk_code).first() if wijk_code else None
        if gemeente is None or team not in teams or (wijk_code and wijk is None):
            continue
        regel = Routeregel.objects.filter(gemeente=gemeente, wijk=wijk, soort=soort).first()
        if regel is None:
            regel = actions.regel_opslaan(
                Routeregel(
                    gemeente=gemeente,
                    wijk=wijk,
                    soort=soort,
                    team=teams[team],
                    openingstijden="Voorbeeld: maandag tot en met vrijdag 8.30–17.00 uur",
                ),
                beheerder,
            )
        regels.setdefault(code, regel)
    return regels


def _zorg(regel) -> None:
    buurt = Gebied.objects.filter(code=ZORG_BUURT).first()
    professional = _gebruiker("professional")
    if regel is None or buurt is None or professional is None:
        return
    if Zorgmelding.objects.filter(team=regel.team, buurt=buurt).exists():
        return
    melding = actions.zorg_doorgeven(
        regel=regel, buurt=buurt, soort=regel.soort, wat=ZORG_TEKST, straat="Zambesidreef"
    )
    if professional.organisatie_id == regel.team_id:
        actions.zorg_status(melding, Zorgstatus.OPGEPAKT, professional)


def _buurtsignalen() -> None:
    netwerkhouder = _gebruiker("netwerkhouder")
    buurten = {g.code: g for g in Gebied.objects.filter(code__in=[s[0] for s in BUURTSIGNALEN])}
    for code, thema, tekst, openbaar, antwoord, titel in BUURTSIGNALEN:
        buurt = buurten.get(code)
        if buurt is None or Buurtsignaal.objects.filter(buurt=buurt, tekst=tekst).exists():
            continue
        signaal = actions.stuur_buurtsignaal(buurt, thema, tekst, openbaar=openbaar)
        if antwoord and netwerkhouder is not None:
            actions.beantwoord_buurtsignaal(signaal, antwoord, netwerkhouder)
        if titel and netwerkhouder is not None:
            actions.zet_op_wijkagenda(signaal, netwerkhouder, titel=titel)
