"""History of listings: one row per changed field, who, when, old → new (HSDS metadata).

Rows keep HSDS field names (``address_1``, ``moderatie_bericht``), so the history can be
exported as HSDS metadata. People read it through ``regels()``, which gives every field its
label from the models' verbose_name (so the label is translated with the model) and every
choice its display text; the few fields the registration form records that have no model
field of their own get theirs in ``FORMULIERVELDEN``.
"""

from django.core.exceptions import FieldDoesNotExist
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from samenspel.directory.models import (
    Address,
    Contact,
    Location,
    Moderatie,
    Organization,
    Service,
    Wijziging,
)

# Where a field recorded for a listing may live, in this order: a listing's row can name a
# field of its organisation, location or address too (the form edits them together).
MODELLEN = {
    "service": (Service, Location, Address, Organization, Contact),
    "organization": (Organization,),
    "location": (Location, Address),
    "address": (Address,),
    "contact": (Contact,),
}

# Fields of the registration form that are not one model field.
FORMULIERVELDEN = {
    "contact": _("e-mailadres of telefoonnummer"),
    "contactpersoon": _("contactpersoon"),
    "bouwsteen": _("bouwsteen"),
    "doelgroep": _("voor wie"),
}

ACTIES = {
    "aangemaakt": _("aangemaakt"),
    "aangemeld": _("aangemeld"),
    "bevestigd": _("bevestigd"),
    "bewerkt": _("aangepast"),
    "beantwoord": _("vraag beantwoord"),
    "vraag": _("vraag gesteld"),
    "goedgekeurd": _("goedgekeurd"),
    "afgewezen": _("afgewezen"),
    "gestopt": _("gestopt"),
    "herinnerd": _("herinnering gestuurd"),
    "create": _("aangemaakt bij import"),
    "update": _("bijgewerkt bij import"),
}

JA_NEE = {"ja": _("ja"), "nee": _("nee"), "True": _("ja"), "False": _("nee")}

# The registrant answered a netwerkhouder's question (by saving the listing again).
ANTWOORD = {
    "field_name": "moderatie",
    "previous_value": Moderatie.VRAAG,
    "replacement_value": Moderatie.WACHTRIJ,
}


def wie(door) -> str:
    if hasattr(door, "get_username"):
        return door.get_username()
    return str(door or "")


def leg_vast(record, actie: str, door, veld: str = "", oud="", nieuw="") -> Wijziging:
    return Wijziging.objects.create(
        resource_id=record.pk,
        resource_type=record._meta.model_name,
        last_action_type=actie,
        field_name=veld,
        previous_value="" if oud is None else str(oud),
        replacement_value="" if nieuw is None else str(nieuw),
        updated_by=wie(door),
    )


def leg_formulier_vast(form, door, actie: str = "bewerkt") -> int:
    """Record each changed field of a saved ModelForm (the admin uses this)."""
    aantal = 0
    for veld in form.changed_data:
        oud = form.initial.get(veld, "")
        nieuw = form.cleaned_data.get(veld, "")
        leg_vast(form.instance, actie, door, veld, oud, nieuw)
        aantal += 1
    return aantal


# --- reading it ---------------------------------------------------------------------------


def _modelveld(soort: str, naam: str):
    for model in MODELLEN.get(soort, ()):
        try:
            return model._meta.get_field(naam)
        except FieldDoesNotExist:
            continue
    return None


def veld_label(soort: str, naam: str) -> str:
    """A person's word for a recorded field: 'straat en huisnummer', not 'address_1'."""
    if naam in FORMULIERVELDEN:
        return str(FORMULIERVELDEN[naam])
    veld = _modelveld(soort, naam)
    if veld is not None and hasattr(veld, "verbose_name"):
        return str(veld.verbose_name)
    return naam.replace("_", " ")


def waarde_tekst(soort: str, naam: str, waarde: str) -> str:
    """A recorded value as shown: a choice's label ('wacht op goedkeuring'), ja/nee."""
    veld = _modelveld(soort, naam)
    keuzes = dict(getattr(veld, "choices", None) or ()) if veld is not None else {}
    if waarde in keuzes:
        return str(keuzes[waarde])
    if waarde in JA_NEE:
        return str(JA_NEE[waarde])
    return waarde


def actie_label(actie: str) -> str:
    return str(ACTIES.get(actie, actie))


def regels(wijzigingen) -> list[dict]:
    """The history as people read it, newest first as the query orders it."""
    return [
        {
            "wanneer": w.last_action_date,
            "actie": actie_label(w.last_action_type),
            "veld": veld_label(w.resource_type, w.field_name) if w.field_name else "",
            "oud": waarde_tekst(w.resource_type, w.field_name, w.previous_value),
            "nieuw": waarde_tekst(w.resource_type, w.field_name, w.replacement_value),
            "door": w.updated_by,
        }
        for w in wijzigingen
    ]


def met_antwoordvlag(services):
    """Annotate ``beantwoord``: the registration came back with an answer to a question."""
    antwoorden = Wijziging.objects.filter(
        resource_type="service", resource_id=OuterRef("pk"), **ANTWOORD
    )
    return services.annotate(beantwoord=Exists(antwoorden))


def antwoord_op_vraag(service) -> dict | None:
    """For a registration back in the queue after a question: the question and what the
    registrant changed since (their answer); None when it came back otherwise."""
    rijen = Wijziging.objects.filter(resource_type="service", resource_id=service.pk)
    antwoord = rijen.filter(**ANTWOORD).order_by("-last_action_date").first()
    if antwoord is None or service.moderatie != Moderatie.WACHTRIJ:
        return None
    vraag = (
        rijen.filter(last_action_type="vraag", field_name="moderatie_bericht")
        .filter(last_action_date__lte=antwoord.last_action_date)
        .order_by("-last_action_date")
        .first()
    )
    sinds = vraag.last_action_date if vraag else None
    veranderd = rijen.filter(last_action_type="bewerkt").exclude(field_name="moderatie")
    if sinds is not None:
        veranderd = veranderd.filter(last_action_date__gt=sinds)
    veranderd = veranderd.filter(last_action_date__lte=antwoord.last_action_date)
    return {
        "vraag": vraag.replacement_value if vraag else service.moderatie_bericht,
        "wanneer": antwoord.last_action_date,
        "door": antwoord.updated_by,
        "veranderd": regels(veranderd.order_by("last_action_date")),
    }
