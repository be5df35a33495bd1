"""Small helpers for fast, seeded random choices (the generator makes millions of them)."""

from __future__ import annotations

import random
from bisect import bisect
from itertools import accumulate


class Keuze:
    """A weighted choice with its cumulative weights computed once, not on every draw."""

    def __init__(self, opties, gewichten):
        self.opties = tuple(opties)
        self.cum = list(accumulate(gewichten))
        self.totaal = self.cum[-1]

    def __call__(self, rng: random.Random):
        return self.opties[bisect(self.cum, rng.random() * self.totaal)]


def uuid4(rng: random.Random) -> str:
    """A random (version 4) UUID from the seeded generator, as text."""
    h = f"{rng.getrandbits(128):032x}"
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{'89ab'[int(h[16], 16) & 3]}{h[17:20]}-{h[20:]}"
