"""The command line: click commands only (parse, call the Python API, print, exit code).

No logic lives here. Heavy libraries (python-docx, docxtpl, lxml, pydantic, ...) are
imported inside the commands so that ``uprdraft --help`` starts as fast as bare Python.

Exit codes: 0 done (warnings allowed); 1 the content breaks a rule or the file is not
compliant; 2 usage or I/O problem.
"""
from __future__ import annotations

import datetime as dt
import json
import sys

import click

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


# --------------------------------------------------------------------------- shared plumbing
def _print_findings(findings, stream=None) -> None:
    stream = stream or sys.stderr
    for f in findings:
        where = f"{f.location}: " if f.location else ""
        label = "" if f.severity == "error" else "warning: "
        click.echo(f"{where}{label}{f.message} [{f.code}]", file=stream)


def emit(report, as_json: bool, success: str | None = None) -> None:
    """Print a Report (findings, stats, output) and exit with the contract's code."""
    if as_json:
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False, default=str))
    else:
        _print_findings(report.findings)
        if report.ok and success:
            click.echo(success)
    sys.exit(0 if report.ok else 1)


def run(fn, as_json: bool = False):
    """Call the API; turn our errors into one line each and the right exit code.

    Any other exception is a bug, but the user still gets one line, not a traceback.
    """
    from .findings import Report, UprdraftError

    try:
        return fn()
    except UprdraftError as e:
        if as_json:
            report = Report(findings=e.findings)
            click.echo(json.dumps(report.to_dict(), ensure_ascii=False, default=str))
        else:
            _print_findings(e.findings)
        sys.exit(e.exit_code)
    except KeyboardInterrupt:
        click.echo("interrupted; nothing was written", err=True)
        sys.exit(130)
    except Exception as e:  # a bug in uprdraft: say so plainly, keep the exit code apart
        if as_json:
            click.echo(json.dumps({"ok": False, "findings": [{"code": "internal", "severity": "error",
                                   "message": f"internal error: {type(e).__name__}: {e}", "location": ""}],
                                   "stats": {}, "output": None}))
        else:
            click.echo(f"internal error: {type(e).__name__}: {e} (please report this; set UPRDRAFT_DEBUG=1 "
                       "for details)", err=True)
        import os

        if os.environ.get("UPRDRAFT_DEBUG"):
            raise
        sys.exit(2)


def _date(ctx, param, value):
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"'{value}' is not a date; write it as YYYY-MM-DD") from None


def today_option(f):
    return click.option("--today", callback=_date, metavar="YYYY-MM-DD",
                        help="Treat this date as today for deadline rules (default: the real date).")(f)


def json_option(f):
    return click.option("--json", "as_json", is_flag=True, help="Print one JSON report on stdout.")(f)


def force_option(f):
    return click.option("--force", is_flag=True, help="Replace the output file if it exists.")(f)


def output_option(f):
    return click.option("-o", "--output", type=click.Path(dir_okay=False),
                        help="Output file (default: beside the input, new suffix).")(f)


def input_argument(f):
    return click.argument("input_path", metavar="INPUT", type=click.Path(dir_okay=False))(f)


# --------------------------------------------------------------------------- the commands
@click.group(context_settings=CONTEXT)
@click.version_option(package_name="uprdraft")
@click.option("--rules", "rules_file", type=click.Path(dir_okay=False, exists=True),
              help="YAML file overriding rule values (limits, deadlines, wording).")
def main(rules_file):
    """uprdraft: HRC and UPR follow-up documents the UN accepts the first time.

    Write your statement or report as YAML, JSON or Markdown with front matter; uprdraft
    checks it against the Council's rules and writes the Word file. Start with
    'uprdraft new written-statement'.
    """
    if rules_file:
        from . import rules

        run(lambda: rules.use_rules(rules.load_rules(rules_file)))
    elif "uprdraft.rules" in sys.modules:  # a previous in-process call may have changed them
        sys.modules["uprdraft.rules"].use_rules(sys.modules["uprdraft.rules"].DEFAULT)


@main.group()
def statement():
    """Written and oral statements to the Human Rights Council."""


@statement.command("written")
@input_argument
@output_option
@force_option
@today_option
@json_option
def statement_written(input_path, output, force, today, as_json):
    """Render an HRC written statement (.docx) from INPUT, or list what to fix."""
    from . import api

    report = run(lambda: api.render_written_statement(input_path, output=output, force=force, today=today), as_json)
    emit(report, as_json, success=f"wrote {report.output}" if report.output else None)


@statement.command("oral")
@input_argument
@output_option
@click.option("--text", "text_output", type=click.Path(dir_okay=False),
              help="Also write the plain text to upload when registering the speaker (.txt).")
