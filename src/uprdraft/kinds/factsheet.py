"""Fact sheets (``kind: factsheet``, or a ``midterm-report`` input): the main figures on one page.

The title, who made it, up to five key messages, the implementation figures (counts by status,
supported vs noted) as a native chart with alternative text and as a table, and the share of
recommendations that triggered action. From a mid-term report, the key messages are the
paragraphs of its summary (the first five).
"""
from __future__ import annotations

from typing import Any

from ..findings import Finding, Report
from ..kinds import Analysis, Request
from ..text import paragraphs
from .recommendation_source import list_findings, load_recommendations


def sheet_of(model: Any) -> dict[str, Any]:
    """What the fact sheet shows, from a ``factsheet`` or a ``midterm-report`` input."""
    if model.kind == "midterm-report":
        by = ", ".join(x.name for x in (model.organisation, model.coalition) if x is not None)
        messages, contact = paragraphs(model.summary)[:5], ""
    else:
        by, messages = model.by, list(model.key_messages)
        contact = f"{model.contact.name}, {model.contact.email}" if model.contact else ""
    return {"language": model.language, "title": model.title, "state": model.state_under_review,
            "review_date": model.review_date, "symbol": model.wg_report_symbol, "by": by,
            "key_messages": messages, "contact": contact}


def analyse(model: Any, src: Any, ctx: Any, request: Request | None = None) -> Analysis:
    from ..recommendation_stats import midterm_statistics

    recs, locs = load_recommendations(model, src, request)
    findings: list[Finding] = list_findings(recs, locs, ctx.rules, model.wg_report_symbol,
                                            src.locate(("wg_report_symbol",)))
    stats = {"recommendations": midterm_statistics(recs, ctx.rules)}
    return Analysis(model, src, findings, stats, {"recs": recs, "sheet": sheet_of(model)})


def write_docx(analysis: Analysis, ctx: Any) -> bytes:
    from ..render.next_review import render_factsheet

    return render_factsheet(analysis.content["sheet"], analysis.content["recs"], ctx)


def summary_lines(report: Report) -> list[str]:
    s = report.stats["recommendations"]
    return [f"wrote {report.output} (recommendations: {s['total']}, triggered action: "
            f"{s['triggered_action']['count']})"]
