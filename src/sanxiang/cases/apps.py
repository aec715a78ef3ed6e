from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    name = "sanxiang.cases"
    label = "cases"
    verbose_name = _("Cases")

    def ready(self) -> None:
        # Every case event is a ledger leaf: tell `sanxiang ledger verify` how to rebuild it.
        from sanxiang.cases.events import (
            LEDGER_KIND,
            STATE_LEDGER_KIND,
            case_event_rebuild,
            case_event_refs,
            case_state_rebuild,
            case_state_refs,
        )
        from sanxiang.ledger.sources import register_leaf_source

        register_leaf_source(LEDGER_KIND, case_event_rebuild, list_refs=case_event_refs)
        # The case's state after its latest event: a field changed behind the ledger's back.
        register_leaf_source(STATE_LEDGER_KIND, case_state_rebuild, list_refs=case_state_refs)
