"""Every change in signalen, each with its row in the log (`models.Gebeurtenis`)."""

from django.db import transaction
from django.utils import timezone

from samenspel.privacy import audit
from samenspel.privacy.models import Actie, Kanaal, Partij
from samenspel.signals.models import (
    Doorzending,
    Gebeurtenis,
    Routeregel,
    Voorval,
    Zorgmelding,
    Zorgstatus,
)
from samenspel.signals.models.zorg import AFGESLOTEN


def _log(soort, gemeente=None, door=None, **wat) -> Gebeurtenis:
    return Gebeurtenis.objects.create(
        soort=soort,
        gemeente=gemeente,
        door=door if door is not None and door.is_authenticated else None,
        wat=wat,
    )


# --- meldroute: a gemeente's own routes, set by a beheerder ---------------------------------


def _route_log(actie: str, route, door) -> None:
    _log(
        Voorval.ROUTE_GEWIJZIGD,
        gemeente=route.gemeente,
        door=door,
        actie=actie,
        route=route.pk,
        routesoort=route.soort,
    )


@transaction.atomic
def bewaar_route(route, door):
    """Add or change a regional route (a form's unsaved instance); logs which it was."""
    actie = "gewijzigd" if route.pk else "toegevoegd"
    route.save()
    _route_log(actie, route, door)
    return route


@transaction.atomic
def verwijder_route(route, door) -> None:
    """Remove a regional route; the matrix falls back to the national number."""
    pk = route.pk
    route.delete()
    route.pk = pk
    _route_log("verwijderd", route, door)


# --- zorg: a worry about a person, its forwarding, and the routing rules -----------------


def regel_opslaan(regel: Routeregel, door) -> Routeregel:
    nieuw = regel.pk is None
    with transaction.atomic():
        regel.save()
        _log(
            Voorval.ROUTEREGEL_GEWIJZIGD,
            regel.gemeente,
            door,
            regel=regel.pk,
            nieuw=nieuw,
            zorgsoort=regel.soort,
            wijk=regel.wijk_id,
            team=str(regel.team_id),
        )
    return regel


def regel_verwijderen(regel: Routeregel, door) -> None:
    with transaction.atomic():
        _log(Voorval.ROUTEREGEL_VERWIJDERD, regel.gemeente, door, regel=regel.pk)
        regel.delete()


def zorg_doorgeven(
    *,
    regel: Routeregel,
    buurt,
    soort,
    wat,
    straat="",
    huisnummer="",
    contact="",
    naam_mag_gedeeld=False,
    door=None,
) -> Zorgmelding:
    """Hand a worry to the team of the rule; the team gets a short e-mail without content."""
    from samenspel.signals import zorgmails

    with transaction.atomic():
        melding = Zorgmelding.objects.create(
            gemeente=regel.gemeente,
            buurt=buurt,
            soort=soort,
            team=regel.team,
            wat=wat,
            straat=straat,
            huisnummer=huisnummer,
            contact=contact,
            naam_mag_gedeeld=naam_mag_gedeeld,
        )
        _log(
            Voorval.ZORG_DOORGEGEVEN,
            regel.gemeente,
            door,
            zorg=melding.pk,
            team=str(regel.team_id),
            regel=regel.pk,
            status=melding.status,
        )
        wie = door.get_username() if door is not None and door.is_authenticated else "melder"
        audit.leg_vast(Actie.AANGEMAAKT, melding, wie, Partij.VERWIJZER)
        zorgmails.nieuwe_zorg(melding)
    return melding


def zorg_gelezen(melding: Zorgmelding, door) -> None:
    """A team member opened the worry's content: audited, every time."""
    audit.leg_vast(Actie.BEKEKEN, melding, door.get_username(), Partij.ONTVANGER)


def zorg_status(melding: Zorgmelding, status: str, door) -> Zorgmelding:
    """The receiving team acknowledges the worry or moves it on; never content back."""
    nu = timezone.now()
    with transaction.atomic():
        oud = melding.status
        melding.status = status
        melding.bijgewerkt_op = nu
        if melding.ontvangen_op is None and status != Zorgstatus.NIEUW:
            melding.ontvangen_op = nu
        melding.afgesloten_op = nu if status in AFGESLOTEN else None
        melding.save()
        _log(Voorval.ZORG_STATUS, melding.gemeente, door, zorg=melding.pk, van=oud, naar=status)
        audit.leg_vast(Actie.GEWIJZIGD, melding, door.get_username(), Partij.ONTVANGER)
    return melding


