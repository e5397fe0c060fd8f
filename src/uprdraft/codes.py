"""Placeholder until the code registry lands (replaced by the registry branch)."""
from __future__ import annotations

from collections.abc import Iterable


def parse_ignore(text: str | Iterable[str]) -> frozenset[str]:
    items = [text] if isinstance(text, str) else list(text)
    return frozenset(c.strip() for item in items for c in item.split(",") if c.strip())


def drop_ignored(findings, ignore):
    return [f for f in findings if not (f.severity == "warning" and f.code in ignore)]
