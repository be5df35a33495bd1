"""Reading HSDS values (CSV text or JSON) into model values, and writing them back.

Readers raise `Ongeldig` with a Dutch sentence a municipality's data manager understands;
the caller adds the place (file, row, field). Writers produce the canonical text that the
readers read back to the same value, which the round-trip tests rely on.
"""

import math
import re
import uuid
from datetime import UTC, date, datetime, time
from decimal import Decimal, InvalidOperation
from urllib.parse import urlsplit

from django.utils import timezone

from samenspel.hsds.tabelkoppeling import Kolom

# Longer text than this is a mistake (a whole document pasted into a cell), not a listing.
MAX_TEKST = 100_000
# Non-UUID ids from a source become stable UUIDs derived from source, table and id.
NAMESPACE = uuid.UUID("8d6f4c2e-1a3b-4e5f-9c7d-0b1a2c3d4e5f")

_DATUM = re.compile(r"\d{4}-\d{2}-\d{2}")
_TIJD = re.compile(r"(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?")
_WAAR = {"true", "1", "ja", "yes", "waar", "j", "y"}
_ONWAAR = {"false", "0", "nee", "no", "onwaar", "n"}
# Plain checks rather than Django's validators, which cost tens of microseconds a value: an
# import needs to catch a broken address, not to judge every corner of the RFCs.
_EMAIL = re.compile(r"[^@\s]+@[^@\s.][^@\s]*\.[^@\s.]{2,}")
_SCHEMAS = {"http", "https", "ftp", "ftps"}
_WIT = re.compile(r"\s")


class Ongeldig(ValueError):
    """A value that does not fit its field; the message says why, in plain Dutch."""


def is_leeg(ruw) -> bool:
    return ruw is None or (isinstance(ruw, str) and ruw == "")


def _toon(ruw, lengte: int = 40) -> str:
    tekst = str(ruw)
    return repr(tekst if len(tekst) <= lengte else tekst[:lengte] + "…")


# --- ids ------------------------------------------------------------------------------------


def sleutel(ruw, bron: str, tabel: str) -> uuid.UUID:
    """An HSDS id as UUID; a source's own non-UUID id maps to the same UUID every time."""
    if type(ruw) is str and len(ruw) == 36:
        try:
            return uuid.UUID(ruw)  # the usual case, checked first: millions in a national import
        except ValueError:
            pass
    if isinstance(ruw, bool) or not isinstance(ruw, str | int):
        raise Ongeldig(f"een id moet tekst zijn, niet {_toon(ruw)}")
    tekst = str(ruw).strip()
    if not tekst:
        raise Ongeldig("het id ontbreekt")
    if len(tekst) > 250:
        raise Ongeldig(f"het id is te lang ({len(tekst)} tekens, hoogstens 250)")
    try:
        return uuid.UUID(tekst)
    except ValueError:
        return uuid.uuid5(NAMESPACE, f"{bron}\x1f{tabel}\x1f{tekst}")


# --- readers --------------------------------------------------------------------------------


def _tekst(ruw, kolom: Kolom) -> str:
    if type(ruw) is str:
        tekst = ruw
    elif isinstance(ruw, bool) or isinstance(ruw, dict | list):
        raise Ongeldig(f"verwacht tekst, niet {_toon(ruw)}")
    elif isinstance(ruw, int | float):
        tekst = _getal_als_tekst(ruw)
    else:
        tekst = str(ruw)
    grens = kolom.max_lengte or MAX_TEKST
    if len(tekst) > grens:
        raise Ongeldig(f"te lang: {len(tekst)} tekens, hoogstens {grens}")
    if "\x00" in tekst:
        raise Ongeldig("bevat een NUL-teken (binaire gegevens?)")
    if not tekst.isascii():
        try:
            tekst.encode("utf-8")  # a lone surrogate from JSON is not text a database stores
        except UnicodeEncodeError:
            raise Ongeldig("bevat ongeldige Unicode-tekens") from None
    if kolom.keuzes and tekst not in kolom.keuzes:
        raise Ongeldig(f"{_toon(tekst)} is geen geldige keuze; kies uit {', '.join(kolom.keuzes)}")
    return tekst


