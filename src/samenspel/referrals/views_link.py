"""Answering without an account: the pages behind the links in the receiving service's e-mail.

Mail scanners open every link in an e-mail, so a GET never changes anything. A "one-click"
link such as ``?keuze=aannemen`` opens a short page with that answer already selected and
one button that POSTs.
"""

from django.shortcuts import render

from samenspel.core import limits
from samenspel.referrals import actions, links
from samenspel.referrals.pagina import persoonlijk, toon, verwerk
from samenspel.referrals.toegang import via_emaillink
from samenspel.referrals.views import _ontvangst

NIEUWE_LINK_MAX_PER_UUR = 3


def _link_ongeldig(request, fout: links.LinkOngeldig):
    return render(
        request,
        "referrals/link_ongeldig.html",
        {"verlopen": fout.verlopen, "dagen": links.geldigheid().days},
        status=400 if fout.verlopen else 403,
    )


@persoonlijk
def antwoord(request, pk, token):
    try:
        v = links.controleer_antwoord(token, pk)
    except links.LinkOngeldig as fout:
        if fout.verlopen and fout.verwijzing is not None and request.method == "POST":
            return _nieuwe_link(request, fout.verwijzing)
        return _link_ongeldig(request, fout)
    partij = via_emaillink(v)
    if request.method == "POST":
        return verwerk(request, v, partij, request.path, link_modus=True)
    return toon(request, v, partij, link_modus=True)


def _nieuwe_link(request, v):
    """An authentic but expired link: a fresh one goes to the address on file."""
    # Per referral, whoever asks: the mail goes to the service's address on file.
    if not limits.over_limit(request, "antwoordlink", NIEUWE_LINK_MAX_PER_UUR, key=str(v.pk)):
        actions.stuur_nieuwe_antwoordlink(v)
    return render(request, "referrals/nieuwe_link_verstuurd.html", {"service": v.service})


def ontvangst_link(request, pk, token):
    try:
        service = links.controleer_ontvangst(token, pk)
    except links.LinkOngeldig as fout:
        return _link_ongeldig(request, fout)
    return _ontvangst(request, service, terug=request.path, met_adres=False)
