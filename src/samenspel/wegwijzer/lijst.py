"""The persoonlijke wegwijzer: a short list of listings someone takes along.

Seed 000, l.405–411: "REAKT heeft het doorsturen van wijkbewoners geformaliseerd met het
project ‘Kijk op de Wijk’, waarbij cliënten een strippenkaart krijgen met daarop allerlei
projecten in de wijk en de opdracht krijgen om bij verschillende projecten langs te gaan. Op
deze strippenkaart staan locaties van de welzijnsaanbieder, maar ook van informele
wijkpartijen." A professional, or a resident without an account, puts 2 to 8 listings on one;
it prints on one A4 page or travels as a link.

Nothing about who made a wegwijzer is kept: the list lives in its link
(``/wegwijzer/?aanbod=<id>&aanbod=<id>``) and, while someone composes it, in a cookie in their
own browser holding listing ids only. So there is no server state to change and no history row
to write; the rules below are pure.

A wegwijzer is handed to a resident, so it holds only what every resident may see (like the
wijkwijzer), whoever composes it or opens its link.
"""

import uuid
from dataclasses import dataclass, field

from django.urls import reverse
from django.utils.http import urlencode

from samenspel.directory.models import Service
from samenspel.wegwijzer import papier

MINIMAAL = 2
MAXIMAAL = 8
COOKIE = "wegwijzer"
PARAMETER = "aanbod"


def _als_id(waarde) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(waarde).strip())
    except (ValueError, AttributeError):
        return None


def lees(waarden) -> list[str]:
    """Distinct non-empty values in their order (a link may repeat an id; it counts once)."""
    return list(dict.fromkeys(w.strip().lower() for w in waarden if w and w.strip()))


def uit_cookie(request) -> list[str]:
    return lees(request.COOKIES.get(COOKIE, "").split(","))[:MAXIMAAL]


def als_cookie(ids: list[str]) -> str:
    return ",".join(ids)


def zichtbaar(waarde) -> Service | None:
    """The listing with this id if everyone may see it now, else None (also for bad ids)."""
    pk = _als_id(waarde)
    if pk is None:
        return None
    return Service.objects.zichtbaar_voor(None).filter(pk=pk).first()


def geldig(ids: list[str]) -> list[str]:
    """The ids of a list that everyone may still see, in their order."""
    pks = [pk for pk in (_als_id(i) for i in ids) if pk is not None]
    zichtbaar = set(
        Service.objects.zichtbaar_voor(None).filter(pk__in=pks).values_list("pk", flat=True)
    )
    return [str(pk) for pk in pks if pk in zichtbaar]


def pad(ids) -> str:
    """The link of a wegwijzer: its listing ids in the address, nothing else."""
    return reverse("wegwijzer:wegwijzer") + "?" + urlencode({PARAMETER: list(ids)}, doseq=True)


@dataclass
class Wegwijzer:
    aanbod: list = field(default_factory=list)
    gevraagd: int = 0  # distinct ids asked for
    weggelaten: int = 0  # ids that are unknown, stopped, or not for everyone

    @property
    def te_veel(self) -> bool:
        return self.gevraagd > MAXIMAAL

    @property
    def te_weinig(self) -> bool:
        return len(self.aanbod) < MINIMAAL

    @property
    def compleet(self) -> bool:
        return not self.te_veel and not self.te_weinig

    @property
    def ids(self) -> list[str]:
        return [str(s.pk) for s in self.aanbod]


def maak(waarden) -> Wegwijzer:
    """The wegwijzer for these ids, as everyone may see it; over the limit, none at all."""
    waarden = lees(waarden)
    if len(waarden) > MAXIMAAL:
        return Wegwijzer(gevraagd=len(waarden))
    ids = [pk for pk in (_als_id(w) for w in waarden) if pk is not None]
    gevonden = Service.objects.zichtbaar_voor(None).select_related("organization").in_bulk(ids)
    aanbod = papier.laad([gevonden[pk] for pk in dict.fromkeys(ids) if pk in gevonden])
    return Wegwijzer(aanbod=aanbod, gevraagd=len(waarden), weggelaten=len(waarden) - len(aanbod))


def zet_erop(ids: list[str], service: Service) -> tuple[list[str], str]:
    """Add a listing; returns the new list and what happened: erop, al, vol."""
    pk = str(service.pk)
    if pk in ids:
        return ids, "al"
    if len(ids) >= MAXIMAAL:
        return ids, "vol"
    return [*ids, pk], "erop"


def haal_eraf(ids: list[str], waarde: str) -> list[str]:
    return [i for i in ids if i != str(waarde).strip()]
