"""The Python API: one documented function per CLI command, with the same names.

    import uprdraft
    report = uprdraft.render_written_statement("statement.md", today=datetime.date(2026, 2, 1))
    report.ok, report.output, report.stats["words"], [str(f) for f in report.findings]

Every function returns a :class:`~uprdraft.findings.Report` or raises
:class:`~uprdraft.findings.InputError` (cannot read/parse/write: CLI exit 2) /
:class:`~uprdraft.findings.ContentError` (content breaks the schema: exit 1). A Report with
errors (``report.ok`` false) means nothing was written.
"""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from .fileio import check_writable, default_output, write_atomic
from .findings import ContentError, Finding, InputError, Report, error, has_errors

# --------------------------------------------------------------------------- self-check
def verify_docx(data: bytes, name: str, profile: str, words: dict | None = None, limit: int | None = None) -> Report:
    """Re-read a .docx we wrote with our own checker before reporting success.

    A formatting error, or a word count that differs from the one we computed, is a bug in
    uprdraft, never the user's fault: it is raised as a ContentError that says so, and
    nothing is written.
    """
    from .docx_check import check_docx

    report = check_docx(data, profile=profile, limit=limit, name=name)
    bug = "(a bug in uprdraft; please report it)"
    problems = [error(f.code, f"{name} as generated fails the '{profile}' check: {f.message} {bug}", f.location)
                for f in report.findings if f.severity == "error" and f.code != "word-limit"]
    if words is not None and report.stats.get("words") != words:
        problems.append(error("word-count", f"{name}: word counts differ between the renderer {words} and the "
                                            f"checker {report.stats.get('words')} {bug}"))
    if problems:
        raise ContentError(problems)
    return report


# --------------------------------------------------------------------------- written statements
def render_written_statement(input_path, output=None, force: bool = False, today: dt.date | None = None) -> Report:
    """Check a written statement and write its .docx (beside the input by default)."""
    from .load import load
    from .render.written import render_written_docx
    from .written import statement_content, written_findings

    model, src = load(input_path, "written-statement")
    out = Path(output) if output else default_output(input_path, ".docx")
    check_writable(out, force)
    content = statement_content(model)
    findings, stats = written_findings(model, src, today, content)
    if has_errors(findings):
        return Report(findings, stats, None)
    from .context import Context
    from .rules import get_rules

    data = render_written_docx(model, content, Context(rules=get_rules()))
    verify_docx(data, out.name, "hrc-written", words=stats["words"])
    write_atomic(out, data, force)
    return Report(findings, stats, str(out))


# --------------------------------------------------------------------------- validate
def _findings_for(model, src, today):
    """Rule findings per kind; each kind's module exposes ``<kind>_findings(model, src, ...)``."""
    kind = model.kind
    if kind == "written-statement":
        from .written import written_findings

        return written_findings(model, src, today)
    if kind == "oral-statement":
        from .oral import oral_findings

        return oral_findings(model, src)
    if kind == "side-event":
        from .side_event import side_event_findings

        return side_event_findings(model, src)
    if kind == "action-plan":
        from .plan import plan_findings

        return plan_findings(model, src)
    if kind == "midterm-report":
        from .midterm import midterm_findings

        return midterm_findings(model, src)
    if kind == "submission":
        from .mail import submission_findings

        return submission_findings(model, src, today)
    return [], {}


def validate(input_path, today: dt.date | None = None) -> Report:
    """Schema and rules only; writes nothing."""
    from .load import load

    model, src = load(input_path)
    findings, stats = _findings_for(model, src, today)
    return Report(list(findings), stats, None)


# --------------------------------------------------------------------------- schemas
def schemas() -> dict[str, dict]:
    """JSON Schema of every input kind, generated from the models."""
    from .models import available_kinds, model_for

    return {kind: model_for(kind).model_json_schema() for kind in available_kinds()}


def _schema_text(schema: dict) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def schema_json(kind: str | None = None) -> str:
    all_schemas = schemas()
    if kind is None:
        return _schema_text(all_schemas)
    if kind not in all_schemas:
        raise InputError(f"unknown kind '{kind}'; one of: {', '.join(all_schemas)}", code="usage")
    return _schema_text(all_schemas[kind])


def write_schemas(out_dir, kind: str | None = None) -> list[Path]:
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


# --------------------------------------------------------------------------- starters
def new(kind: str, output=None, force: bool = False):
    """A commented starter file for ``kind``; written to ``output`` or returned as text."""
    if kind == "recommendations":
        from .importers import template_csv

        text, suffix = template_csv(), ".csv"
    else:
        starters = Path(__file__).resolve().parent / "starters"
        matches = sorted(starters.glob(f"{kind}.*"))
        if not matches:
            known = sorted({p.stem for p in starters.glob("*.*")} | {"recommendations"})
            raise InputError(f"no starter for '{kind}'; one of: {', '.join(known)}", code="usage")
        text, suffix = matches[0].read_text(encoding="utf-8"), matches[0].suffix
    if output is None:
        return text
    output = Path(output)
    if not output.suffix:  # the format follows the name: keep the starter's
        output = output.with_suffix(suffix)
    return str(write_atomic(output, text, force))


__all__ = ["Finding", "Report", "error", "render_written_statement", "validate", "schemas", "schema_json",
           "write_schemas", "new", "verify_docx"]