def _getal(ruw) -> float:
    if isinstance(ruw, bool):
        raise Ongeldig(f"verwacht een getal, niet {_toon(ruw)}")
    if isinstance(ruw, int | float):
        getal = float(ruw)
    elif isinstance(ruw, str):
        tekst = ruw.strip()
        try:
            getal = float(tekst)
        except ValueError:
            hint = " (gebruik een punt als decimaalteken)" if "," in tekst else ""
            raise Ongeldig(f"{_toon(ruw)} is geen getal{hint}") from None
    else:
        raise Ongeldig(f"verwacht een getal, niet {_toon(ruw)}")
    if not math.isfinite(getal):
        raise Ongeldig(f"{_toon(ruw)} is geen eindig getal")
    return getal


# PositiveSmallIntegerFields: ages, a founding year, the display order.
_KLEINE_GETALLEN = {"minimum_age", "maximum_age", "year_incorporated", "interval", "volgorde"}


def _geheel(ruw, kolom: Kolom) -> int:
    getal = _getal(ruw)
    if not getal.is_integer():
        raise Ongeldig(f"{_toon(ruw)} is geen geheel getal")
    waarde = int(getal)
    if waarde < 0:
        raise Ongeldig(f"{waarde} mag niet negatief zijn")
    if waarde > 32767 and kolom.attr in _KLEINE_GETALLEN:
        raise Ongeldig(f"{waarde} is te groot (hoogstens 32767)")
    if waarde > 2_147_483_647:
        raise Ongeldig(f"{waarde} is te groot")
    return waarde


def _decimaal(ruw) -> Decimal:
    _getal(ruw)  # the same checks and messages as any number
    waarde = Decimal(str(ruw).strip())
    try:
        afgerond = waarde.quantize(Decimal("0.01"))
    except InvalidOperation:
        raise Ongeldig(f"{_toon(ruw)} is te groot") from None
    if afgerond != waarde:
        raise Ongeldig(f"{_toon(ruw)} heeft meer dan 2 decimalen")
    if abs(afgerond) >= Decimal("1e8"):
        raise Ongeldig(f"{_toon(ruw)} is te groot (hoogstens 99999999.99)")
    return afgerond


def _datum(ruw) -> date:
    if not isinstance(ruw, str) or not _DATUM.fullmatch(ruw.strip()):
        raise Ongeldig(f"{_toon(ruw)} is geen datum; schrijf JJJJ-MM-DD, bijvoorbeeld 2024-03-01")
    try:
        return date.fromisoformat(ruw.strip())
    except ValueError:
        raise Ongeldig(f"{_toon(ruw)} is geen bestaande datum") from None


def _datumtijd(ruw) -> datetime:
    if not isinstance(ruw, str):
        raise Ongeldig(f"{_toon(ruw)} is geen datum en tijd")
    try:
        waarde = datetime.fromisoformat(ruw.strip())
    except ValueError:
        raise Ongeldig(
            f"{_toon(ruw)} is geen datum en tijd; schrijf bijvoorbeeld 2024-03-01T10:30:00Z"
        ) from None
    if timezone.is_naive(waarde):
        # A date without a zone in a Dutch directory means Dutch time.
        waarde = timezone.make_aware(waarde)
    return waarde


def lees_tijd(ruw) -> tuple[time, float | None]:
    """A time as HSDS writes it ('10:00', '10:00:00', '09:00-05:00', '10:00Z') and its offset."""
    gevonden = _TIJD.fullmatch(ruw.strip()) if isinstance(ruw, str) else None
    if not gevonden:
        raise Ongeldig(f"{_toon(ruw)} is geen tijd; schrijf UU:MM, bijvoorbeeld 09:30")
    uur, minuut, seconde, fractie, zone = gevonden.groups()
    try:
        tijd = time(int(uur), int(minuut), int(seconde or 0), int((fractie or "0").ljust(6, "0")))
    except ValueError:
        raise Ongeldig(f"{_toon(ruw)} is geen bestaande tijd") from None
    if not zone:
        return tijd, None
    if zone == "Z":
        return tijd, 0.0
    teken = -1 if zone[0] == "-" else 1
    cijfers = zone[1:].replace(":", "")
    return tijd, teken * (int(cijfers[:2]) + int(cijfers[2:4] or 0) / 60)


