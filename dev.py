#!/usr/bin/env python3
"""Bootstrap: `python3 dev.py demo` starts the demo, `python3 dev.py test` runs every test,
`python3 dev.py vertaal` brings the English catalogue up to date with the source,
`python3 dev.py lock` resolves pyproject.toml's dependencies anew into requirements/*.lock.

Needs only Python 3.11; it creates `.venv`, installs the pinned and hashed dependencies of
requirements/*.lock into it (`pip --require-hashes`), then the project itself, and runs the step.
For the browser tests it installs Debian's chromium with apt-get when it is missing, for
extracting messages (the translation test, `vertaal`) Debian's gettext, and on PostgreSQL
(DATABASE_URL) Debian's postgresql-client for the backup tests (pg_dump, pg_restore).
"""

import fcntl
import os
import shutil
import subprocess
import sys
import tempfile
import tomllib
import venv
from pathlib import Path

HIER = Path(__file__).resolve().parent
VENV = HIER / ".venv"
BIN = VENV / "bin"
CHROMIUM = Path("/usr/bin/chromium")
# Every file pip downloads is checked against these hashes. The test lock is the demo's plus the
# test extra, at the same versions (`lock` resolves the demo's within the test lock's pins).
LOCKS = {"": "requirements/demo.lock", "test": "requirements/test.lock"}
# The tool that writes the locks, at a fixed version so a refresh writes the same format.
UV = "uv==0.13.8"


def stap(*cmd: str, **kwargs) -> None:
    print("+", " ".join(cmd), flush=True)
    subprocess.run(cmd, check=True, cwd=HIER, **kwargs)  # noqa: S603


def installeer(extra: str = "") -> None:
    """The lock's dependencies, each file checked against its hash, then the project itself.

    The project goes in without dependencies (they are all in the lock) and without build
    isolation: its build backend (setuptools, pyproject's build-system) is in the lock too, so
    pip downloads nothing that is not hash-checked.
    """
    if not (BIN / "python").exists():
        venv.create(VENV, with_pip=True)
    pip = [str(BIN / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    stap(*pip, "--require-hashes", "-r", LOCKS[extra])
    stap(*pip, "--no-deps", "--no-build-isolation", "-e", ".")


def debian_pakket(pakket: str, nodig_voor: str, aanwezig) -> None:
    """Install a Debian package unless ``aanwezig()`` says it is there.

    Two test runs started together on a fresh machine would both call apt-get, and the second
    would stop at apt's lock. So they queue on a lock of their own, and the second one checks
    again once it has the lock: by then the first has usually installed the package. apt's own
    lock timeout covers other programs that use apt at the same moment.
    """
    if aanwezig():
        return
    if not shutil.which("apt-get"):
        sys.exit(f"{nodig_voor} hebben Debian's {pakket} nodig (apt-get install {pakket}).")
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    wacht = ["-o", "DPkg::Lock::Timeout=600"]
    with open(Path(tempfile.gettempdir()) / "samenspel-apt-get.lock", "w") as slot:
        fcntl.flock(slot, fcntl.LOCK_EX)
        if aanwezig():
            return
        stap(*sudo, "apt-get", *wacht, "update", "-q", env=env)
        stap(*sudo, "apt-get", *wacht, "install", "-y", "-q", pakket, env=env)


def chromium() -> None:
    debian_pakket("chromium", "De browsertests", CHROMIUM.exists)


def gettext() -> None:
    """xgettext and msgmerge, for Django's makemessages."""
    debian_pakket(
        "gettext",
        "De vertaaltest en dev.py vertaal",
        lambda: bool(shutil.which("xgettext") and shutil.which("msgmerge")),
    )


def postgresql_client() -> None:
    """pg_dump and pg_restore, which `samenspel backup` and `herstel` run on PostgreSQL."""
    if not os.environ.get("DATABASE_URL", "").startswith(("postgres", "pgsql")):
        return
    debian_pakket(
        "postgresql-client",
        "De backuptests op PostgreSQL",
        lambda: bool(shutil.which("pg_dump") and shutil.which("pg_restore")),
    )


def demo(argv: list[str]) -> None:
    installeer()
    os.execv(str(BIN / "samenspel"), [str(BIN / "samenspel"), "demo", *argv])  # noqa: S606


def test(argv: list[str]) -> None:
    installeer("test")
    chromium()
    gettext()
    postgresql_client()
    stap(str(BIN / "ruff"), "check", ".")
    stap(str(BIN / "ruff"), "format", "--check", ".")
    # The layer order (pyproject's [tool.importlinter]): no app imports one above it.
    stap(str(BIN / "lint-imports"), "--no-cache")
    # One process per core unless the caller chose (-n 0 runs in this process, for a debugger).
    gekozen = any(a.startswith(("-n", "--numprocesses")) for a in argv)
    parallel = [] if gekozen else ["-n", "auto"]
    stap(str(BIN / "python"), "-m", "pytest", *parallel, *argv)


def vertaal(argv: list[str]) -> None:
    """Extract new and changed messages into locale/en, compile, list what lacks English."""
    installeer("test")
    gettext()
    stap(str(BIN / "python"), "-m", "samenspel.core.vertalen", *argv)


def lock(argv: list[str]) -> None:
    """Write requirements/test.lock and demo.lock from pyproject.toml, every file's hash included.

    uv runs from a throwaway venv, so it is no dependency of the project. `--universal` writes
    one lock for every platform and Python from 3.11 on (platform-only packages get a marker)
    and the hashes of all files of each pinned version, so another machine installs it too.
    Versions already in a lock are kept while pyproject allows them; options pass on to uv:
    `--upgrade` takes the newest of everything, `--upgrade-package NAME` of one package.
    """
    pyproject = tomllib.loads((HIER / "pyproject.toml").read_text())
    bouw = "\n".join(pyproject["build-system"]["requires"]) + "\n"
    with tempfile.TemporaryDirectory() as werk:
        venv.create(werk, with_pip=True)
        python = str(Path(werk) / "bin" / "python")
        stap(python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", UV)
        compileer = [
            *(str(Path(werk) / "bin" / "uv"), "pip", "compile", "--quiet"),
            *("--universal", "--python-version", "3.11", "--fork-strategy", "fewest"),
            *("--generate-hashes", "--custom-compile-command", "python3 dev.py lock"),
            # The build backend, read from stdin ("-"), for the install without build isolation.
            *("pyproject.toml", "-"),
        ]
        (HIER / "requirements").mkdir(exist_ok=True)
        stap(*compileer, "--extra", "test", "-o", LOCKS["test"], *argv, input=bouw, text=True)
        stap(*compileer, "-c", LOCKS["test"], "-o", LOCKS[""], *argv, input=bouw, text=True)


def main() -> None:
    opdrachten = {"demo": demo, "test": test, "vertaal": vertaal, "lock": lock}
    if len(sys.argv) < 2 or sys.argv[1] not in opdrachten:
        sys.exit(
            "Gebruik: python3 dev.py demo | python3 dev.py test [pytest-opties] "
            "| python3 dev.py vertaal | python3 dev.py lock [uv-opties]"
        )
    try:
        opdrachten[sys.argv[1]](sys.argv[2:])
    except subprocess.CalledProcessError as fout:
        sys.exit(fout.returncode)


if __name__ == "__main__":
    main()
