"""Who in the web knows an initiative: "Vraag een verbinder" (issue 11, item 5).

An overview alone is "een illusie"; what helps is people who know each other, "voldoende
bruggen" (seed 000 l.858–879). So a listing does not show a list of organisations but the
people who can make the introduction: those of the web with an active tie to a person of the
listing's organisation, and the organisation's own people who agreed. Names only of people who
agreed; the others show as their role (issue 11, item 1). Only partners of the listing's
gemeente see this (``toegang.is_partner``).
"""

from dataclasses import dataclass, field

from django.db.models import Q

from samenspel.accounts.models import Rol
from samenspel.privacy import audit
from samenspel.privacy.models import Actie, Partij

from .models import Band, Persoon, Verbinderrol
from .toegang import gemeenten_van, is_partner

# Connector roles that bring the resident's own side into a conversation (seed 004 l.211–217).
SAMEN_ROLLEN = (Verbinderrol.WIJKAMBASSADEUR, Verbinderrol.ERVARINGSDESKUNDIGE)


@dataclass
class Kenner:
    persoon: Persoon
    eigen: bool  # works at the initiative itself
    via: list[tuple[str, str]] = field(default_factory=list)  # (who there, kind of tie)

    @property
    def id(self) -> str:
        return str(self.persoon.pk)

    @property
    def naam(self) -> str:
        return self.persoon.naam if self.persoon.ingestemd else ""

    @property
    def rol(self) -> str:
        return self.persoon.rol

    @property
    def organisatie(self) -> str:
        return self.persoon.organisatie.name

    @property
    def vraagbaar(self) -> bool:
        """Only someone who agreed to be in the web gets questions through it."""
        return self.persoon.ingestemd and bool(self.persoon.email)

    @property
    def uit_te_nodigen(self) -> bool:
        """Someone who can join a resident's first conversation ("Samen beginnen")."""
        return self.vraagbaar and (
            self.persoon.organisatie.sector in ("informeel", "hybride")
            or self.persoon.verbinderrol in SAMEN_ROLLEN
        )


def wie_kent(organisatie) -> list[Kenner]:
    """The people who know this organisation: its own people who agreed first, then the people
    of other organisations with an active tie to one of its people."""
    eigen = list(
        Persoon.objects.actief()
        .filter(organisatie=organisatie)
        .select_related("organisatie")
        .order_by("naam")
    )
    kenners: dict = {p.pk: Kenner(persoon=p, eigen=True) for p in eigen if p.ingestemd}
    ids = [p.pk for p in eigen]
    banden = (
        Band.objects.actief()
        .filter(Q(van__in=ids) | Q(naar__in=ids))
        .select_related("van__organisatie", "naar__organisatie")
        .order_by("soort", "id")
    )
    for band in banden:
        hier, daar = (band.van, band.naar) if band.van_id in ids else (band.naar, band.van)
        if daar.organisatie_id == organisatie.pk:
            continue
        kenner = kenners.setdefault(daar.pk, Kenner(persoon=daar, eigen=False))
        kenner.via.append((hier.zichtbaar_als, str(band.get_soort_display())))
    return sorted(
        kenners.values(),
        key=lambda k: (not k.eigen, not k.persoon.ingestemd, k.persoon.naam, k.id),
    )


def kenner(organisatie, persoon_id) -> Kenner | None:
    """One person who knows this organisation and may be asked, else None."""
    return next((k for k in wie_kent(organisatie) if k.id == str(persoon_id) and k.vraagbaar), None)


def op_aanbodpagina(request, service) -> dict | None:
    """The block "Wie kent dit initiatief?" on a listing, for partners of its gemeente only.

    Showing a name to a partner is a read of that person's entry, so it is in the audit log.
    """
    organisatie = service.organization
    if not is_partner(request.user, organisatie.gemeente_id):
        return None
    kenners = wie_kent(organisatie)
    genoemd = [k.persoon for k in kenners if k.persoon.ingestemd]
    if genoemd:
        audit.leg_vast_veel(Actie.BEKEKEN, genoemd, request.user.get_username(), Partij.BEHEERDER)
    return {
        "sjabloon": "network/verbinder_blok.html",
        "kenners": kenners,
        "mag_samen": mag_samen_beginnen(request.user, organisatie.gemeente_id),
    }


def mag_samen_beginnen(gebruiker, gemeente_code) -> bool:
    """Inviting a partner to a resident's conversation is for the professionals among partners.

    The partner rule is ``toegang.is_partner``; on top of it, the resident's conversation is
    held by a professional (or a netwerkhouder, beheerder), not by an initiative.
    """
    return is_partner(gebruiker, gemeente_code) and gebruiker.rol in {
        Rol.PROFESSIONAL,
        Rol.NETWERKHOUDER,
        Rol.BEHEERDER,
    }


def mag_samen_ergens(gebruiker) -> bool:
    """May this user start together with a partner in at least one gemeente?"""
    codes = gemeenten_van(gebruiker)
    if codes is None:
        return mag_samen_beginnen(gebruiker, None)
    return any(mag_samen_beginnen(gebruiker, code) for code in codes)
