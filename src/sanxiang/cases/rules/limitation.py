"""The limitation period for penalties (追责时效) — LAW-APL-36.

"违法行为在二年内未被发现的，不再给予行政处罚；涉及公民生命健康安全、金融安全且有危害后果
的，上述期限延长至五年。法律另有规定的除外。前款规定的期限，从违法行为发生之日起计算；违法
行为有连续或者继续状态的，从行为终了之日起计算。"

How the period is read here:

- It runs from the act, or from the end of a continuing act, and the start day is not counted
  (CNT-SAMR-80; 民法典第二百零一条). A period of years ends on the same month and day in the
  last year, or on the last day of the month when that day does not exist (民法典第二百零二条:
  an act on 29 February ends on 28 February). So an act on 2023-03-10 has a two-year period
  ending 2025-03-10.
- "二年内" includes its last day (CNT-SAMR-84: "内" includes the number), so discovery on the
  anniversary itself is still in time; discovery the next day is too late.
- The last day is not moved off a holiday: this limits the agency's power to punish, not a
  period for anyone to act, and the earlier end favours the party.
- The five-year extension is new in the 2021 law (OLD-APL-misc; the old Article 29 had two
  years only). By LAW-APL-37 (从旧兼从轻) an act that ended before 2021-07-15 keeps the old,
  more lenient two years even when `five_year` is set.
"""

from __future__ import annotations

import re
from datetime import date

from django.utils.translation import gettext as _

from sanxiang.cases.rules.versions import REVISED_PENALTY_LAW_EFFECTIVE
from sanxiang.core.errors import ApplicationError

__all__ = ["check_limitation", "limitation_ends_on"]

# LAW-APL-36: two years, five for life, health or financial safety with harmful consequences.
_YEARS = 2
_YEARS_EXTENDED = 5
# An override must cite an article ("第八十六条", "第86条"), not just name a law.
_ARTICLE_RE = re.compile(r"第\s*[0-9一二三四五六七八九十百千零〇两]+\s*条")


def limitation_ends_on(*, act_on: date, act_ended_on: date | None = None, five_year: bool) -> date:
    """The last day on which the act can still be discovered in time (LAW-APL-36).

    See the module docstring for the counting and for acts that ended before 2021-07-15.
    """
    start = act_ended_on or act_on
    # LAW-APL-37: the 5-year extension does not reach acts that ended under the old law.
    extended = five_year and start >= REVISED_PENALTY_LAW_EFFECTIVE
    return _add_years(start, _YEARS_EXTENDED if extended else _YEARS)


def check_limitation(
    *,
    act_on: date,
    act_ended_on: date | None = None,
    discovered_on: date,
    five_year: bool,
    override_basis: str = "",
) -> date:
    """Refuse to pursue an act discovered after the limitation period; return its last day.

    LAW-APL-36: two years (five when `five_year`: life, health or financial safety with harmful
    consequences) from `act_on`, or from `act_ended_on` for a continuing act. Discovery on or
    before the returned day is in time. Later discovery is refused
    (`rules.limitation.expired`) unless `override_basis` cites the specific article of a law
    that sets another period ("法律另有规定的除外"); text without an article number is refused
    (`rules.limitation.override_not_specific`). Dates out of order are refused
    (`rules.limitation.dates_out_of_order`).
    """
    if act_ended_on is not None and act_ended_on < act_on:
        raise ApplicationError(
            _(
                "The act cannot end on %(end)s, before it began on %(start)s "
                "(end of the act, LAW-APL-36)."
            )
            % {"end": act_ended_on.isoformat(), "start": act_on.isoformat()},
            code="rules.limitation.dates_out_of_order",
            extra={"field": "act_ended_on", "rule": "LAW-APL-36"},
        )
    if discovered_on < act_on:
        raise ApplicationError(
            _(
                "The act cannot be discovered on %(found)s, before it happened on %(start)s "
                "(discovery date, LAW-APL-36)."
            )
            % {"found": discovered_on.isoformat(), "start": act_on.isoformat()},
            code="rules.limitation.dates_out_of_order",
            extra={"field": "discovered_on", "rule": "LAW-APL-36"},
        )
    ends_on = limitation_ends_on(act_on=act_on, act_ended_on=act_ended_on, five_year=five_year)
    # LAW-APL-36: "二年内" includes the last day (CNT-SAMR-84).
    if discovered_on <= ends_on:
        return ends_on
    basis = override_basis.strip()
    if basis and _ARTICLE_RE.search(basis):
        # LAW-APL-36: "法律另有规定的除外" — the caller records the cited basis.
        return ends_on
    if basis:
        raise ApplicationError(
            _(
                "The override basis must cite the article of the law that sets another period, "
                "for example 《税收征收管理法》第八十六条 (override basis, LAW-APL-36)."
            ),
            code="rules.limitation.override_not_specific",
            extra={"field": "override_basis", "rule": "LAW-APL-36", "ends_on": ends_on.isoformat()},
        )
    raise ApplicationError(
        _(
            "The act was discovered on %(found)s, after the limitation period ended on %(end)s; "
            "it can no longer be penalised unless a law provides otherwise (discovery date, "
            "LAW-APL-36)."
        )
        % {"found": discovered_on.isoformat(), "end": ends_on.isoformat()},
        code="rules.limitation.expired",
        extra={
            "field": "discovered_on",
            "rule": "LAW-APL-36",
            "ends_on": ends_on.isoformat(),
            "five_year": five_year,
        },
    )


def _add_years(day: date, years: int) -> date:
    # 民法典第二百零二条: no corresponding day (29 February) → the last day of that month.
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return date(day.year + years, 2, 28)
