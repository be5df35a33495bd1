from django.urls import path  # noqa: F401 (each page of the web adds its path here)

from . import views_overdracht

app_name = "network"
urlpatterns: list = [
    path("persoon/<uuid:pk>/vertrek/", views_overdracht.vertrek, name="vertrek"),
    path("overdracht/", views_overdracht.overdracht_pagina, name="overdracht"),
]
