"""Every change to a wijkscan, each with its row in the log (`models.Gebeurtenis`)."""

from django.db import transaction
from django.utils import timezone

from samenspel.wijkscan.models import Actie, Actiestatus, Gebeurtenis, Scaninstelling, Voorval


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


# --- acties: the action list -------------------------------------------------------------


class ActieIsVervallen(ValueError):
    """A "vervallen" action is finished for good: it is neither changed nor reopened."""


def _beschrijf(actie) -> dict:
    """An action's fields in words, for the log: the owner by organisation name."""
    return {
        "gebied": actie.gebied.code,
        "bouwsteen": actie.bouwsteen.code,
        "wat": actie.wat,
        "eigenaar": actie.eigenaar.name if actie.eigenaar else "",
        "streefdatum": actie.streefdatum.isoformat(),
    }


@transaction.atomic
def maak_actie(gemeente, gegevens: dict, door) -> Actie:
    """A new open action from the form's cleaned data (gebied, bouwsteen, wat, eigenaar,
    streefdatum, and the gap it came from: gat_soort, gat_uitleg)."""
    actie = Actie.objects.create(
        gemeente=gemeente,
        gebied=gegevens["gebied"],
        bouwsteen=gegevens["bouwsteen"],
        wat=gegevens["wat"].strip(),
        eigenaar=gegevens["eigenaar"],
        streefdatum=gegevens["streefdatum"],
        gat_soort=gegevens.get("gat_soort") or "",
        gat_uitleg=(gegevens.get("gat_uitleg") or "").strip(),
    )
    _log(
        gemeente,
        Voorval.ACTIE_NIEUW,
        door,
        actie=actie.pk,
        status=actie.status,
        gat=actie.gat_soort,
        **_beschrijf(actie),
    )
    return actie


@transaction.atomic
def zet_actiestatus(actie, status: str, door) -> Actie:
    """Move an action to another status; the same status changes nothing, vervallen is final."""
    actie = Actie.objects.select_for_update().get(pk=actie.pk)
    if status not in Actiestatus.values:
        raise ValueError(status)
    if actie.status == status:
        return actie
    if actie.is_vervallen:
        raise ActieIsVervallen
    vorige = actie.status
    actie.status = status
    actie.gewijzigd = timezone.now()
    actie.save(update_fields=["status", "gewijzigd"])
    _log(actie.gemeente, Voorval.ACTIE_STATUS, door, actie=actie.pk, van=vorige, naar=status)
    return actie


@transaction.atomic
def bewerk_actie(actie, gegevens: dict, door) -> list[str]:
    """Change what, where, owner or date; logs old and new of each changed field."""
    actie = Actie.objects.select_for_update().get(pk=actie.pk)
    if actie.is_vervallen:
        raise ActieIsVervallen
    oud = _beschrijf(actie)
    for veld in ("gebied", "bouwsteen", "eigenaar", "streefdatum"):
        if veld in gegevens:
            setattr(actie, veld, gegevens[veld])
    if "wat" in gegevens:
        actie.wat = gegevens["wat"].strip()
    nieuw = _beschrijf(actie)
    gewijzigd = [veld for veld in oud if oud[veld] != nieuw[veld]]
    if gewijzigd:
        actie.gewijzigd = timezone.now()
        actie.save()
        _log(
            actie.gemeente,
            Voorval.ACTIE_BEWERKT,
            door,
            actie=actie.pk,
            velden={veld: [oud[veld], nieuw[veld]] for veld in gewijzigd},
        )
    return gewijzigd


def geschiedenis(actie):
    """The log rows of one action, oldest first."""
    return Gebeurtenis.objects.filter(gemeente=actie.gemeente, wat__actie=actie.pk)
