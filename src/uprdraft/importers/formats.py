"""The three table layouts we read, recognised from their header row.

- ``upr-info``: the UPR Info database export. Columns ``To, To-Rgrp, To-Org, Text, From,
  From-Rgrp, From-Org, Response, Action, Issue, Session``; ``Issue`` holds comma-joined
  themes; one recommending State per row; no paragraph number, so the id is synthesised
  from the session and the row (``rules.importing.uprinfo_id``, e.g. ``UPRI-S5-R2``).
- ``uhri``: the OHCHR Universal Human Rights Index export (XLSX or CSV). Columns include
  ``Text, Countries Concerned, UPR Reccomending States`` (sic, as in the source),
  ``UPR Position, Themes, Document Symbol, UPR Session``; multi-valued cells hold one value
  per line, each prefixed with ``- ``. The WG paragraph number opens the text
  ("140.7 Ratify ...") and becomes the id.
- ``template``: our own CSV/XLSX template (``uprdraft new recommendations``): one column per
  field of a recommendation; list cells separated by ``;`` or new lines.

Each reader turns one row into plain field values or raises :class:`RowError` with a
reason code (counted in the import summary) and a message that says how to fix the row.
"""
from __future__ import annotations

import re
from sys import intern


class RowError(Exception):
    def __init__(self, reason: str, message: str):
        self.reason = reason
        self.message = message
        super().__init__(message)


def norm_header(h: str) -> str:
    return " ".join(h.replace("\ufeff", "").replace("_", " ").strip().lower().split())


UPRINFO_COLUMNS = ("to", "to-rgrp", "to-org", "text", "from", "from-rgrp", "from-org", "response", "action",
                   "issue", "session")
UHRI_ALIASES = {
    "text": ("text", "recommendation", "annotation"),
    "state": ("countries concerned", "country concerned", "state under review"),
    "from": ("upr reccomending states", "upr recommending states", "recommending states", "recommending state"),
    "response": ("upr position", "position"),
    "themes": ("themes", "theme"),
    "symbol": ("document symbol", "symbol"),
    "session": ("upr session", "session"),
    "paragraph": ("paragraph", "paragraph number", "para"),
}
TEMPLATE_COLUMNS = ("id", "text", "recommending_states", "response", "themes", "status", "assessment", "sources",
                    "session", "state_under_review", "document_symbol")
TEMPLATE_LISTS = ("recommending_states", "themes", "sources")


def detect_format(header: list[str]) -> str | None:
    cols = {norm_header(h) for h in header}
    if {"to", "text", "from", "response", "session"} <= cols:
        return "upr-info"
    if "text" in cols and ({"upr position", "countries concerned"} & cols or
                           any(a in cols for a in UHRI_ALIASES["from"][:2])):
        return "uhri"
    if {"id", "text"} <= cols:
        return "template"
    return None


def expected_columns() -> str:
    return ("UPR Info (To, Text, From, Response, Session, ...), UHRI (Text, Countries Concerned, "
            "UPR Reccomending States, UPR Position, ...) or the uprdraft template (" + ", ".join(TEMPLATE_COLUMNS) + ")")


def column_index(header: list[str], fmt: str) -> dict[str, int]:
    cols = [norm_header(h) for h in header]
    where: dict[str, int] = {}
    for i, c in enumerate(cols):
        where.setdefault(c, i)
    if fmt == "upr-info":
        return {c: where[c] for c in UPRINFO_COLUMNS if c in where}
    if fmt == "uhri":
        out = {}
        for key, names in UHRI_ALIASES.items():
            for name in names:
                if name in where:
                    out[key] = where[name]
                    break
        return out
    return {c: where[c.replace("_", " ")] for c in TEMPLATE_COLUMNS if c.replace("_", " ") in where}


def _get(cells: list[str], idx: dict[str, int], key: str) -> str:
    i = idx.get(key)
    if i is None or i >= len(cells):
        return ""
    return cells[i].strip()


def _session(value: str, required: bool = False) -> int | None:
    if not value:
        if required:
            raise RowError("no-session", "the Session cell is empty; give the UPR Working Group session number")
        return None
    m = re.search(r"\d+", value)
    if not m:
        raise RowError("bad-session", f"session '{value}' is not a number")
    return int(m.group())


def split_lines(value: str) -> list[str]:
    """UHRI multi-valued cells: one value per line, each prefixed with '- '."""
    out = []
    for line in value.splitlines():
        line = line.strip()
        if line.startswith(("- ", "-\t", "• ")):
            line = line[2:].strip()
        elif line == "-":
            continue
        if line:
            out.append(line)
    return out


def split_template_list(value: str) -> list[str]:
    parts = re.split(r"[;\n]", value) if value else []
    return [p.strip().lstrip("-").strip() for p in parts if p.strip().lstrip("-").strip()]


