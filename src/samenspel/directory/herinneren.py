"""Reminders that keep the kaart current.

The informal field changes fast (seed 001, lines 2170-2172: "informele veld ook nog eens erg
dynamisch"), and lists that nobody maintains go stale. So every owner of a listing that was
not confirmed for a while gets one short e-mail with a "klopt nog" link, at most once a month.
"""

import logging
from collections import defaultdict
from datetime import date, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from samenspel.core import mail
from samenspel.directory import actions, links
from samenspel.directory.models import Service

logger = logging.getLogger(__name__)

NIET_VAKER_DAN = timedelta(days=30)


def te_herinneren(vandaag: date):
    """Listings whose page no longer shows them as fresh (`models.vers_vanaf`), with an owner
    to ask, not reminded in the last month."""
    return (
        Service.objects.niet_vers(vandaag)
        .exclude(beheerder_email="")
        .filter(Q(herinnerd_op=None) | Q(herinnerd_op__lte=vandaag - NIET_VAKER_DAN))
        .order_by("name")
    )


def _regel(service: Service) -> dict:
    return {
        "service": service,
        "klopt_nog_link": mail.absoluut(links.pad(service, links.KLOPT_NOG)),
        "bewerk_link": mail.absoluut(links.pad(service, links.BEWERK)),
        "stop_link": mail.absoluut(links.pad(service, links.STOP)),
    }


def verstuur_herinneringen(vandaag: date | None = None) -> int:
    """One e-mail per owner of stale listings, all theirs together; returns e-mails queued."""
    vandaag = vandaag or timezone.localdate()
    per_eigenaar: dict[str, list[Service]] = defaultdict(list)
    for service in te_herinneren(vandaag):
        per_eigenaar[service.beheerder_email.strip().lower()].append(service)

    verstuurd = 0
    for adres, services in per_eigenaar.items():
        # The e-mail and "reminded today" in one transaction: a second run the same day
        # queues nothing twice, and no owner is marked reminded without a queued e-mail.
        try:
            with transaction.atomic():
                mail.verstuur(
                    "herinnering",
                    [services[0].beheerder_email],
                    {"regels": [_regel(s) for s in services], "maanden": _maanden()},
                )
                actions.herinnerd(services, vandaag)
        except Exception:
            # One owner's failure must not stop the others' reminders; this owner is
            # simply tried again on the next run.
            logger.exception("Herinnering aan %s niet in de wachtrij gezet", adres)
            continue
        verstuurd += 1
    return verstuurd


def _maanden() -> int:
    return settings.SAMENSPEL["BEVESTIG_MAANDEN"]
