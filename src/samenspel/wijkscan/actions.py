"""Every change to a wijkscan, each with its row in the log (`models.Gebeurtenis`)."""

from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.utils import timezone

from samenspel.areas.cijfers import FIGUREN
from samenspel.directory.models import TaxonomyTerm
from samenspel.wijkscan.criteria import criteria_van, standaard
from samenspel.wijkscan.matrix import matrix
from samenspel.wijkscan.models import (
    Actie,
    Actiestatus,
    Afschalen,
    Criteriumkeuze,
    Draagformule,
    Draagsoort,
    Gebeurtenis,
    Oordeel,
    Oordeelronde,
    Scaninstelling,
    Stand,
    Uitnodiging,
    Verwachtingsformule,
    Verwachtingsinstelling,
    Voorval,
    Wijkkennis,
)
from samenspel.wijkscan.oordelen import samenvattingen


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

    return {k: float(v) for k, v in gewichten.items() if k in FIGUREN and v}


@transaction.atomic
def zet_gewichten(gemeente, bouwsteen, gewichten: dict, door):
    """The gemeente's own weights for a bouwsteen (numbers ≥ 0, at least one above 0)."""

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

    oud = Verwachtingsformule.objects.filter(gemeente=gemeente, bouwsteen=bouwsteen).first()
    if oud is None:
        return False
    oud.delete()
    _log(gemeente, Voorval.GEWICHTEN_STANDAARD, door, bouwsteen=bouwsteen.code, oud=oud.gewichten)
    return True


@transaction.atomic
def zet_marge(gemeente, marge: int, door):

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

    oud = Draagformule.objects.filter(gemeente=gemeente, soort=soort).first()
    if oud is None:
        return False
    oud.delete()
    _log(gemeente, Voorval.DRAAGFORMULE_STANDAARD, door, draag=soort, oud=oud.gewichten)
    return True


def wijkkennis_van(gemeente, gebied, bouwsteen):
    """Every version of what professionals know of an area × bouwsteen, newest first."""

    return Wijkkennis.objects.filter(gemeente=gemeente, gebied=gebied, bouwsteen=bouwsteen)


@transaction.atomic
def leg_wijkkennis_vast(gemeente, gebied, bouwsteen, tekst: str, door, afschalen="", reden=""):
    """A new version of the wijkkennis; the old ones stay as history. Nothing new, no row."""

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


# --- oordeel: the gemeente's criteria, and rounds of local judgement (issue 12, item 4).


class Geweigerd(Exception):
    """A change that cannot be made now; the message says why, in plain words."""


@transaction.atomic
def bewaar_criteria(
    gemeente, bouwsteen, teksten: dict, verborgen: set, eigen: dict, nieuw: tuple | None, door
) -> None:
    """Store a gemeente's changes to one bouwsteen's criteria.

    ``teksten``: default key -> text (the default text or empty means: no change);
    ``verborgen``: default keys to hide; ``eigen``: pk of an own criterion -> its new text
    (empty removes it); ``nieuw``: (text, soort) of a criterion to add, or None.
    """

    gewijzigd = 0
    for c in standaard(bouwsteen.code):
        tekst = (teksten.get(c.sleutel) or "").strip()
        tekst = "" if tekst == str(c.tekst) else tekst
        verberg = c.sleutel in verborgen
        keuze = Criteriumkeuze.objects.filter(
            gemeente=gemeente, bouwsteen=bouwsteen, standaard=c.sleutel
        ).first()
        if not tekst and not verberg:
            if keuze is not None:
                keuze.delete()
                gewijzigd += 1
            continue
        if keuze is None:
            keuze = Criteriumkeuze(
                gemeente=gemeente, bouwsteen=bouwsteen, standaard=c.sleutel, soort=c.soort
            )
        if keuze.pk is None or keuze.tekst != tekst or keuze.verborgen != verberg:
            keuze.tekst, keuze.verborgen = tekst, verberg
            keuze.save()
            gewijzigd += 1
    for keuze in Criteriumkeuze.objects.filter(
        gemeente=gemeente, bouwsteen=bouwsteen, standaard=""
    ):
        if keuze.pk not in eigen:
            continue
        tekst = (eigen[keuze.pk] or "").strip()
        if not tekst:
            keuze.delete()
            gewijzigd += 1
        elif tekst != keuze.tekst:
            keuze.tekst = tekst
            keuze.save(update_fields=["tekst"])
            gewijzigd += 1
    if nieuw is not None and nieuw[0].strip():
        Criteriumkeuze.objects.create(
            gemeente=gemeente, bouwsteen=bouwsteen, tekst=nieuw[0].strip(), soort=nieuw[1]
        )
        gewijzigd += 1
    if gewijzigd:
        _log(
            gemeente,
            Voorval.CRITERIA_GEWIJZIGD,
            door,
            bouwsteen=bouwsteen.code,
            wijzigingen=gewijzigd,
        )


