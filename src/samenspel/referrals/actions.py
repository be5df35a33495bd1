"""Every state change of a referral, as plain functions.

Each one checks the change against the table of allowed transitions (models.OVERGANGEN),
locks the row so a double click cannot act twice, writes an event row and an audit-log row,
and puts its e-mails in the outbox in the same transaction, so nobody is mailed about a change
that was rolled back and no saved change loses its e-mail. Views only orchestrate.
"""

import re
from datetime import date, datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from samenspel.accounts.models import Rol
from samenspel.directory import historie
from samenspel.directory.models import Route
from samenspel.privacy import audit
from samenspel.privacy.models import Actie, Kanaal, Manier, Partij, Toestemming
from samenspel.referrals import links, mails
from samenspel.referrals.antwoorden import keuze
from samenspel.referrals.models import (
    AFGESLOTEN,
    PERSOONSGEGEVENS,
    REDEN_VERPLICHT,
    REDEN_ZONDER_UITLEG,
    Afzenderkant,
    Gebeurtenis,
    Kennismaking,
    Ontvangst,
    Reden,
    Soort,
    Status,
    Terugkoppeling,
    Verwijzing,
    Voorval,
)
from samenspel.referrals.toegang import SYSTEEM, Betrokkene, mag_verwijzen


class Geweigerd(Exception):
    """A change that is not allowed now; the message is fit to show as is."""


class OngeldigeStatusovergang(Geweigerd):
    def __init__(self, verwijzing: Verwijzing, naar: str):
        self.van, self.naar = verwijzing.status, naar
        super().__init__(
            _("Dit kan nu niet: de verwijzing staat op “%(status)s”.")
            % {"status": verwijzing.status_label()}
        )


# Who may move a referral to which status. The table of transitions says when.
WIE_MAG = {
    Partij.ONTVANGER: frozenset(
        {
            Status.ACCEPTED,
            Status.REJECTED,
            Status.IN_PROGRESS,
            Status.ON_HOLD,
            Status.COMPLETED,
            Status.FAILED,
        }
    ),
    Partij.VERWIJZER: frozenset({Status.CANCELLED}),
    Partij.BEWONER: frozenset({Status.REQUESTED, Status.CANCELLED}),
    Partij.SYSTEEM: frozenset({Status.CANCELLED}),
}


# --- helpers ------------------------------------------------------------------------------


def _gebeurtenis(v: Verwijzing, partij: Betrokkene, soort: str, **velden) -> Gebeurtenis:
    return Gebeurtenis.objects.create(
        verwijzing=v, soort=soort, partij=partij.rol, door=partij.wie, **velden
    )


def _audit(actie: str, v: Verwijzing, partij: Betrokkene) -> None:
    audit.leg_vast(actie, v, partij.wie, partij.rol, partij.kanaal)


def _vergrendeld(verwijzing: Verwijzing) -> Verwijzing:
    return Verwijzing.objects.select_for_update().get(pk=verwijzing.pk)


def neemt_verwijzingen(service) -> bool:
    return service.is_live and service.route == Route.AANMELDEN


def _buurt(service):
    koppeling = service.service_at_locations.select_related("location").first()
    return koppeling.location.buurt if koppeling else None


def _herkomst(gebruiker) -> str:
    organisatie = gebruiker.organisatie
    if organisatie is not None:
        return organisatie.sector
    if gebruiker.rol == Rol.PROFESSIONAL:
        return Afzenderkant.FORMEEL
    if gebruiker.rol == Rol.INITIATIEFNEMER:
        return Afzenderkant.INFORMEEL
    return Afzenderkant.HYBRIDE


# The purpose a consent is given for, written in the page's language and then kept as given.
_DOEL = gettext_noop("Zodat %(organisatie)s contact met je opneemt over %(service)s.")


def doel_tekst(service) -> str:
    return _(_DOEL) % {"organisatie": service.organization.name, "service": service.name}


