"""Load the generated referrals into the referrals app with bulk_create (for later figures).

    python bench/run.py --schaal 150k --met-verwijzingen

Each referral gets the consent record the product requires (a "plekvraag" carries none),
and every step of its history becomes an event row. Rows are read and written in batches,
so memory stays flat at a million referrals.
"""

from __future__ import annotations

import csv
import time
from datetime import datetime, timedelta
from itertools import islice
from pathlib import Path

BATCH = 5_000


def _tijd(tekst: str) -> datetime | None:
    return datetime.fromisoformat(tekst) if tekst else None


def laad(map_: Path) -> str:
    """Needs django.setup() on the benchmark database; returns a one-line summary."""
    from django.db import transaction

    from samenspel.privacy.models import Toestemming
    from samenspel.referrals.models import Gebeurtenis, Verwijzing

    begin = time.perf_counter()
    n_verwijzingen = n_gebeurtenissen = 0
    with (
        transaction.atomic(),
        open(map_ / "verwijzingen.csv", encoding="utf-8", newline="") as vb,
        open(map_ / "gebeurtenissen.csv", encoding="utf-8", newline="") as gb,
    ):
        gebeurtenissen = csv.DictReader(gb)
        volgende = next(gebeurtenissen, None)
        lezer = csv.DictReader(vb)
        while rijen := list(islice(lezer, BATCH)):
            toestemmingen, verwijzingen, stappen = [], [], []
            for rij in rijen:
                aangemaakt = _tijd(rij["aangemaakt"])
                toestemming = None
                if rij["soort"] == "verwijzing":
                    toestemming = Toestemming(
                        organisatie_naam="(benchmark)",
                        gegevens=["naam", "contact"],
                        doel="Kennismaken en kijken wat past.",
                        geldig_tot=(aangemaakt + timedelta(days=365)).date(),
                        manier="online",
                        vastgelegd_door_naam="",
                        gevraagd_op=aangemaakt,
                        gegeven_op=_tijd(rij["verstuurd_op"]),
                    )
                    toestemmingen.append(toestemming)
                verwijzingen.append(
                    Verwijzing(
                        id=rij["id"],
                        soort=rij["soort"],
                        service_id=rij["service_id"],
                        gebied_id=rij["gebied"] or None,
                        herkomst=rij["herkomst"],
                        naar_sector=rij["naar_sector"],
                        toestemming=toestemming,
                        terugkoppeling=rij["terugkoppeling"],
                        status=rij["status"],
                        reden_code=rij["reden_code"],
                        aangemaakt=aangemaakt,
                        verstuurd_op=_tijd(rij["verstuurd_op"]),
                        afgesloten_op=_tijd(rij["afgesloten_op"]),
                    )
                )
                # The events file is in the same order as the referrals.
                while volgende is not None and volgende["verwijzing_id"] == rij["id"]:
                    stappen.append(
                        Gebeurtenis(
                            verwijzing_id=rij["id"],
                            wanneer=_tijd(volgende["wanneer"]),
                            soort=volgende["soort"],
                            partij=volgende["partij"],
                            door=volgende["partij"] or "benchmark",
                            van_status=volgende["van_status"],
                            naar_status=volgende["naar_status"],
                            reden_code=volgende["reden_code"],
                        )
                    )
                    volgende = next(gebeurtenissen, None)
            Toestemming.objects.bulk_create(toestemmingen, batch_size=BATCH)
            Verwijzing.objects.bulk_create(verwijzingen, batch_size=BATCH)
            Gebeurtenis.objects.bulk_create(stappen, batch_size=BATCH)
            n_verwijzingen += len(verwijzingen)
            n_gebeurtenissen += len(stappen)
    seconden = time.perf_counter() - begin
    return f"{n_verwijzingen:,} referrals and {n_gebeurtenissen:,} events in {seconden:.0f} s"
