"""Every change in signalen, each with its row in the log (`models.Gebeurtenis`)."""

from samenspel.signals.models import Gebeurtenis


def _log(soort, gemeente=None, door=None, **wat) -> Gebeurtenis:
    return Gebeurtenis.objects.create(
        soort=soort,
        gemeente=gemeente,
        door=door if door is not None and door.is_authenticated else None,
        wat=wat,
    )
