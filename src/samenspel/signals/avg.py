"""Signalen's entries in the processing register (core/verwerkingen.py)."""

from django.utils.translation import gettext_lazy as _

from samenspel.core import verwerkingen as v

v.registreer(
    "signals.Zorgmelding",
    betrokkenen=v.MELDERS,
    velden=("wat", "straat", "huisnummer", "contact", "naam_mag_gedeeld"),
    doel=_("een zorg om iemand meteen bij het team brengen dat er iets mee kan"),
    grondslag=v.PUBLIEKE_TAAK,
    bewaren=_(
        "de inhoud %(SIGNALEN_BEWAAR_DAGEN)s dagen na het afsluiten gewist, uiterlijk "
        "%(SIGNALEN_BEWAAR_MAX_DAGEN)s dagen na het doorgeven"
    ),
    wie_ziet=_("alleen het team dat de zorg oppakt; de melder de status via de eigen link"),
)
v.registreer(
    "signals.Buurtsignaal",
    betrokkenen=v.MELDERS,
    velden=("tekst", "email", "beantwoord_door"),
    doel=_("signalen uit de buurt beantwoorden en op de wijkagenda zetten"),
    grondslag=v.TOESTEMMING,
    bewaren=_("het e-mailadres %(BUURTSIGNAAL_BEWAAR_DAGEN)s dagen; het signaal zonder naam"),
    wie_ziet=_(
        "netwerkhouders en professionals van de gemeente; openbaar alleen met ja van de melder"
    ),
)
v.registreer(
    "signals.Gebeurtenis",
    betrokkenen=v.GEBRUIKERS,
    velden=("door", "wat"),
    doel=_("verantwoording: wie wat met een signaal deed"),
    grondslag=v.WETTELIJK,
    bewaren=_("met het signaal"),
    wie_ziet=_("netwerkhouders en beheerders"),
)
v.zonder(
    "signals.Agendapunt", "signals.Doorzending", "signals.RegionaleRoute", "signals.Routeregel"
)
