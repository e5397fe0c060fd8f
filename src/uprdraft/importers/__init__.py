"""Recommendations from files: UPR Info and UHRI exports, our CSV/XLSX template, our YAML.

Public API (used by ``uprdraft import recommendations``, mid-term reports and action plans):

- :func:`read_recommendations` (strict): the recommendations of a file, or ContentError /
  InputError naming each bad row (``file:row N`` for tables, ``file:line:col`` for YAML).
- :func:`import_recommendations` (forgiving): every good row imported, every bad row skipped
  *and reported* with its row number and reason, filters applied, counts in ``stats``.
- :func:`write_recommendations_yaml`: YAML usable as ``recommendations_file``.
- :func:`template_csv`: the starter CSV written by ``uprdraft new recommendations``.

Responses are mapped with ``rules.importing.responses`` ("Accepted" -> supported, "Noted" ->
noted, "Supported/Noted" kept and flagged to be split, historic "rejected" -> noted with a
warning, "Voluntary Pledge" -> a voluntary commitment, returned apart from recommendations).
"""
from __future__ import annotations

import difflib
import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..findings import ContentError, Finding, InputError, Report, error, warning
from .yamlfast import parse as parse_fast
from .formats import FORMAT_NAMES, ROW_READERS, RowError, column_index, detect_format, expected_columns

__all__ = ["ImportResult", "import_recommendations", "read_recommendations", "read_voluntary_commitments",
           "write_recommendations_yaml", "template_csv"]

YAML_SUFFIXES = (".yaml", ".yml", ".json")


@dataclass
class ImportResult:
    """What an import found: the recommendations, voluntary commitments, findings and counts."""

    path: Path
    format: str  # upr-info | uhri | template | yaml
    recommendations: list = field(default_factory=list)
    voluntary_commitments: list = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    rows_read: int = 0
    skipped: Counter = field(default_factory=Counter)  # reason -> rows
    filtered_out: int = 0
    encoding: str | None = None
    encoding_reason: str | None = None

    @property
    def imported(self) -> int:
        return len(self.recommendations) + len(self.voluntary_commitments)

    @property
    def stats(self) -> dict:
        return {
            "format": self.format,
            "encoding": self.encoding,
            "encoding_reason": self.encoding_reason,
            "rows_read": self.rows_read,
            "imported": self.imported,
            "recommendations": len(self.recommendations),
            "voluntary_commitments": len(self.voluntary_commitments),
            "skipped": sum(self.skipped.values()),
            "skipped_reasons": dict(sorted(self.skipped.items())),
            "filtered_out": self.filtered_out,
        }

    def summary(self) -> list[str]:
        """Plain-words summary lines (the CLI prints them on stderr)."""
        enc = f", encoding {self.encoding} ({self.encoding_reason})" if self.encoding else ""
        lines = [f"{self.path}: {FORMAT_NAMES[self.format]}{enc}",
                 f"read {self.rows_read} rows; imported {len(self.recommendations)} recommendations"
                 + (f" and {len(self.voluntary_commitments)} voluntary commitments" if self.voluntary_commitments else "")]
        if self.skipped:
            why = ", ".join(f"{reason}: {n}" for reason, n in sorted(self.skipped.items()))
            lines.append(f"skipped {sum(self.skipped.values())} rows ({why}); see the warnings above")
        if self.filtered_out:
            lines.append(f"left out {self.filtered_out} rows that do not match the filters")
        return lines

    def to_report(self, output: str | None = None) -> Report:
        return Report(findings=list(self.findings), stats=self.stats, output=output)


# --------------------------------------------------------------------------- responses
def _response_key(raw: str) -> str:
    return " ".join(raw.lower().replace("-", " ").replace(" / ", "/").split())


def normalise_response(raw) -> tuple[str | None, str | None]:
    """(response, warning) for an export's wording; response is supported, noted,
    supported/noted, voluntary, or None (no position). Raises RowError when unknown."""
    from ..rules import get_rules

    if raw is None:
        return None, None
    rules = get_rules().importing
    key = _response_key(str(raw))
    if key not in rules.responses:
        choices = ", ".join(sorted({k for k in rules.responses if k}))
        raise RowError("unknown-response", f"response '{raw}' is not known; use supported or noted (also read: {choices})")
    value = rules.responses[key] or None
    note = None
    if key in rules.responses_warn:
        note = (f"response '{raw}' read as noted: a State does not reject a recommendation, it supports it or "
                "takes note of it")
    elif value == "supported/noted":
        note = (f"response '{raw}': the State supported part of this recommendation and noted the rest; split it "
                "into two recommendations (e.g. 115.23a supported, 115.23b noted)")
    return value, note


