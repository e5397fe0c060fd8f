"""``uprdraft track import``: recommendations from a file into the tracker, in one transaction.

The file is read by :func:`uprdraft.importers.import_recommendations` (UPR Info, UHRI, our
CSV/XLSX/YAML), so the tracker reads exactly what ``uprdraft import recommendations`` reads;
UHRI's SDGs, groups of persons and mechanism come from :mod:`.extras`.

A recommendation is identified by its State under review, its review (the WG report symbol,
else "session N") and its id. UPR Info exports carry no id (the importer makes one from the
row's place in the file), so their rows are matched by text instead: see :func:`match_by_text`.
Importing the same file again adds nothing: each row is
``inserted``, ``updated`` (its text, response, themes... changed) or ``unchanged``; rows the
importer skips, rows left out by the filters and voluntary commitments are ``skipped`` with
their reason. SDGs, groups of persons and mechanism already known are kept when a file has none.

Statuses in the file are not assessments (they have no date): with ``assessed_on`` each status
other than no-data is recorded as an assessment of that date, once.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from ..findings import Finding, warning
from .db import Tracker, now
from .extras import Extras, read_extras, text_key
from .schema import NO_DATA, assessments, join_list, recommendations

BATCH = 5000
CONTENT = ("text", "response", "session", "document_symbol", "recommending_states", "themes", "action_category",
           "sdgs", "persons", "mechanism")
KEEP_WHEN_EMPTY = {"sdgs": "", "persons": "", "mechanism": None}


def review_of(symbol: str | None, session: int | None) -> str:
    if symbol:
        return symbol.strip()
    return f"session {session}" if session is not None else ""




def row_of(rec: Any, extras: Extras | None, default_mechanism: str | None) -> dict[str, Any]:
    return {
        "state": (rec.state_under_review or "").strip(),
        "review": review_of(rec.document_symbol, rec.session),
        "rec_id": rec.id.strip(),
        "text": rec.text,
        "response": rec.response,
        "session": rec.session,
        "document_symbol": rec.document_symbol,
        "recommending_states": join_list(rec.recommending_states),
        "themes": join_list(rec.themes),
        "action_category": rec.action_category,
        "sdgs": join_list(extras.sdgs if extras else []),
        "persons": join_list(extras.persons if extras else []),
        "mechanism": (extras.mechanism if extras and extras.mechanism else default_mechanism),
    }


def _identity(state: str, review: str, text: str, recommending_states: str) -> tuple[str, str, str, str]:
    return (state, review, text_key(text), recommending_states)


def match_by_text(rows: dict[tuple[str, str, str], dict[str, Any]],
                  existing: dict[tuple[str, str, str], Any]) -> dict[tuple[str, str, str], tuple[str, str, str]]:
    """New keys for rows whose id is only their place in the file (UPR Info exports carry no id).

    A row whose text (and recommending States) is already in the tracker takes that
    recommendation's id, wherever it now stands in the file; any other row is a new
    recommendation, and when its row id is already used by a different text it gets the next
    free ``-2``, ``-3``... suffix. So a row added, removed or moved in a newer export never
    hands one recommendation's text, and its assessments, to another."""
    known: dict[tuple[str, str, str, str], list[tuple[str, str, str]]] = {}
    for key, old in existing.items():
        known.setdefault(_identity(key[0], key[1], old.text, old.recommending_states), []).append(key)
    for keys in known.values():
        keys.reverse()  # pop() then takes identical texts in their order in the tracker
    moved: dict[tuple[str, str, str], tuple[str, str, str]] = {}
    taken = set(existing)
    unmatched = []
    for key, row in rows.items():
        same = known.get(_identity(row["state"], row["review"], row["text"], row["recommending_states"]))
        if same:
            moved[key] = same.pop()
        else:
            unmatched.append(key)
    taken.update(moved.values())
    for key in unmatched:
        new, n = key, 1
        while new in taken:
            n += 1
            new = (key[0], key[1], f"{key[2]}-{n}")
        taken.add(new)
        if new != key:
            moved[key] = new
    return {k: v for k, v in moved.items() if k != v}


def _insert_batch(conn: sa.Connection, table: sa.Table, rows: list[dict[str, Any]]) -> None:
    """One batch of inserts (the unit an interrupted import is tested with)."""
    conn.execute(sa.insert(table), rows)


