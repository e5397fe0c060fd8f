"""The Python API: one function per CLI command, with the same names and options.

    import uprdraft
    report = uprdraft.render_written_statement("statement.md", today="2026-02-01",
                                               rules={"written": {"deadline_days_before": 28}})
    report.ok, report.output, report.stats["words"], [str(f) for f in report.findings]

Every function returns a :class:`~uprdraft.findings.Report` or raises
:class:`~uprdraft.findings.InputError` (cannot read/parse/write: CLI exit 2) /
:class:`~uprdraft.findings.ContentError` (content breaks the schema: exit 1). A Report with
errors (``report.ok`` false) means nothing was written.

``rules`` is optional everywhere: a mapping shaped like the YAML rules file (merged over the
defaults), the path of such a file, or a :class:`~uprdraft.rules.Rules`. ``today`` (a date,
or text such as "2026-05-01") stands for the real date in deadline rules. ``ignore`` drops
warnings by code (``"flow-style,deadline"``); errors cannot be ignored.
"""
from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Union

from .context import Context, make_context
from .findings import InputError, Report

if TYPE_CHECKING:
    from .rules import Rules

PathArg = Union[str, "os.PathLike[str]"]
RulesArg = Union["Rules", Mapping[str, Any], str, "os.PathLike[str]", Path, None]
DateArg = Union[dt.date, str, None]
IgnoreArg = Union[str, Iterable[str], None]
DbArg = Union[str, "os.PathLike[str]", None]  # a tracker: SQLite path or database URL (uprdraft track)


def _context(rules: RulesArg, today: DateArg = None, ignore: IgnoreArg = None,
             profile: str | None = None) -> Context:
    return make_context(rules, today, ignore=ignore, profile=profile)


def _force(value: Any) -> bool:
    if not isinstance(value, bool):
        raise InputError(f"force: give True or False, not {value!r}", code="usage")
    return value


# --------------------------------------------------------------------------- documents
def render_written_statement(input_path: PathArg, output: PathArg | None = None, force: bool = False,
                             today: DateArg = None, *, rules: RulesArg = None, template: PathArg | None = None,
                             ignore: IgnoreArg = None) -> Report:
    """Check a written statement and write its .docx (beside the input by default)."""
    from .pipeline import run

    return run("written-statement", input_path, _context(rules, today, ignore), outputs={"document": output},
               templates={"document": template}, force=_force(force))


def render_oral_statement(input_path: PathArg, output: PathArg | None = None, text_output: PathArg | None = None,
                          force: bool = False, *, rules: RulesArg = None, template: PathArg | None = None,
                          ignore: IgnoreArg = None) -> Report:
    """The speaker's script (.docx), timed against the limit, and with ``text_output`` the .txt."""
    from .pipeline import run

    return run("oral-statement", input_path, _context(rules, None, ignore),
               outputs={"document": output, "text": text_output}, templates={"document": template},
               force=_force(force))


def render_midterm_report(input_path: PathArg, output: PathArg | None = None, child_friendly: PathArg | None = None,
                          force: bool = False, *, rules: RulesArg = None, template: PathArg | None = None,
                          child_friendly_template: PathArg | None = None, profile: str | None = None,
                          ignore: IgnoreArg = None, db: DbArg | bool = None, as_of: DateArg = None) -> Report:
    """A UPR mid-term report (.docx) and, with ``child_friendly``, its child-friendly version.

    With ``db`` (a tracker's path or URL; True: $UPRDRAFT_DB or ./uprdraft.db) the recommendations
    come from the tracker, with their status as of ``as_of`` (default today)."""
    from .pipeline import run

    return run("midterm-report", input_path, _context(rules, None, ignore, profile),
               outputs={"document": output, "child-friendly": child_friendly},
               templates={"document": template, "child-friendly": child_friendly_template}, force=_force(force),
               options=_tracker_options(db, as_of))


