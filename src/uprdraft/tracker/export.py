"""``uprdraft track export midterm-report|action-plan``: a ready input file from the tracker.

The recommendations of one State and one review (the latest by default), each with its status
as of the date, its latest evidence as ``assessment`` and the sources of its assessments up to
that date (links to other mechanisms are added as sources). What only a person can write
(summary, methodology, conclusions, the organisation, the plan's actions and milestones) is
left as commented placeholders: the file does not validate until they are written.

The same selection serves ``uprdraft report midterm --db`` and ``uprdraft plan --db``
(:func:`recommendations_for`).
"""
from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

import sqlalchemy as sa

from ..findings import ContentError, InputError
from .db import Tracker, now
from .query import fold, links_by_pk, rows_as_of, sources_as_of, stats_block, status_of

WHAT = ("midterm-report", "action-plan")
_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")


def q(value: str) -> str:
    """A YAML double-quoted scalar that reads back exactly."""
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(value, ensure_ascii=False))


def _review_key(row: dict[str, Any]) -> tuple[int, str]:
    return (row["session"] or 0, row["review"] or "")


def select(tracker: Tracker, as_of: dt.date, state: str | None, session: str | int | None,
           review_date: dt.date | None = None) -> dict[str, Any]:
    """The rows of one State and one review as of ``as_of``, their sources and links, and the
    statuses at ``review_date`` (for "moved since the review")."""
    with tracker.read() as conn:
        rows = rows_as_of(conn, as_of, state=state)
        if not rows:
            if state:
                states = sorted({r.state for r in conn.execute(sa.select(_state_col()).distinct())})
                raise ContentError(f"no recommendation of '{state}' in the tracker; States in it: "
                                   f"{', '.join(s or '(not given)' for s in states[:20])}", code="track-unknown-id")
            raise ContentError(f"{tracker.shown}: the tracker holds no recommendation; import some first with "
                               "'uprdraft track import FILE'", code="track-empty")
        states = sorted({r["state_under_review"] or "" for r in rows})
        if len(states) > 1:
            shown = ", ".join(s or "(not given)" for s in states[:10]) + (" ..." if len(states) > 10 else "")
            raise InputError(f"the tracker holds recommendations of {len(states)} States ({shown}); say which with "
                             "--state", code="usage")
        if session not in (None, ""):
            text = str(session).strip()
            rows = [r for r in rows if (str(r["session"]) == text if text.isdigit()
                                        else fold(r["review"] or "") == fold(text))]
            if not rows:
                raise ContentError(f"no recommendation of {states[0]} for review '{session}' in the tracker",
                                   code="track-unknown-id")
        reviews = sorted({_review_key(r) for r in rows})
        latest = reviews[-1]
        rows = [r for r in rows if _review_key(r) == latest]
        pks = {r["pk"] for r in rows}
        sources = sources_as_of(conn, as_of, pks)
        linked = links_by_pk(conn, pks)
        before = status_of(conn, review_date) if review_date else None
    for r in rows:
        srcs = list(sources.get(r["pk"], []))
        for link in linked.get(r["pk"], []):
            para = f", para. {link['paragraph']}" if link["paragraph"] else ""
            note = f" ({link['note']})" if link["note"] else ""
            srcs.append(f"{link['mechanism']}: {link['document']}{para}{note}")
        r["sources"] = srcs
        r["links"] = linked.get(r["pk"], [])
    out: dict[str, Any] = {"rows": rows, "state": states[0] or None, "review": latest[1] or None,
                           "session": latest[0] or None, "reviews": len(reviews)}
    if before is not None:
        out["moved"] = moved(rows, before)
    return out


def _state_col() -> Any:
    from .schema import recommendations

    return recommendations.c.state


def moved(rows: list[dict[str, Any]], before: dict[int, str]) -> dict[str, dict[str, int]]:
    """Per status: how many recommendations are in it now, were in it at the review, and moved
    into it since (they had another status at the review)."""
    from .schema import NO_DATA, STATUSES

    out = {s: {"now": 0, "at_review": 0, "moved_in": 0} for s in STATUSES}
    for r in rows:
        then = before.get(r["pk"], NO_DATA)
        out[r["status"]]["now"] += 1
        out[then]["at_review"] += 1
        if then != r["status"]:
            out[r["status"]]["moved_in"] += 1
    return out


def recommendation_models(rows: list[dict[str, Any]]) -> list[Any]:
    """The rows as :class:`uprdraft.models.recommendation.Recommendation` (what documents read)."""
    from ..models.recommendation import Recommendation

    out = []
    for r in rows:
        response = r["response"] if r["response"] in ("supported", "noted", "supported/noted") else None
        out.append(Recommendation(
            id=r["id"], text=r["text"], recommending_states=r["recommending_states"], response=response,
            themes=r["themes"], status=r["status"], assessment=r["assessment"], sources=r["sources"],
            session=r["session"], state_under_review=r["state_under_review"], document_symbol=r["document_symbol"],
            action_category=r["action_category"]))
    return out


