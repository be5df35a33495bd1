from django.urls import path

from . import views

app_name = "wijkscan"
urlpatterns: list = [
    path("", views.start, name="start"),
    path("<str:code>/", views.gemeente, name="gemeente"),
    path("<str:code>/openbaar/", views.openbaar, name="openbaar"),
]

# oordeel: criteria, rounds of local judgement, and the partner's page behind a signed link.
from . import views_oordeel  # noqa: E402

urlpatterns += [
    path("link/oordeel/<int:pk>/<str:token>/", views_oordeel.partner, name="oordeel_partner"),
    path("<str:code>/criteria/", views_oordeel.criteria, name="oordeel_criteria"),
    path(
        "<str:code>/criteria/<slug:bouwsteen>/",
        views_oordeel.criteria_bouwsteen,
        name="oordeel_criteria_bouwsteen",
    ),
    path("<str:code>/oordelen/", views_oordeel.rondes, name="oordeel_rondes"),
    path("<str:code>/oordelen/start/", views_oordeel.start, name="oordeel_start"),
    path("<str:code>/oordelen/<int:pk>/", views_oordeel.ronde, name="oordeel_ronde"),
    path(
        "<str:code>/oordelen/<int:pk>/uitnodigen/",
        views_oordeel.uitnodigen,
        name="oordeel_uitnodigen",
    ),
    path("<str:code>/oordelen/<int:pk>/sluiten/", views_oordeel.sluiten, name="oordeel_sluiten"),
    path("<str:code>/oordelen/<int:pk>/kaartjes/", views_oordeel.kaartjes, name="oordeel_kaartjes"),
    path(
        "<str:code>/wijk/<str:wijk>/oordelen/",
        views_oordeel.geschiedenis,
        name="oordeel_geschiedenis",
    ),
]
