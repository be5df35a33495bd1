"""The demo's wijkscan: one whole round for Overvecht, so a new user sees what a scan gives.

Issue 12, item 7: "Show one filled-in judgement and a short action list". Overvecht gets a
closed round in which four partners judged every bouwsteen, with what they base it on; Rotterdam
Oude Westen gets a round that is still open; three actions come from real gaps, each owned by an
organisation of the demo kaart; one piece of wijkkennis says whether care can be scaled down;
and today's stand is recorded so the trend has a row.

Everything goes through ``wijkscan.actions``, so the log is what the product writes. No person
is named: partners are described by organisation or as "bewoner Zambesidreef". The matrix stays
closed, as it is by default. Loading twice adds nothing.
"""

import datetime as dt

from django.utils import timezone

from samenspel.accounts.models import Gebruiker
from samenspel.areas.models import Gebied
from samenspel.directory.models import Organization, TaxonomyTerm
from samenspel.wijkscan import actions
from samenspel.wijkscan.gaten import GEEN_AANBOD, NIET_OP_LOOPAFSTAND
from samenspel.wijkscan.models import Actie, Actiestatus, Afschalen, Oordeelronde
from samenspel.wijkscan.models.oordeel import Soort

from .web import BRON

GEMEENTE = "GM0344"
WIJK = "WK034403"  # Overvecht
OPEN_WIJK = "WK059901"  # Rotterdam, Oude Westen

# Per partner: (label, kind, {bouwsteen: (niveau, onderbouwing)}). Every bouwsteen answered.
PARTNERS = [
    (
        "Buurtteam Overvecht",
        Soort.FORMEEL,
        {
            "zorg-en-begeleiding": (
                "voldoende",
                "Het buurtteam en het gebiedsteam ggz zitten samen aan tafel; consultatie "
                "kan binnen een week.",
            ),
            "vroegsignalering": (
                "onvoldoende",
                "Zorgen komen vaak via de woningcorporatie binnen, en dan laat.",
            ),
            "preventie": (
                "voldoende",
                "Er zijn cursussen over geld en opvoeden, maar de wachtlijst is lang.",
            ),
            "24-uurszorg": (
                "onvoldoende",
                "'s Avonds en in het weekend is er alleen de crisisdienst; niemand komt langs.",
            ),
            "zinvolle-daginvulling": (
                "voldoende",
                "Taal doet Meer en Handjehelpen hebben plekken voor vrijwilligerswerk.",
            ),
            "sociale-contacten-en-ontmoeting": (
                "sterk",
                "De Sirenelunch en de inloop bij Al Amal worden goed bezocht.",
            ),
            "ervaringsdeskundigheid": (
                "onvoldoende",
                "We verwijzen naar Enik, maar in ons team werkt geen ervaringsdeskundige.",
            ),
        },
    ),
    (
        "Stichting Buurtcirkel",
        Soort.INFORMEEL,
        {
            "zorg-en-begeleiding": (
                "voldoende",
                "Deelnemers die meer nodig hebben, komen via het buurtteam snel verder.",
            ),
            "vroegsignalering": (
                "voldoende",
                "Onze vrijwilligers zien mensen wekelijks en bellen het buurtteam als het "
                "minder gaat.",
            ),
            "preventie": (
                "onvoldoende",
                "Weinig aanbod voor mensen die net uit de zorg komen.",
            ),
            "24-uurszorg": (
                "afwezig",
                "Na vijf uur kunnen onze deelnemers nergens terecht behalve de crisisdienst.",
            ),
            "zinvolle-daginvulling": (
                "voldoende",
                "Er is genoeg te doen overdag, als mensen de weg weten.",
            ),
            "sociale-contacten-en-ontmoeting": (
                "sterk",
                "Elke week een koffieochtend en een wandelgroep, goed bezocht.",
            ),
            "ervaringsdeskundigheid": (
                "voldoende",
                "Twee van onze vrijwilligers delen hun eigen verhaal bij de koffieochtend.",
            ),
        },
    ),
    (
        "ervaringsdeskundige Recovery College",
        Soort.ERVARINGSDESKUNDIGE,
        {
            "zorg-en-begeleiding": (
                "onvoldoende",
                "Na de behandeling hoorde ik niets meer; afschalen ging te snel.",
            ),
            "vroegsignalering": (
                "onvoldoende",
                "Mijn buren merkten pas iets toen het al misging.",
            ),
            "preventie": ("weet_niet", ""),
            "24-uurszorg": (
                "onvoldoende",
                "Een nachtelijk telefoontje met iemand die je kent zou veel schelen.",
            ),
            "zinvolle-daginvulling": (
                "sterk",
                "Het Recovery College gaf mij weer een reden om de deur uit te gaan.",
            ),
            "sociale-contacten-en-ontmoeting": (
                "voldoende",
                "De inloop is fijn, maar in het weekend is alles dicht.",
            ),
            "ervaringsdeskundigheid": (
                "onvoldoende",
                "Er is Enik, maar bij het buurtteam en de huisarts kom je geen "
                "ervaringsdeskundige tegen.",
            ),
        },
    ),
    (
        "bewoner Zambesidreef",
        Soort.BEWONER,
        {
            "zorg-en-begeleiding": ("weet_niet", ""),
            "vroegsignalering": (
                "voldoende",
                "De huismeester en de buurtconciërge kennen iedereen in de flat.",
            ),
            "preventie": (
                "onvoldoende",
                "Ik weet niet waar ik heen moet met vragen over geld.",
            ),
            "24-uurszorg": (
                "afwezig",
                "Als het 's nachts misgaat bij de buren, weet niemand wie je belt.",
            ),
            "zinvolle-daginvulling": (
                "voldoende",
                "De moestuin achter de flat brengt mensen naar buiten.",
            ),
            "sociale-contacten-en-ontmoeting": (
                "voldoende",
                "Sinds de lunch in het buurthuis ken ik meer mensen in de straat.",
            ),
            "ervaringsdeskundigheid": ("weet_niet", ""),
        },
    ),
]

