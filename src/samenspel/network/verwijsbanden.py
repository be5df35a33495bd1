"""Ties that grow by themselves from referrals between two organisations.

Samenspel already knows who refers to whom, so this part of the web keeps itself current. A
pair of organisations counts as tied only from ``DREMPEL`` accepted referrals on (issue 11):
below that, a tie would point at one resident's path through the services.
"""

from collections import Counter

from django.db.models import Count, F, Q, QuerySet

from samenspel.referrals.models import Soort, Status, Verwijzing

DREMPEL = 3
# A referral counts once the receiving side took it on, whatever happened after.
AANGENOMEN = (Status.ACCEPTED, Status.IN_PROGRESS, Status.COMPLETED)


def _aangenomen():
    return Verwijzing.objects.filter(
        soort=Soort.VERWIJZING, status__in=AANGENOMEN, afzender_organisatie__isnull=False
    )


def aantal_aangenomen(een, ander) -> int:
    """Accepted referrals between two organisations, in either direction."""
    return (
        _aangenomen()
        .filter(
            Q(afzender_organisatie=een, service__organization=ander)
            | Q(afzender_organisatie=ander, service__organization=een)
        )
        .count()
    )


def verwijsband(een, ander) -> int | None:
    """The number of accepted referrals when it makes a tie, else None."""
    aantal = aantal_aangenomen(een, ander)
    return aantal if aantal >= DREMPEL else None


def verwijsbanden(organisaties=None) -> dict[tuple, int]:
    """Every tie from referrals as {(organisation id, organisation id): count}, pair sorted.

    ``organisaties`` (ids) limits it to pairs with both sides among them (a wijk, a gemeente).
    """
    rijen = _aangenomen().exclude(afzender_organisatie=F("service__organization"))
    if organisaties is not None:
        ids = organisaties if isinstance(organisaties, QuerySet) else list(organisaties)
        rijen = rijen.filter(afzender_organisatie__in=ids, service__organization__in=ids)
    paren: Counter = Counter()
    for rij in rijen.values("afzender_organisatie", "service__organization").annotate(
        n=Count("id")
    ):
        a, b = rij["afzender_organisatie"], rij["service__organization"]
        paren[(a, b) if str(a) < str(b) else (b, a)] += rij["n"]
    return {paar: n for paar, n in paren.items() if n >= DREMPEL}
