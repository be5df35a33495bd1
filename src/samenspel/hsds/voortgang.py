"""Progress of long imports and exports on stderr, drawn by tqdm: rows done, rows/s, time left.

One `Voortgang` follows a whole command, table after table (`start`, `stap`, `klaar`). On a
terminal tqdm redraws its bar in place; into a pipe (CI, a log file) a redrawn line would be
noise, so there the same line is written once per tenth of a table, as before.
"""

import io
import sys

from tqdm import tqdm

# Redrawing more often only costs time.
INTERVAL = 0.2
EENHEID = " rijen"


class Voortgang:
    def __init__(self, stroom=None, aan: bool = True):
        self.stroom = stroom or sys.stderr
        self.aan = aan
        self._interactief = hasattr(self.stroom, "isatty") and self.stroom.isatty()
        self._balk: tqdm | None = None
        self._laatste_tiende = -1

    def start(self, label: str, totaal: int) -> None:
        self._sluit()
        tekent = self.aan and self._interactief
        self._balk = tqdm(
            total=totaal,
            desc=label,
            unit=EENHEID,
            # Elsewhere tqdm only keeps count; the lines per tenth are written below.
            file=self.stroom if tekent else io.StringIO(),
            mininterval=INTERVAL,
            dynamic_ncols=tekent,
            ascii=not tekent,
            leave=True,
        )
        self._laatste_tiende = -1
        self._schrijf_regel(forceer=True)

    def stap(self, aantal: int = 1) -> None:
        if self._balk is not None:
            self._balk.update(aantal)
            self._schrijf_regel()

    def klaar(self) -> None:
        if self._balk is None:
            return
        if self._balk.total and self._balk.n < self._balk.total:
            self._balk.update(self._balk.total - self._balk.n)
        self._schrijf_regel(forceer=True)
        self._sluit()

    def regel(self) -> str:
        """The line as it stands: label, percentage, bar, done/total, time, rows/s, time left."""
        return str(self._balk) if self._balk is not None else ""

    def _sluit(self) -> None:
        if self._balk is not None:
            self._balk.close()
            self._balk = None

    def _schrijf_regel(self, forceer: bool = False) -> None:
        if not self.aan or self._interactief or self._balk is None:
            return
        totaal, gedaan = self._balk.total, self._balk.n
        tiende = int(10 * gedaan / totaal) if totaal else 10
        if (forceer and tiende != self._laatste_tiende) or tiende > self._laatste_tiende:
            self._laatste_tiende = tiende
            self.stroom.write(self.regel() + "\n")
            self.stroom.flush()
