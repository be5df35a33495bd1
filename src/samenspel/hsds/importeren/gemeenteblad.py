"""A municipality's spreadsheet (xlsx or csv) with one row per listing, in plain Dutch columns.

`gemeenteblad_kolommen` finds the columns; here each row becomes HSDS rows (organization,
service, location, address, contact, phone, schedule, attributes) with ids derived from the
source and the row's key, and goes through the same writer as an HSDS import, with the same
guarantees. A second import of the same spreadsheet updates the listings it made; what a row no
longer says (a phone number, a time) is removed from those listings only.
"""

import re
import uuid
from collections import defaultdict
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

from samenspel.areas.models import Gebied
from samenspel.directory import models as m
from samenspel.directory import toegankelijkheid
from samenspel.directory.registratie import (
    lees_tijden,
    normaliseer_naam,
    normaliseer_postcode,
    telefoon_cijfers,
)
from samenspel.hsds.importeren.fouten import Meldingen, Plaats
from samenspel.hsds.importeren.gemeenteblad_kolommen import Blad, kopnorm, lees_blad
from samenspel.hsds.importeren.schrijven import Rij, Schrijver, Telling
from samenspel.hsds.importeren.uitvoeren import bestaat, uitkomst_van, voer_uit
from samenspel.hsds.voortgang import Voortgang

NAMESPACE = uuid.UUID("3e1f6a52-8c0d-4b7e-a1f9-5d2c7b8e9f10")

_SECTOREN = {
    "formeel": m.Sector.FORMEEL,
    "informeel": m.Sector.INFORMEEL,
    "hybride": m.Sector.HYBRIDE,
    "beide": m.Sector.HYBRIDE,
    "allebei": m.Sector.HYBRIDE,
    "formeel informeel": m.Sector.HYBRIDE,
    "formeel en informeel": m.Sector.HYBRIDE,
}
_ZICHTBAARHEDEN = {
    "openbaar": m.Zichtbaarheid.OPENBAAR,
    "iedereen": m.Zichtbaarheid.OPENBAAR,
    "professionals": m.Zichtbaarheid.PROFESSIONALS,
    "alleen professionals": m.Zichtbaarheid.PROFESSIONALS,
    "via contactpersoon": m.Zichtbaarheid.VIA_CONTACTPERSOON,
    "contactpersoon": m.Zichtbaarheid.VIA_CONTACTPERSOON,
}
_EMAIL = re.compile(r"[^\s,;:<>()]+@[^\s,;:<>()]+\.[A-Za-z]{2,}")
_TELEFOON = re.compile(r"(?:\+31|0031|0)[\d\s\-./()]{8,16}\d")
_url = URLValidator(schemes=["http", "https"])


class _Termen:
    """The built-in taxonomies by code and by name, for the bouwsteen and doelgroep columns."""

    def __init__(self):
        self.per_soort = {"bouwsteen": {}, "doelgroep": {}}
        for soort, qs in (
            ("bouwsteen", m.TaxonomyTerm.objects.bouwstenen()),
            ("doelgroep", m.TaxonomyTerm.objects.doelgroepen()),
        ):
            for term in qs:
                for sleutel in (term.code, term.name):
                    self.per_soort[soort][kopnorm(sleutel)] = term

    def lees(self, soort: str, tekst: str) -> tuple[list, list[str]]:
        gevonden, onbekend = [], []
        for deel in re.split(r"[;,\n]", tekst):
            if not deel.strip():
                continue
            term = self.per_soort[soort].get(kopnorm(deel))
            (gevonden if term else onbekend).append(term or deel.strip())
        return gevonden, onbekend

    def opties(self, soort: str) -> str:
        return ", ".join(sorted({t.code for t in self.per_soort[soort].values()}))


class _Buurten:
    def __init__(self):
        self.per_code, self.per_naam = {}, defaultdict(list)
        for buurt in Gebied.objects.buurten().select_related("ouder__ouder"):
            self.per_code[buurt.code.upper()] = buurt
            self.per_naam[kopnorm(buurt.naam)].append(buurt)

    def zoek(self, tekst: str):
        if tekst.upper() in self.per_code:
            return self.per_code[tekst.upper()], None
        kandidaten = self.per_naam.get(kopnorm(tekst), [])
        if len(kandidaten) == 1:
            return kandidaten[0], None
        if kandidaten:
            return (
                None,
                f"er zijn {len(kandidaten)} buurten met de naam {tekst!r}; gebruik de CBS-code",
            )
        return (
            None,
            f"buurt {tekst!r} ken ik niet (gebruik een CBS-code BU… "
            "of importeer eerst de gebieden)",
        )