@force_option
@json_option
def statement_oral(input_path, output, text_output, force, as_json):
    """Write the speaker's script (.docx) of an oral statement, timed against the limit."""
    from .oral import render_oral_statement

    report = run(lambda: render_oral_statement(input_path, output=output, text_output=text_output, force=force),
                 as_json)
    if report.ok and not as_json:
        s = report.stats
        written = " and ".join(str(p) for p in (report.output, s.get("text_output")) if p)
        emit(report, as_json, success=f"wrote {written} ({s['words']} words, about {s['seconds']:g} s of "
                                      f"{s['limit_seconds']} s)")
    emit(report, as_json)


@main.group()
def report():
    """Reports on UPR follow-up (mid-term reports)."""


@report.command("midterm")
@input_argument
@output_option
@click.option("--child-friendly", "child_friendly", type=click.Path(dir_okay=False), metavar="OUT2.docx",
              help="Also write the child-friendly version (needs the child_friendly section).")
@force_option
@json_option
def report_midterm(input_path, output, child_friendly, force, as_json):
    """Write a UPR mid-term report (.docx) from INPUT, and with --child-friendly its child-friendly version."""
    from .midterm import render_midterm_report, summary_lines

    result = run(lambda: render_midterm_report(input_path, output=output, child_friendly=child_friendly,
                                               force=force), as_json)
    emit(result, as_json, success="\n".join(summary_lines(result)))


@main.command("side-event")
@input_argument
@output_option
@click.option("--ics", "ics", type=click.Path(dir_okay=False), metavar="OUT.ics",
              help="Also write a calendar file: the event (Geneva time) and the guest-list deadline.")
@force_option
@json_option
def side_event(input_path, output, ics, force, as_json):
    """Write a side-event concept note (.docx) from INPUT, and with --ics a calendar file."""
    from .side_event import render_side_event, summary_lines

    report = run(lambda: render_side_event(input_path, output=output, ics=ics, force=force), as_json)
    emit(report, as_json, success="\n".join(summary_lines(report)))


@main.command("plan")
@input_argument
@output_option
@click.option("--ics", "ics", type=click.Path(dir_okay=False), metavar="OUT.ics",
              help="Also write a calendar file: every milestone and the follow-up steps up to the next review.")
@force_option
@json_option
def plan(input_path, output, ics, force, as_json):
    """Write an action-plan matrix (.docx) from INPUT, and with --ics a follow-up calendar."""
    from .plan import render_plan, summary_lines

    report = run(lambda: render_plan(input_path, output=output, ics=ics, force=force), as_json)
    emit(report, as_json, success="\n".join(summary_lines(report)))


@main.command()
@input_argument
@today_option
@json_option
def validate(input_path, today, as_json):
    """Check INPUT against the schema and the rules; writes nothing."""
    from . import api

    report = run(lambda: api.validate(input_path, today=today), as_json)
    emit(report, as_json, success=f"{input_path}: ok")


@main.command()
@click.argument("docx_path", metavar="DOCX", type=click.Path(dir_okay=False))
@click.option("--profile", default=None, metavar="NAME",
              help="Font profile: hrc-written (default), legacy-2009, speaker-script, child-friendly, hrc-report.")
@click.option("--limit", type=int, default=None, metavar="N", help="Word limit (body + footnotes).")
@click.option("--status", type=click.Choice(["general", "special", "roster"]), default=None,
              help="Consultative status: sets the word limit (2,000 general; 1,500 special and roster).")
@json_option
def check(docx_path, profile, limit, status, as_json):
    """Check any Word file: fonts, sizes, emphasis, word count, risky content."""
    from .docx_check import check_docx

    if limit is not None and status is not None:
        raise click.UsageError("give --limit or --status, not both")
    report = run(lambda: check_docx(docx_path, profile=profile, limit=limit, status=status), as_json)
    if not as_json:
        words = report.stats.get("words", {})
        limit_txt = f" (limit {report.stats['limit']})" if report.stats.get("limit") else ""
        click.echo(f"{docx_path}: {words.get('total', 0)} words: body {words.get('body', 0)}, "
                   f"footnotes {words.get('footnotes', 0)}{limit_txt}; {report.stats.get('runs', 0)} runs checked",
                   err=not report.ok)
    emit(report, as_json, success=f"{docx_path}: ok" if report.ok else None)


@main.command()
@click.argument("docx_path", metavar="DOCX", type=click.Path(dir_okay=False))
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="Output file (default: NAME-fixed.docx beside the input).")
@click.option("--profile", default=None, metavar="NAME", help="Font profile (default: hrc-written).")
@force_option
@json_option
def fix(docx_path, output, profile, force, as_json):
    """Write a copy of a Word file in Times New Roman 10 without emphasis; text unchanged."""
    from .docx_check import fix_docx

    report = run(lambda: fix_docx(docx_path, output, force=force, profile=profile), as_json)
    emit(report, as_json, success=f"wrote {report.output}" if report.output else None)


