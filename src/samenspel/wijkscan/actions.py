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
