from django.urls import URLPattern, URLResolver, path

from sanxiang.review import views

app_name = "review"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.inbox, name="inbox"),
    path("<int:review_id>/", views.detail, name="detail"),
    path("cases/<int:case_id>/", views.case_page, name="case"),
    path("staffing/", views.staffing, name="staffing"),
    path("catalogue/", views.catalogue_page, name="catalogue"),
]