def doel_taal(doel: str) -> str:
    """The language a recorded purpose is written in ("" when unknown), so a page in another
    language can mark it: a consent shows what the resident agreed to, word for word."""
    for taal, _naam in settings.LANGUAGES:
        with translation.override(taal):
            patroon = re.escape(_(_DOEL))
        for plaatshouder in ("%(organisatie)s", "%(service)s"):
            patroon = patroon.replace(re.escape(plaatshouder), ".+")
        if re.fullmatch(patroon, doel or "", re.DOTALL):
            return taal
    return ""


def _gedeelde_gegevens(gegevens: dict) -> list[str]:
    delen = ["naam", "contact"]
    if (gegevens.get("wat_helpt") or "").strip():
        delen.append("wat_helpt")
    return delen


def _maak(service, *, soort, herkomst, afzender=None, toestemming=None, bewoner=None, **velden):
    pk = velden.pop("pk", None)
    if pk is not None:
        velden["id"] = pk
    return Verwijzing.objects.create(
        soort=soort,
        service=service,
        gebied=_buurt(service),
        herkomst=herkomst,
        naar_sector=service.organization.sector,
        afzender=afzender,
        afzender_organisatie=getattr(afzender, "organisatie", None),
        toestemming=toestemming,
        bewoner=bewoner,
        **velden,
    )


# --- sending ------------------------------------------------------------------------------


@transaction.atomic
def verwijs(afzender, service, gegevens: dict, pk=None) -> tuple[Verwijzing, str]:
    """A professional or an initiative refers a resident; returns the referral and the
    resident's link token (shown once, never stored).

    With verbal consent the referral goes out at once. Otherwise it waits as a draft until
    the resident consents through their own link; nothing is shared before that.
    """
    if not mag_verwijzen(afzender):
        raise Geweigerd(_("Je mag geen verwijzingen sturen."))
    if not neemt_verwijzingen(service):
        raise Geweigerd(_("Dit aanbod neemt geen aanmeldingen via Samenspel aan."))
    nu = timezone.now()
    mondeling = gegevens["toestemming"] == Manier.MONDELING
    toestemming = Toestemming.objects.create(
        organisatie=service.organization,
        organisatie_naam=service.organization.name,
        gegevens=_gedeelde_gegevens(gegevens),
        doel=doel_tekst(service),
        geldig_tot=gegevens["geldig_tot"],
        manier=gegevens["toestemming"],
        vastgelegd_door=afzender if mondeling else None,
        vastgelegd_door_naam=(afzender.get_full_name() or afzender.get_username())
        if mondeling
        else "",
        gevraagd_op=nu,
        gegeven_op=nu if mondeling else None,
    )
    bewoner, token = links.nieuwe_bewoner()
    v = _maak(
        service,
        pk=pk,
        soort=Soort.VERWIJZING,
        herkomst=_herkomst(afzender),
        afzender=afzender,
        toestemming=toestemming,
        bewoner=bewoner,
        terugkoppeling=gegevens["terugkoppeling"],
        naam=gegevens["naam"].strip(),
        contactmanier=gegevens["contactmanier"],
        contact=(gegevens.get("contact") or "").strip(),
        wat_helpt=(gegevens.get("wat_helpt") or "").strip(),
        status=Status.REQUESTED if mondeling else Status.DRAFT,
        verstuurd_op=nu if mondeling else None,
        aangemaakt=nu,
    )
    partij = Betrokkene(Partij.VERWIJZER, afzender.get_username(), Kanaal.PAGINA, afzender)
    _gebeurtenis(v, partij, Voorval.STATUS, naar_status=v.status)
    _audit(Actie.AANGEMAAKT, v, partij)
    if mondeling:
        _gebeurtenis(v, partij, Voorval.TOESTEMMING, naar_status=v.status)
        _audit(Actie.TOESTEMMING_GEGEVEN, v, partij)
        mails.nieuwe_verwijzing(v)
    if gegevens.get("kennismaking_wanneer"):
        _nieuwe_kennismaking(
            v, partij, gegevens["kennismaking_wanneer"], gegevens.get("kennismaking_waar", "")
        )
    if v.bewoner_per_email:
        mails.bewoner_link(v, token)
    return v, token