@dataclass
class _Contact:
    naam: str = ""
    emails: list[str] = field(default_factory=list)
    telefoons: list[str] = field(default_factory=list)


def lees_contact(tekst: str) -> _Contact:
    """Name, e-mail addresses and phone numbers from one free-text cell."""
    contact = _Contact()
    rest = tekst
    for email in _EMAIL.findall(tekst):
        contact.emails.append(email.rstrip("."))
        rest = rest.replace(email, " ")
    for kandidaat in _TELEFOON.findall(rest):
        if telefoon_cijfers(kandidaat):
            contact.telefoons.append(kandidaat.strip())
            rest = rest.replace(kandidaat, " ")
    contact.naam = " ".join(re.sub(r"[,;:|/]+", " ", rest).split())
    return contact


class Omzetter:
    """Turns sheet rows into HSDS rows per table, checking what only the sheet knows."""

    def __init__(self, blad: Blad, bron: str, meldingen: Meldingen):
        self.blad, self.bron, self.meldingen = blad, bron, meldingen
        self.termen, self.buurten = _Termen(), _Buurten()
        self.rijen: dict[str, dict[uuid.UUID, Rij]] = defaultdict(dict)
        self.services: list[uuid.UUID] = []
        self._sleutels: dict[str, object] = {}
        self._organisaties = _bestaande_organisaties()

    def _id(self, *delen) -> uuid.UUID:
        return uuid.uuid5(NAMESPACE, "\x1f".join([self.bron, *map(str, delen)]))

    def cel(self, cellen: list[str], sleutel: str) -> str:
        indices = self.blad.kolommen.get(sleutel, [])
        return " ".join(cellen[i] for i in indices if i < len(cellen) and cellen[i]).strip()

    def veldnamen(self, **hsds_naar_sleutel) -> dict[str, str]:
        return {
            hsds: self.blad.koppen.get(sleutel, sleutel)
            for hsds, sleutel in hsds_naar_sleutel.items()
        }

    def fout(self, plaats: Plaats, sleutel: str, tekst: str) -> None:
        self.meldingen.fout(plaats.met_veld(self.blad.koppen.get(sleutel, sleutel)), tekst)

    def zet_om(self) -> None:
        bestaande = _bestaande_statussen(
            [self._id("service", self._sleutel(c)) for _, c in self.blad.rijen]
        )
        for plaats, cellen in self.blad.rijen:
            self._rij(plaats, cellen, bestaande)

    def _sleutel(self, cellen) -> str:
        eigen = self.cel(cellen, "id")
        if eigen:
            return f"id:{eigen}"
        organisatie = self.cel(cellen, "organisatie") or self.cel(cellen, "naam")
        return f"{normaliseer_naam(organisatie)}|{normaliseer_naam(self.cel(cellen, 'naam'))}"

    def _rij(self, plaats: Plaats, cellen: list[str], bestaande: dict) -> None:
        naam = self.cel(cellen, "naam")
        if not naam:
            self.fout(plaats, "naam", "verplicht veld is leeg")
            return
        sleutel = self._sleutel(cellen)
        if sleutel in self._sleutels:
            self.fout(
                plaats,
                "id" if sleutel.startswith("id:") else "naam",
                f"deze rij staat dubbel (ook op {self._sleutels[sleutel]}); "
                "geef elke rij een eigen naam of nummer",
            )
            return
        self._sleutels[sleutel] = (
            plaats.rij if isinstance(plaats.rij, str) else f"regel {plaats.rij}"
        )
        service_id = self._id("service", sleutel)
        self.services.append(service_id)
        buurt = self._buurt(plaats, cellen)
        organisatie_id = self._organisatie(plaats, cellen, buurt)
        tijden = self.cel(cellen, "dagen_en_tijden")
        contact = lees_contact(self.cel(cellen, "contact"))
        service = {
            "id": str(service_id),
            "organization_id": str(organisatie_id),
            "name": naam,
            "status": bestaande.get(service_id, m.ServiceStatus.ACTIVE),
        }
        if "omschrijving" in self.blad.kolommen:
            service["description"] = self.cel(cellen, "omschrijving")
        if "website" in self.blad.kolommen:
            service["url"] = self._website(plaats, cellen)
        if "contact" in self.blad.kolommen:
            service["email"] = contact.emails[0] if contact.emails else ""
        if "dagen_en_tijden" in self.blad.kolommen:
            service["samenspel_tijden_omschrijving"] = tijden
            service["samenspel_op_afspraak"] = "op afspraak" in tijden.lower()
        if "zichtbaarheid" in self.blad.kolommen:
            service["samenspel_zichtbaarheid"] = self._keuze(
                plaats, cellen, "zichtbaarheid", _ZICHTBAARHEDEN, m.Zichtbaarheid.OPENBAAR
            )
        self._voeg_toe(
            "service",
            plaats,
            service,
            self.veldnamen(
                name="naam",
                description="omschrijving",
                url="website",
                email="contact",
                samenspel_tijden_omschrijving="dagen_en_tijden",
                samenspel_zichtbaarheid="zichtbaarheid",
            ),
        )
        locatie_id = self._plaats(plaats, cellen, service_id, organisatie_id, naam, buurt)
        self._toegankelijkheid(plaats, cellen, locatie_id)
        if "contact" in self.blad.kolommen:
            self._contact(plaats, service_id, contact)
        if tijden:
            for i, vak in enumerate(lees_tijden(tijden)):
                self._voeg_toe(
                    "schedule",
                    plaats,
                    {
                        "id": str(self._id(service_id, "tijd", i)),
                        "service_id": str(service_id),
                        "freq": "WEEKLY",
                        "byday": vak.byday,
                        "opens_at": vak.van.isoformat("minutes"),
                        "closes_at": vak.tot.isoformat("minutes"),
                        # The sheet's own words, as the registration keeps them.
                        "description": tijden,
                    },
                    self.veldnamen(byday="dagen_en_tijden"),
                )
        for soort in ("bouwsteen", "doelgroep"):
            termen, onbekend = self.termen.lees(soort, self.cel(cellen, soort))
            for deel in onbekend:
                self.fout(
                    plaats, soort, f"{deel!r} ken ik niet; kies uit {self.termen.opties(soort)}"
                )
            for term in termen:
                self._voeg_toe(
                    "attribute",
                    plaats,
                    {
                        "id": str(self._id(service_id, "term", term.pk)),
                        "link_id": str(service_id),
                        "link_entity": "service",
                        "link_type": soort,
                        "taxonomy_term_id": str(term.pk),
                    },
                )

    def _voeg_toe(self, tabel: str, plaats: Plaats, waarden: dict, veldnamen=None) -> None:
        pk = uuid.UUID(waarden["id"])
        bestaand = self.rijen[tabel].get(pk)
        if bestaand is None:
            self.rijen[tabel][pk] = Rij(plaats, waarden, veldnamen)

    def _buurt(self, plaats, cellen):
        tekst = self.cel(cellen, "buurt")
        if not tekst:
            return None
        buurt, fout = self.buurten.zoek(tekst)
        if fout:
            self.fout(plaats, "buurt", fout)
        return buurt

    def _keuze(self, plaats, cellen, sleutel, keuzes: dict, standaard: str) -> str:
        tekst = self.cel(cellen, sleutel)
        if not tekst:
            return standaard
        waarde = keuzes.get(kopnorm(tekst))
        if waarde is None:
            self.fout(
                plaats, sleutel, f"{tekst!r} ken ik niet; kies uit {', '.join(sorted(keuzes))}"
            )
            return standaard
        return waarde

    def _website(self, plaats, cellen) -> str:
        tekst = self.cel(cellen, "website")
        if not tekst:
            return ""
        if not re.match(r"^[a-z]+://", tekst, re.IGNORECASE):
            tekst = "https://" + tekst
        try:
            _url(tekst)
        except ValidationError:
            self.fout(plaats, "website", f"{tekst!r} is geen geldig webadres")
            return ""  # reported here; the writer need not say it again
        return tekst

    def _organisatie(self, plaats, cellen, buurt) -> uuid.UUID:
        naam = self.cel(cellen, "organisatie") or self.cel(cellen, "naam")
        eigen = self._id("organization", normaliseer_naam(naam))
        if eigen not in self._organisaties["alle"]:
            ander = self._organisaties["per_naam"].get(naam.lower())
            if ander is not None:
                return ander  # already on the kaart: link to it, leave it as its owner keeps it
        waarden = {"id": str(eigen), "name": naam}
        if "sector" in self.blad.kolommen:
            # An empty cell says nothing: the sector stays unknown rather than "informeel".
            waarden["samenspel_sector"] = self._keuze(plaats, cellen, "sector", _SECTOREN, "")
        if buurt is not None:
            waarden["samenspel_gemeente"] = buurt.gemeente.code
        self._voeg_toe(
            "organization",
            plaats,
            waarden,
            self.veldnamen(name="organisatie", samenspel_sector="sector"),
        )
        return eigen

    def _plaats(self, plaats, cellen, service_id, organisatie_id, naam, buurt) -> None:
        adres = self.cel(cellen, "adres")
        postcode = self.cel(cellen, "postcode")
        woonplaats = self.cel(cellen, "plaats")
        lat, lon = self.cel(cellen, "lat"), self.cel(cellen, "lon")
        if not (adres or postcode or woonplaats or buurt or lat):
            return None
        locatie_id = self._id(service_id, "locatie")
        locatie = {
            "id": str(locatie_id),
            "location_type": "physical",
            "organization_id": str(organisatie_id),
            "name": naam,
        }
        if lat or lon:
            # Dutch spreadsheets write 52,1 for 52.1.
            locatie.update(latitude=lat.replace(",", "."), longitude=lon.replace(",", "."))
        elif buurt is not None:
            locatie.update(latitude=buurt.latitude, longitude=buurt.longitude)
        if buurt is not None:
            locatie["samenspel_buurt"] = buurt.code
        elif not (lat or lon):
            locatie["samenspel_buurt"] = ""
        self._voeg_toe("location", plaats, locatie, self.veldnamen(latitude="lat", longitude="lon"))
        self._voeg_toe(
            "service_at_location",
            plaats,
            {
                "id": str(self._id(service_id, "sal")),
                "service_id": str(service_id),
                "location_id": str(locatie_id),
            },
        )
        if not adres:
            if postcode:
                self.fout(plaats, "adres", "er staat een postcode maar geen adres")
            return locatie_id
        if postcode:
            try:
                postcode = normaliseer_postcode(postcode)
            except ValidationError as fout:
                self.fout(plaats, "postcode", fout.messages[0])
        else:
            self.fout(plaats, "postcode", "vul bij een adres ook de postcode in")
        if not woonplaats and buurt is not None:
            woonplaats = buurt.gemeente.naam
        if not woonplaats:
            self.fout(plaats, "plaats", "vul bij een adres ook de plaats (of de buurt) in")
        self._voeg_toe(
            "address",
            plaats,
            {
                "id": str(self._id(service_id, "adres")),
                "location_id": str(locatie_id),
                "address_1": adres,
                "postal_code": postcode,
                "city": woonplaats,
                "country": "NL",
                "address_type": "physical",
            },
            self.veldnamen(address_1="adres", postal_code="postcode", city="plaats"),
        )
        return locatie_id

    def _toegankelijkheid(self, plaats, cellen, locatie_id) -> None:
        """One HSDS accessibility record per feature named; anything else is an error."""
        tekst = self.cel(cellen, "toegankelijkheid")
        if not tekst:
            return
        if locatie_id is None:
            self.fout(
                plaats,
                "toegankelijkheid",
                "toegankelijkheid hoort bij een plek; vul ook het adres of de buurt in",
            )
            return
        for deel in re.split(r"[;,\n]", tekst):
            if not deel.strip():
                continue
            voorziening = toegankelijkheid.herken(deel)
            if voorziening is None:
                self.fout(
                    plaats,
                    "toegankelijkheid",
                    f"{deel.strip()!r} ken ik niet; kies uit {', '.join(toegankelijkheid.CODES)}",
                )
                continue
            self._voeg_toe(
                "accessibility",
                plaats,
                {
                    "id": str(self._id(locatie_id, "toegang", voorziening.code)),
                    "location_id": str(locatie_id),
                    "description": voorziening.tekst,
                },
                self.veldnamen(description="toegankelijkheid"),
            )

    def _contact(self, plaats, service_id, contact: _Contact) -> None:
        contact_id = None
        if contact.naam or contact.emails:
            contact_id = self._id(service_id, "contact")
            self._voeg_toe(
                "contact",
                plaats,
                {
                    "id": str(contact_id),
                    "service_id": str(service_id),
                    "name": contact.naam,
                    "email": contact.emails[0] if contact.emails else "",
                },
                self.veldnamen(name="contact", email="contact"),
            )
        for i, nummer in enumerate(contact.telefoons):
            self._voeg_toe(
                "phone",
                plaats,
                {
                    "id": str(self._id(service_id, "telefoon", i)),
                    "service_id": str(service_id),
                    "contact_id": str(contact_id) if contact_id else "",
                    "number": nummer,
                },
                self.veldnamen(number="contact"),
            )


