"""From entries to recommendations: responses mapped, ids given, rows checked, filters applied.

Responses are mapped with ``rules.importing.responses`` ("Accepted" -> supported, "Noted" ->
noted, "Supported/Noted" kept and flagged to be split, historic "rejected" -> noted with a
warning, "Voluntary Pledge" -> a voluntary commitment, kept apart from recommendations).
A row that cannot become a recommendation is skipped and reported (warning ``bad-row``
with its place and the reason), never dropped silently.
"""
from __future__ import annotations

import functools
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..findings import Finding, InputError, Report, warning
from ..gcpause import paused
from .formats import FORMAT_NAMES, RowError
from .read import Entry
from .record import FIELDS, ID, SESSION, STATE, SYMBOL, VALUES, plain


@dataclass
class ImportResult:
    """What an import found: the recommendations, voluntary commitments, findings and counts.

    :func:`uprdraft.importers.import_recommendations` returns it as ``report.data``.
    ``records`` and ``voluntary_records`` hold each one as read: a plain tuple of the model's
    field values (:mod:`.record`) or a model; :attr:`recommendations` and
    :attr:`voluntary_commitments` are the models, built when first asked for."""

    path: Path
    format: str  # upr-info | uhri | template | yaml
    records: list = field(default_factory=list)
    voluntary_records: list = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    rows_read: int = 0
    skipped: Counter = field(default_factory=Counter)  # reason -> rows
    filtered_out: int = 0
    encoding: str | None = None
    encoding_reason: str | None = None
    max_row_findings: int = 200
    row_findings: dict = field(default_factory=dict)  # code -> rows with that warning
    plain_rows: bool = False  # set by the table reader: its rows may skip the model (see .record)

    @property
    def recommendations(self) -> list:
        """The recommendations, as ``Recommendation`` models (the same list each time)."""
        return _models(self.records)

    @property
    def voluntary_commitments(self) -> list:
        """The voluntary commitments, as ``Recommendation`` models (the same list each time)."""
        return _models(self.voluntary_records)

    @property
    def imported(self) -> int:
        return len(self.records) + len(self.voluntary_records)

    @property
    def stats(self) -> dict:
        return {
            "format": self.format,
            "encoding": self.encoding,
            "encoding_reason": self.encoding_reason,
            "rows_read": self.rows_read,
            "imported": self.imported,
            "recommendations": len(self.records),
            "voluntary_commitments": len(self.voluntary_records),
            "skipped": sum(self.skipped.values()),
            "skipped_reasons": dict(sorted(self.skipped.items())),
            "filtered_out": self.filtered_out,
        }

    def summary(self) -> list[str]:
        """Plain-words summary lines (the CLI prints them on stderr)."""
        enc = f", encoding {self.encoding} ({self.encoding_reason})" if self.encoding else ""
        lines = [f"{self.path}: {FORMAT_NAMES[self.format]}{enc}",
                 f"read {self.rows_read} rows; imported {len(self.records)} recommendations"
                 + (f" and {len(self.voluntary_records)} voluntary commitments" if self.voluntary_records else "")]
        if self.skipped:
            why = ", ".join(f"{reason}: {n}" for reason, n in sorted(self.skipped.items()))
            lines.append(f"skipped {sum(self.skipped.values())} rows ({why}); see the warnings above")
        if self.filtered_out:
            lines.append(f"left out {self.filtered_out} rows that do not match the filters")
        return lines

    def row_warning(self, code: str, message: str, entry, where=None) -> None:
        """A warning about one row; past ``importing.max_row_findings`` of one code, only
        counted (:meth:`finish` adds one line with the count)."""
        n = self.row_findings[code] = self.row_findings.get(code, 0) + 1
        if n <= self.max_row_findings:
            self.findings.append(warning(code, message, where() if where else entry.where))

    def finish(self) -> ImportResult:
        """One warning per code whose row warnings were past the cap, with the count."""
        for code, n in self.row_findings.items():
            if n > self.max_row_findings:
                more = n - self.max_row_findings
                self.findings.append(warning(code, f"and {more:,} more rows with this warning (not listed: over "
                                                   f"importing.max_row_findings = {self.max_row_findings:,}); the "
                                                   "summary counts them", str(self.path)))
        return self

    def to_report(self, output: str | None = None) -> Report:
        """A Report: these findings, :attr:`stats`, ``output``, and this result as ``data``."""
        return Report(findings=self.findings, stats=self.stats, output=output, data=self)


def _models(records: list) -> list:
    """``records`` with every plain tuple replaced by its model, in place."""
    validate = None
    fields_set = None
    for i, rec in enumerate(records):
        if type(rec) is tuple:
            if validate is None:
                validate = _model()[0]
            model = records[i] = validate(dict(zip(FIELDS, rec, strict=True)))
            # every field is given: one set for them all (see _collect; nothing reads or changes it)
            if fields_set is None:
                fields_set = model.__pydantic_fields_set__
            object.__setattr__(model, "__pydantic_fields_set__", fields_set)
    return records


