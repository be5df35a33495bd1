from django.urls import path

from . import views_beeld, views_overdracht, views_personen, views_verbinder
from . import views_bijeenkomsten as bijeenkomsten

app_name = "network"
urlpatterns: list = [
    path(
        "verbinder/<uuid:pk>/<uuid:persoon>/",
        views_verbinder.vraag_verbinder,
        name="vraag_verbinder",
    ),
    path("samen/", views_verbinder.samen_lijst, name="samen_lijst"),
    path("samen/nieuw/", views_verbinder.samen_nieuw, name="samen_nieuw"),
    path("samen/<uuid:pk>/", views_verbinder.samen, name="samen"),
    path("samen/<uuid:pk>/gehouden/", views_verbinder.samen_gehouden, name="samen_gehouden"),
    path("samen/<uuid:pk>/intrekken/", views_verbinder.samen_intrekken, name="samen_intrekken"),
    path(
        "samen/<uuid:pk>/antwoord/<str:token>/",
        views_verbinder.samen_antwoord,
        name="samen_antwoord",
    ),
    path("persoon/<uuid:pk>/vertrek/", views_overdracht.vertrek, name="vertrek"),
    path("overdracht/", views_overdracht.overdracht_pagina, name="overdracht"),
    # Network meetings
    path("bijeenkomsten/", bijeenkomsten.reeksen, name="reeksen"),
    path("bijeenkomsten/nieuw/", bijeenkomsten.reeks_nieuw, name="reeks_nieuw"),
    path("bijeenkomsten/<uuid:pk>/", bijeenkomsten.reeks, name="reeks"),
    path("bijeenkomsten/agenda/<str:token>.ics", bijeenkomsten.ical_reeks, name="ical_reeks"),
    path("bijeenkomst/<uuid:pk>/", bijeenkomsten.bijeenkomst, name="bijeenkomst"),
    path("bijeenkomst/<uuid:pk>/uitnodigen/", bijeenkomsten.uitnodigen, name="uitnodigen"),
    path("uitnodiging/<str:token>/", bijeenkomsten.rsvp, name="rsvp"),
    path(
        "uitnodiging/<str:token>/kennisgemaakt/",
        bijeenkomsten.kennisgemaakt,
        name="kennisgemaakt",
    ),
    path("agenda/<str:token>.ics", bijeenkomsten.ical_persoon, name="ical_persoon"),
    path("organisatie/<uuid:pk>/", views_personen.organisatie, name="organisatie"),
    path(
        "organisatie/<uuid:pk>/persoon-toevoegen/",
        views_personen.persoon_nieuw,
        name="persoon_nieuw",
    ),
    path("organisatie/<uuid:pk>/band-toevoegen/", views_personen.band_nieuw, name="band_nieuw"),
    path("persoon/<uuid:pk>/", views_personen.persoon, name="persoon"),
    path("persoon/<uuid:pk>/link-sturen/", views_personen.instemlink, name="instemlink"),
    path("band/<uuid:pk>/contact/", views_personen.contact, name="contact"),
    path("ik/<uuid:pk>/<str:token>/instemmen/", views_personen.instemmen, name="instemmen"),
    path("ik/<uuid:pk>/<str:token>/", views_personen.mijn_gegevens, name="mijn_gegevens"),
    path("ik/<uuid:pk>/<str:token>/download/", views_personen.mijn_download, name="mijn_download"),
    path("ik/<uuid:pk>/<str:token>/wissen/", views_personen.mijn_wissen, name="mijn_wissen"),
    path("", views_beeld.overzicht, name="overzicht"),
    path("gebied/<str:code>/", views_beeld.gebied, name="gebied"),
    path("gebied/<str:code>/wat-als/<uuid:persoon>/", views_beeld.wat_als, name="wat_als"),
    path("gebied/<str:code>/afdruk/", views_beeld.afdruk, name="afdruk"),
    path("gebied/<str:code>/web.graphml", views_beeld.graphml, name="graphml"),
    path("gebied/<str:code>/web.gexf", views_beeld.gexf, name="gexf"),
]
