"""Reminders and retention for worries about a person (issue 13, item 2).

- A worry nobody acknowledged or moved for ``SIGNALEN_HERINNER_WERKDAGEN`` working days
  (default 2; Saturday and Sunday are no working days) brings its team one e-mail, then at
  most one every that many working days.
- Its content (what was written, street, house number, contact route) is erased
  ``SIGNALEN_BEWAAR_DAGEN`` days (default 30) after it was closed (afgerond or doorgezet), and
  after ``SIGNALEN_BEWAAR_MAX_DAGEN`` days (default 90) whatever its status. The row stays
  with status, dates, buurt and team: the anonymous counts stay.
"""

from collections import defaultdict
from datetime import date, datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from samenspel.referrals.herinneren import werkdagen_terug
from samenspel.signals import actions, zorgmails
from samenspel.signals.models import Zorgmelding, Zorgstatus
from samenspel.signals.models.zorg import AFGESLOTEN


def _instelling(naam: str, standaard: int) -> int:
    return int(settings.SAMENSPEL.get(naam, standaard))


def herinner_werkdagen() -> int:
    return _instelling("SIGNALEN_HERINNER_WERKDAGEN", 2)


def bewaar_dagen() -> int:
    return _instelling("SIGNALEN_BEWAAR_DAGEN", 30)


def bewaar_max_dagen() -> int:
    return _instelling("SIGNALEN_BEWAAR_MAX_DAGEN", 90)


def te_herinneren(vandaag: date):
    """Open worries with no change on or after the day N working days ago."""
    grens = werkdagen_terug(vandaag, herinner_werkdagen())
    einde_grensdag = timezone.make_aware(
        datetime.combine(grens + timedelta(days=1), datetime.min.time())
    )
    return (
        Zorgmelding.objects.filter(
            status__in=[Zorgstatus.NIEUW, Zorgstatus.ONTVANGEN],
            bijgewerkt_op__lt=einde_grensdag,
        )
        .filter(Q(herinnerd_op=None) | Q(herinnerd_op__lte=grens))
        .select_related("team", "buurt", "gemeente")
        .order_by("aangemaakt")
    )


def herinner(vandaag: date | None = None) -> int:
    """One e-mail per team with its waiting worries; returns the number of e-mails queued."""
    vandaag = vandaag or timezone.localdate()
    per_team = defaultdict(list)
    for melding in te_herinneren(vandaag):
        per_team[melding.team].append(melding)
    verstuurd = 0
    for team, meldingen in per_team.items():
        if not zorgmails.team_adressen(team):
            continue
        with transaction.atomic():
            zorgmails.herinnering(team, meldingen, herinner_werkdagen())
            actions.zorgen_herinnerd(meldingen, vandaag)
        verstuurd += 1
    return verstuurd


def te_wissen(nu: datetime | None = None):
    nu = nu or timezone.now()
    return Zorgmelding.objects.filter(gewist_op=None).filter(
        Q(status__in=AFGESLOTEN, afgesloten_op__lte=nu - timedelta(days=bewaar_dagen()))
        | Q(aangemaakt__lte=nu - timedelta(days=bewaar_max_dagen()))
    )


def wis_verlopen(nu: datetime | None = None) -> int:
    """Erase the content of every worry past its retention; returns how many."""
    aantal = 0
    for melding in te_wissen(nu):
        actions.zorg_inhoud_wissen(melding)
        aantal += 1
    return aantal
