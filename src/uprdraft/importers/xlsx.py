"""The first worksheet of an .xlsx workbook, as a header and numbered rows of strings.

The zip package is checked before anything is parsed: every member, read or not, must
expand to at most ``rules.importing.max_expanded_mb`` (all members together too) and at
most ``max_expansion_ratio`` times its packed size; two members of one name make the file
unreadable. Parts are then streamed through expat (no tree; a DTD or an entity declaration
makes the file unreadable; nothing is fetched), so memory stays bounded whatever the sheet
holds, and every row the sheet holds is read, whatever its ``<dimension>`` says (a stale
dimension makes row-by-dimension readers drop rows silently). The rows are parsed as they
are taken.

Cell values as a spreadsheet shows them: shared and inline strings, numbers (``48``, not
``48.0``), booleans, formula results, and dates (cells whose number format is a date,
read with openpyxl's format rules) as ISO text. Any damage is one InputError line.
"""
from __future__ import annotations

import io
import posixpath
import zipfile
from pathlib import Path

from ..findings import InputError
from .limits import MB, over_limit

MAX_MEMBERS = 10_000
MAX_COLUMNS = 16_384  # XFD, the last column of Excel
RATIO_FLOOR = MB  # members smaller than this expand as they like
_REL_OFFICE = "/officeDocument"
_REL_SHARED = "/sharedStrings"
_REL_STYLES = "/styles"


class _Bad(Exception):
    """The workbook is damaged: the message says how."""


def _unreadable(path, why: str) -> InputError:
    return InputError(f"{path}: not a readable .xlsx workbook ({why}); save it again from Excel or LibreOffice "
                      "as .xlsx", code="unreadable")


def check_package(path: Path, data: bytes, rules) -> zipfile.ZipFile:
    """The zip package, once every member is within the bounds (see the module docstring)."""
    imp = rules.importing
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, OSError, NotImplementedError) as e:
        why = "an encrypted or password-protected workbook" if data.startswith(b"\xd0\xcf\x11\xe0") else \
            f"the zip package is damaged: {e}"
        raise _unreadable(path, why) from None
    if len(infos) > MAX_MEMBERS:
        raise _unreadable(path, f"{len(infos):,} parts, over the safety bound of {MAX_MEMBERS:,}")
    names: set[str] = set()
    total = 0
    limit = imp.max_expanded_mb * MB
    for info in infos:
        if info.filename in names:
            raise _unreadable(path, f"two parts are named {info.filename}")
        names.add(info.filename)
        size = info.file_size
        total += size
        if size > limit or total > limit:
            what = (f"its part {info.filename} expands to {size / MB:,.1f} MB" if size > limit else
                    f"its parts expand to more than {imp.max_expanded_mb:,} MB")
            raise over_limit(path, what, "max_expanded_mb", imp.max_expanded_mb, "workbook-too-large")
        if size > RATIO_FLOOR and size > imp.max_expansion_ratio * max(info.compress_size, 1):
            ratio = size / max(info.compress_size, 1)
            raise over_limit(path, f"its part {info.filename} expands {ratio:,.0f} times its packed size",
                             "max_expansion_ratio", imp.max_expansion_ratio, "workbook-ratio")
    return zf


def read_xlsx(path: Path, data: bytes, rules):
    """(header, numbered rows, sheet name) of the first worksheet (see the module docstring);
    the rows are an iterator, parsed as they are taken. InputError for a damaged workbook or
    one over a limit (when opening it, or while the rows are taken)."""
    zf = check_package(path, data, rules)
    try:
        header, rows, name = _read(path, zf, rules)
    except Exception as e:  # noqa: BLE001 - any damage the parser meets is one plain line
        raise _plain(path, e) from None
    return header, _guarded(path, rows), name


def _guarded(path: Path, rows):
    try:
        yield from rows
    except Exception as e:  # noqa: BLE001 - as in read_xlsx
        raise _plain(path, e) from None


