"""CBS areas: gemeenten, wijken and buurten as GeoJSON, and area figures as CSV.

GeoJSON as PDOK/CBS publish it (the "Wijk- en Buurtkaart") is read with its own property
names (``buurtcode``, ``BU_CODE``, ``statcode`` …), in WGS84 or in RD (EPSG:28992), which is
converted. Areas upsert by CBS code; afterwards every location with coordinates gets the
buurt whose polygon holds it. A figures CSV (such as CBS "Kerncijfers wijken en buurten")
has a column with the CBS code; every other column is stored in ``Gebied.cijfers``. With a
named source (``bron`` "cbs" or "rivm") only that source's published columns are read, each
stored with its year and source as ``cijferbronnen`` describes.
"""

import json
import re
from collections import defaultdict
from itertools import islice
from pathlib import Path

from samenspel.areas.buurtzoeker import Buurtzoeker
from samenspel.areas.models import CODE_PREFIX, Gebied, Niveau
from samenspel.directory.models import Location, ServiceAtLocation
from samenspel.hsds.importeren.cijferbronnen import BRONNEN, figuren_in, kolomnaam
from samenspel.hsds.importeren.csvlezer import lees_rijen
from samenspel.hsds.importeren.fouten import ImportFout, Meldingen, Plaats
from samenspel.hsds.importeren.schrijven import Telling
from samenspel.hsds.importeren.uitvoeren import Importuitkomst, bestaat, voer_uit
from samenspel.hsds.ruimte import geometrie_naar_wgs84, lijkt_rd, omhullende, zwaartepunt
from samenspel.hsds.voortgang import Voortgang
from samenspel.search.models import Zoekwijziging

_CODE = re.compile(r"(GM|WK|BU)\d{4,8}")
_NIVEAU = {prefix: niveau for niveau, prefix in CODE_PREFIX.items()}
# Property names per level, most specific first, as PDOK (lower case) and CBS shapefiles use.
_CODES = {
    Niveau.BUURT: ("buurtcode", "bu_code"),
    Niveau.WIJK: ("wijkcode", "wk_code"),
    Niveau.GEMEENTE: ("gemeentecode", "gm_code"),
}
_NAMEN = {
    Niveau.BUURT: ("buurtnaam", "bu_naam"),
    Niveau.WIJK: ("wijknaam", "wk_naam"),
    Niveau.GEMEENTE: ("gemeentenaam", "gm_naam"),
}
_ALGEMEEN_CODE = ("statcode", "code", "gwb_code", "cbs_code")
_ALGEMEEN_NAAM = ("statnaam", "naam", "name")
_VOLGORDE = (Niveau.GEMEENTE, Niveau.WIJK, Niveau.BUURT)
CIJFER_CODEKOLOMMEN = (
    "code",
    "gwb_code",
    "gwb_code_10",
    "gwb_code_8",
    "codering",
    "codering_3",
    "wijkenenbuurten",
    "regiocode",
    "gebiedscode",
    "cbs_code",
    "statcode",
)
CIJFER_NAAMKOLOMMEN = ("naam", "gemeentenaam", "gemeentenaam_1", "regioaanduiding", "statnaam")
# Locations placed in one call to the buurtzoeker (and one step of the progress bar).
STUK = 2000
# CBS marks a secret or unknown figure with a dot.
_LEEG = {"", ".", "-", "x", "?"}


def _eigenschap(eigenschappen: dict, namen: tuple[str, ...]) -> str:
    klein = {str(k).lower(): v for k, v in eigenschappen.items()}
    for naam in namen:
        waarde = klein.get(naam)
        if waarde not in (None, ""):
            return str(waarde).strip()
    return ""


def _ouder_code(code: str) -> str | None:
    if code.startswith("BU"):
        return "WK" + code[2:8]
    if code.startswith("WK"):
        return "GM" + code[2:6]
    return None


