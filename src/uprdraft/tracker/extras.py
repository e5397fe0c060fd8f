"""What the OHCHR index (UHRI) says about a recommendation beyond the importer's fields:
its Sustainable Development Goals (goals or targets), the groups of persons concerned and the
mechanism that made it (UPR, a treaty body, a special procedure).

The importer (:mod:`uprdraft.importers`) reads the recommendations; this module reads the same
table once more for these columns only, and matches rows to recommendations by their text
(the paragraph number that opens a UHRI text removed, as the importer does).
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

ALIASES = {
    "text": ("text", "recommendation", "annotation"),
    "sdgs": ("sdgs", "sdg", "sdg targets", "sdg target", "sdg goals", "sustainable development goals"),
    "persons": ("affected persons", "groups of persons", "persons concerned", "concerned persons", "affected groups"),
    "mechanism": ("mechanism", "mechanisms", "body", "bodies"),
}
TREATY_BODIES = ("crc", "cedaw", "cerd", "ccpr", "cescr", "cat", "cmw", "crpd", "ced", "spt", "human rights committee")
_PARA = re.compile(r"^\s*(\d{1,3}\.\d{1,3})\.?\s+")
_SDG = re.compile(r"^(?:sdg|goal|target)?\s*(\d{1,2}(?:\.[0-9a-z]{1,2})?)\b", re.IGNORECASE)


@dataclass
class Extras:
    sdgs: list[str] = field(default_factory=list)
    persons: list[str] = field(default_factory=list)
    mechanism: str | None = None


def _norm(h: str) -> str:
    return " ".join(h.replace("\ufeff", "").replace("_", " ").strip().lower().split())


def _lines(value: str) -> list[str]:
    out = []
    for line in re.split(r"[\n;]", value or ""):
        line = line.strip()
        if line.startswith(("- ", "-\t", "• ")):
            line = line[2:].strip()
        if line and line != "-":
            out.append(line)
    return out


def sdg(value: str) -> str:
    """"Goal 4 - Quality education" -> "4"; "4.1 By 2030, ..." -> "4.1"; other text as given."""
    m = _SDG.match(value.strip())
    return m.group(1) if m else value.strip()


def mechanism(value: str) -> str | None:
    v = value.strip().lower()
    if not v:
        return None
    if v in ("upr", "universal periodic review") or "universal periodic review" in v:
        return "upr"
    if "special rapporteur" in v or "special procedure" in v or "independent expert" in v or v.startswith(
            "working group on"):
        return "special-procedure"
    if "committee" in v or "treaty" in v or v.split()[0].strip("-()") in TREATY_BODIES:
        return "treaty-body"
    return v


def text_key(text: str) -> str:
    m = _PARA.match(text)
    return " ".join((text[m.end():] if m else text).split())


def _rows(path: Path) -> list[list[str]]:
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        from openpyxl import load_workbook

        wb = load_workbook(path, read_only=True, data_only=True)
        try:
            return [["" if v is None else str(v) for v in row] for row in wb.worksheets[0].iter_rows(values_only=True)]
        finally:
            wb.close()
    from ..encoding import decode

    text, _ = decode(path.read_bytes())
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    first = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first.count)
    return list(csv.reader(io.StringIO(text), delimiter=delimiter, strict=False))


def read_extras(path: Path) -> dict[str, Extras]:
    """text key -> Extras, for a UHRI table that has any of the extra columns; else {}."""
    if path.suffix.lower() not in (".csv", ".txt", ".tsv", ".xlsx", ".xlsm"):
        return {}
    try:
        rows = _rows(path)
    except Exception:  # the importer has already said what is wrong with the file
        return {}
    header = next((r for r in rows if any(c.strip() for c in r)), None)
    if header is None:
        return {}
    cols = [_norm(h) for h in header]
    idx = {}
    for key, names in ALIASES.items():
        for name in names:
            if name in cols:
                idx[key] = cols.index(name)
                break
    if "text" not in idx or len(idx) == 1:
        return {}
    out: dict[str, Extras] = {}
    start = rows.index(header) + 1

    def cell(row: list[str], key: str) -> str:
        i = idx.get(key)
        return row[i] if i is not None and i < len(row) else ""

    for row in rows[start:]:
        text = cell(row, "text")
        if not text.strip():
            continue
        out[text_key(text)] = Extras(sdgs=list(dict.fromkeys(sdg(v) for v in _lines(cell(row, "sdgs")))),
                                     persons=_lines(cell(row, "persons")),
                                     mechanism=mechanism(" ".join(_lines(cell(row, "mechanism")))))
    return out
