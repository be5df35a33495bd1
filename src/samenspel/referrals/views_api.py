"""A thin JSON adapter over the same rules as the pages.

Every referral goes out through toegang.weergave, so the resident's feedback choice holds
here exactly as on the pages; every referral returned is a logged view.
"""

from collections import defaultdict

from django.http import JsonResponse
from django.views.decorators.cache import never_cache

from samenspel.privacy import audit
from samenspel.privacy.models import Actie, Kanaal
from samenspel.referrals import cijfers
from samenspel.referrals.models import Verwijzing
from samenspel.referrals.pagina import leg_inzage_vast
from samenspel.referrals.toegang import partij_van, weergave


def _fout(status: int, tekst: str) -> JsonResponse:
    return JsonResponse({"fout": tekst}, status=status)


def _gerelateerd(qs):
    return qs.select_related(
        "service__organization", "toestemming", "afzender", "afzender_organisatie"
    ).prefetch_related("gebeurtenissen", "kennismakingen")


@never_cache
def lijst(request):
    """GET /verwijzingen/api/: the referrals you sent or your organisation received."""
    if not request.user.is_authenticated:
        return _fout(401, "inloggen nodig")
    gebruiker = request.user
    qs = Verwijzing.objects.filter(afzender=gebruiker)
    if gebruiker.organisatie_id:
        qs = qs | Verwijzing.objects.ontvangen_door(gebruiker.organisatie_id)
    uitkomst, inzage = [], defaultdict(list)
    for v in _gerelateerd(qs.distinct())[:200]:
        partij = partij_van(v, gebruiker, Kanaal.API)
        if partij is None:
            continue
        if not v.is_plekvraag:
            inzage[partij.rol].append(v)
        uitkomst.append(weergave(v, partij).als_dict())
    for rol, verwijzingen in inzage.items():
        audit.leg_vast_veel(Actie.BEKEKEN, verwijzingen, gebruiker.get_username(), rol, Kanaal.API)
    return JsonResponse({"verwijzingen": uitkomst})


@never_cache
def detail(request, pk):
    """GET /verwijzingen/api/<id>/: one referral as you may see it."""
    if not request.user.is_authenticated:
        return _fout(401, "inloggen nodig")
    v = _gerelateerd(Verwijzing.objects.filter(pk=pk)).first()
    partij = partij_van(v, request.user, Kanaal.API) if v else None
    if partij is None:
        return _fout(404, "niet gevonden")
    leg_inzage_vast(v, partij)
    return JsonResponse(weergave(v, partij).als_dict())


@never_cache
def cijfers_api(request):
    """GET /verwijzingen/api/cijfers/: figures per area, without personal data."""
    if not request.user.is_authenticated:
        return _fout(401, "inloggen nodig")
    if not request.user.is_professional:
        return _fout(403, "geen toegang")
    return JsonResponse(
        {
            "minimum_aantal": cijfers.MIN_AANTAL,
            "gebieden": [
                {
                    "code": g.gebied.code,
                    "naam": g.gebied.naam,
                    "niveau": g.gebied.niveau,
                    **g.cijfers.als_dict(),
                }
                for g in cijfers.per_gebied()
            ],
        }
    )