def recommendations_for(db: Any, as_of: dt.date, state: str | None, session: str | int | None = None,
                        review_date: dt.date | None = None) -> tuple[list[Any], dict[str, Any]]:
    """(Recommendation models, selection info) for a document built straight from the tracker."""
    from .db import connect

    with connect(db) as tracker:
        sel = select(tracker, as_of, state, session, review_date)
        sel["db"] = tracker.shown
    return recommendation_models(sel["rows"]), sel


def _moved_lines(sel: dict[str, Any], review_date: dt.date | None) -> list[str]:
    """Comment lines: per status, how many recommendations are in it and moved there since the review."""
    moved = sel.get("moved")
    if not moved or review_date is None:
        return []
    parts = [f"{s} {m['now']} ({m['moved_in']} moved there)" for s, m in moved.items()]
    return [f"# Since the review ({review_date.isoformat()}): " + "; ".join(parts) + "."]


def _placeholder(lines: list[str]) -> list[str]:
    return ["# " + line if line else "#" for line in lines]


def midterm_text(sel: dict[str, Any], as_of: dt.date, where: str, review_date: dt.date | None,
                 statuses: tuple[str, ...], triggered: tuple[str, ...]) -> str:
    from ..importers import write_recommendations_yaml

    state = sel["state"] or "the State"
    recs = recommendation_models(sel["rows"])
    counts = stats_block({r["pk"]: r["status"] for r in sel["rows"]}, {r["pk"]: r["response"] for r in sel["rows"]},
                         statuses, triggered)["all"]
    head = [f"# Mid-term report exported from the tracker {where} on {now()[:10]}; statuses as of {as_of.isoformat()}.",
            f"# {counts['total']} recommendations; triggered action: {counts['triggered_action']['count']}.",
            *_moved_lines(sel, review_date),
            "# Lines starting with '# ' below are for you to write: remove the '# ' and write the text.",
            "# Then: uprdraft report midterm THIS-FILE.yaml", "",
            "kind: midterm-report", "language: en",
            f"title: {q(f'Mid-term report on the implementation of the UPR recommendations to {state}')}",
            f"state_under_review: {q(sel['state'] or '')}"]
    head += _placeholder(["cycle: 4  # the UPR cycle of the review"])
    if review_date:
        head.append(f"review_date: {review_date.isoformat()}")
    else:
        head += _placeholder(["review_date: YYYY-MM-DD  # the day of the Working Group review"])
    if sel["review"] and sel["review"].startswith("A/HRC/"):
        head.append(f"wg_report_symbol: {q(sel['review'])}")
    else:
        head += _placeholder(["wg_report_symbol: A/HRC/NN/NN  # the Working Group report"])
    head += _placeholder([
        "organisation:", "  name: Your organisation",
        "  status: special  # ECOSOC consultative status: general, special, roster or none",
        "or instead of organisation: coalition: {name: ..., members: [...]}",
        "summary: >-", "  The main findings, in a few sentences.",
        "methodology: >-", "  How the information was gathered (sources, consultations, dates).",
        "conclusions: >-", "  What remains to be done, and what you ask of the State.",
        "voluntary_commitments: >-", "  Optional: the State's voluntary commitments and their follow-up.",
    ])
    body = write_recommendations_yaml(recs)
    return "\n".join(head) + "\n" + body


def plan_text(sel: dict[str, Any], as_of: dt.date, where: str, review_date: dt.date | None) -> str:
    state = sel["state"] or "the State"
    lines = [f"# Action plan exported from the tracker {where} on {now()[:10]}; statuses as of {as_of.isoformat()}.",
             "# Lines starting with '# ' are for you to write: remove the '# ' and write the text.",
             "# Then: uprdraft plan THIS-FILE.yaml", "",
             "kind: action-plan", "language: en",
             f"title: {q(f'Action plan on the UPR recommendations to {state}')}",
             f"state_under_review: {q(sel['state'] or '')}"]
    lines += _placeholder(["organisation:", "  name: Your organisation",
                           "  status: special  # ECOSOC consultative status: general, special, roster or none",
                           "cycle: 4"])
    if review_date:
        lines.append(f"review_date: {review_date.isoformat()}")
    else:
        lines += _placeholder(["review_date: YYYY-MM-DD  # the day of the Working Group review"])
    lines.append("items:")
    for rec in recommendation_models(sel["rows"]):
        lines.append("  - recommendation:")
        for name in ("id", "text", "recommending_states", "response", "themes", "status", "assessment", "sources",
                     "session", "state_under_review", "document_symbol", "action_category"):
            value = getattr(rec, name)
            if value is None or value == []:
                continue
            if isinstance(value, list):
                text = "[" + ", ".join(q(v) for v in value) + "]"
            elif isinstance(value, int):
                text = str(value)
            else:
                text = q(value)
            lines.append(f"      {name}: {text}")
        lines += ["    " + x for x in _placeholder([
            "expected_results: [What changes when this is done]",
            "action_types: [legislative]  # political, legislative, policy, budgetary, institutional, awareness, "
            "monitoring",
            "actors: [Ministry of ...]", "lead: Ministry of ...", "indicators: [...]",
            "milestones:", "  - {date: YYYY-MM-DD, what: ...}"])]
    return "\n".join(lines) + "\n"
