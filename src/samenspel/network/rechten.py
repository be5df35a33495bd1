"""Het web's part of the AVG file and erasure (``privacy.rechten``).

A person in the web asks through their own link: their entry, their ties, their invitations
to meetings and to first conversations, the agenda items they present, and the web's events
about them. A resident asks through their referral link: the invitations to a first
conversation that rest on the consent of one of their referrals.
"""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from samenspel.network import actions
from samenspel.network.models import Agendapunt, Band, Gebeurtenis, Persoon, Samen, Uitnodiging
from samenspel.privacy import rechten
from samenspel.privacy.models import Kanaal

UITLEG_PERSOON = _(
    "Je gegevens in het web van de wijk: hoe je erin staat, met wie je een band hebt (van de "
    "ander alleen de rol), je uitnodigingen voor bijeenkomsten en eerste gesprekken, wat je "
    "op een agenda vertelt en wat er in het web over je veranderde."
)
UITLEG_SAMEN = _(
    "Uitnodigingen aan een partner uit het web voor je eerste gesprek, met je voornaam als je "
    "die wilde delen."
)
PERSOON_MODELLEN = (
    "network.Persoon",
    "network.Band",
    "network.Uitnodiging",
    "network.Agendapunt",
    "network.Gebeurtenis",
)


def _datum(waarde):
    return waarde.isoformat() if waarde else None


def _rol(p: Persoon) -> str:
    return f"{p.rol} ({p.organisatie.name})"


def _banden(p: Persoon):
    return Band.objects.filter(Q(van=p) | Q(naar=p)).select_related(
        "van__organisatie", "naar__organisatie"
    )


def geef_persoon(p: Persoon) -> dict:
    p = Persoon.objects.select_related("organisatie", "wijk").get(pk=p.pk)
    return {
        "persoon": {
            "naam": p.naam,
            "functie": p.functie,
            "e-mailadres": p.email,
            "bereikbaar": p.bereikbaar,
            "organisatie": p.organisatie.name,
            "verbinderrol": p.get_verbinderrol_display() if p.verbinderrol else "",
            "wijk": p.wijk.naam if p.wijk_id else "",
            "sinds": _datum(p.sinds),
            "vertrokken": _datum(p.vertrokken),
            "ingestemd_op": _datum(p.ingestemd_op),
            "uitgestapt_op": _datum(p.uitgestapt_op),
        },
        "banden": [
            {
                "met": _rol(b.naar if b.van_id == p.pk else b.van),
                "soort": b.get_soort_display(),
                "sinds": _datum(b.sinds),
                "laatste_contact": _datum(b.laatste_contact),
                "beeindigd": _datum(b.beeindigd),
            }
            for b in _banden(p)
        ],
        "uitnodigingen_bijeenkomsten": [
            {
                "bijeenkomst": u.bijeenkomst.reeks.naam,
                "begint": _datum(u.bijeenkomst.begint),
                "antwoord": u.get_antwoord_display(),
                "verstuurd": _datum(u.verstuurd),
                "beantwoord": _datum(u.beantwoord),
            }
            for u in Uitnodiging.objects.filter(persoon=p).select_related("bijeenkomst__reeks")
        ],
        "agendapunten": [
            {
                "bijeenkomst": a.bijeenkomst.reeks.naam,
                "begint": _datum(a.bijeenkomst.begint),
                "onderwerp": a.onderwerp,
                "aanbod": a.service.name if a.service_id else "",
            }
            for a in Agendapunt.objects.filter(presentator=p).select_related(
                "bijeenkomst__reeks", "service"
            )
        ],
        "uitnodigingen_eerste_gesprek": [
            {
                "gesprek": s.get_gesprek_display(),
                "wanneer": _datum(s.wanneer),
                "waar": s.waar,
                "uitgenodigd_door": s.uitnodiger_naam,
                "antwoord": s.get_antwoord_display(),
            }
            for s in Samen.objects.filter(persoon=p)
        ],
        "gebeurtenissen": [
            {"wanneer": _datum(g.wanneer), "wat": g.get_soort_display(), "door": g.door}
            for g in Gebeurtenis.objects.filter(
                Q(persoon=p) | Q(band__van=p) | Q(band__naar=p)
            ).order_by("wanneer", "id")
        ],
    }


def wis_persoon(p: Persoon) -> int:
    if Persoon.objects.filter(pk=p.pk, gewist_op__isnull=False).exists():
        return 0
    actions.wis(p, actions.ZELF, Kanaal.EMAILLINK)
    return 1


def tel_persoon(p: Persoon) -> int:
    return (
        1
        + _banden(p).count()
        + Uitnodiging.objects.filter(persoon=p).count()
        + Agendapunt.objects.filter(presentator=p).count()
        + Samen.objects.filter(persoon=p).count()
    )


def _samen_van(bewoner):
    toestemmingen = bewoner.verwijzingen.exclude(toestemming=None).values("toestemming_id")
    return Samen.objects.filter(toestemming_id__in=toestemmingen).select_related(
        "persoon__organisatie"
    )


def geef_samen(bewoner) -> list[dict]:
    return [
        {
            "met": _rol(s.persoon),
            "gesprek": s.get_gesprek_display(),
            "wanneer": _datum(s.wanneer),
            "waar": s.waar,
            "voornaam": s.voornaam,
            "antwoord": s.get_antwoord_display(),
            "gehouden_op": _datum(s.gehouden_op),
            "ingetrokken_op": _datum(s.ingetrokken_op),
        }
        for s in _samen_van(bewoner).order_by("aangemaakt", "id")
    ]


def wis_samen(bewoner) -> int:
    return sum(actions.wis_samen_van_bewoner(s, "bewoner") for s in _samen_van(bewoner))


def registreer() -> None:
    rechten.registreer(
        rechten.PERSOON,
        "web",
        uitleg=UITLEG_PERSOON,
        geef=geef_persoon,
        wis=wis_persoon,
        adressen=lambda p: [p.email],
        tel=tel_persoon,
        modellen=PERSOON_MODELLEN,
    )
    rechten.registreer(
        rechten.BEWONER,
        "samen",
        uitleg=UITLEG_SAMEN,
        geef=geef_samen,
        wis=wis_samen,
        tel=lambda bewoner: _samen_van(bewoner).exclude(voornaam="").count(),
        modellen=("network.Samen",),
    )
