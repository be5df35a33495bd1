"""Shared test personas and a small neighbourhood, used by every app's tests.

Personas follow the product's roles: a resident (anonymous client), an initiatiefnemer, a
professional, a netwerkhouder for Overvecht, and outsiders (a netwerkhouder elsewhere).
"""

import datetime as dt

import pytest
from django.core.cache import cache
from django.utils import timezone, translation

from samenspel.accounts.models import Rol


@pytest.fixture(autouse=True)
def _schone_staat(settings):
    """Each test starts with an empty cache and a search index rebuilt from its own data."""
    from samenspel.directory import bewaard
    from samenspel.search import antwoordcache, index, keuzelijsten

    cache.clear()
    # The copies in the process too: another test's areas, terms and cards.
    keuzelijsten.vergeet()
    antwoordcache.antwoorden.leeg()
    bewaard.fragmenten.clear()
    index.vergeet()
    # Dutch, whatever an earlier test's request in English left active in this thread
    # (LocaleMiddleware activates a request's language and nothing switches it back).
    translation.activate(settings.LANGUAGE_CODE)
    settings.SAMENSPEL = {**settings.SAMENSPEL}
    # No copy of the search index on disk unless a test asks for one (search/schijf.py).
    settings.SAMENSPEL["ZOEKINDEX_BESTAND"] = ""
    # Tests make hundreds of accounts: a deliberately slow hash costs seconds per test world
    # and proves nothing here. Production keeps Django's default (settings.py).
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    yield
    index.vergeet()
    translation.deactivate()


def _alleen_testtransactie() -> bool:
    """True outside any transaction of the code under test (only the test's own is open)."""
    from django.db import connection

    return all(getattr(blok, "_from_testcase", False) for blok in connection.atomic_blocks)


@pytest.fixture(autouse=True)
def _postbode(request, monkeypatch):
    """The sender, as it runs beside the server: mail in the outbox is delivered as soon as
    the change that queued it is committed, so ``mail.outbox`` holds what a person receives.

    The real sender (``postbode.bezorg``) runs on the real queue. A test's own transaction is
    never committed, so the end of the code's outermost transaction counts as its commit: a
    change that is rolled back delivers nothing, because its queued rows are gone with it.
    A test marked ``eigen_postbode`` runs the sender itself.
    """
    if request.node.get_closest_marker("eigen_postbode"):
        yield
        return
    from django.db import transaction
    from post_office.signals import email_queued

    from samenspel.core import postbode

    wacht = {"post": False}

    def bij_wachtrij(**_kwargs):
        if _alleen_testtransactie():
            postbode.bezorg_wat_klaarstaat()
        else:
            wacht["post"] = True

    einde = transaction.Atomic.__exit__

    def na_transactie(self, *exc):
        uitkomst = einde(self, *exc)
        if wacht["post"] and _alleen_testtransactie():
            wacht["post"] = False
            postbode.bezorg_wat_klaarstaat()
        return uitkomst

    monkeypatch.setattr(transaction.Atomic, "__exit__", na_transactie)
    email_queued.connect(bij_wachtrij, dispatch_uid="samenspel-test-postbode")
    yield
    email_queued.disconnect(dispatch_uid="samenspel-test-postbode")


