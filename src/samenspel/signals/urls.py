from django.urls import path  # noqa: F401 (each part appends its patterns)

app_name = "signals"
urlpatterns: list = []

# --- zorg: a worry about a person, forwarding, routing rules ---
from samenspel.signals import views_zorg  # noqa: E402

urlpatterns += [
    path("zorg/doorgeven/", views_zorg.doorgeven, name="doorgeven"),
    path("zorg/<int:pk>/status/<str:token>/", views_zorg.zorg_status, name="zorg_status"),
    path("zorg/team/<uuid:team>/", views_zorg.zorg_inbox, name="zorg_inbox"),
    path("zorg/<int:pk>/", views_zorg.zorg_detail, name="zorg_detail"),
    path("zorg/<int:pk>/status/", views_zorg.zorg_bijwerken, name="zorg_bijwerken"),
    path("zorg/<int:pk>/doorsturen/", views_zorg.zorg_doorsturen, name="zorg_doorsturen"),
    path("zorg/tellingen/", views_zorg.zorg_tellingen, name="zorg_tellingen"),
    path("routeregels/", views_zorg.routes, name="routeregels"),
    path("routeregels/nieuw/", views_zorg.route_bewerken, name="routeregel_nieuw"),
    path("routeregels/<int:pk>/", views_zorg.route_bewerken, name="routeregel_bewerken"),
    path(
        "routeregels/<int:pk>/verwijderen/",
        views_zorg.route_verwijderen,
        name="routeregel_verwijderen",
    ),
    path("routeregels/proef/", views_zorg.route_proef, name="routeregel_proef"),
]
