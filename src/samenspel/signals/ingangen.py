"""What a logged-in user can do with signalen, for the overview behind "Signalen" in the menu.

The pages themselves decide access (``toegang``); this only gathers the links a user may follow,
so a team member finds the team's inbox and a beheerder the routes without knowing addresses.
"""

from dataclasses import dataclass, field

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _

from samenspel.accounts.models import Rol
from samenspel.accounts.werkgebied import gemeenten_van
from samenspel.areas.models import Gebied

from . import toegang
from .models import Routeregel, Zorgmelding
from .models.zorg import AFGESLOTEN

# A beheerder works everywhere; the overview names at most this many gemeenten for the counts.
HOOGUIT_GEMEENTEN = 20


@dataclass
class Ingang:
    titel: str
    url: str
    uitleg: str = ""


@dataclass
class Deel:
    kop: str
    ingangen: list[Ingang] = field(default_factory=list)


def _teams(gebruiker) -> list[Deel]:
    organisatie = gebruiker.organisatie
    if organisatie is None or not toegang.is_team(gebruiker, organisatie):
        return []
    ontvangt = Routeregel.objects.filter(team=organisatie).exists()
    meldingen = Zorgmelding.objects.filter(team=organisatie)
    if not ontvangt and not meldingen.exists():
        return []
    open_ = meldingen.exclude(status__in=AFGESLOTEN).count()
    return [
        Deel(
            _("Zorgen over een persoon"),
            [
                Ingang(
                    _("Zorgen voor %(team)s") % {"team": organisatie.name},
                    reverse("signals:zorg_inbox", args=[organisatie.pk]),
                    _("%(aantal)d nog niet afgerond") % {"aantal": open_},
                )
            ],
        )
    ]


def _buurt(gebruiker) -> list[Deel]:
    if gebruiker.rol not in {Rol.NETWERKHOUDER, Rol.BEHEERDER}:
        return []
    ingangen = [
        Ingang(
            _("Signalen over de buurt"),
            reverse("signals:buurtsignalen"),
            _("Lees en beantwoord wat bewoners over hun buurt melden."),
        )
    ]
    if gebruiker.rol == Rol.NETWERKHOUDER:
        codes = list(gebruiker.gebieden.values_list("code", flat=True))
        wijken = Gebied.objects.wijken().filter(Q(code__in=codes) | Q(kinderen__code__in=codes))
        for wijk in wijken.distinct().order_by("naam"):
            ingangen.append(
                Ingang(
                    _("Wijkagenda %(wijk)s") % {"wijk": wijk.naam},
                    reverse("signals:wijkagenda", args=[wijk.code]),
                )
            )
    return [Deel(_("De buurt"), ingangen)]


def _gemeenten_voor_tellingen(gebruiker):
    codes = gemeenten_van(gebruiker)
    gemeenten = Gebied.objects.gemeenten().order_by("naam")
    if codes is None:  # a beheerder: the gemeenten where signals are set up
        ingericht = Routeregel.objects.values("gemeente_id")
        return gemeenten.filter(code__in=ingericht)[:HOOGUIT_GEMEENTEN]
    return [
        g for g in gemeenten.filter(code__in=codes) if toegang.ziet_tellingen(gebruiker, g.code)
    ]


def _tellingen(gebruiker) -> list[Deel]:
    gemeenten = list(_gemeenten_voor_tellingen(gebruiker))
    if not gemeenten:
        return []
    ingangen = []
    for gemeente in gemeenten:
        ingangen += [
            Ingang(
                _("Zorgen in %(gemeente)s, in aantallen") % {"gemeente": gemeente.naam},
                reverse("signals:zorg_tellingen") + f"?gemeente={gemeente.code}",
            ),
            Ingang(
                _("Thema's van buurtsignalen in %(gemeente)s") % {"gemeente": gemeente.naam},
                reverse("signals:buurtsignaal_tellingen", args=[gemeente.code]),
            ),
        ]
    return [Deel(_("Tellingen (nooit de inhoud)"), ingangen)]


def _routes(gebruiker) -> list[Deel]:
    if not toegang.beheert_routes(gebruiker):
        return []
    return [
        Deel(
            _("Routes instellen"),
            [
                Ingang(
                    _("Telefoonroutes per gemeente"),
                    reverse("signals:routes"),
                    _("Meldpunt, crisisdienst en huisartsenpost van een gemeente."),
                ),
                Ingang(
                    _("Routeregels"),
                    reverse("signals:routeregels"),
                    _("Welk team welke zorg krijgt, per wijk."),
                ),
                Ingang(_("Waar komt een zorg terecht?"), reverse("signals:routeregel_proef")),
            ],
        )
    ]


def delen(gebruiker) -> list[Deel]:
    """The parts of the overview for this logged-in user; every user gets the last one."""
    iedereen = Deel(
        _("Zelf een signaal geven"),
        [
            Ingang(_("Ik maak me zorgen om iemand"), reverse("signals:start")),
            Ingang(_("Een signaal over de buurt"), reverse("signals:buurtsignaal_sturen")),
        ],
    )
    return [
        *_teams(gebruiker),
        *_buurt(gebruiker),
        *_tellingen(gebruiker),
        *_routes(gebruiker),
        iedereen,
    ]
