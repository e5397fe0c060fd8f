"""Where the next-review kinds get their recommendations, and the rules every list obeys.

Today: ``recommendations_file`` (CSV, XLSX or YAML, relative to the input) or the inline
list, as in mid-term reports. The tracker database (``--db`` / ``--as-of``) is the hook:
when it lands, :func:`load_recommendations` reads ``request.options["db"]`` (and
``"as_of"``) through the tracker's reader and returns the same (recommendations,
locations) pair; nothing else in the kinds changes. Until then a ``db`` option is refused
with one line.

The rules of a list (domain-rules.md section 5) are those of the mid-term report, with the
same codes: ids are WG report paragraphs (``recommendation-id``), ``supported/noted`` is to
be split (``split-recommendation``), a missing response is said (``response-missing``), the
same id twice with the same response is an error (``duplicate-recommendation``), and the WG
report symbol has its pattern (``wg-report-symbol``).
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ..findings import Finding, InputError, error, warning
from ..recommendation_stats import NO_RESPONSE


def load_recommendations(model: Any, src: Any, request: Any = None) -> tuple[list[Any], list[str]]:
    """(recommendations, where each came from) of an input with ``recommendations`` /
    ``recommendations_file``; the tracker's ``db`` option is the hook described above."""
    options = getattr(request, "options", None) or {}
    if options.get("db"):
        raise InputError("--db: the tracker database cannot be read by this version yet; give "
                         "recommendations_file in the input", code="usage")
    name = getattr(model, "recommendations_file", None)
    if name:
        path = Path(name)
        if not path.is_absolute():
            path = Path(src.path).parent / path
        if not path.is_file():
            raise InputError(f"{src.locate(('recommendations_file',))}: {path}: no such file; the path is "
                             "relative to the input's folder", code="io")
        from ..importers import read_recommendations

        recs = list(read_recommendations(path))
        return recs, [f"{path}: recommendation {r.id}" for r in recs]
    recs = list(getattr(model, "recommendations", []) or [])
    return recs, [src.locate(("recommendations", i)) for i in range(len(recs))]


def list_findings(recs: list[Any], locs: list[str], rules: Any, symbol: str | None = None,
                  symbol_location: str = "") -> list[Finding]:
    """The rules of a list of recommendations (see the module's docstring)."""
    out: list[Finding] = []
    if symbol is not None and not re.match(rules.upr.wg_report_symbol_pattern, symbol):
        out.append(error("wg-report-symbol", f"wg_report_symbol '{symbol}' is not a Working Group report symbol; "
                                             "write it as A/HRC/<session>/<number>, e.g. A/HRC/58/15",
                         symbol_location))
    seen: dict[tuple[str, str], str] = {}
    for rec, loc in zip(recs, locs, strict=True):
        if not rec.id_is_paragraph(rules.upr.recommendation_id_pattern):
            out.append(warning("recommendation-id", f"recommendation id '{rec.id}' is not a paragraph number of the "
                                                    "WG report such as 115.23; cite the paragraph", loc))
        if rec.response == "supported/noted":
            out.append(warning("split-recommendation",
                               f"recommendation {rec.id} is 'supported/noted': split it into two entries with the "
                               "same id, one 'supported' and one 'noted', each with the part it covers", loc))
        elif rec.response is None:
            out.append(warning("response-missing", f"recommendation {rec.id} has no response; add 'supported' or "
                                                   "'noted' (it is counted as 'not known')", loc))
        key = (rec.id, rec.response or NO_RESPONSE)
        if key in seen:
            out.append(error("duplicate-recommendation",
                             f"recommendation {rec.id} appears twice with the same response (first at {seen[key]}); "
                             "remove one, or give each part its own response", loc))
        else:
            seen[key] = loc
    return out
