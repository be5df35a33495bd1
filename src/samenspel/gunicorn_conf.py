"""Gunicorn settings for `samenspel serve`: the search index is ready before any worker is.

The master loads the application (`preload_app`) and builds the search index once (or loads
its copy on disk, search/schijf.py), before it opens the port and forks its workers. The
workers share that memory copy-on-write instead of each building its own copy inside their
first request, and catch up through the change log (see search/index.py) before they take
requests.

Anything here can be overridden as usual, e.g. GUNICORN_CMD_ARGS="--timeout 300".
"""

import gc
import time

preload_app = True

# Gunicorn's default of 30 s is meant for requests. A worker rebuilds the index itself when
# the change log no longer reaches back to the master's build (see index.MAX_ACHTERSTAND);
# on a large map on a busy machine that can take longer.
timeout = 120


def on_starting(server) -> None:
    """In the master, before the port opens: build the index that every worker inherits."""
    if not server.cfg.preload_app:
        return  # (preload switched off: no Django in the master; workers build their own)
    from django.db import connections

    from samenspel.search import index

    server.log.info("Zoekindex opbouwen…")
    begin = time.perf_counter()
    zoekindex, van_schijf = index.start()
    # Forked workers must not share the master's database connections; each opens its own.
    connections.close_all()
    # Out of the garbage collector's sight: its passes in every worker would otherwise touch,
    # and so copy, each page holding the index's Python objects.
    gc.freeze()
    server.log.info(
        "Zoekindex klaar: %d keer aanbod in %.1f s%s",
        len(zoekindex),
        time.perf_counter() - begin,
        " (kopie van schijf, bijgewerkt)" if van_schijf else "",
    )


def post_worker_init(worker) -> None:
    """In each worker, before its first request: apply what changed since the build."""
    from samenspel.search import index

    try:
        index.actueel()
    except Exception:
        # Gunicorn stops the whole server when a worker fails to boot; a database that is
        # briefly away must not do that. The first request catches up instead.
        worker.log.exception("Zoekindex bijwerken mislukt; het eerste verzoek probeert opnieuw")
