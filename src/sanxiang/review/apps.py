from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewConfig(AppConfig):
    name = "sanxiang.review"
    label = "review"
    verbose_name = _("Legal review")

    def ready(self) -> None:
        from sanxiang.cases.events import register_event_labels
        from sanxiang.cases.workflow.engine import register_guard
        from sanxiang.ledger.sources import register_leaf_source
        from sanxiang.review.guards import legal_review_approved, legal_review_before_filing
        from sanxiang.review.ledger import LEDGER_KIND, review_rebuild, review_refs

        # LAW-APL-58: the hard gate of the decision replaces the cases placeholder.
        # Checked when the head makes the decision: the review is of the drafted decision, so
        # drafting it (which submits the approval) cannot wait for the review.
        register_guard(
            "decide", legal_review_approved, replaces="legal_review_gate", at_move_only=True
        )
        # GUO-14-04 (the pilot practice): review before filing, where the agency chose it.
        # Checked at the final filing approval: the review is of the lead as submitted for filing.
        register_guard("file", legal_review_before_filing, at_move_only=True)
        # GUO-118-12: a major decision of another act type (catalogue by act type) as well.
        register_guard("act_decide", legal_review_approved)
        register_leaf_source(LEDGER_KIND, review_rebuild, list_refs=review_refs)
        register_event_labels(
            {
                "review.submitted": _("Submitted for legal review"),
                "review.resubmitted": _("Resubmitted for legal review after correction"),
                "review.assigned": _("Legal review assigned"),
                "review.findings_recorded": _("Legal review findings recorded"),
                "review.approved": _("Legal review approved"),
                "review.returned": _("Legal review returned for correction"),
                "review.escalated": _("Legal review disagreement escalated to the agency head"),
                "review.escalation_decided": _("Agency head decided the review disagreement"),
                "review.withdrawn": _("Legal review withdrawn"),
                "review.reminded": _("Legal review time limit approaching"),
                "review.overdue": _("Legal review overdue"),
                "review.flags_changed": _("Major public interest flag changed"),
                "review.filed_with_supervisor": _(
                    "Major decision filed with the supervising office"
                ),
                "review.filing_reminder": _("Filing with the supervising office due soon"),
                "review.filing_overdue": _("Filing with the supervising office overdue"),
            }
        )
