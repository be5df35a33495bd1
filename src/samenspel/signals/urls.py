from django.urls import path  # noqa: F401 (each part appends its patterns)

app_name = "signals"
urlpatterns: list = []

# --- buurtsignaal -------------------------------------------------------------------------
from samenspel.signals import views_buurtsignaal as buurt  # noqa: E402

urlpatterns += [
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
