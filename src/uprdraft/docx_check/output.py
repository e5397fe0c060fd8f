"""The lines ``uprdraft check`` and ``fix`` print for a person.

One line per paragraph: its place ("body, paragraph 3", "body, table 1, row 2, cell 3")
and its start, then every finding there, errors before warnings, in document order (the
report's findings are already sorted so). Findings without a paragraph (the word limit,
macros, "and 1,099,000 more paragraphs with bold") are lines of their own. The hint to run
``uprdraft fix`` is said once, at the end, not on every line.
"""
from __future__ import annotations

from .check import FIX_HINT, FORMAT_CODES


def _one(f) -> str:
    label = "" if f.severity == "error" else "warning: "
    return f"{label}{f.message} [{f.code}]"


def lines(findings, fix_hint: bool = True) -> list[str]:
    out: list[str] = []
    last = None
    for f in findings:
        if f.location and f.location == last and f.location.endswith('"'):  # a paragraph's place
            out[-1] += f"; {_one(f)}"
            continue
        out.append(f"{f.location}: {_one(f)}" if f.location else _one(f))
        last = f.location
    if fix_hint and any(f.code in FORMAT_CODES for f in findings):
        out.append(FIX_HINT)
    return out
