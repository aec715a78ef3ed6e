"""Forms of the case pages: one per action, each a thin layer over the matching service."""

from sanxiang.cases.forms.base import ActionForm
from sanxiang.cases.forms.filters import CaseFilterForm

__all__ = ["ActionForm", "CaseFilterForm"]