# --------------------------------------------------------------------------- sources
@dataclass
class _Entry:
    where: str  # "file:row N" or "file:line:col"
    data: dict
    locate: object = None  # field -> location (YAML only)
    voluntary: bool = False


def _table_entries(path: Path, encoding: str | None, result: ImportResult):
    from ..rules import get_rules
    from .table import read_table

    table = read_table(path, encoding)
    if table.detected is not None:
        result.encoding = table.detected.encoding
        result.encoding_reason = table.detected.reason
        if table.detected.ambiguous:
            result.findings.append(warning(
                "encoding-ambiguous",
                f"the encoding could be Windows-1252 or Mac Roman; read as {table.detected.encoding} "
                f"({table.detected.reason}); check accented letters in the output, or give --encoding",
                str(path)))
    fmt = detect_format(table.header)
    if fmt is None:
        raise InputError(f"{path}:row 1: the columns are not those of a known export; expected {expected_columns()}",
                         code="columns")
    result.format = fmt
    idx = column_index(table.header, fmt)
    reader = ROW_READERS[fmt]
    ids = get_rules().importing
    width = len(table.header)
    for n, cells in table.rows:
        where = f"{path}:row {n}"
        if not any(c.strip() for c in cells):
            continue  # blank lines are not rows
        result.rows_read += 1
        try:
            if len(cells) > width and any(c.strip() for c in cells[width:]):
                raise RowError("extra-cells", f"the row has {len(cells)} cells but the header has {width}; "
                                              "a comma inside a cell needs the cell in double quotes")
            data = reader(cells, idx, n)
        except RowError as e:
            yield _Entry(where, {"_error": e})
            continue
        if not data.get("id"):
            template = ids.uprinfo_id if fmt == "upr-info" else ids.uhri_id
            if ids.responses.get(_response_key(data.get("response_raw", ""))) == "voluntary":
                template = ids.voluntary_id
            data["id"] = template.format(session=data.get("session"), row=n)
        yield _Entry(where, data)


def _yaml_entries(path: Path, result: ImportResult):
    from ..load import Source, _parse_json, _parse_yaml, _plain, _read_text

    text = _read_text(path)
    result.format = "yaml"
    result.encoding = "utf-8"
    result.encoding_reason = "YAML and JSON files are read as UTF-8"
    fast = parse_fast(text) if path.suffix.lower() != ".json" else None
    if fast is not None:  # the shape we write ourselves: read without ruamel (much faster)
        yield from _fast_entries(path, *fast, result)
        return
    tree = _parse_json(text, path) if path.suffix.lower() == ".json" else _parse_yaml(text, path)
    src = Source(path, text, tree)
    if tree is None:
        raise InputError(f"{path}:1:1: the file is empty; start from 'uprdraft new recommendations'", code="parse")
    if isinstance(tree, list):
        groups = [((), tree, False)]
    elif isinstance(tree, dict) and ("recommendations" in tree or "voluntary_commitments" in tree):
        groups = [((key,), tree[key], key == "voluntary_commitments")
                  for key in ("recommendations", "voluntary_commitments") if key in tree and tree[key] is not None]
    else:
        raise InputError(f"{path}:1:1: expected a list of recommendations, or a 'recommendations:' list",
                         code="parse")
    for prefix, items, voluntary in groups:
        if not isinstance(items, list):
            raise ContentError(error("schema", f"{prefix[0]}: must be a list of recommendations (lines starting "
                                     "with '- ')", src.locate(prefix)))
        for i, item in enumerate(items):
            loc = prefix + (i,)
            result.rows_read += 1
            if isinstance(item, str) and voluntary:
                item = {"id": f"VP-{i + 1}", "text": item}
            if not isinstance(item, dict):
                yield _Entry(src.locate(loc), {"_error": RowError("not-a-mapping", "each recommendation is a set of "
                                                                  "'field: value' lines (id, text, response, ...)")})
                continue
            data = _plain(item)
            if "response" in data and isinstance(data["response"], str):
                data["response_raw"] = data.pop("response")
            yield _Entry(src.locate(loc), data, locate=lambda f, loc=loc: src.locate(loc + tuple(f)),
                         voluntary=voluntary)


def _fast_entries(path: Path, data: dict, pos: dict, result: ImportResult):
    for top in ("recommendations", "voluntary_commitments"):
        for i, item in enumerate(data.get(top, [])):
            result.rows_read += 1
            if "response" in item and isinstance(item["response"], str):
                item["response_raw"] = item.pop("response")

            def locate(fields, top=top, i=i):
                key = fields[0] if fields else None
                if key == "response_raw":
                    key = "response"
                line, col = pos.get((top, i, key)) or pos[(top, i)]
                return f"{path}:{line}:{col}"

            yield _Entry(locate(()), item, locate=locate, voluntary=top == "voluntary_commitments")


