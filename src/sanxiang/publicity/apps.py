from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublicityConfig(AppConfig):
    name = "sanxiang.publicity"
    label = "publicity"
    verbose_name = _("Publicity")

    def ready(self) -> None:
        # Each publication and withdrawal is a ledger leaf: tell `sanxiang ledger verify` how
        # to rebuild them from the rows (docs/ledger.md).
        from sanxiang.ledger.sources import register_leaf_source
        from sanxiang.publicity.ledger_leaves import (
            PUBLICATION_KIND,
            WITHDRAWAL_KIND,
            publication_rebuild,
            publication_refs,
            withdrawal_rebuild,
            withdrawal_refs,
        )

        register_leaf_source(PUBLICATION_KIND, publication_rebuild, list_refs=publication_refs)
        register_leaf_source(WITHDRAWAL_KIND, withdrawal_rebuild, list_refs=withdrawal_refs)