@transaction.atomic
def meld_zelf_aan(service, gegevens: dict, pk=None) -> tuple[Verwijzing, str]:
    """'Ik wil meedoen': the resident refers themself and consents online, in one step."""
    if not neemt_verwijzingen(service):
        raise Geweigerd(_("Dit aanbod neemt geen aanmeldingen via Samenspel aan."))
    nu = timezone.now()
    toestemming = Toestemming.objects.create(
        organisatie=service.organization,
        organisatie_naam=service.organization.name,
        gegevens=_gedeelde_gegevens(gegevens),
        doel=doel_tekst(service),
        geldig_tot=gegevens["geldig_tot"],
        manier=Manier.ONLINE,
        vastgelegd_door_naam="",
        gevraagd_op=nu,
        gegeven_op=nu,
    )
    bewoner, token = links.nieuwe_bewoner()
    v = _maak(
        service,
        pk=pk,
        soort=Soort.VERWIJZING,
        herkomst=Afzenderkant.BEWONER,
        toestemming=toestemming,
        bewoner=bewoner,
        terugkoppeling=Terugkoppeling.NIETS,
        naam=gegevens["naam"].strip(),
        contactmanier=gegevens["contactmanier"],
        contact=(gegevens.get("contact") or "").strip(),
        wat_helpt=(gegevens.get("wat_helpt") or "").strip(),
        status=Status.REQUESTED,
        verstuurd_op=nu,
        aangemaakt=nu,
    )
    partij = Betrokkene(Partij.BEWONER, "bewoner", Kanaal.PAGINA)
    _gebeurtenis(v, partij, Voorval.STATUS, naar_status=v.status)
    _gebeurtenis(v, partij, Voorval.TOESTEMMING, naar_status=v.status)
    _audit(Actie.AANGEMAAKT, v, partij)
    _audit(Actie.TOESTEMMING_GEGEVEN, v, partij)
    mails.nieuwe_verwijzing(v)
    if v.bewoner_per_email:
        mails.bewoner_link(v, token)
    return v, token


@transaction.atomic
def vraag_plek(afzender, service, vraag: str = "", pk=None) -> Verwijzing:
    """Without consent only this goes out: an anonymous 'is er plek?'."""
    if not mag_verwijzen(afzender):
        raise Geweigerd(_("Je mag geen verwijzingen sturen."))
    if not neemt_verwijzingen(service):
        raise Geweigerd(_("Dit aanbod neemt geen aanmeldingen via Samenspel aan."))
    nu = timezone.now()
    v = _maak(
        service,
        pk=pk,
        soort=Soort.PLEKVRAAG,
        herkomst=_herkomst(afzender),
        afzender=afzender,
        terugkoppeling=Terugkoppeling.STATUS,
        vraag=(vraag or "").strip(),
        status=Status.REQUESTED,
        verstuurd_op=nu,
        aangemaakt=nu,
    )
    partij = Betrokkene(Partij.VERWIJZER, afzender.get_username(), Kanaal.PAGINA, afzender)
    _gebeurtenis(v, partij, Voorval.STATUS, naar_status=v.status)
    mails.nieuwe_verwijzing(v)
    return v


# --- status -------------------------------------------------------------------------------


def _controleer_reden(naar: str, reden_code: str, reden: str) -> None:
    if naar not in REDEN_VERPLICHT:
        return
    if reden_code in REDEN_ZONDER_UITLEG or reden:
        return
    raise Geweigerd(_("Schrijf kort op waarom."))


