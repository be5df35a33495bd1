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


# verwachting: the formula for expected supply, draagkracht and draaglast, and wijkkennis


def _schoon(gewichten: dict) -> dict:
    """Only known figures, weights as plain numbers, zeros left out."""
    from samenspel.areas.cijfers import FIGUREN

    return {k: float(v) for k, v in gewichten.items() if k in FIGUREN and v}


@transaction.atomic
def zet_gewichten(gemeente, bouwsteen, gewichten: dict, door):
    """The gemeente's own weights for a bouwsteen (numbers ≥ 0, at least one above 0)."""
    from samenspel.wijkscan.models import Verwachtingsformule

    gewichten = _schoon(gewichten)
    if not gewichten or any(v < 0 for v in gewichten.values()):
        raise ValueError("gewichten: getallen van 0 of meer, minstens één boven 0")
    oud = Verwachtingsformule.objects.filter(gemeente=gemeente, bouwsteen=bouwsteen).first()
    if oud is not None and oud.gewichten == gewichten:
        return oud
    formule, _ = Verwachtingsformule.objects.update_or_create(
        gemeente=gemeente, bouwsteen=bouwsteen, defaults={"gewichten": gewichten}
    )
    _log(
        gemeente,
        Voorval.GEWICHTEN,
        door,
        bouwsteen=bouwsteen.code,
        oud=oud.gewichten if oud else None,
        nieuw=gewichten,
    )
    return formule


@transaction.atomic
def gewichten_naar_standaard(gemeente, bouwsteen, door) -> bool:
    from samenspel.wijkscan.models import Verwachtingsformule

    oud = Verwachtingsformule.objects.filter(gemeente=gemeente, bouwsteen=bouwsteen).first()
    if oud is None:
        return False
    oud.delete()
    _log(gemeente, Voorval.GEWICHTEN_STANDAARD, door, bouwsteen=bouwsteen.code, oud=oud.gewichten)
    return True


@transaction.atomic
def zet_marge(gemeente, marge: int, door):
    from samenspel.wijkscan.models import Verwachtingsinstelling

    if not 0 <= int(marge) <= 100:
        raise ValueError("marge: een getal van 0 tot en met 100")
    instelling, _ = Verwachtingsinstelling.objects.get_or_create(gemeente=gemeente)
    if instelling.marge != int(marge):
        oud = instelling.marge
        instelling.marge = int(marge)
        instelling.save(update_fields=["marge"])
        _log(gemeente, Voorval.MARGE, door, oud=oud, nieuw=instelling.marge)
    return instelling


@transaction.atomic
def zet_draagformule(gemeente, soort: str, gewichten: dict, door):
    """Draagkracht or draaglast composed of figures with a signed weight (at least one ≠ 0)."""
    from samenspel.wijkscan.models import Draagformule, Draagsoort

    Draagsoort(soort)
    gewichten = _schoon(gewichten)
    if not gewichten:
        raise ValueError("gewichten: minstens één gewicht anders dan 0")
    oud = Draagformule.objects.filter(gemeente=gemeente, soort=soort).first()
    if oud is not None and oud.gewichten == gewichten:
        return oud
    formule, _ = Draagformule.objects.update_or_create(
        gemeente=gemeente, soort=soort, defaults={"gewichten": gewichten}
    )
    _log(
        gemeente,
        Voorval.DRAAGFORMULE,
        door,
        draag=soort,
        oud=oud.gewichten if oud else None,
        nieuw=gewichten,
    )
    return formule


@transaction.atomic
def draagformule_naar_standaard(gemeente, soort: str, door) -> bool:
    from samenspel.wijkscan.models import Draagformule

    oud = Draagformule.objects.filter(gemeente=gemeente, soort=soort).first()
    if oud is None:
        return False
    oud.delete()
    _log(gemeente, Voorval.DRAAGFORMULE_STANDAARD, door, draag=soort, oud=oud.gewichten)
    return True


def wijkkennis_van(gemeente, gebied, bouwsteen):
    """Every version of what professionals know of an area × bouwsteen, newest first."""
    from samenspel.wijkscan.models import Wijkkennis

    return Wijkkennis.objects.filter(gemeente=gemeente, gebied=gebied, bouwsteen=bouwsteen)


@transaction.atomic
def leg_wijkkennis_vast(gemeente, gebied, bouwsteen, tekst: str, door, afschalen="", reden=""):
    """A new version of the wijkkennis; the old ones stay as history. Nothing new, no row."""
    from samenspel.wijkscan.models import Afschalen, Wijkkennis

    Afschalen(afschalen)
    laatste = wijkkennis_van(gemeente, gebied, bouwsteen).first()
    nu = (tekst.strip(), afschalen, reden.strip())
    if laatste is not None and (laatste.tekst, laatste.afschalen, laatste.reden) == nu:
        return laatste
    if laatste is None and nu == ("", "", ""):
        return None
    kennis = Wijkkennis.objects.create(
        gemeente=gemeente,
        gebied=gebied,
        bouwsteen=bouwsteen,
        tekst=nu[0],
        afschalen=nu[1],
        reden=nu[2],
    )
    _log(
        gemeente,
        Voorval.WIJKKENNIS,
        door,
        gebied=gebied.code,
        bouwsteen=bouwsteen.code,
        afschalen=afschalen,
    )
    return kennis


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
