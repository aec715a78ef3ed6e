"""URL map: public portal at /, staff workspace at /office/, API at /api/v1/, admin at /admin/."""

from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path

from sanxiang.cases.api import router as cases_router
from sanxiang.cases.api import workspace_router
from sanxiang.config.api import api
from sanxiang.documents.api import router as documents_router
from sanxiang.evidence.api import router as evidence_router
from sanxiang.ledger.api import router as ledger_router
from sanxiang.publicity.api import router as publicity_router
from sanxiang.registry.api import router as registry_router
from sanxiang.review.api import router as review_router

api.add_router("/registry/", registry_router)
api.add_router("/ledger/", ledger_router)
api.add_router("/cases/", cases_router)
api.add_router("/review/", review_router)
api.add_router("/documents/", documents_router)
api.add_router("/evidence/", evidence_router)
api.add_router("/public/", publicity_router)
api.add_router("/", workspace_router)

urlpatterns: list[URLPattern | URLResolver] = [
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("ledger/", include("sanxiang.ledger.urls")),
    path("office/cases/", include("sanxiang.cases.urls")),
    path("office/documents/", include("sanxiang.documents.urls")),
    path("office/evidence/", include("sanxiang.evidence.urls")),
    path("review/", include("sanxiang.review.urls")),
    path("public/", include("sanxiang.publicity.urls")),
    path("", include("sanxiang.web.urls")),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
