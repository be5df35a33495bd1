from django.urls import path

from samenspel.wegwijzer import views, views_wijk

app_name = "wegwijzer"
urlpatterns = [
    path("wegwijzer/", views.wegwijzer, name="wegwijzer"),
    path("wegwijzer/zet/", views.zet, name="zet"),
    path("wijk/<str:code>/", views_wijk.wijk, name="wijk"),
    path("wijk/<str:code>/wijkwijzer/", views_wijk.wijkwijzer, name="wijkwijzer"),
]
