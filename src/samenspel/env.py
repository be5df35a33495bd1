"""Small typed readers for settings from the environment."""

import os


def tekst(naam: str, standaard: str = "") -> str:
    return os.environ.get(naam, standaard)


def ja_nee(naam: str, standaard: bool = False) -> bool:
    waarde = os.environ.get(naam)
    if waarde is None:
        return standaard
    return waarde.strip().lower() in {"1", "true", "yes", "ja", "on"}


def getal(naam: str, standaard: int) -> int:
    waarde = os.environ.get(naam)
    return int(waarde) if waarde not in (None, "") else standaard


def lijst(naam: str, standaard: str = "") -> list[str]:
    return [deel.strip() for deel in os.environ.get(naam, standaard).split(",") if deel.strip()]