@transaction.atomic
def wijzig_status(
    verwijzing: Verwijzing,
    partij: Betrokkene,
    naar: str,
    reden_code: str = "",
    reden: str = "",
    notitie: str | None = None,
) -> tuple[Verwijzing, bool]:
    """Move to `naar`; returns the referral and whether anything changed.

    Asking for the status it already has changes nothing (a double click, a second tab).
    Anything the table does not allow from the current status is refused.
    """
    v = _vergrendeld(verwijzing)
    reden = (reden or "").strip()
    if naar not in WIE_MAG.get(partij.rol, ()):
        raise Geweigerd(_("Dit mag jij niet veranderen."))
    if v.status == naar:
        return v, False
    if naar not in v.overgangen():
        raise OngeldigeStatusovergang(v, naar)
    if naar in REDEN_VERPLICHT and not reden_code:
        reden_code = Reden.ANDERS
    _controleer_reden(naar, reden_code, reden)
    van = v.status
    nu = timezone.now()
    v.status, v.reden_code, v.reden = naar, reden_code, reden
    if van == Status.DRAFT and naar == Status.REQUESTED:
        v.verstuurd_op = nu
    if naar in AFGESLOTEN:
        v.afgesloten_op = nu
    if notitie is not None and partij.is_ontvanger and not v.is_plekvraag:
        v.notitie = notitie.strip()
    v.save()
    _gebeurtenis(
        v,
        partij,
        Voorval.STATUS,
        van_status=van,
        naar_status=naar,
        reden_code=reden_code,
        reden=reden,
    )
    _audit(Actie.GEWIJZIGD, v, partij)
    if not partij.is_verwijzer and v.afzender_id:
        mails.status_aan_verwijzer(v)
    if naar == Status.CANCELLED and van != Status.DRAFT and not partij.is_ontvanger:
        mails.ingetrokken_aan_ontvanger(v)
    return v, True


def antwoord(
    verwijzing: Verwijzing, partij: Betrokkene, naam: str, reden: str = "", notitie=None
) -> tuple[Verwijzing, bool]:
    """The receiving side picks one of its answers (KEUZES)."""
    gekozen = keuze(verwijzing, naam)
    if gekozen is None:
        raise Geweigerd(_("Kies wat je wilt doen."))
    if gekozen.uitleg_nodig and not (reden or "").strip():
        raise Geweigerd(_("Schrijf kort op waarom."))
    return wijzig_status(verwijzing, partij, gekozen.naar, gekozen.reden_code, reden, notitie)


def trek_in(verwijzing: Verwijzing, partij: Betrokkene, reden: str) -> tuple[Verwijzing, bool]:
    """The sender withdraws the referral."""
    return wijzig_status(verwijzing, partij, Status.CANCELLED, Reden.ANDERS, reden)


# --- consent ------------------------------------------------------------------------------


@transaction.atomic
def geef_toestemming(verwijzing: Verwijzing, partij: Betrokkene, terugkoppeling: str | None = None):
    """The resident agrees through their own link: now, and only now, it is shared."""
    v = _vergrendeld(verwijzing)
    if v.status != Status.DRAFT:
        if v.toestemming.gegeven_op and v.toestemming.ingetrokken_op is None:
            return v, False
        raise OngeldigeStatusovergang(v, Status.REQUESTED)
    if v.toestemming.geldig_tot < timezone.localdate():
        raise Geweigerd(_("Deze vraag om toestemming is verlopen."))
    if terugkoppeling and terugkoppeling != v.terugkoppeling:
        _zet_terugkoppeling(v, partij, terugkoppeling)
    toestemming = v.toestemming
    toestemming.gegeven_op = timezone.now()
    toestemming.save(update_fields=["gegeven_op"])
    _gebeurtenis(v, partij, Voorval.TOESTEMMING, naar_status=Status.REQUESTED)
    _audit(Actie.TOESTEMMING_GEGEVEN, v, partij)
    v = wijzig_status(v, partij, Status.REQUESTED)[0]
    mails.nieuwe_verwijzing(v)
    return v, True


@transaction.atomic
def trek_toestemming_in(verwijzing: Verwijzing, partij: Betrokkene) -> Verwijzing:
    """The resident withdraws (or refuses) consent: sharing stops and their data is erased."""
    v = _vergrendeld(verwijzing)
    if v.toestemming is None:
        raise Geweigerd(_("Hier hoort geen toestemming bij."))
    if v.toestemming.ingetrokken_op is not None:
        return v
    toestemming = v.toestemming
    toestemming.ingetrokken_op = timezone.now()
    toestemming.save(update_fields=["ingetrokken_op"])
    code = Reden.GEEN_TOESTEMMING if v.status == Status.DRAFT else Reden.TOESTEMMING_INGETROKKEN
    _gebeurtenis(v, partij, Voorval.TOESTEMMING, van_status=v.status, reden_code=code)
    _audit(Actie.TOESTEMMING_INGETROKKEN, v, partij)
    if not v.is_afgesloten:
        v = wijzig_status(v, partij, Status.CANCELLED, code)[0]
    elif v.is_gedeeld:
        # Closed already, but the receiving side may still hold the data: tell them.
        mails.ingetrokken_aan_ontvanger(v)
    return wis(v, partij)


