"""Insert many rows with one prepared INSERT per table, without model instances.

Django's bulk_create builds a model instance and renders SQL for every value, which is most
of the time of a national import. Here the statement is built once per table, and values are
converted only where the database needs it (UUIDs, dates, decimals). It sends no signals, as
bulk_create does not either; the writer logs search changes and history itself.

The writer's fast path (`kolomsgewijs`) hands over whole columns (`rijen`, `kolom`, `uuids`) and
reads stored rows back the same way (`opgeslagen`, `als_model`) to see that a re-import
changes nothing.
"""

import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from itertools import repeat
from operator import attrgetter

from django.db import connection, connections, models, transaction

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


@contextmanager
def indexen_achteraf(model: type[models.Model]) -> Iterator[None]:
    """On SQLite, build a table's plain indexes after its rows are in, not row by row.

    Filling an index in one sorted pass is several times cheaper than keeping it up to date
    while hundreds of thousands of rows with random UUIDs arrive. Only indexes without a
    uniqueness promise go (primary keys and unique constraints keep guarding every row), and
    only inside the import's transaction: they come back from their own definition before
    the commit, and a rollback (an error, a dry run) restores them as they were.
    """
    if connection.vendor != "sqlite" or not connection.in_atomic_block:
        yield
        return
    qn = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(f"PRAGMA index_list({qn(model._meta.db_table)})")
        # (seq, name, unique, origin, partial); origin "c": made by CREATE INDEX.
        namen = [rij[1] for rij in cursor.fetchall() if not rij[2] and rij[3] == "c"]
        definities = []
        for naam in namen:
            cursor.execute(
                "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = %s", [naam]
            )
            definities.append(cursor.fetchone()[0])
            cursor.execute(f"DROP INDEX {qn(naam)}")
    try:
        yield
    except BaseException:
        # Never commit this transaction without the indexes, whoever catches the error.
        transaction.set_rollback(True)
        raise
    with connection.cursor() as cursor:
        for definitie in definities:
            cursor.execute(definitie)


def _naar_model(veld: models.Field, verbinding):
    """How the ORM turns a stored value of this field into a model value; None: as it is."""
    kolom = veld.get_col(veld.model._meta.db_table)
    omzettingen = verbinding.ops.get_db_converters(kolom) + kolom.get_db_converters(verbinding)
    if not omzettingen:
        return None

    def naar_model(waarde):
        for omzetting in omzettingen:
            waarde = omzetting(waarde, kolom, verbinding)
        return waarde

    return naar_model


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
        self._kolomnamen = {veld.attname: veld.column for veld in velden}
        self._model = model
        self._naar_model = {veld.attname: _naar_model(veld, verbinding) for veld in velden}
        for i, veld in enumerate(velden):
            omzetting = _omzetting(veld, verbinding)
            standaard = _standaard(veld, nu)
            if omzetting and standaard is not None:
                standaard = omzetting(standaard)  # a constant: converted once
            self._positie[veld.attname] = i
            self._omzettingen.append(omzetting)
            standaarden.append(standaard)
        self._standaarden = tuple(standaarden)
        # SQLite keeps a UUID as its 32 hex digits; PostgreSQL has a uuid type.
        self._uuid_als_hex = not verbinding.features.has_native_uuid_field
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

    def rijen(self, kolommen: dict[str, Sequence], vast: dict, aantal: int) -> list[tuple]:
        """Rows from whole columns at once, for `aantal` rows.

        `kolommen` holds columns as the database takes them (see `kolom` and `uuids`), `vast`
        model values that every row shares; any other column gets its default.
        """
        delen = []
        for attr, i in self._positie.items():
            if attr in kolommen:
                delen.append(kolommen[attr])
            elif attr in vast:
                waarde, omzetting = vast[attr], self._omzettingen[i]
                if omzetting and waarde is not None:
                    waarde = omzetting(waarde)
                delen.append(repeat(waarde, aantal))
            else:
                delen.append(repeat(self._standaarden[i], aantal))
        # The constant columns repeat without end; the given columns have `aantal` rows.
        return list(zip(*delen, strict=False))

    def kolom(self, attr: str, waarden: list) -> list:
        """A column of model values as the database takes them.

        Converted once per distinct value: a column holds few distinct dates and times.
        """
        omzetting = self._omzettingen[self._positie[attr]]
        if omzetting is None:
            return waarden
        omgezet = {w: omzetting(w) for w in set(waarden) if w is not None}
        omgezet[None] = None
        return list(map(omgezet.__getitem__, waarden))

    def uuids(self, hexen: list) -> list:
        """A column of UUIDs given as 32 hex digits (or None), as the database takes them."""
        if self._uuid_als_hex:
            return hexen
        return [None if h is None else uuid.UUID(hex=h) for h in hexen]

    def opgeslagen(self, attrs: list[str], pks: list, stukgrootte: int) -> dict:
        """The stored values of `attrs` for these ids (as `uuids` gives them), by id.

        As the database driver gives them; `als_model` makes model values of them.
        """
        qn = connection.ops.quote_name
        meta = self._model._meta
        kolommen = ", ".join(qn(c) for c in [meta.pk.column, *map(self._kolomnamen.get, attrs)])
        uitkomst = {}
        with connection.cursor() as cursor:
            for begin in range(0, len(pks), stukgrootte):
                stuk = pks[begin : begin + stukgrootte]
                plekken = ", ".join(["%s"] * len(stuk))
                # Only model metadata goes into the text; every id is a query parameter.
                cursor.execute(
                    f"SELECT {kolommen} FROM {qn(meta.db_table)} "  # noqa: S608
                    f"WHERE {qn(meta.pk.column)} IN ({plekken})",
                    stuk,
                )
                uitkomst.update((rij[0], tuple(rij[1:])) for rij in cursor.fetchall())
        return uitkomst

    def als_model(self, attr: str, waarden: list) -> list:
        """A column as the database driver gives it, as model values (as the ORM reads it).

        Converted once per distinct value.
        """
        naar_model = self._naar_model[attr]
        if naar_model is None:
            return waarden
        omgezet = {w: naar_model(w) for w in set(waarden)}
        return list(map(omgezet.__getitem__, waarden))

    def voeg_in(self, rijen: list[tuple]) -> None:
        if rijen:
            with connection.cursor() as cursor:
                cursor.executemany(self.sql, rijen)
