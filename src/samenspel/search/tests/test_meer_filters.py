"""The "Meer filters" part of the search page is kept ready, and still shows each visitor
their own choices, their own errors and their own language."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

ZOEKEN = reverse("search:zoeken")


def _gekozen(pagina: str, naam: str) -> list[str]:
    lijst = re.search(rf'<select name="{naam}"[^>]*>(.*?)</select>', pagina, re.S)
    if lijst is None:
        lijst = re.search(rf'<select[^>]*name="{naam}"[^>]*>(.*?)</select>', pagina, re.S)
    return re.findall(r'<option value="([^"]*)" selected>', lijst.group(1))


def _vinkjes(pagina: str) -> list[str]:
    return sorted(re.findall(r'<input type="checkbox" name="([a-z_]+)"[^>]*checked', pagina))


def test_elke_vraag_ziet_zijn_eigen_keuzes_in_meer_filters(client, gebieden):
    eerste = client.get(ZOEKEN, {"q": "a", "dag": "MO", "gratis": "on"}).content.decode()
    tweede = client.get(ZOEKEN, {"q": "b", "dag": "FR", "inloop": "on"}).content.decode()
    derde = client.get(ZOEKEN, {"q": "c", "dag": "MO", "gratis": "on"}).content.decode()
    assert _gekozen(eerste, "dag") == ["MO"]
    assert _gekozen(tweede, "dag") == ["FR"]
    assert _gekozen(derde, "dag") == ["MO"]
    assert "gratis" in _vinkjes(eerste)
    assert "inloop" not in _vinkjes(eerste)
    assert "inloop" in _vinkjes(tweede)
    assert "gratis" not in _vinkjes(tweede)


def test_gekozen_gemeente_staat_gekozen_ook_na_een_vraag_zonder(client, gebieden):
    client.get(ZOEKEN, {"q": "wandelen"})
    pagina = client.get(ZOEKEN, {"q": "wandelen", "gemeente": "GM0344"}).content.decode()
    assert _gekozen(pagina, "gemeente") == ["GM0344"]


def test_fout_in_meer_filters_staat_bij_het_veld_ook_na_dezelfde_vraag_zonder_fout(
    client, gebieden
):
    client.get(ZOEKEN, {"q": "wandelen"})
    pagina = client.get(ZOEKEN, {"q": "wandelen", "dag": "XX"}).content.decode()
    assert "Deze keuze kennen we niet. Kies een waarde uit de lijst." in pagina
    assert 'aria-invalid="true"' in pagina
    # And the next visitor without the error does not see it.
    schoon = client.get(ZOEKEN, {"q": "fietsen"}).content.decode()
    assert "Deze keuze kennen we niet" not in schoon


def test_meer_filters_in_het_engels_na_het_nederlands(client, gebieden):
    assert "Meer filters" in client.get(ZOEKEN, {"q": "a"}).content.decode()
    engels = client.get(ZOEKEN, {"q": "b"}, headers={"accept-language": "en"}).content.decode()
    assert "More filters" in engels
    assert "elke dag" not in engels
