"""What the registration and edit forms post, for the tests that fill them in."""


def aanmelding(**over) -> dict:
    """A complete registration with the six required answers; `None` leaves a field out."""
    gegevens = {
        "naam": "Breicafé Overvecht",
        "omschrijving": "Samen breien en koffie drinken.",
        "wanneer": "elke dinsdag 10-12 uur in buurthuis De Boog",
        "buurt": "BU03440301",
        "contact": "anna@example.org",
        "bouwsteen": "sociale-contacten-en-ontmoeting",
    }
    gegevens.update(over)
    return {k: v for k, v in gegevens.items() if v is not None}


def bewerking(service, **over) -> dict:
    """What the edit form posts back when nothing is touched, plus changes."""
    gegevens = {
        "naam": service.name,
        "omschrijving": service.description,
        "wanneer": service.tijden_omschrijving,
        "buurt": "BU03440301",
        "contact": service.beheerder_email,
        "bouwsteen": "sociale-contacten-en-ontmoeting",
        "sector": "informeel",
        "zichtbaarheid": "openbaar",
    }
    gegevens.update(over)
    return gegevens
