"""Reading a CSV or XLSX file into a header and numbered rows of strings.

Row numbers are what a spreadsheet shows: the header is row 1, the first record row 2. A
CSV record whose quoted cell spans several lines still counts as one row, so ``row N`` is
the same in a text editor's CSV view of LibreOffice or Excel.

CSV: the encoding is decided on evidence (:mod:`uprdraft.encoding`) unless given; CR-only
(old Mac), LF and CRLF line endings are all accepted; the delimiter is a comma, a semicolon
(French and Spanish Excel) or a tab, chosen from the header line.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from ..encoding import Detected, decode
from ..findings import InputError

XLSX_SUFFIXES = (".xlsx", ".xlsm")


@dataclass
class Table:
    path: Path
    header: list[str]
    rows: list[tuple[int, list[str]]]  # (row number, cells)
    detected: Detected | None = None  # CSV only
    sheet: str | None = None  # XLSX only
    notes: list[str] = field(default_factory=list)


def read_table(path: Path, encoding: str | None = None, rules=None) -> Table:
    """The header and numbered rows of a CSV or XLSX file (``rules``: for the encoding
    decision, see :func:`uprdraft.encoding.detect`)."""
    if path.suffix.lower() in XLSX_SUFFIXES:
        return _read_xlsx(path)
    if path.suffix.lower() == ".xls":
        raise InputError(f"{path}: old Excel .xls files are not read; open it and save it as .xlsx or CSV",
                         code="unreadable")
    return _read_csv(path, encoding, rules)


from ..fileio import read_bytes as _read_bytes


def _read_csv(path: Path, encoding: str | None, rules=None) -> Table:
    data = _read_bytes(path)
    if data.startswith(b"PK\x03\x04"):
        raise InputError(f"{path}: this is a zip file (an Excel workbook?), not CSV; name it .xlsx", code="unreadable")
    try:
        text, detected = decode(data, encoding, rules=rules)
    except LookupError:
        raise InputError(f"--encoding {encoding}: unknown encoding; use utf-8, utf-8-sig, utf-16, cp1252 "
                         "or mac_roman", code="encoding") from None
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + data[: e.start].count(b"\r") - data[: e.start].count(b"\r\n") + 1
        raise InputError(f"{path}:{line}:1: byte 0x{data[e.start]:02X} is not valid {e.encoding}; "
                         "leave out --encoding to let uprdraft decide, or give the right one",
                         code="encoding") from None
    text = text.lstrip("\ufeff")
    if "\r" in text:  # old Mac files end lines with CR only; csv wants one kind of newline
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        raise InputError(f"{path}: the file holds NUL bytes after decoding as {detected.encoding}; "
                         "give the right --encoding (utf-16?)", code="encoding")
    first = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first.count)
    reader = csv.reader(io.StringIO(text), delimiter=delimiter, strict=False)
    header: list[str] | None = None
    rows: list[tuple[int, list[str]]] = []
    try:
        for n, cells in enumerate(reader, start=1):
            if header is None:
                header = cells
                continue
            rows.append((n, cells))
    except csv.Error as e:
        raise InputError(f"{path}:row {len(rows) + 2}: unreadable CSV ({e})", code="parse") from None
    if not header or not any(c.strip() for c in header):
        raise InputError(f"{path}: the file is empty; it needs a header row with column names", code="parse")
    return Table(path, header, rows, detected=detected)


def _cell(v) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    if hasattr(v, "isoformat"):
        return v.isoformat()
    return str(v)


def _read_xlsx(path: Path) -> Table:
    import zipfile

    from openpyxl import load_workbook

    _read_bytes(path)  # same messages as CSV for a missing file
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as e:
        raise InputError(f"{path}: not a readable .xlsx workbook ({type(e).__name__}); save it again from "
                         "Excel or LibreOffice as .xlsx", code="unreadable") from None
    try:
        ws = wb.worksheets[0]
        header = None
        rows = []
        for n, values in enumerate(ws.iter_rows(values_only=True), start=1):
            cells = [_cell(v) for v in values]
            if header is None:
                if any(c.strip() for c in cells):
                    header = cells
                continue
            rows.append((n, cells))
        sheet = ws.title
    finally:
        wb.close()
    if header is None:
        raise InputError(f"{path}: the first sheet is empty; it needs a header row with column names", code="parse")
    return Table(path, header, rows, sheet=sheet)
