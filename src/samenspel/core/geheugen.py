"""Memory housekeeping for the few jobs that make millions of objects at once."""

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def zonder_kringloopopruiming() -> Iterator[None]:
    """No cyclic garbage collection while a bulk job (an import, an index build) runs.

    Such a job makes millions of rows, ids and documents, none of them in reference cycles;
    the collector would only walk them again and again (a third of an index build, seconds
    in a national import). Everything else is still freed the moment it is no longer used.
    """
    aan = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if aan:
            gc.enable()