def zorg_doorsturen(melding: Zorgmelding, naar_team, door) -> Doorzending:
    """A team on the wrong path forwards the worry, as it is, to the right team.

    The signaller's choices stay as they were; the new team starts at "nieuw"; the first team
    keeps the status and dates through the ``Doorzending``, no longer the content.
    """
    from samenspel.signals import zorgmails

    nu = timezone.now()
    with transaction.atomic():
        doorzending = Doorzending.objects.create(
            melding=melding, van_team=melding.team, naar_team=naar_team, wanneer=nu
        )
        oud = melding.status
        melding.team = naar_team
        melding.status = Zorgstatus.NIEUW
        melding.ontvangen_op = None
        melding.afgesloten_op = None
        melding.herinnerd_op = None
        melding.bijgewerkt_op = nu
        melding.save()
        _log(
            Voorval.ZORG_DOORGESTUURD,
            melding.gemeente,
            door,
            zorg=melding.pk,
            van_team=str(doorzending.van_team_id),
            naar_team=str(naar_team.pk),
            van=oud,
        )
        audit.leg_vast(Actie.GEWIJZIGD, melding, door.get_username(), Partij.ONTVANGER)
        zorgmails.nieuwe_zorg(melding)
    return doorzending


def zorgen_herinnerd(meldingen, vandaag) -> None:
    for melding in meldingen:
        melding.herinnerd_op = vandaag
        melding.save(update_fields=["herinnerd_op"])
        _log(
            Voorval.ZORG_HERINNERD,
            melding.gemeente,
            None,
            zorg=melding.pk,
            team=str(melding.team_id),
        )


def zorg_inhoud_wissen(melding: Zorgmelding) -> None:
    """Erase what the signaller wrote, the address and the contact route; keep the row."""
    with transaction.atomic():
        melding.wat = ""
        melding.straat = ""
        melding.huisnummer = ""
        melding.contact = ""
        melding.gewist_op = timezone.now()
        melding.save()
        _log(Voorval.ZORG_GEWIST, melding.gemeente, None, zorg=melding.pk, status=melding.status)
        audit.leg_vast(Actie.GEWIST, melding, "bewaartermijn", Partij.SYSTEEM, Kanaal.OPDRACHT)


def wis_melder(melding: Zorgmelding) -> bool:
    """The signaller asked for erasure through their status link: their contact details and
    their choice about their name go. What they wrote about the other person stays with the
    team, for its task, until the retention period ends (``zorg_inhoud_wissen``). True when
    something was erased."""
    with transaction.atomic():
        melding = Zorgmelding.objects.select_for_update().get(pk=melding.pk)
        if not melding.contact and not melding.naam_mag_gedeeld:
            return False
        melding.contact = ""
        melding.naam_mag_gedeeld = False
        melding.save(update_fields=["contact", "naam_mag_gedeeld"])
        _log(Voorval.ZORG_MELDER_GEWIST, melding.gemeente, None, zorg=melding.pk)
        audit.leg_vast(Actie.GEWIST, melding, "melder", Partij.VERWIJZER, Kanaal.EMAILLINK)
    return True


# --- buurtsignaal: signals about the neighbourhood and the wijkagenda ----------------------


def _bewaar_dagen() -> int:
    """``SAMENSPEL["BUURTSIGNAAL_BEWAAR_DAGEN"]``, default 90."""
    from django.conf import settings

    return int(settings.SAMENSPEL.get("BUURTSIGNAAL_BEWAAR_DAGEN", 90))


def stuur_buurtsignaal(buurt, thema, tekst, openbaar=False, email="", door=None):
    """A resident (anonymous allowed) sends a signal about a buurt to its netwerkhouders."""
    from django.db import transaction

    from samenspel.signals.models import Buurtsignaal, Voorval

    with transaction.atomic():
        signaal = Buurtsignaal.objects.create(
            buurt=buurt, thema=thema, tekst=tekst, openbaar=openbaar, email=email.strip()
        )
        _log(
            Voorval.BUURTSIGNAAL_ONTVANGEN,
            gemeente=buurt.gemeente,
            door=door,
            signaal=signaal.pk,
            buurt=buurt.code,
            thema=thema,
            openbaar=openbaar,
            met_adres=bool(signaal.email),
        )
    return signaal