# --------------------------------------------------------------------------- building
def _fold(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c)).casefold()


def _build(entry: _Entry, result: ImportResult):
    """Recommendation from one entry, or None (the row is skipped and reported)."""
    from pydantic import ValidationError

    from ..models.recommendation import Recommendation

    data = entry.data
    err = data.get("_error")
    voluntary = entry.voluntary
    if err is None and "response_raw" in data:
        data = dict(data)
        try:
            value, note = normalise_response(data.pop("response_raw"))
        except RowError as e:
            err = e
        else:
            if note:
                result.findings.append(warning("response", note, entry.where))
            if value == "voluntary":
                voluntary, value = True, None
            data["response"] = value
    if err is None:
        try:
            return Recommendation.model_validate(data), voluntary
        except ValidationError as e:
            first = e.errors(include_url=False)[0]
            name = ".".join(str(p) for p in first["loc"]) or "row"
            msg = first["msg"].removeprefix("Value error, ")
            if first["type"] == "extra_forbidden":
                msg = "unknown field; check its spelling against 'uprdraft schema'"
            where = entry.locate(first["loc"]) if entry.locate else entry.where
            result.skipped["invalid"] += 1
            result.findings.append(warning("bad-row", f"{name}: {msg}; this row was skipped", where))
            return None
    result.skipped[err.reason] += 1
    result.findings.append(warning("bad-row", f"{err.message}; this row was skipped", entry.where))
    return None


def import_recommendations(path, *, state: str | None = None, theme: str | None = None,
                           response: str | None = None, session: int | None = None,
                           encoding: str | None = None) -> ImportResult:
    """Read recommendations from a UPR Info / UHRI export, our template (CSV, XLSX) or our YAML.

    Bad rows are skipped and reported (warning ``bad-row``, ``file:row N``); the counts are in
    ``result.stats``. Filters: ``state`` (State under review, case- and accent-insensitive),
    ``theme`` (case-insensitive substring of any theme: "child" matches "Rights of the
    Child"), ``response`` (supported, noted, supported/noted, voluntary; export wordings such
    as "accepted" work too), ``session`` (UPR Working Group session number).
    Raises InputError when the file cannot be read, or has unknown columns.
    """
    path = Path(path)
    want_response = None
    if response is not None:
        try:
            want_response, _ = normalise_response(response)
        except RowError as e:
            raise InputError(f"--response: {e.message}", code="usage") from None
    if session is not None:
        try:
            session = int(session)
        except (TypeError, ValueError):
            raise InputError(f"--session: '{session}' is not a session number", code="usage") from None
    result = ImportResult(path=path, format="yaml")
    entries = _yaml_entries(path, result) if path.suffix.lower() in YAML_SUFFIXES else _table_entries(path, encoding, result)
    want_state = _fold(state.strip()) if state else None
    want_theme = _fold(theme.strip()) if theme else None
    states_seen: set[str] = set()
    seen_ids: dict[tuple, str] = {}
    for entry in entries:
        built = _build(entry, result)
        if built is None:
            continue
        rec, voluntary = built
        key = (voluntary, rec.document_symbol, rec.session, rec.id)
        if key in seen_ids:
            result.skipped["duplicate-id"] += 1
            result.findings.append(warning("bad-row", f"id {rec.id} appears already at {seen_ids[key]}; "
                                           "this row was skipped; give each recommendation its own id", entry.where))
            continue
        seen_ids[key] = entry.where
        if rec.state_under_review:
            states_seen.add(rec.state_under_review)
        if want_state is not None and _fold(rec.state_under_review or "") != want_state:
            result.filtered_out += 1
            continue
        if want_theme is not None and not any(want_theme in _fold(t) for t in rec.themes):
            result.filtered_out += 1
            continue
        if response is not None and (("voluntary" if voluntary else rec.response) != want_response):
            result.filtered_out += 1
            continue
        if session is not None and rec.session != session:
            result.filtered_out += 1
            continue
        (result.voluntary_commitments if voluntary else result.recommendations).append(rec)
    if state and not any(_fold(s) == want_state for s in states_seen) and states_seen:
        close = difflib.get_close_matches(state, sorted(states_seen), n=3, cutoff=0.5)
        hint = f"; did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
        result.findings.append(warning("filter", f"--state {state!r}: no State under review of that name in the "
                                       f"file{hint}", str(path)))
    return result


def read_recommendations(path, encoding: str | None = None) -> list:
    """The recommendations of a file (YAML, CSV, XLSX; any format :func:`import_recommendations`
    reads), strictly: any bad row raises ContentError naming every bad row and how to fix it.
    Voluntary commitments are left out (see :func:`read_voluntary_commitments`)."""
    return _read_strict(path, encoding).recommendations


