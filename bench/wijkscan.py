"""The wijkscan at national scale: every buurt × bouwsteen of the country, and one wijk's page.

    python bench/wijkscan.py                       # 150k: prepares once (about 10 minutes)
    python bench/wijkscan.py --pad "/wijk/{wijk}/" # the page whose server time is measured

The data is the generated kaart (``genereer.py`` at 150k: 150,000 listings, 342 gemeenten,
3,300 wijken, 14,500 buurten, 1,000,000 referrals) with its CBS Kerncijfers and RIVM
Gezondheidsmonitor figures, imported once with the product's own commands into a SQLite file
under ``bench/data/wijkscan-<schaal>/`` (``importeer gebieden``, ``importeer hsds``,
``importeer cijfers --bron cbs|rivm``; the referrals bulk-loaded as ``run.py
--met-verwijzingen`` does). Then, side by side in one run:

* the whole country, all buurten × the 7 bouwstenen: supply (listings, per 1,000 residents,
  fresh, formal/informal mix) and reach on foot and by bike, computed by
  ``wijkscan.land.land`` (one national pass), by the per-gemeente loop of ``aanbod()`` +
  ``bereik()``, and with reach counted without a spatial index (a chunked numpy distance
  matrix; a Python loop over pairs on a sample, extrapolated);
* one wijk: what its page needs (``aanbod`` of its gemeente filtered to the wijk, ``bereik``
  of its buurten, ``verwijzingen``), median and p95 over 100 seeded wijken, first and warm,
  and the server time of a page through Django's test client for ``--pad`` (a template with
  ``{wijk}`` and ``{gemeente}``).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import sys
import time
from pathlib import Path

HIER = Path(__file__).resolve().parent
sys.path.insert(0, str(HIER))

import genereer  # noqa: E402
import omgeving  # noqa: E402

SEED = 2025
WIJKEN = 100
DOEL_LAND_S = 3.0
DOEL_WIJK_MS = 100.0
PAD = "/wijk/{wijk}/"
BEGIN_MARKER = "<!-- wijkscan {schaal} -->"
EINDE_MARKER = "<!-- einde wijkscan {schaal} -->"
_BEGIN = time.monotonic()


def stap(tekst: str) -> None:
    print(f"[{time.monotonic() - _BEGIN:6.0f} s] {tekst}", file=sys.stderr, flush=True)


def map_voor(schaal: str) -> Path:
    return genereer.DATA / f"wijkscan-{schaal}"


def _django() -> None:
    import django
    from django.apps import apps

    if not apps.ready:
        django.setup()


def bereid_voor(schaal: str, opnieuw: bool = False, met_verwijzingen: bool = True) -> dict:
    """Generate, import and load once; later runs reuse the database.

    Two steps, each remembered in ``geladen.json``: the kaart with its areas and figures, then
    (``met_verwijzingen``) the referrals, which take longest on a busy machine.
    """
    map_ = map_voor(schaal)
    over = map_ / "over.json"
    if opnieuw or not over.exists() or json.loads(over.read_text())["versie"] != genereer.VERSIE:
        stap(f"generate {schaal} (kaart, figures, referrals)")
        genereer.genereer(schaal, stil=True, doel=map_)
        (map_ / "geladen.json").unlink(missing_ok=True)
    geladen = map_ / "geladen.json"
    if not geladen.exists():
        import run

        (map_ / "samenspel.sqlite3").unlink(missing_ok=True)
        uit: dict = {}
        env = omgeving.omgeving(map_)
        run._importeer(map_, env, uit, "import")
        log = map_ / "import-sqlite.log"
        jaar = str(genereer.CIJFERJAAR)
        for bron, bestand in (
            ("cbs", "cbs_kerncijfers.csv"),
            ("rivm", "rivm_gezondheidsmonitor.csv"),
        ):
            stap(f"samenspel importeer cijfers {bestand} --bron {bron} --jaar {jaar}")
            proces = omgeving.samenspel(
                "importeer", "cijfers", str(map_ / bestand), "--bron", bron, "--jaar", jaar,
                "--stil", env=env, log=log,
            )  # fmt: skip
            if proces.code:
                raise SystemExit(f"cijfers importeren mislukt; zie {log}")
            uit[f"cijfers_{bron}"] = {"seconden": proces.seconden}
        geladen.write_text(json.dumps(uit, indent=2) + "\n")
    omgeving.zet_omgeving(map_)
    _django()
    uit = json.loads(geladen.read_text())
    if met_verwijzingen and "verwijzingen" not in uit:
        import verwijzingen_laden

        stap("load referrals (bulk_create)")
        uit["verwijzingen"] = verwijzingen_laden.laad(map_)
        geladen.write_text(json.dumps(uit, indent=2) + "\n")
    return uit


# -- helpers ---------------------------------------------------------------------------------


def _klok(f, *args, **kwargs):
    """Wall and CPU seconds of this thread (SQLite runs in it too), and the result."""
    t, c = time.perf_counter(), time.thread_time()
    uit = f(*args, **kwargs)
    return time.perf_counter() - t, time.thread_time() - c, uit


def _p95(reeks: list[float]) -> float:
    reeks = sorted(reeks)
    return reeks[max(0, int(len(reeks) * 0.95) - 1)]


def _gebruiker():
    """A beheerder of the benchmark database: sees every listing a professional sees and may
    open every gemeente's wijkscan pages (``toegang.werkt_aan``)."""
    from samenspel.accounts.models import Gebruiker, Rol

    gebruiker, _ = Gebruiker.objects.get_or_create(
        username="benchmark-beheerder", defaults={"rol": Rol.BEHEERDER}
    )
    return gebruiker


