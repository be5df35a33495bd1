"""The database side of search: a change log that every app process follows.

The search index lives in each process's memory and is derived from the database. Saving a
listing writes a row here in the same transaction; each process reads the rows written since
its last look before answering a query, so every app server behind a load balancer stays
current without a shared index server.
"""

from django.db import models


class Zoekwijziging(models.Model):
    service_id = models.UUIDField()
    op = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = "zoekindexwijziging"
        verbose_name_plural = "zoekindexwijzigingen"

    def __str__(self) -> str:
        return f"{self.service_id} op {self.op}"
