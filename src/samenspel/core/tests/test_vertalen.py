"""English: a complete catalogue, a language switch that keeps the page, dates in the page's
language. Dutch is the source language and the default."""

import datetime as dt
import shutil
from pathlib import Path
from types import SimpleNamespace

import polib
import pytest
from django.urls import reverse
from django.utils import translation

from samenspel.core import mail, vertalen

XGETTEXT = shutil.which("xgettext") and shutil.which("msgmerge")


def _kopie_van_de_bron(doel: Path) -> Path:
    """The package's source and catalogues, without the rest (data, vendored files)."""
    bron = doel / "samenspel"
    shutil.copytree(
        vertalen.PAKKET,
        bron,
        ignore=shutil.ignore_patterns(
            "__pycache__", "*.mo", "vendor", "schema", "tests", "*.png", "*.svg", "*.css"
        ),
    )
    return bron


def test_elke_melding_in_de_code_heeft_een_engelse_vertaling(tmp_path, settings):
    """Extracts the messages from the source as `dev.py vertaal` does (into a copy, so the
    real catalogue stays as it is) and names every msgid without English or still fuzzy."""
    assert XGETTEXT, "makemessages needs Debian's gettext (python3 dev.py test installs it)"
    bron = _kopie_van_de_bron(tmp_path)
    vertalen.extraheer(bron=bron, locale=bron / "locale")
    ontbrekend = vertalen.ontbrekend(bron / "locale")
    assert ontbrekend == [], (
        f"{len(ontbrekend)} messages lack English. Run `python3 dev.py vertaal`, fill them in "
        "locale/en/LC_MESSAGES/django.po, run it again:\n" + "\n".join(ontbrekend)
    )


def test_de_gecompileerde_catalogus_zegt_hetzelfde_als_de_po():
    assert vertalen.verouderd() == [], "run `python3 dev.py vertaal` to compile the .mo"


def _catalogus(tmp_path, *entries: polib.POEntry) -> Path:
    locale = tmp_path / "locale"
    (locale / "en" / "LC_MESSAGES").mkdir(parents=True)
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    for entry in entries:
        po.append(entry)
    po.save(str(vertalen.po_pad("en", "django", locale)))
    return locale


def test_de_controle_noemt_lege_vage_en_kapotte_vertalingen(tmp_path):
    locale = _catalogus(
        tmp_path,
        polib.POEntry(msgid="Zoeken", msgstr="Search"),
        polib.POEntry(msgid="Opslaan", msgstr=""),
        polib.POEntry(msgid="Stoppen", msgstr="Stop", flags=["fuzzy"]),
        polib.POEntry(msgid="Hallo %(naam)s", msgstr="Hello %(name)s", flags=["python-format"]),
    )
    fouten = "\n".join(vertalen.ontbrekend(locale))
    assert "'Opslaan' has no translation" in fouten
    assert "'Stoppen' is fuzzy" in fouten
    assert "'Hallo %(naam)s' has other placeholders" in fouten
    assert "Zoeken" not in fouten


def test_de_controle_ziet_een_verouderde_mo(tmp_path):
    locale = _catalogus(tmp_path, polib.POEntry(msgid="Zoeken", msgstr="Search"))
    vertalen.compileer(locale)
    assert vertalen.verouderd(locale) == []
    po = polib.pofile(str(vertalen.po_pad("en", "django", locale)))
    po.append(polib.POEntry(msgid="Opslaan", msgstr="Save"))
    po.save()
    assert "older than its .po" in " ".join(vertalen.verouderd(locale))


def test_nederlandse_tekst_op_een_engelse_pagina_wordt_gevonden():
    gevonden = vertalen.nederlands_op_pagina(
        ["Kosten", "Wandelgroep Overvecht", "Search"],
        "Bedankt voor je aanmelding! Elke week samen wandelen door het park.",
    )
    assert "Kosten" in gevonden and "Bedankt voor je aanmelding" in gevonden
    assert not any("wandel" in g.lower() for g in gevonden), "data may be Dutch"


def test_een_lang_woord_uit_de_catalogus_in_een_omschrijving_is_geen_nederlandse_melding(
    tmp_path,
):
    locale = _catalogus(
        tmp_path, polib.POEntry(msgid="vrijwilligerscoördinator", msgstr="volunteer coordinator")
    )
    omschrijving = "Professionals en vrijwilligerscoördinatoren in de wijk kunnen bellen."
    assert vertalen.nederlands_op_pagina([omschrijving], omschrijving, locale=locale) == []
    # The same word as a label of its own is an untranslated message.
    gevonden = vertalen.nederlands_op_pagina(["vrijwilligerscoördinator"], "", locale=locale)
    assert gevonden == ["vrijwilligerscoördinator"]


pytestmark = pytest.mark.django_db