def _bool(ruw) -> bool:
    if isinstance(ruw, bool):
        return ruw
    if isinstance(ruw, str) and ruw.strip().lower() in _WAAR:
        return True
    if isinstance(ruw, str) and ruw.strip().lower() in _ONWAAR:
        return False
    raise Ongeldig(f"{_toon(ruw)} is geen ja/nee; schrijf true of false")


def _getaltekst(ruw, kolom: Kolom) -> str:
    getal = _getal(ruw)
    # Digits as written: an extension "012" keeps its zero.
    return _tekst(ruw.strip() if isinstance(ruw, str) else _getal_als_tekst(getal), kolom)


def _email(ruw, kolom: Kolom) -> str:
    tekst = _tekst(ruw, kolom)
    if not _EMAIL.fullmatch(tekst):
        raise Ongeldig(f"{_toon(tekst)} is geen geldig e-mailadres")
    return tekst


def _url_tekst(ruw, kolom: Kolom) -> str:
    tekst = _tekst(ruw, kolom)
    try:
        delen = urlsplit(tekst)
    except ValueError:
        delen = None
    if delen is None or delen.scheme not in _SCHEMAS or not delen.netloc or _WIT.search(tekst):
        raise Ongeldig(f"{_toon(tekst)} is geen geldige URL (begin met https://)")
    return tekst


# Kind of value -> reader(raw, column). Looked up once per value, so kept flat and prebuilt.
_LEZERS = {
    "tekst": _tekst,
    "email": _email,
    "url": _url_tekst,
    "geheel": _geheel,
    "getal": lambda ruw, kolom: _getal(ruw),
    "decimaal": lambda ruw, kolom: _decimaal(ruw),
    "datum": lambda ruw, kolom: _datum(ruw),
    "datumtijd": lambda ruw, kolom: _datumtijd(ruw),
    "tijd": lambda ruw, kolom: lees_tijd(ruw)[0],
    "bool": lambda ruw, kolom: _bool(ruw),
    "getaltekst": _getaltekst,
    "gebied": lambda ruw, kolom: _tekst(ruw, kolom).strip().upper(),
}
_TEKSTSOORTEN = {"tekst", "email", "url", "getaltekst"}


def lees(kolom: Kolom, ruw):
    """The model value for a raw value; empty gives "" or None. Ids are read by `sleutel`."""
    if ruw is None or ruw == "":
        return "" if kolom.soort in _TEKSTSOORTEN else None
    return _LEZERS[kolom.soort](ruw, kolom)


# --- writers --------------------------------------------------------------------------------


def _getal_als_tekst(getal) -> str:
    if isinstance(getal, float) and getal.is_integer() and abs(getal) < 1e15:
        return str(int(getal))
    return repr(getal) if isinstance(getal, float) else str(getal)


def als_tekst(waarde) -> str:
    """Canonical CSV text for a model value ('' for nothing)."""
    if waarde is None:
        return ""
    if isinstance(waarde, bool):
        return "true" if waarde else "false"
    if isinstance(waarde, datetime):
        return waarde.astimezone(UTC).isoformat().replace("+00:00", "Z")
    if isinstance(waarde, date | time):
        return waarde.isoformat()
    if isinstance(waarde, float):
        return _getal_als_tekst(waarde)
    return str(waarde)


def als_json(kolom: Kolom, waarde):
    """The JSON value for a model value, of the type the HSDS schema asks for."""
    if waarde is None or waarde == "":
        return waarde
    if kolom.soort == "getaltekst":
        try:
            getal = float(waarde)
        except ValueError:
            return None
        return int(getal) if getal.is_integer() else getal
    if isinstance(waarde, Decimal):
        return int(waarde) if waarde == waarde.to_integral_value() else float(waarde)
    if isinstance(waarde, bool | int | float):
        return waarde
    return als_tekst(waarde)