@main.command()
@click.argument("kind", required=False)
@click.option("-o", "--output", "out_dir", type=click.Path(file_okay=False),
              help="Folder for the schema files (default: print to stdout).")
def schema(kind, out_dir):
    """Print or write the JSON Schema of one input KIND, or of all kinds."""
    from . import api

    def go():
        return api.write_schemas(out_dir, kind) if out_dir else api.schema_json(kind)

    result = run(go)
    if out_dir:
        for p in result:
            click.echo(f"wrote {p}")
    else:
        click.echo(result)


@main.command()
@click.argument("kind")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="File to write (default: stdout).")
@force_option
def new(kind, output, force):
    """Write a commented starter file for KIND (e.g. written-statement)."""
    from . import api

    result = run(lambda: api.new(kind, output=output, force=force))
    if output:
        click.echo(f"wrote {result}")
    else:
        click.echo(result, nl=False)


@main.command("email")
@input_argument
@click.argument("docx_path", metavar="DOCX", type=click.Path(dir_okay=False))
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="The .eml file to write (default: the DOCX name with .eml, beside it).")
@force_option
@today_option
@click.option("--late", is_flag=True, help="Prepare the e-mail although the deadline has passed (kept as a warning).")
@click.option("--send", is_flag=True, help="Send the saved .eml over SMTP (password from UPRDRAFT_SMTP_PASSWORD).")
@click.option("--smtp-host", metavar="HOST", help="Your mail server, e.g. smtp.example.org.")
@click.option("--smtp-port", type=int, metavar="PORT", help="Default: the standard port of --smtp-tls (see rules: email.smtp_ports).")
@click.option("--smtp-user", metavar="USER", help="Login name; the password is read from UPRDRAFT_SMTP_PASSWORD.")
@click.option("--smtp-tls", type=click.Choice(["starttls", "ssl", "none"]), default="starttls", show_default=True,
              help="STARTTLS, implicit TLS, or none (local test servers only). Certificates are always "
                   "verified; trust a private CA with UPRDRAFT_SMTP_CAFILE.")
@json_option
def email(input_path, docx_path, output, force, today, late, send, smtp_host, smtp_port, smtp_user, smtp_tls,
          as_json):
    """Check INPUT (written-statement or submission) and DOCX, then write the e-mail to the HRC
    secretariat as an .eml draft (and send it with --send)."""
    import os

    from . import mail
    from .rules import get_rules

    report = run(lambda: mail.submit(
        input_path, docx_path, output=output, today=today, late=late, force=force, send=send,
        smtp_host=smtp_host, smtp_port=smtp_port, smtp_user=smtp_user,
        smtp_password=os.environ.get("UPRDRAFT_SMTP_PASSWORD"), smtp_tls=smtp_tls,
        cafile=os.environ.get("UPRDRAFT_SMTP_CAFILE") or None, rules=get_rules()), as_json)
    done = f"wrote {report.output}" + (f" and sent it to {report.stats['smtp']['to'][0]}" if report.stats.get("sent") else "")
    emit(report, as_json, success=done if report.output else None)


@main.group("import")
def import_group():
    """Import data from other tools' exports."""


@import_group.command("recommendations")
@click.argument("input_path", metavar="FILE", type=click.Path(dir_okay=False))
@click.option("--state", metavar="S", help="Only this State under review (case-insensitive).")
@click.option("--theme", metavar="T", help="Only themes containing T (case-insensitive: 'child' matches "
                                            "'Rights of the Child').")
@click.option("--response", metavar="R", help="Only supported, noted, supported/noted or voluntary.")
@click.option("--session", type=int, metavar="N", help="Only UPR Working Group session N.")
@click.option("--encoding", metavar="E", help="Text encoding of a CSV (default: decided from the bytes; "
                                               "utf-8, utf-8-sig, utf-16, cp1252, mac_roman).")
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="The YAML file to write (default: beside FILE, suffix .yaml).")
@force_option
@json_option
def import_recommendations(input_path, state, theme, response, session, encoding, output, force, as_json):
    """Read recommendations from a UPR Info or UHRI export (CSV, XLSX), or the uprdraft
    template, and write YAML usable as recommendations_file. Bad rows are skipped and
    reported with their row number."""
    from .importers import import_to_yaml
    from .rules import get_rules

    report = run(lambda: import_to_yaml(input_path, output, force=force, state=state, theme=theme, response=response,
                                        session=session, encoding=encoding, rules=get_rules()), as_json)
    if as_json:
        emit(report, as_json)
    _print_findings(report.findings)
    for line in report.data.summary():  # the summary goes to stderr, after the row warnings
        click.echo(line, err=True)
    if report.ok:
        click.echo(f"wrote {report.output}")
    sys.exit(0 if report.ok else 1)


if __name__ == "__main__":  # pragma: no cover
    main()
