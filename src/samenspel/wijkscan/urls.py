from django.urls import path

from . import views

app_name = "wijkscan"
urlpatterns: list = [
    path("", views.start, name="start"),
    path("<str:code>/", views.gemeente, name="gemeente"),
    path("<str:code>/openbaar/", views.openbaar, name="openbaar"),
]

# acties: the gap list and the action list
from . import views_acties  # noqa: E402

urlpatterns += [
    path("<str:code>/gaten/", views_acties.gaten, name="gaten"),
    path("<str:code>/acties/", views_acties.lijst, name="acties"),
    path("<str:code>/acties/nieuw/", views_acties.nieuw, name="actie_nieuw"),
    path("<str:code>/acties/<int:pk>/", views_acties.actie, name="actie"),
    path("<str:code>/acties/<int:pk>/bewerken/", views_acties.bewerken, name="actie_bewerken"),
    path("<str:code>/etmaal/", views_acties.etmaal, name="etmaal"),
]
