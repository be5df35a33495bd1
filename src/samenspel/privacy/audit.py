"""Writing the audit log: one call per read or change of a record with personal data."""

from django.utils.translation import gettext_noop

from samenspel.privacy.models import Auditregel, Kanaal


def leg_vast(actie: str, record, wie: str, partij: str, kanaal: str = Kanaal.PAGINA):
    return Auditregel.objects.create(
        actie=actie,
        record_soort=record._meta.label_lower,
        record_id=str(record.pk),
        wie=(wie or gettext_noop("onbekend"))[:200],
        partij=partij,
        kanaal=kanaal,
    )


def leg_vast_veel(actie: str, records, wie: str, partij: str, kanaal: str = Kanaal.PAGINA):
    regels = [
        Auditregel(
            actie=actie,
            record_soort=r._meta.label_lower,
            record_id=str(r.pk),
            wie=(wie or gettext_noop("onbekend"))[:200],
            partij=partij,
            kanaal=kanaal,
        )
        for r in records
    ]
    return Auditregel.objects.bulk_create(regels)
