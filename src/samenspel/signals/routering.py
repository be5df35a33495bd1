"""Which team receives which kind of worry for which buurt (issue 13, item 5).

A rule for the buurt's wijk wins; else the gemeente's fallback (a rule without a wijk);
else there is no receiver in Samenspel and the worry form is not offered.
"""

from samenspel.areas.models import Gebied, Niveau
from samenspel.signals.models import Routeregel


def team_voor(buurt: Gebied, soort: str) -> Routeregel | None:
    """The rule that decides where a worry of this kind about this buurt goes, or None."""
    if buurt is None or buurt.niveau != Niveau.BUURT:
        return None
    gemeente = buurt.gemeente
    regels = Routeregel.objects.select_related("team", "wijk", "gemeente").filter(
        gemeente=gemeente, soort=soort
    )
    wijk = buurt.wijk
    if wijk is not None:
        regel = regels.filter(wijk=wijk).first()
        if regel is not None:
            return regel
    return regels.filter(wijk=None).first()


def heeft_ontvanger(gemeente: Gebied | None) -> bool:
    """Has this gemeente any team in Samenspel that receives worries?"""
    return gemeente is not None and Routeregel.objects.filter(gemeente=gemeente).exists()


def gemeenten_met_ontvanger():
    return Gebied.objects.filter(niveau=Niveau.GEMEENTE, routeregels__isnull=False).distinct()
