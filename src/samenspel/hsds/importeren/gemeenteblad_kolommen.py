"""Reading a municipality's spreadsheet: the template columns and finding them in a sheet.

The columns are found by their header, in any order and under common variants ("Naam
activiteit", "Formeel of informeel", "E-mailadres"); a header row below a title row is found
too. A header with merged cells is refused, as it hides which column is which; a value merged
over several data rows (one organisation for three activities) counts for each row.
"""

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path

from django.utils.translation import gettext, gettext_lazy

from samenspel.hsds.importeren.csvlezer import lees_rijen
from samenspel.hsds.importeren.fouten import MAX_FOUTEN, ImportFout, Melding, Plaats

MAX_KOPREGEL_ZOEKEN = 10


@dataclass(frozen=True)
class Sjabloonkolom:
    sleutel: str
    kop: str  # the header in the template
    uitleg: str  # translated: the exchange page explains each column in the page's language
    voorbeeld: str
    varianten: tuple[str, ...] = ()
    verplicht: bool = False
    meervoudig: bool = False  # several columns may feed it (contact: e-mail and phone)
    in_sjabloon: bool = True


SJABLOON = (
    Sjabloonkolom(
        "naam",
        "Naam",
        gettext_lazy("Naam van het aanbod of initiatief."),
        "Wandelgroep Overvecht",
        (
            "naam aanbod",
            "naam activiteit",
            "activiteit",
            "aanbod",
            "titel",
            "naam initiatief",
            "initiatief",
            "dienst",
            "naam dienst",
        ),
        verplicht=True,
    ),
    Sjabloonkolom(
        "organisatie",
        "Organisatie",
        gettext_lazy("Wie het aanbiedt. Leeg: de naam zelf."),
        "Buurtvereniging Overvecht",
        ("aanbieder", "organisatienaam", "naam organisatie", "instelling", "door"),
    ),
    Sjabloonkolom(
        "omschrijving",
        "Omschrijving",
        gettext_lazy("Wat mensen er kunnen doen of krijgen."),
        "Elke week samen wandelen door het park, koffie na afloop.",
        ("beschrijving", "toelichting", "wat", "wat doen jullie", "inhoud"),
    ),
    Sjabloonkolom(
        "adres",
        "Adres",
        gettext_lazy("Straat en huisnummer, als mensen langs kunnen komen."),
        "Zambesidreef 4",
        ("straat huisnummer", "straat", "bezoekadres", "straat huisnr", "straatnaam huisnummer"),
    ),
    Sjabloonkolom(
        "postcode", "Postcode", gettext_lazy("Bij een adres: de postcode."), "3561 GK", ("pc",)
    ),
    Sjabloonkolom(
        "plaats",
        "Plaats",
        gettext_lazy("Bij een adres: de plaats. Leeg: de gemeente van de buurt."),
        "Utrecht",
        ("woonplaats", "stad", "plaatsnaam"),
    ),
    Sjabloonkolom(
        "buurt",
        "Buurt",
        gettext_lazy("CBS-buurtcode (BU…) of de naam van de buurt."),
        "BU03440301",
        ("buurtcode", "buurtnaam", "wijk buurt", "cbs buurt", "cbs buurtcode"),
    ),
    Sjabloonkolom(
        "bouwsteen",
        "Bouwsteen",
        gettext_lazy("Een of meer bouwstenen (code of naam), gescheiden door ; of ,."),
        "sociale-contacten-en-ontmoeting",
        ("bouwstenen", "categorie", "thema"),
    ),
    Sjabloonkolom(
        "doelgroep",
        "Doelgroep",
        gettext_lazy("Een of meer doelgroepen (code of naam), gescheiden door ;."),
        "ouderen",
        ("doelgroepen", "voor wie"),
    ),
    Sjabloonkolom(
        "dagen_en_tijden",
        "Dagen en tijden",
        gettext_lazy("Bijvoorbeeld: dinsdag 10-12 uur; ma t/m vr 9.00-17.00. Of: op afspraak."),
        "dinsdag 10-12 uur",
        ("wanneer", "tijden", "openingstijden", "dag tijd", "dagen"),
    ),
    Sjabloonkolom(
        "contact",
        "Contact",
        gettext_lazy("Naam, e-mailadres en/of telefoonnummer van de contactpersoon."),
        "Fatima de Vries, 06 12345678, wandelen@example.org",
        (
            "contactgegevens",
            "contactpersoon",
            "e mail",
            "email",
            "e mailadres",
            "emailadres",
            "mail",
            "telefoon",
            "telefoonnummer",
            "tel",
            "telnr",
        ),
        meervoudig=True,
    ),
    Sjabloonkolom(
        "website",
        "Website",
        gettext_lazy("Webadres."),
        "https://example.org/wandelen",
        ("site", "url", "internet", "webadres", "link", "internetadres"),
    ),
    Sjabloonkolom(
        "sector",
        "Formeel/informeel",
        gettext_lazy(
            "formeel (betaalde krachten), informeel (bewoners of vrijwilligers) "
            "of hybride (allebei)."
        ),
        "informeel",
        ("formeel informeel", "sector", "soort organisatie", "soort", "type"),
    ),
    Sjabloonkolom(
        "toegankelijkheid",
        "Toegankelijkheid",
        gettext_lazy(
            "Wat de plek heeft, gescheiden door ;. Kies uit: rolstoeltoegankelijk, drempelvrij, "
            "aangepast-toilet, ringleiding, prikkelarm, parkeren-dichtbij (code of naam). "
            "Leeg: niet bekend."
        ),
        "drempelvrij; aangepast-toilet",
        ("toegankelijk", "toegang", "toegankelijkheid locatie", "voorzieningen toegankelijkheid"),
    ),
    Sjabloonkolom(
        "id",
        "Nummer",
        gettext_lazy(
            "Niet verplicht: je eigen vaste nummer voor deze rij. Zonder nummer "
            "herkent Samenspel een rij aan organisatie en naam."
        ),
        "W-001",
        ("id", "kenmerk", "eigen nummer", "referentie", "code"),
        in_sjabloon=False,
    ),
    Sjabloonkolom(
        "zichtbaarheid",
        "Zichtbaarheid",
        gettext_lazy("Niet verplicht: openbaar, professionals of via contactpersoon."),
        "openbaar",
        ("wie mag dit zien", "zichtbaar voor"),
        in_sjabloon=False,
    ),
    Sjabloonkolom(
        "lat",
        "Breedtegraad",
        gettext_lazy("Niet verplicht: breedtegraad (WGS84)."),
        "52.1190",
        ("latitude", "lat", "breedte"),
        in_sjabloon=False,
    ),
    Sjabloonkolom(
        "lon",
        "Lengtegraad",
        gettext_lazy("Niet verplicht: lengtegraad (WGS84)."),
        "5.1150",
        ("longitude", "lon", "lng", "lengte"),
        in_sjabloon=False,
    ),
)
PER_SLEUTEL = {k.sleutel: k for k in SJABLOON}


