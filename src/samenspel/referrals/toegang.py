"""Who is looking, and what they may see: the one place that decides.

Pages, e-mails and the JSON API all render a referral through ``weergave``; nothing else
reads the resident's fields for display. So the resident's feedback choice (nothing, status
only, status and a note) holds everywhere (DESIGN principle 2; seed 001, lines 1110-1113:
"hoor je daar nooit iets meer van" — unless the resident wants it so).
"""

from dataclasses import asdict, dataclass, field

from django.utils.translation import gettext_lazy as _

from samenspel.accounts.models import Rol
from samenspel.privacy.models import GEGEVENS, Kanaal, Partij
from samenspel.referrals.models import Status, Terugkoppeling, Verwijzing, Voorval

# Roles that may send referrals; analysts and beheerders see figures, never residents.
VERWIJZERS = {Rol.PROFESSIONAL, Rol.INITIATIEFNEMER, Rol.NETWERKHOUDER}


@dataclass(frozen=True)
class Betrokkene:
    rol: str  # privacy.Partij: verwijzer, ontvanger, bewoner, systeem
    wie: str  # for the event and audit log: a username, "e-maillink", "bewoner"
    kanaal: str = Kanaal.PAGINA
    gebruiker: object = None

    @property
    def is_verwijzer(self) -> bool:
        return self.rol == Partij.VERWIJZER

    @property
    def is_ontvanger(self) -> bool:
        return self.rol == Partij.ONTVANGER

    @property
    def is_bewoner(self) -> bool:
        return self.rol == Partij.BEWONER


SYSTEEM = Betrokkene(Partij.SYSTEEM, "systeem", Kanaal.OPDRACHT)


def mag_verwijzen(gebruiker) -> bool:
    return bool(
        gebruiker is not None and gebruiker.is_authenticated and gebruiker.rol in VERWIJZERS
    )


def is_ontvanger(gebruiker, service) -> bool:
    """A logged-in member of the organisation that runs the service."""
    return bool(
        gebruiker is not None
        and gebruiker.is_authenticated
        and gebruiker.organisatie_id
        and gebruiker.organisatie_id == service.organization_id
    )


def partij_van(verwijzing: Verwijzing, gebruiker, kanaal: str = Kanaal.PAGINA) -> Betrokkene | None:
    """The logged-in user's part in this referral, or None: then they see nothing of it."""
    if gebruiker is None or not gebruiker.is_authenticated:
        return None
    wie = gebruiker.get_username()
    if verwijzing.afzender_id == gebruiker.pk:
        return Betrokkene(Partij.VERWIJZER, wie, kanaal, gebruiker)
    if verwijzing.is_gedeeld and is_ontvanger(gebruiker, verwijzing.service):
        return Betrokkene(Partij.ONTVANGER, wie, kanaal, gebruiker)
    return None


def via_emaillink(verwijzing: Verwijzing) -> Betrokkene:
    return Betrokkene(
        Partij.ONTVANGER, f"e-maillink {verwijzing.service.name}"[:200], Kanaal.EMAILLINK
    )


def via_bewonerlink(kanaal: str = Kanaal.BEWONERLINK) -> Betrokkene:
    return Betrokkene(Partij.BEWONER, "bewoner", kanaal)


# --- what each party sees -----------------------------------------------------------------


def hoort_status(verwijzing: Verwijzing) -> bool:
    return verwijzing.terugkoppeling in (Terugkoppeling.STATUS, Terugkoppeling.STATUS_EN_NOTITIE)


def hoort_notitie(verwijzing: Verwijzing) -> bool:
    return verwijzing.terugkoppeling == Terugkoppeling.STATUS_EN_NOTITIE


@dataclass
class Weergave:
    """A referral as one party may see it. ``None`` means: not for you."""

    id: str
    kenmerk: str
    soort: str
    service: str
    service_id: str
    organisatie: str
    afzender: str
    aangemaakt: str
    terugkoppeling: str
    terugkoppeling_label: str
    gewist: bool
    status: str | None = None
    status_label: str | None = None
    reden_code: str | None = None
    reden_label: str | None = None
    reden: str | None = None
    naam: str | None = None
    contactmanier: str | None = None
    contact: str | None = None
    wat_helpt: str | None = None
    notitie: str | None = None
    vraag: str | None = None
    toestemming: dict | None = None
    kennismaking: dict | None = None
    gebeurtenissen: list[dict] | None = field(default=None)

    def als_dict(self) -> dict:
        return asdict(self)


