"""Load the demo neighbourhoods from the seed reports: areas, initiatives, formal parties, users.

Every record gets a stable id derived from its key, so loading twice changes nothing.
"""

import datetime as dt
import json
import uuid
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from samenspel.accounts.models import Gebruiker, Rol
from samenspel.areas.models import Gebied
from samenspel.demo import (
    bijeenkomsten,
    cijfers,
    overdracht,
    personen,
    samen,
    signalen,
    web,
    wijkscan,
)
from samenspel.directory import models as m
from samenspel.directory import toegankelijkheid
from samenspel.referrals.demo import laad_verwijzingen

DATA = Path(__file__).resolve().parent / "data"
NAMESPACE = uuid.UUID("0f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f")
BRON = "samenspel-demo"
DAGEN = {"ma": "MO", "di": "TU", "wo": "WE", "do": "TH", "vr": "FR", "za": "SA", "zo": "SU"}

# At least one account per role; the passwords are printed by `samenspel demo`.
DEMO_GEBRUIKERS = [
    ("netwerkhouder", Rol.NETWERKHOUDER, "Noor", "Netwerkhouder"),
    ("professional", Rol.PROFESSIONAL, "Pim", "Professional"),
    # A second professional in the other big demo city, of Wijkteam Rotterdam West.
    ("professional_west", Rol.PROFESSIONAL, "Romy", "de Wit"),
    ("initiatiefnemer", Rol.INITIATIEFNEMER, "Ine", "Initiatief"),
    ("analist", Rol.GEMEENTE_ANALIST, "Anna", "Analist"),
    ("beheerder", Rol.BEHEERDER, "Bas", "Beheer"),
]


def wachtwoord(naam: str) -> str:
    return f"demo-{naam}"


def _id(*delen: str) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, "/".join(delen))


def _json(naam: str):
    return json.loads((DATA / naam).read_text(encoding="utf-8"))


def laad_gebieden() -> int:
    aantal = 0
    for gemeente in _json("gebieden.json")["gemeenten"]:
        gm = _gebied(gemeente, "gemeente", None)
        aantal += 1
        for wijk in gemeente.get("wijken", []):
            wk = _gebied(wijk, "wijk", gm)
            aantal += 1
            for buurt in wijk.get("buurten", []):
                _gebied(buurt, "buurt", wk)
                aantal += 1
    return aantal


def _gebied(data: dict, niveau: str, ouder: Gebied | None) -> Gebied:
    lat, lon = data.get("centroid") or (None, None)
    gebied, _ = Gebied.objects.update_or_create(
        code=data["code"],
        defaults={
            "naam": data["naam"],
            "niveau": niveau,
            "ouder": ouder,
            "latitude": lat,
            "longitude": lon,
        },
    )
    return gebied


def _termen() -> dict[str, m.TaxonomyTerm]:
    return {t.code: t for t in m.TaxonomyTerm.objects.exclude(code="")}


def laad_aanbod(vandaag: dt.date | None = None) -> int:
    vandaag = vandaag or timezone.localdate()
    termen = _termen()
    gebieden = {g.code: g for g in Gebied.objects.all()}
    aantal = 0
    for volgnummer, org in enumerate(_json("aanbod.json")["organisaties"]):
        buurt_codes = [d["buurt"] for d in org["diensten"]]
        gemeente = gebieden[buurt_codes[0]].gemeente if buurt_codes else None
        organisatie, _ = m.Organization.objects.update_or_create(
            id=_id("org", org["sleutel"]),
            defaults={
                "name": org["naam"],
                "description": org.get("omschrijving", ""),
                "sector": org["sector"],
                "email": org.get("email") or "",
                "website": org.get("website") or "",
                "gemeente": gemeente,
                "bron": BRON,
                "bron_id": org["sleutel"],
            },
        )
        for dienst in org["diensten"]:
            # Spread confirmation dates so the demo shows fresh and stale listings.
            leeftijd = 400 if volgnummer % 9 == 4 else (volgnummer * 17) % 150
            _dienst(organisatie, dienst, termen, gebieden, vandaag - dt.timedelta(days=leeftijd))
            aantal += 1
    return aantal