# --------------------------------------------------------------------------- responses
def response_key(raw: str) -> str:
    return " ".join(raw.lower().replace("-", " ").replace(" / ", "/").split())


def normalise_response(raw, rules) -> tuple[str | None, str | None]:
    """(response, warning) for an export's wording; response is supported, noted,
    supported/noted, voluntary, or None (no position). Raises RowError when unknown."""
    if raw is None:
        return None, None
    rules = rules.importing
    key = response_key(str(raw))
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


# --------------------------------------------------------------------------- one entry
@functools.cache
def _model():
    """(Recommendation.model_validate, pydantic's ValidationError), imported once."""
    from pydantic import ValidationError

    from ..models.recommendation import Recommendation

    return Recommendation.model_validate, ValidationError


@functools.lru_cache(maxsize=16)
def _id_format(template: str) -> Callable[[Any, int], str]:
    """``template.format(session=..., row=...)`` as a function; a template of plain fields (no
    format spec or conversion, the usual case) as a %-format, three times quicker (``%s`` and
    ``{}`` write a value alike: its ``str``)."""
    import string

    pattern, names = [], []
    try:
        for text, name, spec, conversion in string.Formatter().parse(template):
            pattern.append(text.replace("%", "%%"))
            if name is None:
                continue
            if name not in ("session", "row") or spec or conversion:
                raise ValueError(name)
            pattern.append("%s")
            names.append(name)
    except ValueError:  # anything else: str.format itself, with its own errors
        return lambda session, row: template.format(session=session, row=row)
    fmt = "".join(pattern)
    if names == ["session", "row"]:
        return lambda session, row: fmt % (session, row)
    return lambda session, row: fmt % tuple(session if n == "session" else row for n in names)


class _Responses(dict):
    """normalise_response, remembered for each wording met (an export uses a handful)."""

    def __init__(self, rules):
        super().__init__()
        self.rules = rules
        self._ids: dict[tuple, Callable[[Any, int], str]] = {}

    def id_of(self, voluntary: bool, format: str) -> Callable[[Any, int], str]:
        """The id maker (see :func:`_id_format`) of a row without an id, found once per file."""
        try:
            return self._ids[voluntary, format]
        except KeyError:
            imp = self.rules.importing
            template = imp.voluntary_id if voluntary else (imp.uprinfo_id if format == "upr-info" else imp.uhri_id)
            made = self._ids[voluntary, format] = _id_format(template)
            return made

    def __missing__(self, raw):
        try:
            value = normalise_response(raw, self.rules)
        except RowError as e:
            e.__traceback__ = None  # kept: not its frames
            value = e
        if len(self) < 1000:  # a column of anything but responses must not fill memory
            self[raw] = value
        return value


def _response(responses: dict, raw):
    """(response, note) or the RowError, for a cell's or a field's wording."""
    if isinstance(raw, str) or raw is None:
        return responses[raw]
    try:
        return normalise_response(raw, responses.rules)  # type: ignore[attr-defined]
    except RowError as e:
        return e


_NO_RAW: Any = object()  # an entry without a response cell


def build(entry: Entry, result: ImportResult, rules, responses: _Responses | None = None):
    """``(record, voluntary)`` from one entry, or None (the row is skipped and reported). The
    record is a plain tuple of the model's field values when a table row needs no model (see
    :mod:`.record`), else the model. ``responses``: a :class:`_Responses` shared by the
    entries of one file."""
    if responses is None:
        responses = _Responses(rules)
    data = entry.data
    err = data.get("_error")
    if "_warnings" in data:
        for code, note in data.pop("_warnings"):
            result.row_warning(code, note, entry)
    voluntary = entry.voluntary
    raw = _NO_RAW if err is not None else data.pop("response_raw", _NO_RAW)
    has_raw = raw is not _NO_RAW
    if has_raw:
        got = responses[raw] if type(raw) is str else _response(responses, raw)
    if err is None and entry.row is not None and not data.get("id"):
        shape = got if has_raw else _response(responses, "")
        data["id"] = responses.id_of(type(shape) is tuple and shape[0] == "voluntary", result.format)(
            data.get("session"), entry.row)
    if has_raw:
        if type(got) is not tuple:  # a RowError
            err = got
        else:
            value, note = got
            if note:
                result.row_warning("response", note, entry)
            if value == "voluntary":
                voluntary, value = True, None
            data["response"] = value
    if err is None:
        if result.plain_rows and entry.row is not None:
            rec = plain(data)
            if rec is not None:
                return rec, voluntary
        validate, invalid = _model()
        try:
            return validate(data), voluntary
        except invalid as e:
            first = e.errors(include_url=False)[0]
            name = ".".join(str(p) for p in first["loc"]) or "row"
            msg = first["msg"].removeprefix("Value error, ")
            if first["type"] == "extra_forbidden":
                msg = "unknown field; check its spelling against 'uprdraft schema'"
            result.skipped["invalid"] += 1
            result.row_warning("bad-row", f"{name}: {msg}; this row was skipped", entry,
                               (lambda: entry.locate(first["loc"])) if entry.locate else None)
            return None
    result.skipped[err.reason] += 1
    result.row_warning("bad-row", f"{err.message}; this row was skipped", entry)
    return None


