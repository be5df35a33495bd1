"""Every change to a wijkscan, each with its row in the log (`models.Gebeurtenis`)."""

from django.db import transaction
from django.utils import timezone

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
    from samenspel.wijkscan.criteria import standaard
    from samenspel.wijkscan.models import Criteriumkeuze

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
    from samenspel.directory.models import TaxonomyTerm
    from samenspel.wijkscan.criteria import criteria_van
    from samenspel.wijkscan.models import Oordeelronde

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
    from samenspel.wijkscan.models import Uitnodiging

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
    from samenspel.wijkscan.models import Oordeel, Oordeelronde

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
    from samenspel.wijkscan.models import Oordeelronde
    from samenspel.wijkscan.oordelen import samenvattingen

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
