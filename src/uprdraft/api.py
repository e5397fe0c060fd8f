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
import json
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
                          ignore: IgnoreArg = None) -> Report:
    """A UPR mid-term report (.docx) and, with ``child_friendly``, its child-friendly version."""
    from .pipeline import run

    return run("midterm-report", input_path, _context(rules, None, ignore, profile),
               outputs={"document": output, "child-friendly": child_friendly},
               templates={"document": template, "child-friendly": child_friendly_template}, force=_force(force))


def render_side_event(input_path: PathArg, output: PathArg | None = None, ics: PathArg | None = None,
                      force: bool = False, *, rules: RulesArg = None, template: PathArg | None = None,
                      profile: str | None = None, ignore: IgnoreArg = None) -> Report:
    """A side-event concept note (.docx) and, with ``ics``, its calendar file."""
    from .pipeline import run

    return run("side-event", input_path, _context(rules, None, ignore, profile), outputs={"document": output, "ics": ics},
               templates={"document": template}, force=_force(force))


def render_plan(input_path: PathArg, output: PathArg | None = None, ics: PathArg | None = None, force: bool = False,
                *, rules: RulesArg = None, template: PathArg | None = None, profile: str | None = None,
                ignore: IgnoreArg = None) -> Report:
    """An action-plan matrix (.docx) and, with ``ics``, the follow-up calendar."""
    from .pipeline import run

    return run("action-plan", input_path, _context(rules, None, ignore, profile),
               outputs={"document": output, "ics": ics}, templates={"document": template}, force=_force(force))


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
    from .mail import TLS_MODES
    from .mail import send_email as send_saved

    if send:
        if not smtp_host:
            raise InputError("--send needs --smtp-host (your organisation's mail server)", code="usage")
        if smtp_user and not smtp_password:
            raise InputError("--smtp-user needs the password in the UPRDRAFT_SMTP_PASSWORD environment variable",
                             code="usage")
        if smtp_tls not in TLS_MODES:
            raise InputError(f"--smtp-tls: '{smtp_tls}' is not one of {', '.join(TLS_MODES)}", code="usage")
    report = build_email(input_path, docx_path, output, today, late, force, rules=rules, ignore=ignore)
    report.stats["sent"] = False
    if not send or not report.ok or report.output is None:
        return report
    try:
        report.stats["smtp"] = send_saved(report.output, smtp_host or "", smtp_port, user=smtp_user,
                                          password=smtp_password, tls=smtp_tls, cafile=cafile)
    except InputError as e:
        raise InputError(report.findings + e.findings) from None
    report.stats["sent"] = True
    return report


def send_email(eml: PathArg, host: str, port: int | None = None, user: str | None = None,
               password: str | None = None, tls: str = "starttls", cafile: str | None = None, *,
               rules: RulesArg = None) -> Report:
    """Send a saved .eml over SMTP; the stats say to whom, through which server."""
    from .mail import send_email as send

    stats = send(eml, host, port, user=user, password=password, tls=tls, cafile=cafile)
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


def check(docx_path: PathArg | bytes, profile: str | None = None, limit: int | None = None,
          status: str | None = None, *, rules: RulesArg = None, ignore: IgnoreArg = None) -> Report:
    """Check any Word file: fonts, sizes, emphasis, word count, risky content."""
    from .codes import drop_ignored
    from .docx_check import check_docx

    if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int)):
        raise InputError(f"limit: give a whole number of words, not {limit!r}", code="usage")
    ctx = _context(rules, None, ignore)
    report: Report = check_docx(docx_path, profile=profile, limit=limit, status=status, rules=ctx.rules)
    report.findings = drop_ignored(report.findings, ctx.ignore)
    return report


def fix(docx_path: PathArg, output: PathArg | None = None, force: bool = False, profile: str | None = None, *,
        rules: RulesArg = None) -> Report:
    """A copy of a Word file in the profile's font and size, without emphasis; text unchanged."""
    from .docx_check import fix_docx

    report: Report = fix_docx(docx_path, Path(output) if output is not None else None, force=_force(force),
                              profile=profile,
                              rules=make_context(rules).rules)
    return report


def import_recommendations(input_path: PathArg, output: PathArg | None = None, force: bool = False, *,
                           state: str | None = None, theme: str | None = None, response: str | None = None,
                           session: int | None = None, encoding: str | None = None,
                           rules: RulesArg = None) -> Report:
    """Recommendations from a UPR Info or UHRI export or our template, written as YAML.

    ``report.stats`` holds the counts; ``report.data`` the recommendations read."""
    from .importers import import_to_yaml

    report, result = import_to_yaml(input_path, output, force=_force(force), state=state, theme=theme,
                                    response=response, session=session, encoding=encoding)
    report.data = result
    return report  # type: ignore[no-any-return]


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
