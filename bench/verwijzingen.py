"""Generated referrals with status histories that follow the product's lifecycle.

Each referral walks the FHIR-Task-style states (draft, requested, accepted, in-progress,
on-hold, completed, rejected, cancelled, failed) with realistic odds and waiting times,
and stops where the fixed reference date falls: recent referrals are still open. Every step
is one row in ``gebeurtenissen.csv``, so figures (response time, share completed) can be
computed from the log exactly as the product computes them.
"""

from __future__ import annotations

import csv
import random
import time
from calendar import timegm
from datetime import date
from functools import cache
from pathlib import Path

from kansen import Keuze, uuid4

DAG = 86_400
PERIODE_DAGEN = 3 * 365

# state -> (next states, weights, median days until that step); "" = stays where it is.
OVERGANGEN = {
    "draft": (Keuze(("requested", "cancelled", ""), (86, 10, 4)), 1.0),
    "requested": (
        Keuze(("accepted", "rejected", "on-hold", "cancelled", ""), (62, 16, 9, 6, 7)),
        4.0,
    ),
    "accepted": (
        Keuze(("in-progress", "completed", "cancelled", "failed", ""), (75, 10, 5, 3, 7)),
        7.0,
    ),
    "in-progress": (
        Keuze(("completed", "failed", "cancelled", "on-hold", ""), (75, 8, 7, 5, 5)),
        60.0,
    ),
    "on-hold": (
        Keuze(("accepted", "in-progress", "rejected", "cancelled", "failed"), (40, 20, 15, 15, 10)),
        21.0,
    ),
}
PLEKVRAAG = {"requested": (Keuze(("accepted", "rejected", "cancelled"), (50, 40, 10)), 2.0)}
REDENEN = {
    "rejected": Keuze(("geen-plek", "past-niet", "wachtlijst", "anders"), (40, 35, 10, 15)),
    "on-hold": Keuze(("wachtlijst", "anders"), (70, 30)),
    "cancelled": Keuze(("toestemming-ingetrokken", "anders"), (40, 60)),
    "failed": Keuze(("anders",), (1,)),
}
HERKOMST = Keuze(("formeel", "informeel", "hybride", "bewoner"), (55, 25, 5, 15))
TERUGKOPPELING = Keuze(("niets", "status", "status_en_notitie"), (30, 45, 25))
AFGESLOTEN = {"rejected", "completed", "cancelled", "failed"}
# Who takes each step: the referrer sends and withdraws, the receiving side answers.
PARTIJ = {
    "requested": "verwijzer",
    "cancelled": "verwijzer",
    "accepted": "ontvanger",
    "rejected": "ontvanger",
    "in-progress": "ontvanger",
    "on-hold": "ontvanger",
    "completed": "ontvanger",
    "failed": "ontvanger",
}

VERWIJZING_KOLOMMEN = (
    "id soort service_id gebied herkomst naar_sector terugkoppeling status reden_code "
    "aangemaakt verstuurd_op afgesloten_op"
).split()
GEBEURTENIS_KOLOMMEN = (
    "verwijzing_id wanneer soort partij van_status naar_status reden_code".split()
)


@cache
def _dag(nummer: int) -> str:
    return time.strftime("%Y-%m-%d", time.gmtime(nummer * DAG))


def _tijd(seconden: float) -> str:
    dag, rest = divmod(int(seconden), DAG)
    uur, rest = divmod(rest, 3600)
    return f"{_dag(dag)}T{uur:02d}:{rest // 60:02d}:{rest % 60:02d}Z"


def genereer(
    diensten: list[tuple[str, str, str, str]],
    aantal: int,
    doel: Path,
    seed: int,
    peildatum: date,
) -> dict[str, int]:
    """Write `aantal` referrals to services that take them; returns row counts."""
    rng = random.Random(seed + 1)
    ontvangers = [d for d in diensten if d[2] == "aanmelden"] or diensten
    if not ontvangers:
        return {"verwijzingen": 0, "gebeurtenissen": 0}
    # A few services receive most referrals (the wijkteam, the popular taalcafé).
    som, cum = 0.0, []
    for _ in ontvangers:
        som += rng.paretovariate(1.2)
        cum.append(som)
    doelen = rng.choices(ontvangers, cum_weights=cum, k=aantal)
    einde = timegm(peildatum.timetuple())
    begin = einde - PERIODE_DAGEN * DAG

    n_gebeurtenissen = 0
    with (
        open(doel / "verwijzingen.csv", "w", newline="", encoding="utf-8") as vb,
        open(doel / "gebeurtenissen.csv", "w", newline="", encoding="utf-8") as gb,
    ):
        verwijzingen = csv.writer(vb, lineterminator="\n")
        gebeurtenissen = csv.writer(gb, lineterminator="\n")
        verwijzingen.writerow(VERWIJZING_KOLOMMEN)
        gebeurtenissen.writerow(GEBEURTENIS_KOLOMMEN)
        for dienst_id, sector, _, buurt in doelen:
            vid = uuid4(rng)
            plekvraag = rng.random() < 0.08
            herkomst = HERKOMST(rng)
            tabel = PLEKVRAAG if plekvraag else OVERGANGEN
            status = "requested" if plekvraag or herkomst == "bewoner" else "draft"
            moment = begin + rng.random() * (einde - begin)
            aangemaakt = moment
            verstuurd = moment if status == "requested" else None
            afgesloten = None
            reden = ""
            stappen = [(moment, "", status, "")]
            while status in tabel:
                volgende, mediaan = tabel[status]
                naar = volgende(rng)
                if not naar:
                    break
                moment += rng.lognormvariate(0, 1.0) * mediaan * DAG
                if moment > einde:
                    break
                reden = ""
                if naar in REDENEN:
                    reden = REDENEN[naar](rng)
                    if status == "draft" and naar == "cancelled":
                        reden = "geen-toestemming"
                stappen.append((moment, status, naar, reden))
                if naar == "requested":
                    verstuurd = moment
                if naar in AFGESLOTEN:
                    afgesloten = moment
                status = naar
            for wanneer, van, naar, code in stappen:
                partij = "bewoner" if herkomst == "bewoner" and not van else PARTIJ.get(naar, "")
                gebeurtenissen.writerow([vid, _tijd(wanneer), "status", partij, van, naar, code])
            n_gebeurtenissen += len(stappen)
            verwijzingen.writerow(
                [
                    vid,
                    "plekvraag" if plekvraag else "verwijzing",
                    dienst_id,
                    buurt,
                    herkomst,
                    sector,
                    TERUGKOPPELING(rng),
                    status,
                    reden if status in REDENEN else "",
                    _tijd(aangemaakt),
                    _tijd(verstuurd) if verstuurd else "",
                    _tijd(afgesloten) if afgesloten else "",
                ]
            )
    return {"verwijzingen": aantal, "gebeurtenissen": n_gebeurtenissen}