class _Gebiedenlezer:
    def __init__(self, pad: Path, meldingen: Meldingen):
        self.bestand, self.meldingen = pad.name, meldingen
        self.gebieden: dict[str, dict] = {}
        self.ouders: dict[str, str] = {}  # parent code -> name, as the properties tell
        document = self._lees(pad)
        kenmerken = self._features(document)
        rd = "28992" in json.dumps(document.get("crs") or "")
        for i, kenmerk in enumerate(kenmerken):
            self._feature(i, kenmerk, rd)

    def _lees(self, pad: Path):
        ruw = pad.read_bytes()
        if not ruw.strip():
            raise ImportFout.een(Plaats(self.bestand), "het bestand is leeg")
        try:
            return json.loads(ruw.decode("utf-8-sig"))
        except UnicodeDecodeError:
            raise ImportFout.een(Plaats(self.bestand), "geen geldige UTF-8-tekst") from None
        except json.JSONDecodeError as fout:
            raise ImportFout.een(
                Plaats(self.bestand, fout.lineno), f"geen geldige JSON: {fout.msg}"
            ) from None

    def _features(self, document) -> list:
        if isinstance(document, dict) and document.get("type") == "FeatureCollection":
            kenmerken = document.get("features")
            if isinstance(kenmerken, list):
                return kenmerken
        if isinstance(document, dict) and document.get("type") == "Feature":
            return [document]
        raise ImportFout.een(
            Plaats(self.bestand, "$"),
            "verwacht een GeoJSON FeatureCollection met wijken of buurten",
        )

    def _feature(self, i: int, kenmerk, rd: bool) -> None:
        plaats = Plaats(self.bestand, f"features[{i}]")
        eigenschappen = kenmerk.get("properties") if isinstance(kenmerk, dict) else None
        if not isinstance(eigenschappen, dict):
            self.meldingen.fout(plaats.met_veld("properties"), "ontbreekt")
            return
        code, niveau = "", None
        for kandidaat in _VOLGORDE[::-1]:
            code = _eigenschap(eigenschappen, _CODES[kandidaat])
            if code:
                niveau = kandidaat
                break
        code = (code or _eigenschap(eigenschappen, _ALGEMEEN_CODE)).upper()
        if not _CODE.fullmatch(code):
            self.meldingen.fout(
                plaats.met_veld("code"), f"{code!r} is geen CBS-code (GM…, WK… of BU…)"
            )
            return
        niveau = _NIVEAU[code[:2]]
        naam = _eigenschap(eigenschappen, _NAMEN[niveau]) or _eigenschap(
            eigenschappen, _ALGEMEEN_NAAM
        )
        if not naam:
            self.meldingen.fout(plaats.met_veld("naam"), f"{code} heeft geen naam")
            return
        if code in self.gebieden:
            self.meldingen.fout(plaats.met_veld("code"), f"{code} staat twee keer in het bestand")
            return
        ouder = None
        if niveau != Niveau.GEMEENTE:
            ouder_niveau = Niveau.WIJK if niveau == Niveau.BUURT else Niveau.GEMEENTE
            ouder = (_eigenschap(eigenschappen, _CODES[ouder_niveau]) or _ouder_code(code)).upper()
            ouder_naam = _eigenschap(eigenschappen, _NAMEN[ouder_niveau])
            if ouder_naam:
                self.ouders.setdefault(ouder, ouder_naam)
        gemeente = _eigenschap(eigenschappen, _CODES[Niveau.GEMEENTE])
        if gemeente and niveau == Niveau.BUURT:
            self.ouders.setdefault(gemeente.upper(), _eigenschap(eigenschappen, _NAMEN["gemeente"]))
        self.gebieden[code] = {
            "plaats": plaats,
            "naam": naam[:120],
            "niveau": niveau,
            "ouder_id": ouder,
            **self._geometrie(plaats, kenmerk.get("geometry"), rd),
        }

    def _geometrie(self, plaats: Plaats, geometrie, rd: bool) -> dict:
        if geometrie is None:
            return {}
        if not isinstance(geometrie, dict) or geometrie.get("type") not in (
            "Polygon",
            "MultiPolygon",
        ):
            self.meldingen.fout(plaats.met_veld("geometry"), "verwacht een Polygon of MultiPolygon")
            return {}
        try:
            grenzen = omhullende(geometrie)
        except (TypeError, ValueError, KeyError, IndexError):
            self.meldingen.fout(plaats.met_veld("geometry"), "de coördinaten kloppen niet")
            return {}
        if grenzen is None:
            return {}
        if rd or lijkt_rd(grenzen[1], grenzen[0]):
            geometrie = geometrie_naar_wgs84(geometrie)
        midden = zwaartepunt(geometrie)
        return {"geometrie": geometrie, "latitude": midden[0], "longitude": midden[1]}


