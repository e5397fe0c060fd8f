"""Mid-term reports on UPR recommendations: load, check, count, render.

    from uprdraft.midterm import render_midterm_report, midterm_statistics
    report = render_midterm_report("examples/midterm-report.yaml",
                                   child_friendly="out/child-friendly.docx")

The rules applied (domain-rules.md section 5 and 8):
- recommendation ids are WG report paragraphs (``rules.upr.recommendation_id_pattern``,
  warning otherwise) cited with the report symbol (``wg_report_symbol_pattern``, error);
- a recommendation answered "supported/noted" is a warning: split it into a supported and
  a noted entry, which may share the id; the same id twice with the same response is an
  error;
- statistics count each recommendation once, by status and by response; "triggered
  action" is fully + partially implemented [S28, S30]; noted recommendations are reported
  as well [S30];
- grouping by theme: a recommendation with several themes is listed under each theme
  (``rules.midterm.group_by_theme = "each"``, the default, said in the report) or only under
  its first (``"first"``); recommendations without a theme go last, under "Other
  recommendations";
- the child-friendly version needs an age band from the rules and gets a readability
  check (warnings) [S46, S47].
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, overload

from ..findings import Finding, InputError, Report, error, warning
from ..kinds import Analysis, Request
from ..recommendation_stats import NO_RESPONSE, group_by_theme, midterm_statistics  # noqa: F401


@dataclass
class LoadedReport:
    """A mid-term report with its recommendations resolved (inline or from a file)."""

    model: Any  # models.midterm.MidtermReport
    source: Any  # load.Source
    recommendations: list = field(default_factory=list)
    locations: Sequence[str] = field(default_factory=list)  # where each recommendation came from
    moved: dict | None = None  # from the tracker: per status, now / at the review / moved in since
    as_of: Any = None  # from the tracker: the date of the statuses


# --------------------------------------------------------------------------- loading
def load_midterm(input_path) -> LoadedReport:
    """Read and validate the input; resolve ``recommendations_file`` relative to it."""
    from ..load import load

    model, src = load(input_path, "midterm-report")
    return resolve(model, src)


def resolve(model, src, request: Request | None = None, rules=None) -> LoadedReport:
    """The report with its recommendations, inline, read from ``recommendations_file`` or, when
    the request says so (``--db``), taken from the tracker as of ``--as-of``."""
    if request is not None and request.options.get("tracker"):
        return _from_tracker(model, src, request.options)
    locs: Sequence[str]
    if model.recommendations_file:
        recs, locs = _read_file(model.recommendations_file, src, rules)
    else:
        recs = list(model.recommendations)
        locs = _Places(src, len(recs))
    return LoadedReport(model, src, recs, locs)


class _Places(Sequence[str]):
    """Where each inline recommendation is (``file:line:col``), looked up only when a message
    names it: thousands of look-ups for no message cost time, and the strings memory."""

    def __init__(self, src, count: int):
        self.src, self.size = src, count

    def __len__(self) -> int:
        return self.size

    @overload
    def __getitem__(self, i: int) -> str: ...

    @overload
    def __getitem__(self, i: slice) -> list[str]: ...

    def __getitem__(self, i: int | slice) -> str | list[str]:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(self.size))]
        if not -self.size <= i < self.size:
            raise IndexError(i)
        return self.src.locate(("recommendations", i % self.size))


def _from_tracker(model, src, options) -> LoadedReport:
    """The recommendations of the report's State and WG report in the tracker (else its latest
    review), with their statuses as of the date and what moved since the review."""
    from ..findings import ContentError
    from ..tracker.export import recommendations_for

    as_of = options["as_of"]
    try:
        recs, sel = recommendations_for(options.get("db"), as_of, model.state_under_review, model.wg_report_symbol,
                                        model.review_date)
    except ContentError as e:
        if not any(f.code == "track-unknown-id" for f in e.findings):
            raise
        recs, sel = recommendations_for(options.get("db"), as_of, model.state_under_review, None, model.review_date)
    where = f"{sel['db']}: {model.state_under_review}, {sel['review'] or 'review not given'}"
    loaded = LoadedReport(model, src, list(recs), [f"{where}: recommendation {r.id}" for r in recs],
                          moved=sel.get("moved"), as_of=as_of)
    return loaded


def _tracker_findings(model, src, loaded: LoadedReport) -> list[Finding]:
    out = []
    if model.recommendations or model.recommendations_file:
        out.append(warning("track-recommendations", "--db: the recommendations come from the tracker; those of the "
                           "input file are not used", src.locate(("recommendations_file",) if
                                                                 model.recommendations_file else ("recommendations",))))
    return out


def _read_file(name: str, src, rules) -> tuple[list, list[str]]:
    path = Path(name)
    if not path.is_absolute():
        path = Path(src.path).parent / path
    if not path.is_file():
        raise InputError(f"{src.locate(('recommendations_file',))}: {path}: no such file; the path is relative "
                         "to the report's folder", code="io")
    from ..importers import read_recommendations

    recs = read_recommendations(path, rules=rules)
    return list(recs), [f"{path}: recommendation {r.id}" for r in recs]


# --------------------------------------------------------------------------- rules
def midterm_findings(model, src, rules=None) -> tuple[list[Finding], dict]:
    """(findings, stats) of a loaded mid-term report: the convention of ``api.validate``.

    Reads ``recommendations_file`` if the report names one. Stats: ``recommendations``
    (:func:`midterm_statistics`), ``themes`` (number of theme groups) and, with a
    child-friendly section, ``child_friendly.readability``.
    """
    from ..rules import resolve as resolve_rules

    rules = resolve_rules(rules)
    return check(resolve(model, src, rules=rules), rules)


def check(loaded: LoadedReport, rules) -> tuple[list[Finding], dict]:
    """(findings, stats) of a report whose recommendations are resolved."""
    model = loaded.model
    findings = report_findings(loaded, rules)
    stats = {"recommendations": midterm_statistics(loaded.recommendations, rules),
             "themes": len(group_by_theme(loaded.recommendations, rules.midterm.group_by_theme))}
    if model.child_friendly is not None:
        readability, cf_findings = child_friendly_findings(loaded, rules)
        findings += cf_findings
        stats["child_friendly"] = {"version": model.child_friendly.version,
                                   "age_band": model.child_friendly.age_band, "readability": readability}
    return findings, stats


def report_findings(loaded: LoadedReport, rules) -> list[Finding]:
    """Apply the mid-term rules to the report and its recommendations (ids, symbol, responses)."""
    m, src = loaded.model, loaded.source
    out: list[Finding] = []
    if not loaded.recommendations and loaded.as_of is None and not m.recommendations_file:
        out.append(error("schema", "give the recommendations, as a list or as recommendations_file (or take them "
                         "from the tracker with --db)", src.locate(())))
    if not re.match(rules.upr.wg_report_symbol_pattern, m.wg_report_symbol):
        out.append(error("wg-report-symbol",
                         f"wg_report_symbol '{m.wg_report_symbol}' is not a Working Group report symbol; "
                         "write it as A/HRC/<session>/<number>, e.g. A/HRC/58/15",
                         src.locate(("wg_report_symbol",))))
    places = loaded.locations  # looked up for a message only (see _Places)
    seen: dict[tuple[str, str], int] = {}
    for i, rec in enumerate(loaded.recommendations[:len(places)]):
        if not rec.id_is_paragraph(rules.upr.recommendation_id_pattern):
            out.append(warning("recommendation-id",
                               f"recommendation id '{rec.id}' is not a paragraph number of the WG report such "
                               f"as 115.23; cite the paragraph so that readers find it in {m.wg_report_symbol}",
                               places[i]))
        if rec.response == "supported/noted":
            out.append(warning("split-recommendation",
                               f"recommendation {rec.id} is 'supported/noted': split it into two entries with "
                               "the same id, one 'supported' and one 'noted', each with the part it covers",
                               places[i]))
        elif rec.response is None:
            out.append(warning("response-missing",
                               f"recommendation {rec.id} has no response; add 'supported' or 'noted' "
                               "(it is counted as 'not known')", places[i]))
        key = (rec.id, rec.response or NO_RESPONSE)
        if key in seen:
            out.append(error("duplicate-recommendation",
                             f"recommendation {rec.id} appears twice with the same response (first at "
                             f"{places[seen[key]]}); remove one, or give each part its own response", places[i]))
        else:
            seen[key] = i
    return out


def child_friendly_findings(loaded: LoadedReport, rules) -> tuple[dict, list[Finding]]:
    """(readability stats, findings) of the child-friendly section."""
    cf_rules = rules.child_friendly
    m, src = loaded.model, loaded.source
    cf = m.child_friendly
    if cf.age_band not in cf_rules.readability_min:
        bands = ", ".join(cf_rules.readability_min)
        return {}, [error("age-band", f"child_friendly.age_band '{cf.age_band}' is not a band with readability "
                                      f"targets; use one of {bands}",
                          src.locate(("child_friendly", "age_band")))]
    from ..readability import check_readability

    return check_readability(cf.text, m.language, cf.age_band, src.locate(("child_friendly", "text")), rules=rules)


# --------------------------------------------------------------------------- the pipeline's parts
def analyse(model, src, ctx, request: Request | None = None) -> Analysis:
    """Findings and stats of the report; the child-friendly version is required when asked."""
    loaded = resolve(model, src, request, ctx.rules)
    findings, stats = check(loaded, ctx.rules)
    if loaded.as_of is not None:
        findings = _tracker_findings(model, src, loaded) + findings
        stats["tracker"] = {"as_of": loaded.as_of.isoformat(), "moved_since_review": loaded.moved}
    if request is not None and "child-friendly" in request.roles and model.child_friendly is None:
        findings.append(error("child-friendly-missing",
                              "--child-friendly needs a child_friendly section (version, age_band, text) in the input",
                              src.locate(())))
    return Analysis(model, src, findings, stats, loaded)


def write_report(analysis: Analysis, ctx) -> bytes:
    from ..render.midterm import render_report

    return render_report(analysis.content, ctx)


def write_child_friendly(analysis: Analysis, ctx) -> bytes:
    from ..render.midterm import render_child_friendly

    return render_child_friendly(analysis.content, ctx)


def summary_lines(report: Report) -> list[str]:
    """What the CLI prints after a successful render."""
    s = report.stats.get("recommendations", {})
    lines = [f"wrote {report.output} (recommendations: {s.get('total', 0)}, themes: {report.stats.get('themes', 0)}, "
             f"triggered action: {s.get('triggered_action', {}).get('count', 0)})"]
    cf = report.stats.get("child_friendly")
    if cf and cf.get("output"):
        r = cf.get("readability", {})
        lines.append(f"wrote {cf['output']} ({cf['version']}, ages {cf['age_band']}; {r.get('index')} "
                     f"{r.get('score')}, target {r.get('target_score')}; {r.get('words_per_sentence')} words "
                     f"per sentence, target {r.get('target_words_per_sentence')})")
    return lines
