"""From a server's start to its first search answer: building the index, or loading its copy.

    python bench/start.py --schaal 150k

On the generated data of `run.py` (generated and imported into SQLite when missing, as
`run.py` does), each start is a fresh process, as the server's master is: Django set up,
`index.start()` (search/index.py), then one search. First without a copy on disk (the
index is built from the database and the copy written), then with it (the copy loaded, then
the change log read from where the copy was). Both side by side, three times each; prints one
table.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

HIER = Path(__file__).resolve().parent
sys.path.insert(0, str(HIER))

import genereer  # noqa: E402
import omgeving  # noqa: E402
import run  # noqa: E402

# One start, in a child process: its wall time from the first line to the first answer.
_START = """
import json, resource, time
begin = time.perf_counter()
import django
django.setup()
from samenspel.search import index
from samenspel.search.zoeken import Zoekvraag, zoek
opgezet = time.perf_counter()
zoekindex, van_schijf = index.start()
klaar = time.perf_counter()
totaal = zoek(Zoekvraag(tekst="wandelen ouderen")).totaal
antwoord = time.perf_counter()
print(json.dumps({
    "django": opgezet - begin, "index": klaar - opgezet, "eerste_antwoord": antwoord - begin,
    "van_schijf": van_schijf, "aanbod": len(zoekindex), "treffers": totaal,
    "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3,
}))
"""


def _start(env: dict[str, str]) -> dict:
    uit = subprocess.run(  # noqa: S603  (our own interpreter and code)
        [sys.executable, "-c", _START], env=env, capture_output=True, text=True, check=True
    )
    return json.loads(uit.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--schaal", default="150k", choices=sorted(genereer.SCHALEN))
    parser.add_argument("--keer", type=int, default=3)
    args = parser.parse_args()

    map_ = run.met_data(args.schaal)
    kopie = map_ / "start-zoekindex.pickle"
    env = {**omgeving.omgeving(map_), "SAMENSPEL_ZOEKINDEX_BESTAND": str(kopie)}

    rijen = {"zonder kopie (bouwen, kopie schrijven)": [], "met kopie (laden, log bijlezen)": []}
    for _ in range(args.keer):
        kopie.unlink(missing_ok=True)
        rijen["zonder kopie (bouwen, kopie schrijven)"].append(_start(env))
        rijen["met kopie (laden, log bijlezen)"].append(_start(env))

    last = os.getloadavg()
    eerste = next(iter(rijen.values()))[0]
    print(
        f"\n{eerste['aanbod']:,} listings ({args.schaal}), SQLite, {args.keer} starts each; "
        f"copy {kopie.stat().st_size / 1e6:.0f} MB; load average {last[0]:.2f} / {last[1]:.2f} "
        f"/ {last[2]:.2f} on {os.cpu_count()} cores\n"
    )
    print("| start | Django | index | first answer (median) | first answer (max) | peak RSS |")
    print("|---|---:|---:|---:|---:|---:|")
    for naam, starts in rijen.items():
        assert all(s["van_schijf"] == naam.startswith("met") for s in starts), starts
        assert len({s["treffers"] for s in starts}) == 1
        getallen = [k for k in starts[0] if k != "van_schijf"]
        mediaan = {k: statistics.median(s[k] for s in starts) for k in getallen}
        hoogste = max(s["eerste_antwoord"] for s in starts)
        print(
            f"| {naam} | {mediaan['django']:.2f} s | {mediaan['index']:.2f} s "
            f"| {mediaan['eerste_antwoord']:.2f} s | {hoogste:.2f} s "
            f"| {mediaan['max_rss_mb']:.0f} MB |"
        )


if __name__ == "__main__":
    main()