def beantwoord_buurtsignaal(signaal, antwoord, door):
    """The netwerkhouder answers; the answer is e-mailed when the sender left an address."""
    from django.db import transaction
    from django.utils import timezone

    from samenspel.core import mail
    from samenspel.signals.models import SignaalStatus, Voorval

    with transaction.atomic():
        signaal.antwoord = antwoord
        signaal.beantwoord_op = timezone.now()
        signaal.beantwoord_door = door
        if signaal.status == SignaalStatus.NIEUW:
            signaal.status = SignaalStatus.BEANTWOORD
        signaal.save(update_fields=["antwoord", "beantwoord_op", "beantwoord_door", "status"])
        gemaild = bool(signaal.email)
        if gemaild:
            mail.verstuur(
                "buurtsignaal_antwoord",
                [signaal.email],
                {"signaal": signaal, "buurt": signaal.buurt.naam, "antwoord": antwoord},
            )
        _log(
            Voorval.BUURTSIGNAAL_BEANTWOORD,
            gemeente=signaal.buurt.gemeente,
            door=door,
            signaal=signaal.pk,
            gemaild=gemaild,
        )
    return signaal


def zet_op_wijkagenda(signaal, door, titel="", agendapunt=None):
    """Put a signal on its wijk's agenda: on an existing item, or on a new one."""
    from django.db import transaction

    from samenspel.signals.models import Agendapunt, SignaalStatus, Voorval

    wijk = signaal.buurt.wijk
    with transaction.atomic():
        nieuw = agendapunt is None
        if nieuw:
            agendapunt = Agendapunt.objects.create(wijk=wijk, titel=titel)
        agendapunt.signalen.add(signaal)
        signaal.status = SignaalStatus.OP_AGENDA
        signaal.save(update_fields=["status"])
        _log(
            Voorval.BUURTSIGNAAL_OP_AGENDA,
            gemeente=wijk.gemeente,
            door=door,
            signaal=signaal.pk,
            agendapunt=agendapunt.pk,
            nieuw_punt=nieuw,
        )
    return agendapunt


def zet_agendastatus(agendapunt, status, door):
    """Op de agenda, besproken, opgepakt, afgerond."""
    from django.db import transaction
    from django.utils import timezone

    from samenspel.signals.models import Voorval

    with transaction.atomic():
        van = agendapunt.status
        agendapunt.status = status
        agendapunt.gewijzigd_op = timezone.now()
        agendapunt.save(update_fields=["status", "gewijzigd_op"])
        _log(
            Voorval.AGENDAPUNT_STATUS,
            gemeente=agendapunt.wijk.gemeente,
            door=door,
            agendapunt=agendapunt.pk,
            van=van,
            naar=status,
        )
    return agendapunt


def wis_verlopen_buurtsignaaladressen(nu=None) -> int:
    """Erase the e-mail address of signals older than the retention period; keep the signal."""
    from datetime import timedelta

    from django.db import transaction
    from django.utils import timezone

    from samenspel.privacy.audit import leg_vast
    from samenspel.privacy.models import Actie, Kanaal, Partij
    from samenspel.signals.models import Buurtsignaal, Voorval

    nu = nu or timezone.now()
    grens = nu - timedelta(days=_bewaar_dagen())
    aantal = 0
    verlopen = Buurtsignaal.objects.filter(ontvangen_op__lt=grens).exclude(email="")
    for signaal in verlopen.select_related("buurt__ouder__ouder"):
        with transaction.atomic():
            signaal.email = ""
            signaal.email_gewist_op = nu
            signaal.save(update_fields=["email", "email_gewist_op"])
            leg_vast(Actie.GEWIST, signaal, "bewaartermijn", Partij.SYSTEEM, Kanaal.OPDRACHT)
            _log(
                Voorval.BUURTSIGNAAL_ADRES_GEWIST,
                gemeente=signaal.buurt.gemeente,
                signaal=signaal.pk,
            )
        aantal += 1
    return aantal
