from django.urls import path

from samenspel.referrals import views, views_api, views_bewoner, views_link

app_name = "referrals"
urlpatterns = [
    # Logged in: sender and receiver
    path("verwijzingen/", views.inbox, name="inbox"),
    path("verwijzingen/nieuw/<uuid:pk>/", views.nieuw, name="nieuw"),
    path("verwijzingen/plek/<uuid:pk>/", views.plekvraag, name="plekvraag"),
    path("verwijzingen/cijfers/", views.cijfers_pagina, name="cijfers"),
    path("verwijzingen/ontvangst/<uuid:pk>/", views.ontvangst, name="ontvangst"),
    path("verwijzingen/<uuid:pk>/", views.detail, name="detail"),
    # Without an account: links in the receiving service's e-mail
    path("verwijzingen/<uuid:pk>/antwoord/<str:token>/", views_link.antwoord, name="antwoord"),
    path(
        "verwijzingen/ontvangst/<uuid:pk>/<str:token>/",
        views_link.ontvangst_link,
        name="ontvangst_link",
    ),
    # JSON
    path("verwijzingen/api/", views_api.lijst, name="api_lijst"),
    path("verwijzingen/api/cijfers/", views_api.cijfers_api, name="api_cijfers"),
    path("verwijzingen/api/<uuid:pk>/", views_api.detail, name="api_detail"),
    # The resident
    path("meedoen/<uuid:pk>/", views_bewoner.meedoen, name="meedoen"),
    path("meedoen/verstuurd/", views_bewoner.meedoen_verstuurd, name="meedoen_verstuurd"),
    path("mijn/<str:token>/", views_bewoner.mijn, name="mijn"),
    path("mijn/<str:token>/download/", views_bewoner.download, name="download"),
    path("mijn/<str:token>/wissen/", views_bewoner.wissen, name="wissen"),
    path(
        "mijn/<str:token>/<uuid:pk>/toestemming/",
        views_bewoner.toestemming,
        name="toestemming",
    ),
    path("mijn/<str:token>/<uuid:pk>/intrekken/", views_bewoner.intrekken, name="intrekken"),
    path(
        "mijn/<str:token>/<uuid:pk>/terugkoppeling/",
        views_bewoner.terugkoppeling,
        name="terugkoppeling",
    ),
]
