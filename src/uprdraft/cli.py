"""The command line: click commands only (parse, call the Python API, print, exit code).

The document commands are generated from the registry of kinds (:mod:`uprdraft.kinds`):
each calls the API function of the same name with the same options. Heavy libraries are
imported inside the commands so that ``uprdraft --help`` starts as fast as bare Python.

Exit codes: 0 done (warnings allowed); 1 the content breaks a rule or the file is not
compliant; 2 usage or I/O problem.
"""
from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Callable
from typing import Any, NoReturn

import click

from ._version import __version__
from .kinds import KINDS, Kind

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}
GROUPS = {
    "statement": "Written and oral statements to the Human Rights Council.",
    "report": "Reports on UPR follow-up (mid-term reports).",
}


# --------------------------------------------------------------------------- shared plumbing
def _print_findings(findings: Any, stream: Any = None) -> None:
    stream = stream or sys.stderr
    for f in findings:
        where = f"{f.location}: " if f.location else ""
        label = "" if f.severity == "error" else "warning: "
        click.echo(f"{where}{label}{f.message} [{f.code}]", file=stream)


def emit(report: Any, as_json: bool, success: str | None = None) -> NoReturn:
    """Print a Report (findings, stats, output) and exit with the contract's code."""
    if as_json:
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False, default=str))
    else:
        _print_findings(report.findings)
        if report.ok and success:
            click.echo(success)
    sys.exit(0 if report.ok else 1)


def run(fn: Callable[[], Any], as_json: bool = False) -> Any:
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


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"'{value}' is not a date; write it as YYYY-MM-DD") from None


Decorator = Callable[[Callable[..., Any]], Callable[..., Any]]


def today_option(f: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--today", callback=_date, metavar="YYYY-MM-DD",
                        help="Treat this date as today for deadline rules (default: the real date).")(f)


