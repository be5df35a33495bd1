"""The one referral page, shared by the sender, a logged-in receiver and the e-mail link.

It shows the referral through toegang.weergave (what this party may see), logs the view,
and handles the page's forms by calling actions. Every POST redirects back (so a refresh
does not post twice); a refused change shows its message and changes nothing.
"""

from functools import wraps

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from samenspel.privacy import audit
from samenspel.privacy.models import Actie
from samenspel.referrals import actions, forms
from samenspel.referrals.antwoorden import keuze, keuzes_voor
from samenspel.referrals.models import Terugkoppeling, Verwijzing
from samenspel.referrals.toegang import Betrokkene, huidige_kennismaking, weergave


def persoonlijk(view):
    """Pages with personal data: never cached, never indexed.

    Links to other sites carry no referrer already (SECURE_REFERRER_POLICY = same-origin), so
    a token in the address never leaks; "no-referrer" would also break the CSRF origin check.
    """

    @wraps(view)
    def omhuld(request, *args, **kwargs):
        antwoord = never_cache(view)(request, *args, **kwargs)
        antwoord["X-Robots-Tag"] = "noindex, nofollow"
        return antwoord

    return omhuld


def leg_inzage_vast(v: Verwijzing, partij: Betrokkene, actie: str = Actie.BEKEKEN) -> None:
    # An anonymous question holds nothing about a person; everything else is logged.
    if not v.is_plekvraag:
        audit.leg_vast(actie, v, partij.wie, partij.rol, partij.kanaal)


def _formulieren(v: Verwijzing, partij: Betrokkene, data=None, actie: str = "", initial=None):
    """The forms this party can use now; the one that was posted gets the data."""

    def met(naam, maak):
        return maak(data if actie == naam else None)

    f = {}
    if partij.is_ontvanger and keuzes_voor(v) and not v.is_gewist:
        f["antwoord"] = met(
            "antwoord",
            lambda d: forms.AntwoordFormulier(d, verwijzing=v, initial=initial or {}),
        )
    if partij.is_verwijzer and not v.is_afgesloten:
        f["intrekken"] = met("intrekken", forms.IntrekFormulier)
    kan_kennismaken = not (v.is_plekvraag or v.is_afgesloten or v.is_gewist or not v.is_gedeeld)
    if partij.is_verwijzer and v.terugkoppeling == Terugkoppeling.NIETS:
        kan_kennismaken = False
    if kan_kennismaken and (partij.is_verwijzer or partij.is_ontvanger):
        f["kennismaking"] = met("kennismaking", forms.KennismakingFormulier)
    return f


def toon(request, v: Verwijzing, partij: Betrokkene, *, link_modus=False, status=200, **extra):
    data = request.POST if request.method == "POST" else None
    actie = request.POST.get("actie", "") if data is not None else ""
    initial = {}
    gekozen = request.GET.get("keuze", "")
    if gekozen and keuze(v, gekozen) in keuzes_voor(v):
        initial["keuze"] = gekozen
    formulieren = extra.pop("formulieren", None) or _formulieren(v, partij, data, actie, initial)
    leg_inzage_vast(v, partij)
    k = huidige_kennismaking(v)
    w = weergave(v, partij)
    context = {
        "v": v,
        "w": w,
        "partij": partij,
        "formulieren": formulieren,
        "keuzes": keuzes_voor(v),
        "gekozen": initial.get("keuze", ""),
        "kennismaking": k if w.kennismaking else None,
        "mag_bevestigen": _mag_bevestigen(k, partij) if w.kennismaking else False,
        "link_modus": link_modus,
        **extra,
    }
    return render(request, "referrals/verwijzing.html", context, status=status)


def _mag_bevestigen(k, partij: Betrokkene) -> bool:
    if k is None or k.is_bevestigd:
        return False
    if partij.is_verwijzer:
        return k.akkoord_verwijzer is None
    if partij.is_ontvanger:
        return k.akkoord_ontvanger is None
    return False


def verwerk(request, v: Verwijzing, partij: Betrokkene, terug: str, *, link_modus=False):
    """Handle one POST from the referral page."""
    actie = request.POST.get("actie", "")
    formulieren = _formulieren(v, partij, request.POST, actie)
    try:
        if actie == "bevestig_kennismaking":
            _gedaan, veranderd = actions.bevestig_kennismaking(v, partij)
            if veranderd:
                messages.success(request, _("Genoteerd: je komt naar de kennismaking."))
            else:
                messages.info(request, _("Dit had je al bevestigd."))
            return redirect(terug)
        gekozen = keuze(v, request.POST.get("keuze", "")) if actie == "antwoord" else None
        if gekozen is not None and gekozen not in keuzes_voor(v):
            # A second click, or a stale page: the same answer again changes nothing; an
            # answer that no longer fits the status is refused.
            if gekozen.naar == v.status:
                messages.info(request, _("Dit was al zo opgeslagen. Er is niets veranderd."))
                return redirect(terug)
            raise actions.OngeldigeStatusovergang(v, gekozen.naar)
        form = formulieren.get(actie)
        if form is None:
            raise actions.Geweigerd(_("Dit kan nu niet meer. Kijk hieronder hoe het nu staat."))
        if form.is_valid():
            data = form.cleaned_data
            if actie == "antwoord":
                _gedaan, veranderd = actions.antwoord(
                    v, partij, data["keuze"], data.get("reden", ""), data.get("notitie")
                )
                if veranderd:
                    messages.success(request, _("Opgeslagen. Dank je wel!"))
                else:
                    messages.info(request, _("Dit was al zo opgeslagen. Er is niets veranderd."))
            elif actie == "intrekken":
                actions.trek_in(v, partij, data["reden"])
                messages.success(request, _("De verwijzing is ingetrokken."))
            elif actie == "kennismaking":
                actions.stel_kennismaking_voor(v, partij, data["wanneer"], data["waar"])
                messages.success(request, _("Je voorstel is verstuurd. De ander bevestigt het."))
            return redirect(terug)
    except actions.Geweigerd as fout:
        messages.error(request, str(fout))
        return redirect(terug)
    v.refresh_from_db()
    return toon(request, v, partij, link_modus=link_modus, status=400, formulieren=formulieren)