def _schrijf_gebieden(lezer: _Gebiedenlezer, meldingen: Meldingen, tellingen, wijzigingen):
    bestaand = {g.code: g for g in Gebied.objects.all()}
    nieuw_ouders = {}
    for code, naam in lezer.ouders.items():
        if code not in lezer.gebieden and code not in bestaand and naam and _CODE.fullmatch(code):
            nieuw_ouders[code] = {"naam": naam, "niveau": _NIVEAU[code[:2]], "plaats": None}
    for code, ouder in nieuw_ouders.items():
        if ouder["niveau"] == Niveau.WIJK:
            ouder["ouder_id"] = _ouder_code(code)
    alles = {**nieuw_ouders, **lezer.gebieden}
    for niveau in _VOLGORDE:
        for code, gegevens in alles.items():
            if gegevens["niveau"] != niveau:
                continue
            ouder = gegevens.get("ouder_id")
            if ouder and ouder not in alles and ouder not in bestaand:
                plaats = gegevens["plaats"] or Plaats(lezer.bestand)
                meldingen.fout(
                    plaats.met_veld("ouder"),
                    f"{ouder} (waar {code} in ligt) bestaat niet; importeer eerst de "
                    f"{'wijken' if ouder.startswith('WK') else 'gemeenten'}",
                )
                continue
            velden = {k: v for k, v in gegevens.items() if k != "plaats"}
            telling = tellingen["gebied"]
            oud = bestaand.get(code)
            if oud is None:
                Gebied.objects.create(code=code, **velden)
                telling.nieuw += 1
                wijzigingen.append(f"+ gebied {code} {gegevens['naam']}")
            elif any(getattr(oud, k) != v for k, v in velden.items()):
                for k, v in velden.items():
                    setattr(oud, k, v)
                oud.save(update_fields=list(velden))
                telling.gewijzigd += 1
                wijzigingen.append(f"~ gebied {code} {gegevens['naam']}")
            else:
                telling.ongewijzigd += 1
    return [c for c, g in lezer.gebieden.items() if g["niveau"] == Niveau.BUURT]


def _koppel_locaties(buurten: list[str], tellingen, voortgang: Voortgang) -> int:
    """Give every location inside the imported buurten the buurt whose polygon holds it."""
    zoeker = Buurtzoeker.uit_database()
    grenzen = [
        omhullende(g)
        for g in Gebied.objects.filter(code__in=buurten)
        .exclude(geometrie=None)
        .values_list("geometrie", flat=True)
    ]
    grenzen = [g for g in grenzen if g]
    if not zoeker or not grenzen:
        return 0
    min_lat, min_lon = min(g[0] for g in grenzen), min(g[1] for g in grenzen)
    max_lat, max_lon = max(g[2] for g in grenzen), max(g[3] for g in grenzen)
    locaties = Location.objects.filter(
        latitude__range=(min_lat, max_lat), longitude__range=(min_lon, max_lon)
    ).values_list("pk", "latitude", "longitude", "buurt_id")
    gewijzigd = []
    voortgang.start("locaties", locaties.count())
    rijen = locaties.iterator(chunk_size=STUK)
    while stuk := list(islice(rijen, STUK)):
        pks, lats, lons, huidige = zip(*stuk, strict=True)
        for pk, buurt, huidig in zip(pks, zoeker.buurten_voor(lats, lons), huidige, strict=True):
            if buurt and buurt != huidig:
                gewijzigd.append(Location(pk=pk, buurt_id=buurt))
        voortgang.stap(len(stuk))
    voortgang.klaar()
    Location.objects.bulk_update(gewijzigd, ["buurt_id"], batch_size=500)
    ids = [loc.pk for loc in gewijzigd]
    diensten = set()
    for begin in range(0, len(ids), 900):
        diensten.update(
            ServiceAtLocation.objects.filter(location_id__in=ids[begin : begin + 900]).values_list(
                "service_id", flat=True
            )
        )
    Zoekwijziging.objects.bulk_create(
        [Zoekwijziging(service_id=s) for s in diensten], batch_size=2000
    )
    tellingen["location"].gewijzigd += len(gewijzigd)
    return len(gewijzigd)