def _plain(path: Path, e: Exception) -> Exception:
    """The one-line error for anything that went wrong reading the workbook."""
    if isinstance(e, (InputError, MemoryError)):
        return e
    if isinstance(e, _Bad):
        return _unreadable(path, str(e))
    if isinstance(e, (zipfile.BadZipFile, EOFError, OSError)):
        return _unreadable(path, f"the zip package is damaged: {e}")
    return _unreadable(path, f"{type(e).__name__} while reading it")


# --------------------------------------------------------------------------- parts
MAX_ITEMS = 65_536  # most relationships, sheets, number formats or cell formats looked at


def _parser(name: str, start, end=None, data=None):
    """An expat parser with ``start(tag, attrs)``, ``end(tag)`` and ``data(text)`` (tags and
    attribute names as written, ``x:c`` or ``c``: see :func:`_local`): no tree is built, so
    memory stays small however many elements the part holds. A DTD or an entity declaration
    makes the part unreadable (no entity is ever expanded, nothing is fetched)."""
    import xml.parsers.expat as expat

    parser = expat.ParserCreate()
    parser.buffer_text = True
    parser.buffer_size = 1 << 16

    def refuse(*_args):
        raise _Bad(f"the part {name} declares a DTD or entities")

    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    parser.ExternalEntityRefHandler = refuse
    parser.StartElementHandler = start
    if end is not None:
        parser.EndElementHandler = end
    if data is not None:
        parser.CharacterDataHandler = data
    return parser


def _feed(parser, name: str, chunk: bytes) -> None:
    import xml.parsers.expat as expat

    try:
        parser.Parse(chunk, not chunk)
    except expat.ExpatError as e:
        raise _Bad(f"damaged XML in {name}: {expat.errors.messages[e.code]}, line {e.lineno}") from None


def _parse(zf: zipfile.ZipFile, name: str, start, end=None, data=None) -> None:
    """A whole part through :func:`_parser`, streamed."""
    parser = _parser(name, start, end, data)
    with _open(zf, name) as f:
        while True:
            chunk = f.read(CHUNK)
            _feed(parser, name, chunk)
            if not chunk:
                return


CHUNK = 1 << 16


def _local(tag: str) -> str:
    """``c`` of ``x:c`` (SpreadsheetML is read by local names, whatever the prefix)."""
    return tag[tag.index(":") + 1:] if ":" in tag else tag


def _open(zf: zipfile.ZipFile, name: str):
    try:
        return zf.open(name)
    except KeyError:
        raise _Bad(f"the part {name} is missing") from None


def _elements(zf: zipfile.ZipFile, name: str, wanted: tuple[str, ...]) -> list[tuple[str, dict]]:
    """(local name, attributes) of the ``wanted`` elements of a small part, in order (at most
    :data:`MAX_ITEMS`)."""
    out: list[tuple[str, dict]] = []

    def start(tag, attrs):
        tag = _local(tag)
        if tag in wanted and len(out) < MAX_ITEMS:
            out.append((tag, attrs))

    _parse(zf, name, start)
    return out


def _attr(attrs: dict, name: str) -> str | None:
    """An attribute by its local name, whatever its namespace."""
    if name in attrs:
        return attrs[name]
    return next((v for k, v in attrs.items() if _local(k) == name), None)


def _rels(zf: zipfile.ZipFile, part: str) -> list[tuple[str, str, str]]:
    """(id, type, target part) of a part's relationships; [] when it has none."""
    folder, name = posixpath.split(part)
    rels_name = posixpath.join(folder, "_rels", name + ".rels")
    if rels_name not in zf.NameToInfo:
        return []
    out = []
    for _, a in _elements(zf, rels_name, ("Relationship",)):
        if a.get("TargetMode") == "External":
            continue
        target = a.get("Target", "")
        target = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
        out.append((a.get("Id", ""), a.get("Type", ""), target))
    return out


