"""Timing helpers: bounded loops over the query set, percentiles, process facts."""

from __future__ import annotations

import gc
import math
import os
import resource
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

# Every timed section stops after this many passes over the queries or this many seconds,
# whichever comes first, so a slow baseline cannot hold up the run.
MAX_RONDES = 5
MAX_SECONDEN = 30.0


@dataclass
class Meting:
    """Latencies in nanoseconds of one engine over the query set."""

    naam: str
    ns: list[int] = field(default_factory=list)
    rondes: int = 0
    # CPU time of the measuring thread per query: for an in-process engine the same work
    # without the time other processes took the core (a loaded machine stretches wall time).
    cpu_ns: list[int] = field(default_factory=list)
    uitkomsten: list = field(default_factory=list)  # per query, from the untimed pass

    def percentiel(self, p: float, reeks: list[int] | None = None) -> float:
        """Milliseconds at percentile p (nearest rank), NaN without samples."""
        reeks = self.ns if reeks is None else reeks
        if not reeks:
            return float("nan")
        geordend = sorted(reeks)
        rang = max(0, min(len(geordend) - 1, math.ceil(p / 100 * len(geordend)) - 1))
        return geordend[rang] / 1e6

    @property
    def p50(self) -> float:
        return self.percentiel(50)

    @property
    def p95(self) -> float:
        return self.percentiel(95)

    @property
    def p99(self) -> float:
        return self.percentiel(99)

    @property
    def per_seconde(self) -> float:
        """Queries per second, one after the other on one thread."""
        return len(self.ns) / (sum(self.ns) / 1e9) if self.ns else float("nan")

    def als_dict(self) -> dict:
        return {
            "naam": self.naam,
            "p50_ms": self.p50,
            "p95_ms": self.p95,
            "p99_ms": self.p99,
            "cpu_p50_ms": self.percentiel(50, self.cpu_ns),
            "cpu_p95_ms": self.percentiel(95, self.cpu_ns),
            "cpu_p99_ms": self.percentiel(99, self.cpu_ns),
            "per_seconde": self.per_seconde,
            "metingen": len(self.ns),
            "rondes": self.rondes,
        }


def meet(
    naam: str,
    zoek: Callable[[object], object],
    vragen: Sequence[object],
    *,
    max_rondes: int = MAX_RONDES,
    max_seconden: float = MAX_SECONDEN,
) -> Meting:
    """Run every query once untimed (warm caches, keep the answers), then time passes."""
    meting = Meting(naam)
    meting.uitkomsten = [zoek(vraag) for vraag in vragen]
    klok, cpu = time.perf_counter_ns, time.thread_time_ns
    einde = time.monotonic() + max_seconden
    # The garbage collector stays on: a server pays for its pauses too, so they belong in
    # the tail percentiles.
    gc.collect()
    for _ in range(max_rondes):
        for vraag in vragen:
            begin, begin_cpu = klok(), cpu()
            zoek(vraag)
            meting.ns.append(klok() - begin)
            meting.cpu_ns.append(cpu() - begin_cpu)
        meting.rondes += 1
        if time.monotonic() > einde:
            break
    return meting


def rss_mb() -> float:
    """Resident memory of this process now, in MB."""
    with open("/proc/self/statm") as bestand:
        pagina_s = int(bestand.read().split()[1])
    return pagina_s * os.sysconf("SC_PAGE_SIZE") / 1e6


def max_rss_kinderen_mb() -> float:
    """Peak resident memory of the largest child process waited for so far, in MB."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1e3