# --- figures -------------------------------------------------------------------------------


def _sleutel(kop: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", kop.strip().lower()).strip("_")


def _getal(tekst: str):
    tekst = tekst.strip()
    if tekst.lower() in _LEEG:
        return None
    kandidaat = tekst.replace(" ", "")
    if "," in kandidaat:
        # Dutch notation: 12.345,6 is twelve thousand and a bit.
        kandidaat = kandidaat.replace(".", "").replace(",", ".")
    try:
        getal = float(kandidaat)
    except ValueError:
        return tekst
    return int(getal) if getal.is_integer() and "." not in kandidaat else getal


def _lees_cijferrijen(pad: Path, tekenset: str) -> list:
    with pad.open("rb") as stroom:
        try:
            rijen = list(lees_rijen(stroom, pad.name, tekenset))
        except LookupError:
            raise ImportFout.een(Plaats(pad.name), f"onbekende tekenset {tekenset!r}") from None
    if not rijen:
        raise ImportFout.een(Plaats(pad.name), "het bestand is leeg")
    return rijen


def _schrijf_broncijfers(
    pad: Path, tekenset: str, bron: str, jaar: int, meldingen, tellingen, wijzigingen, binnen=None
) -> None:
    """A CBS or RIVM file in its published layout: known columns only, with year and source.

    With ``binnen`` (a gemeente) only the gemeente, its wijken and buurten take figures: an
    analyst of one gemeente uploads the national file and changes nothing elsewhere.
    """
    bronsoort = BRONNEN[bron]
    rijen = _lees_cijferrijen(pad, tekenset)
    koppen = rijen[0].cellen
    kop = [_sleutel(k) for k in koppen]
    codekolom = next((kop.index(k) for k in CIJFER_CODEKOLOMMEN if k in kop), None)
    if codekolom is None:
        raise ImportFout.een(
            Plaats(pad.name, rijen[0].regel),
            "geen kolom met de CBS-code gevonden (bijvoorbeeld 'WijkenEnBuurten' of 'Codering_3')",
        )
    figuren = figuren_in(bronsoort, koppen)
    if not figuren:
        raise ImportFout.een(
            Plaats(pad.name, rijen[0].regel),
            f"geen bekende kolom van {bronsoort.naam} gevonden "
            f"(bijvoorbeeld {', '.join(sorted(bronsoort.kolommen)[:3])})",
        )
    kiezen = {
        i: bronsoort.kiezen[kolomnaam(k)]
        for i, k in enumerate(koppen)
        if kolomnaam(k) in bronsoort.kiezen
    }
    # StatLine names the year as "2022JJ00"; a file of another year than --jaar says is refused.
    perioden = next((i for i, k in enumerate(koppen) if kolomnaam(k) == "perioden"), None)
    gebieden = Gebied.objects.in_bulk(field_name="code")
    eigen = (
        None if binnen is None else set(Gebied.objects.binnen(binnen).values_list("pk", flat=True))
    )
    buiten = 0
    nieuw: dict[str, dict] = {}
    gekozen = 0
    for rij in rijen[1:]:
        plaats = Plaats(pad.name, rij.regel)
        if len(rij.cellen) != len(kop):
            meldingen.fout(plaats, f"{len(rij.cellen)} velden, de kopregel heeft er {len(kop)}")
            continue
        if any(rij.cellen[i].strip().lower() not in goed for i, goed in kiezen.items()):
            continue
        gekozen += 1
        if perioden is not None and not rij.cellen[perioden].strip().startswith(str(jaar)):
            meldingen.fout(
                plaats.met_veld(koppen[perioden]),
                f"{rij.cellen[perioden].strip()!r} is een ander jaar dan {jaar} (--jaar)",
            )
            continue
        code = rij.cellen[codekolom].strip().upper()
        if not _CODE.fullmatch(code):
            if code.startswith("NL"):  # the national total
                continue
            meldingen.fout(plaats.met_veld(koppen[codekolom]), f"{code!r} is geen CBS-code")
            continue
        if code not in gebieden:
            # Named one by one: a figure that silently goes nowhere is worse than a long list.
            meldingen.waarschuw(
                plaats.met_veld(koppen[codekolom]), f"{code} is een onbekend gebied; overgeslagen"
            )
            continue
        if eigen is not None and code not in eigen:
            buiten += 1
            continue
        if code in nieuw:
            meldingen.fout(plaats.met_veld(koppen[codekolom]), f"{code} staat dubbel")
            continue
        cijfers = {}
        for i, figuur in figuren.items():
            cel = rij.cellen[i].strip()
            waarde = _getal(cel)
            if isinstance(waarde, str):
                meldingen.fout(plaats.met_veld(koppen[i]), f"{cel!r} is geen getal")
                continue
            # Unknown or secret (".") stays empty: None, never 0.
            cijfers[figuur] = {"waarde": waarde, "jaar": jaar, "bron": bronsoort.naam}
        nieuw[code] = cijfers
    if len(rijen) > 1 and not gekozen:
        # Otherwise a file with other age groups or margins would import nothing, silently.
        keuzes = "; ".join(
            f"{koppen[i]}: {' of '.join(repr(w) for w in goed)}" for i, goed in kiezen.items()
        )
        meldingen.fout(Plaats(pad.name, rijen[0].regel), f"geen enkele rij met {keuzes}")
    if buiten:
        meldingen.waarschuw(
            Plaats(pad.name), f"{buiten} rij(en) buiten de gemeente {binnen.naam} overgeslagen"
        )
    if eigen is not None and not nieuw and not meldingen.heeft_fouten:
        meldingen.fout(Plaats(pad.name), f"geen enkele rij over de gemeente {binnen.naam}")
    _bewaar_cijfers(gebieden, nieuw, tellingen, wijzigingen)


def _bewaar_cijfers(gebieden, nieuw: dict[str, dict], tellingen, wijzigingen) -> None:
    telling = tellingen["gebied"]
    gewijzigd = []
    for code, cijfers in nieuw.items():
        gebied = gebieden[code]
        samen = {**gebied.cijfers, **cijfers}
        if samen == gebied.cijfers:
            telling.ongewijzigd += 1
            continue
        gebied.cijfers = samen
        gewijzigd.append(gebied)
        telling.gewijzigd += 1
        wijzigingen.append(f"~ cijfers {code}: {', '.join(sorted(cijfers))}")
    Gebied.objects.bulk_update(gewijzigd, ["cijfers"], batch_size=500)


def _schrijf_cijfers(pad: Path, tekenset: str, meldingen, tellingen, wijzigingen) -> None:
    rijen = _lees_cijferrijen(pad, tekenset)
    kop = [_sleutel(k) for k in rijen[0].cellen]
    codekolom = next((kop.index(k) for k in CIJFER_CODEKOLOMMEN if k in kop), None)
    if codekolom is None:
        raise ImportFout.een(
            Plaats(pad.name, rijen[0].regel),
            "geen kolom met de CBS-code gevonden (bijvoorbeeld 'code' of 'gwb_code')",
        )
    for i, naam in enumerate(kop):
        if not naam:
            meldingen.fout(Plaats(pad.name, rijen[0].regel, f"kolom {i + 1}"), "kolom zonder naam")
    overslaan = {codekolom} | {i for i, k in enumerate(kop) if k in CIJFER_NAAMKOLOMMEN}
    gebieden = Gebied.objects.in_bulk(field_name="code")
    onbekend = 0
    nieuw: dict[str, dict] = defaultdict(dict)
    for rij in rijen[1:]:
        plaats = Plaats(pad.name, rij.regel)
        if len(rij.cellen) != len(kop):
            meldingen.fout(plaats, f"{len(rij.cellen)} velden, de kopregel heeft er {len(kop)}")
            continue
        code = rij.cellen[codekolom].strip().upper()
        if not _CODE.fullmatch(code):
            meldingen.fout(
                plaats.met_veld(rijen[0].cellen[codekolom]), f"{code!r} is geen CBS-code"
            )
            continue
        if code not in gebieden:
            onbekend += 1
            continue
        if code in nieuw:
            meldingen.fout(plaats.met_veld(rijen[0].cellen[codekolom]), f"{code} staat dubbel")
            continue
        for i, cel in enumerate(rij.cellen):
            if i not in overslaan and kop[i] and (waarde := _getal(cel)) is not None:
                nieuw[code][kop[i]] = waarde
    if onbekend:
        meldingen.waarschuw(
            Plaats(pad.name), f"{onbekend} rij(en) over onbekende gebieden overgeslagen"
        )
    _bewaar_cijfers(gebieden, nieuw, tellingen, wijzigingen)


def importeer_gebieden(
    pad,
    proef: bool = False,
    voortgang: Voortgang | None = None,
    tekenset: str = "utf-8",
    bron: str | None = None,
    jaar: int | None = None,
    binnen: Gebied | None = None,
) -> Importuitkomst:
    """Import CBS areas (.geojson/.json) or area figures (.csv), from a named source or not.

    ``binnen`` (a gemeente; only with ``bron``) keeps the figures to that gemeente's areas.
    """
    pad = bestaat(pad)
    voortgang = voortgang or Voortgang(aan=False)
    soort = pad.suffix.lower()
    if soort not in (".geojson", ".json", ".csv"):
        raise ImportFout.een(Plaats(pad.name), "verwacht .geojson (gebieden) of .csv (cijfers)")
    if bron is not None:
        if bron not in BRONNEN:
            raise ImportFout.een(
                Plaats(pad.name), f"onbekende bron {bron!r}; kies uit {', '.join(BRONNEN)}"
            )
        if soort != ".csv":
            raise ImportFout.een(Plaats(pad.name), "cijfers van een bron komen uit een .csv")
        if jaar is None or not 1900 <= jaar <= 2100:
            raise ImportFout.een(Plaats(pad.name), "geef het jaar van de cijfers (--jaar)")

    def stap(run, meldingen):
        tellingen = {"gebied": Telling(), "location": Telling()}
        uitkomst = Importuitkomst(soort="gebieden", bron="CBS", proef=proef, tellingen=tellingen)
        if bron is not None:
            _schrijf_broncijfers(
                pad, tekenset, bron, jaar, meldingen, tellingen, uitkomst.wijzigingen, binnen
            )
        elif soort == ".csv":
            _schrijf_cijfers(pad, tekenset, meldingen, tellingen, uitkomst.wijzigingen)
        else:
            lezer = _Gebiedenlezer(pad, meldingen)
            if meldingen.heeft_fouten:
                return uitkomst
            buurten = _schrijf_gebieden(lezer, meldingen, tellingen, uitkomst.wijzigingen)
            if not meldingen.heeft_fouten:
                gekoppeld = _koppel_locaties(buurten, tellingen, voortgang)
                uitkomst.extra["locaties gekoppeld aan een buurt"] = gekoppeld
        uitkomst.aantal_wijzigingen = len(uitkomst.wijzigingen)
        return uitkomst

    return voer_uit("gebieden", "CBS", pad.name, stap, proef)