def row_uprinfo(cells, idx, row) -> dict:
    get = idx.get
    try:  # the cells read one by one: this runs for each of tens of thousands of rows
        text = cells[idx["text"]].strip()
        session = cells[idx["session"]].strip()
        to = cells[idx["to"]].strip()
        frm = cells[idx["from"]].strip()
        response = cells[idx["response"]].strip()
        i = get("action")
        action = cells[i].strip() if i is not None else ""
        i = get("issue")
        issue = cells[i].strip() if i is not None else ""
    except IndexError:  # a short row: the missing cells are empty
        return row_uprinfo(cells + [""] * (max(idx.values()) + 1 - len(cells)), idx, row)
    if not text:
        raise RowError("empty-text", "the Text cell is empty; a recommendation needs its text")
    session = int(session) if session.isdigit() else _session(session, required=True)
    action_category, note = (int(action), None) if action in _ACTIONS else _action(action)
    themes = _THEMES.get(issue)
    if themes is None:
        themes = _themes(issue)
    # States, responses and themes repeat on thousands of rows: one string each (interned)
    out = {
        "text": text,
        "recommending_states": [intern(frm)] if frm else [],
        "response_raw": response,
        "themes": list(themes),
        "session": session,
        "state_under_review": intern(to) if to else None,
        "action_category": action_category,
    }
    if note:
        out["_warnings"] = [("action", note)]
    return out


_THEMES: dict[str, tuple[str, ...]] = {}  # Issue cell -> its themes: a few thousand cells repeat


def _themes(issue: str) -> tuple[str, ...]:
    """The themes of a UPR Info Issue cell (comma-joined), remembered."""
    themes = tuple(intern(t) for t in map(str.strip, issue.split(",")) if t)
    if len(_THEMES) >= 10_000:
        _THEMES.clear()
    _THEMES[issue] = themes
    return themes


_ACTIONS = frozenset("12345")
_ACTION = re.compile(r"(?:cat(?:egory|\.)?\s*)?([1-5])\.?", re.IGNORECASE)


def _action(value: str) -> tuple[int | None, str | None]:
    """(UPR Info action category, warning): "4" is 4; "Category 5" is read as 5 with a warning;
    anything else is left out with a warning. The documents never use the category, so a
    row is never dropped over it."""
    if not value:
        return None, None
    if value.isdigit() and 1 <= int(value) <= 5:
        return int(value), None
    m = _ACTION.fullmatch(value.strip())
    if m:
        return int(m.group(1)), f"Action '{value}' read as action category {m.group(1)}"
    return None, (f"Action '{value[:40]}' is not a UPR Info action category 1-5; the row is kept without it "
                  "(the documents do not use it)")


_PARA = re.compile(r"^\s*(\d{1,3}\.\d{1,3})\.?\s+")


def row_uhri(cells, idx, row) -> dict:
    text = _get(cells, idx, "text")
    if not text:
        raise RowError("empty-text", "the Text cell is empty; a recommendation needs its text")
    rid = None
    m = _PARA.match(text)
    if m:
        rid, text = m.group(1), text[m.end():].strip()
    elif _get(cells, idx, "paragraph"):
        rid = _get(cells, idx, "paragraph")
    states = split_lines(_get(cells, idx, "state"))
    return {
        "id": rid,
        "text": text,
        "recommending_states": split_lines(_get(cells, idx, "from")),
        "response_raw": " ".join(split_lines(_get(cells, idx, "response"))),
        "themes": split_lines(_get(cells, idx, "themes")),
        "session": _session(_get(cells, idx, "session")),
        "state_under_review": states[0] if states else None,
        "document_symbol": next(iter(split_lines(_get(cells, idx, "symbol"))), None),
    }


def row_template(cells, idx, row) -> dict:
    out: dict[str, object] = {}
    for col in TEMPLATE_COLUMNS:
        value = _get(cells, idx, col)
        if col in TEMPLATE_LISTS:
            out[col] = split_template_list(value)
        elif col == "session":
            out[col] = _session(value)
        elif col == "response":
            out["response_raw"] = value
        elif col == "status":
            if value:
                out[col] = value.lower().replace(" ", "-").replace("_", "-")
        else:
            out[col] = value or None
    if not out.get("id"):
        raise RowError("no-id", "the id cell is empty; give the WG report paragraph, e.g. 115.23")
    if not out.get("text"):
        raise RowError("empty-text", "the text cell is empty; a recommendation needs its text")
    return out


ROW_READERS = {"upr-info": row_uprinfo, "uhri": row_uhri, "template": row_template}
FORMAT_NAMES = {"upr-info": "UPR Info database export", "uhri": "OHCHR Universal Human Rights Index export",
                "template": "uprdraft recommendations template", "yaml": "uprdraft YAML"}
