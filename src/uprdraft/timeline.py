"""The UPR follow-up calendar: dated milestones from the day of a State's review.

The steps and their offsets (in months after the review) are rules
(``rules.upr.followup_calendar``, seed step 2, configurable). Whole months use
calendar arithmetic (``dateutil.relativedelta``: 31 January + 1 month = 28/29 February);
a fractional part (4.5 years = 54 months exactly, but 5.5 months is not) is explicit:
that share of the days of the month that follows, rounded to the nearest day (half up).
"""
from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta


@dataclass(frozen=True)
class Milestone:
    """One step of the follow-up calendar: ``start`` (and ``end`` for a window)."""

    key: str
    start: dt.date
    end: dt.date | None = None
    start_months: float = 0
    end_months: float | None = None


def add_months(day: dt.date, months: float) -> dt.date:
    """``day`` plus ``months`` calendar months; a fractional part becomes days (see module doc)."""
    if months < 0 or not math.isfinite(months):
        raise ValueError(f"a month offset must be a positive number, not {months}")
    whole = int(months)
    frac = months - whole
    out = day + relativedelta(months=whole)
    if frac:
        following = out + relativedelta(months=1)
        out += dt.timedelta(days=math.floor(frac * (following - out).days + 0.5))  # half a day rounds up
    return out


def followup_calendar(review_date: dt.date, rules=None) -> list[Milestone]:
    """The follow-up steps dated from ``review_date``, in the order of the rules.

    ``rules`` is a :class:`uprdraft.rules.Rules` (default: the rules in force).
    """
    if rules is None:
        from .rules import DEFAULT

        rules = DEFAULT
    out = []
    for step in rules.upr.followup_calendar:
        try:
            start = add_months(review_date, step.start_months)
            end = add_months(review_date, step.end_months) if step.end_months is not None else None
        except ValueError as e:  # a rules override file gave a negative or odd offset
            from .findings import InputError

            raise InputError(f"rules: upr.followup_calendar step '{step.key}': {e}", code="rules") from None
        out.append(Milestone(step.key, start, end, step.start_months, step.end_months))
    return out


def next_review(review_date: dt.date, rules=None) -> dt.date:
    """The estimated date of the next review: the calendar's next-review step, or else
    ``review_date`` plus the cycle length."""
    if rules is None:
        from .rules import DEFAULT

        rules = DEFAULT
    for m in followup_calendar(review_date, rules):
        if m.key == rules.upr.next_review_step:
            return m.start
    return add_months(review_date, rules.upr.cycle_years * 12)
