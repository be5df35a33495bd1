"""Mixed load on PostgreSQL: searches, referral status changes, registrations and signals at once.

    python bench/gemengd.py                                  # 8 connections, 60 s
    python bench/gemengd.py --seconden 10 --verbindingen 4   # a quick check

Sets up its own PostgreSQL database (``samenspel_bench_gemengd``, dropped and created again),
loads the demo into it (``samenspel demo --geen-server``), starts the real server
(``samenspel serve``, gunicorn with 2 workers, the e-mail sender beside it) and lets each
connection do, one request after the other, a seeded mix of: a search (``/zoeken/``), a
referral status change by a logged-in professional (the referral page's POST, then the page it
redirects to), a registration of an initiative (``/aanmelden/``), a neighbourhood signal
(``/signalen/buurt/``) and a worry about a person (``/signalen/zorg/doorgeven/``).

The client counts every write it got a success answer for, and every error (a 5xx, a
connection error, an unexpected status or answer). Afterwards the rows those writes create are
counted in the database; a write the client saw acknowledged that is not there is lost. The
run prints a table and exits non-zero on any error or lost write.

The public forms count per visitor address (``core/limits.py``); the server trusts 127.0.0.1 as
a proxy (``SAMENSPEL_VERTROUWDE_PROXIES``, the project's own setting) and every submission
comes with its own visitor address in ``X-Forwarded-For``, as many residents behind one proxy
would. The limits themselves stay as they are: after the load one address sends signals until
it is refused, and the run says after how many.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import secrets
import shlex
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import psycopg

HIER = Path(__file__).resolve().parent
sys.path.insert(0, str(HIER))

import omgeving  # noqa: E402

DATABASE = "samenspel_bench_gemengd"
MAP = HIER / "data" / "gemengd"
WORKERS = 2
OPSTART_SECONDEN = 300
TIMEOUT = 30.0

# Demo accounts (samenspel/demo/laden.py: the password is "demo-" + the name).
ONTVANGER = "professional"  # Buurtteam Overvecht receives referrals to its service
AFZENDER = "initiatiefnemer"  # Handjehelpen refers residents to the buurtteam
DIENST = "buurtteam-overvecht-hulp"
# Buurten where a team in the demo receives a worry about a person (demo/signalen.py).
ZORG_GEBIEDEN = ("BU034403", "BU0599")

# The mix: kind -> weight.
MIX = {
    "zoeken": 45,
    "status": 15,
    "status_gedeeld": 10,
    "aanmelden": 10,
    "buurtsignaal": 10,
    "zorg": 10,
}
SOORTEN = tuple(MIX)
WOORDEN = (
    "taal koffie wandelen eenzaam schulden buurthuis vrijwilliger ouderen jongeren geld "
    "moestuin sport mantelzorg kinderen boodschappen wonen opvoeden administratie computer "
    "fiets koken muziek ontmoeten thuis hulp steun werk gezondheid dementie rouw"
).split()
# A referral's answers in a loop that never closes it: REQUESTED -> ON_HOLD -> IN_PROGRESS ->
# ON_HOLD -> ... (referrals/antwoorden.py), so a short pool lasts a whole run.
VOLGENDE = {
    "requested": ("wachtlijst", "on-hold"),
    "on-hold": ("gestart", "in-progress"),
    "in-progress": ("pauze", "on-hold"),
}
OPGESLAGEN = "Opgeslagen. Dank je wel!"
# What the page says when someone else changed the referral first (a stale page).
AL_ZO = "Dit was al zo opgeslagen"
GEWEIGERD = "Dit kan nu niet"
_KEUZE = re.compile(r'name="keuze" value="([^"]+)"')
SIGNAAL_GEWEIGERD = "Er zijn net veel signalen verstuurd"
_CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')

_BEGIN = time.monotonic()


def stap(tekst: str) -> None:
    print(f"[{time.monotonic() - _BEGIN:6.0f} s] {tekst}", file=sys.stderr, flush=True)


# -- database and server ---------------------------------------------------------------------


def database_url(beheer_url: str, naam: str) -> str:
    """The URL of database `naam` on the server of `beheer_url`."""
    return beheer_url.rsplit("/", 1)[0] + "/" + naam


def nieuwe_database(beheer_url: str, naam: str) -> str:
    with psycopg.connect(beheer_url, autocommit=True) as verbinding:
        verbinding.execute(f'DROP DATABASE IF EXISTS "{naam}" WITH (FORCE)')
        verbinding.execute(f'CREATE DATABASE "{naam}"')
    return database_url(beheer_url, naam)


def verwijder_database(beheer_url: str, naam: str) -> None:
    with psycopg.connect(beheer_url, autocommit=True) as verbinding:
        verbinding.execute(f'DROP DATABASE IF EXISTS "{naam}" WITH (FORCE)')


def server_omgeving(map_: Path, url: str) -> dict[str, str]:
    env = omgeving.omgeving(map_, url)
    # The demo's own mailbox (demo/mail.py picks it for the demo database): no mail server.
    env.pop("SAMENSPEL_DEMO", None)
    env.pop("EMAIL_BACKEND", None)
    # Requests come from 127.0.0.1, which is trusted as a proxy: each simulated visitor's
    # address is then read from X-Forwarded-For (core/client_ip.py).
    env["SAMENSPEL_VERTROUWDE_PROXIES"] = "127.0.0.1"
    env.pop("REDIS_URL", None)
    return env


def zet_demo_op(env: dict[str, str], log: Path) -> None:
    proces = omgeving.samenspel("demo", "--geen-server", env=env, log=log)
    if proces.code:
        raise SystemExit(f"samenspel demo mislukt (code {proces.code}); zie {log}")


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def nakomelingen(pid: int) -> list[int]:
    """Every process below `pid` (gunicorn's workers, the e-mail sender), from /proc."""
    ouders: dict[int, list[int]] = {}
    for ingang in os.listdir("/proc"):
        if not ingang.isdigit():
            continue
        try:
            with open(f"/proc/{ingang}/stat") as bestand:
                velden = bestand.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        ouders.setdefault(int(velden[1]), []).append(int(ingang))
    uit, rij = [], [pid]
    while rij:
        for kind in ouders.get(rij.pop(), []):
            uit.append(kind)
            rij.append(kind)
    return uit


class Server:
    """`samenspel serve` on a free port; stopped or killed by its own process ids."""

    def __init__(self, env: dict[str, str], log: Path, workers: int = WORKERS):
        self.env, self.logpad, self.workers = env, log, workers
        self.poort = vrije_poort()
        self.proces: subprocess.Popen | None = None

    @property
    def adres(self) -> str:
        return f"http://127.0.0.1:{self.poort}"

    def start(self) -> None:
        argv = [str(omgeving.SAMENSPEL), "serve", "--poort", str(self.poort)]
        argv += ["--workers", str(self.workers)]
        with open(self.logpad, "a") as log:
            self.proces = subprocess.Popen(argv, env=self.env, stdout=log, stderr=log)  # noqa: S603
        einde = time.monotonic() + OPSTART_SECONDEN
        while time.monotonic() < einde and self.proces.poll() is None:
            try:
                if httpx.get(self.adres + "/", timeout=5).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        raise RuntimeError(f"de server start niet; zie {self.logpad}")

    def processen(self) -> list[int]:
        if self.proces is None or self.proces.poll() is not None:
            return []
        return [self.proces.pid, *nakomelingen(self.proces.pid)]

    def stop(self) -> None:
        if self.proces is None:
            return
        if self.proces.poll() is None:
            self.proces.send_signal(signal.SIGTERM)
            try:
                self.proces.wait(30)
            except subprocess.TimeoutExpired:
                self.dood()
        self.proces = None

    def dood(self) -> int:
        """kill -9 the master and every process below it, at once; returns how many."""
        pids = self.processen()
        for pid in pids:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        if self.proces is not None:
            self.proces.wait()
        # The workers and the sender are the master's children: gone once reaped by init.
        einde = time.monotonic() + 10
        while time.monotonic() < einde and any(os.path.exists(f"/proc/{p}") for p in pids[1:]):
            time.sleep(0.05)
        self.proces = None
        return len(pids)


# -- the client ------------------------------------------------------------------------------


class Onverwacht(Exception):
    """An answer a working server does not give: counted as an error."""


_adressen = iter(range(1, 1 << 24))
_adres_slot = threading.Lock()


def bezoekersadres() -> str:
    """A new visitor address for each public submission (10.0.0.1, 10.0.0.2, ...)."""
    with _adres_slot:
        n = next(_adressen)
    return f"10.{n >> 16 & 255}.{n >> 8 & 255}.{n & 255}"


class Bezoeker:
    """One connection's browser: cookies, the CSRF token of its session."""

    def __init__(self, adres: str):
        self.http = httpx.Client(base_url=adres, timeout=TIMEOUT, follow_redirects=False)
        self.token = ""

    def sluit(self) -> None:
        self.http.close()

    def haal_token(self, pad: str) -> str:
        antwoord = self.http.get(pad)
        if antwoord.status_code != 200:
            raise Onverwacht(f"GET {pad}: {antwoord.status_code}")
        gevonden = _CSRF.search(antwoord.text)
        if not gevonden:
            raise Onverwacht(f"GET {pad}: geen CSRF-token")
        self.token = gevonden.group(1)
        return antwoord.text

    def log_in(self, naam: str) -> None:
        self.haal_token("/inloggen/")
        antwoord = self.http.post(
            "/inloggen/",
            data={"csrfmiddlewaretoken": self.token, "username": naam, "password": f"demo-{naam}"},
        )
        if antwoord.status_code != 302:
            raise Onverwacht(f"inloggen als {naam}: {antwoord.status_code}")
        # Django rotates the token at login.
        self.haal_token("/verwijzingen/")

    def post(self, pad: str, data: dict, adres: str | None = None) -> httpx.Response:
        koppen = {"X-Forwarded-For": adres} if adres else {}
        return self.http.post(pad, data={"csrfmiddlewaretoken": self.token, **data}, headers=koppen)


def verwijzing_sturen(afzender: Bezoeker, dienst_id: str, n: int) -> str:
    """The sender refers a resident with verbal consent; returns the new referral's id."""
    antwoord = afzender.post(
        f"/verwijzingen/nieuw/{dienst_id}/",
        {
            "naam": f"Bewoner {n}",
            "contactmanier": "via_verwijzer",
            "wat_helpt": "Wil graag iemand om mee te praten en kookt graag.",
            "toestemming": "mondeling",
            "geldig_maanden": "6",
            "terugkoppeling": "status",
        },
    )
    doel = antwoord.headers.get("location", "")
    gevonden = re.fullmatch(r"/verwijzingen/([0-9a-f-]{36})/", doel)
    if antwoord.status_code != 302 or not gevonden:
        raise Onverwacht(f"verwijzing sturen: {antwoord.status_code} {doel}")
    return gevonden.group(1)


def _beantwoord(ontvanger: Bezoeker, verwijzing: str, keuze: str, wat: str) -> str:
    """Post the receiver's answer `keuze` and return the page it redirects to, whose message
    says whether the change was saved. Raises Onverwacht for any other reply."""
    pad = f"/verwijzingen/{verwijzing}/"
    data = {"actie": "antwoord", "keuze": keuze}
    if keuze == "pauze":
        data["reden"] = "Even een pauze, op verzoek van de bewoner."
    antwoord = ontvanger.post(pad, data)
    if antwoord.status_code != 302 or antwoord.headers.get("location") != pad:
        raise Onverwacht(f"{wat} {keuze}: {antwoord.status_code}")
    pagina = ontvanger.http.get(pad)
    if pagina.status_code != 200:
        raise Onverwacht(f"{wat} {keuze}, pagina: {pagina.status_code}")
    return pagina.text


def zet_status(ontvanger: Bezoeker, verwijzing: str, status: str) -> tuple[str, int]:
    """The receiver's next answer for a referral in `status`; returns the new status and the
    number of requests. Raises Onverwacht when the change was not acknowledged."""
    keuze, naar = VOLGENDE[status]
    if OPGESLAGEN not in _beantwoord(ontvanger, verwijzing, keuze, "status"):
        raise Onverwacht(f"status {keuze}: niet opgeslagen")
    return naar, 2


def status_van_pagina(html: str) -> str:
    """The status a referral has, from the answers its page offers (antwoorden.KEUZES)."""
    keuzes = set(_KEUZE.findall(html))
    if "wachtlijst" in keuzes:
        return "requested"
    if "gestart" in keuzes and "aannemen" in keuzes:
        return "on-hold"
    if "pauze" in keuzes and "gestart" not in keuzes:
        return "in-progress"
    raise Onverwacht(f"status onbekend, keuzes {sorted(keuzes)}")


def zet_status_gedeeld(ontvanger: Bezoeker, verwijzing: str, status: str) -> tuple[bool, str]:
    """As `zet_status`, on a referral that other connections change too: the page this
    connection last saw may be stale. Returns whether the change was saved, and the status the
    page shows now; a refusal of a stale answer is no error."""
    keuze, _naar = VOLGENDE[status]
    tekst = _beantwoord(ontvanger, verwijzing, keuze, "gedeeld")
    if OPGESLAGEN in tekst:
        opgeslagen = True
    elif AL_ZO in tekst or GEWEIGERD in tekst:
        opgeslagen = False
    else:
        raise Onverwacht(f"gedeeld {keuze}: geen melding")
    return opgeslagen, status_van_pagina(tekst)


@dataclass
class Keuzes:
    """What the forms offer, read once from the pages."""

    buurten: list[str]
    bouwstenen: list[str]
    themas: list[str]
    zorgbuurten: list[str]

    @classmethod
    def lees(cls, bezoeker: Bezoeker) -> Keuzes:
        aanmelden = bezoeker.haal_token("/aanmelden/")
        buurt = re.search(r'<select[^>]*name="buurt".*?</select>', aanmelden, re.S).group(0)
        bouwsteen = re.search(r'<select[^>]*name="bouwsteen".*?</select>', aanmelden, re.S)
        signaal = bezoeker.haal_token("/signalen/buurt/")
        zorg = bezoeker.haal_token("/signalen/zorg/doorgeven/")
        zorgbuurt = re.search(r'<select[^>]*name="buurt".*?</select>', zorg, re.S).group(0)
        waarden = re.compile(r'<option value="([^"]+)"')
        return cls(
            buurten=waarden.findall(buurt),
            bouwstenen=waarden.findall(bouwsteen.group(0)),
            themas=re.findall(r'name="thema" value="([^"]+)"', signaal),
            zorgbuurten=[b for b in waarden.findall(zorgbuurt) if b.startswith(ZORG_GEBIEDEN)],
        )


@dataclass
class Telling:
    verzoeken: int = 0
    fouten: int = 0
    geschreven: int = 0
    geweigerd: int = 0  # shared referrals: a stale answer refused, as it should be
    voorbeelden: list[str] = field(default_factory=list)
    ms: list[float] = field(default_factory=list)


class Last:
    """The connections of one run and what they counted, per kind."""

    def __init__(
        self, adres: str, keuzes: Keuzes, merk: str, pool: dict[str, str], gedeeld: list[str]
    ):
        self.adres, self.keuzes, self.merk = adres, keuzes, merk
        self.gedeeld = gedeeld
        self._gezien = threading.local()
        self.telling = {soort: Telling() for soort in SOORTEN}
        self.status = dict(pool)  # referral -> status the client last saw acknowledged
        self.slot = threading.Lock()
        self.nummer = iter(range(1, 1 << 30))

    def volgnummer(self) -> int:
        with self.slot:
            return next(self.nummer)

    def verbinding(self, index: int, eigen: list[str], einde: float, seed: int) -> None:
        kans = random.Random(seed * 1000 + index)  # noqa: S311  (a load mix, not a secret)
        # What this connection last saw of the shared referrals (others change them too).
        self._gezien.status = dict.fromkeys(self.gedeeld, "requested")
        publiek = Bezoeker(self.adres)
        ontvanger = Bezoeker(self.adres)
        try:
            try:
                publiek.haal_token("/aanmelden/")
                ontvanger.log_in(ONTVANGER)
            except (httpx.HTTPError, Onverwacht) as fout:
                # A connection that cannot even start is an error too, not a silent thread.
                with self.slot:
                    self.telling["status"].fouten += 1
                    self.telling["status"].voorbeelden.append(f"opzet: {fout}")
                return
            gewichten = [MIX[s] for s in SOORTEN]
            zonder = {"status": not eigen, "status_gedeeld": not self.gedeeld}
            while time.monotonic() < einde:
                soort = kans.choices(SOORTEN, gewichten)[0]
                if zonder.get(soort):
                    soort = "zoeken"
                self._een(soort, kans, publiek, ontvanger, eigen)
        finally:
            publiek.sluit()
            ontvanger.sluit()

    def _een(self, soort, kans, publiek: Bezoeker, ontvanger: Bezoeker, eigen) -> None:
        telling = self.telling[soort]
        begin = time.perf_counter()
        verzoeken, gelukt, fout = 1, False, ""
        try:
            if soort == "zoeken":
                woorden = kans.sample(WOORDEN, kans.choice((1, 1, 2)))
                antwoord = publiek.http.get("/zoeken/", params={"q": " ".join(woorden)})
                if antwoord.status_code != 200:
                    raise Onverwacht(f"zoeken: {antwoord.status_code}")
            elif soort == "status":
                verwijzing = kans.choice(eigen)
                naar, verzoeken = zet_status(ontvanger, verwijzing, self.status[verwijzing])
                with self.slot:
                    self.status[verwijzing] = naar
                gelukt = True
            elif soort == "status_gedeeld":
                verwijzing = kans.choice(self.gedeeld)
                gezien = self._gezien.status
                gelukt, gezien[verwijzing] = zet_status_gedeeld(
                    ontvanger, verwijzing, gezien[verwijzing]
                )
                verzoeken = 2
                if not gelukt:
                    with self.slot:
                        telling.geweigerd += 1
            else:
                gelukt = self._formulier(soort, kans, publiek)
        except (httpx.HTTPError, Onverwacht) as e:
            fout = f"{type(e).__name__}: {e}"
        duur = (time.perf_counter() - begin) * 1000
        with self.slot:
            telling.verzoeken += verzoeken
            telling.ms.append(duur)
            if fout:
                telling.fouten += 1
                if len(telling.voorbeelden) < 3:
                    telling.voorbeelden.append(fout)
            elif gelukt:
                telling.geschreven += 1

    def _formulier(self, soort: str, kans, publiek: Bezoeker) -> bool:
        n = self.volgnummer()
        k = self.keuzes
        if soort == "aanmelden":
            pad, verwacht = "/aanmelden/", re.compile(r"/aanmelden/verstuurd/")
            data = {
                "naam": f"{self.merk} initiatief {n}",
                "omschrijving": "Samen koken en eten met buren, elke week.",
                "wanneer": "elke dinsdag 17-19 uur",
                "buurt": kans.choice(k.buurten),
                "contact": f"initiatief{n}@example.org",
                "bouwsteen": kans.choice(k.bouwstenen),
                "sector": "informeel",
                "zichtbaarheid": "openbaar",
                # Names of earlier runs look alike; this one is new all the same.
                "niet_dubbel": "on",
            }
        elif soort == "buurtsignaal":
            pad, verwacht = "/signalen/buurt/", re.compile(r"/signalen/buurt/verstuurd/")
            data = {
                "buurt": kans.choice(k.buurten),
                "thema": kans.choice(k.themas),
                "tekst": f"{self.merk} signaal {n}: het bankje bij de speeltuin is weg.",
                **({"openbaar": "on"} if n % 2 else {}),
            }
        else:
            pad, verwacht = "/signalen/zorg/doorgeven/", re.compile(r"/signalen/zorg/\d+/status/")
            data = {
                "soort": "zorg",
                "buurt": kans.choice(k.zorgbuurten),
                "wat": f"{self.merk} zorg {n}: de buurman doet al dagen niet open.",
                "naam_mag_gedeeld": "nee",
            }
        antwoord = publiek.post(pad, data, adres=bezoekersadres())
        doel = antwoord.headers.get("location", "")
        if antwoord.status_code != 302 or not verwacht.match(doel):
            raise Onverwacht(f"{soort}: {antwoord.status_code} {doel}")
        return True


# -- counting in the database ----------------------------------------------------------------


def dienst_id(url: str) -> str:
    with psycopg.connect(url) as verbinding:
        rij = verbinding.execute(
            "SELECT id FROM directory_service WHERE bron_id = %s", (DIENST,)
        ).fetchone()
    return str(rij[0])


def tel_in_database(url: str, merk: str, pool: list[str], gedeeld: list[str]) -> dict[str, int]:
    """The rows each kind of write creates, counted after the run."""
    ids = [uuid.UUID(p) for p in pool]
    with psycopg.connect(url) as v:

        def een(sql: str, *params) -> int:
            return v.execute(sql, params).fetchone()[0]

        return {
            "status": een(
                "SELECT count(*) FROM referrals_gebeurtenis WHERE soort = 'status' "
                "AND partij = 'ontvanger' AND verwijzing_id = ANY(%s)",
                ids,
            ),
            "status_gedeeld": een(
                "SELECT count(*) FROM referrals_gebeurtenis WHERE soort = 'status' "
                "AND partij = 'ontvanger' AND verwijzing_id = ANY(%s)",
                [uuid.UUID(p) for p in gedeeld],
            ),
            "status_gedeeld_audit": een(
                "SELECT count(*) FROM privacy_auditregel WHERE actie = 'gewijzigd' "
                "AND record_soort = 'referrals.verwijzing' AND record_id = ANY(%s)",
                gedeeld,
            ),
            "status_audit": een(
                "SELECT count(*) FROM privacy_auditregel WHERE actie = 'gewijzigd' "
                "AND record_soort = 'referrals.verwijzing' AND record_id = ANY(%s)",
                [str(i) for i in ids],
            ),
            "aanmelden": een(
                "SELECT count(*) FROM directory_service WHERE name LIKE %s", f"{merk} %"
            ),
            "aanmelden_historie": een(
                "SELECT count(*) FROM directory_wijziging w JOIN directory_service s "
                "ON w.resource_id = s.id WHERE w.last_action_type = 'aangemeld' "
                "AND s.name LIKE %s",
                f"{merk} %",
            ),
            "buurtsignaal": een(
                "SELECT count(*) FROM signals_buurtsignaal WHERE tekst LIKE %s", f"{merk} %"
            ),
            "buurtsignaal_log": een(
                "SELECT count(*) FROM signals_gebeurtenis g JOIN signals_buurtsignaal b "
                "ON (g.wat->>'signaal')::bigint = b.id "
                "WHERE g.soort = 'buurtsignaal_ontvangen' AND b.tekst LIKE %s",
                f"{merk} %",
            ),
            "zorg": een("SELECT count(*) FROM signals_zorgmelding WHERE wat LIKE %s", f"{merk} %"),
            "zorg_log": een(
                "SELECT count(*) FROM signals_gebeurtenis g JOIN signals_zorgmelding z "
                "ON (g.wat->>'zorg')::bigint = z.id "
                "WHERE g.soort = 'zorg_doorgegeven' AND z.wat LIKE %s",
                f"{merk} %",
            ),
        }


def statussen_in_database(url: str, pool: list[str]) -> dict[str, str]:
    with psycopg.connect(url) as v:
        rijen = v.execute(
            "SELECT id, status FROM referrals_verwijzing WHERE id = ANY(%s)",
            ([uuid.UUID(p) for p in pool],),
        ).fetchall()
    return {str(i): s for i, s in rijen}


def verwijzingen_kloppen(url: str, pool: list[str]) -> list[str]:
    """Referrals whose status is not that of their last status event, or whose status events
    do not chain (each one starts where the one before ended): none, when every change wrote
    its row and its event in one transaction."""
    fout = []
    with psycopg.connect(url) as v:
        statussen = dict(
            v.execute(
                "SELECT id::text, status FROM referrals_verwijzing WHERE id = ANY(%s)",
                ([uuid.UUID(p) for p in pool],),
            ).fetchall()
        )
        gebeurtenissen: dict[str, list[tuple[str, str]]] = {}
        for vid, van, naar in v.execute(
            "SELECT verwijzing_id::text, van_status, naar_status FROM referrals_gebeurtenis "
            "WHERE soort = 'status' AND verwijzing_id = ANY(%s) ORDER BY id",
            ([uuid.UUID(p) for p in pool],),
        ):
            gebeurtenissen.setdefault(vid, []).append((van, naar))
    for vid, status in statussen.items():
        keten = gebeurtenissen.get(vid, [])
        if not keten or keten[-1][1] != status:
            fout.append(f"{vid}: status {status}, laatste gebeurtenis {keten[-1:]}")
            continue
        for (_, vorig), (van, _) in zip(keten, keten[1:], strict=False):
            if van != vorig:
                fout.append(f"{vid}: gebeurtenis van {van} na {vorig}")
                break
    return fout


# -- the run ---------------------------------------------------------------------------------


def maak_pool(adres: str, url: str, aantal: int) -> dict[str, str]:
    """`aantal` referrals to the buurtteam, sent through the site by the initiative."""
    afzender = Bezoeker(adres)
    try:
        afzender.log_in(AFZENDER)
        dienst = dienst_id(url)
        return {verwijzing_sturen(afzender, dienst, n): "requested" for n in range(aantal)}
    finally:
        afzender.sluit()


def limiet_houdt(adres: str, keuzes: Keuzes, merk: str, maximum: int) -> tuple[int, bool]:
    """One visitor address sends signals until refused (each worker counts in its own memory
    without REDIS_URL, so the refusal may come after up to workers × the limit)."""
    bezoeker = Bezoeker(adres)
    adres_ = bezoekersadres()
    try:
        bezoeker.haal_token("/signalen/buurt/")
        for n in range(1, maximum + 1):
            antwoord = bezoeker.post(
                "/signalen/buurt/",
                {
                    "buurt": keuzes.buurten[0],
                    "thema": keuzes.themas[0],
                    "tekst": f"{merk} limiet {n}: het bankje is weg.",
                },
                adres=adres_,
            )
            if antwoord.status_code == 200 and SIGNAAL_GEWEIGERD in antwoord.text:
                return n - 1, True
            if antwoord.status_code != 302:
                raise Onverwacht(f"limiet: {antwoord.status_code}")
        return maximum, False
    finally:
        bezoeker.sluit()


_TOEGANG = re.compile(r'" (\d{3}) ')


def serverlog(pad: Path, vanaf: int = 0) -> dict[str, int]:
    """What the server's own log says from byte `vanaf` on: requests in its access log
    (`samenspel serve` writes one line per request), those answered with a 5xx, tracebacks."""
    with open(pad, "rb") as bestand:
        bestand.seek(vanaf)
        tekst = bestand.read().decode(errors="replace")
    statussen = [int(m.group(1)) for m in map(_TOEGANG.search, tekst.splitlines()) if m]
    return {
        "verzoeken": len(statussen),
        "5xx": sum(s >= 500 for s in statussen),
        "tracebacks": tekst.count("Traceback (most recent call last)"),
    }


def _percentiel(reeks: list[float], p: float) -> float:
    if not reeks:
        return float("nan")
    geordend = sorted(reeks)
    return geordend[max(0, min(len(geordend) - 1, round(p / 100 * len(geordend) + 0.5) - 1))]


LABELS = {
    "zoeken": "search `/zoeken/?q=…` (GET)",
    "status": "referral status change by the receiving professional (POST + the page it "
    "redirects to)",
    "status_gedeeld": "status change of a referral every connection changes (as above; a "
    "stale answer is refused, not an error)",
    "aanmelden": "registration of an initiative `/aanmelden/` (POST)",
    "buurtsignaal": "neighbourhood signal `/signalen/buurt/` (POST)",
    "zorg": "worry about a person `/signalen/zorg/doorgeven/` (POST)",
}
# What each write leaves in the database, and the second row written in its transaction.
IN_DATABASE = {
    "status": ("status", "status_audit", "event rows (`referrals_gebeurtenis`) / audit rows"),
    "status_gedeeld": ("status_gedeeld", "status_gedeeld_audit", "event rows / audit rows"),
    "aanmelden": ("aanmelden", "aanmelden_historie", "listings / history rows `aangemeld`"),
    "buurtsignaal": ("buurtsignaal", "buurtsignaal_log", "signals / log rows"),
    "zorg": ("zorg", "zorg_log", "worries / log rows"),
}


def tabel(uit: dict) -> tuple[str, bool]:
    """The markdown table of a run, and whether it holds (0 errors, 0 lost writes)."""
    db = uit["database"]
    regels = [
        "| kind | requests | errors | writes acknowledged to the client | writes in the "
        "database (rows / second row of the same transaction) | lost | p50 / p95 ms |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    goed = True
    for soort in SOORTEN:
        t = uit["telling"][soort]
        ms = f"{_percentiel(t['ms'], 50):.0f} / {_percentiel(t['ms'], 95):.0f}" if t["ms"] else "–"
        goed &= t["fouten"] == 0
        if soort in IN_DATABASE:
            rijen, tweede, _wat = IN_DATABASE[soort]
            verloren = t["geschreven"] - db[rijen]
            goed &= db[rijen] == t["geschreven"] == db[tweede]
            label = LABELS[soort]
            if soort == "status_gedeeld":
                label += f"; {t['geweigerd']} refused"
            regels.append(
                f"| {label} | {t['verzoeken']:,} | {t['fouten']} | {t['geschreven']:,} | "
                f"{db[rijen]:,} / {db[tweede]:,} | {verloren} | {ms} |"
            )
        else:
            regels.append(
                f"| {LABELS[soort]} | {t['verzoeken']:,} | {t['fouten']} | – | – | – | {ms} |"
            )
    totaal = sum(uit["telling"][s]["verzoeken"] for s in SOORTEN)
    fouten = sum(uit["telling"][s]["fouten"] for s in SOORTEN)
    regels.append(
        f"| **all** | {totaal:,} ({totaal / uit['seconden']:.1f}/s) | {fouten} | "
        f"{sum(uit['telling'][s]['geschreven'] for s in IN_DATABASE):,} | "
        f"{sum(db[IN_DATABASE[s][0]] for s in IN_DATABASE):,} | "
        f"{sum(uit['telling'][s]['geschreven'] - db[IN_DATABASE[s][0]] for s in IN_DATABASE)} "
        "| – |"
    )
    goed &= not uit["onjuist"] and uit["eind_status_gelijk"]
    goed &= uit["serverlog"]["5xx"] == 0 and uit["serverlog"]["tracebacks"] == 0
    return "\n".join(regels), goed


def verslag(uit: dict) -> tuple[str, bool]:
    tekst, goed = tabel(uit)
    m = uit["machine"]
    regels = [
        f"### Mixed load, {uit['verbindingen']} connections for {uit['seconden']:.0f} s, "
        "PostgreSQL, `samenspel serve` with 2 workers",
        "",
        tekst,
        "",
        f"- Referrals: a pool of {uit['pool']} sent through the site by `{AFZENDER}` before the "
        f"load (all {uit['pool_in_database']} in the database); each connection changes the "
        f"status of its own share, and of {uit['gedeeld']} referrals all connections change "
        f"(two colleagues on one referral: the row lock and the table of transitions decide), "
        f"each as `{ONTVANGER}` logged in. Every referral's status equals "
        "its last status event and the events chain: "
        f"{'**ja**' if not uit['onjuist'] else '**nee**: ' + '; '.join(uit['onjuist'][:3])}. "
        "The status the client last saw acknowledged is the one in the database for every "
        f"referral of one connection: {'**ja**' if uit['eind_status_gelijk'] else '**nee**'}.",
        "- Limits: the server trusts 127.0.0.1 as a proxy (`SAMENSPEL_VERTROUWDE_PROXIES`) and "
        "each public submission brings its own visitor address in `X-Forwarded-For`; nothing "
        "else is switched off. Afterwards one address sent neighbourhood signals until refused "
        "(those are in the signal row's figures): "
        f"refused after {uit['limiet'][0]} accepted"
        f"{'' if uit['limiet'][1] else ' (NOT refused)'} (limit 5 per hour, counted per "
        "worker process without `REDIS_URL`, 2 workers). Logins (django-axes) are one per "
        "connection with the right password, so no lockout applies; nothing changed there.",
        f"- The server's own access log during the load and the limit check: "
        f"{uit['serverlog']['verzoeken']:,} requests, {uit['serverlog']['5xx']} answered with a "
        f"5xx; {uit['serverlog']['tracebacks']} tracebacks in its log.",
        f"- The load generator (Python threads with httpx, {uit['verbindingen']} connections, "
        "one request at a time each) runs on the same machine as the server and PostgreSQL.",
        "",
        f"Machine: {m['nproc']} cores (nproc), {m['cpu']}, {m['ram']} RAM, {m['os']}; Python "
        f"{m['python']}, PostgreSQL {m['postgresql']}. Shared with other work: load average "
        f"{m['belasting']} before, {uit['belasting_einde']} after. Code: {m['code']}.",
        "",
        f"Command: `{uit['commando']}`",
    ]
    return "\n".join(regels), goed


def vervang_sectie(pad: Path, sleutel: str, tekst: str) -> None:
    """Replace the part of RESULTS.md between `<!-- sleutel -->` and `<!-- einde sleutel -->`,
    or add it at the end."""
    inhoud = pad.read_text(encoding="utf-8")
    begin, einde = f"<!-- {sleutel} -->", f"<!-- einde {sleutel} -->"
    blok = f"{begin}\n{tekst}\n{einde}"
    if begin in inhoud and einde in inhoud:
        voor, rest = inhoud.split(begin, 1)
        inhoud = voor + blok + rest.split(einde, 1)[1]
    else:
        inhoud = inhoud.rstrip("\n") + "\n\n" + blok + "\n"
    pad.write_text(inhoud, encoding="utf-8")


def run(args) -> dict:
    MAP.mkdir(parents=True, exist_ok=True)
    machine = omgeving.machine()
    stap(f"database {args.database} op {args.database_url.rsplit('/', 1)[0]}")
    url = nieuwe_database(args.database_url, args.database)
    env = server_omgeving(MAP, url)
    log = MAP / "server.log"
    log.write_text("")
    try:
        stap("samenspel demo --geen-server")
        zet_demo_op(env, MAP / "demo.log")
        server = Server(env, log)
        stap("samenspel serve")
        server.start()
        try:
            lezer = Bezoeker(server.adres)
            keuzes = Keuzes.lees(lezer)
            lezer.sluit()
            aantal = args.verbindingen * args.per_verbinding + args.gedeeld
            stap(f"{aantal} verwijzingen sturen")
            pool = maak_pool(server.adres, url, aantal)
            merk = f"Gemengd-{secrets.token_hex(3)}"
            ids = list(pool)
            gedeeld, eigen = ids[: args.gedeeld], ids[args.gedeeld :]
            last = Last(server.adres, keuzes, merk, {i: pool[i] for i in eigen}, gedeeld)
            stap(f"last: {args.verbindingen} verbindingen, {args.seconden} s")
            logbegin = log.stat().st_size
            begin = time.monotonic()
            einde = begin + args.seconden
            threads = [
                threading.Thread(
                    target=last.verbinding,
                    args=(i, eigen[i :: args.verbindingen], einde, args.seed),
                )
                for i in range(args.verbindingen)
            ]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            seconden = time.monotonic() - begin
            stap("limiet controleren")
            limiet = limiet_houdt(server.adres, keuzes, merk, 5 * WORKERS + 1)
            # Those signals are writes too: counted, and checked in the database.
            last.telling["buurtsignaal"].geschreven += limiet[0]
            last.telling["buurtsignaal"].verzoeken += limiet[0] + limiet[1]
        finally:
            server.stop()
        log_tijdens = serverlog(log, logbegin)
        stap("tellen in de database")
        database = tel_in_database(url, merk, eigen, gedeeld)
        statussen = statussen_in_database(url, eigen)
        uit = {
            "machine": machine,
            "verbindingen": args.verbindingen,
            "seconden": seconden,
            "pool": len(ids),
            "gedeeld": len(gedeeld),
            "pool_in_database": len(statussen_in_database(url, ids)),
            "telling": {s: vars(t) for s, t in last.telling.items()},
            "database": database,
            "onjuist": verwijzingen_kloppen(url, ids),
            "eind_status_gelijk": statussen == last.status,
            "limiet": limiet,
            "serverlog": log_tijdens,
            "belasting_einde": omgeving.belasting(),
        }
    finally:
        if not args.bewaar:
            verwijder_database(args.database_url, args.database)
    return uit


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument(
        "--database-url",
        default=omgeving.PG_BEHEER,
        help="een PostgreSQL-database om de benchmarkdatabase vanuit aan te maken",
    )
    p.add_argument("--database", default=DATABASE, help="naam van de benchmarkdatabase")
    p.add_argument("--verbindingen", type=int, default=8)
    p.add_argument("--seconden", type=float, default=60)
    p.add_argument("--per-verbinding", type=int, default=8, help="verwijzingen per verbinding")
    p.add_argument(
        "--gedeeld", type=int, default=4, help="verwijzingen die elke verbinding verandert"
    )
    p.add_argument("--seed", type=int, default=2025)
    p.add_argument("--bewaar", action="store_true", help="laat de database staan")
    p.add_argument("--schrijf", action="store_true", help="zet de uitkomst in RESULTS.md")
    args = p.parse_args(argv)
    commando = "python bench/gemengd.py " + " ".join(
        shlex.quote(a) for a in (argv if argv is not None else sys.argv[1:])
    )
    uit = run(args)
    uit["commando"] = commando.strip()
    tekst, goed = verslag(uit)
    print(tekst, flush=True)
    for soort in SOORTEN:
        for voorbeeld in uit["telling"][soort]["voorbeelden"]:
            print(f"fout ({soort}): {voorbeeld}", file=sys.stderr)
    if args.schrijf:
        vervang_sectie(HIER / "RESULTS.md", "gemengd", tekst)
    if not goed:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
