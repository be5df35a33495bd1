"""Referral acceptance and response time per area × bouwsteen, as aggregates only.

The figures and the rule for when they may be shown are those of `referrals.cijfers`: read
from the anonymous event log, never from a resident's fields, and only from
`cijfers.MIN_AANTAL` (3) referrals on, because with fewer a figure could point at one person.
A referral belongs to the buurt it was sent in (`Verwijzing.gebied`, kept stable when the
listing moves), as in `cijfers.per_gebied`, and to each bouwsteen of its listing.
"""

from collections import defaultdict

from samenspel.areas.models import Gebied, Niveau
from samenspel.directory.models import Service
from samenspel.referrals import cijfers
from samenspel.referrals.models import Verwijzing
from samenspel.wijkscan.aanbod import bouwstenen_per_aanbod, gebieden_van


def verwijzingen(
    gemeente: Gebied, gebieden: list[Gebied] | None = None
) -> dict[tuple[str, str], cijfers.Cijfers]:
    """(area code, bouwsteen code) → the referral figures, only where there are enough.

    A cell with fewer than `cijfers.MIN_AANTAL` referrals is absent, so no caller can show
    its count by mistake. Five queries (the areas, the event log, the first meetings, where
    each referral went, the bouwstenen), whatever the number of referrals; four when the
    caller has the gemeente's areas already (`gebieden_van`).
    """
    gebieden = {g.code: g for g in (gebieden_van(gemeente) if gebieden is None else gebieden)}
    buurten = [c for c, g in gebieden.items() if g.niveau == Niveau.BUURT]
    gestuurd = Verwijzing.objects.filter(gebied__in=buurten)
    # The event log is read the way `cijfers` reads it for a service or an area.
    verlopen = cijfers.verlopen_per_verwijzing(gestuurd)
    waar = {
        pk: (buurt, service)
        for pk, buurt, service in gestuurd.values_list("pk", "gebied_id", "service_id")
    }
    termen = bouwstenen_per_aanbod(Service.objects.filter(verwijzingen__in=gestuurd))
    groepen: dict[tuple[str, str], list] = defaultdict(list)
    for vid, verloop in verlopen.items():
        buurt, service = waar[vid]
        keten = {buurt, gebieden[buurt].ouder_id, gemeente.code} & set(gebieden)
        for term in termen.get(service, ()):
            for code in keten:
                groepen[(code, term)].append(verloop)
    uitkomst = {}
    for sleutel, groep in groepen.items():
        telling = cijfers.tel(groep)
        if telling.genoeg:
            uitkomst[sleutel] = telling
    return uitkomst
