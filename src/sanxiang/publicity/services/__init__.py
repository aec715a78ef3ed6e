"""Every write of the publicity app (STYLE 2)."""

from sanxiang.publicity.services.publications import (
    policy_for,
    publication_approve,
    publication_correct,
    publication_create_for_case,
    publication_publish,
    publication_return,
    publication_submit,
    publication_withdraw,
    publication_withdrawal_require,
    publications_collect,
    publications_remove_expired,
)
from sanxiang.publicity.services.reports import (
    yearly_report_data,
    yearly_report_generate,
    yearly_report_publish,
)

__all__ = [
    "policy_for",
    "publication_approve",
    "publication_correct",
    "publication_create_for_case",
    "publication_publish",
    "publication_return",
    "publication_submit",
    "publication_withdraw",
    "publication_withdrawal_require",
    "publications_collect",
    "publications_remove_expired",
    "yearly_report_data",
    "yearly_report_generate",
    "yearly_report_publish",
]
