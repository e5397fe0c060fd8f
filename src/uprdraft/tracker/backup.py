"""``uprdraft track dump`` and ``uprdraft track load``: the whole record as one JSON file.

The dump holds every row of every table (recommendations, assessments, links) with its key,
lists as JSON arrays and dates as ISO text, so that loading it into an empty tracker, SQLite
or PostgreSQL, gives back the same data, and dumping that gives back the same file (except
``dumped_at``).
"""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from ..findings import InputError
from .db import Tracker, now
from .schema import DATA_TABLES, HEAD, LIST_COLUMNS, assessments, join_list, recommendations, split_list

FORMAT = "uprdraft-tracker-dump"
VERSION = 1


def dump_data(tracker: Tracker) -> dict[str, Any]:
    tables: dict[str, list[dict[str, Any]]] = {}
    with tracker.read() as conn:
        for table in DATA_TABLES:
            rows = []
            for r in conn.execute(sa.select(table).order_by(table.c.pk)):
                row = dict(r._mapping)
                for col in LIST_COLUMNS:
                    if col in row and table is recommendations:
                        row[col] = split_list(row[col])
                for k, v in row.items():
                    if isinstance(v, dt.date):
                        row[k] = v.isoformat()
                rows.append(row)
            tables[table.name] = rows
    return {"format": FORMAT, "version": VERSION, "schema": HEAD, "dumped_at": now(), "tables": tables}


def dump_text(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def read_dump(path: Path) -> dict[str, Any]:
    from ..fileio import read_bytes

    raw = read_bytes(path)
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise InputError(f"{path}: not a tracker dump (not JSON: {e})", code="parse") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("tables"), dict):
        raise InputError(f"{path}: not a tracker dump (made by 'uprdraft track dump')", code="parse")
    if data.get("version") != VERSION:
        raise InputError(f"{path}: a dump of version {data.get('version')}; this uprdraft reads version {VERSION}",
                         code="parse")
    return data


def _rows(path: Path, table: sa.Table, rows: Any) -> list[dict[str, Any]]:
    if not isinstance(rows, list):
        raise InputError(f"{path}: tables.{table.name} must be a list of rows", code="parse")
    names = set(table.c.keys())
    out = []
    for i, row in enumerate(rows):
        if not isinstance(row, dict) or not set(row) <= names:
            extra = sorted(set(row) - names) if isinstance(row, dict) else []
            raise InputError(f"{path}: tables.{table.name}[{i}]: not a row of this table"
                             + (f" (unknown columns {', '.join(extra)})" if extra else ""), code="parse")
        row = dict(row)
        if table is recommendations:
            for col in LIST_COLUMNS:
                if col in row:
                    row[col] = join_list(row[col] or [])
        if table is assessments and isinstance(row.get("date"), str):
            try:
                row["date"] = dt.date.fromisoformat(row["date"])
            except ValueError:
                raise InputError(f"{path}: tables.assessments[{i}].date: '{row['date']}' is not a date",
                                 code="parse") from None
        out.append(row)
    return out


def load_data(tracker: Tracker, path: Path, data: dict[str, Any]) -> dict[str, int]:
    """Insert the dump into the tracker, which must hold no recommendation; one transaction."""
    tables = data["tables"]
    prepared = {t.name: _rows(path, t, tables.get(t.name, [])) for t in DATA_TABLES}
    with tracker.write() as conn:
        if conn.execute(sa.select(sa.func.count()).select_from(recommendations)).scalar():
            raise InputError(f"{tracker.shown}: the tracker holds recommendations already; load a dump into an "
                             "empty tracker ('uprdraft track init --db NEW')", code="track-exists")
        for table in DATA_TABLES:
            rows = prepared[table.name]
            if rows:
                conn.execute(sa.insert(table), rows)
        if tracker.dialect == "postgresql":
            for table in DATA_TABLES:
                conn.execute(sa.text(
                    f"SELECT setval(pg_get_serial_sequence('{table.name}', 'pk'), "
                    f"COALESCE((SELECT MAX(pk) FROM {table.name}), 0) + 1, false)"))
    return {name: len(rows) for name, rows in prepared.items()}
