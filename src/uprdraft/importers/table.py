"""Reading a CSV or XLSX file into a header and numbered rows of strings, within bounds.

Row numbers are what a spreadsheet shows: the header is row 1, the first record row 2. A
CSV record whose quoted cell spans several lines still counts as one row, so ``row N`` is
the same in a text editor's CSV view of LibreOffice or Excel.

CSV: the encoding is decided on evidence (:mod:`uprdraft.encoding`) unless given; CR-only
(old Mac), LF and CRLF line endings are all accepted; the delimiter is a comma, a semicolon
(French and Spanish Excel) or a tab, chosen from the header line.

XLSX: the first worksheet, streamed with expat (:mod:`.xlsx`); every row the sheet holds is
read, whatever its ``<dimension>`` says.

Bounds (``rules.importing``, each over-limit an InputError with its own code, exit 2, one
line naming the limit and the ``--rules`` key that raises it): the file is a regular file
(not a folder, pipe or device) of at most ``max_file_mb``; at most ``max_rows`` rows; a
workbook's zip members, each and together, expand to at most ``max_expanded_mb`` and at
most ``max_expansion_ratio`` times their packed size (checked for every member, read or not).
"""
from __future__ import annotations

import csv
import itertools
import operator
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..encoding import Detected, decode
from ..findings import InputError
from .limits import over_limit, read_input

XLSX_SUFFIXES = (".xlsx", ".xlsm")


@dataclass
class Table:
    path: Path
    header: list[str]
    rows: Iterable[tuple[int, list[str]]]  # (row number, cells); CSV rows are read as they are taken
    detected: Detected | None = None  # CSV only
    sheet: str | None = None  # XLSX only
    notes: list[str] = field(default_factory=list)
    # no cell holds a lone surrogate: strict decoders and XML never give one (see .record)
    whole_characters: bool = True


def read_table(path: Path, encoding: str | None = None, rules=None) -> Table:
    """The header and numbered rows of a CSV or XLSX file (``rules``: the limits, and the
    encoding decision, see :func:`uprdraft.encoding.detect`)."""
    from .settings import resolve

    rules = resolve(rules)
    if path.suffix.lower() == ".xls":
        raise InputError(f"{path}: old Excel .xls files are not read; open it and save it as .xlsx or CSV",
                         code="unreadable")
    if path.suffix.lower() in XLSX_SUFFIXES:
        from .xlsx import read_xlsx

        header, rows, sheet = read_xlsx(path, read_input(path, rules), rules)
        return Table(path, header, rows, sheet=sheet)
    return _read_csv(path, [read_input(path, rules)], encoding, rules)


def _read_csv(path: Path, holder: list[bytes], encoding: str | None, rules) -> Table:
    """``holder``: the file's bytes in a list, let go as soon as they are decoded."""
    data = holder.pop()
    if data.startswith(b"PK\x03\x04"):
        raise InputError(f"{path}: this is a zip file (an Excel workbook?), not CSV; name it .xlsx", code="unreadable")
    try:
        text, detected = decode(data, encoding, margin=rules.importing.encoding_margin)
    except LookupError:
        raise InputError(f"--encoding {encoding}: unknown encoding; use utf-8, utf-8-sig, utf-16, cp1252 "
                         "or mac_roman", code="encoding") from None
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + data[: e.start].count(b"\r") - data[: e.start].count(b"\r\n") + 1
        raise InputError(f"{path}:{line}:1: byte 0x{data[e.start]:02X} is not valid {e.encoding}; "
                         "leave out --encoding to let uprdraft decide, or give the right one",
                         code="encoding") from None
    del data
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\x00" in text:
        raise InputError(f"{path}: the file holds NUL bytes after decoding as {detected.encoding}; "
                         "give the right --encoding (utf-16?)", code="encoding")
    end = min((i for i in (text.find("\n"), text.find("\r")) if i >= 0), default=len(text))
    first = text[:end]
    delimiter = max((",", ";", "\t"), key=first.count)
    max_rows = rules.importing.max_rows
    whole_characters = encoding is None or _whole_characters(text)
    # csv wants one kind of newline: lines are cut at CR, LF or CRLF (old Mac files end lines
    # with CR only) and given to it one by one, ending in "\n"
    reader = csv.reader(lines([text]), delimiter=delimiter, strict=False)  # lines() lets the text go
    del text
    try:
        header = next(reader, None)
    except csv.Error as e:
        raise InputError(f"{path}:row 1: unreadable CSV ({e})", code="parse") from None
    if not header or not any(c.strip() for c in header):
        raise InputError(f"{path}: the file is empty; it needs a header row with column names", code="parse")
    return Table(path, header, _csv_rows(path, reader, max_rows), detected=detected,
                 whole_characters=whole_characters)


def _whole_characters(text: str) -> bool:
    """No lone surrogate in ``text`` (a codec given with --encoding, such as unicode_escape,
    can make one; the encodings we detect never do)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _csv_rows(path: Path, reader, max_rows: int):
    """(row number, cells) as the reader goes: the rows are built one by one, never all at once."""
    n = 1
    try:
        for n, cells in enumerate(reader, start=2):
            if n - 1 > max_rows:
                raise over_limit(path, f"the table has more than {max_rows:,} rows", "max_rows", max_rows,
                                 "too-many-rows")
            yield n, cells
    except csv.Error as e:
        raise InputError(f"{path}:row {n + 1}: unreadable CSV ({e})", code="parse") from None


def lines(holder: list[str]) -> Iterator[str]:
    """The lines of the text in ``holder`` (let go once cut), cut at LF, CRLF or a lone CR,
    each ending in LF. Cut by ``str.split`` and given the LF back by ``map``: no Python code
    runs per line."""
    text = holder.pop()
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    parts = text.split("\n")
    del text
    if parts[-1] == "":
        parts.pop()  # the text ends with a newline (or is empty)
    return map(operator.add, parts, itertools.repeat("\n"))
