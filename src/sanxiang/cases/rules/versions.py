"""Dates on which the versions of the rules change (LAW-APL-86, section 1b of legal-rules.md)."""

from __future__ import annotations

from datetime import date

__all__ = ["REVISED_PENALTY_LAW_EFFECTIVE"]

# LAW-APL-86: "本法自2021年7月15日起施行。" Before it, the 2017 text (OLD-APL-*) applies.
REVISED_PENALTY_LAW_EFFECTIVE = date(2021, 7, 15)