def wijzig_terugkoppeling(verwijzing: Verwijzing, partij: Betrokkene, terugkoppeling: str):
    with transaction.atomic():
        v = _vergrendeld(verwijzing)
        if v.is_gewist or v.afzender_id is None or v.terugkoppeling == terugkoppeling:
            return v
        _zet_terugkoppeling(v, partij, terugkoppeling)
        _audit(Actie.GEWIJZIGD, v, partij)
        return v


def _zet_terugkoppeling(v: Verwijzing, partij: Betrokkene, terugkoppeling: str) -> None:
    if terugkoppeling not in Terugkoppeling.values:
        raise Geweigerd(_("Kies wat de verwijzer mag horen."))
    _gebeurtenis(v, partij, Voorval.TERUGKOPPELING, reden_code=terugkoppeling)
    v.terugkoppeling = terugkoppeling
    v.save(update_fields=["terugkoppeling"])


# --- erasure ------------------------------------------------------------------------------


def wis(verwijzing: Verwijzing, partij: Betrokkene = SYSTEEM) -> Verwijzing:
    """Erase the resident's data from this referral; the anonymous event log stays."""
    with transaction.atomic():
        v = _vergrendeld(verwijzing)
        if v.is_gewist:
            return v
        for veld in PERSOONSGEGEVENS:
            setattr(v, veld, "")
        v.gewist_op = timezone.now()
        v.save()
        # The one exception to the append-only log: free text may hold personal data.
        Gebeurtenis.objects.filter(verwijzing=v).exclude(reden="").update(reden="")
        Kennismaking.objects.filter(verwijzing=v).update(waar="")
        _gebeurtenis(v, partij, Voorval.GEWIST)
        _audit(Actie.GEWIST, v, partij)
    return v


def wis_na_bewaartermijn(peildatum: date, vandaag: date) -> int:
    """Registered with privacy.bewaartermijn: closed before `peildatum`, or consent expired."""
    from django.db.models import Q

    from samenspel.referrals.models import Bewoner

    grens = timezone.make_aware(datetime.combine(peildatum, datetime.min.time()))
    te_wissen = Verwijzing.objects.filter(soort=Soort.VERWIJZING, gewist_op__isnull=True).filter(
        Q(afgesloten_op__lt=grens) | Q(toestemming__geldig_tot__lt=vandaag)
    )
    aantal = 0
    for v in te_wissen.iterator():
        if not v.is_afgesloten:
            # Consent ran out: sharing stops, as if the resident withdrew it.
            v = wijzig_status(v, SYSTEEM, Status.CANCELLED, Reden.ANDERS, "toestemming verlopen")[0]
        wis(v, SYSTEEM)
        aantal += 1
    # Links that no longer lead to anything are dropped too.
    nog_nodig = Verwijzing.objects.filter(gewist_op__isnull=True, bewoner__isnull=False)
    Bewoner.objects.filter(aangemaakt__lt=grens).exclude(
        pk__in=nog_nodig.values("bewoner_id")
    ).delete()
    return aantal


# --- warm handover ------------------------------------------------------------------------


def _nieuwe_kennismaking(v: Verwijzing, partij: Betrokkene, wanneer: datetime, waar: str):
    nu = timezone.now()
    k = Kennismaking.objects.create(
        verwijzing=v,
        wanneer=wanneer,
        waar=(waar or "").strip(),
        voorgesteld_door=partij.rol,
        akkoord_verwijzer=nu if partij.is_verwijzer else None,
        akkoord_ontvanger=nu if partij.is_ontvanger else None,
    )
    _gebeurtenis(v, partij, Voorval.KENNISMAKING, reden_code="voorgesteld")
    if v.is_gedeeld:
        mails.kennismaking_voorgesteld(v, k)
    return k