def _dienst(organisatie, d: dict, termen, gebieden, bevestigd: dt.date) -> m.Service:
    sleutel = d["sleutel"]
    contact = d.get("contactpersoon") or {}
    service, _ = m.Service.objects.update_or_create(
        id=_id("dienst", sleutel),
        defaults={
            "organization": organisatie,
            "name": d["naam"],
            "description": d.get("omschrijving", ""),
            "email": organisatie.email,
            "url": organisatie.website,
            "zichtbaarheid": d.get("zichtbaarheid", "openbaar"),
            "route": "aanmelden" if d.get("aanmelden_via_samenspel") else "informatie",
            # Absent in the data file is "not said", not "no".
            "gratis": d.get("gratis"),
            "fees_description": d.get("kosten") or "",
            "zonder_indicatie": d.get("zonder_indicatie"),
            "inloop": bool(d.get("inloop")),
            "op_afspraak": bool(d.get("op_afspraak")),
            "assured_date": bevestigd,
            "beheerder_email": contact.get("email") or organisatie.email or "beheer@example.org",
            "moderatie": m.Moderatie.GOEDGEKEURD,
            "status": m.ServiceStatus.ACTIVE,
            "bron": BRON,
            "bron_id": sleutel,
        },
    )
    buurt = gebieden.get(d.get("buurt"))
    locatie, _ = m.Location.objects.update_or_create(
        id=_id("locatie", sleutel),
        defaults={
            "organization": organisatie,
            "name": d["naam"],
            "latitude": d.get("lat") or (buurt.latitude if buurt else None),
            "longitude": d.get("lon") or (buurt.longitude if buurt else None),
            "buurt": buurt,
            "bron": BRON,
            "bron_id": sleutel,
        },
    )
    m.ServiceAtLocation.objects.update_or_create(
        id=_id("sal", sleutel), defaults={"service": service, "location": locatie}
    )
    _toegankelijkheid(locatie, sleutel, d.get("toegankelijkheid") or [])
    adres = d.get("adres")
    if adres:
        m.Address.objects.update_or_create(
            id=_id("adres", sleutel),
            defaults={
                "location": locatie,
                "address_1": adres["straat"],
                "postal_code": adres["postcode"],
                "city": adres["plaats"],
            },
        )
    m.Schedule.objects.filter(service=service).delete()
    for i, tijd in enumerate(d.get("tijden") or []):
        m.Schedule.objects.create(
            id=_id("tijd", sleutel, str(i)),
            service=service,
            byday=DAGEN[tijd["dag"]],
            opens_at=tijd.get("van") or None,
            closes_at=tijd.get("tot") or None,
        )
    if contact:
        m.Contact.objects.update_or_create(
            id=_id("contact", sleutel),
            defaults={
                "service": service,
                "name": contact.get("naam", ""),
                "email": contact.get("email", ""),
            },
        )
    codes = [*d.get("bouwstenen", []), *d.get("doelgroepen", []), *d.get("levensdomeinen", [])]
    for code in codes:
        if code in termen:
            m.Attribute.objects.get_or_create(
                link_entity="service", link_id=service.pk, taxonomy_term=termen[code]
            )
    return service


def _toegankelijkheid(locatie, sleutel: str, codes: list[str]) -> None:
    """The place's access as HSDS accessibility records, one per feature of the fixed list."""
    ids = [_id("toegang", sleutel, code) for code in codes]
    m.Accessibility.objects.filter(location=locatie).exclude(pk__in=ids).delete()
    for pk, code in zip(ids, codes, strict=True):
        m.Accessibility.objects.update_or_create(
            id=pk,
            defaults={
                "location": locatie,
                "description": toegankelijkheid.PER_CODE[code].tekst,
                "bron": BRON,
                "bron_id": f"{sleutel}/{code}",
            },
        )


def laad_gebruikers() -> list[tuple[str, str, str]]:
    wijk_codes = list(Gebied.objects.wijken().values_list("code", flat=True))
    accounts = []
    for naam, rol, voornaam, achternaam in DEMO_GEBRUIKERS:
        gebruiker, nieuw = Gebruiker.objects.get_or_create(
            username=naam,
            defaults={
                "rol": rol,
                "first_name": voornaam,
                "last_name": achternaam,
                "email": f"{naam}@example.org",
                "is_staff": rol == Rol.BEHEERDER,
                "is_superuser": rol == Rol.BEHEERDER,
            },
        )
        if nieuw:
            gebruiker.set_password(wachtwoord(naam))
            gebruiker.save()
        if rol == Rol.NETWERKHOUDER:
            gebruiker.gebieden.set(Gebied.objects.filter(code__in=wijk_codes))
        if rol == Rol.GEMEENTE_ANALIST:
            # The analyst works for one gemeente: its web shows without people's names.
            gebruiker.gebieden.set(Gebied.objects.filter(code="GM0344"))
        accounts.append((naam, wachtwoord(naam), rol.label))
    return accounts


@transaction.atomic
def laad_alles() -> dict:
    return {
        "gebieden": laad_gebieden(),
        "aanbod": laad_aanbod(),
        "accounts": laad_gebruikers(),
        "verwijzingen": laad_verwijzingen(),
        "web": web.laad_web(),
        "samen": samen.laad_samen(),
        "overdracht": overdracht.laad_overdracht(),
        "bijeenkomsten": bijeenkomsten.laad_bijeenkomsten(),
        "personen": personen.laad_personen(),
        "cijfers": cijfers.laad_cijfers(),
        "wijkscan": wijkscan.laad_wijkscan(),
        "signalen": signalen.laad_signalen(),
    }
