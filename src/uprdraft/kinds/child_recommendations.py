"""Child-friendly recommendations (``kind: child-friendly-recommendations``) [S45-S48].

The recommendations a State received, each in words for an age band beside its official text
(kept for reference), grouped by theme, with a note on how children took part. The rules are
those of the child-friendly mid-term version (``rules.child_friendly``): the age band must be
one with readability targets (``age-band``), the child-friendly texts get the readability
check (``readability``, ``sentence-length``), large print (the ``child-friendly`` profile).
A child-friendly text for an id that is not among the recommendations is an error
(``unknown-recommendation``); a recommendation without one is a warning
(``child-friendly-text-missing``).
"""
from __future__ import annotations

from typing import Any

from ..findings import Finding, Report, error, warning
from ..kinds import Analysis, Request
from .recommendation_source import list_findings, load_recommendations


def analyse(model: Any, src: Any, ctx: Any, request: Request | None = None) -> Analysis:
    from ..recommendation_stats import group_by_theme

    rules = ctx.rules
    recs, locs = load_recommendations(model, src, request)
    findings: list[Finding] = list_findings(recs, locs, rules, model.wg_report_symbol,
                                            src.locate(("wg_report_symbol",)))
    ids = {r.id for r in recs}
    simple: dict[str, str] = {}
    for i, cf in enumerate(model.child_friendly):
        if cf.id not in ids:
            findings.append(error("unknown-recommendation",
                                  f"child_friendly[{i}]: there is no recommendation {cf.id} in the list",
                                  src.locate(("child_friendly", i, "id"))))
        simple[cf.id] = " ".join(cf.text.split())
    missing = sorted({r.id for r in recs} - set(simple))
    if missing:
        findings.append(warning("child-friendly-text-missing",
                                f"{len(missing)} recommendation(s) have no child-friendly text yet: "
                                f"{', '.join(missing[:8])}{' ...' if len(missing) > 8 else ''}",
                                src.locate(("child_friendly",))))
    stats: dict[str, Any] = {"recommendations": len(recs), "child_friendly": len(simple), "age_band": model.age_band}
    cf_rules = rules.child_friendly
    if model.age_band not in cf_rules.readability_min:
        findings.append(error("age-band", f"age_band '{model.age_band}' is not a band with readability targets; use "
                                          f"one of {', '.join(cf_rules.readability_min)}", src.locate(("age_band",))))
    else:
        from ..readability import check_readability

        text = "\n\n".join(simple.values())
        readability, more = check_readability(text, model.language, model.age_band, src.locate(("child_friendly",)),
                                              rules=rules)
        findings += more
        stats["readability"] = readability
    groups = [(name, [(rec, simple.get(rec.id)) for rec, _ in items])
              for name, items in group_by_theme(recs, "first")]
    stats["themes"] = len(groups)
    return Analysis(model, src, findings, stats, {"groups": groups})


def write_docx(analysis: Analysis, ctx: Any) -> bytes:
    from ..render.next_review import render_child_friendly_recommendations

    return render_child_friendly_recommendations(analysis.model, analysis.content["groups"], ctx)


def summary_lines(report: Report) -> list[str]:
    s = report.stats
    r = s.get("readability", {})
    return [f"wrote {report.output} ({s['child_friendly']} of {s['recommendations']} recommendations in simple words, "
            f"ages {s['age_band']}; {r.get('index')} {r.get('score')}, target {r.get('target_score')})"]