def _bestaande_organisaties() -> dict:
    """Organisation names already on the kaart, so a sheet links to them instead of copying."""
    per_naam, alle = {}, set()
    for pk, naam in m.Organization.objects.values_list("pk", "name"):
        per_naam.setdefault(naam.lower(), pk)
        alle.add(pk)
    return {"per_naam": per_naam, "alle": alle}


def _bestaande_statussen(ids: list) -> dict:
    statussen = {}
    for begin in range(0, len(ids), 900):
        statussen.update(
            m.Service.objects.filter(pk__in=ids[begin : begin + 900]).values_list("pk", "status")
        )
    return statussen


class TabelInvoer:
    """The converted rows as an `Invoer` for the writer."""

    def __init__(self, omzetter: Omzetter):
        self.omzetter = omzetter

    def tabellen(self) -> set[str]:
        return set(self.omzetter.rijen)

    def kolommen(self, tabel: str) -> None:
        return None

    def ids(self, tabel: str):
        for rij in self.omzetter.rijen[tabel].values():
            yield rij.waarden["id"], rij.plaats

    def aantal(self, tabel: str) -> int:
        return len(self.omzetter.rijen[tabel])

    def rijen(self, tabel: str):
        yield from self.omzetter.rijen[tabel].values()


# Child rows a sheet row makes; those it no longer makes are removed from its listings.
_KINDEREN = (
    (m.Schedule, "service_id", "schedule"),
    (m.Phone, "service_id", "phone"),
    (m.Contact, "service_id", "contact"),
    (m.Attribute, "link_id", "attribute"),
    (m.ServiceAtLocation, "service_id", "service_at_location"),
)


