"""Writing recommendations: YAML usable as ``recommendations_file``, and the starter CSV.

The YAML is in block style, one ``field: value`` line per field and one ``- item`` line per
list item, and every text is a double-quoted scalar written by the standard library's JSON
string encoder (C-accelerated): a JSON string is a valid YAML double-quoted scalar, so every
text reads back exactly as given, by :func:`uprdraft.load` (ruamel.yaml) and by
:func:`uprdraft.importers.read.load_yaml` (PyYAML) alike, and ``115.20``, ``yes``, ``null``
or ``2026-01-01`` stay text. The few characters that YAML reads differently from JSON when
raw (DEL and C1 controls, NEL, the line and paragraph separators, lone surrogates, BOM and
U+FFFE/U+FFFF) are written as ``\\uXXXX`` escapes. Numbers are plain.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from json.encoder import encode_basestring  # the C encoder when there is one
from pathlib import Path
from typing import Any

from ..findings import InputError, Report, error
from .formats import FORMAT_NAMES
from .record import FIELDS, VALUES

_YAML_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]")
_PLAIN_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


_C1 = bytes(range(0x7F, 0xA0))  # DEL and the C1 controls: the unsafe characters below U+0100


def _escape_unsafe(text: str) -> str:
    """Characters YAML would read differently when raw, as \\uXXXX (they occur only inside
    double-quoted scalars: everything else we write is ASCII)."""
    if text.isascii():  # known without reading the text: only DEL can be unsafe
        if "\x7f" not in text:
            return text
    else:
        try:  # Latin-1 letters only (most exports): a byte scan is three times a regex's speed
            if len(text.encode("latin-1").translate(None, _C1)) == len(text):
                return text
        except UnicodeEncodeError:
            if not _YAML_UNSAFE.search(text):
                return text
    return _YAML_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _utf8(text: str) -> bytes:
    """``_escape_unsafe(text)`` in UTF-8. Checked on the bytes, which are needed anyway: DEL
    and the C1 controls (UTF-8 lead byte C2) are looked for with a byte search, quicker than
    any scan of the text; the few others start with E2 or EF, rare bytes (a text holding one
    is searched again, exactly)."""
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate
        return _escape_unsafe(text).encode("utf-8")
    if b"\x7f" in data or b"\xc2" in data or ((b"\xe2" in data or b"\xef" in data) and _YAML_UNSAFE.search(text)):
        return _escape_unsafe(text).encode("utf-8")
    return data


def scalar(value: Any) -> str:
    """One value as a YAML scalar: texts double-quoted, numbers and booleans plain."""
    if isinstance(value, str):
        return encode_basestring(value)
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value) if value == value and value not in (float("inf"), float("-inf")) else \
            (".nan" if value != value else (".inf" if value > 0 else "-.inf"))
    return encode_basestring(str(value))


def _key(k: Any) -> str:
    k = str(k)
    return k if _PLAIN_KEY.fullmatch(k) else encode_basestring(k)


def _leaf(v: Any) -> str:
    """A scalar, or an empty mapping or list."""
    if isinstance(v, dict):
        return "{}"
    if isinstance(v, list):
        return "[]"
    return scalar(v)


def _emit(value: Any, indent: str, out: list[str], first_prefix: str | None = None) -> None:
    """Block-style lines of a mapping or list (``first_prefix`` replaces the indent of the first line)."""
    lead = indent if first_prefix is None else first_prefix
    if isinstance(value, dict):
        if not value:
            out.append(f"{lead}{{}}")
            return
        for k, v in value.items():
            if isinstance(v, (dict, list)) and v:
                out.append(f"{lead}{_key(k)}:")
                _emit(v, indent + ("  " if isinstance(v, dict) else ""), out)
            else:
                out.append(f"{lead}{_key(k)}: {_leaf(v)}")
            lead = indent
    elif isinstance(value, list):
        if not value:
            out.append(f"{lead}[]")
            return
        for v in value:
            if isinstance(v, (dict, list)) and v:
                _emit(v, indent + "  ", out, first_prefix=f"{lead}- ")
            else:
                out.append(f"{lead}- {_leaf(v)}")
            lead = indent
    else:
        out.append(f"{lead}{scalar(value)}")


def dump_yaml(data: Any) -> str:
    """Block-style YAML of plain data (dicts, lists, str, int, float, bool, None): keys in the
    given order, texts double-quoted as JSON strings (see the module docstring)."""
    out: list[str] = []
    _emit(data, "", out)
    return _escape_unsafe("\n".join(out) + "\n")


def write_recommendations_yaml(result_or_list, voluntary_commitments=None) -> str:
    """YAML text with a ``recommendations:`` list (and ``voluntary_commitments:`` when there are
    any) that works as ``recommendations_file``. Takes the Report of
    :func:`~uprdraft.importers.import_recommendations`, its ``data``, or a list of
    recommendations. Strings that YAML would read as numbers, dates, booleans or null are
    quoted, so ids such as "115.20" stay strings and keep their final zero."""
    return "".join(yaml_parts(result_or_list, voluntary_commitments))


def yaml_parts(result_or_list, voluntary_commitments=None, batch: int = 2000, escape=_escape_unsafe) -> Iterator:
    """The text of :func:`write_recommendations_yaml` in parts of at most ``batch``
    recommendations each, so that a big import is written without one copy of it all.
    ``escape`` makes each part: :func:`_escape_unsafe` (text), or :func:`_utf8` (bytes)."""
    from .normalise import ImportResult

    if isinstance(result_or_list, Report):
        result_or_list = result_or_list.data
    if isinstance(result_or_list, ImportResult):
        name = "".join(c if c.isprintable() else "?" for c in result_or_list.path.name)  # one comment line
        head = [f"# Imported by uprdraft from {name} ({FORMAT_NAMES[result_or_list.format]})."]
        if result_or_list.format == "upr-info":
            head.append("# UPR Info rows have no paragraph number: ids such as UPRI-S5-R2 mean session 5, row 2 of the")
            head.append("# file. Replace them with the WG report paragraph (e.g. \"115.23\") before citing them.")
        recs = result_or_list.records
        vols = result_or_list.voluntary_records
    else:
        head, recs, vols = [], list(result_or_list), list(voluntary_commitments or [])
    plain = isinstance(result_or_list, ImportResult)
    yield escape("".join(line + "\n" for line in head) + ("recommendations:\n" if recs else "recommendations: []\n"))
    lines_of = _line_caches()
    for start in range(0, len(recs), batch):
        yield escape(_records(recs[start:start + batch], lines_of, plain))
    if vols:
        yield escape("voluntary_commitments:\n")
        for start in range(0, len(vols), batch):
            yield escape(_records(vols[start:start + batch], lines_of, plain))


# per field: its line, and its line when a list follows
_HEADS = tuple((f"  {name}: ", f"  {name}:") for name in FIELDS)
_SHORT = 200  # longer texts are not kept: they hardly repeat
_KEPT = 100_000


class _Lines(dict):
    """value -> its whole line (``head`` and the value as a scalar), made once: the values
    that repeat from row to row (States, themes, responses, sessions) cost one look-up."""

    def __init__(self, head: str):
        super().__init__()
        self.head = head

    def __missing__(self, value) -> str:
        line = self.head + scalar(value)
        if (type(value) is not str or len(value) <= _SHORT) and len(self) < _KEPT:
            self[value] = line
        return line


def _line_caches() -> dict[str, _Lines]:
    """The line caches of one YAML text (see :func:`_records`)."""
    return {name: _Lines("  - " if name == "item" else f"  {name}: ")
            for name in ("item", "response", "status", "session", "state_under_review", "document_symbol",
                         "action_category")}


def _records(recs, lines_of: dict[str, _Lines], plain: bool = False) -> str:
    """One block-style item per recommendation: the fields in :data:`FIELDS` order, empty
    ones left out, each line ending in a newline.

    The hot loop of a 40,000-row import, written out for the usual values (texts, lists of
    texts, whole numbers, None): one C call per text, and the lines of values that repeat
    from row to row taken from ``lines_of`` (:func:`_line_caches`). Any other value goes
    through :func:`_item`, which writes the same lines field by field. ``plain``: the tuples
    among ``recs`` are an import's plain records."""
    enc = encode_basestring
    item = lines_of["item"].__getitem__
    response_line, status_line, session_line = lines_of["response"], lines_of["status"], lines_of["session"]
    state_line, symbol_line, action_line = (lines_of["state_under_review"], lines_of["document_symbol"],
                                            lines_of["action_category"])
    lines: list[str] = []
    add, extend = lines.append, lines.extend
    for rec in recs:
        if plain and type(rec) is tuple:
            values = rec  # an import's plain record: the usual types by construction (.record.plain)
        else:
            try:
                values = VALUES(rec.__dict__)
            except (AttributeError, KeyError):  # not a model: its attributes
                values = tuple(getattr(rec, name) for name in FIELDS)
            if not _usual(values):
                _item(values, add)
                continue
        rid, text, states, response, themes, status, assessment, sources, session, state, symbol, action = values
        first = len(lines)
        add(f"- id: {enc(rid)}\n  text: {enc(text)}")
        try:  # a list item that is no text: its scalar, through the item cache too
            if states:
                add("  recommending_states:")
                extend(map(item, states))
            if response is not None:
                add(response_line[response])
            if themes:
                add("  themes:")
                extend(map(item, themes))
            if status is not None:
                add(status_line[status])
            if assessment is not None:
                add("  assessment: " + enc(assessment))
            if sources:
                add("  sources:")
                extend(map(item, sources))
        except TypeError:  # an item that cannot be a key (a list in a list): field by field
            del lines[first:]
            _item(values, add)
            continue
        if session is not None:
            add(session_line[session])
        if state is not None:
            add(state_line[state])
        if symbol is not None:
            add(symbol_line[symbol])
        if action is not None:
            add(action_line[action])
    lines.append("")
    return "\n".join(lines)