# -- the whole country -----------------------------------------------------------------------


def _per_gemeente(gebruiker, aantal: int | None = None):
    """The product's per-gemeente way: `aanbod()` + `bereik()` for each of the gemeenten, or
    for a seeded sample of `aantal` of them."""
    from samenspel.areas.models import Gebied, Niveau
    from samenspel.wijkscan.aanbod import aanbod
    from samenspel.wijkscan.bereik import bereik

    vakken, bereiken, t_aanbod, t_bereik, gebieden = {}, {}, 0.0, 0.0, set()
    gemeenten = list(Gebied.objects.filter(niveau=Niveau.GEMEENTE).order_by("code"))
    if aantal and aantal < len(gemeenten):
        gemeenten = random.Random(SEED).sample(gemeenten, aantal)
    for gemeente in gemeenten:
        t = time.perf_counter()
        scan = aanbod(gemeente, gebruiker)
        t_aanbod += time.perf_counter() - t
        vakken.update(scan.vakken)
        gebieden.update(g.code for g in scan.gebieden)
        t = time.perf_counter()
        bereiken.update(bereik([g for g in scan.gebieden if g.niveau == Niveau.BUURT], gebruiker))
        t_bereik += time.perf_counter() - t
    return vakken, bereiken, t_aanbod, t_bereik, gebieden, len(gemeenten)


def _verschillen(geheel, vakken: dict, bereiken: dict, gebieden: set[str]) -> int:
    """Cells of `gebieden` where the national pass differs from the per-gemeente way (both
    directions: a cell one of them has and the other lacks counts too)."""
    fout = sum(geheel.vak(code, term) != vak for (code, term), vak in vakken.items())
    rij, kolom = geheel._rij, geheel._kolom
    for i, j in zip(*geheel.aantal.nonzero(), strict=True):
        fout += geheel.codes[i] in gebieden and (geheel.codes[i], geheel.termen[j]) not in vakken
    for (code, term), b in bereiken.items():
        i, j = rij[code], kolom[term]
        fout += (int(geheel.lopen[i, j]), int(geheel.fietsen[i, j])) != (b.lopen, b.fietsen)
    for i, j in zip(*((geheel.lopen > 0) | (geheel.fietsen > 0)).nonzero(), strict=True):
        fout += geheel.codes[i] in gebieden and (geheel.codes[i], geheel.termen[j]) not in bereiken
    return fout


