# ruff: noqa: F811 (the signal world fixture is imported, then asked for by name)
"""Every page of signalen at 1280 px, as the person it is for: zero axe violations.

The phone width (360 px) is the crawl's (test_elke_pagina.py), which reaches every URL name.
The pages come from the app's access walk (``OPEN``, ``BESLOTEN`` and the private status link),
so a new signal page is checked here from its first day.
"""

import pytest
from django.urls import reverse

from samenspel.signals import zorglinks
from samenspel.signals.tests import test_toegang_paginas as toegang
from samenspel.signals.tests.conftest import signaalwereld  # noqa: F401 (fixture)
from samenspel.signals.tests.zorg_hulp import zorg
from tests.e2e.conftest import axe_overtredingen

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Links that open no page, with the reason.
GEEN_PAGINA = {"signals:zorg_download"}  # a JSON file to keep, not a page


def test_elke_signaalpagina_heeft_op_een_breed_scherm_geen_toegankelijkheidsfouten(
    page, inloggen, signaalwereld
):
    w = signaalwereld
    paginas = [(None, naam, pad(w)) for naam, pad in sorted(toegang.OPEN.items())]
    paginas += [(wie[0], naam, pad(w)) for naam, (pad, wie) in sorted(toegang.BESLOTEN.items())]
    melding = zorg(w)
    paginas.append((None, "signals:zorg_status", zorglinks.pad(melding)))
    eigen = [melding.pk, zorglinks.maak_token(melding)]
    paginas.append((None, "signals:zorg_wissen", reverse("signals:zorg_wissen", args=eigen)))
    assert {naam for _, naam, _ in paginas} >= set(toegang.LINKS) - GEEN_PAGINA

    bevindingen = []
    for wie in dict.fromkeys(wie for wie, _, _ in paginas):
        page.context.clear_cookies()
        if wie is not None:
            inloggen(page, w[wie].username)
        for _, naam, pad in (p for p in paginas if p[0] == wie):
            antwoord = page.goto(page.basis + pad)
            if antwoord.status != 200:
                bevindingen.append(f"{naam} ({wie}): HTTP {antwoord.status}")
                continue
            bevindingen += [
                f"{naam} ({wie}): {v['id']} {v['nodes']}" for v in axe_overtredingen(page)
            ]
    assert not bevindingen, "\n".join(bevindingen)