def test_de_taalknop_zet_engels_en_blijft_op_dezelfde_pagina(client, gebieden):
    terug = reverse("search:zoeken") + "?q=wandel"
    antwoord = client.get(reverse("core:taal", args=["en"]), {"volgende": terug})
    assert antwoord.status_code == 302 and antwoord["Location"] == terug
    pagina = client.get(terug).content.decode()
    assert '<html lang="en"' in pagina
    assert "What are you looking for?" in pagina or "Search" in pagina
    assert 'lang="nl" hreflang="nl">Nederlands</a>' in pagina

    client.get(reverse("core:taal", args=["nl"]), {"volgende": terug})
    pagina = client.get(terug).content.decode()
    assert '<html lang="nl"' in pagina and 'lang="en" hreflang="en">English</a>' in pagina


def test_de_taalknop_stuurt_niet_door_naar_een_andere_site(client, db):
    antwoord = client.get(reverse("core:taal", args=["en"]), {"volgende": "https://example.com/"})
    assert antwoord["Location"] == reverse("core:home")
    assert client.get(reverse("core:taal", args=["fr"])).status_code == 404


def test_zonder_keuze_is_de_site_nederlands(client, gebieden):
    pagina = client.get(reverse("core:home")).content.decode()
    assert '<html lang="nl"' in pagina and "Wat is er te doen in jouw wijk?" in pagina


def test_een_engelse_browser_krijgt_engels(client, gebieden):
    pagina = client.get(reverse("core:home"), HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9").content
    assert b"What's on in your neighbourhood?" in pagina and b"Zorg en begeleiding" not in pagina
    assert b"Care and support" in pagina  # the built-in bouwstenen too


@pytest.mark.parametrize(
    ("taal", "verwacht"),
    [("nl", "Laatst bevestigd op 28 oktober 2026"), ("en", "Last confirmed on 28 October 2026")],
)
def test_datums_staan_in_de_taal_van_de_pagina(client, maak_aanbod, taal, verwacht):
    service = maak_aanbod(bevestigd=dt.date(2026, 10, 28))
    client.cookies["django_language"] = taal
    pagina = client.get(reverse("directory:service", args=[service.pk])).content.decode()
    assert verwacht in pagina


def _alle_mailsjablonen() -> list[str]:
    map_ = vertalen.PAKKET / "templates" / "email"
    return sorted(p.name for p in map_.iterdir() if (p / "onderwerp.txt").exists())


@pytest.mark.parametrize("sjabloon", _alle_mailsjablonen())
def test_elke_mail_is_in_het_engels_te_versturen(sjabloon, mailoutbox, settings, maak_aanbod):
    service = maak_aanbod(naam="Taalcafé De Brug")
    context = {
        "service": service,
        "naam": service.name,
        "maanden": 6,
        "dagen": 3,
        "aantal": 2,
        "n": 2,
        "link": "/x/",
        "gebruiker": SimpleNamespace(first_name="Pim", get_username=lambda: "pim"),
    }
    with translation.override("en"):
        mail.verstuur(sjabloon, ["iemand@example.org"], context)
    bericht = mailoutbox[-1]
    html = bericht.alternatives[0][0]
    teksten = [bericht.subject, *bericht.body.splitlines()]
    nederlands = vertalen.nederlands_op_pagina(teksten, f"{bericht.body} {html}")
    assert nederlands == [], f"{sjabloon}: Dutch in the English mail: {nederlands}"
    assert '<html lang="en">' in html


def test_de_antwoordcache_geeft_elke_taal_een_eigen_pagina(client, maak_aanbod):
    """Search pages for anonymous visitors come from a shared cache; a visitor who chose
    English must not get the Dutch copy, nor the other way round."""
    maak_aanbod()
    adres = reverse("search:zoeken") + "?q=wandel"
    assert '<html lang="nl"' in client.get(adres).content.decode()
    client.cookies["django_language"] = "en"
    assert '<html lang="en"' in client.get(adres).content.decode()
    client.cookies["django_language"] = "nl"
    assert '<html lang="nl"' in client.get(adres).content.decode()


def test_het_doel_van_een_toestemming_houdt_de_taal_waarin_het_gegeven_is(maak_aanbod):
    # A consent shows what the resident agreed to, word for word; an English page marks a
    # Dutch purpose as Dutch (lang="nl") instead of translating it.
    from samenspel.referrals import actions

    service = maak_aanbod(naam="Taalcafé De Brug")
    with translation.override("nl"):
        nederlands = actions.doel_tekst(service)
    with translation.override("en"):
        engels = actions.doel_tekst(service)
        assert actions.doel_taal(nederlands) == "nl"
    assert actions.doel_taal(engels) == "en"
    assert actions.doel_taal("Voor iets anders") == ""


def test_de_demopost_weet_in_welke_taal_een_mail_geschreven_is():
    from samenspel.demo.models import Bericht

    assert Bericht(html='<!doctype html><html lang="en"><body>Hi</body></html>').taal == "en"
    assert Bericht(html="", tekst="Hallo").taal == ""
