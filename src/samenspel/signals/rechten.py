"""Signalen's part of the AVG file and erasure of someone who passed on a worry
(``privacy.rechten``), through their status link.

The signaller gets what is theirs: how the team can reach them, their choice about their
name, and what happened to the worry (status and dates). Not what they wrote about the other
person: the link may reach someone else, and the status page never shows it either; the team
erases it on schedule. Nothing the team wrote down is in it.

A neighbourhood signal (``Buurtsignaal``) has no link for whoever sent it, so nobody can show
it is theirs; its e-mail address is erased on schedule (see the processing register).
"""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from samenspel.privacy import rechten
from samenspel.signals import actions
from samenspel.signals.models import Gebeurtenis, Zorgmelding

UITLEG = _(
    "Je zorg om iemand: hoe het team je kan bereiken, of de persoon mag weten dat jij het "
    "was, en wat er met je zorg gebeurde. Wat je over de ander schreef, staat er niet in: "
    "dat is ook over die ander, en het team wist het na de bewaartermijn."
)


def _datum(waarde):
    return waarde.isoformat() if waarde else None


def geef(melding: Zorgmelding) -> dict:
    m = Zorgmelding.objects.select_related("buurt", "team").get(pk=melding.pk)
    return {
        "kenmerk": m.kenmerk,
        "soort": m.get_soort_display(),
        "buurt": m.buurt.naam,
        "team": m.team.name,
        "contact": m.contact,
        "naam_mag_gedeeld": m.naam_mag_gedeeld,
        "status": m.get_status_display(),
        "doorgegeven_op": _datum(m.aangemaakt),
        "ontvangen_op": _datum(m.ontvangen_op),
        "laatst_bijgewerkt": _datum(m.bijgewerkt_op),
        "afgesloten_op": _datum(m.afgesloten_op),
        "inhoud_gewist_op": _datum(m.gewist_op),
        "wat_er_gebeurde": [
            {"wanneer": _datum(g.wanneer), "wat": g.get_soort_display()}
            for g in Gebeurtenis.objects.filter(wat__zorg=m.pk).order_by("wanneer", "id")
        ],
    }


def wis(melding: Zorgmelding) -> int:
    return int(actions.wis_melder(melding))


def adressen(melding: Zorgmelding) -> list[str]:
    return [Zorgmelding.objects.get(pk=melding.pk).contact]


def blijft() -> str:
    return str(
        _(
            "Wat je over de ander schreef, blijft bij het team zolang het de zorg oppakt. "
            "Het team wist het uiterlijk %(dagen)s dagen na het afsluiten."
        )
        % {"dagen": settings.SAMENSPEL["SIGNALEN_BEWAAR_DAGEN"]}
    )


def registreer() -> None:
    rechten.registreer(
        rechten.MELDER,
        "zorg",
        uitleg=UITLEG,
        geef=geef,
        wis=wis,
        adressen=adressen,
        tel=lambda melding: 1,
        modellen=("signals.Zorgmelding",),
    )