def _bereik_invoer(gebruiker):
    """The input of reach for the whole country, read once: buurt centres and places in metres,
    the listing of each place, listing × bouwsteen."""
    import numpy as np

    from samenspel.areas.models import Gebied
    from samenspel.directory.models import Service, ServiceAtLocation
    from samenspel.wijkscan.aanbod import bouwstenen_per_aanbod
    from samenspel.wijkscan.bereik import naar_meters

    buurten = list(
        Gebied.objects.buurten()
        .exclude(latitude=None)
        .order_by("code")
        .values_list("code", "latitude", "longitude")
    )
    zichtbaar = Service.objects.met_plaats_voor(gebruiker)
    plaatsen = list(
        ServiceAtLocation.objects.filter(service__in=zichtbaar.values("pk"))
        .exclude(location__latitude=None)
        .values_list("service_id", "location__latitude", "location__longitude")
    )
    diensten = {s: i for i, s in enumerate(sorted({p[0] for p in plaatsen}))}
    termen = bouwstenen_per_aanbod(zichtbaar)
    codes = sorted({c for cs in termen.values() for c in cs})
    heeft = np.zeros((len(diensten), len(codes)), dtype=np.int32)
    for s, cs in termen.items():
        if s in diensten:
            for c in cs:
                heeft[diensten[s], codes.index(c)] = 1
    return {
        "midden": naar_meters([b[1] for b in buurten], [b[2] for b in buurten]),
        "punten": naar_meters([p[1] for p in plaatsen], [p[2] for p in plaatsen]),
        "van_plaats": np.array([diensten[p[0]] for p in plaatsen], dtype=np.int64),
        "heeft": heeft,
    }


def _matrix_bereik(midden, punten, van_plaats, heeft, stralen, stuk=32):
    """Without a spatial index: every centre × every place, a chunk of centres at a time; the
    squared distances are computed once for both radii."""
    import numpy as np
    from scipy import sparse

    uit = [np.zeros((len(midden), heeft.shape[1]), dtype=np.int64) for _ in stralen]
    px, py = punten[:, 0], punten[:, 1]
    for begin in range(0, len(midden), stuk):
        m = midden[begin : begin + stuk]
        d2 = (m[:, 0:1] - px) ** 2 + (m[:, 1:2] - py) ** 2
        for doel, straal in zip(uit, stralen, strict=True):
            r, k = np.nonzero(d2 <= straal * straal)
            binnen = sparse.csr_matrix(
                (np.ones(len(r), dtype=np.int32), (r, van_plaats[k])), shape=(len(m), len(heeft))
            )
            binnen.sum_duplicates()
            binnen.data[:] = 1
            doel[begin : begin + len(m)] = binnen @ heeft
    return uit


def _lus_bereik(midden, punten, van_plaats, heeft, straal, steekproef):
    """A Python loop over (centre, place) pairs, for the centres in `steekproef`."""
    import math

    xs, ys = punten[:, 0].tolist(), punten[:, 1].tolist()
    diensten = van_plaats.tolist()
    termen = [row.nonzero()[0].tolist() for row in heeft]
    uit = {}
    for i in steekproef:
        cx, cy = float(midden[i, 0]), float(midden[i, 1])
        gezien = set()
        for x, y, d in zip(xs, ys, diensten, strict=True):
            if math.hypot(x - cx, y - cy) <= straal:
                gezien.add(d)
        telling = [0] * heeft.shape[1]
        for d in gezien:
            for j in termen[d]:
                telling[j] += 1
        uit[i] = telling
    return uit


