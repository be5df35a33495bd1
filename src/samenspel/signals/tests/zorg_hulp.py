"""Building routing rules and worries in the signal world, through the app's own actions."""

from samenspel.signals import actions
from samenspel.signals.models import Routeregel, Soort

WAT = "De post stapelt zich op en de gordijnen blijven dicht."


def regels(wereld):
    """Overvecht's worries go to the wijkteam; the rest of Utrecht to Buurtteam Zuid; worries
    about housing to the corporatie (the wrong path for a worry about a person)."""
    gemeente, wijk = wereld["gemeente"], wereld["wijk"]
    wijkregel, _ = Routeregel.objects.get_or_create(
        gemeente=gemeente, wijk=wijk, soort=Soort.ZORG, defaults={"team": wereld["wijkteam"]}
    )
    Routeregel.objects.get_or_create(
        gemeente=gemeente, wijk=None, soort=Soort.ZORG, defaults={"team": wereld["ander_team"]}
    )
    Routeregel.objects.get_or_create(
        gemeente=gemeente, wijk=None, soort=Soort.WONEN, defaults={"team": wereld["corporatie"]}
    )
    return wijkregel


def zorg(wereld, soort=Soort.ZORG, **extra):
    """A worry about someone in Zambesidreef, passed on by an anonymous signaller."""
    regels(wereld)
    from samenspel.signals.routering import team_voor

    gegevens = {
        "buurt": wereld["buurt"],
        "soort": soort,
        "wat": WAT,
        "straat": "Zambesidreef",
        "huisnummer": "12",
        "contact": "06 1234 5678",
        **extra,
    }
    return actions.zorg_doorgeven(regel=team_voor(wereld["buurt"], soort), **gegevens)
