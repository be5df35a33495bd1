from django import forms

from samenspel.core.widgets import SnelleSelect


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