def _date_styles(zf: zipfile.ZipFile, name: str | None) -> set[int]:
    """The indexes of the cell formats that show a date or time."""
    if not name or name not in zf.NameToInfo:
        return set()
    from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format

    custom: dict[int, str] = {}
    xfs: list[int] = []
    where: list[str] = []

    def start(tag, attrs):
        tag = _local(tag)
        where.append(tag)
        if tag == "numFmt" and len(custom) < MAX_ITEMS:
            try:
                custom[int(attrs.get("numFmtId", ""))] = attrs.get("formatCode", "")
            except ValueError:
                pass
        elif tag == "xf" and len(where) > 1 and where[-2] == "cellXfs" and len(xfs) < MAX_ITEMS:
            try:
                xfs.append(int(attrs.get("numFmtId", "0")))
            except ValueError:
                xfs.append(0)

    _parse(zf, name, start, lambda _tag: where.pop())
    out = set()
    for i, fmt_id in enumerate(xfs):
        code = custom.get(fmt_id, BUILTIN_FORMATS.get(fmt_id, ""))
        if code and is_date_format(code):
            out.add(i)
    return out


def _column(ref: str) -> int:
    """0-based column of a cell reference such as ``AB12``; -1 when there is none."""
    col = 0
    for ch in ref:
        o = ord(ch)
        if 65 <= o <= 90:
            col = col * 26 + o - 64
        elif 97 <= o <= 122:
            col = col * 26 + o - 96
        else:
            break
        if col > MAX_COLUMNS:
            raise _Bad(f"cell {ref[:20]} is beyond the last column, XFD")
    return col - 1


def _number(v: str) -> str:
    try:
        return str(int(v))
    except ValueError:
        pass
    f = float(v)
    return str(int(f)) if f.is_integer() and abs(f) < 1e16 else str(f)


# --------------------------------------------------------------------------- strings and the sheet
class _Text:
    """Text of ``t`` elements (phonetic runs ``rPh`` left out) and of ``v`` elements."""

    def __init__(self):
        self.parts: list[str] = []
        self.on = False  # inside a t or v that counts
        self.rph = 0

    def data(self, text: str) -> None:
        if self.on:
            self.parts.append(text)

    def pop(self) -> str:
        out = "".join(self.parts) if len(self.parts) != 1 else self.parts[0]
        self.parts = []
        return out


def _shared_strings(zf: zipfile.ZipFile, name: str) -> list[str]:
    text = _Text()
    out: list[str] = []

    def start(tag, attrs):
        if ":" in tag:
            tag = _local(tag)
        if tag == "t":
            text.on = not text.rph
        elif tag == "rPh":
            text.rph += 1
        elif tag == "si":
            text.parts = []

    def end(tag):
        if ":" in tag:
            tag = _local(tag)
        if tag == "t":
            text.on = False
        elif tag == "rPh":
            text.rph -= 1
        elif tag == "si":
            out.append(text.pop())

    _parse(zf, name, start, end, text.data)
    return out


