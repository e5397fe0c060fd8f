"""The context a document is made in: the rules, today's date, the language and the
options that change how it is written. It is passed down explicitly, never kept in a
global, so two calls (or two threads) with different rules never see each other's."""
from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .rules import Rules



@dataclass(frozen=True)
class Context:
    rules: Rules
    today: dt.date | None = None  # None: the real date, read where a rule needs it
    lang: str | None = None
    template: Path | None = None  # a coalition's own Word template (--template)
    profile: str | None = None  # a check profile other than the kind's (--profile)
    ignore: frozenset[str] = field(default_factory=frozenset)  # warning codes to drop
    now: dt.datetime | None = None  # the moment, when --today gave a time (deadlines at an hour, issue 16)

    def date(self) -> dt.date:
        """Today for deadline rules: the given date, else the real one."""
        return self.today or dt.date.today()

    def but(self, **changes: Any) -> Context:
        return replace(self, **changes)


def as_date(value: Any, name: str = "today") -> dt.date | None:
    """Accept a date, a datetime (its date) or an ISO text; anything else is a usage error."""
    from .findings import InputError

    if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
        return value
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
        try:  # a moment, e.g. 2027-03-28T12:01 (deadlines at an hour): its date
            return dt.datetime.fromisoformat(value.strip()).date()
        except ValueError:
            pass
    raise InputError(f"{name}: '{value}' is not a date; give a datetime.date or a text like 2026-05-01",
                     code="usage")


def make_context(rules: Rules | Mapping[str, Any] | str | os.PathLike[str] | None = None, today: Any = None, *,
                 lang: str | None = None, template: str | os.PathLike[str] | None = None, profile: str | None = None,
                 ignore: Iterable[str] | str | None = None) -> Context:
    """Build a Context from API arguments (rules as object, mapping or file path)."""
    from .rules import resolve

    codes: frozenset[str] = frozenset()
    if ignore:
        from .codes import parse_ignore

        codes = parse_ignore(ignore)
    return Context(rules=resolve(rules), today=as_date(today), lang=lang,
                   template=Path(template) if template is not None else None, profile=profile, ignore=codes,
                   now=as_moment(today))


def as_moment(value: Any) -> dt.datetime | None:
    """The moment in ``today`` when it gives a time (a datetime, or a text such as
    "2027-03-28T12:01" or "2027-03-28 12:01+02:00"); None for a bare date. A moment without a
    time zone is read in the zone of the rule that uses it (Geneva for UPR deadlines)."""
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, str) and len(value.strip()) > 10:
        try:
            return dt.datetime.fromisoformat(value.strip())
        except ValueError:
            return None
    return None