def _usual(values: tuple) -> bool:
    """Whether :func:`_records` writes these values itself (else :func:`_item` does)."""
    rid, text, states, response, themes, status, assessment, sources, session, state, symbol, action = values
    return (type(rid) is str and type(text) is str and type(states) is list and type(themes) is list
            and type(sources) is list and (response is None or type(response) is str)
            and (status is None or type(status) is str) and (assessment is None or type(assessment) is str)
            and (session is None or type(session) is int) and (state is None or type(state) is str)
            and (symbol is None or type(symbol) is str) and (action is None or type(action) is int))


def _item(values: tuple, add) -> None:
    """The lines of one recommendation whatever its values' types (see :func:`_records`)."""
    first = []
    for (head, list_head), value in zip(_HEADS, values, strict=True):
        if value is None:
            continue
        if isinstance(value, (list, tuple)):
            if not value:
                continue
            first.append(list_head)
            first.extend(f"  - {scalar(v)}" for v in value)
        else:
            first.append(head + scalar(value))
    if first:
        first[0] = "- " + first[0][2:]
        for line in first:
            add(line)


def template_csv(lang: str = "en") -> str:
    """The starter CSV of ``uprdraft new recommendations``: the header (field names) and two
    example rows. Lists (recommending_states, themes, sources) are separated by ';'."""
    import csv
    import io

    from .formats import TEMPLATE_COLUMNS
    from .templates import EXAMPLES

    rows = EXAMPLES.get(lang, EXAMPLES["en"])
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(TEMPLATE_COLUMNS)
    for row in rows:
        w.writerow([row.get(c, "") for c in TEMPLATE_COLUMNS])
    return buf.getvalue()


