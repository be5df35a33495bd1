"""Insert many rows with one prepared INSERT per table, without model instances.

Django's bulk_create builds a model instance and renders SQL for every value, which is most
of the time of a national import. Here the statement is built once per table, and values are
converted only where the database needs it (UUIDs, dates, decimals). It sends no signals, as
bulk_create does not either; the writer logs search changes and history itself.
"""

from operator import attrgetter

from django.db import connection, connections, models

# Fields whose Python value the database driver takes as it is.
_ZONDER_OMZETTING = (
    models.CharField,
    models.TextField,
    models.IntegerField,
    models.FloatField,
    models.BooleanField,
)


def _omzetting(veld: models.Field, verbinding):
    """How a value reaches the database; None when it goes as it is. Decided once per column.

    The same conversions Django's own `get_db_prep_save` makes, taken straight from the
    backend's operations, because a national import calls them millions of times.
    """
    doel = veld.target_field if veld.is_relation else veld
    ops = verbinding.ops
    if isinstance(doel, models.UUIDField):
        return None if verbinding.features.has_native_uuid_field else attrgetter("hex")
    if isinstance(doel, models.DateTimeField):
        return ops.adapt_datetimefield_value
    if isinstance(doel, models.DateField):
        return ops.adapt_datefield_value
    if isinstance(doel, models.TimeField):
        return ops.adapt_timefield_value
    if isinstance(doel, models.DecimalField):
        return lambda w: ops.adapt_decimalfield_value(w, doel.max_digits, doel.decimal_places)
    if isinstance(doel, _ZONDER_OMZETTING):
        return None
    return lambda w: veld.get_db_prep_save(w, verbinding)


def _standaard(veld: models.Field, nu):
    if getattr(veld, "auto_now", False) or getattr(veld, "auto_now_add", False):
        return nu
    # Evaluated once per import: a run's new rows share "now" as their default time.
    return veld.get_default()


class Invoeger:
    def __init__(self, model: type[models.Model], nu):
        # An auto-increment key is the database's to fill in.
        velden = [v for v in model._meta.concrete_fields if not getattr(v, "db_returning", False)]
        # The real connection, not the `connection` proxy that looks it up on every access.
        verbinding = connections["default"]
        self._positie, self._omzettingen, standaarden = {}, [], []
        for i, veld in enumerate(velden):
            omzetting = _omzetting(veld, verbinding)
            standaard = _standaard(veld, nu)
            if omzetting and standaard is not None:
                standaard = omzetting(standaard)  # a constant: converted once
            self._positie[veld.attname] = i
            self._omzettingen.append(omzetting)
            standaarden.append(standaard)
        self._standaarden = tuple(standaarden)
        qn = connection.ops.quote_name
        kolommen = ", ".join(qn(veld.column) for veld in velden)
        plekken = ", ".join(["%s"] * len(velden))
        # Only model metadata goes into the text; every value is a query parameter.
        tabel = qn(model._meta.db_table)
        self.sql = f"INSERT INTO {tabel} ({kolommen}) VALUES ({plekken})"  # noqa: S608

    def rij(self, waarden: dict) -> tuple:
        """The row in column order: given values converted, the rest their defaults."""
        rij = list(self._standaarden)
        positie, omzettingen = self._positie, self._omzettingen
        for attr, waarde in waarden.items():
            i = positie.get(attr)
            if i is not None:
                omzetting = omzettingen[i]
                rij[i] = omzetting(waarde) if omzetting and waarde is not None else waarde
        return tuple(rij)

    def voeg_in(self, rijen: list[tuple]) -> None:
        if rijen:
            with connection.cursor() as cursor:
                cursor.executemany(self.sql, rijen)