def kopnorm(tekst) -> str:
    """A header as compared: no accents, case, punctuation, '(…)' or joining words."""
    tekst = re.sub(r"\(.*?\)", " ", str(tekst or ""))
    tekst = unicodedata.normalize("NFKD", tekst.lower())
    tekst = "".join(t for t in tekst if not unicodedata.combining(t))
    woorden = re.sub(r"[^a-z0-9]+", " ", tekst).split()
    return " ".join(w for w in woorden if w not in {"en", "of", "van", "de", "het"})


_KOPPEN = {
    kopnorm(naam): kolom.sleutel
    for kolom in SJABLOON
    for naam in (kolom.sleutel, kolom.kop, *kolom.varianten)
}


@dataclass
class Blad:
    """Rows of cells with their place, and the header mapped onto template columns."""

    bestand: str
    rijen: list[tuple[Plaats, list[str]]] = field(default_factory=list)
    kolommen: dict[str, list[int]] = field(default_factory=dict)
    koppen: dict[str, str] = field(default_factory=dict)  # sleutel -> header as written
    onbekend: list[str] = field(default_factory=list)


def _tekst(waarde) -> str:
    if waarde is None:
        return ""
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    if isinstance(waarde, float) and waarde.is_integer():
        return str(int(waarde))
    if isinstance(waarde, datetime):
        return waarde.date().isoformat() if waarde.time() == time() else waarde.isoformat()
    if isinstance(waarde, date | time):
        return waarde.isoformat()[:5] if isinstance(waarde, time) else waarde.isoformat()
    return str(waarde).strip()


