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
from json.encoder import encode_basestring  # the C encoder when there is one
from pathlib import Path
from typing import Any

from ..findings import InputError, Report, error
from .formats import FORMAT_NAMES

FIELDS = ("id", "text", "recommending_states", "response", "themes", "status", "assessment", "sources", "session",
          "state_under_review", "document_symbol", "action_category")
_YAML_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]")
_PLAIN_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def _escape_unsafe(text: str) -> str:
    """Characters YAML would read differently when raw, as \\uXXXX (they occur only inside
    double-quoted scalars: everything else we write is ASCII)."""
    if not _YAML_UNSAFE.search(text):
        return text
    return _YAML_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


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
    from .normalise import ImportResult

    if isinstance(result_or_list, Report):
        result_or_list = result_or_list.data
    if isinstance(result_or_list, ImportResult):
        name = "".join(c if c.isprintable() else "?" for c in result_or_list.path.name)  # one comment line
        head = [f"# Imported by uprdraft from {name} ({FORMAT_NAMES[result_or_list.format]})."]
        if result_or_list.format == "upr-info":
            head.append("# UPR Info rows have no paragraph number: ids such as UPRI-S5-R2 mean session 5, row 2 of the")
            head.append("# file. Replace them with the WG report paragraph (e.g. \"115.23\") before citing them.")
        recs = result_or_list.recommendations
        vols = result_or_list.voluntary_commitments
    else:
        head, recs, vols = [], list(result_or_list), list(voluntary_commitments or [])
    out = ["".join(line + "\n" for line in head) + ("recommendations:" if recs else "recommendations: []")]
    _records(recs, out)
    if vols:
        out.append("voluntary_commitments:")
        _records(vols, out)
    return _escape_unsafe("\n".join(out) + "\n")


def _records(recs, out: list[str]) -> None:
    """One block-style item per recommendation, one string each: the fields in :data:`FIELDS`
    order, empty ones left out (the hot loop of a 40,000-row import: one C call per text)."""
    enc = encode_basestring
    append = out.append
    for rec in recs:
        lines: list[str] = []
        add = lines.append
        lead = "- "
        values = rec.__dict__ if hasattr(rec, "__dict__") else {}
        for name in FIELDS:
            value = values[name] if name in values else getattr(rec, name)
            if value is None:
                continue
            if type(value) is str:
                add(f"{lead}{name}: {enc(value)}")
            elif isinstance(value, (list, tuple)):
                if not value:
                    continue
                add(f"{lead}{name}:")
                for v in value:
                    add(f"  - {enc(v) if type(v) is str else scalar(v)}")
            else:
                add(f"{lead}{name}: {scalar(value)}")
            lead = "  "
        append("\n".join(lines))


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
    report = import_recommendations(path, state=state, theme=theme, response=response, session=session,
                                    encoding=encoding, rules=rules)
    result = report.data
    if not result.imported:
        why = "every row was skipped (see the warnings)" if result.skipped else (
            "no row matches the filters" if result.filtered_out else "the file has no rows")
        result.findings.append(error("nothing-imported", f"no recommendation imported: {why}; nothing was written",
                                     str(path)))
        return result.to_report(None)
    data = write_recommendations_yaml(result).encode("utf-8")
    write_atomic(output, data, force=force)
    return result.to_report(str(output))
