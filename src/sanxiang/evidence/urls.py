from django.urls import URLPattern, URLResolver, path

from sanxiang.evidence import tus, views

app_name = "evidence"

urlpatterns: list[URLPattern | URLResolver] = [
    path("cases/<int:case_id>/", views.case_evidence, name="case"),
    path("cases/<int:case_id>/panel/", views.case_panel, name="case_panel"),
    path("cases/<int:case_id>/reasons/", views.case_av_reason, name="case_av_reason"),
    path("cases/<int:case_id>/uploads/", tus.upload_create, name="upload_create"),
    path("uploads/<str:session_id>/", tus.upload_resource, name="upload"),
    path("items/<int:pk>/", views.item_detail, name="item"),
    path("items/<int:pk>/file", views.item_file, name="item_file"),
    path("items/<int:pk>/thumbnail", views.item_thumbnail, name="item_thumbnail"),
    path("items/<int:pk>/verify", views.item_verify, name="item_verify"),
    path("items/<int:pk>/basis", views.item_basis, name="item_basis"),
    path("items/<int:pk>/transfer", views.item_transfer, name="item_transfer"),
    path("devices/", views.devices, name="devices"),
]