class _Sheet:
    """The rows of a worksheet, built as expat goes (see :func:`_read`)."""

    def __init__(self, path, shared, dates, epoch, rules):
        self.path = path
        self.shared = shared
        self.dates = dates
        self.epoch = epoch
        self.imp = rules.importing
        self.budget = self.imp.max_expanded_mb * MB  # characters of cell text, shared strings at each use
        self.text = _Text()
        self.header: list[str] | None = None
        self.rows: list[tuple[int, list[str]]] = []
        self.width = 0
        self.n = 0
        self.count = 0
        self.cells: list[str] = []
        self.extra: list[str] = []
        self.col = -1
        self.cell: dict = {}
        self.row_attrs: dict = {}

    def start(self, tag, attrs):
        if ":" in tag:
            tag = _local(tag)
        if tag == "c":
            self.cell = attrs
            self.text.parts = []
        elif tag == "v":
            self.text.on = True
        elif tag == "t":
            self.text.on = not self.text.rph
        elif tag == "rPh":
            self.text.rph += 1
        elif tag == "row":
            self.row_attrs = attrs

    def end(self, tag):
        if ":" in tag:
            tag = _local(tag)
        if tag == "c":
            self.end_cell()
        elif tag in ("v", "t"):
            self.text.on = False
        elif tag == "rPh":
            self.text.rph -= 1
        elif tag == "row":
            self.end_row()

    def end_cell(self):
        attrs = self.cell
        ref = attrs.get("r")
        col = _column(ref) if ref else self.col + 1
        if col < 0:
            col = self.col + 1
        if col >= MAX_COLUMNS:
            raise _Bad("a row goes beyond the last column, XFD")
        self.col = col
        t = attrs.get("t")
        raw = self.text.pop()
        if not raw and t != "inlineStr":
            return
        if t == "inlineStr" or t in ("str", "e", "d"):
            value = raw
        elif t == "s":
            value = self.shared[int(raw)]
        elif t == "b":
            value = "True" if raw.strip() in ("1", "true") else "False"
        else:
            s = attrs.get("s")
            if self.dates and s and s.isdigit() and int(s) in self.dates:
                from openpyxl.utils.datetime import from_excel

                value = from_excel(float(raw), self.epoch).isoformat()
            else:
                value = _number(raw)
        self.budget -= len(value)
        if self.budget < 0:
            raise over_limit(self.path, f"its cells hold more than {self.imp.max_expanded_mb:,} MB of text",
                             "max_expanded_mb", self.imp.max_expanded_mb, "workbook-too-large")
        cells = self.cells
        if self.header is not None and col >= self.width:
            if value.strip():
                self.extra.append(value)
            return
        if col >= len(cells):
            cells.extend([""] * (col - len(cells) + 1))
        cells[col] = value

    def end_row(self):
        r = self.row_attrs.get("r")
        self.n = int(r) if r and r.isdigit() and len(r) < 12 and int(r) > self.n else self.n + 1
        row, more = self.cells, self.extra
        self.cells, self.extra, self.col = [], [], -1
        if self.header is None:
            if any(x.strip() for x in row):
                self.header = row
                self.width = len(row)
            return
        if not more and not any(x.strip() for x in row):
            return
        self.count += 1
        if self.count > self.imp.max_rows:
            raise over_limit(self.path, f"the table has more than {self.imp.max_rows:,} rows", "max_rows",
                             self.imp.max_rows, "too-many-rows")
        if more:  # cells right of the header: kept (the non-empty ones) for the row check
            row.extend([""] * (self.width - len(row)))
            row.extend(more)
        self.rows.append((self.n, row))


def _read(path: Path, zf: zipfile.ZipFile, rules):
    office = [t for _, typ, t in _rels(zf, "") if typ.endswith(_REL_OFFICE)]
    book = office[0] if office else "xl/workbook.xml"
    found = _elements(zf, book, ("sheet", "workbookPr"))
    sheets = [a for tag, a in found if tag == "sheet"]
    epoch_1904 = any(tag == "workbookPr" and a.get("date1904") in ("1", "true") for tag, a in found)
    rels = _rels(zf, book)
    by_id = {rid: target for rid, _, target in rels}
    if not sheets:
        raise _Bad("it has no worksheet")
    sheet_part = by_id.get(_attr(sheets[0], "id") or "")
    if sheet_part is None:
        raise _Bad("its first sheet has no part")
    shared_part = next((t for _, typ, t in rels if typ.endswith(_REL_SHARED)), None)
    styles_part = next((t for _, typ, t in rels if typ.endswith(_REL_STYLES)), None)
    shared = _shared_strings(zf, shared_part) if shared_part and shared_part in zf.NameToInfo else []
    dates = _date_styles(zf, styles_part)
    epoch = None
    if dates:
        from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900

        epoch = CALENDAR_MAC_1904 if epoch_1904 else CALENDAR_WINDOWS_1900
    sheet = _Sheet(path, shared, dates, epoch, rules)
    parser = _parser(sheet_part, sheet.start, sheet.end, sheet.text.data)
    f = _open(zf, sheet_part)
    more = True

    def feed() -> bool:
        chunk = f.read(CHUNK)
        _feed(parser, sheet_part, chunk)
        return bool(chunk)

    try:
        while sheet.header is None and more:  # the header first; the rows as they are taken
            more = feed()
    except BaseException:
        f.close()
        raise
    if sheet.header is None:
        f.close()
        raise InputError(f"{path}: the first sheet is empty; it needs a header row with column names", code="parse")

    def rows():
        nonlocal more
        try:
            while True:
                if sheet.rows:
                    batch, sheet.rows = sheet.rows, []
                    yield from batch
                if not more:
                    return
                more = feed()
        finally:
            f.close()

    return sheet.header, rows(), sheets[0].get("name")
