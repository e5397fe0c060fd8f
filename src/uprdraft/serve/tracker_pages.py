"""Tracker pages (list, one recommendation with its history, assessment form, statistics with
a chart), behind one narrow interface.

The pages call only the API functions of the tracker (``track_list``, ``track_history``,
``track_assess``, ``track_stats``, ``track_import``), the same functions as ``uprdraft track``,
with the database given to ``uprdraft serve --db`` (None: the tracker's own default). When
this installation has no tracker (``uprdraft.tracker`` cannot be imported), no tracker page is
served and the menu leaves the tracker out.
"""
from __future__ import annotations

import datetime as dt
import importlib.util
from dataclasses import dataclass
from typing import Any

API_FUNCTIONS = ("track_list", "track_history", "track_assess", "track_stats", "track_import")
STATUSES = ("fully-implemented", "partially-implemented", "not-implemented", "no-data")
RESPONSES = ("supported", "noted", "supported/noted")
MAX_ROWS = 500  # a page lists at most this many; the filters narrow a large tracker down
COLOURS = {"fully-implemented": "#1d5e20", "partially-implemented": "#1f5fa8", "not-implemented": "#a4001d",
           "no-data": "#5c6670"}


@dataclass(frozen=True)
class Tracker:
    db: str | None  # the --db URL (None: the tracker's own default)
    api: Any  # the module with the track_* functions


def tracker_available() -> bool:
    """True when this installation has the tracker and its API functions."""
    try:
        if importlib.util.find_spec("uprdraft.tracker") is None:
            return False
        from .. import api
    except ImportError:
        return False
    return all(hasattr(api, name) for name in API_FUNCTIONS)


def open_tracker(db: str | None) -> Tracker | None:
    """The tracker the pages read and write, or None when this installation has none."""
    if not tracker_available():
        return None
    from .. import api

    return Tracker(db, api)


# --------------------------------------------------------------------------- pages
def _call(fn: Any, *args: Any, **kw: Any) -> tuple[Any, list[Any]]:
    """(report, findings): our errors become findings shown on the page, never a traceback."""
    from ..findings import UprdraftError

    try:
        return fn(*args, **kw), []
    except UprdraftError as e:
        return None, e.findings


def _q(request: Any, name: str) -> str | None:
    value = request.query_params.get(name)
    return value.strip() if value and value.strip() else None


def tracker_routes(tracker: Tracker | None) -> list[Any]:
    """The routes of the tracker pages; none without a tracker."""
    if tracker is None:
        return []
    from starlette.concurrency import run_in_threadpool
    from starlette.requests import Request
    from starlette.responses import RedirectResponse, Response
    from starlette.routing import Route

    from .pages import catalogue, page, pick_language

    async def listing(request: Request) -> Response:
        filters = {k: _q(request, k) for k in ("state", "theme", "status", "response", "sdg", "as_of")}
        report, problems = await run_in_threadpool(
            _call, tracker.api.track_list, db=tracker.db, state=filters["state"], theme=filters["theme"],
            status=filters["status"], response=filters["response"], sdg=filters["sdg"], as_of=filters["as_of"])
        rows = report.data if report is not None else []
        total = len(rows)
        rows = rows[:MAX_ROWS]
        t = catalogue(pick_language(request))
        return page(request, "tracker_list.html", title=t["tracker"]["list_title"], tr=t["tracker"], rows=rows,
                    total=total, max_rows=MAX_ROWS,
                    filters=filters, problems=problems, statuses=STATUSES, responses=RESPONSES,
                    as_of=report.stats.get("as_of") if report is not None else None,
                    status_code=200 if not problems else 422)

    async def recommendation(request: Request, problems: list[Any] | None = None, values: dict[str, Any] | None = None,
                             status_code: int = 200) -> Response:
        rid, state, session = _q(request, "id"), _q(request, "state"), _q(request, "session")
        if values is not None:
            rid, state, session = values.get("id"), values.get("state") or None, values.get("session") or None
        t = catalogue(pick_language(request))
        report, found = (None, []) if not rid else await run_in_threadpool(
            _call, tracker.api.track_history, rid, db=tracker.db, state=state, session=session)
        return page(request, "tracker_rec.html", title=f"{t['tracker']['recommendation']} {rid or ''}".strip(),
                    tr=t["tracker"], rec=report.stats if report is not None else None, problems=found,
                    form_problems=problems or [], values=values or {}, statuses=STATUSES,
                    ids={"id": rid, "state": state, "session": session}, today=dt.date.today().isoformat(),
                    saved=request.query_params.get("saved"), status_code=status_code if not found else 404)

    async def assess(request: Request) -> Response:
        form = await request.form(max_files=0, max_fields=20)
        values = {k: str(v).strip() for k, v in form.items() if isinstance(v, str)}
        await form.close()
        report, problems = await run_in_threadpool(
            _call, tracker.api.track_assess, values.get("id", ""), values.get("status", ""),
            values.get("date") or None, db=tracker.db, evidence=values.get("evidence") or None,
            source=values.get("source") or None, by=values.get("by") or None, state=values.get("state") or None,
            session=values.get("session") or None)
        if report is not None and report.ok:
            from urllib.parse import urlencode

            query = urlencode({k: values[k] for k in ("id", "state", "session") if values.get(k)} | {"saved": "1"})
            return RedirectResponse(f"/tracker/recommendation?{query}", status_code=303)
        findings = problems or (report.findings if report is not None else [])
        return await recommendation(request, findings, values, 422)

    async def statistics(request: Request) -> Response:
        as_of, state = _q(request, "as_of"), _q(request, "state")
        report, problems = await run_in_threadpool(_call, tracker.api.track_stats, db=tracker.db, as_of=as_of,
                                                   state=state, by_month=True)
        t = catalogue(pick_language(request))
        stats = report.stats if report is not None else None
        return page(request, "tracker_stats.html", title=t["tracker"]["stats_title"], tr=t["tracker"], stats=stats,
                    problems=problems, filters={"as_of": as_of, "state": state}, statuses=STATUSES,
                    chart=status_chart(stats, t) if stats else None,
                    trend=month_chart(stats, t) if stats and stats.get("by_month") else None,
                    status_code=200 if not problems else 422)

    async def import_file(request: Request) -> Response:
        from . import engine

        form = await request.form(max_files=1, max_fields=10)
        upload = form.get("file")
        t = catalogue(pick_language(request))
        if upload is None or isinstance(upload, str) or not (upload.filename or "").lower().endswith(
                tuple(s for s in (".csv", ".xlsx", ".yaml", ".yml")
                      if s in request.app.state.context.rules.serve.upload_suffixes)):
            await form.close()
            from ..findings import error

            return page(request, "tracker_imported.html", title=t["tracker"]["import_title"], tr=t["tracker"],
                        report=None, problems=[error("usage", "give a .csv, .xlsx or .yaml recommendations file")],
                        status_code=400)
        data = await upload.read()
        name = engine.safe_name(upload.filename, "recommendations.csv")
        await form.close()
        report, problems = await run_in_threadpool(_import, tracker, data, name)
        return page(request, "tracker_imported.html", title=t["tracker"]["import_title"], tr=t["tracker"],
                    report=report, problems=problems, status_code=200 if report is not None else 422)

    return [
        Route("/tracker", listing),
        Route("/tracker/recommendation", recommendation),
        Route("/tracker/assess", assess, methods=["POST"]),
        Route("/tracker/stats", statistics),
        Route("/tracker/import", import_file, methods=["POST"]),
    ]