@dataclass(frozen=True)
class _Xlsx:
    rijen: list[tuple[str, list[str]]]
    samengevoegd: list[tuple]
    titel: str  # of the worksheet read
    # (row, column) of each formula whose result the file does not hold: read as empty.
    formules_zonder_waarde: list[tuple[int, int]]


def _formules_zonder_waarde(pad: Path, werkblad) -> list[tuple[int, int]]:
    """The cells of `werkblad` (read for its values) holding a formula without its result.

    Excel and LibreOffice store a formula's result beside it when they save; a file written
    by a program that does not calculate (a script, some exports) holds the formula only.
    Read for values, such a cell is None, like an empty one, so the formulas are read once
    more, streaming. A stored empty text (=ALS(A2="";"";A2)) keeps its type "str" and is a
    result, not a missing one.
    """
    from openpyxl import load_workbook

    formules = load_workbook(pad, read_only=True, data_only=False)
    try:
        plekken = [
            (cel.row, cel.column)
            for rij in formules[werkblad.title].iter_rows()
            for cel in rij
            if cel.data_type == "f"
        ]
    finally:
        formules.close()
    uitkomst = []
    for rij, kolom in plekken:
        cel = werkblad.cell(row=rij, column=kolom)
        if cel.value is None and cel.data_type != "str":
            uitkomst.append((rij, kolom))
    return uitkomst


def _formulefout(xlsx: _Xlsx, bestand: str, kop: list[str]) -> ImportFout:
    """Every formula without a result (up to MAX_FOUTEN), by sheet, row and column."""
    from openpyxl.utils import get_column_letter

    meldingen = []
    for rij, kolom in xlsx.formules_zonder_waarde[:MAX_FOUTEN]:
        letter = get_column_letter(kolom)
        naam = kop[kolom - 1] if kolom <= len(kop) else ""
        meldingen.append(
            Melding(
                Plaats(
                    bestand,
                    gettext("blad %(blad)s, rij %(rij)d") % {"blad": xlsx.titel, "rij": rij},
                    gettext("%(kop)s (kolom %(letter)s)") % {"kop": naam, "letter": letter}
                    if naam
                    else gettext("kolom %(letter)s") % {"letter": letter},
                ),
                gettext(
                    "een formule zonder berekende waarde; open het bestand in Excel of "
                    "LibreOffice, sla het op en probeer het opnieuw"
                ),
            )
        )
    return ImportFout(meldingen)


