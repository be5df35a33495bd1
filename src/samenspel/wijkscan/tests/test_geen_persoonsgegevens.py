"""No personal data reaches the wijkscan (issue 12, item 8).

The demo holds residents' names and contact details (inside referrals), the web's people
(names, e-mail addresses, how to reach them) and staff accounts. After the demo is loaded,
every wijkscan page, download and record is searched for each of them: none may appear. The
pages are found by following every link under ``/wijkscan/`` from the start page, as the
gemeente's netwerkhouder and analyst, so a new page is searched without being listed here.
Only the page's ``<main>`` counts: the header names the logged-in user on every page.
"""

import io
import re
from urllib.parse import urljoin, urlsplit

import pytest
from django.apps import apps
from django.core import serializers
from django.db import models

from samenspel.accounts.models import Gebruiker
from samenspel.demo import laden
from samenspel.network.models import Persoon
from samenspel.referrals.models import PERSOONSGEGEVENS, Verwijzing

pytestmark = pytest.mark.django_db

# Field names that would hold a person; a wijkscan model with one fails.
PERSOONSVELDEN = re.compile(r"(^|_)(naam|voornaam|achternaam|email|e_mail|telefoon|adres)($|_)")
# Shorter strings ("Bos", "Ine") would also match words that are no name at all.
KORTSTE = 6


def test_geen_model_van_de_wijkscan_heeft_een_veld_voor_een_persoon():
    for model in apps.get_app_config("wijkscan").get_models():
        for veld in model._meta.get_fields():
            if not veld.concrete:
                continue
            assert not isinstance(veld, models.EmailField), f"{model.__name__}.{veld.name}"
            assert not PERSOONSVELDEN.search(veld.name), f"{model.__name__}.{veld.name}"
            if veld.is_relation and veld.related_model is not None:
                doel = veld.related_model._meta.label
                assert doel not in {"network.Persoon", "referrals.Verwijzing"}, (
                    f"{model.__name__}.{veld.name} -> {doel}"
                )


def _persoonsgegevens() -> set[str]:
    gegevens: set[str] = set()
    # A field with choices (how to make contact: "telefoon", "e-mail") holds a kind, not a
    # person's detail; the detail itself is in the free fields.
    vrij = [v for v in PERSOONSGEGEVENS if not Verwijzing._meta.get_field(v).choices]
    for verwijzing in Verwijzing.objects.all():
        gegevens |= {str(getattr(verwijzing, veld)) for veld in vrij}
    for persoon in Persoon.objects.all():
        gegevens |= {persoon.naam, persoon.email, persoon.bereikbaar}
    for gebruiker in Gebruiker.objects.all():
        gegevens |= {gebruiker.get_full_name(), gebruiker.email}
    return {g.strip() for g in gegevens if g and len(g.strip()) >= KORTSTE}


def _hoofdtekst(antwoord) -> str:
    soort = antwoord.get("Content-Type", "")
    inhoud = antwoord.content
    if "spreadsheetml" in soort:
        from openpyxl import load_workbook

        boek = load_workbook(io.BytesIO(inhoud), read_only=True)
        return "\n".join(
            str(cel)
            for blad in boek.worksheets
            for rij in blad.iter_rows(values_only=True)
            for cel in rij
            if cel is not None
        )
    tekst = inhoud.decode("utf-8", "replace")
    if "html" in soort:
        gevonden = re.search(r"<main\b.*?</main>", tekst, re.S)
        return gevonden.group(0) if gevonden else tekst
    return tekst


def _wijkscanpaginas(client) -> dict[str, str]:
    """Path -> main text of every page and download reached by links under /wijkscan/."""
    te_doen, gezien = ["/wijkscan/"], {}
    while te_doen and len(gezien) < 400:
        pad = te_doen.pop()
        if pad in gezien:
            continue
        antwoord = client.get(pad)
        assert antwoord.status_code in (200, 302), f"{pad}: {antwoord.status_code}"
        if antwoord.status_code != 200:
            gezien[pad] = ""
            continue
        gezien[pad] = _hoofdtekst(antwoord)
        if "html" not in antwoord.get("Content-Type", ""):
            continue
        for href in re.findall(r'href="([^"#]+)"', antwoord.content.decode()):
            doel = urlsplit(urljoin(pad, href.replace("&amp;", "&")))
            volledig = doel.path + (f"?{doel.query}" if doel.query else "")
            if doel.path.startswith("/wijkscan/") and volledig not in gezien:
                te_doen.append(volledig)
    return gezien


@pytest.mark.parametrize("wie", ["netwerkhouder", "analist"])
def test_geen_naam_of_contactgegeven_van_een_persoon_op_een_pagina_van_de_wijkscan(client, wie):
    laden.laad_alles()
    geheim = _persoonsgegevens()
    assert len(geheim) > 20  # the demo has residents, people in the web and staff
    client.force_login(Gebruiker.objects.get(username=wie))
    paginas = _wijkscanpaginas(client)
    assert len(paginas) > 2
    gevonden = {(pad, g) for pad, tekst in paginas.items() for g in geheim if g in tekst}
    assert gevonden == set()


def test_geen_naam_of_contactgegeven_van_een_persoon_in_de_gegevens_van_de_wijkscan():
    laden.laad_alles()
    geheim = _persoonsgegevens()
    rijen = [
        serializers.serialize("json", model.objects.all())
        for model in apps.get_app_config("wijkscan").get_models()
    ]
    tekst = "\n".join(rijen)
    assert {g for g in geheim if g in tekst} == set()