def meet_land(gebruiker, lus_buurten: int, gemeenten: int | None, matrix_buurten: int | None):
    import numpy as np

    from samenspel.wijkscan import land
    from samenspel.wijkscan.bereik import straal_fietsen_m, straal_lopen_m

    r: dict = {}
    stap("country: national pass (land.py), first")
    wall, cpu, geheel = _klok(land.land, gebruiker)
    r["land_eerst"] = {"wall": wall, "cpu": cpu}
    warm = [_klok(land.land, gebruiker)[:2] for _ in range(2)]
    r["land_warm"] = {"wall": min(w for w, _ in warm), "cpu": min(c for _, c in warm)}
    r["buurten"] = len(geheel.buurten())
    r["gebieden"] = len(geheel.codes)
    r["termen"] = len(geheel.termen)
    r["cellen_met_aanbod"] = int((geheel.aantal > 0).sum())

    stap("country: per-gemeente loop of aanbod() + bereik()")
    wall, cpu, uit = _klok(_per_gemeente, gebruiker, gemeenten)
    vakken, bereiken, t_aanbod, t_bereik, gebieden, gemeten = uit
    # A sample is extrapolated by its share of the country's listings (what the queries read).
    deel = (
        1.0
        if gemeten == (alle := int(sum(n == "gemeente" for n in geheel.niveaus)))
        else float(
            sum(geheel.aantal[geheel._rij[c]].sum() for c in gebieden if c.startswith("GM"))
            / geheel.aantal[[i for i, n in enumerate(geheel.niveaus) if n == "gemeente"]].sum()
        )
    )
    r["per_gemeente"] = {
        "wall": wall / deel,
        "cpu": cpu / deel,
        "aanbod": t_aanbod / deel,
        "bereik": t_bereik / deel,
        "gemeten": gemeten,
        "alle": alle,
        "deel": deel,
        "verschillen": _verschillen(geheel, vakken, bereiken, gebieden),
    }

    stap("country: reach without a spatial index")
    invoer = _bereik_invoer(gebruiker)
    r["plaatsen"] = len(invoer["punten"])
    stralen = (straal_lopen_m(), straal_fietsen_m())
    wall, cpu, boom = _klok(land.tel_in_bereik, **invoer, stralen=stralen)
    r["bereik_boom"] = {"wall": wall, "cpu": cpu}
    n = len(invoer["midden"])
    m = min(n, matrix_buurten or n)
    deel_invoer = {**invoer, "midden": invoer["midden"][:m]}
    wall, cpu, matrix = _klok(_matrix_bereik, **deel_invoer, stralen=stralen)
    r["bereik_matrix"] = {
        "wall": wall * n / m,
        "cpu": cpu * n / m,
        "buurten": m,
        "alle": n,
        "gelijk": all(np.array_equal(a[:m], b) for a, b in zip(boom, matrix, strict=True)),
    }
    steekproef = random.Random(SEED).sample(range(len(invoer["midden"])), lus_buurten)
    wall, cpu, lus = _klok(
        lambda: [_lus_bereik(**invoer, straal=s, steekproef=steekproef) for s in stralen]
    )
    factor = len(invoer["midden"]) / len(steekproef)
    r["bereik_lus"] = {
        "wall": wall * factor,
        "cpu": cpu * factor,
        "steekproef": len(steekproef),
        "gelijk": all(
            list(b[i]) == telling
            for b, l_ in zip(boom, lus, strict=True)
            for i, telling in l_.items()
        ),
    }
    return r


# -- one wijk --------------------------------------------------------------------------------


def _wijkcijfers(wijk, gemeente, gebruiker) -> tuple[float, float, float, float]:
    """What a wijk page needs: the gemeente's supply filtered to the wijk, the reach of its
    buurten, the referral figures. Wall ms of each part and the CPU ms of the whole."""
    from samenspel.areas.models import Niveau
    from samenspel.wijkscan.aanbod import aanbod
    from samenspel.wijkscan.bereik import bereik
    from samenspel.wijkscan.verwijzingen import verwijzingen

    c0 = time.thread_time()
    t0 = time.perf_counter()
    scan = aanbod(gemeente, gebruiker)
    hier = [g for g in scan.gebieden if g.code == wijk.code or g.ouder_id == wijk.code]
    [scan.vak(g, b) for g in hier for b in scan.bouwstenen]
    t1 = time.perf_counter()
    bereik([g for g in hier if g.niveau == Niveau.BUURT], gebruiker)
    t2 = time.perf_counter()
    cijfers = verwijzingen(gemeente)
    {k: v for k, v in cijfers.items() if k[0] in {g.code for g in hier}}
    t3 = time.perf_counter()
    cpu = time.thread_time() - c0
    return (t1 - t0) * 1000, (t2 - t1) * 1000, (t3 - t2) * 1000, cpu * 1000


def _pagina(client, pad: str) -> tuple[float, float, int]:
    t, c = time.perf_counter(), time.thread_time()
    antwoord = client.get(pad)
    return (time.perf_counter() - t) * 1000, (time.thread_time() - c) * 1000, antwoord.status_code


