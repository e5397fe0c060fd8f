"""``uprdraft track assess`` and ``uprdraft track link``: appending to the record.

Both only ever insert: an assessment is never changed or removed by a later one (a
correction is a new assessment; the history keeps both, with who recorded each and when).
"""
from __future__ import annotations

import datetime as dt
import getpass
import os
from typing import Any

import sqlalchemy as sa

from ..findings import Finding, InputError, warning
from .db import Tracker, now
from .query import check_status, describe, find
from .schema import assessments, links


def author(by: str | None) -> str | None:
    """Who records: ``by``, else $UPRDRAFT_BY, else the login name."""
    if by and by.strip():
        return by.strip()
    env = os.environ.get("UPRDRAFT_BY")
    if env:
        return env.strip()
    try:
        return getpass.getuser()
    except Exception:
        return None


def add_assessment(tracker: Tracker, rec_id: str, status: str, date: dt.date, *, evidence: str | None = None,
                   source: str | None = None, by: str | None = None, state: str | None = None,
                   session: str | int | None = None,
                   today: dt.date | None = None) -> tuple[list[Finding], dict[str, Any]]:
    status = check_status(status)
    if not isinstance(date, dt.date):
        raise InputError("--date: give the date of the assessment as YYYY-MM-DD", code="usage")
    findings: list[Finding] = []
    if date > (today or dt.date.today()):
        findings.append(warning("track-future-date", f"--date {date.isoformat()} is in the future; the assessment "
                                "counts only from that day"))
    stamp = now()
    who = author(by)
    with tracker.write() as conn:
        rec = find(conn, rec_id, state, session)
        pk = conn.execute(sa.insert(assessments).values(
            recommendation=rec.pk, status=status, date=date, evidence=(evidence or None), source=(source or None),
            author=who, recorded_at=stamp).returning(assessments.c.pk)).scalar_one()
    return findings, {"id": rec.rec_id, "state_under_review": rec.state or None, "review": rec.review or None,
                      "recommendation": describe(rec), "status": status, "date": date.isoformat(),
                      "by": who, "recorded_at": stamp, "assessment": pk}


def add_link(tracker: Tracker, rec_id: str, mechanism: str, document: str, *, paragraph: str | None = None,
             note: str | None = None, by: str | None = None, state: str | None = None,
             session: str | int | None = None) -> dict[str, Any]:
    if not mechanism or not mechanism.strip():
        raise InputError("--mechanism: name the mechanism, e.g. CRC (Committee on the Rights of the Child)",
                         code="usage")
    if not document or not document.strip():
        raise InputError("--document: give the symbol of the document, e.g. CRC/C/SVN/CO/5-6", code="usage")
    stamp = now()
    who = author(by)
    with tracker.write() as conn:
        rec = find(conn, rec_id, state, session)
        conn.execute(sa.insert(links).values(recommendation=rec.pk, mechanism=mechanism.strip(),
                                             document=document.strip(), paragraph=(paragraph or None),
                                             note=(note or None), author=who, recorded_at=stamp))
    return {"id": rec.rec_id, "recommendation": describe(rec), "mechanism": mechanism.strip(),
            "document": document.strip(), "paragraph": paragraph, "by": who, "recorded_at": stamp}
