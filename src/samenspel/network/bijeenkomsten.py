"""What the meeting pages read: which series a partner sees, whom they can invite, who comes.

Every read of the network meetings for a logged-in user goes through the access rule of
``network.toegang``; a series belongs to one gemeente, and only that gemeente's partners see
it. There is no attendance register (seed 002 advies 6): a meeting shows how many said yes,
no or maybe, not a list of who came.
"""

from django.db.models import Count, Q
from django.http import Http404
from django.utils import timezone

from samenspel.areas.models import Gebied
from samenspel.directory.models import Location, Organization, Service

from . import toegang
from .models import Band, Bandsoort, Bijeenkomst, Persoon, Reeks, Rsvp, Uitnodiging


def gemeenten_voor(gebruiker):
    """The gemeenten in whose web this user is a partner (a beheerder: all)."""
    codes = toegang.gemeenten_van(gebruiker)
    gemeenten = Gebied.objects.gemeenten()
    if codes is None:
        return gemeenten
    if not gebruiker.is_authenticated or gebruiker.rol not in toegang.PARTNERROLLEN:
        return gemeenten.none()
    return gemeenten.filter(code__in=codes)


def reeksen_voor(gebruiker):
    return (
        Reeks.objects.filter(gemeente__in=gemeenten_voor(gebruiker))
        .select_related("gemeente", "wijk")
        .order_by("gemeente__naam", "naam")
    )


def reeks_voor(gebruiker, pk) -> Reeks:
    """The series, or 404 for anyone who is not a partner of its gemeente."""
    reeks = Reeks.objects.select_related("gemeente", "wijk", "locatie").filter(pk=pk).first()
    if reeks is None or not toegang.is_partner(gebruiker, reeks.gemeente_id):
        raise Http404
    return reeks


def bijeenkomst_voor(gebruiker, pk) -> Bijeenkomst:
    bijeenkomst = (
        Bijeenkomst.objects.select_related("reeks__gemeente", "reeks__locatie", "gastheer")
        .filter(pk=pk)
        .first()
    )
    if bijeenkomst is None or not toegang.is_partner(gebruiker, bijeenkomst.reeks.gemeente_id):
        raise Http404
    return bijeenkomst


def gastheer_kandidaten(gemeenten):
    """Organisations of these gemeenten with someone in the web: they can host a turn."""
    return (
        Organization.objects.filter(gemeente__in=gemeenten, personen__vertrokken__isnull=True)
        .distinct()
        .order_by("name")
    )


def locatie_kandidaten(gemeenten):
    """The kaart locations of those organisations (a bounded list, not every location)."""
    return (
        Location.objects.filter(organization__in=gastheer_kandidaten(gemeenten))
        .select_related("organization")
        .order_by("name")
    )


def mensen_van_het_web(reeks: Reeks):
    """People of the series' gemeente who agreed to be in the web and are still there."""
    return (
        Persoon.objects.actief()
        .filter(
            organisatie__gemeente_id=reeks.gemeente_id,
            ingestemd_op__isnull=False,
            vertrokken__isnull=True,
        )
        .exclude(email="")
        .select_related("organisatie")
        .order_by("naam")
    )


def uit_te_nodigen(bijeenkomst: Bijeenkomst):
    return mensen_van_het_web(bijeenkomst.reeks).exclude(
        bijeenkomstuitnodigingen__bijeenkomst=bijeenkomst
    )


def aanbod_kandidaten(gebruiker, reeks: Reeks):
    """Live kaart listings of the web's organisations that this user may see."""
    return (
        Service.objects.zichtbaar_voor(gebruiker)
        .filter(organization__in=gastheer_kandidaten([reeks.gemeente]))
        .select_related("organization")
        .order_by("name")
    )


def antwoorden(bijeenkomst: Bijeenkomst) -> dict:
    """How many were invited and said yes, maybe or no: counts, no register of who came."""
    return bijeenkomst.uitnodigingen.aggregate(
        uitgenodigd=Count("id"),
        ja=Count("id", filter=Q(antwoord=Rsvp.JA)),
        misschien=Count("id", filter=Q(antwoord=Rsvp.MISSCHIEN)),
        nee=Count("id", filter=Q(antwoord=Rsvp.NEE)),
    )


def komend(reeks: Reeks):
    return reeks.bijeenkomsten.filter(begint__gt=timezone.now()).select_related("gastheer")


def geweest(reeks: Reeks):
    return (
        reeks.bijeenkomsten.filter(begint__lte=timezone.now())
        .select_related("gastheer")
        .order_by("-begint")
    )


def andere_aanwezigen(uitnodiging):
    """The others who said yes, from another organisation: whom the invitee may have met."""
    return (
        Persoon.objects.filter(
            bijeenkomstuitnodigingen__bijeenkomst=uitnodiging.bijeenkomst,
            bijeenkomstuitnodigingen__antwoord=Rsvp.JA,
            vertrokken__isnull=True,
        )
        .exclude(pk=uitnodiging.persoon_id)
        .exclude(organisatie_id=uitnodiging.persoon.organisatie_id)
        .select_related("organisatie")
        .order_by("naam")
    )


def al_bekend(persoon: Persoon, anderen) -> set:
    """Of these others, who already has a kennismaking tie with the person."""
    banden = Band.objects.filter(soort=Bandsoort.KENNISMAKING).filter(
        Q(van=persoon, naar__in=anderen) | Q(naar=persoon, van__in=anderen)
    )
    return {b.naar_id if b.van_id == persoon.pk else b.van_id for b in banden}


def bijeenkomsten_van(persoon: Persoon):
    """The meetings the person is invited to and did not say no to (their calendar)."""
    return (
        Bijeenkomst.objects.filter(uitnodigingen__persoon=persoon)
        .exclude(
            pk__in=Uitnodiging.objects.filter(persoon=persoon, antwoord=Rsvp.NEE).values(
                "bijeenkomst_id"
            )
        )
        .select_related("reeks__locatie", "gastheer")
        .prefetch_related("agendapunten__service")
        .distinct()
    )