def render_side_event(input_path: PathArg, output: PathArg | None = None, ics: PathArg | None = None,
                      force: bool = False, *, rules: RulesArg = None, template: PathArg | None = None,
                      profile: str | None = None, ignore: IgnoreArg = None) -> Report:
    """A side-event concept note (.docx) and, with ``ics``, its calendar file."""
    from .pipeline import run

    return run("side-event", input_path, _context(rules, None, ignore, profile), outputs={"document": output, "ics": ics},
               templates={"document": template}, force=_force(force))


def render_plan(input_path: PathArg, output: PathArg | None = None, ics: PathArg | None = None, force: bool = False,
                *, rules: RulesArg = None, template: PathArg | None = None, profile: str | None = None,
                ignore: IgnoreArg = None, today: DateArg = None, db: DbArg | bool = None,
                as_of: DateArg = None) -> Report:
    """An action-plan matrix (.docx) and, with ``ics``, the follow-up calendar; ``today``
    (default: the real date) marks the calendar's past steps.

    With ``db`` (as in :func:`render_midterm_report`) the ids of the items are looked up in the
    tracker, with each recommendation's status as of ``as_of``."""
    from .pipeline import run

    return run("action-plan", input_path, _context(rules, today, ignore, profile),
               outputs={"document": output, "ics": ics}, templates={"document": template}, force=_force(force),
               options=_tracker_options(db, as_of))


def _tracker_options(db: Any, as_of: DateArg) -> dict[str, Any]:
    """Request options of a kind that reads the tracker: {} without ``db``."""
    from .context import as_date

    if db is None or db is False:
        if as_of is not None:
            raise InputError("--as-of needs --db (the tracker to read)", code="usage")
        return {}
    return {"db": None if db is True or db == "" else db, "tracker": True,
            "as_of": as_date(as_of, "as_of") or dt.date.today()}


def build_email(input_path: PathArg, docx_path: PathArg, output: PathArg | None = None, today: DateArg = None,
                late: bool = False, force: bool = False, *, rules: RulesArg = None,
                ignore: IgnoreArg = None) -> Report:
    """Check INPUT (written statement or submission form) and DOCX, then write the .eml draft."""
    from .pipeline import run

    return run("submission", input_path, _context(rules, today, ignore), outputs={"eml": output},
               inputs={"docx": docx_path}, options={"late": bool(late)}, force=_force(force))


def email(input_path: PathArg, docx_path: PathArg, output: PathArg | None = None, today: DateArg = None,
          late: bool = False, force: bool = False, send: bool = False, smtp_host: str | None = None,
          smtp_port: int | None = None, smtp_user: str | None = None, smtp_password: str | None = None,
          smtp_tls: str = "starttls", cafile: str | None = None, *, rules: RulesArg = None,
          ignore: IgnoreArg = None) -> Report:
    """``uprdraft email``: :func:`build_email`, then sending with ``send``.

    The .eml is written before sending and stays when sending fails (InputError, exit 2,
    whose findings keep the build's warnings).
    """
    from .mail.smtp import check_options
    from .mail.smtp import send_email as send_saved

    ctx = _context(rules, today, ignore)
    if send:
        check_options(smtp_host, smtp_user, smtp_password, smtp_tls)
    report = build_email(input_path, docx_path, output, today, late, force, rules=ctx.rules, ignore=ignore)
    report.stats["sent"] = False
    if not send or not report.ok or report.output is None:
        return report
    try:
        report.stats["smtp"] = send_saved(report.output, smtp_host or "", smtp_port, user=smtp_user,
                                          password=smtp_password, tls=smtp_tls, cafile=cafile, rules=ctx.rules)
    except InputError as e:
        raise InputError(report.findings + e.findings) from None
    report.stats["sent"] = True
    return report


def send_email(eml: PathArg, host: str, port: int | None = None, user: str | None = None,
               password: str | None = None, tls: str = "starttls", cafile: str | None = None, *,
               rules: RulesArg = None) -> Report:
    """Send a saved .eml over SMTP; the stats say to whom, through which server."""
    from .mail.smtp import send_email as send

    stats = send(eml, host, port, user=user, password=password, tls=tls, cafile=cafile,
                 rules=make_context(rules).rules)
    return Report([], {"sent": True, "smtp": stats}, str(eml))