def _mag_kennismaken(v: Verwijzing, partij: Betrokkene) -> None:
    if v.is_plekvraag or v.is_afgesloten or v.is_gewist:
        raise Geweigerd(_("Voor deze verwijzing kun je geen kennismaking meer plannen."))
    if partij.is_verwijzer and v.terugkoppeling == Terugkoppeling.NIETS:
        raise Geweigerd(
            _("De bewoner wil niet dat je hoort hoe het gaat. Samen kennismaken kan dus niet.")
        )


@transaction.atomic
def stel_kennismaking_voor(verwijzing: Verwijzing, partij: Betrokkene, wanneer, waar: str):
    v = _vergrendeld(verwijzing)
    if not (partij.is_verwijzer or partij.is_ontvanger):
        raise Geweigerd(_("Dit mag jij niet veranderen."))
    _mag_kennismaken(v, partij)
    k = _nieuwe_kennismaking(v, partij, wanneer, waar)
    _audit(Actie.GEWIJZIGD, v, partij)
    return k


@transaction.atomic
def bevestig_kennismaking(verwijzing: Verwijzing, partij: Betrokkene) -> tuple[Kennismaking, bool]:
    v = _vergrendeld(verwijzing)
    _mag_kennismaken(v, partij)
    k = v.kennismakingen.order_by("-aangemaakt", "-id").first()
    if k is None:
        raise Geweigerd(_("Er is nog geen kennismaking voorgesteld."))
    veld = {Partij.VERWIJZER: "akkoord_verwijzer", Partij.ONTVANGER: "akkoord_ontvanger"}.get(
        partij.rol
    )
    if veld is None:
        raise Geweigerd(_("Dit mag jij niet veranderen."))
    if getattr(k, veld) is not None:
        return k, False
    setattr(k, veld, timezone.now())
    k.save(update_fields=[veld])
    _gebeurtenis(v, partij, Voorval.KENNISMAKING, reden_code="bevestigd")
    _audit(Actie.GEWIJZIGD, v, partij)
    if k.is_bevestigd:
        mails.kennismaking_bevestigd(v, k)
    return k, True


# --- intake settings ----------------------------------------------------------------------


@transaction.atomic
@transaction.atomic
def zet_ontvangst(service, vol: bool, wachttijd: str, reactie_email: str, door=None) -> Ontvangst:
    """How the service takes referrals; each changed setting goes into the listing's history
    (as resource "ontvangst"), so a netwerkhouder can see who said "vol" and when."""
    ontvangst, _nieuw = Ontvangst.objects.select_for_update().get_or_create(service=service)
    nieuw = {
        "vol": vol,
        "wachttijd": (wachttijd or "").strip(),
        "reactie_email": (reactie_email or "").strip(),
    }
    for veld, waarde in nieuw.items():
        oud = getattr(ontvangst, veld)
        if oud != waarde:
            historie.leg_vast(ontvangst, "bewerkt", door or SYSTEEM.wie, veld, oud, waarde)
        setattr(ontvangst, veld, waarde)
    ontvangst.bijgewerkt = timezone.now()
    ontvangst.save()
    return ontvangst


def herinnerd(verwijzingen, vandaag: date) -> None:
    """The receiving side was sent a reminder today about these waiting referrals: the next
    one comes only after the working days have passed again (`herinneren.te_herinneren`)."""
    with transaction.atomic():
        for v in verwijzingen:
            Verwijzing.objects.filter(pk=v.pk).update(herinnerd_op=vandaag)
            _gebeurtenis(v, SYSTEEM, Voorval.HERINNERING, naar_status=v.status)


def stuur_nieuwe_antwoordlink(verwijzing: Verwijzing) -> None:
    """An expired answer link: a fresh one goes to the service's address, never elsewhere."""
    mails.nieuwe_antwoordlink(verwijzing)