def json_option(f: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--json", "as_json", is_flag=True, help="Print one JSON report on stdout.")(f)


def force_option(f: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--force", is_flag=True, help="Replace the output file if it exists.")(f)


def ignore_option(f: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--ignore", "ignore", multiple=True, metavar="CODE[,CODE]",
                        help="Drop these warnings (see 'uprdraft explain CODE'); errors cannot be ignored.")(f)


def input_argument(f: Callable[..., Any]) -> Callable[..., Any]:
    return click.argument("input_path", metavar="INPUT", type=click.Path(dir_okay=False))(f)


def _rules(ctx: click.Context) -> str | None:
    """The --rules file given before the command, passed explicitly to the API."""
    obj = ctx.find_root().obj or {}
    value: str | None = obj.get("rules")
    return value


# --------------------------------------------------------------------------- the group
class Uprdraft(click.Group):
    """The root group: a usage mistake is one line on stderr (exit 2), like every other error."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        kwargs["standalone_mode"] = False
        try:
            return super().main(*args, **kwargs)
        except click.exceptions.NoArgsIsHelpError as e:
            click.echo(e.ctx.get_help() if e.ctx else str(e), err=True)
            sys.exit(2)
        except click.UsageError as e:
            command = e.ctx.command_path if e.ctx else "uprdraft"
            hint = f" (see '{command} --help')"
            click.echo(f"{command}: {e.format_message()}{hint}", err=True)
            sys.exit(2)
        except click.exceptions.Abort:
            click.echo("interrupted; nothing was written", err=True)
            sys.exit(130)
        except click.exceptions.Exit as e:
            sys.exit(e.exit_code)


@click.group(cls=Uprdraft, context_settings=CONTEXT)
@click.version_option(__version__, prog_name="uprdraft", message="%(prog)s %(version)s")
@click.option("--rules", "rules_file", type=click.Path(dir_okay=False, exists=True),
              help="YAML file overriding rule values (limits, deadlines, wording).")
@click.pass_context
def main(ctx: click.Context, rules_file: str | None) -> None:
    """uprdraft: HRC and UPR follow-up documents the UN accepts the first time.

    Write your statement or report as YAML, JSON or Markdown with front matter; uprdraft
    checks it against the Council's rules and writes the Word file. Start with
    'uprdraft new written-statement'.
    """
    ctx.obj = {"rules": rules_file}


# --------------------------------------------------------------------------- document commands
def _kind_command(kind: Kind) -> click.Command:
    """``uprdraft <command>`` for one kind, with the options its outputs declare."""

    def callback(input_path: str, output: str | None, force: bool, as_json: bool, ignore: tuple[str, ...],
                 **options: Any) -> None:
        from . import api
        from .kinds import resolve_function

        ctx = click.get_current_context()
        kwargs: dict[str, Any] = {"output": output, "force": force, "rules": _rules(ctx), "ignore": ignore or None}
        for out in kind.optional:
            kwargs[out.param or out.role] = options.get(out.param or out.role)
        for out in kind.outputs:
            if out.template:
                kwargs[out.template.lstrip("-").replace("-", "_")] = options.get(
                    out.template.lstrip("-").replace("-", "_"))
        if "today" in options:
            kwargs["today"] = options["today"]
        if "profile" in options:
            kwargs["profile"] = options["profile"]
        fn = getattr(api, kind.api or "")
        report = run(lambda: fn(input_path, **kwargs), as_json)
        emit(report, as_json, success="\n".join(resolve_function(kind.summary)(report)))

    params: list[click.Parameter] = [
        click.Argument(["input_path"], metavar="INPUT", type=click.Path(dir_okay=False)),
        click.Option(["-o", "--output"], type=click.Path(dir_okay=False),
                     help="Output file (default: beside the input, new suffix)."),
    ]
    for out in kind.optional:
        params.append(click.Option([out.option or f"--{out.role}", out.param or out.role],
                                   type=click.Path(dir_okay=False), metavar=out.metavar, help=out.help))
    for out in kind.outputs:
        if out.template:
            what = "the Word file" if out is kind.main else f"the {out.role} version"
            params.append(click.Option(
                [out.template, out.template.lstrip("-").replace("-", "_")], type=click.Path(dir_okay=False),
                metavar="FILE.docx",
                help=f"Your own Word template for {what} (made from the shipped one); the result is still checked."))
    if not kind.fixed_format:
        params.append(click.Option(["--profile"], metavar="NAME",
                                   help="Check profile for a custom template: hrc-report (default), hrc-written, "
                                        "legacy-2009, speaker-script, child-friendly."))
    params.append(click.Option(["--force"], is_flag=True, help="Replace the output file if it exists."))
    if kind.dated:
        params.append(click.Option(["--today"], callback=_date, metavar="YYYY-MM-DD",
                                   help="Treat this date as today for deadline rules (default: the real date)."))
    params.append(click.Option(["--ignore", "ignore"], multiple=True, metavar="CODE[,CODE]",
                               help="Drop these warnings (see 'uprdraft explain CODE'); errors cannot be ignored."))
    params.append(click.Option(["--json", "as_json"], is_flag=True, help="Print one JSON report on stdout."))
    return click.Command(kind.command[-1], params=params, callback=callback, help=kind.help)


def _add_kind_commands() -> None:
    groups: dict[str, click.Group] = {}
    for kind in KINDS.values():
        if not kind.command or kind.inputs:  # commands with further inputs are written out below
            continue
        parent: click.Group = main
        for name in kind.command[:-1]:
            if name not in groups:
                groups[name] = click.Group(name, help=GROUPS.get(name, ""))
                main.add_command(groups[name])
            parent = groups[name]
        parent.add_command(_kind_command(kind))


_add_kind_commands()


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
@ignore_option
@json_option
@click.pass_context
def email(ctx: click.Context, input_path: str, docx_path: str, output: str | None, force: bool, today: dt.date | None,
          late: bool, send: bool, smtp_host: str | None, smtp_port: int | None, smtp_user: str | None, smtp_tls: str,
          ignore: tuple[str, ...], as_json: bool) -> None:
    """Check INPUT (written-statement or submission) and DOCX, then write the e-mail to the HRC
    secretariat as an .eml draft (and send it with --send)."""
    import os

    from . import api
    from .kinds import resolve_function

    report = run(lambda: api.email(
        input_path, docx_path, output=output, today=today, late=late, force=force, send=send,
        smtp_host=smtp_host, smtp_port=smtp_port, smtp_user=smtp_user,
        smtp_password=os.environ.get("UPRDRAFT_SMTP_PASSWORD"), smtp_tls=smtp_tls,
        cafile=os.environ.get("UPRDRAFT_SMTP_CAFILE") or None, rules=_rules(ctx), ignore=ignore or None), as_json)
    emit(report, as_json, success="\n".join(resolve_function(KINDS["submission"].summary)(report)))


# --------------------------------------------------------------------------- checking
@main.command()
@input_argument
@today_option
@ignore_option
@json_option
@click.pass_context
def validate(ctx: click.Context, input_path: str, today: dt.date | None, ignore: tuple[str, ...],
             as_json: bool) -> None:
    """Check INPUT against the schema and the rules; writes nothing."""
    from . import api

    report = run(lambda: api.validate(input_path, today=today, rules=_rules(ctx), ignore=ignore or None), as_json)
    emit(report, as_json, success=f"{input_path}: ok")


@main.command()
@click.argument("docx_path", metavar="DOCX", type=click.Path(dir_okay=False))
@click.option("--profile", default=None, metavar="NAME",
              help="Font profile: hrc-written (default), legacy-2009, speaker-script, child-friendly, hrc-report.")
@click.option("--limit", type=int, default=None, metavar="N", help="Word limit (body + footnotes).")
@click.option("--status", type=click.Choice(["general", "special", "roster"]), default=None,
              help="Consultative status: sets the word limit (2,000 general; 1,500 special and roster).")
@ignore_option
@json_option
@click.pass_context
def check(ctx: click.Context, docx_path: str, profile: str | None, limit: int | None, status: str | None,
          ignore: tuple[str, ...], as_json: bool) -> None:
    """Check any Word file: fonts, sizes, emphasis, word count, risky content."""
    from . import api

    if limit is not None and status is not None:
        raise click.UsageError("give --limit or --status, not both")
    report = run(lambda: api.check(docx_path, profile=profile, limit=limit, status=status, rules=_rules(ctx),
                                   ignore=ignore or None), as_json)
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
@click.pass_context
def fix(ctx: click.Context, docx_path: str, output: str | None, profile: str | None, force: bool,
        as_json: bool) -> None:
    """Write a copy of a Word file in Times New Roman 10 without emphasis; text unchanged."""
    from . import api

    report = run(lambda: api.fix(docx_path, output, force=force, profile=profile, rules=_rules(ctx)), as_json)
    emit(report, as_json, success=f"wrote {report.output}" if report.output else None)


@main.command()
@click.argument("code", required=False)
@json_option
def explain(code: str | None, as_json: bool) -> None:
    """Say what a finding CODE means: name, severity, summary and the source of its rule.
    Without CODE, list every code."""
    from . import api, codes

    if code is None:
        if as_json:
            click.echo(json.dumps([c.to_dict() for c in codes.CODES.values()], ensure_ascii=False))
        else:
            click.echo(codes.explain_all())
        return
    report = run(lambda: api.explain(code), as_json)
    click.echo(json.dumps(report.data.to_dict(), ensure_ascii=False) if as_json else report.stats["text"])


# --------------------------------------------------------------------------- files to start from
@main.command()
@click.argument("kind", required=False)
@click.option("-o", "--output", "out_dir", type=click.Path(file_okay=False),
              help="Folder for the schema files (default: print to stdout).")
def schema(kind: str | None, out_dir: str | None) -> None:
    """Print or write the JSON Schema of one input KIND, or of all kinds."""
    from . import api

    report = run(lambda: api.schema(kind, out_dir))
    if out_dir:
        for p in report.stats["files"]:
            click.echo(f"wrote {p}")
    else:
        click.echo(report.stats["text"])


@main.command()
@click.argument("kind")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="File to write (default: stdout).")
@force_option
def new(kind: str, output: str | None, force: bool) -> None:
    """Write a commented starter file for KIND (e.g. written-statement)."""
    from . import api

    report = run(lambda: api.new(kind, output=output, force=force))
    if output:
        click.echo(f"wrote {report.output}")
    else:
        click.echo(report.stats["text"], nl=False)


# --------------------------------------------------------------------------- importing
@main.group("import")
def import_group() -> None:
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
@click.pass_context
def import_recommendations(ctx: click.Context, input_path: str, state: str | None, theme: str | None,
                           response: str | None, session: int | None, encoding: str | None, output: str | None,
                           force: bool, as_json: bool) -> None:
    """Read recommendations from a UPR Info or UHRI export (CSV, XLSX), or the uprdraft
    template, and write YAML usable as recommendations_file. Bad rows are skipped and
    reported with their row number."""
    from . import api

    report = run(lambda: api.import_recommendations(input_path, output, force=force, state=state, theme=theme,
                                                    response=response, session=session, encoding=encoding,
                                                    rules=_rules(ctx)), as_json)
    if as_json:
        emit(report, as_json)
    _print_findings(report.findings)
    for line in report.data.summary() if report.data is not None else []:  # the summary goes to stderr, after the row warnings
        click.echo(line, err=True)
    if report.ok:
        click.echo(f"wrote {report.output}")
    sys.exit(0 if report.ok else 1)


# --------------------------------------------------------------------------- the web application
@main.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; anything but this computer (127.0.0.1) needs --token.")
@click.option("--port", type=click.IntRange(1, 65535), default=8765, show_default=True, help="Port to listen on.")
@click.option("--token", metavar="TOKEN", help="The secret every request must carry (default: a new random one).")
@click.option("--no-browser", is_flag=True, help="Print the address without opening a browser.")
@click.option("--db", metavar="URL", help="Tracker database for the tracker pages (when the tracker is installed).")
@click.pass_context
def serve(ctx: click.Context, host: str, port: int, token: str | None, no_browser: bool, db: str | None) -> None:
    """Run uprdraft in your browser: forms for every document, checked as you type, on this
    computer only. Prints the address to open (with its token)."""
    loopback = host in ("127.0.0.1", "localhost", "::1") or host.startswith("127.")
    if not loopback and not token:
        raise click.UsageError(f"--host {host} makes uprdraft reachable from other computers: give an explicit "
                               "--token (a long random secret) as well")
    if token is not None and len(token) < 8:
        raise click.UsageError("--token: use at least 8 characters")
    try:
        from .serve import serve as run_server
    except ImportError as e:
        click.echo(f"uprdraft serve needs the web extra: pip install 'uprdraft[serve]' ({e})", err=True)
        sys.exit(2)
    if not loopback:
        click.echo(f"warning: listening on {host}: anyone who can reach this address and knows the token can use "
                   "uprdraft here; the connection is not encrypted", err=True)
    rules = _rules(ctx)
    run(lambda: run_server(host, port, token, db=db, rules=rules, open_browser=not no_browser,
                           echo=lambda line: click.echo(line)))


if __name__ == "__main__":  # pragma: no cover
    main()