# --------------------------------------------------------------------------- the next review (issue 16)
def render_upr_submission(input_path: PathArg, output: PathArg | None = None, eml: PathArg | None = None,
                          ics: PathArg | None = None, force: bool = False, today: DateArg = None, *,
                          rules: RulesArg = None, template: PathArg | None = None, profile: str | None = None,
                          ignore: IgnoreArg = None) -> Report:
    """A UPR stakeholder submission (.docx); with ``eml`` the e-mail draft to the OHCHR, with
    ``ics`` the deadline in a calendar. ``today`` may be a moment ("2027-03-28T12:01", Geneva
    time unless it has an offset, or a datetime): submissions are due by 12:00 Geneva time."""
    from .pipeline import run

    return run("upr-submission", input_path, _context(rules, today, ignore, profile),
               outputs={"document": output, "eml": eml, "ics": ics}, templates={"document": template},
               force=_force(force))


def render_pre_session_statement(input_path: PathArg, output: PathArg | None = None,
                                 text_output: PathArg | None = None, ics: PathArg | None = None, force: bool = False,
                                 today: DateArg = None, *, rules: RulesArg = None, template: PathArg | None = None,
                                 ignore: IgnoreArg = None) -> Report:
    """The speaker's script of a pre-session statement (.docx); with ``text_output`` the text to
    send, with ``ics`` the due day and the pre-session in a calendar."""
    from .pipeline import run

    return run("pre-session-statement", input_path, _context(rules, today, ignore),
               outputs={"document": output, "text": text_output, "ics": ics}, templates={"document": template},
               force=_force(force))


def render_recommending_state_briefs(input_path: PathArg, output: PathArg | None = None, force: bool = False, *,
                                     rules: RulesArg = None, template: PathArg | None = None,
                                     profile: str | None = None, ignore: IgnoreArg = None) -> Report:
    """One brief per recommending State and ``index.docx``, written into the folder ``output``
    (default: beside the input, ``<name>-briefs``); an existing folder needs ``force``."""
    from .pipeline import run

    return run("recommending-state-briefs", input_path, _context(rules, None, ignore, profile),
               outputs={"document": output}, templates={"document": template}, force=_force(force))


def render_child_friendly_recommendations(input_path: PathArg, output: PathArg | None = None, force: bool = False,
                                          *, rules: RulesArg = None, template: PathArg | None = None,
                                          profile: str | None = None, ignore: IgnoreArg = None) -> Report:
    """The recommendations in child-friendly words beside the official text (.docx)."""
    from .pipeline import run

    return run("child-friendly-recommendations", input_path, _context(rules, None, ignore, profile),
               outputs={"document": output}, templates={"document": template}, force=_force(force))


def render_factsheet(input_path: PathArg, output: PathArg | None = None, force: bool = False, *,
                     rules: RulesArg = None, template: PathArg | None = None, profile: str | None = None,
                     ignore: IgnoreArg = None) -> Report:
    """A one-page fact sheet (.docx) with the implementation chart, from a factsheet or a mid-term report."""
    from .pipeline import run

    return run("factsheet", input_path, _context(rules, None, ignore, profile), outputs={"document": output},
               templates={"document": template}, force=_force(force))


# --------------------------------------------------------------------------- checking
def validate(input_path: PathArg, today: DateArg = None, *, rules: RulesArg = None,
             ignore: IgnoreArg = None) -> Report:
    """Schema and rules of any input file; writes nothing."""
    from .pipeline import validate as run_validate

    return run_validate(input_path, _context(rules, today, ignore))


def _docx_source(value: Any, what: str = "docx_path") -> Any:
    if isinstance(value, (str, os.PathLike, bytes, bytearray, memoryview)):
        return value
    raise InputError(f"{what}: give the path of a Word file (or its bytes), not {type(value).__name__}",
                     code="usage")


