"""The Django admin, where administrators maintain master data, carries the platform's name."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

admin.site.site_header = _("Sanxiang platform administration")
admin.site.site_title = _("Sanxiang administration")
admin.site.index_title = _("Master data maintenance")
