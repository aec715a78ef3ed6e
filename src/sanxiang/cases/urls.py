"""Case pages under /office/cases/ (the inbox is /office/inbox/, routed by the web shell)."""

from django.urls import path

from sanxiang.cases import views

app_name = "cases"

urlpatterns = [
    path("", views.case_list, name="list"),
    path("new/", views.lead_new, name="lead_new"),
    path("on-spot/new/", views.on_spot_new, name="on_spot_new"),
    path("acts/new/", views.act_new, name="act_new"),
    path("<int:case_id>/", views.case_detail, name="detail"),
    path(
        "<int:case_id>/do/notice-draft/preview/",
        views.hearing_preview,
        name="hearing_preview",
    ),
    path("<int:case_id>/do/<slug:slug>/", views.case_action, name="action"),
    path("<int:case_id>/do/<slug:slug>/<int:target_id>/", views.case_action, name="target_action"),
]
