from django.urls import path  # noqa: F401 (each part appends its patterns)

from . import views_meldroute

app_name = "signals"
urlpatterns: list = []

# --- meldroute ---
urlpatterns += [
    path("", views_meldroute.start, name="start"),
    path("routes/", views_meldroute.routes, name="routes"),
    path("routes/nieuw/", views_meldroute.route_nieuw, name="route_nieuw"),
    path("routes/<int:pk>/wijzigen/", views_meldroute.route_wijzigen, name="route_wijzigen"),
    path(
        "routes/<int:pk>/verwijderen/",
        views_meldroute.route_verwijderen,
        name="route_verwijderen",
    ),
    path("meldroute/<str:code>/", views_meldroute.overzicht, name="overzicht"),
    path("meldroute/<str:code>/<str:wie>/<str:urgentie>/", views_meldroute.route, name="route"),
]
