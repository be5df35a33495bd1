"""A process of its own for the tests that follow the change log across processes.

`python -m samenspel.search.tests.proces` reads one command per line on stdin and answers
each with one line on stdout, so a test can interleave what two processes do:

    maak NAAM             a listing NAAM, committed at once
    begin                 open a transaction (the next commands run inside it)
    hernoem OUD|NIEUW     rename listing OUD to NIEUW
    hernoem-stil OUD|NIEUW   the same behind the change log's back (no model signals), as a
                          repair by hand in the database would
    vastleggen            commit the open transaction
    zoek WOORD            the names of the listings a search for WOORD finds (JSON)
"""

import json
import sys

from samenspel.core import opstart

OMSCHRIJVING = "Samen bezig in de buurt."


def main() -> None:
    opstart.django_opzetten()
    from django.db import transaction

    from samenspel.directory import models as m
    from samenspel.search.zoeken import Zoekvraag, zoek

    open_transactie = None
    for regel in sys.stdin:
        opdracht, _, rest = regel.strip().partition(" ")
        antwoord = "ok"
        if opdracht == "maak":
            # Only the name tells listings apart: a search finds them by their name alone.
            organisatie = m.Organization.objects.create(
                name="Buurtvereniging", description=OMSCHRIJVING
            )
            m.Service.objects.create(organization=organisatie, name=rest, description=OMSCHRIJVING)
        elif opdracht == "begin":
            open_transactie = transaction.atomic()
            open_transactie.__enter__()
        elif opdracht == "hernoem":
            oud, nieuw = rest.split("|")
            service = m.Service.objects.get(name=oud)
            service.name = nieuw
            service.save()
        elif opdracht == "hernoem-stil":
            oud, nieuw = rest.split("|")
            m.Service.objects.filter(name=oud).update(name=nieuw)
        elif opdracht == "vastleggen":
            open_transactie.__exit__(None, None, None)
            open_transactie = None
        elif opdracht == "zoek":
            antwoord = json.dumps([t.service.name for t in zoek(Zoekvraag(tekst=rest)).treffers])
        else:
            antwoord = f"onbekende opdracht: {opdracht}"
        print(antwoord, flush=True)


if __name__ == "__main__":
    main()
