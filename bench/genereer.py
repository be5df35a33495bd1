"""Generate a national-scale sociale kaart as an HSDS 3.0 data package (seeded, deterministic).

    python bench/genereer.py --schaal 150k

writes ``bench/data/150k/``:

* ``hsds/``: organizations, services, locations, service_at_location, addresses, schedules,
  attributes, taxonomies and taxonomy_terms as CSV with a ``datapackage.json``, in the form
  ``samenspel importeer hsds`` reads (Samenspel's own fields in ``samenspel_*`` columns);
* ``gebieden.csv``: 342 gemeenten, ~3,300 wijken and ~14,500 buurten (CBS-style codes);
* ``cbs_kerncijfers.csv`` and ``rivm_gezondheidsmonitor.csv``: area figures for every area in
  the published layouts (StatLine OData column names), for
  ``samenspel importeer cijfers FILE --bron cbs|rivm --jaar N`` (``genereer_cijfers``);
* ``verwijzingen.csv`` and ``gebeurtenissen.csv``: referrals with their status histories;
* ``web/personen.csv`` and ``web/banden.csv``: the web, about 120,000 contact persons and
  200,000 ties between them over the 50,000 organisations (``genereer_web``);
* ``over.json``: what was generated, with which seed.

Everything is written row by row, so memory stays small at any scale. The same seed and scale
give byte-identical files.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import sys
import time
import uuid
from datetime import date, timedelta
from pathlib import Path

import kansen
import nederland
import verwijzingen
import woorden
from samenspel.directory import taxonomieen

HIER = Path(__file__).resolve().parent
DATA = HIER / "data"
SCHALEN = {"1k": 1_000, "15k": 15_000, "150k": 150_000}
SEED = 2025
# Generated dates are relative to a fixed day, so the files do not change with the calendar.
PEILDATUM = date(2026, 11, 1)
VERSIE = 4  # bump when the output changes, so the runner regenerates old data

_NIET_SLUG = re.compile("[^a-z0-9]")
AANTAL_PLEKKEN = kansen.Keuze((1, 2, 3), (70, 22, 8))
AANTAL_SLOTS = kansen.Keuze((0, 1, 2), (10, 75, 15))
AANTAL_DAGEN = kansen.Keuze((1, 2, 3), (60, 30, 10))
AANTAL_BOUWSTENEN = kansen.Keuze((1, 2, 3), (45, 40, 15))
ZICHTBAARHEID = {
    True: kansen.Keuze(("openbaar", "via_contactpersoon", "professionals"), (85, 10, 5)),
    False: kansen.Keuze(("openbaar", "via_contactpersoon", "professionals"), (93, 6, 1)),
}

KOLOMMEN = {
    "taxonomies": "id name description uri version",
    "taxonomy_terms": "id code name description parent_id taxonomy language taxonomy_id "
    "term_uri samenspel_volgorde",
    "organizations": "id name alternate_name description email website tax_status tax_id "
    "year_incorporated legal_status logo uri parent_organization_id samenspel_sector "
    "samenspel_gemeente",
    "services": "id organization_id program_id name alternate_name description url email status "
    "interpretation_services application_process fees_description wait_time fees accreditations "
    "eligibility_description minimum_age maximum_age assured_date assurer_email licenses alert "
    "last_modified samenspel_zichtbaarheid samenspel_route samenspel_gratis "
    "samenspel_zonder_indicatie samenspel_inloop samenspel_op_afspraak "
    "samenspel_tijden_omschrijving samenspel_moderatie",
    "locations": "id location_type url organization_id name alternate_name description "
    "transportation latitude longitude external_identifier external_identifier_type "
    "samenspel_buurt",
    "service_at_location": "id service_id location_id description",
    "addresses": "id location_id attention address_1 address_2 city region state_province "
    "postal_code country address_type",
    "schedules": "id service_id location_id service_at_location_id valid_from valid_to dtstart "
    "timezone until count wkst freq interval byday byweekno bymonthday byyearday description "
    "opens_at closes_at schedule_link attending_type notes",
    "attributes": "id link_id taxonomy_term_id link_type link_entity value",
}
SOORT_VAN_KOLOM = {
    "latitude": "number",
    "longitude": "number",
    "minimum_age": "integer",
    "maximum_age": "integer",
    "year_incorporated": "integer",
    "assured_date": "date",
    "last_modified": "datetime",
    "opens_at": "time",
    "closes_at": "time",
    "samenspel_volgorde": "integer",
}
# Province centroids: an address gets the province nearest to its gemeente.
PROVINCIES = (
    ("Groningen", 53.22, 6.74), ("Fryslân", 53.11, 5.85), ("Drenthe", 52.86, 6.62),
    ("Overijssel", 52.44, 6.45), ("Flevoland", 52.53, 5.60), ("Gelderland", 52.06, 5.95),
    ("Utrecht", 52.08, 5.20), ("Noord-Holland", 52.58, 4.87), ("Zuid-Holland", 51.99, 4.50),
    ("Zeeland", 51.49, 3.85), ("Noord-Brabant", 51.56, 5.20), ("Limburg", 51.20, 5.93),
)  # fmt: skip


nieuwe_id = kansen.uuid4


def ingebouwde_termen() -> dict[str, dict[str, str]]:
    """Per built-in taxonomy: code -> term id, exactly as the product derives them."""
    return {
        naam: {
            t["code"]: str(uuid.uuid5(taxonomieen.NAMESPACE, f"{naam}/{t['code']}"))
            for t in taxonomieen.lees(bestand)
        }
        for naam, bestand, _ in taxonomieen.INGEBOUWD
    }


class Pakket:
    """Open CSV writers for every table; rows are written as they are made."""

    def __init__(self, map_: Path):
        self.map = map_
        map_.mkdir(parents=True, exist_ok=True)
        self._bestanden = {}
        self.schrijvers = {}
        self.aantallen = dict.fromkeys(KOLOMMEN, 0)
        for tabel, kolommen in KOLOMMEN.items():
            bestand = open(map_ / f"{tabel}.csv", "w", newline="", encoding="utf-8")  # noqa: SIM115
            self._bestanden[tabel] = bestand
            self.schrijvers[tabel] = csv.writer(bestand, lineterminator="\n")
            self.schrijvers[tabel].writerow(kolommen.split())

    def rij(self, tabel: str, waarden: list) -> None:
        self.schrijvers[tabel].writerow(waarden)
        self.aantallen[tabel] += 1

    def sluit(self) -> None:
        for bestand in self._bestanden.values():
            bestand.close()
        resources = [
            {
                "name": tabel,
                "path": f"{tabel}.csv",
                "profile": "tabular-data-resource",
                "schema": {
                    "fields": [
                        {"name": k, "type": SOORT_VAN_KOLOM.get(k, "string")}
                        for k in kolommen.split()
                    ]
                },
            }
            for tabel, kolommen in KOLOMMEN.items()
        ]
        pakket = {
            "name": "samenspel-benchmark",
            "title": "Gegenereerde sociale kaart voor de Samenspel-benchmark",
            "profile": "tabular-data-package",
            "resources": resources,
        }
        (self.map / "datapackage.json").write_text(
            json.dumps(pakket, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )


def _taxonomieen(pakket: Pakket) -> None:
    """The built-in taxonomies, unchanged: the import finds them equal to what it has."""
    for naam, bestand, omschrijving in taxonomieen.INGEBOUWD:
        taxonomie_id = str(uuid.uuid5(taxonomieen.NAMESPACE, naam))
        pakket.rij("taxonomies", [taxonomie_id, naam, omschrijving, "", "1"])
        for volgorde, term in enumerate(taxonomieen.lees(bestand), start=1):
            pakket.rij(
                "taxonomy_terms",
                [
                    str(uuid.uuid5(taxonomieen.NAMESPACE, f"{naam}/{term['code']}")),
                    term["code"],
                    term["naam"],
                    term.get("definitie") or term["naam"],
                    "",
                    "",
                    "nl",
                    taxonomie_id,
                    "",
                    volgorde,
                ],
            )


class Kaart:
    """The state the generator needs while writing: areas, and where each org works."""

    def __init__(self, gebieden: list[nederland.Gebied]):
        self.gemeenten = [g for g in gebieden if g.niveau == "gemeente"]
        self.per_code = {g.code: g for g in gebieden}
        self.buurten_in_wijk: dict[str, list[nederland.Gebied]] = {}
        self.wijken_in_gemeente: dict[str, list[str]] = {}
        for g in gebieden:
            if g.niveau == "buurt":
                self.buurten_in_wijk.setdefault(g.ouder, []).append(g)
            elif g.niveau == "wijk":
                self.wijken_in_gemeente.setdefault(g.ouder, []).append(g.code)
        self.gemeente_gewichten = [g.inwoners for g in self.gemeenten]
        self.provincie = {
            g.code: min(PROVINCIES, key=lambda p, g=g: (p[1] - g.lat) ** 2 + (p[2] - g.lon) ** 2)[0]
            for g in self.gemeenten
        }

    def buurt(self, rng: random.Random, gemeente: str, wijk: str | None) -> nederland.Gebied:
        """A buurt in the gemeente, mostly in the given wijk when there is one."""
        if wijk is None or rng.random() < 0.3:
            wijk = rng.choice(self.wijken_in_gemeente[gemeente])
        return rng.choice(self.buurten_in_wijk[wijk])


def _organisatienaam(rng: random.Random, sector: str, gm: nederland.Gebied, wijk: str) -> str:
    w = woorden
    wijknaam = wijk.split(" ", 1)[-1]
    if sector == "formeel":
        return rng.choice(
            (
                f"Stichting Welzijn {gm.naam}",
                f"Buurtteam {gm.naam} {wijknaam}",
                f"Sociaal Wijkteam {wijknaam}",
                f"GGZ {gm.naam}",
                f"Zorggroep De {rng.choice(w.DINGEN)}",
                f"Thuiszorg {gm.naam}",
                f"Huisartsenpraktijk {rng.choice(w.ACHTERNAMEN).capitalize()}",
                f"Gezondheidscentrum {wijknaam}",
                f"Centrum voor Jeugd en Gezin {gm.naam}",
                f"Verslavingszorg Regio {gm.naam}",
                f"Cliëntondersteuning {gm.naam}",
                f"Welzijnsorganisatie De {rng.choice(w.DINGEN)}",
                f"Gemeente {gm.naam}",
            )
        )
    if sector == "hybride":
        return rng.choice(
            (
                f"Sociaal Ondernemer De {rng.choice(w.DINGEN)}",
                f"Coöperatie {rng.choice(w.MOTTO_S)}",
                f"Herstelacademie {gm.naam}",
                f"Leerwerkbedrijf De {rng.choice(w.DINGEN)}",
                f"Zorgboerderij De {rng.choice(w.DINGEN)}",
            )
        )
    return rng.choice(
        (
            f"Bewonersinitiatief {rng.choice(w.MOTTO_S)}",
            f"Buurtvereniging {wijknaam}",
            f"Stichting {rng.choice(w.MOTTO_S)}",
            f"Vrijwilligerscentrale {gm.naam}",
            f"Protestantse Gemeente {gm.naam}",
            f"Parochie {rng.choice(w.HEILIGEN)}",
            f"Moskee {rng.choice(('Mevlana', 'Al Fourkaan', 'Ulu', 'Essalam', 'Fatih'))}",
            f"Stichting Vrienden van {wijknaam}",
            f"Buurthuis De {rng.choice(w.DINGEN)}",
            f"Ouderenvereniging {gm.naam}",
            f"Repair Café {gm.naam}",
            f"Voedselbank {gm.naam}",
            f"Vrouwengroep {rng.choice(w.MOTTO_S)}",
        )
    )


def _dienstnaam(rng: random.Random, typenaam: str, buurt, gm, org: str) -> str:
    keuze = rng.random()
    if keuze < 0.3:
        return f"{typenaam} {buurt.naam}"
    if keuze < 0.5:
        return f"{typenaam} De {rng.choice(woorden.DINGEN)}"
    if keuze < 0.65:
        return f"{typenaam} {gm.naam}"
    if keuze < 0.8:
        return f"{typenaam} '{rng.choice(woorden.MOTTO_S)}'"
    if keuze < 0.9:
        return typenaam
    return f"{typenaam} van {org}"


def _slug(tekst: str) -> str:
    return _NIET_SLUG.sub("", tekst.lower())[:30] or "info"


def _soorttabellen():
    """Cumulative weights of the service kinds per sector of the provider."""
    tabellen = {}
    for sector in ("formeel", "informeel", "hybride"):
        gewichten = []
        for soort in woorden.SOORTEN:
            deel = {
                "informeel": soort.informeel,
                "formeel": 1 - soort.informeel,
                "hybride": 0.5,
            }[sector]
            gewichten.append(soort.gewicht * (deel + 0.02))
        som, cum = 0.0, []
        for g in gewichten:
            som += g
            cum.append(som)
        tabellen[sector] = cum
    return tabellen


def genereer_kaart(
    schaal: int,
    gebieden: list[nederland.Gebied],
    pakket: Pakket,
    seed: int,
    organisaties: list | None = None,
) -> list[tuple[str, str, str, str]]:
    """Write organisations, services and everything hanging off them.

    Returns per live service (id, sector of its organisation, route, buurt code) for the
    referrals that follow; ``organisaties``, when given, receives per organisation (id,
    sector, gemeente code, home wijk code) for the web.
    """
    rng = random.Random(seed)
    kaart = Kaart(gebieden)
    termen = ingebouwde_termen()
    bouwsteen_ids = termen["Samenspel bouwstenen"]
    doelgroep_ids = termen["Samenspel doelgroepen"]
    domein_ids = termen["Samenspel levensdomeinen"]
    soorttabellen = _soorttabellen()

    aantal_orgs = max(1, schaal // 3)
    sectoren = rng.choices(("formeel", "informeel", "hybride"), (35, 55, 10), k=aantal_orgs)
    # Formal organisations run many services, informal ones mostly one or two.
    gemiddeld = {"formeel": 5.0, "informeel": 1.4, "hybride": 2.5}
    gewichten = [rng.lognormvariate(0, 0.8) * gemiddeld[s] for s in sectoren]
    per_org = nederland._verdeel(schaal, gewichten, 1)
    gm_keuzes = rng.choices(kaart.gemeenten, kaart.gemeente_gewichten, k=aantal_orgs)

    uit = []
    for sector, n_diensten, gm in zip(sectoren, per_org, gm_keuzes, strict=True):
        org_id = nieuwe_id(rng)
        thuiswijk = rng.choice(kaart.wijken_in_gemeente[gm.code])
        wijknaam = kaart.per_code[thuiswijk].naam
        orgnaam = _organisatienaam(rng, sector, gm, wijknaam)
        slug = _slug(orgnaam)
        pakket.rij(
            "organizations",
            [
                org_id,
                orgnaam,
                "",
                f"{orgnaam} is actief in {gm.naam} en omgeving.",
                f"info@{slug}.nl" if rng.random() < 0.6 else "",
                f"https://www.{slug}.nl" if rng.random() < 0.5 else "",
                "",
                "",
                rng.randint(1950, 2025) if rng.random() < 0.5 else "",
                {"formeel": "stichting", "informeel": "vereniging", "hybride": "bv"}[sector],
                "",
                "",
                "",
                sector,
                gm.code,
            ],
        )
        if organisaties is not None:
            organisaties.append((org_id, sector, gm.code, thuiswijk))
        # The organisation's own address; services may happen there or elsewhere.
        hoofdbuurt = kaart.buurt(rng, gm.code, thuiswijk)
        locaties = [_locatie(rng, pakket, org_id, orgnaam, hoofdbuurt, gm, kaart)]

        for _ in range(n_diensten):
            uit.append(
                _dienst(
                    rng, pakket, kaart, soorttabellen[sector], sector, org_id, orgnaam, gm,
                    thuiswijk, locaties, bouwsteen_ids, doelgroep_ids, domein_ids,
                )
            )  # fmt: skip
    return [rij for rij in uit if rij is not None]


def _locatie(rng, pakket: Pakket, org_id: str, naam: str, buurt, gm, kaart: Kaart):
    locatie_id = nieuwe_id(rng)
    lat, lon = nederland.rond(rng, buurt.lat, buurt.lon, 0.35)
    pakket.rij(
        "locations",
        [locatie_id, "physical", "", org_id, naam, "", "", "", lat, lon, "", "", buurt.code],
    )
    cijfers = int(gm.code[2:]) * 17 % 8000 + 1000
    pakket.rij(
        "addresses",
        [
            nieuwe_id(rng),
            locatie_id,
            "",
            f"{rng.choice(woorden.STRATEN)} {rng.randint(1, 250)}",
            "",
            gm.naam,
            "",
            kaart.provincie[gm.code],
            f"{cijfers} {chr(65 + rng.randrange(26))}{chr(65 + rng.randrange(26))}",
            "NL",
            "physical",
        ],
    )
    return (locatie_id, buurt)


def _dienst(
    rng, pakket, kaart, soorttabel, sector, org_id, orgnaam, gm, thuiswijk, locaties,
    bouwsteen_ids, doelgroep_ids, domein_ids,
):  # fmt: skip
    w = woorden
    soort = rng.choices(w.SOORTEN, cum_weights=soorttabel)[0]
    dienst_id = nieuwe_id(rng)

    # Where: one to three places, often the organisation's own address.
    plekken = []
    for _ in range(AANTAL_PLEKKEN(rng)):
        if rng.random() < 0.3:
            plek = rng.choice(locaties)
        else:
            buurt = kaart.buurt(rng, gm.code, thuiswijk)
            plek = _locatie(rng, pakket, org_id, orgnaam, buurt, gm, kaart)
            locaties.append(plek)
        if plek not in plekken:
            plekken.append(plek)
    buurt = plekken[0][1]
    wijk = kaart.per_code[buurt.ouder]

    # When: weekly slots; the first also gives the text "elke dinsdagochtend".
    slots = []
    for _ in range(AANTAL_SLOTS(rng)):
        dagen = sorted(rng.sample(range(7), AANTAL_DAGEN(rng)))
        van, tot, dagdeel = rng.choice(w.DAGDELEN)
        slots.append((dagen, van, tot, dagdeel))
    if slots:
        dagen, van, tot, dagdeel = slots[0]
        tijden = "elke " + " en ".join(w.DAGEN[d][1] + dagdeel for d in dagen)
    else:
        tijden = "op afspraak"

    # Who and what.
    doelgroepen = rng.sample(soort.doelgroepen, min(len(soort.doelgroepen), rng.randint(1, 2)))
    doelgroeptekst = rng.choice(w.DOELGROEP_TEKSTEN[doelgroepen[0]])
    typenaam = rng.choice(soort.namen)
    naam = _dienstnaam(rng, typenaam, buurt, gm, orgnaam)
    zinnen = rng.sample(soort.zinnen, min(len(soort.zinnen), rng.randint(2, 3)))
    zinnen.insert(
        rng.randint(0, 1),
        rng.choice(
            (
                f"Voor {doelgroeptekst} in {buurt.naam} en omgeving.",
                f"Speciaal voor {doelgroeptekst}.",
                f"We zijn er voor {doelgroeptekst} uit {wijk.naam}.",
                f"{tijden.capitalize()} in {buurt.naam}.",
            )
        ),
    )
    zinnen += rng.sample(w.ALGEMENE_ZINNEN, rng.randint(1, 2))
    omschrijving = " ".join(zinnen)

    aantal_bs = AANTAL_BOUWSTENEN(rng)
    bouwstenen = list(soort.bouwstenen[:aantal_bs])
    while len(bouwstenen) < aantal_bs:
        extra = rng.choice(w.BOUWSTENEN)
        if extra not in bouwstenen:
            bouwstenen.append(extra)

    formeel = sector == "formeel"
    zichtbaarheid = ZICHTBAARHEID[formeel](rng)
    status = "active" if rng.random() < 0.97 else rng.choice(("inactive", "temporarily closed"))
    moderatie = "goedgekeurd" if rng.random() < 0.98 else "wachtrij"
    route = "aanmelden" if rng.random() < (0.5 if formeel else 0.3) else "informatie"
    vers = rng.random() < 0.65
    bevestigd = PEILDATUM - timedelta(days=rng.randint(0, 170) if vers else rng.randint(190, 1100))
    gratis = (not formeel and rng.random() < 0.8) or rng.random() < 0.3
    slug = _slug(naam)
    pakket.rij(
        "services",
        [
            dienst_id,
            org_id,
            "",
            naam,
            "",
            omschrijving,
            f"https://www.{slug}.nl" if rng.random() < 0.4 else "",
            f"info@{slug}.nl" if rng.random() < 0.5 else "",
            status,
            "",
            rng.choice(
                (
                    "Je kunt gewoon binnenlopen.",
                    "Bel of mail om je aan te melden.",
                    "Aanmelden via de huisarts of het wijkteam.",
                    "Meld je aan via het formulier op de website.",
                )
            ),
            "Gratis." if gratis else rng.choice(("€ 2,50 per keer.", "€ 5 per maand.", "Wmo")),
            "",
            "",
            "",
            f"Voor {doelgroeptekst}.",
            18 if "jongeren" not in doelgroepen and rng.random() < 0.2 else "",
            "",
            bevestigd.isoformat(),
            "",
            "",
            "",
            f"{bevestigd.isoformat()}T10:00:00Z",
            zichtbaarheid,
            route,
            "true" if gratis else "false",
            "false" if formeel and rng.random() < 0.4 else "true",
            "true" if tijden != "op afspraak" and rng.random() < 0.5 else "false",
            "true" if tijden == "op afspraak" else "false",
            tijden,
            moderatie,
        ],
    )
    for locatie_id, _ in plekken:
        pakket.rij("service_at_location", [nieuwe_id(rng), dienst_id, locatie_id, ""])
    for dagen, van, tot, dagdeel in slots:
        byday = ",".join(w.DAGEN[d][0] for d in dagen)
        pakket.rij(
            "schedules",
            [
                nieuwe_id(rng), dienst_id, "", "", "", "", "", "", "", "", "", "WEEKLY", "",
                byday, "", "", "", f"Elke {dagdeel}", van, tot, "", "", "",
            ],
        )  # fmt: skip
    for code in bouwstenen:
        pakket.rij(
            "attributes", [nieuwe_id(rng), dienst_id, bouwsteen_ids[code], "", "service", ""]
        )
    for code in doelgroepen:
        pakket.rij(
            "attributes", [nieuwe_id(rng), dienst_id, doelgroep_ids[code], "", "service", ""]
        )
    if rng.random() < 0.6:
        code = rng.choice(soort.levensdomeinen)
        pakket.rij("attributes", [nieuwe_id(rng), dienst_id, domein_ids[code], "", "service", ""])

    if status != "active" or moderatie != "goedgekeurd":
        return None
    return (dienst_id, sector, route, buurt.code)


# The web at 150k: 120,000 persons and 200,000 ties over 50,000 organisations (issue 11).
PERSONEN_PER_ORGANISATIE = 2.4
BANDEN_PER_ORGANISATIE = 4.0
AANDEEL_COORDINATOREN = 0.08
AANDEEL_INGESTEMD = 0.8
VOORNAMEN = (
    "Anouk", "Bram", "Fatima", "Joost", "Marieke", "Hamid", "Sanne", "Erik", "Linda", "Wim",
    "Yara", "Romy", "Ahmed", "Tess", "Koen", "Nadia", "Mohamed", "Emma", "Daan", "Noor",
)  # fmt: skip
FUNCTIES = ("buurtteamer", "wijkverpleegkundige", "coördinator", "POH-ggz", "opbouwwerker", "")
ROLLEN = (
    "wijkambassadeur", "ervaringsdeskundige", "kwartiermaker", "gebiedsmakelaar", "", "", "", "",
)  # fmt: skip
BANDSOORTEN = kansen.Keuze(
    ("verwijzen", "samenwerken", "ruimte_delen", "overleg", "casusoverleg", "kennismaking"),
    (30, 25, 8, 20, 7, 10),
)
KOLOMMEN_WEB = {
    "personen": "id organisatie_id naam functie verbinderrol vrijwilligers wijk ingestemd",
    "banden": "van naar soort",
}


def genereer_web(organisaties: list, map_: Path, seed: int) -> dict:
    """Contact persons and the ties they carry, in the shape of ``bench/web.py``'s web.

    Every organisation has one person, the rest go to organisations at random; most ties lie
    within the wijk, some within the gemeente, a few anywhere. 8% are coordinators who stand
    for volunteers. A pair is written in the order the product stores it (``van`` < ``naar``).
    Its own random stream, so the kaart's files stay byte-identical.
    """
    rng = random.Random(seed + 11)
    map_.mkdir(parents=True, exist_ok=True)
    n_org = len(organisaties)
    n_pers = round(n_org * PERSONEN_PER_ORGANISATIE)
    persoon_org = list(range(n_org)) + [rng.randrange(n_org) for _ in range(n_pers - n_org)]
    ids = [nieuwe_id(rng) for _ in range(n_pers)]
    coordinatoren = set(rng.sample(range(n_pers), int(n_pers * AANDEEL_COORDINATOREN)))
    personen_in_wijk: dict[str, list[int]] = {}
    wijken_in_gemeente: dict[str, list[str]] = {}
    for p, o in enumerate(persoon_org):
        _, _, gemeente, wijk = organisaties[o]
        if wijk not in personen_in_wijk:
            wijken_in_gemeente.setdefault(gemeente, []).append(wijk)
        personen_in_wijk.setdefault(wijk, []).append(p)
    wijken = sorted(personen_in_wijk)
    with open(map_ / "personen.csv", "w", newline="", encoding="utf-8") as bestand:
        schrijver = csv.writer(bestand, lineterminator="\n")
        schrijver.writerow(KOLOMMEN_WEB["personen"].split())
        for p, o in enumerate(persoon_org):
            coordinator = p in coordinatoren
            schrijver.writerow(
                [
                    ids[p],
                    organisaties[o][0],
                    f"{rng.choice(VOORNAMEN)} {rng.choice(woorden.ACHTERNAMEN)}",
                    rng.choice(FUNCTIES),
                    "vrijwilligerscoordinator" if coordinator else rng.choice(ROLLEN),
                    rng.randint(3, 40) if coordinator else 0,
                    organisaties[o][3],
                    1 if rng.random() < AANDEEL_INGESTEMD else 0,
                ]
            )
    paren: set[tuple[int, int]] = set()
    doel = round(n_org * BANDEN_PER_ORGANISATIE)
    while len(paren) < doel:
        a = rng.randrange(n_pers)
        _, _, gemeente, wijk = organisaties[persoon_org[a]]
        r = rng.random()
        if r < 0.85:
            b = rng.choice(personen_in_wijk[wijk])
        elif r < 0.97:
            b = rng.choice(personen_in_wijk[rng.choice(wijken_in_gemeente[gemeente])])
        else:
            b = rng.choice(personen_in_wijk[rng.choice(wijken)])
        if persoon_org[a] != persoon_org[b]:
            paren.add((a, b) if ids[a] < ids[b] else (b, a))
    with open(map_ / "banden.csv", "w", newline="", encoding="utf-8") as bestand:
        schrijver = csv.writer(bestand, lineterminator="\n")
        schrijver.writerow(KOLOMMEN_WEB["banden"].split())
        for a, b in sorted(paren):
            schrijver.writerow([ids[a], ids[b], BANDSOORTEN(rng)])
    return {"personen": n_pers, "banden": len(paren), "coordinatoren": len(coordinatoren)}


# The figures' year, as StatLine names it ("2023JJ00").
CIJFERJAAR = 2023
CBS_KOPPEN = (
    "ID", "WijkenEnBuurten", "Gemeentenaam_1", "SoortRegio_2", "Codering_3",
    "IndelingswijzigingWijkenEnBuurten_4", "AantalInwoners_5", "Mannen_6", "Vrouwen_7",
    "k_0Tot15Jaar_8", "k_15Tot25Jaar_9", "k_25Tot45Jaar_10", "k_45Tot65Jaar_11",
    "k_65JaarOfOuder_12", "HuishoudensTotaal_28", "Eenpersoonshuishoudens_30",
    "HuishoudensMetEenLaagInkomen_81",
)  # fmt: skip
RIVM_KOPPEN = (
    "ID", "Leeftijd", "Marges", "Perioden", "WijkenEnBuurten", "Gemeentenaam_1",
    "SoortRegio_2", "Codering_3", "HoogRisicoOpAngstOfDepressie_25", "Eenzaam_27",
    "ErnstigZeerErnstigEenzaam_28",
)  # fmt: skip
# CBS pads codes and names with spaces to a fixed width, as the published file does.
_SOORT_REGIO = {"gemeente": "Gemeente", "wijk": "Wijk", "buurt": "Buurt"}


def _verdeel_leeftijden(rng: random.Random, inwoners: int) -> list[int]:
    """Residents in five age groups that add up to `inwoners` (about the Dutch shares)."""
    delen = [max(0.02, rng.gauss(m, s)) for m, s in ((0.155, 0.03), (0.12, 0.03),
             (0.25, 0.05), (0.27, 0.04), (0.20, 0.05))]  # fmt: skip
    som = sum(delen)
    groepen = [int(inwoners * d / som) for d in delen]
    groepen[3] += inwoners - sum(groepen)
    return groepen


def genereer_cijfers(gebieden: list[nederland.Gebied], map_: Path, seed: int) -> dict:
    """CBS Kerncijfers and RIVM Gezondheidsmonitor figures for every area, as published.

    Plausible values: age groups that add up, single-person households rising with the share
    of over-65s, low incomes between 3 and 25%, loneliness around 45% (severe around 12%), a
    high risk of anxiety or depression around 8%. Some small buurten are secret (".") as CBS
    and RIVM keep them. A buurt is drawn first, its wijk and gemeente are the sums and
    resident-weighted means of its buurten, so the levels agree. The RIVM file repeats each
    area per age group and per margin (the import keeps "18 jaar of ouder" / "Waarde").
    Its own random stream, so the other files stay byte-identical.
    """
    rng = random.Random(seed + 23)
    map_.mkdir(parents=True, exist_ok=True)
    naam_gemeente = {g.code: g.naam for g in gebieden if g.niveau == "gemeente"}
    kinderen: dict[str, list[str]] = {}
    for g in gebieden:
        if g.ouder:
            kinderen.setdefault(g.ouder, []).append(g.code)
    # Per area: inwoners, 5 age groups, households, single, low-income %, risk, lonely, severe.
    waarden: dict[str, dict] = {}
    for g in gebieden:
        if g.niveau != "buurt":
            continue
        groepen = _verdeel_leeftijden(rng, g.inwoners)
        oud = groepen[4] / g.inwoners
        huishoudens = max(1, round(g.inwoners / rng.uniform(1.9, 2.4)))
        alleen = min(
            huishoudens, round(huishoudens * min(0.75, max(0.2, rng.gauss(0.3 + oud, 0.06))))
        )
        waarden[g.code] = {
            "inwoners": g.inwoners, "groepen": groepen, "huishoudens": huishoudens,
            "alleen": alleen, "laag": min(25.0, max(3.0, rng.gauss(9.0, 4.0))),
            "risico": min(20.0, max(2.0, rng.gauss(8.0, 2.5))),
            "eenzaam": min(70.0, max(25.0, rng.gauss(45.0 + 20 * oud, 6.0))),
            "ernstig": min(30.0, max(4.0, rng.gauss(12.0, 3.0))),
        }  # fmt: skip
    for niveau in ("wijk", "gemeente"):
        for g in gebieden:
            if g.niveau != niveau:
                continue
            delen = [waarden[k] for k in kinderen.get(g.code, ()) if k in waarden]
            inwoners = sum(d["inwoners"] for d in delen)
            waarden[g.code] = {
                "inwoners": inwoners,
                "groepen": [sum(d["groepen"][i] for d in delen) for i in range(5)],
                "huishoudens": sum(d["huishoudens"] for d in delen),
                "alleen": sum(d["alleen"] for d in delen),
                **{
                    k: sum(d[k] * d["inwoners"] for d in delen) / max(1, inwoners)
                    for k in ("laag", "risico", "eenzaam", "ernstig")
                },
            }
    geheim = {g.code for g in gebieden if g.niveau == "buurt" and g.inwoners < 200}
    with open(map_ / "cbs_kerncijfers.csv", "w", newline="", encoding="utf-8") as bestand:
        schrijver = csv.writer(bestand, delimiter=";", quoting=csv.QUOTE_ALL, lineterminator="\n")
        schrijver.writerow(CBS_KOPPEN)
        for i, g in enumerate(gebieden):
            w = waarden[g.code]
            mannen = round(w["inwoners"] * rng.uniform(0.48, 0.51))
            gm = g.code if g.niveau == "gemeente" else "GM" + g.code[2:6]
            schrijver.writerow(
                [
                    i, f"{g.code:<10}", f"{naam_gemeente[gm]:<40}",
                    f"{_SOORT_REGIO[g.niveau]:<10}", f"{g.code:<10}",
                    "." if g.niveau == "gemeente" else "1", w["inwoners"], mannen,
                    w["inwoners"] - mannen, *w["groepen"], w["huishoudens"], w["alleen"],
                    "." if g.code in geheim else f"{w['laag']:.1f}",
                ]
            )  # fmt: skip
    rijen = 0
    with open(map_ / "rivm_gezondheidsmonitor.csv", "w", newline="", encoding="utf-8") as bestand:
        schrijver = csv.writer(bestand, delimiter=";", quoting=csv.QUOTE_ALL, lineterminator="\n")
        schrijver.writerow(RIVM_KOPPEN)
        for g in gebieden:
            w = waarden[g.code]
            gm = g.code if g.niveau == "gemeente" else "GM" + g.code[2:6]
            for leeftijd, verschil in (("18 jaar of ouder", 0.0), ("65 jaar of ouder", 4.0)):
                for marge, factor in (("Waarde", 1.0), ("Ondergrens", 0.9), ("Bovengrens", 1.1)):
                    cellen = [
                        "." if g.code in geheim else f"{factor * (w[k] + verschil):.1f}"
                        for k in ("risico", "eenzaam", "ernstig")
                    ]
                    schrijver.writerow(
                        [
                            rijen, leeftijd, marge, f"{CIJFERJAAR}JJ00", f"{g.code:<10}",
                            naam_gemeente[gm], _SOORT_REGIO[g.niveau], f"{g.code:<10}", *cellen,
                        ]
                    )  # fmt: skip
                    rijen += 1
    return {"jaar": CIJFERJAAR, "cbs_rijen": len(gebieden), "rivm_rijen": rijen}


# Half the side of the square that stands in for an area's outline, in km.
HALVE_ZIJDE_KM = {"buurt": 0.25, "wijk": 0.8}


def _schrijf_gebieden(gebieden: list[nederland.Gebied], map_: Path) -> None:
    """The areas three ways: a plain CSV (for the query set), GeoJSON as CBS publishes it
    (for `samenspel importeer gebieden`) and a figures CSV with the residents per area."""
    with open(map_ / "gebieden.csv", "w", newline="", encoding="utf-8") as bestand:
        schrijver = csv.writer(bestand, lineterminator="\n")
        schrijver.writerow(["code", "naam", "niveau", "ouder", "lat", "lon", "inwoners"])
        for g in gebieden:
            schrijver.writerow([g.code, g.naam, g.niveau, g.ouder, g.lat, g.lon, g.inwoners])
    with open(map_ / "cijfers.csv", "w", newline="", encoding="utf-8") as bestand:
        schrijver = csv.writer(bestand, lineterminator="\n")
        schrijver.writerow(["gwb_code", "aantal_inwoners"])
        for g in gebieden:
            schrijver.writerow([g.code, g.inwoners])
    with open(map_ / "gebieden.geojson", "w", encoding="utf-8") as bestand:
        bestand.write('{"type": "FeatureCollection", "features": [\n')
        for i, g in enumerate(gebieden):
            half = HALVE_ZIJDE_KM.get(g.niveau) or 0.012 * g.inwoners**0.5
            dlat = half / nederland.KM_PER_GRAAD_LAT
            dlon = half / nederland.km_per_graad_lon(g.lat)
            ring = [
                [round(g.lon + x * dlon, 6), round(g.lat + y * dlat, 6)]
                for x, y in ((-1, -1), (1, -1), (1, 1), (-1, 1), (-1, -1))
            ]
            kenmerk = {
                "type": "Feature",
                "properties": {"statcode": g.code, "statnaam": g.naam},
                "geometry": {"type": "Polygon", "coordinates": [ring]},
            }
            scheiding = ",\n" if i else ""
            bestand.write(scheiding + json.dumps(kenmerk, ensure_ascii=False))
        bestand.write("\n]}\n")


def map_voor(schaal: str) -> Path:
    return DATA / schaal


def is_actueel(schaal: str) -> bool:
    over = map_voor(schaal) / "over.json"
    if not over.exists():
        return False
    gegevens = json.loads(over.read_text(encoding="utf-8"))
    return gegevens.get("versie") == VERSIE and gegevens.get("seed") == SEED


def genereer(
    schaal: str, *, stil: bool = False, doel: Path | None = None, verwijzingen_ook: bool = True
) -> dict:
    """Generate one scale; returns what over.json holds.

    ``doel`` and ``verwijzingen_ook=False`` serve the web benchmark (``web.py --database``),
    which needs the kaart and the web but not the million referrals.
    """
    doel = doel or map_voor(schaal)
    aantal = SCHALEN[schaal]
    begin = time.perf_counter()
    doel.mkdir(parents=True, exist_ok=True)
    gebieden = nederland.genereer()
    _schrijf_gebieden(gebieden, doel)
    cijfers = genereer_cijfers(gebieden, doel, SEED)

    pakket = Pakket(doel / "hsds")
    _taxonomieen(pakket)
    organisaties: list = []
    diensten = genereer_kaart(aantal, gebieden, pakket, SEED, organisaties)
    pakket.sluit()
    web = genereer_web(organisaties, doel / "web", SEED)
    if not stil:
        print(f"kaart: {aantal:,} diensten in {time.perf_counter() - begin:.1f} s", flush=True)

    n_verwijzingen = round(aantal * 20 / 3)  # 1,000,000 at 150k
    ref = {}
    if verwijzingen_ook:
        ref = verwijzingen.genereer(diensten, n_verwijzingen, doel, SEED, PEILDATUM)
    over = {
        "versie": VERSIE,
        "seed": SEED,
        "schaal": schaal,
        "peildatum": PEILDATUM.isoformat(),
        "gebieden": len(gebieden),
        "tabellen": pakket.aantallen,
        "web": web,
        "cijfers": cijfers,
        **ref,
        "seconden": round(time.perf_counter() - begin, 1),
    }
    (doel / "over.json").write_text(json.dumps(over, indent=2) + "\n", encoding="utf-8")
    if not stil:
        print(json.dumps(over, indent=2), flush=True)
    return over


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--schaal", choices=SCHALEN, default="1k")
    args = p.parse_args(argv)
    genereer(args.schaal)


if __name__ == "__main__":
    sys.exit(main())