def meet_wijk(gebruiker, pad: str, aantal: int = WIJKEN) -> dict:
    from django.test import Client

    from samenspel.areas.models import Gebied

    wijken = list(Gebied.objects.wijken().select_related("ouder").order_by("code"))
    steek = random.Random(SEED).sample(wijken, min(aantal, len(wijken)))
    r: dict = {"wijken": len(steek), "pad": pad}
    stap(f"one wijk: {len(steek)} wijken, each twice")
    koud, warm = [], []
    for w in steek:
        koud.append(_wijkcijfers(w, w.ouder, gebruiker))
        warm.append(_wijkcijfers(w, w.ouder, gebruiker))
    for sleutel, metingen in (("eerst", koud), ("warm", warm)):
        delen = {
            "aanbod": [m[0] for m in metingen],
            "bereik": [m[1] for m in metingen],
            "verwijzingen": [m[2] for m in metingen],
            "totaal": [m[0] + m[1] + m[2] for m in metingen],
            "cpu": [m[3] for m in metingen],
        }
        r[sleutel] = {k: {"p50": statistics.median(v), "p95": _p95(v)} for k, v in delen.items()}

    # The search index lives in the app process and is built from the database when the
    # process starts; the wijk page lists its listings through search.
    import zoekmeting

    stap("build the search index, as a fresh app process does")
    r["index"] = zoekmeting.bouw_index()
    stap(f"one wijk: page {pad} through the test client, each twice")
    client = Client()
    client.force_login(gebruiker)
    koud, warm = [], []
    for w in steek:
        url = pad.format(wijk=w.code, gemeente=w.ouder_id)
        koud.append(_pagina(client, url))
        warm.append(_pagina(client, url))
    r["pagina"] = {"codes": sorted({m[2] for m in koud + warm})}
    for sleutel, metingen in (("eerst", koud), ("warm", warm)):
        wall, cpu = [m[0] for m in metingen], [m[1] for m in metingen]
        r["pagina"][sleutel] = {
            "p50": statistics.median(wall),
            "p95": _p95(wall),
            "cpu_p50": statistics.median(cpu),
            "cpu_p95": _p95(cpu),
        }
    return r


# -- table and RESULTS.md --------------------------------------------------------------------


def _ja(waar: bool) -> str:
    return "ja" if waar else "nee"


