"""Forms of the review pages; they only shape input, the services decide."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from sanxiang.cases.choices import DecisionOutcome
from sanxiang.cases.forms.base import YuanField, fen_or_zero
from sanxiang.registry.models import PenaltyType
from sanxiang.review.models import EscalationResult, Finding, ReviewItem, ReviewMaterial
from sanxiang.review.triggers import Proposal

# The penalty types an amount confiscated belongs to (LAW-APL-9 没收违法所得、没收非法财物).
_CONFISCATIONS = frozenset({PenaltyType.CONFISCATE_GAINS, PenaltyType.CONFISCATE_PROPERTY})


class SubmitForm(forms.Form):
    """The submission; with `with_proposal`, also the handling unit's proposed decision
    (SAMR-PROC-52 拟作出的决定), asked only while the case has no decision draft: the draft,
    once written, is what the review reads. Left empty, the current notice's penalty is
    reviewed."""

    materials = forms.MultipleChoiceField(
        label=_("Materials submitted"),
        choices=ReviewMaterial.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    note = forms.CharField(
        label=_("Note (after a return: what was corrected)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    outcome = forms.ChoiceField(
        label=_("Proposed decision"),
        choices=[("", _("The penalty of the notice")), *DecisionOutcome.choices],
        required=False,
        help_text=_(
            "What the handling unit proposes to decide, when it differs from the notice "
            "(for instance lighter after the party's statement or the hearing)."
        ),
    )
    penalty_types = forms.MultipleChoiceField(
        label=_("Proposed penalty types"),
        choices=PenaltyType.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    fine_yuan = YuanField(label=_("Proposed fine (yuan)"), required=False)
    confiscation_yuan = YuanField(
        label=_("Proposed confiscation of gains or property (yuan)"), required=False
    )

    PROPOSAL_FIELDS = ("outcome", "penalty_types", "fine_yuan", "confiscation_yuan")

    def __init__(self, *args: Any, with_proposal: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.with_proposal = with_proposal
        if not with_proposal:
            for name in self.PROPOSAL_FIELDS:
                del self.fields[name]
            return
        self.fields["outcome"].widget.attrs["class"] = "form-select"
        for name in ("fine_yuan", "confiscation_yuan"):
            self.fields[name].widget.attrs["class"] = "form-control"

    def submission_fields(self) -> list[Any]:
        return [self[name] for name in self.fields if name not in self.PROPOSAL_FIELDS]

    def proposal_fields(self) -> list[Any]:
        return [self[name] for name in self.PROPOSAL_FIELDS if name in self.fields]

    def clean(self) -> dict[str, Any] | None:
        data = super().clean() or {}
        if not self.with_proposal:
            return data
        outcome = data.get("outcome") or ""
        types = set(data.get("penalty_types") or ())
        fine, confiscation = data.get("fine_yuan"), data.get("confiscation_yuan")
        if not outcome:
            if types or fine or confiscation:
                self.add_error("outcome", _("Choose the proposed decision first."))
            return data
        if outcome != DecisionOutcome.PENALTY:
            if types or fine or confiscation:
                self.add_error(
                    "penalty_types",
                    _("Only a penalty decision has penalty types and amounts."),
                )
            return data
        if not types:
            self.add_error("penalty_types", _("Tick the penalty types proposed."))
        if fine and PenaltyType.FINE not in types:
            self.add_error("fine_yuan", _("A fine needs the penalty type Fine ticked."))
        if PenaltyType.FINE in types and not fine:
            self.add_error("fine_yuan", _("Give the amount of the proposed fine."))
        if confiscation and not types & _CONFISCATIONS:
            self.add_error(
                "confiscation_yuan",
                _("An amount confiscated needs a confiscation penalty type ticked."),
            )
        return data

    def proposal(self) -> Proposal | None:
        """The proposed decision in fen, or None to review the notice's penalty."""
        if not self.with_proposal or not self.cleaned_data.get("outcome"):
            return None
        return Proposal(
            outcome=self.cleaned_data["outcome"],
            penalty_types=frozenset(self.cleaned_data.get("penalty_types") or ()),
            fine_fen=fen_or_zero(self.cleaned_data.get("fine_yuan")),
            confiscation_fen=fen_or_zero(self.cleaned_data.get("confiscation_yuan")),
        )


class FlagsForm(forms.Form):
    public_interest = forms.BooleanField(
        label=_("The case concerns a major public interest"), required=False
    )
    reason = forms.CharField(
        label=_("Reason"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class AssignForm(forms.Form):
    reviewers = forms.MultipleChoiceField(
        label=_("Reviewers"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Leave empty to assign the least-loaded eligible reviewer."),
    )

    def __init__(self, *args: Any, choices: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["reviewers"]
        assert isinstance(field, forms.MultipleChoiceField)  # noqa: S101 - declared above
        field.choices = choices


class ChecklistForm(forms.Form):
    """One finding and note per GUO-118-13 item."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for item in ReviewItem:
            self.fields[f"finding_{item.value}"] = forms.ChoiceField(
                label=item.label, choices=Finding.choices, widget=forms.RadioSelect
            )
            self.fields[f"note_{item.value}"] = forms.CharField(
                label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2})
            )

    def findings(self) -> dict[str, tuple[str, str]]:
        return {
            item.value: (
                self.cleaned_data[f"finding_{item.value}"],
                self.cleaned_data.get(f"note_{item.value}", ""),
            )
            for item in ReviewItem
        }

    def item_rows(self) -> list[tuple[Any, Any]]:
        return [(self[f"finding_{i.value}"], self[f"note_{i.value}"]) for i in ReviewItem]


class ConcludeForm(forms.Form):
    conclusion = forms.ChoiceField(
        label=_("Conclusion"),
        choices=(("approve", _("Approve")), ("return", _("Return for correction"))),
        widget=forms.RadioSelect,
    )
    opinion = forms.CharField(label=_("Review opinion"), widget=forms.Textarea(attrs={"rows": 4}))


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}))


class EscalationDecisionForm(forms.Form):
    result = forms.ChoiceField(
        label=_("Decision"), choices=EscalationResult.choices, widget=forms.RadioSelect
    )
    opinion = forms.CharField(label=_("Opinion"), widget=forms.Textarea(attrs={"rows": 3}))


class FilingForm(forms.Form):
    filed_on = forms.DateField(label=_("Filed on"), widget=forms.DateInput(attrs={"type": "date"}))
    reference = forms.CharField(label=_("Filing reference"), max_length=64)
    office = forms.CharField(label=_("Filed with"), max_length=128, required=False)