def afzender_tekst(v: Verwijzing) -> str:
    """Who referred, for people: a staff name and organisation, or 'the resident'."""
    if v.afzender_id is None and v.afzender_organisatie_id is None:
        return str(_("de bewoner zelf")) if v.herkomst == "bewoner" else ""
    persoon = (v.afzender.get_full_name() or v.afzender.get_username()) if v.afzender else ""
    organisatie = v.afzender_organisatie.name if v.afzender_organisatie else ""
    if persoon and organisatie:
        return f"{persoon} ({organisatie})"
    return persoon or organisatie


def _toestemming(v: Verwijzing) -> dict | None:
    t = v.toestemming
    if t is None:
        return None
    return {
        "organisatie": t.organisatie_naam,
        "gegevens": [str(GEGEVENS[g]) for g in t.gegevens if g in GEGEVENS],
        "doel": t.doel,
        "geldig_tot": t.geldig_tot.isoformat(),
        "manier": t.manier,
        "manier_label": t.get_manier_display(),
        "vastgelegd_door": t.vastgelegd_door_naam,
        "gevraagd_op": t.gevraagd_op.isoformat() if t.gevraagd_op else None,
        "gegeven_op": t.gegeven_op.isoformat() if t.gegeven_op else None,
        "ingetrokken_op": t.ingetrokken_op.isoformat() if t.ingetrokken_op else None,
    }


def huidige_kennismaking(v: Verwijzing):
    """The latest proposal; read through .all() so a prefetch serves a whole list."""
    return max(v.kennismakingen.all(), key=lambda k: (k.aangemaakt, k.id), default=None)


def _kennismaking(v: Verwijzing, met_plek: bool) -> dict | None:
    k = huidige_kennismaking(v)
    if k is None:
        return None
    return {
        "wanneer": k.wanneer.isoformat(),
        "waar": k.waar if met_plek else None,
        "voorgesteld_door": k.voorgesteld_door,
        "akkoord_verwijzer": k.akkoord_verwijzer is not None,
        "akkoord_ontvanger": k.akkoord_ontvanger is not None,
        "bevestigd": k.is_bevestigd,
    }


def _gebeurtenissen(v: Verwijzing, met_uitleg: bool, alleen_status: bool) -> list[dict]:
    regels = []
    for g in v.gebeurtenissen.all():
        if alleen_status and g.soort != "status":
            continue
        if g.soort == Voorval.HERINNERING:
            continue  # the system's own bookkeeping; the parties' history shows their steps
        regels.append(
            {
                "wanneer": g.wanneer.isoformat(),
                "soort": g.soort,
                "van": g.van_status,
                "naar": g.naar_status,
                "naar_label": (v.status_label() if g.naar_status == v.status else g.naar_label),
                "reden_code": g.reden_code,
                "reden_label": g.reden_label,
                "reden": g.reden if met_uitleg else None,
            }
        )
    return regels


def status_voor(v: Verwijzing, partij: Betrokkene) -> tuple[str, str] | None:
    """Only the status, for lists: (code, label), or None when this party may not hear it."""
    if partij.is_verwijzer and not (hoort_status(v) or v.status == Status.DRAFT or v.is_plekvraag):
        return None
    return v.status, v.status_label()


def weergave(v: Verwijzing, partij: Betrokkene) -> Weergave:
    w = Weergave(
        id=str(v.pk),
        kenmerk=v.kenmerk,
        soort=v.soort,
        service=v.service.name,
        service_id=str(v.service_id),
        organisatie=v.service.organization.name,
        afzender=afzender_tekst(v),
        aangemaakt=v.aangemaakt.isoformat(),
        terugkoppeling=v.terugkoppeling,
        terugkoppeling_label=v.get_terugkoppeling_display(),
        gewist=v.is_gewist,
    )
    volledig = partij.is_bewoner or partij.is_ontvanger
    if partij.is_verwijzer:
        status = status_voor(v, partij) is not None
        notitie = hoort_notitie(v)
    else:
        status = notitie = volledig
    if status:
        w.status, w.status_label = v.status, v.status_label()
        w.reden_code = v.reden_code
        w.reden_label = v.get_reden_code_display() if v.reden_code else ""
        w.reden = v.reden if notitie else None
        w.gebeurtenissen = _gebeurtenissen(v, met_uitleg=notitie, alleen_status=not volledig)
        w.kennismaking = _kennismaking(v, met_plek=True)
    if notitie:
        w.notitie = v.notitie
    w.toestemming = _toestemming(v)
    if v.is_plekvraag:
        w.vraag = v.vraag
    elif volledig or partij.is_verwijzer:
        # The sender typed these in; they keep seeing the name to know whom it is about,
        # and nothing the receiving side added.
        w.naam = v.naam
        if volledig:
            w.contactmanier = v.get_contactmanier_display() if v.contactmanier else ""
            w.contact = v.contact
            w.wat_helpt = v.wat_helpt
    return w
