"""Every change in signalen, each with its row in the log (`models.Gebeurtenis`)."""

from samenspel.signals.models import Gebeurtenis


def _log(soort, gemeente=None, door=None, **wat) -> Gebeurtenis:
    return Gebeurtenis.objects.create(
        soort=soort,
        gemeente=gemeente,
        door=door if door is not None and door.is_authenticated else None,
        wat=wat,
    )


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