def markdown(r: dict) -> str:
    land_, w = r["land"], r["wijk"]
    pg = land_["per_gemeente"]
    regels = [
        f"{land_['gebieden']:,} areas ({land_['buurten']:,} buurten) × {land_['termen']} "
        f"bouwstenen, {land_['plaatsen']:,} places of listings whose places may be shown; "
        f"{land_['cellen_met_aanbod']:,} area × bouwsteen cells hold supply. Seen as a "
        "beheerder sees the kaart (professional-only listings included). Wall and CPU time "
        "of the measuring thread (SQLite runs in it); as the machine is shared, a target is "
        "judged on the CPU time, with the wall time beside it.",
        "",
        "| measurement | supply s | reach s | wall s | CPU s | target | holds | same cells |",
        "|---|---:|---:|---:|---:|---:|:---:|:---:|",
    ]
    for sleutel, naam in (("land_eerst", "first"), ("land_warm", "warm, best of 2")):
        m = land_[sleutel]
        regels.append(
            f"| country, `wijkscan.land` (one national pass), {naam} | – | – | "
            f"{m['wall']:.2f} | {m['cpu']:.2f} | ≤ {DOEL_LAND_S:.0f} s | "
            f"{_ja(m['cpu'] <= DOEL_LAND_S)} | ja (reference) |"
        )
    schatting = " (est.)" if pg["gemeten"] < pg["alle"] else ""
    regels.append(
        f"| country, `aanbod()` + `bereik()` per gemeente: {pg['gemeten']} of {pg['alle']} "
        f"gemeenten{', extrapolated by their share of the listings' if schatting else ''}"
        f"{schatting} | {pg['aanbod']:.1f} | {pg['bereik']:.1f} | {pg['wall']:.1f} | "
        f"{pg['cpu']:.1f} | "
        f"≤ {DOEL_LAND_S:.0f} s | {_ja(pg['cpu'] <= DOEL_LAND_S)} | "
        f"{'ja' if not pg['verschillen'] else 'nee: ' + str(pg['verschillen'])} |"
    )
    b, mx, lus = land_["bereik_boom"], land_["bereik_matrix"], land_["bereik_lus"]
    regels += [
        f"| country, reach only: KD-tree + sparse count (`land.tel_in_bereik`) | – | "
        f"{b['wall']:.2f} | {b['wall']:.2f} | {b['cpu']:.2f} | – | – | ja (reference) |",
        "| country, reach only: numpy distance matrix, 32 buurten a chunk"
        + (
            f", {mx['buurten']:,} of {mx['alle']:,} buurten extrapolated (est.)"
            if mx["buurten"] < mx["alle"]
            else ""
        )
        + f" | – | {mx['wall']:.1f} | {mx['wall']:.1f} | {mx['cpu']:.1f} | – | – | "
        f"{_ja(mx['gelijk'])} |",
        f"| country, reach only: Python loop over pairs, {lus['steekproef']} buurten "
        f"extrapolated to all | – | {lus['wall']:.0f} (est.) | {lus['wall']:.0f} (est.) | "
        f"{lus['cpu']:.0f} (est.) | – | – | {_ja(lus['gelijk'])} (sample) |",
    ]
    regels += [
        "",
        f"One wijk: {w['wijken']} seeded wijken, each asked twice (first, then warm). Wall "
        "ms per part, p50 / p95; CPU of the whole.",
        "",
        "| one wijk | supply (gemeente's `aanbod`, filtered) | reach (`bereik`, its buurten) | "
        "referrals (`verwijzingen`) | wall | CPU | target | holds |",
        "|---|---:|---:|---:|---:|---:|---:|:---:|",
    ]
    for sleutel, naam in (("eerst", "first"), ("warm", "warm")):
        m = w[sleutel]
        regels.append(
            f"| figures, {naam}, p50 / p95 ms | {m['aanbod']['p50']:.1f} / {m['aanbod']['p95']:.1f}"
            f" | {m['bereik']['p50']:.1f} / {m['bereik']['p95']:.1f} | "
            f"{m['verwijzingen']['p50']:.1f} / {m['verwijzingen']['p95']:.1f} | "
            f"{m['totaal']['p50']:.1f} / {m['totaal']['p95']:.1f} | "
            f"{m['cpu']['p50']:.1f} / {m['cpu']['p95']:.1f} | ≤ {DOEL_WIJK_MS:.0f} ms (p95) | "
            f"{_ja(m['cpu']['p95'] <= DOEL_WIJK_MS)} |"
        )
    p = w["pagina"]
    codes = ", ".join(str(c) for c in p["codes"])
    for sleutel, naam in (("eerst", "first"), ("warm", "warm")):
        m = p[sleutel]
        regels.append(
            f"| page `{w['pad']}` (test client, HTTP {codes}), {naam}, p50 / p95 ms | – | – | – | "
            f"{m['p50']:.1f} / {m['p95']:.1f} | {m['cpu_p50']:.1f} / {m['cpu_p95']:.1f} | "
            f"≤ {DOEL_WIJK_MS:.0f} ms (p95) | {_ja(m['cpu_p95'] <= DOEL_WIJK_MS)} |"
        )
    return "\n".join(regels)


def machine_regel(r: dict) -> str:
    m = r["machine"]
    return (
        f"Machine: {m['nproc']} cores (nproc), {m['cpu']}, {m['ram']} RAM, {m['os']}, shared "
        f"with other work: load average {m['belasting']} at the start, {r['belasting_einde']} "
        f"at the end. Python {m['python']}, SQLite {m['sqlite']}. Wall time of the run "
        f"{r['seconden'] / 60:.0f} min. Code: {m['code']}."
    )