def check(docx_path: PathArg | bytes, profile: str | None = None, limit: int | None = None,
          status: str | None = None, *, rules: RulesArg = None, ignore: IgnoreArg = None) -> Report:
    """Check any Word file: fonts, sizes, emphasis, colour, word count, risky content.

    With ``rules=None`` the defaults are used as plain values, so a check does not load the
    rules machinery (pydantic) at all: a batch of files costs the checking alone.
    """
    from .codes import drop_ignored
    from .docx_check import check_docx

    if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int)):
        raise InputError(f"limit: give a whole number of words, not {limit!r}", code="usage")
    report: Report = check_docx(_docx_source(docx_path), profile=profile, limit=limit, status=status, rules=rules)
    if ignore:
        report.findings = drop_ignored(report.findings, ignore)
    return report


def fix(docx_path: PathArg, output: PathArg | None = None, force: bool = False, profile: str | None = None, *,
        rules: RulesArg = None) -> Report:
    """A copy of a Word file in the profile's font and size, without emphasis or colour and
    without macros; text unchanged."""
    from .docx_check import fix_docx

    report: Report = fix_docx(_docx_source(docx_path), Path(output) if output is not None else None,
                              force=_force(force), profile=profile, rules=rules)
    return report


def import_recommendations(input_path: PathArg, output: PathArg | None = None, force: bool = False, *,
                           state: str | None = None, theme: str | None = None, response: str | None = None,
                           session: int | None = None, encoding: str | None = None,
                           rules: RulesArg = None) -> Report:
    """Recommendations from a UPR Info or UHRI export or our template, written as YAML.

    ``report.stats`` holds the counts; ``report.data`` the recommendations read."""
    for name, value in (("state", state), ("theme", theme), ("response", response), ("encoding", encoding)):
        if value is not None and not isinstance(value, str):
            raise InputError(f"{name}: give a text, not {value!r}", code="usage")
    if session is not None and (isinstance(session, bool) or not isinstance(session, int)):
        raise InputError(f"session: give a session number, not {session!r}", code="usage")
    from .importers import import_to_yaml
    from .importers.settings import resolve

    # the default rules as plain values: importing a file loads no rules machinery (pydantic)
    report: Report = import_to_yaml(input_path, output, force=_force(force), state=state, theme=theme,
                                    response=response, session=session, encoding=encoding,
                                    rules=resolve(rules))
    return report


# --------------------------------------------------------------------------- codes
def explain(code: str) -> Report:
    """What a finding code means: ``report.stats`` holds its name, severity, summary, source."""
    from .codes import explain as explain_text
    from .codes import lookup

    entry = lookup(code)
    return Report([], {**entry.to_dict(), "text": explain_text(code)}, None, data=entry)


# --------------------------------------------------------------------------- schemas
def schemas() -> dict[str, dict[str, Any]]:
    """JSON Schema of every input kind, generated from the models."""
    from .kinds import KINDS, resolve_function

    return {name: resolve_function(kind.model).model_json_schema() for name, kind in KINDS.items()}


def _schema_text(schema: dict[str, Any]) -> str:
    import json  # here: the other commands start without it

    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def schema_json(kind: str | None = None) -> str:
    all_schemas = schemas()
    if kind is None:
        return _schema_text(all_schemas)
    if kind not in all_schemas:
        raise InputError(f"unknown kind '{kind}'; one of: {', '.join(all_schemas)}", code="usage")
    return _schema_text(all_schemas[kind])


def write_schemas(out_dir: PathArg, kind: str | None = None) -> list[Path]:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    all_schemas = schemas()
    kinds = [kind] if kind else list(all_schemas)
    written = []
    for k in kinds:
        if k not in all_schemas:
            raise InputError(f"unknown kind '{k}'; one of: {', '.join(all_schemas)}", code="usage")
        path = out / f"{k}.schema.json"
        path.write_text(_schema_text(all_schemas[k]), encoding="utf-8")
        written.append(path)
    return written