@transaction.atomic
def start_oordeelronde(wijk, door):
    """Open a round for a wijk, with the criteria the gemeente uses now (kept with the round)."""

    gemeente = wijk.gemeente
    if (
        Oordeelronde.objects.select_for_update()
        .filter(wijk=wijk, gesloten_op__isnull=True)
        .exists()
    ):
        raise Geweigerd("Voor deze wijk loopt al een ronde. Sluit die eerst.")
    criteria = {
        b.code: [c.als_dict() for c in criteria_van(gemeente, b)]
        for b in TaxonomyTerm.objects.bouwstenen()
    }
    ronde = Oordeelronde.objects.create(
        gemeente=gemeente,
        wijk=wijk,
        gestart_op=timezone.now(),
        gestart_door=door if door is not None and door.is_authenticated else None,
        criteria=criteria,
    )
    _log(gemeente, Voorval.RONDE_GESTART, door, wijk=wijk.code, ronde=ronde.pk)
    return ronde


@transaction.atomic
def nodig_uit(ronde, label: str, soort: str, door):

    if not ronde.open:
        raise Geweigerd("Deze ronde is gesloten.")
    uitnodiging = Uitnodiging.objects.create(
        ronde=ronde, label=label.strip(), soort=soort, aangemaakt=timezone.now()
    )
    _log(
        ronde.gemeente,
        Voorval.PARTNER_UITGENODIGD,
        door,
        wijk=ronde.wijk_id,
        ronde=ronde.pk,
        uitnodiging=uitnodiging.pk,
        partner=soort,
    )
    return uitnodiging


@transaction.atomic
def geef_oordeel(uitnodiging, antwoorden: dict) -> None:
    """Store a partner's judgements: bouwsteen term -> (niveau, onderbouwing, criteria keys).

    Replaces the partner's earlier answer; refused once the round is closed. A bouwsteen left
    out of ``antwoorden`` is removed from the answer.
    """

    ronde = Oordeelronde.objects.select_for_update().get(pk=uitnodiging.ronde_id)
    if not ronde.open:
        raise Geweigerd("Deze ronde is gesloten. Je antwoord kan niet meer veranderen.")
    Oordeel.objects.filter(uitnodiging=uitnodiging).exclude(bouwsteen__in=list(antwoorden)).delete()
    for bouwsteen, (niveau, onderbouwing, criteria) in antwoorden.items():
        geldig = {c["sleutel"] for c in ronde.criteria.get(bouwsteen.code, [])}
        Oordeel.objects.update_or_create(
            uitnodiging=uitnodiging,
            bouwsteen=bouwsteen,
            defaults={
                "niveau": niveau,
                "onderbouwing": onderbouwing.strip(),
                "criteria": [c for c in criteria if c in geldig],
            },
        )
    uitnodiging.beantwoord_op = timezone.now()
    uitnodiging.save(update_fields=["beantwoord_op"])
    _log(
        ronde.gemeente,
        Voorval.OORDEEL_GEGEVEN,
        None,
        wijk=ronde.wijk_id,
        ronde=ronde.pk,
        uitnodiging=uitnodiging.pk,
        bouwstenen=len(antwoorden),
    )


@transaction.atomic
def sluit_oordeelronde(ronde, door):
    """Close a round: answers can no longer change, and its summary per bouwsteen is kept."""

    ronde = Oordeelronde.objects.select_for_update().get(pk=ronde.pk)
    if not ronde.open:
        return ronde
    ronde.samenvatting = {code: s.als_dict() for code, s in samenvattingen(ronde).items()}
    ronde.gesloten_op = timezone.now()
    ronde.save(update_fields=["samenvatting", "gesloten_op"])
    _log(
        ronde.gemeente,
        Voorval.RONDE_GESLOTEN,
        door,
        wijk=ronde.wijk_id,
        ronde=ronde.pk,
        antwoorden=ronde.uitnodigingen.filter(beantwoord_op__isnull=False).count(),
    )
    return ronde