def import_file(tracker: Tracker, path: Path, *, state: str | None = None, theme: str | None = None,
                response: str | None = None, session: int | None = None, encoding: str | None = None,
                assessed_on: dt.date | None = None, by: str | None = None) -> tuple[list[Finding], dict[str, Any]]:
    """Import ``path`` into the tracker: (findings, stats). All or nothing."""
    from ..importers import import_recommendations

    report = import_recommendations(path, state=state, theme=theme, response=response, session=session,
                                    encoding=encoding)
    result = report.data
    findings: list[Finding] = list(report.findings)
    extras = read_extras(Path(path)) if result.format == "uhri" else {}
    default_mechanism = "upr"
    skipped: Counter[str] = Counter(result.skipped)
    if result.filtered_out:
        skipped["filtered-out"] += result.filtered_out
    if result.voluntary_commitments:
        skipped["voluntary-commitment"] += len(result.voluntary_commitments)
    rows: dict[tuple[str, str, str], dict[str, Any]] = {}
    statuses: dict[tuple[str, str, str], Any] = {}
    for rec in result.recommendations:
        row = row_of(rec, extras.get(text_key(rec.text)), default_mechanism)
        key = (row["state"], row["review"], row["rec_id"])
        if key in rows:  # the importer keys on symbol and session; ours folds them into one review
            skipped["duplicate-id"] += 1
            continue
        rows[key] = row
        if rec.status != NO_DATA:
            statuses[key] = rec
    stamp = now()
    counts = {"inserted": 0, "updated": 0, "unchanged": 0}
    added = 0
    with tracker.write() as conn:
        existing: dict[tuple[str, str, str], Any] = {}
        wanted_states = {k[0] for k in rows}
        query = sa.select(recommendations.c.pk, recommendations.c.state, recommendations.c.review,
                          recommendations.c.rec_id, *[recommendations.c[c] for c in CONTENT])
        if len(wanted_states) <= 500:
            query = query.where(recommendations.c.state.in_(sorted(wanted_states)))
        for r in conn.execute(query):
            existing[(r.state, r.review, r.rec_id)] = r
        if result.format == "upr-info":
            moved = match_by_text(rows, existing)
            rows = {moved.get(k, k): row | {"rec_id": moved.get(k, k)[2]} for k, row in rows.items()}
            statuses = {moved.get(k, k): rec for k, rec in statuses.items()}
        new_rows, changed = [], []
        for key, row in rows.items():
            old = existing.get(key)
            if old is None:
                new_rows.append({**row, "source_file": Path(path).name, "imported_at": stamp, "updated_at": stamp})
                continue
            merged = dict(row)
            for col, empty in KEEP_WHEN_EMPTY.items():
                if merged[col] == empty and getattr(old, col) not in (None, ""):
                    merged[col] = getattr(old, col)
            if all(merged[c] == getattr(old, c) for c in CONTENT):
                counts["unchanged"] += 1
            else:
                changed.append({"b_pk": old.pk, **{c: merged[c] for c in CONTENT}, "updated_at": stamp})
        for i in range(0, len(new_rows), BATCH):
            _insert_batch(conn, recommendations, new_rows[i:i + BATCH])
        counts["inserted"] = len(new_rows)
        if changed:
            stmt = (sa.update(recommendations).where(recommendations.c.pk == sa.bindparam("b_pk"))
                    .values({c: sa.bindparam(c) for c in (*CONTENT, "updated_at")}))
            conn.execute(stmt, changed)
        counts["updated"] = len(changed)
        if statuses and assessed_on is not None:
            added = _assess_from_file(conn, statuses, assessed_on, by, stamp)
    if statuses and assessed_on is None:
        findings.append(warning("track-status-ignored",
                                f"{len(statuses)} recommendations have a status in the file; a status needs a date "
                                "to be recorded: import again with --assessed-on YYYY-MM-DD, or use "
                                "'uprdraft track assess'", str(path)))
    stats: dict[str, Any] = {
        "file": str(path), "format": result.format, "rows_read": result.rows_read, **counts,
        "skipped": sum(skipped.values()), "skipped_reasons": dict(sorted(skipped.items())),
        "assessments_added": added,
    }
    return findings, stats


def _assess_from_file(conn: sa.Connection, statuses: dict[tuple[str, str, str], Any], on: dt.date,
                      by: str | None, stamp: str) -> int:
    """Record each file status as an assessment of ``on``, unless the same one is there already."""
    keys = {}
    for r in conn.execute(sa.select(recommendations.c.pk, recommendations.c.state, recommendations.c.review,
                                    recommendations.c.rec_id)):
        k = (r.state, r.review, r.rec_id)
        if k in statuses:
            keys[k] = r.pk
    have = {(r.recommendation, r.status, r.evidence or "", r.source or "")
            for r in conn.execute(sa.select(assessments.c.recommendation, assessments.c.status, assessments.c.evidence,
                                            assessments.c.source).where(assessments.c.date == on))}
    rows = []
    for k, rec in statuses.items():
        source = "; ".join(rec.sources)
        sig = (keys[k], rec.status, rec.assessment or "", source)
        if sig in have:
            continue
        rows.append({"recommendation": keys[k], "status": rec.status, "date": on, "evidence": rec.assessment,
                     "source": source or None, "author": by, "recorded_at": stamp})
    if rows:
        conn.execute(sa.insert(assessments), rows)
    return len(rows)
