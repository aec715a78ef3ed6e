from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    name = "sanxiang.cases"
    label = "cases"
    verbose_name = _("Cases")

    def ready(self) -> None:
        # Every case event is a ledger leaf: tell `sanxiang ledger verify` how to rebuild it.
        from sanxiang.cases.events import LEDGER_KIND, case_event_rebuild, case_event_refs
        from sanxiang.ledger.sources import register_leaf_source

        register_leaf_source(LEDGER_KIND, case_event_rebuild, list_refs=case_event_refs)
