"""Briefs for recommending States (``kind: recommending-state-briefs``) (seed; domain-rules 12).

One short .docx per State that made recommendations, for the embassy or the permanent
mission: the recommendations it made, the response of the State under review, their current
status and assessment, and the organisation's asks for bilateral follow-up (``asks:`` for
one State, for one theme, or for all). Noted recommendations are marked: they can still be
implemented and the recommending State can keep them on the table. ``index.docx`` sums up
all States in one table. The briefs are written into one folder, all or nothing.

File names are safe on every system: ASCII letters, digits and hyphens only (accents are
dropped: "Côte d'Ivoire" -> ``brief-cote-d-ivoire.docx``), at most
``rules.next_review.briefs.max_name_length`` characters, never a Windows device name, and
unique (a second State with the same name gets ``-2``).
"""
from __future__ import annotations

import re
import unicodedata
from typing import Any

from ..findings import Finding, Report, warning
from ..kinds import Analysis, Request
from .recommendation_source import list_findings, load_recommendations

_WINDOWS = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}


def safe_name(name: str, taken: set[str], prefix: str = "brief-", max_length: int = 60, suffix: str = ".docx") -> str:
    """A file name for ``name`` that every system accepts and that is not in ``taken`` (lower case)."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-") or "state"
    stem = (prefix + slug)[:max_length].rstrip("-") or "state"
    if stem.split(".")[0] in _WINDOWS:
        stem += "-state"
    candidate, n = stem, 1
    while (candidate + suffix).lower() in taken:
        n += 1
        candidate = f"{stem[:max_length - len(str(n)) - 1]}-{n}"
    taken.add((candidate + suffix).lower())
    return candidate + suffix


def by_state(recs: list[Any]) -> dict[str, list[Any]]:
    """Recommending State -> its recommendations (spelling of first use; sorted by name)."""
    from ..recommendation_stats import _id_key

    names: dict[str, str] = {}
    groups: dict[str, list[Any]] = {}
    for rec in recs:
        for st in rec.recommending_states:
            key = " ".join(st.split()).casefold()
            if not key:
                continue
            names.setdefault(key, " ".join(st.split()))
            if rec not in groups.setdefault(key, []):
                groups[key].append(rec)
    return {names[k]: sorted(groups[k], key=lambda r: _id_key(r.id)) for k in sorted(groups, key=lambda k: names[k])}


def asks_for(model: Any, state: str, recs: list[Any]) -> list[str]:
    themes = {t.strip().casefold() for r in recs for t in r.themes}
    out = []
    for ask in model.asks:
        if ask.state is not None:
            if ask.state.strip().casefold() == state.casefold():
                out.append(ask.text)
        elif ask.theme is not None:
            if ask.theme.strip().casefold() in themes:
                out.append(ask.text)
        else:
            out.append(ask.text)
    return [" ".join(a.split()) for a in out]


def analyse(model: Any, src: Any, ctx: Any, request: Request | None = None) -> Analysis:
    rules = ctx.rules
    recs, locs = load_recommendations(model, src, request)
    findings: list[Finding] = list_findings(recs, locs, rules, model.wg_report_symbol,
                                            src.locate(("wg_report_symbol",)))
    states = by_state(recs)
    known_states = {s.casefold() for s in states}
    known_themes = {t.strip().casefold() for r in recs for t in r.themes}
    for i, ask in enumerate(model.asks):
        if ask.state is not None and ask.state.strip().casefold() not in known_states:
            findings.append(warning("ask-unknown-state", f"asks[{i}]: '{ask.state}' made none of the recommendations; "
                                                         "check the spelling against recommending_states",
                                    src.locate(("asks", i, "state"))))
        if ask.theme is not None and ask.theme.strip().casefold() not in known_themes:
            findings.append(warning("ask-unknown-theme", f"asks[{i}]: no recommendation has the theme '{ask.theme}'",
                                    src.locate(("asks", i, "theme"))))
    no_state = [r.id for r in recs if not r.recommending_states]
    if no_state:
        findings.append(warning("no-recommending-state", f"{len(no_state)} recommendation(s) name no recommending "
                                                         f"State ({', '.join(no_state[:5])}); they are in no brief",
                                src.locate(())))
    r = rules.next_review.briefs
    taken = {r.index_name.lower()}
    files = {state: safe_name(state, taken, r.file_prefix, r.max_name_length) for state in states}
    stats = {"states": len(states), "recommendations": len(recs),
             "briefs": {state: files[state] for state in states}}
    return Analysis(model, src, findings, stats, {"recs": recs, "states": states, "files": files})


def write_briefs(analysis: Analysis, ctx: Any) -> dict[str, bytes]:
    from ..render.next_review import render_brief, render_index

    m = analysis.model
    c = analysis.content
    rules = ctx.rules
    out: dict[str, bytes] = {}
    rows = []
    for state, recs in c["states"].items():
        name = c["files"][state]
        out[name] = render_brief(m, state, recs, asks_for(m, state, recs), ctx)
        rows.append({"state": state, "count": str(len(recs)),
                     "supported": str(sum(1 for x in recs if x.response == "supported")),
                     "noted": str(sum(1 for x in recs if x.response == "noted")),
                     "action": str(sum(1 for x in recs if x.status in rules.upr.triggered_action)),
                     "file": name})
    out[rules.next_review.briefs.index_name] = render_index(m, rows, len(c["recs"]), ctx)
    return out


def summary_lines(report: Report) -> list[str]:
    s = report.stats
    return [f"wrote {report.output}: {s['states']} briefs and {s.get('index', 'index.docx')} "
            f"({s['recommendations']} recommendations)"]