def schrijf_results(r: dict, tabel: str, schaal: str, commando: str) -> None:
    """Replace this section of RESULTS.md; its "Reading the figures" text is written by hand
    and kept as it is."""
    pad = HIER / "RESULTS.md"
    begin, einde = BEGIN_MARKER.format(schaal=schaal), EINDE_MARKER.format(schaal=schaal)
    bestaand = pad.read_text(encoding="utf-8")
    patroon = re.compile(re.escape(begin) + ".*?" + re.escape(einde) + "\n", re.S)
    oud = patroon.search(bestaand)
    lezen = "Reading the figures:\n\n- (to be written after a run)\n"
    if oud and (gevonden := re.search(r"Reading the figures:.*?(?=\nMachine: )", oud[0], re.S)):
        lezen = gevonden[0]
    geladen = r["voorbereiding"].get("verwijzingen")
    verwijzingen = (
        f"referrals: {geladen}"
        if geladen
        else "no referrals loaded (`--zonder-verwijzingen`): the referral column times the "
        "queries on an empty table"
    )
    sectie = (
        f"{begin}\n### De wijkscan at national scale (`bench/wijkscan.py`)\n\n"
        f"{r['diensten']:,} listings generated and imported with the product's own commands, "
        f"with CBS Kerncijfers and RIVM Gezondheidsmonitor figures for every area "
        f"(`samenspel importeer cijfers --bron cbs|rivm`); {verwijzingen}.\n\n"
        f"{tabel.rstrip()}\n\n{lezen.rstrip()}\n\n{machine_regel(r)}\n\n"
        f"Command: `{commando}`\n{einde}\n"
    )
    if oud:
        nieuw = patroon.sub(lambda _: sectie, bestaand)
    else:
        nieuw = bestaand.rstrip("\n") + "\n\n" + sectie
    pad.write_text(nieuw, encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--schaal", choices=genereer.SCHALEN, default="150k")
    p.add_argument("--pad", default=PAD, help="page path template with {wijk} and {gemeente}")
    p.add_argument("--opnieuw", action="store_true", help="generate and import again")
    p.add_argument(
        "--zonder-verwijzingen",
        action="store_true",
        help="do not load the referrals (the referral figures then count none)",
    )
    p.add_argument("--lus-buurten", type=int, default=20, help="sample of the Python loop")
    p.add_argument("--gemeenten", type=int, help="sample of the per-gemeente loop (all)")
    p.add_argument("--matrix-buurten", type=int, help="sample of the distance matrix (all)")
    p.add_argument("--wijken", type=int, default=WIJKEN, help="seeded sample of wijken")
    p.add_argument("--niet-schrijven", action="store_true", help="leave RESULTS.md alone")
    p.add_argument("--json", type=Path, help="also write the raw results here")
    args = p.parse_args(argv)
    begin = time.perf_counter()
    r: dict = {"machine": omgeving.machine(), "schaal": args.schaal}
    r["voorbereiding"] = bereid_voor(args.schaal, args.opnieuw, not args.zonder_verwijzingen)
    import logging

    # A 404 for a wijk the page does not know is counted, not logged.
    logging.getLogger("django.request").setLevel(logging.ERROR)
    from samenspel.areas.models import Gebied, Niveau
    from samenspel.directory.models import Service

    r["gemeenten"] = Gebied.objects.filter(niveau=Niveau.GEMEENTE).count()
    r["diensten"] = Service.objects.count()
    gebruiker = _gebruiker()
    r["land"] = meet_land(gebruiker, args.lus_buurten, args.gemeenten, args.matrix_buurten)
    r["wijk"] = meet_wijk(gebruiker, args.pad, args.wijken)
    r["belasting_einde"] = omgeving.belasting()
    r["seconden"] = time.perf_counter() - begin
    tekst = markdown(r)
    print(tekst)
    print()
    print(machine_regel(r))
    (map_voor(args.schaal) / "resultaat.json").write_text(json.dumps(r, indent=2, default=str))
    if args.json:
        args.json.write_text(json.dumps(r, indent=2, default=str))
    if not args.niet_schrijven:
        commando = " ".join(["python bench/wijkscan.py", *(argv or sys.argv[1:])])
        schrijf_results(r, tekst, args.schaal, commando)


if __name__ == "__main__":
    sys.exit(main())