def _ruim_op(omzetter: Omzetter, schrijver: Schrijver) -> None:
    """Remove what a row made earlier but no longer says (a phone number, a time slot)."""
    services = omzetter.services
    weg: dict[str, list] = defaultdict(list)
    for model, veld, tabel in _KINDEREN:
        houden = set(omzetter.rijen.get(tabel, {}))
        for begin in range(0, len(services), 900):
            qs = model.objects.filter(
                **{f"{veld}__in": services[begin : begin + 900]}, bron=omzetter.bron
            )
            weg[tabel] += [pk for pk in qs.values_list("pk", flat=True) if pk not in houden]
    # Access hangs on the row's place, not on the listing.
    locaties = [omzetter._id(s, "locatie") for s in services]
    houden = set(omzetter.rijen.get("accessibility", {}))
    for begin in range(0, len(locaties), 900):
        qs = m.Accessibility.objects.filter(
            location_id__in=locaties[begin : begin + 900], bron=omzetter.bron
        )
        weg["accessibility"] += [pk for pk in qs.values_list("pk", flat=True) if pk not in houden]
    for tabel, model, deel in (
        ("location", m.Location, "locatie"),
        ("address", m.Address, "adres"),
    ):
        gemaakt = {omzetter._id(s, deel) for s in services} - set(omzetter.rijen.get(tabel, {}))
        weg[tabel] += list(
            model.objects.filter(pk__in=gemaakt, bron=omzetter.bron).values_list("pk", flat=True)
        )
    modellen = {tabel: model for model, _, tabel in _KINDEREN}
    modellen.update(location=m.Location, address=m.Address, accessibility=m.Accessibility)
    for tabel, pks in weg.items():
        if not pks:
            continue
        # Through the ORM, so the search log hears of it like any other deletion.
        modellen[tabel].objects.filter(pk__in=pks).delete()
        schrijver.tellingen.setdefault(tabel, Telling()).verwijderd += len(pks)
        for pk in pks:
            schrijver.aantal_wijzigingen += 1
            schrijver.wijzigingen.append(f"- {tabel} {pk}")


def importeer_tabel(
    pad,
    bron: str | None = None,
    proef: bool = False,
    voortgang: Voortgang | None = None,
    tekenset: str = "utf-8",
    blad: str | None = None,
):
    """Import a spreadsheet in the Samenspel template (xlsx or csv)."""
    pad = bestaat(pad)
    naam = bron or f"tabel:{pad.stem}"

    def stap(run, meldingen):
        werkblad = lees_blad(pad, tekenset, blad)
        for kop in werkblad.onbekend:
            meldingen.waarschuw(Plaats(pad.name, None, kop), "kolom onbekend; overgeslagen")
        omzetter = Omzetter(werkblad, naam, meldingen)
        omzetter.zet_om()
        schrijver = Schrijver(run, naam, meldingen, voortgang or Voortgang(aan=False))
        schrijver.schrijf(TabelInvoer(omzetter))
        if not meldingen.heeft_fouten:
            _ruim_op(omzetter, schrijver)
        return uitkomst_van(schrijver, "tabel", proef)

    return voer_uit("tabel", naam, pad.name, stap, proef)