def import_to_yaml(path, output=None, *, force: bool = False, state: str | None = None, theme: str | None = None,
                   response: str | None = None, session: int | None = None, encoding: str | None = None,
                   rules=None) -> Report:
    """``uprdraft import recommendations``: import, then write the YAML (default: beside the
    input, suffix .yaml). Refuses to overwrite without ``force`` before reading anything.

    Returns the Report of :func:`~uprdraft.importers.import_recommendations` with ``output``
    set (None when nothing was imported: error ``nothing-imported``, nothing written);
    ``report.data`` is the :class:`~uprdraft.importers.normalise.ImportResult`."""
    from ..fileio import check_writable, default_output, write_atomic
    from ..gcpause import paused
    from . import import_recommendations
    from .read import YAML_SUFFIXES

    path = Path(path)
    if output is None:
        output = default_output(path, ".yaml")
        if path.suffix.lower() in YAML_SUFFIXES:
            output = path.with_name(path.stem + "-imported.yaml")
    output = Path(output)
    if output.resolve() == path.resolve():
        raise InputError(f"{output}: this is the input file; choose another name with -o", code="io")
    check_writable(output, force)
    with paused():  # the records are kept until written: see gcpause
        report = import_recommendations(path, state=state, theme=theme, response=response, session=session,
                                        encoding=encoding, rules=rules)
        result = report.data
        if not result.imported:
            why = "every row was skipped (see the warnings)" if result.skipped else (
                "no row matches the filters" if result.filtered_out else "the file has no rows")
            result.findings.append(error("nothing-imported", f"no recommendation imported: {why}; nothing was "
                                         "written", str(path)))
            return result.to_report(None)
        # written part by part: never the whole text, then its bytes, at once
        write_atomic(output, yaml_parts(result, escape=_utf8), force=force)
    return result.to_report(str(output))