def schema(kind: str | None = None, output: PathArg | None = None) -> Report:
    """``uprdraft schema``: the JSON Schema of one kind (or all) as text, or written to a folder."""
    if output is not None:
        paths = write_schemas(output, kind)
        return Report([], {"files": [str(p) for p in paths]}, str(output))
    return Report([], {"text": schema_json(kind)}, None)


# --------------------------------------------------------------------------- starters
def starter_kinds() -> list[str]:
    """The kinds ``new`` has a starter for."""
    starters = Path(__file__).resolve().parent / "starters"
    return sorted({p.stem for p in starters.glob("*.*")} | {"recommendations"})


def starter_text(kind: str) -> tuple[str, str]:
    """(text, suffix) of the commented starter file for ``kind``."""
    if kind == "recommendations":
        from .importers import template_csv

        return template_csv(), ".csv"
    starters = Path(__file__).resolve().parent / "starters"
    matches = sorted(starters.glob(f"{kind}.*"))
    if not matches:
        raise InputError(f"no starter for '{kind}'; one of: {', '.join(starter_kinds())}", code="usage")
    return matches[0].read_text(encoding="utf-8"), matches[0].suffix


def new(kind: str, output: PathArg | None = None, force: bool = False) -> Report:
    """A commented starter file for ``kind``: written to ``output``, or its text in ``stats["text"]``."""
    from .fileio import write_atomic

    text, suffix = starter_text(kind)
    if output is None:
        return Report([], {"text": text, "kind": kind}, None)
    path = Path(output)
    if not path.suffix:  # the format follows the name: keep the starter's
        path = path.with_suffix(suffix)
    return Report([], {"kind": kind}, str(write_atomic(path, text, _force(force))))


__all__ = ["render_written_statement", "render_oral_statement", "render_midterm_report", "render_side_event",
           "render_plan", "build_email", "email", "send_email", "validate", "check", "fix",
           "import_recommendations", "explain", "schema", "schemas", "schema_json", "write_schemas", "new",
           # the next review (issue 16)
           "render_upr_submission", "render_pre_session_statement", "render_recommending_state_briefs",
           "render_child_friendly_recommendations", "render_factsheet"]


# =========================================================================== the tracker (uprdraft track)
# One function per ``uprdraft track`` command. ``db`` is an SQLite file path or a database URL
# (postgresql://user@host/db); None means $UPRDRAFT_DB, else ./uprdraft.db. Database problems are
# InputError (exit 2: missing, locked, damaged, not a tracker; code track-upgrade: run
# ``uprdraft track upgrade``), an unknown or ambiguous id is ContentError (exit 1).


def _as_of(value: DateArg, name: str = "as_of") -> dt.date:
    from .context import as_date

    return as_date(value, name) or dt.date.today()


def track_init(db: DbArg = None, force: bool = False) -> Report:
    """Create a tracker (refuses a database that holds tables, unless ``force``)."""
    from .tracker.migrate import init

    loc, revision = init(db, _force(force))
    return Report([], {"db": loc.shown, "schema": revision}, loc.shown)


def track_upgrade(db: DbArg = None) -> Report:
    """Bring an older tracker to this uprdraft's schema (Alembic migrations, one transaction)."""
    from .tracker.migrate import upgrade

    loc, before, after = upgrade(db)
    return Report([], {"db": loc.shown, "from": before, "to": after, "upgraded": before != after}, loc.shown)


def track_import(input_path: PathArg, *, db: DbArg = None, state: str | None = None, theme: str | None = None,
                 response: str | None = None, session: int | None = None, encoding: str | None = None,
                 assessed_on: DateArg = None, by: str | None = None) -> Report:
    """Import recommendations (UPR Info, UHRI, our CSV/XLSX/YAML) into the tracker, all or nothing.

    ``report.stats``: inserted, updated, unchanged, skipped (with ``skipped_reasons``)."""
    from .context import as_date
    from .pipeline import as_path
    from .tracker.db import connect
    from .tracker.importing import import_file

    path = as_path(input_path, "input")
    on = as_date(assessed_on, "assessed_on")
    with connect(db) as tracker:
        findings, stats = import_file(tracker, path, state=state, theme=theme, response=response, session=session,
                                      encoding=encoding, assessed_on=on, by=by)
        stats["db"] = tracker.shown
    return Report(findings, stats, None)


