"""Counting and grouping UPR recommendations (mid-term reports): pure functions.

Shared by the mid-term report kind (its statistics and findings) and its writer.
"""
from __future__ import annotations

import re
from typing import Any

from .rules import DEFAULT

NO_RESPONSE = "none"


def _id_key(rec_id: str):
    """115.2 before 115.10: paragraph numbers sort as numbers; other ids go last."""
    m = re.fullmatch(r"(\d+)\.(\d+)", rec_id)
    return (0, int(m.group(1)), int(m.group(2)), "") if m else (1, 0, 0, rec_id)


# --------------------------------------------------------------------------- statistics
def _count(n: int, total: int) -> dict:
    return {"count": n, "share": round(n / total, 4) if total else 0.0}


def midterm_statistics(recommendations, rules=None) -> dict:
    """Count and share of recommendations by status and by response.

    Every recommendation counts once, whatever its number of themes. ``triggered_action``
    is fully + partially implemented [S28]. ``by_response`` gives the same figures for
    the supported and the noted recommendations separately [S30]; responses that are
    missing ("none") or still to split ("supported/noted") count in the totals only.
    ``rules`` (a Rules) defaults to the shipped rules.
    """
    rules = (rules if rules is not None else DEFAULT).upr
    recs = list(recommendations)

    def block(items) -> dict:
        total = len(items)
        by_status = {s: _count(sum(1 for r in items if r.status == s), total) for s in rules.statuses}
        triggered = sum(1 for r in items if r.status in rules.triggered_action)
        return {"total": total, "by_status": by_status, "triggered_action": _count(triggered, total)}

    out = block(recs)
    responses = list(rules.responses) + ["supported/noted", NO_RESPONSE]
    out["responses"] = {resp: _count(sum(1 for r in recs if (r.response or NO_RESPONSE) == resp), len(recs))
                        for resp in responses}
    out["by_response"] = {resp: block([r for r in recs if r.response == resp]) for resp in rules.responses}
    return out


def largest_remainder(counts: list[int], total: int | None = None, points: int = 100) -> list[int]:
    """Whole percentages of ``counts`` that add up to exactly ``points`` (100).

    The largest remainder (Hamilton) method: each share is rounded down, then the points
    left over go one each to the largest remainders (ties to the earlier entry): 5 and 3 of 8
    (62.5 and 37.5) show as 63 and 37, never 62 and 37 (99) or 63 and 38 (101). ``total``
    defaults to the sum of ``counts``; when the counts do not cover it the shares are only
    rounded down; with a total of 0 every share is 0.
    """
    total = sum(counts) if total is None else total
    if not total:
        return [0 for _ in counts]
    exact = [c * points / total for c in counts]
    floors = [int(x) for x in exact]
    left = points - sum(floors) if sum(counts) == total else 0
    order = sorted(range(len(counts)), key=lambda i: (-(exact[i] - floors[i]), i))
    for i in order[:max(left, 0)]:
        floors[i] += 1
    return floors


def status_percentages(block: dict, statuses, triggered) -> dict[str, int]:
    """Whole percentages of a statistics block (see :func:`midterm_statistics`) by status,
    adding up to 100, and ``"triggered_action"`` as the sum of its statuses' percentages
    (so the table's figures agree with each other)."""
    keys = list(statuses)
    shares = largest_remainder([block["by_status"][k]["count"] for k in keys], block["total"])
    out = dict(zip(keys, shares, strict=False))
    out["triggered_action"] = sum(out[k] for k in keys if k in triggered)
    return out


# --------------------------------------------------------------------------- grouping
def group_by_theme(recommendations, mode: str | None = None) -> list[tuple[str | None, list[tuple[Any, list[str]]]]]:
    """[(theme or None, [(recommendation, other themes), ...]), ...].

    Themes keep the order in which they first appear (spelling of their first use; case
    and surrounding spaces are ignored); recommendations inside a theme are sorted by
    paragraph number. ``mode`` "each" lists a recommendation under each of its themes,
    "first" under its first theme only. Recommendations without a theme come last (None).
    """
    mode = mode or DEFAULT.midterm.group_by_theme
    names: dict[str, str] = {}
    groups: dict[str | None, list] = {}
    for rec in recommendations:
        themes: list[tuple[str, str]] = []
        for t in rec.themes:
            key = t.strip().casefold()
            if key and key not in [k for k, _ in themes]:
                themes.append((key, names.setdefault(key, t.strip())))
        if not themes:
            groups.setdefault(None, []).append((rec, []))
            continue
        chosen = themes if mode == "each" else themes[:1]
        for key, name in chosen:
            others = [n for k, n in themes if k != key] if mode == "each" else []
            groups.setdefault(name, []).append((rec, others))
    ordered: list[tuple[str | None, list]] = [(n, groups[n]) for n in dict.fromkeys(names.values()) if n in groups]
    if None in groups:
        ordered.append((None, groups[None]))
    return [(name, sorted(items, key=lambda it: _id_key(it[0].id))) for name, items in ordered]
