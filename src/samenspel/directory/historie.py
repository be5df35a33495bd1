"""History of listings: one row per changed field, who, when, old → new (HSDS metadata)."""

from samenspel.directory.models import Wijziging


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