def track_assess(rec_id: str, status: str, date: DateArg, *, db: DbArg = None, evidence: str | None = None,
                 source: str | None = None, by: str | None = None, state: str | None = None,
                 session: str | int | None = None, today: DateArg = None) -> Report:
    """Append an assessment (status on a date, with evidence, source, author); never overwrites."""
    from .context import as_date
    from .tracker.assess import add_assessment
    from .tracker.db import connect

    when = as_date(date, "date")
    if when is None:
        raise InputError("date: give the date of the assessment (YYYY-MM-DD)", code="usage")
    with connect(db) as tracker:
        findings, stats = add_assessment(tracker, rec_id, status, when, evidence=evidence, source=source, by=by,
                                         state=state, session=session, today=as_date(today))
    return Report(findings, stats, None)


def track_link(rec_id: str, mechanism: str, document: str, *, paragraph: str | None = None, note: str | None = None,
               db: DbArg = None, by: str | None = None, state: str | None = None,
               session: str | int | None = None) -> Report:
    """Link a recommendation to a treaty-body or special-procedure recommendation."""
    from .tracker.assess import add_link
    from .tracker.db import connect

    with connect(db) as tracker:
        stats = add_link(tracker, rec_id, mechanism, document, paragraph=paragraph, note=note, by=by, state=state,
                         session=session)
    return Report([], stats, None)


def track_list(*, db: DbArg = None, state: str | None = None, theme: str | None = None,
               status: str | Iterable[str] | None = None, response: str | None = None, sdg: str | None = None,
               session: int | None = None, as_of: DateArg = None, format: str = "json",
               output: PathArg | None = None, force: bool = False) -> Report:
    """The recommendations with their status as of a date (latest assessment on or before it).

    ``report.data`` holds the rows (dicts with the fields of ``--format json``, and ``pk``, the
    tracker's own key; for ``format="table"`` only the table's fields); with ``output`` they are written in ``format``
    (table, csv, json, xlsx), else ``report.stats["text"]`` holds them (not for xlsx)."""
    from .fileio import write_atomic
    from .tracker.db import connect
    from .tracker.listing import FORMATS, render
    from .tracker.query import check_response, check_status, filter_rows, rows_as_of, table_rows

    if format not in FORMATS:
        raise InputError(f"--format: '{format}' is not one of {', '.join(FORMATS)}", code="usage")
    if format == "xlsx" and output is None:
        raise InputError("--format xlsx needs -o FILE.xlsx", code="usage")
    day = _as_of(as_of)
    statuses = [status] if isinstance(status, str) else list(status or [])
    wanted = [check_status(s) for s in statuses]
    resp = check_response(response)
    quick = format == "table" and theme is None and sdg is None  # the table needs no more than this
    with connect(db) as tracker:
        with tracker.read() as conn:
            rows = table_rows(conn, day, state=state) if quick else rows_as_of(conn, day, state=state)
    rows = filter_rows(rows, theme=theme, status=wanted, response=resp, sdg=sdg, session=session)
    stats: dict[str, Any] = {"as_of": day.isoformat(), "count": len(rows), "format": format}
    written = None
    if output is not None:
        written = str(write_atomic(Path(output), render(rows, format), _force(force)))
    elif format != "xlsx":
        stats["text"] = render(rows, format)
    return Report([], stats, written, data=rows)


def track_history(rec_id: str, *, db: DbArg = None, state: str | None = None,
                  session: str | int | None = None) -> Report:
    """Every assessment of a recommendation, oldest first, and its links (``report.stats``)."""
    from .tracker.db import connect
    from .tracker.query import find, history

    with connect(db) as tracker, tracker.read() as conn:
        stats = history(conn, find(conn, rec_id, state, session))
    return Report([], stats, None)


