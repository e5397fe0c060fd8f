"""Timing a text read aloud: pure helpers shared by oral statements and pre-session statements.

    seconds = spoken words * 60 / words_per_minute + pause * (paragraphs - 1)

The pause is a breath between two paragraphs (``rules.oral.pause_seconds_per_paragraph``).
No rules, no I/O: the callers pass the pace and the pause.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from .text import clock


@dataclass
class Paragraph:
    """One spoken paragraph of a script."""

    role: str  # "opening" | "body" | "closing"
    text: str
    words: int
    line: int | None = None  # 0-based line in the body (body paragraphs only)
    end_seconds: float = 0.0  # cumulative time when the speaker finishes it

    @property
    def mark(self) -> str:
        return clock(self.end_seconds)


def time_paragraphs(paras: list[Paragraph], words_per_minute: float, pause_seconds: float) -> tuple[int, float]:
    """Set each paragraph's ``end_seconds``; return (spoken words, exact seconds)."""
    words = 0
    for i, p in enumerate(paras):
        words += p.words
        p.end_seconds = words * 60 / words_per_minute + pause_seconds * i
    return words, (paras[-1].end_seconds if paras else 0.0)


def words_to_cut(exact_seconds: float, limit_seconds: float, words_per_minute: float) -> int:
    """How many words to cut so that the text fits ``limit_seconds`` (rounded up)."""
    return math.ceil(round((exact_seconds - limit_seconds) * words_per_minute / 60, 6))
