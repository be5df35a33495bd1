from django.urls import path

from . import views_bijeenkomsten as bijeenkomsten

app_name = "network"
urlpatterns: list = [
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
]
