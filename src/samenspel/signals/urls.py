from django.urls import path

from . import views_buurtsignaal as buurt
from . import views_meldroute, views_zorg

app_name = "signals"
urlpatterns: list = [
    # Ik maak me zorgen: the route for a worry, at once, storing nothing.
    path("", views_meldroute.start, name="start"),
    # What a logged-in user can do with signalen: "Signalen" in the menu.
    path("mijn/", views_meldroute.mijn, name="mijn"),
    path("meldroute/<str:code>/", views_meldroute.overzicht, name="overzicht"),
    path("meldroute/<str:code>/<str:wie>/<str:urgentie>/", views_meldroute.route, name="route"),
    # A gemeente's own phone routes, set by a beheerder.
    path("routes/", views_meldroute.routes, name="routes"),
    path("routes/nieuw/", views_meldroute.route_nieuw, name="route_nieuw"),
    path("routes/<int:pk>/wijzigen/", views_meldroute.route_wijzigen, name="route_wijzigen"),
    path(
        "routes/<int:pk>/verwijderen/",
        views_meldroute.route_verwijderen,
        name="route_verwijderen",
    ),
    # A worry about a person, handed to the team that acts; forwarding.
    path("zorg/doorgeven/", views_zorg.doorgeven, name="doorgeven"),
    path("zorg/<int:pk>/status/<str:token>/", views_zorg.zorg_status, name="zorg_status"),
    path(
        "zorg/<int:pk>/status/<str:token>/download/",
        views_zorg.zorg_download,
        name="zorg_download",
    ),
    path("zorg/<int:pk>/status/<str:token>/wissen/", views_zorg.zorg_wissen, name="zorg_wissen"),
    path("zorg/team/<uuid:team>/", views_zorg.zorg_inbox, name="zorg_inbox"),
    path("zorg/<int:pk>/", views_zorg.zorg_detail, name="zorg_detail"),
    path("zorg/<int:pk>/status/", views_zorg.zorg_bijwerken, name="zorg_bijwerken"),
    path("zorg/<int:pk>/doorsturen/", views_zorg.zorg_doorsturen, name="zorg_doorsturen"),
    path("zorg/tellingen/", views_zorg.zorg_tellingen, name="zorg_tellingen"),
    # Which team receives which worry for which wijk, set by a beheerder.
    path("routeregels/", views_zorg.routes, name="routeregels"),
    path("routeregels/nieuw/", views_zorg.route_bewerken, name="routeregel_nieuw"),
    path("routeregels/<int:pk>/", views_zorg.route_bewerken, name="routeregel_bewerken"),
    path(
        "routeregels/<int:pk>/verwijderen/",
        views_zorg.route_verwijderen,
        name="routeregel_verwijderen",
    ),
    path("routeregels/proef/", views_zorg.route_proef, name="routeregel_proef"),
    # Signals about the neighbourhood, for the netwerkhouder and the wijkagenda.
    path("buurt/", buurt.sturen, name="buurtsignaal_sturen"),
    path("buurt/verstuurd/", buurt.verstuurd, name="buurtsignaal_verstuurd"),
    path("buurtsignalen/", buurt.lijst, name="buurtsignalen"),
    path("buurtsignalen/<int:pk>/", buurt.signaal, name="buurtsignaal"),
    path("buurtsignalen/<int:pk>/agenda/", buurt.op_agenda, name="buurtsignaal_op_agenda"),
    path("wijkagenda/<str:code>/", buurt.wijkagenda, name="wijkagenda"),
    path("wijkagenda/punt/<int:pk>/status/", buurt.agendastatus, name="agendapunt_status"),
    path("wijk/<str:code>/", buurt.openbaar, name="buurtsignalen_openbaar"),
    path("tellingen/<str:code>/", buurt.tellingen, name="buurtsignaal_tellingen"),
]
