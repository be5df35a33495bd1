"""Every change to a wijkscan, each with its row in the log (`models.Gebeurtenis`)."""

from django.db import transaction

from samenspel.wijkscan.models import Gebeurtenis, Scaninstelling, Voorval


def _log(gemeente, soort, door, **wat) -> Gebeurtenis:
    return Gebeurtenis.objects.create(
        gemeente=gemeente,
        soort=soort,
        door=door if door is not None and door.is_authenticated else None,
        wat=wat,
    )


def instelling_van(gemeente) -> Scaninstelling:
    """The gemeente's settings, the defaults when it never changed one (not saved then)."""
    return Scaninstelling.objects.filter(gemeente=gemeente).first() or Scaninstelling(
        gemeente=gemeente
    )


@transaction.atomic
def zet_matrix_openbaar(gemeente, openbaar: bool, door) -> Scaninstelling:
    instelling, _ = Scaninstelling.objects.get_or_create(gemeente=gemeente)
    if instelling.matrix_openbaar != openbaar:
        instelling.matrix_openbaar = openbaar
        instelling.save(update_fields=["matrix_openbaar"])
        _log(gemeente, Voorval.MATRIX_OPENBAAR if openbaar else Voorval.MATRIX_BESLOTEN, door)
    return instelling


# Uitvoer: the matrix as it stood on a date (the trend).


@transaction.atomic
def leg_stand_vast(gemeente, door, vandaag=None) -> int:
    """Record the matrix of `gemeente` for today: one `Stand` per area × bouwsteen.

    Counted as the public sees the kaart (an anonymous viewer), so a nightly run and a button
    give the same numbers and a trend shows nothing a public matrix would not. Idempotent for
    one date: a second run replaces that date's rows, and writes a log row only when a number
    changed. Returns the number of rows of that date.
    """
    from django.contrib.auth.models import AnonymousUser
    from django.utils import timezone

    from samenspel.wijkscan.matrix import matrix
    from samenspel.wijkscan.models import Stand

    vandaag = vandaag or timezone.localdate()
    nu = matrix(gemeente, AnonymousUser(), vandaag)
    nieuw = {
        (cel.gebied, cel.bouwsteen): {veld: getattr(cel, veld) for veld in Stand.GETALLEN}
        for rij in nu.rijen()
        for cel in rij.cellen
    }
    bestaand = Stand.objects.filter(gemeente=gemeente, datum=vandaag)
    oud = {
        (s["gebied_id"], s["bouwsteen"]): {veld: s[veld] for veld in Stand.GETALLEN}
        for s in bestaand.values("gebied_id", "bouwsteen", *Stand.GETALLEN)
    }
    if oud == nieuw:
        return len(nieuw)
    opnieuw = bool(oud)
    bestaand.delete()
    Stand.objects.bulk_create(
        Stand(gemeente=gemeente, gebied_id=gebied, bouwsteen=term, datum=vandaag, **getallen)
        for (gebied, term), getallen in nieuw.items()
    )
    _log(
        gemeente,
        Voorval.STAND_VASTGELEGD,
        door,
        datum=vandaag.isoformat(),
        rijen=len(nieuw),
        opnieuw=opnieuw,
    )
    return len(nieuw)
