from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvidenceConfig(AppConfig):
    name = "sanxiang.evidence"
    label = "evidence"
    verbose_name = _("Evidence")

    def ready(self) -> None:
        from sanxiang.cases.events import register_event_labels
        from sanxiang.cases.workflow.engine import register_guard
        from sanxiang.evidence.checklist import guard_av_records
        from sanxiang.evidence.integrity import (
            LEDGER_KIND,
            evidence_file_problem,
            evidence_rebuild,
            evidence_refs,
        )
        from sanxiang.ledger.sources import register_file_check, register_leaf_source

        register_event_labels(
            {
                "evidence.attached": _("Evidence attached"),
                "evidence.basis_marked": _("Evidence marked as a basis of the decision"),
                "evidence.basis_unmarked": _("Evidence no longer a basis of the decision"),
                "evidence.integrity_failed": _("Evidence file failed its integrity check"),
                "evidence.transferred": _("Evidence handed over"),
                "evidence.av_reason_recorded": _("Reason for no video recorded"),
            }
        )
        # GUO-118-08: no case closes while an act of the audio-video matrix lacks its record.
        register_guard("close", guard_av_records)
        register_guard("act_close", guard_av_records)
        # Every evidence file's hashes are a ledger leaf; `sanxiang ledger verify` re-hashes it.
        register_leaf_source(LEDGER_KIND, evidence_rebuild, list_refs=evidence_refs)
        register_file_check(LEDGER_KIND, evidence_file_problem)
