"""Holiday calendar maintained by administrators (DESIGN.md decision 8).

The `chinese_calendar` library knows the State Council's holiday arrangements only for the years
it ships (2004–2026 in 1.11). Every working-day deadline (CNT-APL-85, CNT-ACL-69, CNT-ALL-82,
CNT-SAMR-80/84) needs the real calendar, so administrators enter the rest here, and
`core.workdays` refuses to compute in a year nobody has declared maintained.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class CalendarDay(models.Model):
    """A day whose working status an administrator fixes (节假日安排 / holiday arrangement).

    Either a statutory holiday (法定节假日) on a day that would otherwise be worked, or a
    make-up working day (调休工作日) on a weekend. A row overrides `chinese_calendar` for its
    date, so a correction to the library's data is also entered here.
    """

    class Kind(models.TextChoices):
        HOLIDAY = "holiday", _("Statutory holiday")  # 法定节假日
        WORKDAY = "workday", _("Make-up working day")  # 调休工作日

    date = models.DateField(_("date"), unique=True)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    name = models.CharField(
        _("name"), max_length=64, blank=True, help_text=_("For example 国庆节 or 春节.")
    )
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("calendar day")
        verbose_name_plural = _("calendar days")
        ordering = ("date",)

    def __str__(self) -> str:
        return f"{self.date.isoformat()} {self.get_kind_display()} {self.name}".rstrip()


class CalendarYear(models.Model):
    """A year whose holidays and make-up working days an administrator has entered in full.

    For a year `chinese_calendar` does not cover, working days are computed only once this row
    exists (维护年度 / maintained year): never a silent guess from weekends alone.
    """

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    note = models.TextField(
        _("note"),
        blank=True,
        help_text=_("Source of the arrangement, for example the State Council notice number."),
    )

    class Meta:
        verbose_name = _("maintained calendar year")
        verbose_name_plural = _("maintained calendar years")
        ordering = ("year",)

    def __str__(self) -> str:
        return str(self.year)


SEQUENCE_SCOPE_MAX_LENGTH = 64


class Sequence(models.Model):
    """A gapless yearly counter (流水号 / sequence number) for one scope.

    Document and case numbers (案号, 文号) run from 1 each year without gaps or repeats
    (STD-9704-7.2.5: "发文顺序号不加'第'字，不编虚位"); `core.sequences.next_in_sequence` is
    the only writer and takes the row lock, so the number is drawn inside the caller's
    transaction and rolls back with it. `scope` is chosen by the caller, e.g. "case:12".
    """

    scope = models.CharField(_("scope"), max_length=SEQUENCE_SCOPE_MAX_LENGTH)
    year = models.PositiveSmallIntegerField(_("year"))
    last_value = models.PositiveIntegerField(_("last value"), default=0)

    class Meta:
        verbose_name = _("sequence")
        verbose_name_plural = _("sequences")
        ordering = ("scope", "year")
        constraints = (
            models.UniqueConstraint(fields=["scope", "year"], name="sequence_scope_year_unique"),
        )

    def __str__(self) -> str:
        return f"{self.scope} {self.year}: {self.last_value}"