@pytest.fixture
def met_commit(django_capture_on_commit_callbacks):
    """Run a request or action and then its on_commit side effects, as a real commit would."""

    def doe(functie, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return functie(*args, **kwargs)

    return doe


@pytest.fixture
def taxonomieen(db):
    """The built-in taxonomies (a data migration; transactional tests flush it, so reload)."""
    from samenspel.directory import models as m
    from samenspel.directory import taxonomieen

    taxonomieen.laad(m.Taxonomy, m.TaxonomyTerm)


@pytest.fixture
def gebieden(taxonomieen):
    from samenspel.areas.models import Gebied

    def maak(code, naam, niveau, ouder=None, lat=None, lon=None):
        return Gebied.objects.create(
            code=code, naam=naam, niveau=niveau, ouder=ouder, latitude=lat, longitude=lon
        )

    utrecht = maak("GM0344", "Utrecht", "gemeente", lat=52.0907, lon=5.1214)
    overvecht = maak("WK034403", "Overvecht", "wijk", utrecht, 52.1160, 5.1130)
    rotterdam = maak("GM0599", "Rotterdam", "gemeente", lat=51.9225, lon=4.4792)
    middelland = maak("WK059903", "Middelland", "wijk", rotterdam, 51.9170, 4.4620)
    return {
        "utrecht": utrecht,
        "overvecht": overvecht,
        "zambesidreef": maak(
            "BU03440301", "Zambesidreef e.o.", "buurt", overvecht, 52.1190, 5.1150
        ),
        "vechtzoom": maak("BU03440302", "Vechtzoom", "buurt", overvecht, 52.1120, 5.1200),
        "rotterdam": rotterdam,
        "middelland": middelland,
        "middelland_noord": maak(
            "BU05990301", "Middelland-Noord", "buurt", middelland, 51.9185, 4.4610
        ),
    }


def _gebruiker(django_user_model, naam, rol, **extra):
    return django_user_model.objects.create_user(
        username=naam,
        email=f"{naam}@example.org",
        password="geheim-wachtwoord-123",
        rol=rol,
        **extra,
    )


@pytest.fixture
def netwerkhouder(django_user_model, gebieden):
    gebruiker = _gebruiker(django_user_model, "netwerkhouder", Rol.NETWERKHOUDER)
    gebruiker.gebieden.add(gebieden["overvecht"])
    return gebruiker


@pytest.fixture
def andere_netwerkhouder(django_user_model, gebieden):
    gebruiker = _gebruiker(django_user_model, "netwerkhouder_rotterdam", Rol.NETWERKHOUDER)
    gebruiker.gebieden.add(gebieden["middelland"])
    return gebruiker


@pytest.fixture
def professional(django_user_model, db):
    return _gebruiker(django_user_model, "professional", Rol.PROFESSIONAL)


@pytest.fixture
def initiatiefnemer(django_user_model, db):
    return _gebruiker(django_user_model, "initiatiefnemer", Rol.INITIATIEFNEMER)


@pytest.fixture
def analist(django_user_model, db):
    return _gebruiker(django_user_model, "analist", Rol.GEMEENTE_ANALIST)


@pytest.fixture
def beheerder(django_user_model, db):
    return _gebruiker(
        django_user_model, "beheerder", Rol.BEHEERDER, is_staff=True, is_superuser=True
    )


@pytest.fixture
def maak_aanbod(gebieden):
    """Factory for a live listing with one location, one weekly slot and bouwstenen."""
    from samenspel.directory import models as m

    def maak(
        naam="Wandelgroep Overvecht",
        omschrijving="Elke week samen wandelen door het park.",
        buurt="zambesidreef",
        bouwstenen=("sociale-contacten-en-ontmoeting",),
        sector="informeel",
        zichtbaarheid="openbaar",
        dagen="TU",
        punt=None,
        bevestigd=None,
        **velden,
    ):
        gebied = gebieden[buurt]
        organisatie = m.Organization.objects.create(
            name=velden.pop("organisatie", f"{naam} (organisatie)"),
            description=omschrijving,
            sector=sector,
            gemeente=gebied.gemeente,
        )
        service = m.Service.objects.create(
            organization=organisatie,
            name=naam,
            description=omschrijving,
            zichtbaarheid=zichtbaarheid,
            assured_date=bevestigd or timezone.localdate(),
            beheerder_email=velden.pop("beheerder_email", "eigenaar@example.org"),
            **velden,
        )
        lat, lon = punt or (gebied.latitude, gebied.longitude)
        locatie = m.Location.objects.create(
            organization=organisatie, name=naam, latitude=lat, longitude=lon, buurt=gebied
        )
        m.ServiceAtLocation.objects.create(service=service, location=locatie)
        if dagen:
            m.Schedule.objects.create(
                service=service,
                byday=dagen,
                opens_at=dt.time(10, 0),
                closes_at=dt.time(12, 0),
            )
        for code in bouwstenen:
            m.Attribute.objects.create(
                link_entity="service",
                link_id=service.pk,
                taxonomy_term=m.TaxonomyTerm.objects.bouwstenen().get(code=code),
            )
        return service

    return maak


@pytest.fixture
def redis_cache(settings, tmp_path):
    """Django's cache in a real Redis server of the test's own, as with REDIS_URL in
    production: login lockouts and form limits are then counted there."""
    import shutil
    import socket
    import subprocess
    import time

    from axes.handlers.proxy import AxesProxyHandler

    programma = shutil.which("redis-server")
    if not programma:
        pytest.skip("redis-server is not installed")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        poort = s.getsockname()[1]
    opties = f"--bind 127.0.0.1 --port {poort} --appendonly no --dir {tmp_path}".split()
    server = subprocess.Popen(  # noqa: S603
        [programma, *opties, "--save", ""], stdout=subprocess.DEVNULL
    )
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", poort), timeout=0.1).close()
                break
            except OSError:
                time.sleep(0.05)
        settings.CACHES = {
            "default": {
                "BACKEND": "django.core.cache.backends.redis.RedisCache",
                "LOCATION": f"redis://127.0.0.1:{poort}/0",
            }
        }
        # axes keeps the cache it was started with; let it pick up this one, and afterwards
        # the test settings' own again.
        AxesProxyHandler.implementation = None
        yield settings.CACHES["default"]["LOCATION"]
    finally:
        AxesProxyHandler.implementation = None
        server.terminate()
        server.wait(timeout=10)
