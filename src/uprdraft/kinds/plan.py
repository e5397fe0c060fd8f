"""``uprdraft plan``: an action-plan matrix (.docx) and a follow-up calendar (.ics).

Python API::

    from uprdraft.plan import render_plan, plan_findings
    report = render_plan("examples/action-plan.yaml", ics="plan.ics", force=True)
    report.output, report.stats["next_review"], [str(f) for f in report.findings]

Rules checked (``plan_findings``; values in ``rules.upr``):
- an item refers to a recommendation id that is not in ``recommendations_file`` (or there
  is no such file): error ``unknown-recommendation``;
- an action type outside the fixed list: error ``action-type``;
- a milestone after the next review: error ``milestone-after-review``; before the review
  itself: warning ``milestone-before-review``;
- an item without milestone (``no-milestone``) or without actor (``no-actor``): warnings;
- the same recommendation in two items: warning ``duplicate-recommendation``;
- a recommendation id that is not a WG report paragraph (e.g. 115.23): warning ``recommendation-id``.
Noted recommendations are allowed (they can still be implemented, seed note 7 [S30]) and
are marked as noted in the matrix.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..findings import Finding, InputError, Report, error, warning
from ..kinds import Analysis, Request

KIND = "action-plan"


@dataclass
class ResolvedItem:
    """A plan item with its recommendation looked up (None when the id is unknown)."""

    index: int
    item: Any  # models.plan.PlanItem
    recommendation: Any  # models.recommendation.Recommendation, None when the id is unknown


# --------------------------------------------------------------------------- recommendations
def recommendations_path(model, src) -> Path | None:
    if not model.recommendations_file:
        return None
    return (Path(src.path).parent / model.recommendations_file)


def load_recommendations(model, src, rules=None) -> dict | None:
    """The recommendations of ``recommendations_file`` by id, or None without that file."""
    path = recommendations_path(model, src)
    if path is None:
        return None
    where = src.locate(("recommendations_file",))
    if not path.is_file():
        raise InputError(Finding("io", "error", f"recommendations_file: no such file {path}; the path is "
                                 "relative to the plan's folder", where))
    from ..importers import read_recommendations

    try:
        recs = read_recommendations(path, rules=rules)  # its own errors carry locations in that file
    except (OSError, ValueError) as e:
        raise InputError(Finding("io", "error", f"recommendations_file: cannot read {path} ({e})", where)) from None
    return {r.id: r for r in recs}


def resolve_items(model, src, recommendations: dict | None = None) -> tuple[list[ResolvedItem], list[Finding]]:
    """Each item with its recommendation; ``unknown-recommendation`` errors for missing ids."""
    from ..models.recommendation import Recommendation

    findings, out = [], []
    for i, item in enumerate(model.items):
        rec = item.recommendation
        if not isinstance(rec, Recommendation):
            where = src.locate(("items", i, "recommendation"))
            if recommendations is None:
                findings.append(error(
                    "unknown-recommendation",
                    f"items.{i}.recommendation: '{rec}' is an id, but the plan has no recommendations_file; "
                    "add recommendations_file, or give the recommendation inline (id, text, recommending_states, "
                    "response)", where))
                rec = None
            elif rec not in recommendations:
                close = difflib.get_close_matches(rec, list(recommendations), n=3, cutoff=0.6)
                hint = f"; did you mean {', '.join(close)}?" if close else "; check the id against the file"
                findings.append(error(
                    "unknown-recommendation",
                    f"items.{i}.recommendation: no recommendation '{rec}' in "
                    f"{model.recommendations_file or 'the tracker'}{hint}",
                    where))
                rec = None
            else:
                rec = recommendations[rec]
        out.append(ResolvedItem(i, item, rec))
    return out, findings


# --------------------------------------------------------------------------- rules
def plan_findings(model, src, rules=None, recommendations: dict | None = None,
                  resolved: list[ResolvedItem] | None = None) -> tuple[list[Finding], dict]:
    """All rule findings and statistics of an action plan (used by ``validate`` too).

    ``recommendations`` (id -> Recommendation) defaults to reading ``recommendations_file``.
    """
    import re

    from ..rules import resolve
    from ..timeline import followup_calendar, next_review

    rules = resolve(rules)
    upr = rules.upr
    if resolved is None:
        if recommendations is None:
            recommendations = load_recommendations(model, src, rules)
        resolved, findings = resolve_items(model, src, recommendations)
    else:
        findings = []
    calendar = followup_calendar(model.review_date, rules)
    nxt = next_review(model.review_date, rules)
    seen: dict[str, int] = {}
    counts = {"supported": 0, "noted": 0, "no_response": 0}
    n_milestones = 0
    for r in resolved:
        i, item = r.index, r.item
        rid = item.recommendation_id
        if rid in seen:
            findings.append(warning("duplicate-item",
                                    f"items.{i}.recommendation: '{rid}' is also followed by item {seen[rid]}; "
                                    "merge the two items", src.locate(("items", i, "recommendation"))))
        else:
            seen[rid] = i
        if r.recommendation is not None:
            if not re.match(upr.recommendation_id_pattern, r.recommendation.id):
                findings.append(warning("recommendation-id",
                                        f"items.{i}.recommendation: id '{r.recommendation.id}' is not a paragraph "
                                        "number of the Working Group report such as 115.23",
                                        src.locate(("items", i, "recommendation"))))
            response = r.recommendation.response
            if response == "noted":
                counts["noted"] += 1
            elif response == "supported":
                counts["supported"] += 1
            else:
                counts["no_response"] += 1
        for j, kind in enumerate(item.action_types):
            if kind not in upr.action_types:
                findings.append(error("action-type",
                                      f"items.{i}.action_types: '{kind}' is not a type of action; use one of "
                                      f"{', '.join(upr.action_types)}", src.locate(("items", i, "action_types", j))))
        if not item.actors and not item.lead:
            if upr.warn_missing_actor:
                findings.append(warning("no-actor", f"items.{i}: no actors and no lead; say who must act "
                                        "(actors: [...], lead: ...)", src.locate(("items", i))))
        if not item.milestones and upr.warn_missing_milestone:
            findings.append(warning("no-milestone", f"items.{i}: no milestone; add milestones: "
                                    "[{date: YYYY-MM-DD, what: ...}] up to the next review", src.locate(("items", i))))
        for j, m in enumerate(item.milestones):
            n_milestones += 1
            where = ("items", i, "milestones", j, "date")  # located only for a finding
            if m.date > nxt:
                findings.append(error("milestone-after-review",
                                      f"items.{i}.milestones.{j}.date: {m.date.isoformat()} is after the next review "
                                      f"(about {nxt.isoformat()}, {upr.cycle_years:g} years after "
                                      f"{model.review_date.isoformat()}); "
                                      "bring it forward or move it to the next cycle's plan", src.locate(where)))
            elif m.date < model.review_date:
                findings.append(warning("milestone-before-review",
                                        f"items.{i}.milestones.{j}.date: {m.date.isoformat()} is before the review "
                                        f"({model.review_date.isoformat()}); check the year", src.locate(where)))
    stats = {
        "items": len(model.items),
        "supported": counts["supported"],
        "noted": counts["noted"],
        "no_response": counts["no_response"],
        "milestones": n_milestones,
        "review_date": model.review_date.isoformat(),
        "next_review": nxt.isoformat(),
        "calendar": [{"key": m.key, "start": m.start.isoformat(), "end": m.end.isoformat() if m.end else None}
                     for m in calendar],
    }
    return findings, stats


def tracker_recommendations(model, options) -> dict:
    """``--db``: the recommendations of the plan's State (its latest review) in the tracker, by id,
    with their status as of ``--as-of``."""
    from ..tracker.export import recommendations_for

    recs, _ = recommendations_for(options.get("db"), options["as_of"], model.state_under_review, None,
                                  model.review_date)
    return {r.id: r for r in recs}


def analyse(model, src, ctx, request: Request | None = None) -> Analysis:
    """Items resolved against their recommendations (from ``recommendations_file``, or from the
    tracker with ``--db``), findings and stats."""
    recommendations: dict | None
    if request is not None and request.options.get("tracker"):
        recommendations = tracker_recommendations(model, request.options)
    else:
        recommendations = load_recommendations(model, src, ctx.rules)
    resolved, findings = resolve_items(model, src, recommendations)
    more, stats = plan_findings(model, src, ctx.rules, resolved=resolved)
    if request is not None and "ics" not in request.roles:
        stats["ics"] = None
    return Analysis(model, src, findings + more, stats, resolved)


def write_docx(analysis: Analysis, ctx) -> bytes:
    from ..render.plan import plan_docx

    return plan_docx(analysis.model, analysis.content, ctx)


def write_ics(analysis: Analysis, ctx) -> bytes:
    from ..render.plan import plan_ics

    return plan_ics(analysis.model, analysis.content, ctx)


def summary_lines(report: Report) -> list[str]:
    """What the CLI prints on success."""
    if not report.output:
        return []
    s = report.stats
    def n(count: int, word: str) -> str:
        return f"{count} {word}" if count == 1 else f"{count} {word}s"

    lines = [f"wrote {report.output} ({n(s['items'], 'item')}, {s['noted']} noted; next review about {s['next_review']})"]
    if s.get("ics"):
        lines.append(f"wrote {s['ics']} ({n(s['milestones'], 'milestone')} and "
                     f"{n(len(s['calendar']), 'follow-up step')})")
    return lines
