"""What partners look for when they judge a bouwsteen in their wijk.

Seed 003 (Platform31, "Werken aan herstel en stabiliteit") has no checklists. These criteria
are derived from its chapters, each labelled with the section and lines it comes from, so a
reader can check what the seed actually says. Criteria of the kind ``fysiek`` are things in
the street that the kaart cannot know (seed 003 §7.3, l.4679–4891): benches, quiet routes,
third places, a visible contact point.

A gemeente can change the text of a criterion, hide a default, or add its own
(``models.Criteriumkeuze``); ``criteria_van`` gives the list a gemeente uses.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

ALGEMEEN = "algemeen"
FYSIEK = "fysiek"
SOORTEN = [(ALGEMEEN, _("aanbod en samenwerking")), (FYSIEK, _("fysiek: in de straat te zien"))]


@dataclass(frozen=True)
class Criterium:
    sleutel: str
    tekst: str
    soort: str = ALGEMEEN
    bron: str = ""
    eigen: bool = False
    standaardtekst: str = ""

    @property
    def fysiek(self) -> bool:
        return self.soort == FYSIEK

    def als_dict(self) -> dict:
        return {
            "sleutel": self.sleutel,
            "tekst": str(self.tekst),
            "soort": self.soort,
            "bron": str(self.bron),
        }


def _c(sleutel, tekst, bron, soort=ALGEMEEN) -> Criterium:
    return Criterium(sleutel, tekst, soort, bron)


# Bouwsteen code (directory/data/bouwstenen.json) -> its default criteria.
STANDAARD: dict[str, tuple[Criterium, ...]] = {
    "zorg-en-begeleiding": (
        _c(
            "zb-specialist-in-wijk",
            _(
                "Er werken specialisten (ggz, verslavingszorg) in of "
                "dicht bij de wijk, samen met het wijkteam."
            ),
            "afgeleid van 003 §2.1 (r. 923–992)",
        ),
        _c(
            "zb-consultatie",
            _(
                "Het wijkteam kan een specialist om advies vragen, bijvoorbeeld "
                "op vaste consultatie-uren."
            ),
            "afgeleid van 003 §2.1 (r. 1124–1136)",
        ),
        _c(
            "zb-op-en-afschalen",
            _("Zorg en begeleiding kunnen snel meer of minder worden, zonder nieuwe wachtlijst."),
            "afgeleid van 003 §1.3 en §2.1 (r. 798–803, 1124–1126)",
        ),
        _c(
            "zb-brede-intake",
            _(
                "Bij de intake is er aandacht voor alle levensdomeinen, niet "
                "alleen voor de klachten."
            ),
            "afgeleid van 003 §2.2 (r. 1252–1262)",
        ),
        _c(
            "zb-voorliggend-veld",
            _("Er is algemeen toegankelijke hulp in de wijk, zonder indicatie."),
            "afgeleid van 003 §2.3 (r. 1370–1380)",
        ),
    ),
    "vroegsignalering": (
        _c(
            "vs-kennis",
            _(
                "Mensen die veel in de wijk zijn (wijkagent, corporatie, winkel, "
                "huisarts) herkennen psychische signalen."
            ),
            "afgeleid van 003 §3.2 (r. 1788–1839)",
        ),
        _c(
            "vs-optelsom",
            _("Partners delen zorgen met elkaar, zodat losse signalen samen een beeld geven."),
            "afgeleid van 003 §3.3 (r. 1840–1907)",
        ),
        _c(
            "vs-meldpunt",
            _(
                "Er is één bekend punt waar je een zorg over een buurtbewoner kunt "
                "melden, en daar wordt iets mee gedaan."
            ),
            "afgeleid van 003 §3.4 (r. 1908–1960)",
        ),
        _c(
            "vs-stigma",
            _(
                "Er is aandacht voor vooroordelen: in de wijk praat men open over "
                "psychische problemen."
            ),
            "afgeleid van 003 §3.6 (r. 2171–2240)",
        ),
    ),
    "preventie": (
        _c(
            "pr-ehealth",
            _("Wie dat wil, kan e-health gebruiken, met hulp bij het leren gebruiken."),
            "afgeleid van 003 §4.2 (r. 2315–2360)",
        ),
        _c(
            "pr-leefstijl",
            _(
                "Er is aanbod voor een gezonde leefstijl (bewegen, eten, slapen) "
                "dat ook past bij mensen met een psychische kwetsbaarheid."
            ),
            "afgeleid van 003 §4.3 (r. 2535–2647)",
        ),
        _c(
            "pr-life-events",
            _(
                "Bij ingrijpende gebeurtenissen (verhuizing, verlies, nieuw werk) "
                "is er extra steun."
            ),
            "afgeleid van 003 §4.4 (r. 2648–2819)",
        ),
        _c(
            "pr-time-out",
            _(
                "Er is een time-outplek waar iemand even op adem kan komen, om een "
                "crisis te voorkomen."
            ),
            "afgeleid van 003 §4.5 (r. 2820–2940)",
        ),
    ),
    "24-uurszorg": (
        _c(
            "uz-bereikbaar",
            _("'s Avonds, 's nachts en in het weekend is een hulpverlener telefonisch bereikbaar."),
            "afgeleid van 003 §5.1 (r. 3307–3313)",
        ),
        _c(
            "uz-beschikbaar",
            _(
                "'s Avonds, 's nachts en in het weekend kan een hulpverlener "
                "binnen korte tijd aan de deur zijn."
            ),
            "afgeleid van 003 §5.1 (r. 3313–3319)",
        ),
        _c(
            "uz-aanbieders-en-clienten",
            _(
                "Het aantal aanbieders en cliënten in de wijk is "
                "bekend, en de nachtzorg is daarop afgestemd (stad of platteland, gebied of "
                "gebouw)."
            ),
            "afgeleid van 003 §5.2 (r. 3400–3413)",
        ),
        _c(
            "uz-ongepland",
            _("Ook ongeplande zorg is geregeld, niet alleen afgesproken bezoeken."),
            "afgeleid van 003 §5.1 en §5.2 (r. 3320–3326, 3414)",
        ),
        _c(
            "uz-crisisdienst",
            _("De nachtzorg is gekoppeld aan de crisisdienst."),
            "afgeleid van 003 §5.2 (r. 3415)",
        ),
        _c(
            "uz-samenwerking",
            _(
                "Zorgaanbieders werken 's nachts samen, zodat niet elke "
                "aanbieder een eigen dienst nodig heeft."
            ),
            "afgeleid van 003 §5.2 (r. 3416)",
        ),
    ),
    "zinvolle-daginvulling": (
        _c(
            "zd-vormen",
            _(
                "Er zijn verschillende vormen van daginvulling: dagbesteding, "
                "onderwijs, werkervaring, vrijwilligerswerk en betaald werk."
            ),
            "afgeleid van 003 §6.2 (r. 3773–3816)",
        ),
        _c(
            "zd-vrijwilligerswerk",
            _(
                "Vrijwilligerswerk staat open voor mensen met een "
                "psychische kwetsbaarheid, ook als opstap naar betaald werk."
            ),
            "afgeleid van 003 §6.2 (r. 3950–3970)",
        ),
        _c(
            "zd-herstelacademie",
            _("Er is een herstelacademie of zelfregiecentrum met cursussen en een inloop."),
            "afgeleid van 003 §6.2 (r. 3855–3870)",
        ),
        _c(
            "zd-overgang",
            _("De stap van dagbesteding naar werk wordt begeleid."),
            "afgeleid van 003 §4.4 (r. 2672–2676)",
        ),
    ),
    "sociale-contacten-en-ontmoeting": (
        _c(
            "so-buurtcirkel",
            _(
                "Er is een Buurtcirkel of iets vergelijkbaars: buurtbewoners "
                "die elkaar helpen, met een vrijwilliger erbij."
            ),
            "afgeleid van 003 §7.2 (r. 4526–4545)",
        ),
        _c(
            "so-maatjes",
            _("Er is een maatjesproject: een vrijwilliger die samen dingen doet en luistert."),
            "afgeleid van 003 §7.2 (r. 4549–4595)",
        ),
        _c(
            "so-ontmoetingsplek",
            _("Er is een buurthuis, huiskamer of inloop waar iedereen welkom is."),
            "afgeleid van 003 §7.3 (r. 4681–4695)",
            FYSIEK,
        ),
        _c(
            "so-derde-plekken",
            _(
                "Er zijn 'derde plekken': laagdrempelig, vrij toegankelijk en "
                "comfortabel, zoals een park, bibliotheek of kringloopwinkel."
            ),
            "afgeleid van 003 §7.3 (r. 4696–4732)",
            FYSIEK,
        ),
        _c(
            "so-bankjes",
            _(
                "Er staan bankjes op plekken waar mensen langskomen (supermarkt, "
                "bushalte), zo dat je makkelijk een praatje maakt."
            ),
            "afgeleid van 003 §7.3 (r. 4797–4803, 4846–4859)",
            FYSIEK,
        ),
        _c(
            "so-rustige-route",
            _("Er zijn rustige, prettige looproutes door de wijk en van straat naar huis."),
            "afgeleid van 003 §1.2 en §7.3 (r. 771, 4861–4880)",
            FYSIEK,
        ),
    ),
    "ervaringsdeskundigheid": (
        _c(
            "ed-ondersteuner",
            _(
                "Ervaringsdeskundigen ondersteunen bewoners, als maatje, coach "
                "of in een lotgenotengroep."
            ),
            "afgeleid van 003 §2.4 (r. 1508–1515)",
        ),
        _c(
            "ed-beleid",
            _("Ervaringsdeskundigen denken mee over beleid, bijvoorbeeld in een klankbordgroep."),
            "afgeleid van 003 §2.4 (r. 1516–1517, 1538–1550)",
        ),
        _c(
            "ed-wijkteam",
            _("Het wijkteam werkt met ervaringsdeskundigen en leert van hun kennis."),
            "afgeleid van 003 §2.4 (r. 1518–1524, 1632–1654)",
        ),
        _c(
            "ed-ggz-punt",
            _(
                "Er is een zichtbaar, laagdrempelig ggz-steunpunt in de wijk, waar "
                "je zonder afspraak binnenloopt."
            ),
            "afgeleid van 003 §7.3 (r. 4759–4794)",
            FYSIEK,
        ),
    ),
}


def standaard(bouwsteen_code: str) -> tuple[Criterium, ...]:
    return STANDAARD.get(bouwsteen_code, ())


def criteria_van(gemeente, bouwsteen, met_verborgen: bool = False) -> list[Criterium]:
    """The criteria this gemeente uses for one bouwsteen: defaults as it changed them, then its own.

    With ``met_verborgen`` hidden defaults are included too (for the page where they are edited).
    """
    from samenspel.wijkscan.models import Criteriumkeuze

    keuzes = {
        k.standaard: k
        for k in Criteriumkeuze.objects.filter(gemeente=gemeente, bouwsteen=bouwsteen)
    }
    lijst = []
    for c in standaard(bouwsteen.code):
        keuze = keuzes.get(c.sleutel)
        if keuze is not None and keuze.verborgen and not met_verborgen:
            continue
        tekst = keuze.tekst if keuze is not None and keuze.tekst else c.tekst
        lijst.append(Criterium(c.sleutel, tekst, c.soort, c.bron, standaardtekst=c.tekst))
    for keuze in sorted((k for k in keuzes.values() if not k.standaard), key=lambda k: k.pk):
        lijst.append(
            Criterium(
                keuze.sleutel,
                keuze.tekst,
                keuze.soort,
                _("eigen criterium van de gemeente"),
                eigen=True,
            )
        )
    return lijst


def verborgen_van(gemeente, bouwsteen) -> set[str]:
    from samenspel.wijkscan.models import Criteriumkeuze

    return set(
        Criteriumkeuze.objects.filter(
            gemeente=gemeente, bouwsteen=bouwsteen, verborgen=True
        ).values_list("standaard", flat=True)
    )
