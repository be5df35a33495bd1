"""Where a problem is (file, row, field) and the list of problems an import collects."""

from dataclasses import dataclass, field, replace

# After this many errors more are unlikely to help; the first ones usually explain the rest.
MAX_FOUTEN = 50
MAX_BEWAARDE_WAARSCHUWINGEN = 500


@dataclass(frozen=True)
class Plaats:
    """A place in an input: a file, a row (line number or JSON path) and a field."""

    bestand: str
    rij: int | str | None = None
    veld: str | None = None

    def met_veld(self, veld: str | None) -> "Plaats":
        return replace(self, veld=veld)

    def __str__(self) -> str:
        delen = [self.bestand]
        if isinstance(self.rij, int):
            delen.append(f"regel {self.rij}")
        elif self.rij:
            delen.append(self.rij)
        if self.veld:
            delen.append(f"veld {self.veld}")
        return ", ".join(delen)


@dataclass(frozen=True)
class Melding:
    plaats: Plaats
    tekst: str

    def __str__(self) -> str:
        return f"{self.plaats}: {self.tekst}"


class TeveelFouten(Exception):
    """Raised to stop reading once `MAX_FOUTEN` errors are known."""


@dataclass
class Meldingen:
    fouten: list[Melding] = field(default_factory=list)
    waarschuwingen: list[Melding] = field(default_factory=list)
    aantal_waarschuwingen: int = 0

    def fout(self, plaats: Plaats, tekst: str) -> None:
        self.fouten.append(Melding(plaats, tekst))
        if len(self.fouten) >= MAX_FOUTEN:
            raise TeveelFouten

    def waarschuw(self, plaats: Plaats, tekst: str) -> None:
        self.aantal_waarschuwingen += 1
        if len(self.waarschuwingen) < MAX_BEWAARDE_WAARSCHUWINGEN:
            self.waarschuwingen.append(Melding(plaats, tekst))

    @property
    def heeft_fouten(self) -> bool:
        return bool(self.fouten)


class ImportFout(Exception):
    """The import was refused; nothing was written. `meldingen` says where and why."""

    def __init__(self, fouten: list[Melding]):
        self.fouten = list(fouten)
        super().__init__("\n".join(str(f) for f in self.fouten))

    @classmethod
    def een(cls, plaats: Plaats, tekst: str) -> "ImportFout":
        return cls([Melding(plaats, tekst)])
