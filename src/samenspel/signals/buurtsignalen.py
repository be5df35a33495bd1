"""Which neighbourhood signals a netwerkhouder sees, and the counts per wijk and theme.

The counts are for analysts and feed the wijkscan's bouwsteen "vroegsignalering" (the code in
``directory/data/bouwstenen.json``; seed 003 l.807-810). They count signals, never people:
a signal has no person attached, and nothing below ``DREMPEL`` is shown as a number.
"""

from collections import defaultdict
from datetime import date, datetime

from django.db.models import Count, Q
from django.utils import timezone

from samenspel.accounts.models import Rol
from samenspel.signals.models import Buurtsignaal, Thema

VROEGSIGNALERING = "vroegsignalering"
DREMPEL = 3


def _binnen(codes) -> Q:
    # gemeente > wijk > buurt: a signal lies in an area when its buurt is it or lies below it.
    return (
        Q(buurt__code__in=codes)
        | Q(buurt__ouder__code__in=codes)
        | Q(buurt__ouder__ouder__code__in=codes)
    )


def voor_netwerkhouder(gebruiker):
    """The signals of the areas this user holds (a beheerder: all), newest first."""
    alle = Buurtsignaal.objects.select_related("buurt__ouder__ouder")
    if not gebruiker.is_authenticated:
        return alle.none()
    if gebruiker.rol == Rol.BEHEERDER:
        return alle
    if gebruiker.rol != Rol.NETWERKHOUDER:
        return alle.none()
    codes = list(gebruiker.gebieden.values_list("code", flat=True))
    return alle.filter(_binnen(codes))


def openbaar_in(wijk):
    """The signals of a wijk its senders allowed to be public."""
    return Buurtsignaal.objects.filter(buurt__ouder=wijk, openbaar=True).select_related("buurt")


def _in_gemeente_sinds(gemeente, sinds):
    # `sinds` a moment, or a day (from its start, local time).
    if isinstance(sinds, date) and not isinstance(sinds, datetime):
        sinds = timezone.make_aware(datetime(sinds.year, sinds.month, sinds.day))
    return Buurtsignaal.objects.filter(buurt__ouder__ouder=gemeente, ontvangen_op__gte=sinds)


def thema_tellingen(gemeente, sinds) -> dict[tuple[str, str], int]:
    """Number of neighbourhood signals per (wijk code, thema) in a gemeente since a moment.

    Raw counts; whoever shows them applies ``toon_telling`` (nothing below 3 as a number).
    """
    rijen = (
        _in_gemeente_sinds(gemeente, sinds)
        .values("buurt__ouder__code", "thema")
        .annotate(n=Count("id"))
    )
    return {(r["buurt__ouder__code"], r["thema"]): r["n"] for r in rijen}


def per_gebied(gemeente, sinds) -> dict[str, int]:
    """Number of neighbourhood signals since a moment per area code: each buurt, each wijk and
    the gemeente itself. One query. Raw counts, for the wijkscan's bouwsteen
    ``VROEGSIGNALERING``; whoever shows them applies ``toon_telling``.
    """
    rijen = (
        _in_gemeente_sinds(gemeente, sinds)
        .values("buurt__code", "buurt__ouder__code")
        .annotate(n=Count("id"))
    )
    tellingen: dict[str, int] = defaultdict(int)
    for r in rijen:
        for code in (r["buurt__code"], r["buurt__ouder__code"], gemeente.code):
            tellingen[code] += r["n"]
    return dict(tellingen)


def toon_telling(n: int):
    """A count as it may be shown: the number from 3 on, otherwise None ("minder dan 3")."""
    return n if n >= DREMPEL else None


def kwartaal(moment) -> str:
    moment = timezone.localtime(moment)
    return f"{moment.year}-K{(moment.month - 1) // 3 + 1}"


def kwartaaltabel(gemeente, sinds=None):
    """Per wijk × thema × kwartaal the shown counts: (kwartalen, rows of (wijk, thema, cells))."""
    signalen = Buurtsignaal.objects.filter(buurt__ouder__ouder=gemeente)
    if sinds is not None:
        signalen = signalen.filter(ontvangen_op__gte=sinds)
    tellingen: dict = defaultdict(int)
    wijken = {}
    for s in signalen.select_related("buurt__ouder").only(
        "thema", "ontvangen_op", "buurt__ouder__code", "buurt__ouder__naam"
    ):
        wijk = s.buurt.ouder
        wijken[wijk.code] = wijk
        tellingen[(wijk.code, s.thema, kwartaal(s.ontvangen_op))] += 1
    kwartalen = sorted({k for (_w, _t, k) in tellingen})
    namen = dict(Thema.choices)
    rijen = []
    for code in sorted(wijken, key=lambda c: wijken[c].naam):
        for thema in sorted({t for (w, t, _k) in tellingen if w == code}):
            cellen = [(k, toon_telling(tellingen.get((code, thema, k), 0))) for k in kwartalen]
            rijen.append({"wijk": wijken[code], "thema": namen.get(thema, thema), "cellen": cellen})
    return kwartalen, rijen
