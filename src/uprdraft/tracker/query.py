"""Reading the tracker: finding a recommendation, its status as of a date, lists, history, stats.

The status of a recommendation as of a date is its latest assessment on or before the date
(the last recorded one when several share that date); ``no-data`` when there is none.
"""
from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa

from ..findings import ContentError, InputError
from .schema import NO_DATA, STATUSES, assessments, links, recommendations, split_list

R = recommendations
A = assessments


def fold(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c)).casefold().strip()


# --------------------------------------------------------------------------- one recommendation
def describe(r: Any) -> str:
    review = r.review or "no review given"
    return f"{r.rec_id} ({r.state or 'State not given'}, {review})"


def find(conn: sa.Connection, rec_id: str, state: str | None = None, session: str | int | None = None) -> Any:
    """The one recommendation ``rec_id`` (narrowed by State and session or WG symbol); ContentError
    (exit 1) when there is none, or several (listing them)."""
    rows = list(conn.execute(sa.select(R).where(R.c.rec_id == str(rec_id).strip()).order_by(R.c.pk)))
    if not rows:
        raise ContentError(f"no recommendation '{rec_id}' in the tracker; 'uprdraft track list' shows the ids",
                           code="track-unknown-id")
    found = rows
    if state:
        found = [r for r in found if fold(r.state) == fold(state)]
    if session not in (None, ""):
        text = str(session).strip()
        if text.isdigit():
            found = [r for r in found if r.session == int(text)]
        else:
            found = [r for r in found if fold(r.review) == fold(text) or fold(r.document_symbol or "") == fold(text)]
    if len(found) == 1:
        return found[0]
    listed = "; ".join(describe(r) for r in (found or rows))
    if not found:
        raise ContentError(f"recommendation '{rec_id}' is in the tracker, but not for that State or session: {listed}",
                           code="track-unknown-id")
    raise ContentError(f"recommendation '{rec_id}' is in {len(found)} reviews: {listed}; say which with --state "
                       "and/or --session", code="track-ambiguous-id")


# --------------------------------------------------------------------------- status as of a date
def latest_pk(as_of: dt.date) -> Any:
    """The key of a recommendation's latest assessment on or before ``as_of`` (a correlated
    subquery: one index look-up per recommendation, on (recommendation, date, pk))."""
    return (sa.select(A.c.pk).where(A.c.recommendation == R.c.pk, A.c.date <= as_of)
            .order_by(A.c.date.desc(), A.c.pk.desc()).limit(1).correlate(R).scalar_subquery())


def _day(value: Any) -> str | None:
    """A date column read as text (SQLite) or as a date (PostgreSQL) -> ISO text."""
    if value is None or isinstance(value, str):
        return value
    return str(value.isoformat())


_decode = split_list


def rows_as_of(conn: sa.Connection, as_of: dt.date, *, state: str | None = None) -> list[dict[str, Any]]:
    """Every recommendation (of ``state``) with its status as of ``as_of``, as plain dicts."""
    q = (sa.select(R.c.pk, R.c.state, R.c.review, R.c.rec_id, R.c.text, R.c.response, R.c.session,
                   R.c.document_symbol, R.c.recommending_states, R.c.themes, R.c.action_category, R.c.sdgs,
                   R.c.persons, R.c.mechanism, A.c.status, sa.type_coerce(A.c.date, sa.String), A.c.evidence,
                   A.c.source)
         .select_from(R.outerjoin(A, A.c.pk == latest_pk(as_of))).order_by(R.c.pk))
    out = []
    want_state = fold(state) if state else None
    for (pk, st, review, rec_id, text, response, session, symbol, states, themes, category, sdgs, persons, mech,
         status, date, evidence, source) in conn.execute(q).all():
        if want_state is not None and fold(st) != want_state:
            continue
        out.append({
            "pk": pk, "id": rec_id, "text": text, "state_under_review": st or None,
            "session": session, "document_symbol": symbol, "review": review or None,
            "recommending_states": states.split("\n") if states else [], "response": response,
            "themes": themes.split("\n") if themes else [], "sdgs": sdgs.split("\n") if sdgs else [],
            "groups_of_persons": persons.split("\n") if persons else [],
            "mechanism": mech, "action_category": category,
            "status": status or NO_DATA, "status_date": _day(date), "assessment": evidence, "source": source,
        })
    return out


TABLE_FIELDS = ("pk", "id", "state_under_review", "session", "response", "status", "status_date", "text")