def _import(tracker: Tracker, data: bytes, name: str) -> tuple[Any, list[Any]]:
    """``track_import`` on an uploaded file, read from a private temporary folder."""
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory(prefix="uprdraft-serve-") as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        report, problems = _call(tracker.api.track_import, path, db=tracker.db)
        if report is not None:
            report.stats["file"] = name
            from ..findings import Finding

            report.findings = [Finding(f.code, f.severity, f.message.replace(str(path), name),
                                       f.location.replace(str(path), name)) for f in report.findings]
        return report, problems


# --------------------------------------------------------------------------- charts (inline SVG)
def status_chart(stats: dict[str, Any], t: dict[str, Any]) -> dict[str, Any]:
    """Bars of counts by status for all, supported and noted recommendations, as shapes for an
    inline SVG (drawn on the server: no script, and the same numbers are in the table)."""
    groups = [g for g in ("all", "supported", "noted") if isinstance(stats.get(g), dict)]
    top = max([stats[g]["by_status"].get(s, {}).get("count", 0) for g in groups for s in STATUSES] + [1])
    bars = []
    width, bar_h, gap, label_w = 560, 16, 6, 170
    y = 10
    for g in groups:
        bars.append({"kind": "group", "y": y + 12, "text": t["tracker"].get(g, g)})
        y += 20
        for s in STATUSES:
            n = stats[g]["by_status"].get(s, {}).get("count", 0)
            w = round((width - label_w - 60) * n / top)
            bars.append({"kind": "bar", "y": y, "w": w, "h": bar_h, "x": label_w, "n": n, "colour": COLOURS[s],
                         "text": t["tracker"]["statuses"].get(s, s)})
            y += bar_h + gap
        y += 8
    return {"width": width, "height": y + 4, "bars": bars, "label_w": label_w}


def month_chart(stats: dict[str, Any], t: dict[str, Any]) -> dict[str, Any]:
    """Stacked columns of all recommendations by status at the end of each month."""
    months = stats["by_month"][-24:]
    width, height, left, bottom = 560, 220, 40, 40
    col = max(6, (width - left - 10) // max(len(months), 1) - 4)
    total = max([m["all"]["total"] for m in months] + [1])
    cols = []
    for i, m in enumerate(months):
        x = left + i * (col + 4)
        y = height - bottom
        parts = []
        for s in STATUSES:
            n = m["all"]["by_status"].get(s, {}).get("count", 0)
            h = round((height - bottom - 10) * n / total)
            y -= h
            parts.append({"y": y, "h": h, "colour": COLOURS[s], "n": n, "status": t["tracker"]["statuses"].get(s, s)})
        cols.append({"x": x, "w": col, "parts": parts, "month": m["month"], "label": i % max(1, len(months) // 6) == 0})
    return {"width": width, "height": height, "cols": cols, "base": height - bottom, "total": total,
            "legend": [{"colour": COLOURS[s], "text": t["tracker"]["statuses"].get(s, s)} for s in STATUSES]}
