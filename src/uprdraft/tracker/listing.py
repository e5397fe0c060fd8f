"""The formats of ``uprdraft track list``: a text table, CSV, JSON (an array of objects) and XLSX."""
from __future__ import annotations

import csv
import io
import json
from typing import Any

FORMATS = ("table", "csv", "json", "xlsx")
FIELDS = ("id", "text", "state_under_review", "session", "document_symbol", "recommending_states", "response",
          "themes", "sdgs", "groups_of_persons", "mechanism", "action_category", "status", "status_date",
          "assessment", "source")


def public(row: dict[str, Any]) -> dict[str, Any]:
    return {k: row[k] for k in FIELDS}


def as_json(rows: list[dict[str, Any]]) -> str:
    """A JSON array, one object per line (each encoded by the C encoder: fast for 40,000 rows)."""
    if not rows:
        return "[]\n"
    dumps = json.JSONEncoder(ensure_ascii=False).encode
    return "[\n" + ",\n".join(dumps({k: r[k] for k in FIELDS}) for r in rows) + "\n]\n"


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(value)
    return str(value)


def as_csv(rows: list[dict[str, Any]]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(FIELDS)
    for r in rows:
        w.writerow([_cell(r[k]) for k in FIELDS])
    return buf.getvalue()


def as_xlsx(rows: list[dict[str, Any]]) -> bytes:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("recommendations")
    ws.append(list(FIELDS))
    for r in rows:
        ws.append([_cell(r[k]) if not isinstance(r[k], int) else r[k] for k in FIELDS])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def as_table(rows: list[dict[str, Any]], width: int = 60) -> str:
    heads = ("id", "State", "session", "response", "status", "since", "text")
    cells = [(r["id"], r["state_under_review"] or "", "" if r["session"] is None else str(r["session"]),
              r["response"] or "", r["status"], r["status_date"] or "", _short(r["text"], width)) for r in rows]
    widths = [max([len(h)] + [len(c[i]) for c in cells]) for i, h in enumerate(heads[:-1])]
    fmt = "  ".join(f"{{:<{w}}}" for w in widths) + "  {}"
    return "\n".join([fmt.format(*heads), *(fmt.format(*c) for c in cells)]) + "\n"


def _short(text: str, width: int) -> str:
    short = text if len(text) <= width else text[: width - 1] + "…"
    return short.replace("\n", " ").replace("\r", " ") if "\n" in short or "\r" in short else short


def render(rows: list[dict[str, Any]], fmt: str) -> str | bytes:
    if fmt == "xlsx":
        return as_xlsx(rows)
    return {"table": as_table, "csv": as_csv, "json": as_json}[fmt](rows)