def table_rows(conn: sa.Connection, as_of: dt.date, *, state: str | None = None,
               width: int = 60) -> list[dict[str, Any]]:
    """What the text table of ``track list`` shows (the start of each text only): the quick path
    for the default listing of tens of thousands of recommendations."""
    q = (sa.select(R.c.pk, R.c.rec_id, R.c.state, R.c.session, R.c.response, A.c.status,
                   sa.type_coerce(A.c.date, sa.String), sa.func.substr(R.c.text, 1, width + 1))
         .select_from(R.outerjoin(A, A.c.pk == latest_pk(as_of))).order_by(R.c.pk))
    want = fold(state) if state else None
    return [dict(zip(TABLE_FIELDS, (pk, rec_id, st or None, session, response, status or NO_DATA, _day(date), text),
                     strict=True))
            for pk, rec_id, st, session, response, status, date, text in conn.execute(q).all()
            if want is None or fold(st) == want]


def _sdg_match(want: str, values: list[str]) -> bool:
    w = want.strip().lower().removeprefix("sdg").strip()
    return any(v.lower() == w or v.lower().startswith(w + ".") for v in values)


def filter_rows(rows: Iterable[dict[str, Any]], *, theme: str | None = None, status: Iterable[str] | None = None,
                response: str | None = None, sdg: str | None = None,
                session: int | None = None) -> list[dict[str, Any]]:
    want_theme = fold(theme) if theme else None
    want_status = set(status or ()) or None
    if want_theme is None and want_status is None and response is None and sdg is None and session is None:
        return list(rows)
    out = []
    for r in rows:
        if want_theme is not None and not any(want_theme in fold(t) for t in r["themes"]):
            continue
        if want_status is not None and r["status"] not in want_status:
            continue
        if response is not None and (r["response"] or "none") != response:
            continue
        if sdg is not None and not _sdg_match(sdg, r["sdgs"]):
            continue
        if session is not None and r["session"] != session:
            continue
        out.append(r)
    return out


def check_status(value: str) -> str:
    v = value.strip().lower().replace(" ", "-").replace("_", "-")
    if v not in STATUSES:
        raise InputError(f"--status: '{value}' is not a status; use one of {', '.join(STATUSES)}", code="usage")
    return v


def check_response(value: str | None) -> str | None:
    if value is None:
        return None
    v = value.strip().lower()
    v = {"accepted": "supported", "support": "supported", "note": "noted", "rejected": "noted"}.get(v, v)
    if v not in ("supported", "noted", "supported/noted", "none"):
        raise InputError(f"--response: '{value}' is not a response; use supported, noted, supported/noted or none",
                         code="usage")
    return v


# --------------------------------------------------------------------------- history
def history(conn: sa.Connection, rec: Any) -> dict[str, Any]:
    items = [{"status": a.status, "date": a.date.isoformat(), "evidence": a.evidence, "source": a.source,
              "by": a.author, "recorded_at": a.recorded_at}
             for a in conn.execute(sa.select(A).where(A.c.recommendation == rec.pk).order_by(A.c.date, A.c.pk))]
    linked = [{"mechanism": link.mechanism, "document": link.document, "paragraph": link.paragraph,
               "note": link.note, "by": link.author, "recorded_at": link.recorded_at}
              for link in conn.execute(sa.select(links).where(links.c.recommendation == rec.pk).order_by(links.c.pk))]
    return {"id": rec.rec_id, "state_under_review": rec.state or None, "review": rec.review or None,
            "session": rec.session, "document_symbol": rec.document_symbol, "text": rec.text,
            "response": rec.response, "themes": _decode(rec.themes), "sdgs": _decode(rec.sdgs),
            "groups_of_persons": _decode(rec.persons), "mechanism": rec.mechanism,
            "status": items[-1]["status"] if items else NO_DATA,  # the latest by date, whatever the date
            "assessments": items, "links": linked}


def links_by_pk(conn: sa.Connection, pks: set[int] | None = None) -> dict[int, list[dict[str, Any]]]:
    out: dict[int, list[dict[str, Any]]] = {}
    for link in conn.execute(sa.select(links).order_by(links.c.pk)):
        if pks is None or link.recommendation in pks:
            out.setdefault(link.recommendation, []).append(
                {"mechanism": link.mechanism, "document": link.document, "paragraph": link.paragraph,
                 "note": link.note})
    return out


def sources_as_of(conn: sa.Connection, as_of: dt.date, pks: set[int]) -> dict[int, list[str]]:
    """The distinct sources of each recommendation's assessments on or before ``as_of``, oldest first."""
    out: dict[int, list[str]] = {}
    q = sa.select(A.c.recommendation, A.c.source).where(A.c.date <= as_of, A.c.source.is_not(None)) \
        .order_by(A.c.date, A.c.pk)
    for r in conn.execute(q):
        if r.recommendation in pks and r.source and r.source not in out.setdefault(r.recommendation, []):
            out[r.recommendation].append(r.source)
    return out


