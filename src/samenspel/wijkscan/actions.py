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
