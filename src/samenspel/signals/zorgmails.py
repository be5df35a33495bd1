"""E-mails about a worry: never its content, only that there is one and where to look."""

from django.contrib.auth import get_user_model
from django.urls import reverse

from samenspel.core import mail
from samenspel.signals.toegang import TEAMROLLEN


def team_adressen(team) -> list[str]:
    """The team's own address and its staff's, once each."""
    adressen = [team.email] if team.email else []
    adressen += list(
        get_user_model()
        .objects.filter(organisatie=team, rol__in=TEAMROLLEN, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
    )
    gezien, uniek = set(), []
    for adres in adressen:
        if adres.strip().lower() not in gezien:
            gezien.add(adres.strip().lower())
            uniek.append(adres)
    return uniek


def inbox_link(team) -> str:
    return mail.absoluut(reverse("signals:zorg_inbox", args=[team.pk]))


def nieuwe_zorg(melding) -> None:
    mail.verstuur(
        "signalen_zorg_team",
        team_adressen(melding.team),
        {"melding": melding, "link": inbox_link(melding.team)},
    )


def link_aan_melder(melding, adres: str, link: str) -> None:
    mail.verstuur("signalen_zorg_link", [adres], {"melding": melding, "link": link})


def herinnering(team, meldingen, werkdagen: int) -> None:
    mail.verstuur(
        "signalen_zorg_herinnering",
        team_adressen(team),
        {"meldingen": meldingen, "werkdagen": werkdagen, "link": inbox_link(team)},
    )
