"""Pages of the legal review under /review/ (thin: selectors read, services write).

Out-of-scope reviews and cases answer 404 exactly like missing ones; actions a user may not
take answer 403 from the services' `PermissionDeniedError`.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from sanxiang.cases.access import access_case, may_change_case
from sanxiang.cases.choices import Track
from sanxiang.cases.models import Case, Decision
from sanxiang.core.errors import ApplicationError, NotFoundError, PermissionDeniedError
from sanxiang.registry.access import is_administrator
from sanxiang.registry.models import Agency, Role, User
from sanxiang.review import selectors, services
from sanxiang.review.access import access_review, is_assigned_reviewer, visible_reviews
from sanxiang.review.currency import latest_approved, review_covers
from sanxiang.review.forms import (
    AssignForm,
    ChecklistForm,
    ConcludeForm,
    EscalationDecisionForm,
    FilingForm,
    FlagsForm,
    ReasonForm,
    SubmitForm,
)
from sanxiang.review.models import ReviewCaseFlags, ReviewStatus, SupervisorFiling
from sanxiang.review.models.choices import ReviewStage
from sanxiang.review.services.submission import required_materials, stage_of
from sanxiang.review.triggers import case_triggers


def proposal_asked(case: Case) -> bool:
    """Whether the submission form asks for the proposed decision (SAMR-PROC-52): only a
    penalty case reviewed before its decision, while no decision is drafted — the draft,
    once written, is the decision reviewed (`review_submit`)."""
    return (
        stage_of(case) == ReviewStage.DECISION
        and case.track != Track.OTHER
        and not Decision.objects.filter(case=case).exists()
    )


class ReviewRequest(HttpRequest):
    user: User


def _case_or_404(user: User, case_id: int) -> Case:
    """The case if the user may see it — counsel only through a review assigned to them."""
    try:
        if user.role == Role.COUNSEL:
            if not visible_reviews(user).filter(case_id=case_id).exists():
                raise NotFoundError()
            return Case.objects.select_related("agency").get(pk=case_id)
        return access_case(user, case_id)
    except (NotFoundError, Case.DoesNotExist):
        raise Http404 from None


def _review_or_404(user: User, review_id: int) -> Any:
    try:
        return access_review(user, review_id)
    except NotFoundError:
        raise Http404 from None


@login_required
def inbox(request: ReviewRequest) -> HttpResponse:
    user = request.user
    view = request.GET.get(
        "view", "mine" if user.role in (Role.LEGAL_REVIEWER, Role.COUNSEL) else "open"
    )
    if view not in selectors.INBOX_VIEWS:
        view = "open"
    reviews = list(selectors.review_list(user=user, view=view)[:200])
    return render(
        request,
        "review/inbox.html",
        {
            "reviews": reviews,
            "view": view,
            "counts": selectors.inbox_counts(user=user),
            "filings": list(selectors.filings_list(user=user)[:50]),
            "today": timezone.localdate(),
        },
    )


def _case_context(request: ReviewRequest, case: Case, **forms: Any) -> dict[str, Any]:
    user = request.user
    rounds = selectors.case_reviews(case)
    stage = stage_of(case)  # a lead: the review before filing (GUO-14-04)
    approved = latest_approved(case, stage=stage)
    decision = getattr(case, "decision", None)
    flags = ReviewCaseFlags.objects.filter(case=case).first()
    return {
        "case": case,
        "triggers": case_triggers(case, stage=stage),
        "rounds": rounds,
        "approved": approved,
        "approved_current": approved is not None and review_covers(approved, case, decision),
        "open_round": next((r for r in rounds if r.is_open), None),
        "may_submit": may_change_case(user, case),
        "required": required_materials(case),
        "submit_form": forms.get("submit_form")
        or SubmitForm(
            initial={"materials": required_materials(case)},
            with_proposal=proposal_asked(case),
        ),
        "flags_form": forms.get("flags_form")
        or FlagsForm(
            initial={
                "public_interest": bool(flags and flags.public_interest),
                "reason": flags.public_interest_reason if flags else "",
            }
        ),
        "filing": SupervisorFiling.objects.filter(case=case).first(),
        "filing_form": forms.get("filing_form") or FilingForm(),
        "error": forms.get("error"),
    }


@login_required
def case_page(request: ReviewRequest, case_id: int) -> HttpResponse:
    """The triggers of a case, its review rounds and, for its staff, the submission form."""
    case = _case_or_404(request.user, case_id)
    if request.method == "POST":
        return _case_post(request, case)
    return render(request, "review/case.html", _case_context(request, case))


def _case_post(request: ReviewRequest, case: Case) -> HttpResponse:
    user = request.user
    action = request.POST.get("action")
    forms: dict[str, Any] = {}
    try:
        if action == "submit":
            form = SubmitForm(request.POST, with_proposal=proposal_asked(case))
            forms["submit_form"] = form
            if form.is_valid():
                review = services.review_submit(
                    case=case,
                    materials=form.cleaned_data["materials"],
                    note=form.cleaned_data["note"],
                    proposal=form.proposal(),
                    actor=user,
                )
                return HttpResponseRedirect(reverse("review:detail", args=[review.pk]))
        elif action == "flags":
            flags_form = FlagsForm(request.POST)
            forms["flags_form"] = flags_form
            if flags_form.is_valid():
                services.case_flags_set(
                    case=case,
                    public_interest=flags_form.cleaned_data["public_interest"],
                    reason=flags_form.cleaned_data["reason"],
                    actor=user,
                )
                return HttpResponseRedirect(reverse("review:case", args=[case.pk]))
        elif action == "filing":
            filing_form = FilingForm(request.POST)
            forms["filing_form"] = filing_form
            if filing_form.is_valid():
                services.filing_record(case=case, actor=user, **filing_form.cleaned_data)
                return HttpResponseRedirect(reverse("review:case", args=[case.pk]))
        else:
            raise Http404
    except PermissionDeniedError:
        raise PermissionDenied from None
    except ApplicationError as error:
        forms["error"] = error
    return render(request, "review/case.html", _case_context(request, case, **forms), status=400)


def _detail_context(request: ReviewRequest, review: Any, **forms: Any) -> dict[str, Any]:
    user = request.user
    case = review.case
    candidates = services.assignment_candidates(review) if review.is_open else []
    findings = {f.item: f for f in review.findings.all()}
    initial: dict[str, str] = {}
    for item, row in findings.items():
        initial[f"finding_{item}"] = row.finding
        initial[f"note_{item}"] = row.note
    assigned = is_assigned_reviewer(user, review)
    may_assign = user.agency_id == case.agency_id and user.role in (
        Role.LEGAL_REVIEWER,
        Role.AGENCY_HEAD,
    )
    return {
        "review": review,
        "case": case,
        "assignments": list(review.assignments.select_related("reviewer", "counsel")),
        "candidates": candidates,
        "may_assign": may_assign
        and review.status in (ReviewStatus.SUBMITTED, ReviewStatus.ASSIGNED),
        "may_review": assigned and review.status == ReviewStatus.ASSIGNED,
        "may_handle": may_change_case(user, case),
        "may_decide_escalation": user.role == Role.AGENCY_HEAD
        and user.agency_id == case.agency_id
        and review.status == ReviewStatus.ESCALATED,
        "findings": findings,
        "assign_form": forms.get("assign_form")
        or AssignForm(
            choices=[(str(c.user.pk), c.user.display_name) for c in candidates if c.eligible]
        ),
        "checklist_form": forms.get("checklist_form") or ChecklistForm(initial=initial),
        "conclude_form": forms.get("conclude_form") or ConcludeForm(),
        "reason_form": forms.get("reason_form") or ReasonForm(),
        "escalation_form": forms.get("escalation_form") or EscalationDecisionForm(),
        "error": forms.get("error"),
        "today": timezone.localdate(),
        "parties": list(case.parties.all()),
    }


@login_required
def detail(request: ReviewRequest, review_id: int) -> HttpResponse:
    review = _review_or_404(request.user, review_id)
    if request.method == "POST":
        return _detail_post(request, review)
    return render(request, "review/detail.html", _detail_context(request, review))


def _detail_post(request: ReviewRequest, review: Any) -> HttpResponse:
    user = request.user
    action = request.POST.get("action")
    forms: dict[str, Any] = {}
    try:
        if action == "assign":
            candidates = services.assignment_candidates(review)
            form = AssignForm(
                request.POST, choices=[(str(c.user.pk), c.user.display_name) for c in candidates]
            )
            forms["assign_form"] = form
            if form.is_valid():
                ids = [int(pk) for pk in form.cleaned_data["reviewers"]]
                chosen = [c.user for c in candidates if c.user.pk in ids]
                services.review_assign(review=review, reviewers=chosen, actor=user)
                return _back(review)
        elif action == "findings":
            checklist = ChecklistForm(request.POST)
            forms["checklist_form"] = checklist
            if checklist.is_valid():
                services.review_findings_record(
                    review=review, findings=checklist.findings(), actor=user
                )
                return _back(review)
        elif action == "conclude":
            conclude = ConcludeForm(request.POST)
            forms["conclude_form"] = conclude
            if conclude.is_valid():
                service = (
                    services.review_approve
                    if conclude.cleaned_data["conclusion"] == "approve"
                    else services.review_return
                )
                service(review=review, opinion=conclude.cleaned_data["opinion"], actor=user)
                return _back(review)
        elif action in ("escalate", "withdraw"):
            reason = ReasonForm(request.POST)
            forms["reason_form"] = reason
            if reason.is_valid():
                if action == "escalate":
                    services.review_escalate(
                        review=review, reason=reason.cleaned_data["reason"], actor=user
                    )
                else:
                    services.review_withdraw(
                        review=review, reason=reason.cleaned_data["reason"], actor=user
                    )
                return _back(review)
        elif action == "escalation":
            decision = EscalationDecisionForm(request.POST)
            forms["escalation_form"] = decision
            if decision.is_valid():
                services.review_escalation_decide(
                    review=review,
                    result=decision.cleaned_data["result"],
                    opinion=decision.cleaned_data["opinion"],
                    actor=user,
                )
                return _back(review)
        else:
            raise Http404
    except PermissionDeniedError:
        raise PermissionDenied from None
    except ApplicationError as error:
        forms["error"] = error
    review.refresh_from_db()
    return render(
        request, "review/detail.html", _detail_context(request, review, **forms), status=400
    )


def _back(review: Any) -> HttpResponse:
    return HttpResponseRedirect(reverse("review:detail", args=[review.pk]))


def _agencies_for(user: User) -> list[Agency]:
    if is_administrator(user):
        return list(Agency.objects.filter(officers__isnull=False).distinct().order_by("name"))
    if user.role == Role.SUPERVISOR:
        from sanxiang.registry.access import private_scope

        scope = private_scope(user)
        if scope.is_empty:
            return []
        return list(Agency.objects.filter(scope.q("pk")).order_by("name"))
    if user.agency_id is not None and user.role != Role.COUNSEL:
        return list(Agency.objects.filter(pk=user.agency_id))
    return []


@login_required
def staffing(request: ReviewRequest) -> HttpResponse:
    """Reviewers against GUO-118-11 and review statistics per agency in the user's scope."""
    agencies = _agencies_for(request.user)
    if not agencies:
        raise Http404
    rows = [
        {
            "agency": agency,
            "staffing": selectors.agency_staffing(agency=agency),
            "counsel": agency.counsel_pool.filter(is_active=True).count(),
            "stats": selectors.review_statistics(agency=agency),
        }
        for agency in agencies
    ]
    return render(request, "review/staffing.html", {"rows": rows})


@login_required
def catalogue_page(request: ReviewRequest) -> HttpResponse:
    """The major-decision catalogue that applies to the user's agency (GUO-118-12)."""
    user = request.user
    agency = user.agency if user.agency_id is not None else None
    rules = list(selectors.catalogue(agency=None if is_administrator(user) else agency))
    if is_administrator(user):
        rules = list(selectors.catalogue(agency=None)) + list(selectors.all_agency_rules())
    from sanxiang.review.models import ReviewPolicy

    policy = ReviewPolicy.for_agency(agency) if agency is not None else None
    return render(
        request, "review/catalogue.html", {"rules": rules, "agency": agency, "policy": policy}
    )


__all__ = ["case_page", "catalogue_page", "detail", "inbox", "require_POST", "staffing"]
