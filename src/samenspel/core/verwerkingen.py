"""The processing register (AVG art. 30): which tables hold personal data, of whom, for what,
on which legal basis, how long, and who sees it.

Every app declares its own models in its `avg.py` (imported by its AppConfig.ready): those
that hold personal data with `registreer`, the others with `zonder`; the tables of the
libraries are declared here, in core, the lowest layer, so that every app can import it. A
test fails for any model of any installed app that is in neither, so a new model cannot
hold personal data without appearing in the register. The beheerder's page
(`privacy:verwerkingen`) shows this register, with the retention periods as the settings
have them.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.utils.translation import gettext_lazy as _

# Legal bases (AVG art. 6 lid 1).
TOESTEMMING = _("toestemming van wie het betreft (AVG art. 6 lid 1a)")
WETTELIJK = _("wettelijke plicht: verantwoording en beveiliging (AVG art. 6 lid 1c, art. 32)")
PUBLIEKE_TAAK = _("taak van algemeen belang van de gemeente (AVG art. 6 lid 1e; Wmo 2015)")
GERECHTVAARDIGD = _("gerechtvaardigd belang (AVG art. 6 lid 1f)")

# Whose data.
BEWONERS = _("bewoners die verwezen worden of zelf iets vragen")
GEBRUIKERS = _("gebruikers met een account (professionals, initiatiefnemers, beheerders)")
CONTACTPERSONEN = _("contactpersonen van aanbod en organisaties")
NETWERK = _("mensen in het web van de wijk")
MELDERS = _("melders, en de persoon om wie iemand zich zorgen maakt")
ONTVANGERS_MAIL = _("wie een e-mail van Samenspel krijgt")
INLOGGERS = _("wie probeert in te loggen")


@dataclass(frozen=True)
class Verwerking:
    model: str
    betrokkenen: str
    velden: tuple[str, ...]
    doel: str
    grondslag: str
    # May name settings of SAMENSPEL as %(BEWAAR_MAANDEN)s; filled in when shown.
    bewaren: str
    wie_ziet: str

    @property
    def model_klasse(self):
        return apps.get_model(self.model)

    @property
    def naam(self) -> str:
        return str(self.model_klasse._meta.verbose_name_plural)

    @property
    def veldnamen(self) -> list[str]:
        meta = self.model_klasse._meta
        return [str(meta.get_field(veld).verbose_name) for veld in self.velden]

    @property
    def bewaartermijn(self) -> str:
        return str(self.bewaren) % settings.SAMENSPEL


_register: dict[str, Verwerking] = {}
_zonder: set[str] = set()


def registreer(
    model: str,
    *,
    betrokkenen: str,
    velden: tuple[str, ...],
    doel: str,
    grondslag: str,
    bewaren: str,
    wie_ziet: str,
) -> None:
    """Model ``model`` ("app_label.Model") holds personal data in ``velden``."""
    _register[model] = Verwerking(
        model, betrokkenen, tuple(velden), doel, grondslag, bewaren, wie_ziet
    )


def zonder(*modellen: str) -> None:
    """These models hold no personal data (names of organisations and places are not)."""
    _zonder.update(modellen)


def register() -> list[Verwerking]:
    return sorted(_register.values(), key=lambda v: (v.model.split(".")[0], v.naam))


def zonder_persoonsgegevens() -> frozenset[str]:
    return frozenset(_zonder)


# The libraries' tables.
registreer(
    "admin.LogEntry",
    betrokkenen=GEBRUIKERS,
    velden=("user", "object_repr", "change_message"),
    doel=_("verantwoording van wijzigingen in het technisch beheer"),
    grondslag=WETTELIJK,
    bewaren=_("zolang de wijziging ertoe doet; niet automatisch gewist"),
    wie_ziet=_("beheerders"),
)
registreer(
    "sessions.Session",
    betrokkenen=GEBRUIKERS,
    velden=("session_data",),
    doel=_("ingelogd blijven"),
    grondslag=GERECHTVAARDIGD,
    bewaren=_("tot de sessie verloopt"),
    wie_ziet=_("niemand; alleen de server leest dit"),
)
for _model in ("axes.AccessAttempt", "axes.AccessLog", "axes.AccessFailureLog"):
    registreer(
        _model,
        betrokkenen=INLOGGERS,
        velden=("username", "ip_address", "user_agent"),
        doel=_("inloggen met geraden wachtwoorden tegenhouden"),
        grondslag=WETTELIJK,
        bewaren=_("de blokkade telt in de cache; deze tabel blijft leeg"),
        wie_ziet=_("beheerders"),
    )
registreer(
    "post_office.Email",
    betrokkenen=ONTVANGERS_MAIL,
    velden=("to", "cc", "bcc", "subject", "message", "html_message"),
    doel=_("e-mail betrouwbaar versturen, ook als de mailserver even weg is"),
    grondslag=GERECHTVAARDIGD,
    bewaren=_(
        "verstuurde e-mail wordt nog niet automatisch gewist; vraagt iemand via de eigen link "
        "om alles te wissen, dan gaan de e-mails aan het adres dat die persoon gaf mee"
    ),
    wie_ziet=_("beheerders (technisch beheer)"),
)
registreer(
    "post_office.Log",
    betrokkenen=ONTVANGERS_MAIL,
    velden=("message",),
    doel=_("zien waarom een e-mail niet aankwam"),
    grondslag=GERECHTVAARDIGD,
    bewaren=_("met de e-mail"),
    wie_ziet=_("beheerders (technisch beheer)"),
)
zonder(
    "auth.Group",
    "auth.Permission",
    "contenttypes.ContentType",
    "axes.AccessAttemptExpiration",
    "post_office.Attachment",
    "post_office.EmailTemplate",
)
