"""Admin of laws and provisions, power items, discretion standards and the major-decision list."""

from __future__ import annotations

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from sanxiang.core.money import format_yuan
from sanxiang.registry.admin.spreadsheets import SpreadsheetModelAdmin
from sanxiang.registry.forms import DiscretionTierForm
from sanxiang.registry.models import (
    DiscretionStandard,
    DiscretionTier,
    Law,
    MajorDecisionRule,
    PowerItem,
    PowerItemBasis,
    Provision,
)
from sanxiang.registry.spreadsheets import discretion as discretion_sheet
from sanxiang.registry.spreadsheets import (
    discretion_standards_export,
    discretion_standards_import,
    power_items_export,
    power_items_import,
)
from sanxiang.registry.spreadsheets import power_items as power_item_sheet


class ProvisionInline(admin.TabularInline):
    model = Provision
    extra = 0
    fields = ("article", "paragraph", "item", "label", "text")


@admin.register(Law)
class LawAdmin(admin.ModelAdmin):
    """Each revision is its own row sharing a lineage (LAW-APL-37)."""

    list_display = ("title", "short_title", "level", "issuer", "effective_from", "effective_to")
    list_filter = ("level",)
    search_fields = ("title", "short_title", "lineage", "document_number")
    inlines = (ProvisionInline,)


@admin.register(Provision)
class ProvisionAdmin(admin.ModelAdmin):
    list_display = ("__str__", "law", "article", "paragraph", "item")
    search_fields = ("law__title", "law__short_title", "label", "text")
    autocomplete_fields = ("law",)
    list_select_related = ("law",)


class PowerItemBasisInline(admin.TabularInline):
    model = PowerItemBasis
    extra = 0
    fields = ("kind", "provision")
    autocomplete_fields = ("provision",)


@admin.register(PowerItem)
class PowerItemAdmin(SpreadsheetModelAdmin):
    list_display = ("code", "name", "act_type", "agency", "is_active")
    list_filter = ("act_type", "is_active", "agency")
    search_fields = ("code", "name", "violation", "agency__name")
    autocomplete_fields = ("agency",)
    list_select_related = ("agency",)
    inlines = (PowerItemBasisInline,)
    spreadsheet_import = staticmethod(power_items_import)
    spreadsheet_export = staticmethod(power_items_export)
    spreadsheet_file_name = power_item_sheet.FILE_NAME


class DiscretionTierInline(admin.StackedInline):
    """Stacked: a tier has too many fields for one table row. A fixed fine is entered in
    yuan; any other basis takes multiples instead (one tier, one basis)."""

    model = DiscretionTier
    form = DiscretionTierForm
    extra = 0
    fields = (
        ("order", "level", "party_scope"),
        "circumstance",
        "fine_basis",
        ("fine_min_yuan", "fine_max_yuan"),
        ("fine_min_multiple", "fine_max_multiple"),
        ("detention_days_min", "detention_days_max"),
        "penalty_types",
        "other_penalties",
    )


@admin.register(DiscretionStandard)
class DiscretionStandardAdmin(SpreadsheetModelAdmin):
    """Discretion standards are published (LAW-APL-34, TJ-SUP-12/13)."""

    list_display = ("code", "title", "power_item", "agency", "effective_from", "effective_to")
    list_filter = ("power_item__agency",)
    search_fields = ("code", "title", "power_item__code", "power_item__name")
    autocomplete_fields = ("power_item",)
    list_select_related = ("power_item__agency",)
    inlines = (DiscretionTierInline,)
    spreadsheet_import = staticmethod(discretion_standards_import)
    spreadsheet_export = staticmethod(discretion_standards_export)
    spreadsheet_file_name = discretion_sheet.FILE_NAME

    @admin.display(description=_("agency"), ordering="power_item__agency__name")
    def agency(self, obj: DiscretionStandard) -> str:
        return obj.power_item.agency.name


@admin.register(MajorDecisionRule)
class MajorDecisionRuleAdmin(admin.ModelAdmin):
    """The 重大执法决定法制审核目录清单 (GUO-118-12, LAW-APL-58, TJ-SUP-14)."""

    list_display = (
        "name",
        "agency",
        "trigger",
        "act_type",
        "penalty_type",
        "party_scope",
        "amount",
        "is_active",
    )
    list_filter = ("trigger", "is_active", "act_type", "party_scope")
    search_fields = ("name", "legal_basis", "agency__name")
    autocomplete_fields = ("agency",)
    list_select_related = ("agency",)

    @admin.display(description=_("amount threshold (yuan)"), ordering="amount_fen")
    def amount(self, obj: MajorDecisionRule) -> str:
        return "" if obj.amount_fen is None else format_yuan(obj.amount_fen)