# --------------------------------------------------------------------------- filters
def fold(s: str) -> str:
    """Case- and accent-insensitive form: "Côte" and "cote" fold alike."""
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c)).casefold()


@dataclass(frozen=True)
class Filters:
    """What to keep: State under review, theme (substring), response, session; None keeps all."""

    state: str | None = None
    theme: str | None = None
    response: str | None = None  # normalised: supported, noted, supported/noted, voluntary
    session: int | None = None

    @classmethod
    def make(cls, rules, state=None, theme=None, response=None, session=None) -> Filters:
        """Filters from user values; InputError (usage) for an unknown response or a bad session."""
        want_response = None
        if response is not None:
            try:
                want_response, _ = normalise_response(response, rules)
            except RowError as e:
                raise InputError(f"--response: {e.message}", code="usage") from None
            want_response = want_response or ""
        if session is not None:
            try:
                session = int(session)
            except (TypeError, ValueError):
                raise InputError(f"--session: '{session}' is not a session number", code="usage") from None
        return cls(state=state, theme=theme, response=want_response, session=session)

    def keeps(self, values: dict, voluntary: bool, state: str | None, theme: str | None) -> bool:
        """Whether a recommendation (its field values) passes, ``state`` and ``theme`` folded."""
        if state is not None and fold(values["state_under_review"] or "") != state:
            return False
        if theme is not None and not any(theme in fold(t) for t in values["themes"]):
            return False
        if self.response is not None and ("voluntary" if voluntary else (values["response"] or "")) != self.response:
            return False
        return not (self.session is not None and values["session"] != self.session)


def collect(entries: Iterable[Entry], result: ImportResult, filters: Filters, rules) -> ImportResult:
    """Build every entry into ``result``: bad rows and repeated ids skipped and reported,
    rows outside the filters counted, the rest kept in order."""
    want_state = fold(filters.state.strip()) if filters.state else None
    want_theme = fold(filters.theme.strip()) if filters.theme else None
    states_seen: set[str] = set()
    seen_ids: dict[tuple, Entry | int] = {}  # id -> where it came first (a table row, or the entry)
    responses = _Responses(rules)
    result.max_row_findings = rules.importing.max_row_findings
    with paused():  # an import keeps tens of thousands of objects: see gcpause
        _collect(entries, result, filters, rules, responses, want_state, want_theme, states_seen, seen_ids)
    if filters.state and states_seen and not any(fold(s) == want_state for s in states_seen):
        import difflib

        close = difflib.get_close_matches(filters.state, sorted(states_seen), n=3, cutoff=0.5)
        hint = f"; did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
        result.findings.append(warning("filter", f"--state {filters.state!r}: no State under review of that name "
                                       f"in the file{hint}", str(result.path)))
    return result.finish()


def _collect(entries, result, filters, rules, responses, want_state, want_theme, states_seen, seen_ids) -> None:
    shared_fields: dict[frozenset, set] = {}
    last_fields: set = set()
    no_filter = filters == Filters()
    keep, keep_voluntary = result.records.append, result.voluntary_records.append
    for entry in entries:
        built = build(entry, result, rules, responses)
        if built is None:
            continue
        rec, voluntary = built
        values = rec if type(rec) is tuple else VALUES(rec.__dict__)  # a plain record, or a model's values
        rid = values[ID]
        key = (voluntary, values[SYMBOL], values[SESSION], rid)
        if key in seen_ids:
            first = seen_ids[key]
            first = f"{result.path}:row {first}" if isinstance(first, int) else first.where
            result.skipped["duplicate-id"] += 1
            result.row_warning("bad-row", f"id {rid} appears already at {first}; this row was skipped; "
                                          "give each recommendation its own id", entry)
            continue
        # keep only where it came from: a table row's number, or the entry (its values let go)
        if entry.row is None:
            entry.data = {}
            seen_ids[key] = entry
        else:
            seen_ids[key] = entry.row
        if values is not rec:
            fields = rec.__pydantic_fields_set__
            # the rows of one file set the same fields: one set for them all (a set per model
            # would be a third of its memory; nothing reads or changes model_fields_set)
            if fields != last_fields:
                last_fields = shared_fields.setdefault(frozenset(fields), fields)
            object.__setattr__(rec, "__pydantic_fields_set__", last_fields)
        state = values[STATE]
        if state:
            states_seen.add(state)
        if not no_filter and not filters.keeps(dict(zip(FIELDS, values, strict=True)), voluntary, want_state,
                                               want_theme):
            result.filtered_out += 1
            continue
        (keep_voluntary if voluntary else keep)(rec)