def _lees_xlsx(pad: Path, blad: str | None) -> _Xlsx:
    """The rows of a worksheet as text, its merged cell ranges and its unworked formulas."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        boek = load_workbook(pad, data_only=True)
    except (InvalidFileException, KeyError, OSError, ValueError) as fout:
        raise ImportFout.een(Plaats(pad.name), f"geen leesbaar Excel-bestand ({fout})") from None
    except Exception as fout:  # a damaged zip inside raises zipfile.BadZipFile and others
        raise ImportFout.een(Plaats(pad.name), f"geen leesbaar Excel-bestand ({fout})") from None
    if blad is not None and blad not in boek.sheetnames:
        raise ImportFout.een(
            Plaats(pad.name), f"werkblad {blad!r} bestaat niet; wel: {', '.join(boek.sheetnames)}"
        )
    werkblad = boek[blad] if blad else boek.worksheets[0]
    waarden = [[_tekst(c) for c in rij] for rij in werkblad.iter_rows(values_only=True)]
    samengevoegd = [
        (r.min_row, r.max_row, r.min_col, r.max_col, r.coord) for r in werkblad.merged_cells.ranges
    ]
    rijen = [(f"rij {i}", cellen) for i, cellen in enumerate(waarden, start=1)]
    return _Xlsx(rijen, samengevoegd, werkblad.title, _formules_zonder_waarde(pad, werkblad))


def _lees_csv(pad: Path, tekenset: str) -> list[tuple[int, list[str]]]:
    with pad.open("rb") as stroom:
        try:
            return [
                (r.regel, [c.strip() for c in r.cellen])
                for r in lees_rijen(stroom, pad.name, tekenset)
            ]
        except LookupError:
            raise ImportFout.een(Plaats(pad.name), f"onbekende tekenset {tekenset!r}") from None


def lees_blad(pad: Path, tekenset: str = "utf-8", blad: str | None = None) -> Blad:
    """The data rows of a spreadsheet and which column holds what."""
    if pad.stat().st_size == 0:
        raise ImportFout.een(Plaats(pad.name), "het bestand is leeg")
    samengevoegd, xlsx = [], None
    if pad.suffix.lower() in (".xlsx", ".xlsm"):
        xlsx = _lees_xlsx(pad, blad)
        rijen, samengevoegd = xlsx.rijen, xlsx.samengevoegd
    elif pad.suffix.lower() in (".csv", ".txt"):
        rijen = _lees_csv(pad, tekenset)
    else:
        raise ImportFout.een(Plaats(pad.name), "alleen .xlsx en .csv kan ik lezen")
    uitkomst = Blad(pad.name)
    kop_index = _zoek_kopregel(rijen)
    if xlsx and xlsx.formules_zonder_waarde:
        # Before anything else: an empty-looking header or name may be such a formula.
        raise _formulefout(xlsx, pad.name, rijen[kop_index][1] if kop_index is not None else [])
    if kop_index is None:
        raise ImportFout.een(
            Plaats(pad.name),
            "geen kopregel gevonden: verwacht kolommen zoals Naam, Organisatie, Omschrijving "
            "(download het sjabloon)",
        )
    rij_nummer, kop = rijen[kop_index]
    for begin_rij, eind_rij, _, _, bereik in samengevoegd:
        if begin_rij <= kop_index + 1 <= eind_rij:
            raise ImportFout.een(
                Plaats(pad.name, rij_nummer),
                f"de kopregel heeft samengevoegde cellen ({bereik}); "
                "geef elke kolom een eigen kop en maak de samenvoeging ongedaan",
            )
    _wijs_kolommen_toe(uitkomst, rij_nummer, kop)
    data = rijen[kop_index + 1 :]
    _vul_samengevoegd(data, samengevoegd, kop_index + 2)
    uitkomst.rijen = [
        (Plaats(pad.name, nummer), cellen + [""] * (len(kop) - len(cellen)))
        for nummer, cellen in data
        if any(cellen)
    ]
    return uitkomst


def _zoek_kopregel(rijen) -> int | None:
    for index, (_, cellen) in enumerate(rijen[:MAX_KOPREGEL_ZOEKEN]):
        herkend = {_KOPPEN.get(kopnorm(c)) for c in cellen if c} - {None}
        if len(herkend) >= 2 or herkend == {"naam"}:
            return index
    return None


def _wijs_kolommen_toe(blad: Blad, rij_nummer, kop: list[str]) -> None:
    onbekend = []
    for index, naam in enumerate(kop):
        if not naam:
            continue
        sleutel = _KOPPEN.get(kopnorm(naam))
        if sleutel is None:
            onbekend.append(naam)
            continue
        if sleutel in blad.kolommen and not PER_SLEUTEL[sleutel].meervoudig:
            eerder = blad.koppen[sleutel]
            raise ImportFout.een(
                Plaats(blad.bestand, rij_nummer, naam),
                f"deze kolom betekent hetzelfde als kolom {eerder!r}; houd er één over",
            )
        blad.kolommen.setdefault(sleutel, []).append(index)
        blad.koppen.setdefault(sleutel, naam)
    if "naam" not in blad.kolommen:
        raise ImportFout.een(
            Plaats(blad.bestand, rij_nummer), "de kolom Naam ontbreekt (verplicht)"
        )
    blad.onbekend = onbekend


def _vul_samengevoegd(data, samengevoegd, eerste_rij: int) -> None:
    """A value merged over several rows (one organisation for three activities) counts for each."""
    for begin_rij, eind_rij, begin_kol, eind_kol, _ in samengevoegd:
        if begin_rij < eerste_rij:
            continue
        bron = data[begin_rij - eerste_rij][1] if begin_rij - eerste_rij < len(data) else None
        if bron is None or begin_kol - 1 >= len(bron):
            continue
        waarde = bron[begin_kol - 1]
        for r in range(begin_rij, eind_rij + 1):
            if r - eerste_rij >= len(data):
                break
            cellen = data[r - eerste_rij][1]
            for k in range(begin_kol - 1, min(eind_kol, len(cellen))):
                if not cellen[k]:
                    cellen[k] = waarde


# --- rows into HSDS ---------------------------------------------------------------------------
