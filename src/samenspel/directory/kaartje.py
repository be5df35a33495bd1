"""One listing in a list: its card, written in code rather than a template.

A search page shows twenty cards, and a card of a listing not seen before is made on the spot
(search/kaartjes.py keeps it afterwards). Through the template engine the cards took about a
quarter of such a page's time (profiled at 150,000 listings); written here, about a sixth,
with the same words, filters and markup. The organisation's page and the wijkwijzer use it
too (`{% aanbod_kaartje %}`), so a card looks the same everywhere.
"""

from django.template.defaultfilters import date, truncatewords
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from samenspel.core.templatetags.vertalen import vertaal
from samenspel.directory.models import Zichtbaarheid
from samenspel.directory.templatetags.kaart import afstand, tijden

_DATUM = "j F Y"


def html(service, *, kop: str = "h2", afstand_km=None, afstand_plek: str = "") -> SafeString:
    """The card of `service` (loaded by `vooraf_laden.voor_kaartjes` or `voor_lijst`).

    `kop`: its heading level. `afstand_km`: the distance to show, or None for none;
    `afstand_plek`: a mark written instead of the distance, filled in later."""
    kop = "h3" if kop == "h3" else "h2"
    organisatie = service.organization
    regel = [format_html("{}", organisatie.name)]
    if organisatie.sector:
        regel.append(
            format_html(
                ' · <span class="label label--{}">{}</span>',
                organisatie.sector,
                organisatie.get_sector_display(),
            )
        )
    if afstand_km is not None:
        regel.append(
            format_html(' · <span class="afstand">{}</span>', afstand_plek or afstand(afstand_km))
        )
    kenmerken = [vertaal(b.name) for b in service.bouwstenen]
    if service.gratis:
        kenmerken.append(_("gratis"))
    if service.inloop:
        kenmerken.append(_("vrije inloop"))
    if service.zichtbaarheid == Zichtbaarheid.PROFESSIONALS:
        kenmerken.append(_("alleen voor professionals"))
    return format_html(
        '<article class="kaartje" aria-labelledby="aanbod-{id}">\n'
        '  <{kop} id="aanbod-{id}"><a href="{url}">{naam}</a></{kop}>\n'
        '  <p class="zacht">{regel}</p>\n'
        "  <p>{omschrijving}</p>\n"
        '  <ul class="kenmerken" aria-label="{kenmerken_label}">{kenmerken}</ul>\n'
        "  {wanneer}\n"
        '  <p class="zacht">{bevestigd}</p>\n'
        "</article>",
        id=service.pk,
        kop=mark_safe(kop),  # noqa: S308  (one of two fixed values)
        url=service.get_absolute_url(),
        naam=service.name,
        regel=mark_safe("".join(regel)),  # noqa: S308  (each part escaped above)
        omschrijving=truncatewords(service.description, 32),
        kenmerken_label=_("Kenmerken"),
        kenmerken=format_html_join("", '<li class="label">{}</li>', ((k,) for k in kenmerken)),
        wanneer=_wanneer(service),
        bevestigd=_bevestigd(service),
    )


def _wanneer(service) -> SafeString:
    if service.zichtbaarheid == Zichtbaarheid.VIA_CONTACTPERSOON:
        return format_html(
            '<p>{} <a href="{}#contact">{}</a></p>',
            _("Alleen via een contactpersoon."),
            service.get_absolute_url(),
            _("Zo neem je contact op"),
        )
    tekst = tijden(service)
    if not tekst:
        return mark_safe("")
    label = _("Wanneer en waar:") if service.tijden_omschrijving else _("Wanneer:")
    return format_html("<p><strong>{}</strong> {}</p>", label, tekst)


def _bevestigd(service) -> SafeString:
    if service.is_vers():
        return format_html(
            "{}", _("Laatst bevestigd op %(d)s") % {"d": date(service.assured_date, _DATUM)}
        )
    oud = format_html('<span class="label label--oud">{}</span>', _("Al lang niet bevestigd"))
    if service.assured_date:
        oud += format_html(
            " {}", _("(laatst op %(d)s)") % {"d": date(service.assured_date, _DATUM)}
        )
    return oud
