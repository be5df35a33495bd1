"""The locks (requirements/*.lock) agree with pyproject.toml, so nobody forgets `dev.py lock`.

dev.py installs only what a lock pins (`pip install --require-hashes`), so a dependency added
to pyproject but not to the lock would be missing from every fresh machine, and a range that
no longer allows the pinned version would go unnoticed. Each check names the fix.
"""

import importlib.metadata
import re
import tomllib
from pathlib import Path

import pytest
from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

HIER = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((HIER / "pyproject.toml").read_text())
LOCKS = {"demo": HIER / "requirements" / "demo.lock", "test": HIER / "requirements" / "test.lock"}
VERNIEUW = "draai `python3 dev.py lock` en commit requirements/*.lock"
UIT_PYPROJECT = "samenspel (pyproject.toml)"


def _gevraagd(lock: str) -> list[Requirement]:
    """What pyproject asks of this lock: the runtime set, the test extra, the build backend."""
    regels = [*PYPROJECT["project"]["dependencies"], *PYPROJECT["build-system"]["requires"]]
    if lock == "test":
        regels += PYPROJECT["project"]["optional-dependencies"]["test"]
    return [Requirement(regel) for regel in regels]


def _lees(pad: Path) -> dict[str, dict]:
    """name -> {"pins": [Requirement], "hashes": int, "via": set of annotations}."""
    pakketten: dict[str, dict] = {}
    huidig = None
    in_via = False
    for regel in pad.read_text().splitlines():
        if regel and not regel[0].isspace() and not regel.startswith("#"):
            pin = Requirement(regel.removesuffix("\\").strip())
            huidig = pakketten.setdefault(
                canonicalize_name(pin.name), {"pins": [], "hashes": 0, "via": set()}
            )
            huidig["pins"].append(pin)
            in_via = False
        elif huidig is not None and regel.strip().startswith("--hash=sha256:"):
            huidig["hashes"] += 1
        elif huidig is not None and (via := re.match(r"\s+# via ?(.*)", regel)):
            in_via = True
            if via.group(1):
                huidig["via"].add(via.group(1).strip())
        elif huidig is not None and in_via and (bron := re.match(r"\s+#\s{3}(.*)", regel)):
            huidig["via"].add(bron.group(1).strip())
    return pakketten


def _versies(pakket: dict) -> list:
    return [next(iter(pin.specifier)).version for pin in pakket["pins"]]


def _ontbreekt(eisen: list[Requirement], pakketten: dict) -> list[str]:
    return [str(eis) for eis in eisen if canonicalize_name(eis.name) not in pakketten]


def _buiten(eisen: list[Requirement], pakketten: dict) -> list[str]:
    buiten = []
    for eis in eisen:
        pakket = pakketten.get(canonicalize_name(eis.name))
        for versie in _versies(pakket) if pakket else []:
            if not eis.specifier.contains(versie, prereleases=True):
                buiten.append(f"{eis.name}=={versie} buiten {eis.specifier}")
    return buiten


def _over(eisen: list[Requirement], pakketten: dict) -> list[str]:
    """Packages the lock says pyproject asks for that pyproject no longer names."""
    gevraagd = {canonicalize_name(eis.name) for eis in eisen}
    return sorted(
        pakket
        for pakket, gegevens in pakketten.items()
        if UIT_PYPROJECT in gegevens["via"] and pakket not in gevraagd
    )


@pytest.fixture(scope="module", params=sorted(LOCKS))
def lock(request):
    return request.param, _lees(LOCKS[request.param])


def test_elke_afhankelijkheid_uit_pyproject_staat_in_de_lock(lock):
    naam, pakketten = lock
    ontbreekt = _ontbreekt(_gevraagd(naam), pakketten)
    assert ontbreekt == [], f"{naam}.lock mist {ontbreekt}: {VERNIEUW}"


def test_elke_pin_valt_binnen_het_bereik_van_pyproject(lock):
    naam, pakketten = lock
    buiten = _buiten(_gevraagd(naam), pakketten)
    assert buiten == [], f"{naam}.lock: {buiten}: {VERNIEUW}"


def test_de_extras_uit_pyproject_staan_in_de_lock(lock):
    """psycopg[binary] needs psycopg-binary: pip's hash mode installs nothing unlisted."""
    naam, pakketten = lock
    ontbreekt = []
    for eis in _gevraagd(naam):
        for extra in sorted(eis.extras):
            omgeving = {**default_environment(), "extra": extra}
            for regel in importlib.metadata.requires(eis.name) or []:
                nodig = Requirement(regel)
                if nodig.marker is None or "extra" not in str(nodig.marker):
                    continue  # not behind an extra: resolved like any other dependency
                if nodig.marker.evaluate(omgeving):
                    ontbreekt += [
                        f"{d} ({eis.name}[{extra}])" for d in _ontbreekt([nodig], pakketten)
                    ]
    assert ontbreekt == [], f"{naam}.lock mist {ontbreekt}: {VERNIEUW}"


def test_de_lock_noemt_niets_wat_pyproject_niet_meer_vraagt(lock):
    naam, pakketten = lock
    over = _over(_gevraagd(naam), pakketten)
    assert over == [], f"{naam}.lock noemt nog {over}: {VERNIEUW}"


def test_elke_pin_is_exact_en_heeft_hashes(lock):
    naam, pakketten = lock
    zonder = sorted(pakket for pakket, gegevens in pakketten.items() if not gegevens["hashes"])
    assert zonder == []
    assert all(
        len(gegevens["pins"]) == 1 and str(gegevens["pins"][0].specifier).startswith("==")
        for gegevens in pakketten.values()
    ), "one exact pin per package (dev.py lock resolves with --fork-strategy fewest)"


def test_de_demo_lock_heeft_dezelfde_versies_als_de_test_lock():
    """The tests run on the versions the demo and production install."""
    demo, test = _lees(LOCKS["demo"]), _lees(LOCKS["test"])
    anders = sorted(
        pakket
        for pakket, gegevens in demo.items()
        if pakket not in test or _versies(gegevens) != _versies(test[pakket])
    )
    assert anders == [], f"demo.lock wijkt af van test.lock in {anders}: {VERNIEUW}"


def test_de_controles_vinden_wat_een_vergeten_lock_mist():
    """A dependency added to pyproject, a range narrowed past the pin, one taken out."""
    pakketten = _lees(LOCKS["test"])
    # pyproject's requirements that the lock has: the checks' own test holds whatever the
    # state of the lock (the tests above report a lock out of date).
    gevraagd = [eis for eis in _gevraagd("test") if canonicalize_name(eis.name) in pakketten]
    assert _ontbreekt([*gevraagd, Requirement("nieuw-pakket>=1")], pakketten) == ["nieuw-pakket>=1"]
    versie = _versies(pakketten["django"])[0]
    assert _buiten([Requirement("django>9")], pakketten) == [f"django=={versie} buiten >9"]
    zonder_otp = [eis for eis in gevraagd if canonicalize_name(eis.name) != "django-otp"]
    assert _over(zonder_otp, pakketten) == ["django-otp"]
