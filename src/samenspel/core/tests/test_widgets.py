import pytest
from django import forms

from samenspel.core.widgets import SnelleSelect, SnelleTekst, SnelleVerborgen


class Formulier(forms.Form):
    wijk = forms.ChoiceField(
        choices=[
            ("", "alle wijken"),
            ("Utrecht", [("WK1", "Overvecht & <Noord>")]),
            ("WK2", "Zuid"),
        ],
        required=False,
        widget=SnelleSelect,
    )


def test_snelle_select_toont_keuze_groepen_en_ontsnapt_tekst():
    html = str(Formulier({"wijk": "WK1"})["wijk"])
    assert '<select id="id_wijk" name="wijk">' in html
    assert '<optgroup label="Utrecht"><option value="WK1" selected>' in html
    assert "Overvecht &amp; &lt;Noord&gt;" in html
    assert '<option value="WK2">Zuid</option>' in html


def test_snelle_select_geeft_foutkoppeling_voor_schermlezers_door():
    form = Formulier({"wijk": "bestaat-niet"})
    assert not form.is_valid()
    html = str(form["wijk"])
    assert 'aria-invalid="true"' in html
    assert 'aria-describedby="id_wijk_error"' in html


class Invoer(forms.Form):
    q = forms.CharField(
        max_length=20,
        help_text="Bijvoorbeeld wandelen.",
        widget=SnelleTekst(attrs={"type": "search", "placeholder": 'bijv. "taal" & <meer>'}),
    )
    lat = forms.FloatField(required=False, widget=SnelleVerborgen)


class DjangoInvoer(forms.Form):
    q = forms.CharField(
        max_length=20,
        help_text="Bijvoorbeeld wandelen.",
        widget=forms.TextInput(attrs={"type": "search", "placeholder": 'bijv. "taal" & <meer>'}),
    )
    lat = forms.FloatField(required=False, widget=forms.HiddenInput)


@pytest.mark.parametrize(
    "data",
    [{}, {"q": "<script>\"'", "lat": "52.1"}, {"q": "veel te lange zoekvraag hier", "lat": "x"}],
)
def test_snelle_invoer_schrijft_hetzelfde_als_django_ook_met_fouten_en_vreemde_tekens(data):
    snel, django_ = Invoer(data), DjangoInvoer(data)
    snel.is_valid()
    django_.is_valid()
    for naam in ("q", "lat"):
        assert str(snel[naam]) == str(django_[naam])


def test_snelle_invoer_ontsnapt_wat_iemand_typte():
    html = str(Invoer({"q": '<script>"'})["q"])
    assert 'value="&lt;script&gt;&quot;"' in html
    assert "<script>" not in html
