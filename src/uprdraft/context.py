"""What travels with one run: the rules, the date, the language, a custom template.

Minimal stand-in on this branch; the lead's ``uprdraft.context`` has the same fields.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Context:
    rules: Any  # uprdraft.rules.Rules
    today: dt.date | None = None
    lang: str | None = None
    template: Path | None = None  # --template FILE.docx (a custom Word template)
    profile: str | None = None  # --profile NAME (check profile override)
    ignore: frozenset[str] = field(default_factory=frozenset)


def make_context(rules=None, today=None, **kw) -> Context:
    from .rules import DEFAULT

    return Context(rules=rules if rules is not None else DEFAULT, today=today, **kw)
