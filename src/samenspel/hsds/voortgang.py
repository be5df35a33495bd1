"""A small text progress bar on stderr for long imports and exports."""

import sys
import time

BREEDTE = 30
# Redrawing more often only costs time; a pipe (CI, a log file) gets a line per tenth.
INTERVAL = 0.2


class Voortgang:
    def __init__(self, stroom=None, aan: bool = True):
        self.stroom = stroom or sys.stderr
        self.aan = aan
        self._interactief = hasattr(self.stroom, "isatty") and self.stroom.isatty()
        self._begin(0, "")

    def _begin(self, totaal: int, label: str) -> None:
        self.totaal, self.label, self.gedaan = totaal, label, 0
        self._getekend, self._laatste_tiende = 0.0, -1

    def start(self, label: str, totaal: int) -> None:
        self._begin(totaal, label)
        self._teken(forceer=True)

    def stap(self, aantal: int = 1) -> None:
        self.gedaan += aantal
        self._teken()

    def klaar(self) -> None:
        self.gedaan = max(self.gedaan, self.totaal)
        self._teken(forceer=True)
        if self.aan and self._interactief:
            self.stroom.write("\n")
            self.stroom.flush()

    def regel(self) -> str:
        deel = self.gedaan / self.totaal if self.totaal else 1.0
        vol = round(deel * BREEDTE)
        balk = "#" * vol + "-" * (BREEDTE - vol)
        return f"[{balk}] {deel:4.0%} {self.gedaan}/{self.totaal} {self.label}"

    def _teken(self, forceer: bool = False) -> None:
        if not self.aan:
            return
        if self._interactief:
            nu = time.monotonic()
            if forceer or nu - self._getekend >= INTERVAL:
                self._getekend = nu
                self.stroom.write("\r" + self.regel())
                self.stroom.flush()
            return
        tiende = int(10 * self.gedaan / self.totaal) if self.totaal else 10
        if (forceer and tiende != self._laatste_tiende) or tiende > self._laatste_tiende:
            self._laatste_tiende = tiende
            self.stroom.write(self.regel() + "\n")
            self.stroom.flush()
