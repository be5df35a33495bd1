"""The summary of a round of local judgement, and the latest summary per wijk and bouwsteen.

The middle value is the median on the scale afwezig < onvoldoende < voldoende < sterk; with
an even number of answers and two different middle judgements, the lower one counts, so a
gap is not hidden by rounding up. "Weet ik niet" is no judgement: it is counted apart and
not in the distribution or the middle value.
"""

from dataclasses import dataclass, field
from datetime import date

from samenspel.wijkscan.models.oordeel import NIVEAUS, WEET_NIET, Oordeelronde


@dataclass(frozen=True)
class Samenvatting:
    niveau: str | None
    aantal: int
    gesloten_op: date | None = None
    verdeling: dict[str, int] = field(default_factory=dict)
    weet_niet: int = 0

    def als_dict(self) -> dict:
        return {
            "niveau": self.niveau,
            "aantal": self.aantal,
            "verdeling": dict(self.verdeling),
            "weet_niet": self.weet_niet,
        }

    @classmethod
    def uit_dict(cls, gegevens: dict, gesloten_op: date | None = None) -> "Samenvatting":
        return cls(
            niveau=gegevens.get("niveau"),
            aantal=int(gegevens.get("aantal", 0)),
            gesloten_op=gesloten_op,
            verdeling={n: int(gegevens.get("verdeling", {}).get(n, 0)) for n in NIVEAUS},
            weet_niet=int(gegevens.get("weet_niet", 0)),
        )

    def deel(self, niveau: str) -> int:
        """Per cent of the counted answers with this judgement (shown beside the count)."""
        return round(100 * self.verdeling.get(niveau, 0) / self.aantal) if self.aantal else 0


def middelste(niveaus: list[str]) -> str | None:
    """The median judgement (the lower of two middles); None when there is none."""
    rangen = sorted(NIVEAUS.index(n) for n in niveaus if n in NIVEAUS)
    if not rangen:
        return None
    return NIVEAUS[rangen[(len(rangen) - 1) // 2]]


def vat_samen(niveaus: list[str], gesloten_op: date | None = None) -> Samenvatting:
    geteld = [n for n in niveaus if n in NIVEAUS]
    return Samenvatting(
        niveau=middelste(geteld),
        aantal=len(geteld),
        gesloten_op=gesloten_op,
        verdeling={n: geteld.count(n) for n in NIVEAUS},
        weet_niet=sum(1 for n in niveaus if n == WEET_NIET),
    )


def samenvattingen(ronde: Oordeelronde) -> dict[str, Samenvatting]:
    """Per bouwsteen code: the kept summary of a closed round, the running one of an open one."""
    gesloten = ronde.gesloten_op.date() if ronde.gesloten_op else None
    if not ronde.open:
        return {code: Samenvatting.uit_dict(s, gesloten) for code, s in ronde.samenvatting.items()}
    from samenspel.wijkscan.models import Oordeel

    per_bouwsteen: dict[str, list[str]] = {}
    for code, niveau in Oordeel.objects.filter(uitnodiging__ronde=ronde).values_list(
        "bouwsteen__code", "niveau"
    ):
        per_bouwsteen.setdefault(code, []).append(niveau)
    return {code: vat_samen(n) for code, n in per_bouwsteen.items()}


def laatste_oordelen(gemeente) -> dict[tuple[str, str], Samenvatting]:
    """(wijk code, bouwsteen code) -> the summary of the latest closed round of that wijk.

    Only closed rounds count; a bouwsteen that nobody judged in that round (all "weet ik
    niet", or no answer) is left out, so every value has a ``niveau``.
    """
    rondes = (
        Oordeelronde.objects.filter(gemeente=gemeente, gesloten_op__isnull=False)
        .order_by("wijk_id", "-gesloten_op", "-id")
        .only("wijk_id", "gesloten_op", "samenvatting")
    )
    uitkomst: dict[tuple[str, str], Samenvatting] = {}
    gezien: set[str] = set()
    for ronde in rondes:
        if ronde.wijk_id in gezien:
            continue
        gezien.add(ronde.wijk_id)
        for code, gegevens in ronde.samenvatting.items():
            samenvatting = Samenvatting.uit_dict(gegevens, ronde.gesloten_op.date())
            if samenvatting.niveau is not None:
                uitkomst[(ronde.wijk_id, code)] = samenvatting
    return uitkomst
