from django.urls import URLPattern, URLResolver, path

from sanxiang.documents import views

app_name = "documents"

urlpatterns: list[URLPattern | URLResolver] = [
    path("case/<int:case_id>/", views.case_documents, name="case"),
    path("case/<int:case_id>/<str:kind>/preview/", views.document_preview, name="preview"),
    path("case/<int:case_id>/<str:kind>/edit/", views.document_edit, name="edit"),
    path("case/<int:case_id>/<str:kind>/issue/", views.document_issue, name="issue"),
    path("case/<int:case_id>/case-file/", views.case_file_build, name="case_file_build"),
    path("case/<int:case_id>/archive/", views.case_file_archive, name="archive"),
    path("case/<int:case_id>/case-file.pdf", views.case_file_download, name="case_file"),
    path("<int:document_id>/print/", views.document_print, name="print"),
    path("<int:document_id>/<str:fmt>/", views.document_download, name="download"),
]
