from django.urls import path

from . import views, views_acties, views_oordeel, views_uitvoer, views_verwachting

app_name = "wijkscan"
urlpatterns: list = [
    path("", views.start, name="start"),
    # The partner's own page, opened with a signed link, without an account.
    path("link/oordeel/<int:pk>/<str:token>/", views_oordeel.partner, name="oordeel_partner"),
    path("<str:code>/", views.gemeente, name="gemeente"),
    path("<str:code>/openbaar/", views.openbaar, name="openbaar"),
    # The matrix, its map, comparing wijken, the trend, print and downloads.
    path("<str:code>/matrix/", views_uitvoer.matrix, name="matrix"),
    path("<str:code>/matrix/wijk/<str:wijk>/", views_uitvoer.matrix, name="matrix_wijk"),
    path("<str:code>/matrix/afdrukken/", views_uitvoer.afdruk, name="afdruk"),
    path("<str:code>/matrix/wijkscan.csv", views_uitvoer.download_csv, name="csv"),
    path("<str:code>/matrix/wijkscan.xlsx", views_uitvoer.download_xlsx, name="xlsx"),
    path("<str:code>/kaart/", views_uitvoer.kaart, name="kaart"),
    path("<str:code>/vergelijken/", views_uitvoer.vergelijk, name="vergelijk"),
    path("<str:code>/trend/<str:gebied>/", views_uitvoer.trend, name="trend"),
    path("<str:code>/stand/", views_uitvoer.stand_vastleggen, name="stand"),
    path("<str:code>/etmaal/", views_acties.etmaal, name="etmaal"),
    # Expected versus present, what professionals know, draagkracht and draaglast.
    path("<str:code>/verwachting/", views_verwachting.formules, name="verwachting_formules"),
    path("<str:code>/verwachting/marge/", views_verwachting.marge, name="verwachting_marge"),
    path(
        "<str:code>/verwachting/formule/<str:bouwsteen>/",
        views_verwachting.formule,
        name="verwachting_formule",
    ),
    path(
        "<str:code>/verwachting/formule/<str:bouwsteen>/standaard/",
        views_verwachting.standaard,
        name="verwachting_standaard",
    ),
    path(
        "<str:code>/verwachting/signalen/", views_verwachting.signalen, name="verwachting_signalen"
    ),
    path(
        "<str:code>/verwachting/kennis/<str:gebied>/<str:bouwsteen>/",
        views_verwachting.kennis,
        name="verwachting_kennis",
    ),
    path("<str:code>/draagkracht/", views_verwachting.draag, name="draag"),
    path(
        "<str:code>/draagkracht/<str:soort>/", views_verwachting.draagformule, name="draag_formule"
    ),
    path(
        "<str:code>/draagkracht/<str:soort>/standaard/",
        views_verwachting.draagstandaard,
        name="draag_standaard",
    ),
    # Local judgement: criteria, rounds, the history per wijk.
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
    # Gaps and actions.
    path("<str:code>/gaten/", views_acties.gaten, name="gaten"),
    path("<str:code>/acties/", views_acties.lijst, name="acties"),
    path("<str:code>/acties/nieuw/", views_acties.nieuw, name="actie_nieuw"),
    path("<str:code>/acties/<int:pk>/", views_acties.actie, name="actie"),
    path("<str:code>/acties/<int:pk>/bewerken/", views_acties.bewerken, name="actie_bewerken"),
]
