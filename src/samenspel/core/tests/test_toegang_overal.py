"""One check over the whole URL conf: every URL name of every namespace has an entry in one
of the access walks, so a new page cannot be added without saying who may open it.

The walks are the tables of the apps' own test modules (``TABELLEN``). The admin site
(namespace ``admin``) is left out: Django's admin lets in only staff users, and what a
beheerder sees there is checked where it matters (referrals are not in it, see
``test_beheerder_ziet_verwijzingen_niet_in_het_beheer``); its URL names come from the models
registered with it, not from a URL conf of this project.
"""

import importlib

from django.urls import URLPattern, URLResolver, get_resolver

# module -> the names of its tables (dicts or sets whose keys are URL names; a key may carry
# a description after a space, as "referrals:detail (draft)").
TABELLEN = {
    "samenspel.referrals.tests.test_toegang": ["URL_NAMEN"],
    "samenspel.network.tests.test_toegang_paginas": ["PAGINAS", "LINKS", "ALLEEN_POST"],
    "samenspel.wijkscan.tests.test_toegang_paginas": [
        "OPEN",
        "MATRIX",
        "WERK",
        "ALLEEN_POST",
        "LINKS",
    ],
    "samenspel.signals.tests.test_toegang_paginas": ["OPEN", "BESLOTEN", "ALLEEN_POST", "LINKS"],
    "samenspel.core.tests.test_toegang_apps": ["PAGINAS", "LINKS", "ALLEEN_POST"],
}
BUITEN_DE_TABELLEN = {"admin"}


def _url_namen(patronen, namespace=()) -> set[str]:
    namen = set()
    for patroon in patronen:
        if isinstance(patroon, URLResolver):
            dieper = (*namespace, patroon.namespace) if patroon.namespace else namespace
            if dieper and dieper[0] in BUITEN_DE_TABELLEN:
                continue
            namen |= _url_namen(patroon.url_patterns, dieper)
        elif isinstance(patroon, URLPattern) and patroon.name:
            namen.add(":".join((*namespace, patroon.name)))
    return namen


def _in_de_tabellen() -> set[str]:
    namen = set()
    for module, tabellen in TABELLEN.items():
        geladen = importlib.import_module(module)
        for tabel in tabellen:
            namen |= {sleutel.split(" ")[0] for sleutel in getattr(geladen, tabel)}
    return namen


def test_elke_url_naam_staat_in_een_toegangstabel():
    ontbreekt = sorted(_url_namen(get_resolver().url_patterns) - _in_de_tabellen())
    assert ontbreekt == [], f"URL-namen zonder toegangstabel: {ontbreekt}"


def test_de_tabellen_noemen_geen_url_naam_die_niet_bestaat():
    bestaat_niet = sorted(_in_de_tabellen() - _url_namen(get_resolver().url_patterns))
    assert bestaat_niet == []


def test_de_telling_vindt_namen_in_geneste_namespaces_en_laat_het_beheer_weg():
    namen = _url_namen(get_resolver().url_patterns)
    assert {"hsds:api:services", "cijferimport:uploaden", "directory:organisatie"} <= namen
    assert not any(naam.startswith("admin:") for naam in namen)
