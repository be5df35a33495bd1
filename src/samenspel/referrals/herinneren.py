"""Reminders for referrals nobody answered: the receiving side gets one short e-mail.

"Daar leg je iets neer, een vraag, en vervolgens hoor je daar nooit iets meer van" (seed 001,
lines 1110-1113). A referral still waiting after N working days (default 3) brings its
service one e-mail with fresh answer links; after that at most once every N working days.
"""

import logging
from collections import defaultdict
from datetime import date, datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from samenspel.core import mail
from samenspel.referrals import actions, links
from samenspel.referrals.models import Ontvangst, Status, Verwijzing

logger = logging.getLogger(__name__)

STANDAARD_WERKDAGEN = 3


def werkdagen() -> int:
    return int(settings.SAMENSPEL.get("HERINNER_WERKDAGEN", STANDAARD_WERKDAGEN))


def werkdagen_terug(vandaag: date, aantal: int) -> date:
    """The date `aantal` working days (Monday to Friday) before `vandaag`."""
    dag = vandaag
    while aantal > 0:
        dag -= timedelta(days=1)
        if dag.weekday() < 5:
            aantal -= 1
    return dag


def te_herinneren(vandaag: date):
    grens = werkdagen_terug(vandaag, werkdagen())
    # Sent on the cut-off day or earlier: at least N working days have passed since.
    einde_grensdag = timezone.make_aware(
        datetime.combine(grens + timedelta(days=1), datetime.min.time())
    )
    return (
        Verwijzing.objects.filter(status=Status.REQUESTED, verstuurd_op__lt=einde_grensdag)
        .filter(Q(herinnerd_op=None) | Q(herinnerd_op__lte=grens))
        .select_related("service__organization", "service__ontvangst")
        .order_by("verstuurd_op")
    )


def herinner_onbeantwoord(vandaag: date | None = None) -> int:
    """One e-mail per receiving address with all its waiting referrals; returns e-mails queued."""
    vandaag = vandaag or timezone.localdate()
    per_adres: dict[str, list[Verwijzing]] = defaultdict(list)
    for v in te_herinneren(vandaag):
        adres = Ontvangst.van(v.service).adres
        if adres:
            per_adres[adres.strip().lower()].append(v)

    verstuurd = 0
    for adres, verwijzingen in per_adres.items():
        regels = [
            {
                "v": v,
                "dagen": (vandaag - timezone.localtime(v.verstuurd_op).date()).days,
                "bekijk_link": mail.absoluut(links.antwoord_pad(v)),
            }
            for v in verwijzingen
        ]
        # Queued together with "reminded today": a second run queues nothing twice.
        try:
            with transaction.atomic():
                mail.verstuur(
                    "verwijzing_herinnering",
                    [Ontvangst.van(verwijzingen[0].service).adres],
                    {"regels": regels, "werkdagen": werkdagen()},
                )
                actions.herinnerd(verwijzingen, vandaag)
        except Exception:
            # One address's failure must not stop the others; it is tried again next run.
            logger.exception("Herinnering over verwijzingen aan %s niet in de wachtrij", adres)
            continue
        verstuurd += 1
    return verstuurd