# --------------------------------------------------------------------------- statistics
def _count(n: int, total: int) -> dict[str, Any]:
    return {"count": n, "share": round(n / total, 4) if total else 0.0}


def block(counts: dict[str, int], statuses: tuple[str, ...], triggered: tuple[str, ...]) -> dict[str, Any]:
    total = sum(counts.values())
    return {"total": total, "by_status": {s: _count(counts.get(s, 0), total) for s in statuses},
            "triggered_action": _count(sum(counts.get(s, 0) for s in triggered), total)}


GROUPS = ("all", "supported", "noted")


def stats_block(status_of: dict[int, str], response_of: dict[int, str | None], statuses: tuple[str, ...],
                triggered: tuple[str, ...]) -> dict[str, Any]:
    counts: dict[str, dict[str, int]] = {g: {} for g in GROUPS}
    for pk, resp in response_of.items():
        s = status_of.get(pk, NO_DATA)
        counts["all"][s] = counts["all"].get(s, 0) + 1
        if resp in ("supported", "noted"):
            counts[resp][s] = counts[resp].get(s, 0) + 1
    return {g: block(counts[g], statuses, triggered) for g in GROUPS}


def responses(conn: sa.Connection, state: str | None = None) -> dict[int, str | None]:
    want = fold(state) if state else None
    rows = conn.execute(sa.select(R.c.pk, R.c.state, R.c.response)).all()
    return {pk: response for pk, st, response in rows if want is None or fold(st) == want}


def status_of(conn: sa.Connection, as_of: dt.date) -> dict[int, str]:
    """Recommendation key -> its status as of ``as_of`` (only those assessed by then)."""
    q = sa.select(R.c.pk, A.c.status).select_from(R.join(A, A.c.pk == latest_pk(as_of)))
    return dict(conn.execute(q).all())


def month_ends(first: dt.date, last: dt.date) -> list[dt.date]:
    """The last day of every month from ``first``'s to ``last``'s (``last`` itself for its month)."""
    out = []
    y, m = first.year, first.month
    while (y, m) <= (last.year, last.month):
        nxt = dt.date(y + (m == 12), m % 12 + 1, 1)
        out.append(min(nxt - dt.timedelta(days=1), last))
        y, m = nxt.year, nxt.month
    return out


def by_month(conn: sa.Connection, as_of: dt.date, response_of: dict[int, str | None], statuses: tuple[str, ...],
             triggered: tuple[str, ...], since: dt.date | None = None) -> list[dict[str, Any]]:
    """The statistics at the end of each month, from the first assessment (or ``since``) to ``as_of``."""
    q = (sa.select(A.c.recommendation, sa.type_coerce(A.c.date, sa.String), A.c.status).where(A.c.date <= as_of)
         .order_by(A.c.date, A.c.pk))
    events: list[Any] = list(conn.execute(q).all())
    if events and not isinstance(events[0][1], str):  # PostgreSQL gives dates: compare ISO texts
        events = [(pk, _day(day), status) for pk, day, status in events]
    first_day = next((e[1] for e in events if e[0] in response_of), None)
    first = since or (dt.date.fromisoformat(first_day) if first_day else as_of)
    counts = {g: dict.fromkeys((*statuses, NO_DATA), 0) for g in GROUPS}
    all_counts = counts["all"]
    by_response: dict[int, dict[str, int] | None] = {}
    for pk, resp in response_of.items():
        all_counts[NO_DATA] += 1
        extra = counts[resp] if resp in ("supported", "noted") else None
        if extra is not None:
            extra[NO_DATA] += 1
        by_response[pk] = extra
    current: dict[int, str] = {}
    out = []
    i, n = 0, len(events)
    for end_day in month_ends(min(first, as_of), as_of):
        end = end_day.isoformat()
        while i < n and events[i][1] <= end:
            pk, _, new = events[i]
            i += 1
            if pk not in by_response:  # another State's
                continue
            old = current.get(pk, NO_DATA)
            if old != new:
                all_counts[old] -= 1
                all_counts[new] = all_counts.get(new, 0) + 1
                extra = by_response[pk]
                if extra is not None:
                    extra[old] -= 1
                    extra[new] = extra.get(new, 0) + 1
                current[pk] = new
        out.append({"month": end[:7], "as_of": end,
                    **{g: block(counts[g], statuses, triggered) for g in GROUPS}})
    return out