# Rotterdam's round that is still open: two partners invited, no answers yet.
OPEN_PARTNERS = [
    ("Wijkteam Rotterdam West", Soort.FORMEEL),
    ("Thuis in West", Soort.INFORMEEL),
]

# (organisation key, bouwsteen, area, gap kind, gap explanation, what, days to target, status)
ACTIES = [
    (
        "buurtteam-overvecht",
        "24-uurszorg",
        WIJK,
        GEEN_AANBOD,
        "Alle partners zien 's avonds en in het weekend niemand die langskomt.",
        "Met de partners een avond- en weekendbereikbaarheid voor Overvecht afspreken.",
        90,
        Actiestatus.BEZIG,
    ),
    (
        "enik-recovery-college",
        "ervaringsdeskundigheid",
        WIJK,
        NIET_OP_LOOPAFSTAND,
        "Ervaringsdeskundigen zijn er alleen bij Enik; bij buurtteam en huisarts niet.",
        "Een ervaringsdeskundige van Enik schuift elke maand aan bij het buurtteamoverleg.",
        60,
        Actiestatus.OPEN,
    ),
    (
        "nizu",
        "vroegsignalering",
        WIJK,
        GEEN_AANBOD,
        "Zorgen komen laat binnen, vaak via de woningcorporatie.",
        "Vrijwilligers van informele partners een korte training signaleren geven.",
        -14,
        Actiestatus.KLAAR,
    ),
]


def _netwerkhouder():
    return Gebruiker.objects.filter(username="netwerkhouder").first()


def laad_wijkscan(vandaag: dt.date | None = None) -> dict:
    """The demo's rounds, actions, wijkkennis and stand; returns what the demo holds now."""
    vandaag = vandaag or timezone.localdate()
    gemeente = Gebied.objects.filter(code=GEMEENTE).first()
    wijk = Gebied.objects.filter(code=WIJK).first()
    if gemeente is None or wijk is None:
        return {}
    door = _netwerkhouder()
    termen = {t.code: t for t in TaxonomyTerm.objects.bouwstenen()}
    _gesloten_ronde(wijk, termen, door)
    _open_ronde(door)
    _acties(gemeente, termen, door, vandaag)
    if "24-uurszorg" in termen:
        actions.leg_wijkkennis_vast(
            gemeente,
            wijk,
            termen["24-uurszorg"],
            "Professionals in Overvecht zien dat mensen na een opname 's avonds vaak alleen "
            "thuis zitten en dan de crisisdienst bellen.",
            door,
            afschalen=Afschalen.NEE,
            reden="Niet afschalen zolang er 's avonds en in het weekend niemand langs kan komen.",
        )
    actions.leg_stand_vast(gemeente, door, vandaag)
    return {
        "rondes": Oordeelronde.objects.filter(gemeente__code__in=[GEMEENTE, "GM0599"]).count(),
        "acties": Actie.objects.filter(gemeente=gemeente).count(),
    }


def _gesloten_ronde(wijk, termen, door) -> None:
    if Oordeelronde.objects.filter(wijk=wijk).exists():
        return
    ronde = actions.start_oordeelronde(wijk, door)
    for label, soort, antwoorden in PARTNERS:
        uitnodiging = actions.nodig_uit(ronde, label, soort, door)
        actions.geef_oordeel(
            uitnodiging,
            {
                termen[code]: (niveau, tekst, [])
                for code, (niveau, tekst) in antwoorden.items()
                if code in termen
            },
        )
    actions.sluit_oordeelronde(ronde, door)


def _open_ronde(door) -> None:
    wijk = Gebied.objects.filter(code=OPEN_WIJK).first()
    if wijk is None or Oordeelronde.objects.filter(wijk=wijk).exists():
        return
    ronde = actions.start_oordeelronde(wijk, door)
    for label, soort in OPEN_PARTNERS:
        actions.nodig_uit(ronde, label, soort, door)


def _acties(gemeente, termen, door, vandaag) -> None:
    if Actie.objects.filter(gemeente=gemeente).exists():
        return
    organisaties = {
        o.bron_id: o
        for o in Organization.objects.filter(bron=BRON, bron_id__in=[a[0] for a in ACTIES])
    }
    gebieden = {g.code: g for g in Gebied.objects.filter(code__in=[a[2] for a in ACTIES])}
    for org, bouwsteen, gebied, gat, uitleg, wat, dagen, status in ACTIES:
        if bouwsteen not in termen or gebied not in gebieden:
            continue
        actie = actions.maak_actie(
            gemeente,
            {
                "gebied": gebieden[gebied],
                "bouwsteen": termen[bouwsteen],
                "wat": wat,
                "eigenaar": organisaties.get(org),
                "streefdatum": vandaag + dt.timedelta(days=dagen),
                "gat_soort": gat,
                "gat_uitleg": uitleg,
            },
            door,
        )
        if status != Actiestatus.OPEN:
            if status == Actiestatus.KLAAR:
                actions.zet_actiestatus(actie, Actiestatus.BEZIG, door)
            actions.zet_actiestatus(actie, status, door)
