"""The case's record: append-only events (STYLE 6) and the deadlines the law sets."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NoReturn

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sanxiang.cases.choices import DeadlineHolder, DeadlineKind, DeadlineStatus
from sanxiang.cases.models.cases import Case
from sanxiang.ledger.commitments import new_salt

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


class AppendOnlyError(RuntimeError):
    """An attempt to change or delete a case event: the record is append-only (LAW-APL-47)."""


class CaseEventQuerySet(models.QuerySet["CaseEvent"]):
    """Refuses bulk changes: events are only ever inserted."""

    def update(self, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("Case events cannot be updated.")

    def delete(self) -> NoReturn:
        raise AppendOnlyError("Case events cannot be deleted.")

    def bulk_update(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("Case events cannot be updated.")


class CaseEvent(models.Model):
    """One entry of a case's full-process record (全过程记录, LAW-APL-47; STYLE 6).

    Who did what and when, with what changed (`data`, e.g. {"changes": {"field": [old, new]}}).
    Append-only: `save()` refuses to update, `delete()` refuses, and the default manager's
    queryset refuses `update()` and `delete()`. Written only by `cases.events.record_case_event`
    (which also appends it to the tamper-evident ledger as a `cases.event` leaf).
    """

    case = models.ForeignKey(
        Case, verbose_name=_("case"), on_delete=models.PROTECT, related_name="events"
    )
    action = models.CharField(_("action"), max_length=64, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("actor"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    actor_name = models.CharField(_("actor name"), max_length=150, blank=True)
    occurred_at = models.DateTimeField(_("occurred at"), default=timezone.now, db_index=True)
    request_id = models.CharField(_("request id"), max_length=64, blank=True)
    data = models.JSONField(_("data"), default=dict, blank=True, encoder=DjangoJSONEncoder)
    # The salt of the ledger commitments to `data` (ledger/commitments.py): the public log
    # shows commitments, not the personal data an event may carry.
    ledger_salt = models.CharField(
        _("ledger salt"), max_length=64, default=new_salt, editable=False
    )

    objects = CaseEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("case event")
        verbose_name_plural = _("case events")
        ordering = ("case_id", "occurred_at", "id")

    def __str__(self) -> str:
        return f"{self.occurred_at:%Y-%m-%d %H:%M} {self.action}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise AppendOnlyError("Case events cannot be updated.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("Case events cannot be deleted.")


class Deadline(models.Model):
    """A running or finished legal deadline of a case (办案期限), with the rule that sets it.

    Opened and closed by the services (`cases.services.tracking`); `rule` is a key of
    `cases.deadlines.DEADLINE_RULES` and `label` its text when opened. `holder` says who must
    act: a missed agency deadline is a failure (`missed`), a party's window simply elapses.
    `subject` tells apart several deadlines of one kind in a case (e.g. "preservation:12").
    """

    case = models.ForeignKey(
        Case, verbose_name=_("case"), on_delete=models.CASCADE, related_name="deadlines"
    )
    kind = models.CharField(_("kind"), max_length=32, choices=DeadlineKind.choices)
    rule = models.CharField(_("rule"), max_length=32)
    label = models.CharField(_("label"), max_length=128)
    holder = models.CharField(
        _("who must act"),
        max_length=16,
        choices=DeadlineHolder.choices,
        default=DeadlineHolder.AGENCY,
    )
    subject = models.CharField(_("subject"), max_length=64, blank=True)
    started_on = models.DateField(_("started on"))
    due_on = models.DateField(_("due on"))
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=DeadlineStatus.choices,
        default=DeadlineStatus.RUNNING,
    )
    met_on = models.DateField(_("closed on"), null=True, blank=True)

    class Meta:
        verbose_name = _("deadline")
        verbose_name_plural = _("deadlines")
        ordering = ("due_on", "id")
        indexes = (models.Index(fields=["status", "due_on"], name="deadline_status_due"),)
        constraints = (
            models.UniqueConstraint(
                fields=["case", "kind", "subject"],
                condition=models.Q(status="running"),
                name="deadline_one_running_per_subject",
            ),
        )

    def __str__(self) -> str:
        return f"{self.case} · {self.label} → {self.due_on}"

    @property
    def rule_label(self) -> StrOrPromise:
        """The rule's label in the active language (the stored `label` is the source text)."""
        from sanxiang.cases.deadlines import DEADLINE_RULES

        return DEADLINE_RULES.get(self.rule, self.label)
