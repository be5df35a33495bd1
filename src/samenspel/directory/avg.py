"""The directory's entries in the processing register (core/verwerkingen.py).

Names of organisations, listings and places are not personal data; the contact details of
the people behind them are: an initiative of volunteers often has a private address or
number as its contact.
"""

from django.utils.translation import gettext_lazy as _

from samenspel.core import verwerkingen as v

_DOEL = _("bewoners en professionals contact laten opnemen, en de kaart actueel houden")
_BEWAREN = _("zolang het aanbod of de organisatie op de kaart staat")

v.registreer(
    "directory.Service",
    betrokkenen=v.CONTACTPERSONEN,
    velden=("email", "assurer_email", "beheerder_email", "beheerder_telefoon"),
    doel=_DOEL,
    grondslag=v.GERECHTVAARDIGD,
    bewaren=_BEWAREN,
    wie_ziet=_("iedereen het e-mailadres van het aanbod; de beheerder alleen netwerkhouders"),
)
v.registreer(
    "directory.Organization",
    betrokkenen=v.CONTACTPERSONEN,
    velden=("email",),
    doel=_DOEL,
    grondslag=v.GERECHTVAARDIGD,
    bewaren=_BEWAREN,
    wie_ziet=_("iedereen"),
)
v.registreer(
    "directory.Contact",
    betrokkenen=v.CONTACTPERSONEN,
    velden=("name", "title", "email"),
    doel=_DOEL,
    grondslag=v.GERECHTVAARDIGD,
    bewaren=_BEWAREN,
    wie_ziet=_("iedereen"),
)
v.registreer(
    "directory.Phone",
    betrokkenen=v.CONTACTPERSONEN,
    velden=("number", "extension"),
    doel=_DOEL,
    grondslag=v.GERECHTVAARDIGD,
    bewaren=_BEWAREN,
    wie_ziet=_("iedereen"),
)
v.registreer(
    "directory.Wijziging",
    betrokkenen=v.CONTACTPERSONEN,
    velden=("previous_value", "replacement_value", "updated_by"),
    doel=_("laten zien wie wat aan het aanbod veranderde (HSDS-wijzigingslog)"),
    grondslag=v.GERECHTVAARDIGD,
    bewaren=_BEWAREN,
    wie_ziet=_("netwerkhouders en beheerders"),
)
v.zonder(
    "directory.Accessibility",
    "directory.Address",
    "directory.Attribute",
    "directory.CostOption",
    "directory.Funding",
    "directory.Language",
    "directory.Location",
    "directory.MetaTableDescription",
    "directory.OrganizationIdentifier",
    "directory.Program",
    "directory.RequiredDocument",
    "directory.Schedule",
    "directory.ServiceArea",
    "directory.ServiceAtLocation",
    "directory.ServiceCapacity",
    "directory.Taxonomy",
    "directory.TaxonomyTerm",
)
