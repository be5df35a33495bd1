"""The e-mails of a referral. None of them holds the resident's name, contact or story.

E-mail gets forwarded, printed and kept for years; so each message says only which service,
which referral (a short reference) and what happened, with a link to a page where the party
sees the details (and that view is logged). The resident's feedback choice is applied here
through toegang.weergave, like everywhere else.
"""

from django.urls import reverse

from samenspel.core import mail
from samenspel.privacy.models import Kanaal, Partij
from samenspel.referrals import links
from samenspel.referrals.antwoorden import keuzes_voor
from samenspel.referrals.models import Ontvangst, Status, Verwijzing
from samenspel.referrals.toegang import Betrokkene, afzender_tekst, weergave


def _ontvanger_adres(v: Verwijzing) -> str:
    return Ontvangst.van(v.service).adres


def _detail_link(v: Verwijzing) -> str:
    return mail.absoluut(reverse("referrals:detail", args=[v.pk]))


def _ontvanger_context(v: Verwijzing) -> dict:
    return {
        "v": v,
        "service": v.service,
        "afzender": afzender_tekst(v),
        "bekijk_link": mail.absoluut(links.antwoord_pad(v)),
        "ontvangst_link": mail.absoluut(links.ontvangst_pad(v.service)),
        "dagen": links.geldigheid().days,
    }


def nieuwe_verwijzing(v: Verwijzing) -> None:
    """To the receiving service: one-click answers that open a page with one button."""
    adres = _ontvanger_adres(v)
    if not adres:
        return
    knoppen = [
        {"tekst": k.label, "link": mail.absoluut(links.antwoord_pad(v, k.naam))}
        for k in keuzes_voor(v)
        if k.naar != Status.ON_HOLD
    ]
    mail.verstuur("verwijzing_nieuw", [adres], {**_ontvanger_context(v), "knoppen": knoppen})


def status_aan_verwijzer(v: Verwijzing) -> None:
    """To the sender, only as far as the resident allows (nothing, status, status and note)."""
    if v.afzender is None or not v.afzender.email:
        return
    partij = Betrokkene(Partij.VERWIJZER, v.afzender.get_username(), Kanaal.PAGINA, v.afzender)
    w = weergave(v, partij)
    if w.status is None:
        return
    mail.verstuur(
        "verwijzing_status",
        [v.afzender.email],
        {
            "v": v,
            "w": w,
            "service": v.service,
            "link": _detail_link(v),
            "notitie_te_lezen": bool(w.notitie or w.reden),
        },
    )


def bewoner_link(v: Verwijzing, token: str) -> None:
    """To the resident (only when they chose e-mail): their own private link."""
    mail.verstuur(
        "bewoner_link",
        [v.contact],
        {
            "v": v,
            "service": v.service,
            "afzender": afzender_tekst(v),
            "link": mail.absoluut(links.bewoner_pad(token)),
            "toestemming_nodig": v.status == Status.DRAFT,
        },
    )


def ingetrokken_aan_ontvanger(v: Verwijzing) -> None:
    adres = _ontvanger_adres(v)
    if adres:
        mail.verstuur(
            "verwijzing_ingetrokken",
            [adres],
            {"v": v, "service": v.service, "door_bewoner": v.herkomst == "bewoner"},
        )


def kennismaking_voorgesteld(v: Verwijzing, k) -> None:
    """To the side that did not propose it, to confirm or suggest another time."""
    if k.voorgesteld_door == Partij.VERWIJZER:
        adres, link = _ontvanger_adres(v), mail.absoluut(links.antwoord_pad(v))
    else:
        adres = v.afzender.email if v.afzender else ""
        link = _detail_link(v)
    if adres:
        mail.verstuur(
            "kennismaking_voorstel",
            [adres],
            {"v": v, "k": k, "service": v.service, "link": link, "afzender": afzender_tekst(v)},
        )


def kennismaking_bevestigd(v: Verwijzing, k) -> None:
    ontvangers = [
        (_ontvanger_adres(v), mail.absoluut(links.antwoord_pad(v))),
        (v.afzender.email if v.afzender else "", _detail_link(v)),
    ]
    for adres, link in ontvangers:
        if adres:
            mail.verstuur(
                "kennismaking_bevestigd",
                [adres],
                {"v": v, "k": k, "service": v.service, "link": link},
            )


def nieuwe_antwoordlink(v: Verwijzing) -> None:
    adres = _ontvanger_adres(v)
    if adres:
        mail.verstuur("verwijzing_nieuwe_link", [adres], _ontvanger_context(v))
