"""Verwijzen's part of a resident's AVG file and erasure (``privacy.rechten``).

The resident is known by their own link (``Bewoner``): every referral under it, with its
events, consent, introduction and who looked at it, is theirs.
"""

from django.utils.translation import gettext_lazy as _

from samenspel.privacy import rechten
from samenspel.privacy.models import Auditregel
from samenspel.referrals import actions
from samenspel.referrals.models import Bewoner
from samenspel.referrals.toegang import via_bewonerlink, weergave

UITLEG = _(
    "Je aanmeldingen en verwijzingen: bij welk aanbod, wat je vertelde, je toestemming, wat er "
    "gebeurde en wie je gegevens bekeek (het inzage-log)."
)


def verwijzingen(bewoner: Bewoner):
    return (
        bewoner.verwijzingen.select_related(
            "service__organization", "toestemming", "afzender", "afzender_organisatie"
        )
        .prefetch_related("gebeurtenissen", "kennismakingen")
        .order_by("aangemaakt", "id")
    )


def _inzage_log(v) -> list[dict]:
    return [
        {
            "wanneer": r.wanneer.isoformat(),
            "wie": r.wie,
            "als": r.get_partij_display(),
            "wat": r.get_actie_display(),
            "via": r.get_kanaal_display(),
        }
        for r in Auditregel.objects.voor(v).order_by("wanneer", "id")
    ]


def geef(bewoner: Bewoner) -> list[dict]:
    partij = via_bewonerlink()
    uit = []
    for v in verwijzingen(bewoner):
        gegevens = weergave(v, partij).als_dict()
        gegevens["inzage_log"] = _inzage_log(v)
        uit.append(gegevens)
    return uit


def wis(bewoner: Bewoner) -> int:
    """Withdraw every open consent (sharing stops, the receiving side hears it) and erase."""
    partij = via_bewonerlink()
    aantal = 0
    for v in verwijzingen(bewoner):
        al_gewist = v.is_gewist
        if v.toestemming is not None and v.toestemming.ingetrokken_op is None:
            v = actions.trek_toestemming_in(v, partij)
        actions.wis(v, partij)
        aantal += 0 if al_gewist else 1
    return aantal


def adressen(bewoner: Bewoner) -> list[str]:
    return [v.contact for v in bewoner.verwijzingen.exclude(contact="")]


def tel(bewoner: Bewoner) -> int:
    return bewoner.verwijzingen.filter(gewist_op__isnull=True).count()


def registreer() -> None:
    rechten.registreer(
        rechten.BEWONER,
        "verwijzingen",
        uitleg=UITLEG,
        geef=geef,
        wis=wis,
        adressen=adressen,
        tel=tel,
        modellen=(
            "referrals.Verwijzing",
            "referrals.Gebeurtenis",
            "referrals.Kennismaking",
        ),
    )