def read_voluntary_commitments(path, encoding: str | None = None) -> list:
    """The voluntary commitments (UPR Info "Voluntary Pledge" rows, or ``voluntary_commitments:``
    in our YAML) of a file, strictly like :func:`read_recommendations`."""
    return _read_strict(path, encoding).voluntary_commitments


def _read_strict(path, encoding):
    result = import_recommendations(path, encoding=encoding)
    bad = [Finding("bad-recommendation", "error", f.message.replace("; this row was skipped", ""), f.location)
           for f in result.findings if f.code == "bad-row"]
    if bad:
        raise ContentError(bad)
    return result


# --------------------------------------------------------------------------- writing
# YAML double-quoted scalars accept JSON escapes; characters YAML treats as line breaks or
# does not allow are escaped too, so every string reads back exactly.
_YAML_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")


def _q(s: str) -> str:
    out = json.dumps(s, ensure_ascii=False)
    return _YAML_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", out)


_FIELDS = ("id", "text", "recommending_states", "response", "themes", "status", "assessment", "sources", "session",
           "state_under_review", "document_symbol", "action_category")


def _item_yaml(rec) -> str:
    lines = []
    for name in _FIELDS:
        value = getattr(rec, name)
        if value is None or value == []:
            continue
        if isinstance(value, list):
            text = "[" + ", ".join(_q(v) for v in value) + "]"
        elif isinstance(value, int):
            text = str(value)
        else:
            text = _q(value)
        lines.append(f"{'- ' if not lines else '  '}{name}: {text}")
    return "\n".join("  " + line for line in lines)


def write_recommendations_yaml(result_or_list, voluntary_commitments=None) -> str:
    """YAML text with a ``recommendations:`` list (and ``voluntary_commitments:`` when there are
    any) that works as ``recommendations_file``. Every string is double-quoted, so ids such as
    "115.20" stay strings and keep their final zero."""
    if isinstance(result_or_list, ImportResult):
        head = [f"# Imported by uprdraft from {result_or_list.path.name} ({FORMAT_NAMES[result_or_list.format]})."]
        if result_or_list.format == "upr-info":
            head.append("# UPR Info rows have no paragraph number: ids such as UPRI-S5-R2 mean session 5, row 2 of the")
            head.append("# file. Replace them with the WG report paragraph (e.g. \"115.23\") before citing them.")
        recs = result_or_list.recommendations
        vols = result_or_list.voluntary_commitments
    else:
        head, recs, vols = [], list(result_or_list), list(voluntary_commitments or [])
    parts = head + ["recommendations:" + ("" if recs else " []")]
    parts += [_item_yaml(r) for r in recs]
    if vols:
        parts.append("voluntary_commitments:")
        parts += [_item_yaml(r) for r in vols]
    return "\n".join(parts) + "\n"


def template_csv(lang: str = "en") -> str:
    """The starter CSV of ``uprdraft new recommendations``: the header (field names) and two
    example rows. Lists (recommending_states, themes, sources) are separated by ';'."""
    from .formats import TEMPLATE_COLUMNS
    from .templates import EXAMPLES

    import csv
    import io

    rows = EXAMPLES.get(lang, EXAMPLES["en"])
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(TEMPLATE_COLUMNS)
    for row in rows:
        w.writerow([row.get(c, "") for c in TEMPLATE_COLUMNS])
    return buf.getvalue()


def import_to_yaml(path, output=None, *, force: bool = False, state: str | None = None, theme: str | None = None,
                   response: str | None = None, session: int | None = None,
                   encoding: str | None = None) -> tuple[Report, ImportResult]:
    """``uprdraft import recommendations``: import, then write the YAML (default: beside the
    input, suffix .yaml). Refuses to overwrite without ``force`` before reading anything.
    Returns the Report (findings, stats, output) and the ImportResult."""
    from ..fileio import check_writable, default_output, write_atomic

    path = Path(path)
    if output is None:
        output = default_output(path, ".yaml")
        if path.suffix.lower() in YAML_SUFFIXES:
            output = path.with_name(path.stem + "-imported.yaml")
    output = Path(output)
    if output.resolve() == path.resolve():
        raise InputError(f"{output}: this is the input file; choose another name with -o", code="io")
    check_writable(output, force)
    result = import_recommendations(path, state=state, theme=theme, response=response, session=session,
                                    encoding=encoding)
    if not result.imported:
        why = "every row was skipped (see the warnings)" if result.skipped else (
            "no row matches the filters" if result.filtered_out else "the file has no rows")
        result.findings.append(error("nothing-imported", f"no recommendation imported: {why}; nothing was written",
                                     str(path)))
        return result.to_report(None), result
    write_atomic(output, write_recommendations_yaml(result), force=force)
    return result.to_report(str(output)), result
