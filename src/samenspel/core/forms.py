"""Form helpers: NL Design System classes on every widget, so templates stay plain."""

from django import forms

_KLASSEN = {
    forms.Textarea: "utrecht-textarea utrecht-textarea--html-textarea",
    # Before RadioSelect (and Select), of which Django makes it a subclass.
    forms.CheckboxSelectMultiple: "utrecht-checkbox utrecht-checkbox--html-input",
    forms.Select: "utrecht-select utrecht-select--html-select",
    forms.CheckboxInput: "utrecht-checkbox utrecht-checkbox--html-input",
    forms.RadioSelect: "utrecht-radio-button utrecht-radio-button--html-input",
}


class NLDSMixin:
    """Adds the design-system CSS classes; invalid fields get aria-invalid for screen readers."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for veld in self.fields.values():
            widget = veld.widget
            klasse = next(
                (k for soort, k in _KLASSEN.items() if isinstance(widget, soort)),
                "utrecht-textbox utrecht-textbox--html-input",
            )
            widget.attrs["class"] = (widget.attrs.get("class", "") + " " + klasse).strip()

    def full_clean(self):
        super().full_clean()
        for naam in self.errors:
            if naam in self.fields:
                self.fields[naam].widget.attrs["aria-invalid"] = "true"


class PlainChoiceField(forms.ChoiceField):
    """A choice field whose choices are used as given: (value, label) pairs, or (group label,
    pairs) for groups, as Django's own choices are once normalised.

    Django normalises a list on every assignment, twice (for the field and for its widget),
    and a form is made per request: for a list of 342 gemeenten that was half the time of
    making the search form.
    """

    @property
    def choices(self):
        return self._choices

    @choices.setter
    def choices(self, value):
        self._choices = self.widget._choices = list(value)


class Formulier(NLDSMixin, forms.Form):
    """A plain form of the product: design-system classes, and no browser "required" bubbles
    before anyone typed; the server says what is missing, in plain words, naming the field."""

    use_required_attribute = False