def track_stats(*, db: DbArg = None, as_of: DateArg = None, state: str | None = None, by_month: bool = False,
                since: DateArg = None, rules: RulesArg = None) -> Report:
    """Counts and shares by status for all, supported and noted recommendations, with triggered
    action (fully + partially implemented); with ``by_month`` the same at the end of each month."""
    from .context import as_date
    from .tracker import query
    from .tracker.db import connect

    upr = make_context(rules).rules.upr
    day = _as_of(as_of)
    with connect(db) as tracker, tracker.read() as conn:
        responses = query.responses(conn, state)
        stats: dict[str, Any] = {"as_of": day.isoformat(), "state": state}
        if by_month:  # the last month ends on the day asked for: its figures are the day's
            months = query.by_month(conn, day, responses, upr.statuses, upr.triggered_action,
                                    as_date(since, "since"))
            stats.update({g: months[-1][g] for g in query.GROUPS}, by_month=months)
        else:
            stats.update(query.stats_block(query.status_of(conn, day), responses, upr.statuses,
                                           upr.triggered_action))
    return Report([], stats, None)


def track_export(what: str, output: PathArg | None = None, *, db: DbArg = None, as_of: DateArg = None,
                 state: str | None = None, session: str | int | None = None, review_date: DateArg = None,
                 force: bool = False, rules: RulesArg = None) -> Report:
    """A ready input for ``uprdraft report midterm`` (``midterm-report``) or ``uprdraft plan``
    (``action-plan``) from the tracker; fields only a person can write are commented placeholders."""
    from .context import as_date
    from .fileio import write_atomic
    from .tracker.db import connect
    from .tracker.export import WHAT, midterm_text, plan_text, select

    if what not in WHAT:
        raise InputError(f"export: '{what}' is not one of {', '.join(WHAT)}", code="usage")
    upr = make_context(rules).rules.upr
    day = _as_of(as_of)
    since = as_date(review_date, "review_date")
    with connect(db) as tracker:
        sel = select(tracker, day, state, session, since)
        where = tracker.shown
    text = (midterm_text(sel, day, where, since, upr.statuses, upr.triggered_action) if what == "midterm-report"
            else plan_text(sel, day, where, since))
    stats: dict[str, Any] = {"what": what, "as_of": day.isoformat(), "state": sel["state"], "review": sel["review"],
                             "recommendations": len(sel["rows"])}
    if "moved" in sel:
        stats["moved_since_review"] = sel["moved"]
    written = None
    if output is not None:
        written = str(write_atomic(Path(output), text, _force(force)))
    else:
        stats["text"] = text
    return Report([], stats, written)


def track_dump(output: PathArg | None = None, *, db: DbArg = None, force: bool = False) -> Report:
    """The whole tracker as JSON: written to ``output``, or its text in ``report.stats["text"]``."""
    from .fileio import write_atomic
    from .tracker.backup import dump_data, dump_text
    from .tracker.db import connect

    with connect(db) as tracker:
        data = dump_data(tracker)
    stats: dict[str, Any] = {name: len(rows) for name, rows in data["tables"].items()}
    text = dump_text(data)
    written = None
    if output is not None:
        written = str(write_atomic(Path(output), text, _force(force)))
    else:
        stats["text"] = text
    return Report([], stats, written, data=data)


def track_load(input_path: PathArg, *, db: DbArg = None) -> Report:
    """Load a dump into an empty tracker (created when the SQLite file does not exist)."""
    from .pipeline import as_path
    from .tracker.backup import load_data, read_dump
    from .tracker.db import connect
    from .tracker.migrate import init_if_empty

    path = as_path(input_path, "input")
    data = read_dump(path)
    init_if_empty(db)
    with connect(db) as tracker:
        counts = load_data(tracker, path, data)
        shown = tracker.shown
    return Report([], {"db": shown, **counts}, shown)


__all__ += ["track_init", "track_upgrade", "track_import", "track_assess", "track_link", "track_list",
            "track_history", "track_stats", "track_export", "track_dump", "track_load"]
