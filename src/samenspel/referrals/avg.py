"""Verwijzen's entries in the processing register (core/verwerkingen.py)."""

from django.utils.translation import gettext_lazy as _

from samenspel.core import verwerkingen as v
from samenspel.referrals.models import PERSOONSGEGEVENS

_DOEL = _("een bewoner met toestemming naar passende hulp of een activiteit verwijzen")
_BEWAREN = _(
    "tot de bewoner de toestemming intrekt, en anders %(BEWAAR_MAANDEN)s maanden na het "
    "afsluiten of het einde van de toestemming"
)
_WIE = _("de verwijzer en de organisatie die de verwijzing krijgt; de bewoner via de eigen link")

v.registreer(
    "referrals.Verwijzing",
    betrokkenen=v.BEWONERS,
    velden=PERSOONSGEGEVENS,
    doel=_DOEL,
    grondslag=v.TOESTEMMING,
    bewaren=_BEWAREN,
    wie_ziet=_WIE,
)
v.registreer(
    "referrals.Gebeurtenis",
    betrokkenen=v.BEWONERS,
    velden=("door", "reden"),
    doel=_("laten zien wat er met een verwijzing gebeurde, en door wie"),
    grondslag=v.TOESTEMMING,
    bewaren=_BEWAREN,
    wie_ziet=_WIE,
)
v.registreer(
    "referrals.Kennismaking",
    betrokkenen=v.BEWONERS,
    velden=("wanneer", "waar", "voorgesteld_door"),
    doel=_("een warme overdracht: samen kennismaken"),
    grondslag=v.TOESTEMMING,
    bewaren=_BEWAREN,
    wie_ziet=_WIE,
)
v.registreer(
    "referrals.Ontvangst",
    betrokkenen=v.CONTACTPERSONEN,
    velden=("reactie_email",),
    doel=_("verwijzingen laten aankomen bij wie ze beantwoordt"),
    grondslag=v.GERECHTVAARDIGD,
    bewaren=_("zolang het aanbod verwijzingen ontvangt"),
    wie_ziet=_("de organisatie zelf en netwerkhouders"),
)
# Only a hash of the resident's own link: no one can tell from it who the resident is.
v.zonder("referrals.Bewoner")
