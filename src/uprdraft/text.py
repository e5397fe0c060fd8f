"""Small text helpers shared by the kinds and the writers (no rules, no I/O)."""
from __future__ import annotations

import math
import re

from .xmltext import clean_text

_BLANK_LINE = re.compile(r"\n\s*\n")


def paragraphs(text) -> list[str]:
    """Plain text -> paragraphs: a blank line starts a new one; single line ends are spaces.

    A list of strings is a list of paragraphs already. XML-illegal characters are removed
    and runs of spaces become one.
    """
    if not text:
        return []
    if isinstance(text, list):
        return [p for t in text for p in paragraphs(t)]
    return [one_line(p) for p in _BLANK_LINE.split(clean_text(text).strip()) if p.strip()]


def one_line(text: str) -> str:
    """Line ends and runs of spaces -> one space (after removing XML-illegal characters)."""
    return " ".join(clean_text(text).split())


def blank_line_paragraphs(text: str) -> list[str]:
    """Blank lines separate paragraphs; single line breaks inside one become spaces
    (spaces inside a line are kept as they are)."""
    return [re.sub(r"\s*\n\s*", " ", p).strip() for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]


def clock(seconds: float) -> str:
    """``m:ss``, rounded up to the next whole second (never promises less time than needed)."""
    total = math.ceil(round(seconds, 6))
    return f"{total // 60}:{total % 60:02d}"
