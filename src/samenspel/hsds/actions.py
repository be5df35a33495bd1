"""State changes of API keys, each with its event row (`Sleutelgebeurtenis`)."""

from django.db import transaction

from samenspel.hsds.models import ApiToken, Sleutelgebeurtenis

# Who acts when the command line does: it knows no Samenspel account.
COMMANDOREGEL = "commandoregel"


def _wie(door) -> str:
    if hasattr(door, "get_username"):
        return door.get_username()
    return str(door or COMMANDOREGEL)[:200]


@transaction.atomic
def maak_sleutel(organisatie, omschrijving: str = "", door=None) -> tuple[ApiToken, str]:
    """A new key for an organisation's systems; returns it with the plain key, shown once."""
    token, sleutel = ApiToken.maak(organisatie, omschrijving)
    Sleutelgebeurtenis.objects.create(
        token=token, soort=Sleutelgebeurtenis.Soort.AANGEMAAKT, door=_wie(door)
    )
    return token, sleutel


def trek_in(token: ApiToken, door=None) -> bool:
    """Switch a key off for good; False if it already was (then nothing is written)."""
    with transaction.atomic():
        token = ApiToken.objects.select_for_update().get(pk=token.pk)
        if not token.actief:
            return False
        token.actief = False
        token.save(update_fields=["actief"])
        Sleutelgebeurtenis.objects.create(
            token=token, soort=Sleutelgebeurtenis.Soort.INGETROKKEN, door=_wie(door)
        )
    return True
