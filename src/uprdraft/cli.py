"""The command line: click commands only (parse, call the Python API, print, exit code).

The document commands are generated from the registry of kinds (:mod:`uprdraft.kinds`):
each calls the API function of the same name with the same options. Heavy libraries are
imported inside the commands so that ``uprdraft --help`` starts as fast as bare Python.

Exit codes: 0 done (warnings allowed); 1 the content breaks a rule or the file is not
compliant; 2 usage or I/O problem.
"""
from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NoReturn

import click

from ._version import __version__

if TYPE_CHECKING:
    import datetime as dt

    from .kinds import Kind

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}
GROUPS = {
    "statement": "Written and oral statements to the Human Rights Council, and UPR pre-session statements.",
    "report": "Reports on UPR follow-up: mid-term reports, stakeholder submissions, briefs for recommending "
              "States, child-friendly recommendations, fact sheets.",
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
        import json  # only then: most runs print lines

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
            import json  # only then: most runs print lines

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
            import json

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
    import datetime as dt

    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        pass
    try:  # a moment (YYYY-MM-DDTHH:MM, Geneva time unless an offset is given): deadlines at an hour
        return dt.datetime.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"'{value}' is not a date; write it as YYYY-MM-DD (or YYYY-MM-DDTHH:MM for a "
                                 "moment)") from None


# --------------------------------------------------------------------------- commands made when used
# Importing this module makes no command: ``uprdraft --help`` lists the commands from their
# help texts and ``uprdraft --version`` answers before any is needed; a command (its options,
# types, translated labels) is made only when it runs or shows its own help. Commands are
# written with click's decorators as usual, taken from here: ``option``, ``argument`` and
# ``command`` record what to make, :class:`LazyGroup` makes it on first use.
Decorator = Callable[[Callable[..., Any]], Callable[..., Any]]
Entry = tuple[str, Callable[[], click.Command]]  # (help text, maker)
_LATER = "__uprdraft_later__"


class PathType:
    """A ``click.Path`` made with its command (making one looks up a translation)."""

    def __init__(self, **kwargs: Any):
        self.kwargs = kwargs

    def make(self) -> click.Path:
        return click.Path(**self.kwargs)


FILE = PathType(dir_okay=False)


def _defer(decorator: Callable[..., Decorator]) -> Callable[..., Decorator]:
    def later(*args: Any, **kwargs: Any) -> Decorator:
        def record(f: Callable[..., Any]) -> Callable[..., Any]:
            f.__dict__.setdefault(_LATER, []).append((decorator, args, kwargs))
            return f
        return record
    return later


option = _defer(click.option)
argument = _defer(click.argument)


def make_command(f: Callable[..., Any], name: str, cls: type[click.Command] = click.Command,
                 **attrs: Any) -> click.Command:
    """The command of ``f``: its recorded decorators applied in their order, then click's own."""
    for decorator, args, kwargs in f.__dict__.get(_LATER, []):
        kwargs = {k: v.make() if isinstance(v, PathType) else v for k, v in kwargs.items()}
        f = decorator(*args, **kwargs)(f)
    return click.command(name, cls=cls, **attrs)(f)


class LazyGroup(click.Group):
    """A group whose subcommands are made on first use; its help lists them from their help
    texts alone (the same short help click derives from a made command)."""

    def __init__(self, *args: Any, entries: Callable[[], dict[str, Entry]] | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self._entries_of = entries  # called once, when a command is first looked for
        self._made: dict[str, Entry] | None = None
        self._registered: dict[str, Entry] = {}
        self._listing = False

    def entries(self) -> dict[str, Entry]:
        if self._made is None:
            self._made = self._entries_of() if self._entries_of else {}
        return {**self._made, **self._registered}

    def lazy(self, name: str, cls: type[click.Command] = click.Command) -> Decorator:
        """Register ``f`` (decorated with ``option``/``argument``) as the command ``name``."""
        def register(f: Callable[..., Any]) -> Callable[..., Any]:
            self._registered[name] = (f.__doc__ or "", lambda: make_command(f, name, cls))
            return f
        return register

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.commands, *self.entries()})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in self.entries():
            help_text, make = self.entries()[cmd_name]
            if self._listing:  # only its short help is needed
                return click.Command(cmd_name, help=help_text)
            self.add_command(make(), cmd_name)
        return self.commands.get(cmd_name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        self._listing = True
        try:
            super().format_commands(ctx, formatter)
        finally:
            self._listing = False


def today_option(f: Callable[..., Any]) -> Callable[..., Any]:
    return option("--today", callback=_date, metavar="YYYY-MM-DD",
                  help="Treat this date as today for deadline rules (default: the real date).")(f)


def json_option(f: Callable[..., Any]) -> Callable[..., Any]:
    return option("--json", "as_json", is_flag=True, help="Print one JSON report on stdout.")(f)


def force_option(f: Callable[..., Any]) -> Callable[..., Any]:
    return option("--force", is_flag=True, help="Replace the output file if it exists.")(f)


def ignore_option(f: Callable[..., Any]) -> Callable[..., Any]:
    return option("--ignore", "ignore", multiple=True, metavar="CODE[,CODE]",
                  help="Drop these warnings (see 'uprdraft explain CODE'); errors cannot be ignored.")(f)


def input_argument(f: Callable[..., Any]) -> Callable[..., Any]:
    return argument("input_path", metavar="INPUT", type=FILE)(f)


def _rules(ctx: click.Context) -> str | None:
    """The --rules file given before the command, passed explicitly to the API."""
    obj = ctx.find_root().obj or {}
    value: str | None = obj.get("rules")
    return value


# --------------------------------------------------------------------------- the group
def _help_width(max_width: int) -> int:
    """The width click's help formatter would take, without importing shutil (and its bz2
    and lzma) as ``shutil.get_terminal_size`` would: COLUMNS, else the terminal, else 80."""
    import os

    from click import formatting

    if formatting.FORCED_WIDTH is not None:
        return formatting.FORCED_WIDTH
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
        columns = columns or 80
    return max(min(columns, max_width) - 2, 50)


class Uprdraft(LazyGroup):
    """The root group: a usage mistake is one line on stderr (exit 2), like every other error."""

    def make_context(self, info_name: str | None, args: list[str], parent: click.Context | None = None,
                     **extra: Any) -> click.Context:
        if parent is None and extra.get("terminal_width") is None and not self.context_settings.get("terminal_width"):
            width = extra.get("max_content_width") or self.context_settings.get("max_content_width") or 80
            extra["terminal_width"] = _help_width(width)  # inherited by every subcommand's context
        return super().make_context(info_name, args, parent, **extra)

    def main(self, *args: Any, **kwargs: Any) -> Any:
        # No third-party pydantic plugin is wanted in a command-line run, and looking for one
        # scans the metadata of every installed package: a fifth of a statement's whole run.
        # Setting the variable (even empty) before the call brings them back.
        os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
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


@click.group(cls=Uprdraft, context_settings=CONTEXT, entries=lambda: _kind_entries())
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
        if kind.tracker and (options.get("db") is not None or options.get("as_of") is not None):
            db = options.get("db")
            kwargs["db"], kwargs["as_of"] = (True if db == "" else db), options.get("as_of")
        fn = getattr(api, kind.api or "")
        report = run(lambda: fn(input_path, **kwargs), as_json)
        emit(report, as_json, success="\n".join(resolve_function(kind.summary)(report)))

    params: list[click.Parameter] = [
        click.Argument(["input_path"], metavar="INPUT", type=click.Path(dir_okay=False)),
        click.Option(["-o", "--output"], type=click.Path(dir_okay=False),
                     help="Output file (default: beside the input, new suffix)."),
    ]
    if kind.main.many:  # an output of many files goes into a folder (issue 16)
        params[1] = click.Option(["-o", "--output"], type=click.Path(file_okay=False), metavar="DIR",
                                 help=f"Output folder, new (default: beside the input, INPUT{kind.main.suffix}); "
                                      "with --force an existing one is reused.")
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
    params.append(click.Option(["--force"], is_flag=True,
                               help="Write into the output folder if it exists (files of the same name are replaced)."
                               if kind.main.many else "Replace the output file if it exists."))
    if kind.tracker:
        params.append(click.Option(["--db", "db"], is_flag=False, flag_value="", default=None, metavar="[PATH|URL]",
                                   help="Take the recommendations from the tracker (uprdraft track): --db alone means "
                                        "$UPRDRAFT_DB or ./uprdraft.db."))
        params.append(click.Option(["--as-of", "as_of"], callback=_date, metavar="YYYY-MM-DD",
                                   help="With --db: statuses as of this date (default: today)."))
    if kind.dated:
        params.append(click.Option(["--today"], callback=_date, metavar="YYYY-MM-DD",
                                   help="Treat this date as today for deadline rules (default: the real date)."))
    params.append(click.Option(["--ignore", "ignore"], multiple=True, metavar="CODE[,CODE]",
                               help="Drop these warnings (see 'uprdraft explain CODE'); errors cannot be ignored."))
    params.append(click.Option(["--json", "as_json"], is_flag=True, help="Print one JSON report on stdout."))
    return click.Command(kind.command[-1], params=params, callback=callback, help=kind.help)


def _kind_entries() -> dict[str, Entry]:
    """The document commands of the registry, as entries of the root group (a command of two
    words, such as ``statement written``, under a group of its own)."""
    from functools import partial

    from .kinds import KINDS

    top: dict[str, Entry] = {}
    under: dict[str, dict[str, Entry]] = {}
    for kind in KINDS.values():
        if not kind.command or kind.inputs:  # commands with further inputs are written out below
            continue
        entry: Entry = (kind.help, partial(_kind_command, kind))
        if len(kind.command) == 1:
            top[kind.command[0]] = entry
        else:  # one level of groups, as the registry declares
            under.setdefault(kind.command[0], {})[kind.command[-1]] = entry
    for name, subs in under.items():
        top[name] = (GROUPS.get(name, ""), partial(_kind_group, name, subs))
    return top


def _kind_group(name: str, subs: dict[str, Entry]) -> click.Command:
    return LazyGroup(name, help=GROUPS.get(name, ""), entries=lambda: dict(subs))


@main.lazy("email")
@input_argument
@argument("docx_path", metavar="DOCX", type=FILE)
@option("-o", "--output", type=FILE,
              help="The .eml file to write (default: the DOCX name with .eml, beside it).")
@force_option
@today_option
@option("--late", is_flag=True, help="Prepare the e-mail although the deadline has passed (kept as a warning).")
@option("--send", is_flag=True, help="Send the saved .eml over SMTP (password from UPRDRAFT_SMTP_PASSWORD).")
@option("--smtp-host", metavar="HOST", help="Your mail server, e.g. smtp.example.org.")
@option("--smtp-port", type=int, metavar="PORT", help="Default: the standard port of --smtp-tls (see rules: email.smtp_ports).")
@option("--smtp-user", metavar="USER", help="Login name; the password is read from UPRDRAFT_SMTP_PASSWORD.")
@option("--smtp-tls", type=click.Choice(["starttls", "ssl", "none"]), default="starttls", show_default=True,
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
    from .kinds import KINDS, resolve_function

    report = run(lambda: api.email(
        input_path, docx_path, output=output, today=today, late=late, force=force, send=send,
        smtp_host=smtp_host, smtp_port=smtp_port, smtp_user=smtp_user,
        smtp_password=os.environ.get("UPRDRAFT_SMTP_PASSWORD"), smtp_tls=smtp_tls,
        cafile=os.environ.get("UPRDRAFT_SMTP_CAFILE") or None, rules=_rules(ctx), ignore=ignore or None), as_json)
    emit(report, as_json, success="\n".join(resolve_function(KINDS["submission"].summary)(report)))


# --------------------------------------------------------------------------- checking
@main.lazy("validate")
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


@main.lazy("check")
@argument("docx_paths", metavar="DOCX...", nargs=-1, required=True, type=PathType())
@option("--profile", default=None, metavar="NAME",
              help="Font profile: hrc-written (default), legacy-2009, speaker-script, child-friendly, hrc-report.")
@option("--limit", type=int, default=None, metavar="N", help="Word limit (body + footnotes).")
@option("--status", type=click.Choice(["general", "special", "roster"]), default=None,
              help="Consultative status: sets the word limit (2,000 general; 1,500 special and roster).")
@option("-q", "--quiet", is_flag=True, help="No progress bar when checking several files.")
@ignore_option
@json_option
@click.pass_context
def check(ctx: click.Context, docx_paths: tuple[str, ...], profile: str | None, limit: int | None,
          status: str | None, quiet: bool, ignore: tuple[str, ...], as_json: bool) -> None:
    """Check Word files: fonts, sizes, emphasis, colour, word count, risky content.

    Give one file, several, or folders (every .docx and .docm in them). With several files:
    one summary line, and the exit code of the worst file."""
    from . import api

    if limit is not None and status is not None:
        raise click.UsageError("give --limit or --status, not both")
    import os

    def one(path: str) -> Any:
        return api.check(path, profile=profile, limit=limit, status=status, rules=_rules(ctx),
                         ignore=ignore or None)

    if len(docx_paths) == 1 and not os.path.isdir(docx_paths[0]):
        docx_path = docx_paths[0]
        report = run(lambda: one(docx_path), as_json)
        if as_json:
            emit(report, as_json)
        from .docx_check.output import lines

        words = report.stats.get("words", {})
        limit_txt = f" (limit {report.stats['limit']})" if report.stats.get("limit") else ""
        click.echo(f"{docx_path}: {words.get('total', 0)} words: body {words.get('body', 0)}, "
                   f"footnotes {words.get('footnotes', 0)}{limit_txt}; {report.stats.get('runs', 0)} runs checked",
                   err=not report.ok)
        for line in lines(report.findings):
            click.echo(line, err=True)
        if report.ok:
            click.echo(f"{docx_path}: ok")
        sys.exit(0 if report.ok else 1)
    from .docx_check.batch import check_many

    if ignore:  # a wrong code is one usage error, not one per file
        from .codes import parse_ignore

        run(lambda: parse_ignore(ignore), as_json)
    sys.exit(check_many(docx_paths, one, as_json=as_json, quiet=quiet))


@main.lazy("fix")
@argument("docx_path", metavar="DOCX", type=FILE)
@option("-o", "--output", type=FILE,
              help="Output file (default: NAME-fixed.docx beside the input).")
@option("--profile", default=None, metavar="NAME", help="Font profile (default: hrc-written).")
@force_option
@json_option
@click.pass_context
def fix(ctx: click.Context, docx_path: str, output: str | None, profile: str | None, force: bool,
        as_json: bool) -> None:
    """Write a copy of a Word file in Times New Roman 10 without emphasis, colour or macros;
    text unchanged."""
    from . import api

    report = run(lambda: api.fix(docx_path, output, force=force, profile=profile, rules=_rules(ctx)), as_json)
    if as_json:
        emit(report, as_json)
    from .docx_check.output import lines

    for line in lines(report.findings, fix_hint=False):
        click.echo(line, err=True)
    macros = report.stats.get("fixed", {}).get("macros")
    if report.output and macros:
        click.echo(f"removed the macros ({', '.join(macros)}): the copy is a plain .docx")
    if report.output:
        click.echo(f"wrote {report.output}")
    sys.exit(0 if report.ok else 1)


@main.lazy("explain")
@argument("code", required=False)
@json_option
def explain(code: str | None, as_json: bool) -> None:
    """Say what a finding CODE means: name, severity, summary and the source of its rule.
    Without CODE, list every code."""
    import json

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
@main.lazy("schema")
@argument("kind", required=False)
@option("-o", "--output", "out_dir", type=PathType(file_okay=False),
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


def _starter_kinds() -> list[str]:
    from .api import starter_kinds

    return starter_kinds()


class _NewCommand(click.Command):
    """``new``: its help lists the kinds there are starters for."""

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        super().format_help_text(ctx, formatter)
        with formatter.section("Kinds"):
            formatter.write_text(", ".join(_starter_kinds()))


@main.lazy("new", cls=_NewCommand)
@argument("kind", required=False)
@option("-o", "--output", type=FILE, help="File to write (default: stdout).")
@force_option
def new(kind: str | None, output: str | None, force: bool) -> None:
    """Write a commented starter file for KIND (e.g. written-statement)."""
    from . import api

    if kind is None:
        click.echo("uprdraft new: say which kind of file to start, one of: " + ", ".join(_starter_kinds())
                   + " (for example: uprdraft new written-statement -o statement.md)", err=True)
        sys.exit(2)
    report = run(lambda: api.new(kind, output=output, force=force))
    if output:
        click.echo(f"wrote {report.output}")
    else:
        click.echo(report.stats["text"], nl=False)


# --------------------------------------------------------------------------- importing
@click.group("import", cls=LazyGroup)
def import_group() -> None:
    """Import data from other tools' exports."""


main.add_command(import_group)


@import_group.lazy("recommendations")
@argument("input_path", metavar="FILE", type=FILE)
@option("--state", metavar="S", help="Only this State under review (case-insensitive).")
@option("--theme", metavar="T", help="Only themes containing T (case-insensitive: 'child' matches "
                                            "'Rights of the Child').")
@option("--response", metavar="R", help="Only supported, noted, supported/noted or voluntary.")
@option("--session", type=int, metavar="N", help="Only UPR Working Group session N.")
@option("--encoding", metavar="E", help="Text encoding of a CSV (default: decided from the bytes; "
                                               "utf-8, utf-8-sig, utf-16, cp1252, mac_roman).")
@option("-o", "--output", type=FILE,
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


# =========================================================================== uprdraft track
# The follow-up tracker: a self-contained block (the API functions are api.track_*).
TRACK_STATUSES = ("fully-implemented", "partially-implemented", "not-implemented", "no-data")


def db_option(f: Callable[..., Any]) -> Callable[..., Any]:
    return option("--db", "db", metavar="PATH|URL", default=None,
                        help="The tracker: an SQLite file or postgresql://user@host/db (default: $UPRDRAFT_DB, "
                             "else ./uprdraft.db).")(f)


def as_of_option(f: Callable[..., Any]) -> Callable[..., Any]:
    return option("--as-of", "as_of", callback=_date, metavar="YYYY-MM-DD",
                        help="Status as of this date: the latest assessment on or before it (default: today).")(f)


def _which(f: Callable[..., Any]) -> Callable[..., Any]:
    f = option("--session", metavar="N|SYMBOL", help="The review (session number or WG report symbol), "
                                                          "when the id is in several.")(f)
    return option("--state", metavar="STATE", help="The State under review, when the id is in several.")(f)


@click.group("track", cls=LazyGroup)
def track() -> None:
    """The follow-up tracker: recommendations and their implementation over time, in a database
    (an SQLite file, or PostgreSQL shared by a coalition)."""


main.add_command(track)


@track.lazy("init")
@db_option
@option("--force", is_flag=True, help="Replace an existing tracker (everything in it is lost).")
@json_option
def track_init_command(db: str | None, force: bool, as_json: bool) -> None:
    """Create the tracker database."""
    from . import api

    report = run(lambda: api.track_init(db, force), as_json)
    emit(report, as_json, success=f"created the tracker {report.output} (schema {report.stats['schema']})")


@track.lazy("upgrade")
@db_option
@json_option
def track_upgrade_command(db: str | None, as_json: bool) -> None:
    """Bring an older tracker to this version's schema."""
    from . import api

    report = run(lambda: api.track_upgrade(db), as_json)
    s = report.stats
    emit(report, as_json, success=f"upgraded {s['db']} from schema {s['from']} to {s['to']}" if s["upgraded"]
         else f"{s['db']}: up to date (schema {s['to']})")


@track.lazy("import")
@argument("input_path", metavar="FILE", type=PathType(dir_okay=False))
@db_option
@option("--state", metavar="STATE", help="Only recommendations to this State under review.")
@option("--theme", metavar="TEXT", help="Only recommendations with a theme containing TEXT.")
@option("--response", metavar="RESPONSE", help="Only supported, noted, supported/noted or voluntary.")
@option("--session", type=int, metavar="N", help="Only this UPR Working Group session.")
@option("--encoding", metavar="NAME", help="The CSV file's encoding (default: decided from the bytes).")
@option("--assessed-on", "assessed_on", callback=_date, metavar="YYYY-MM-DD",
              help="Record the statuses written in the file as assessments of this date.")
@option("--by", metavar="NAME", help="Who records those assessments (default: $UPRDRAFT_BY or your login).")
@json_option
def track_import_command(input_path: str, db: str | None, state: str | None, theme: str | None,
                         response: str | None, session: int | None, encoding: str | None,
                         assessed_on: dt.date | None, by: str | None, as_json: bool) -> None:
    """Import recommendations (UPR Info, UHRI, our CSV/XLSX/YAML) into the tracker; importing the
    same file again adds nothing."""
    from . import api

    report = run(lambda: api.track_import(input_path, db=db, state=state, theme=theme, response=response,
                                          session=session, encoding=encoding, assessed_on=assessed_on, by=by),
                 as_json)
    s = report.stats
    why = ", ".join(f"{k}: {v}" for k, v in s["skipped_reasons"].items())
    line = (f"{s['file']}: read {s['rows_read']} rows; inserted {s['inserted']}, updated {s['updated']}, "
            f"unchanged {s['unchanged']}, skipped {s['skipped']}" + (f" ({why})" if why else ""))
    if s.get("assessments_added"):
        line += f"; {s['assessments_added']} assessments recorded"
    emit(report, as_json, success=line)


@track.lazy("assess")
@argument("rec_id", metavar="ID")
@option("--status", required=True, type=click.Choice(TRACK_STATUSES), help="The implementation status.")
@option("--date", "date", required=True, callback=_date, metavar="YYYY-MM-DD",
              help="The day the status was observed.")
@option("--evidence", metavar="TEXT", help="What shows it (a law adopted, a budget line, ...).")
@option("--source", metavar="URL|REFERENCE", help="Where the evidence is.")
@option("--by", metavar="NAME", help="Who assesses (default: $UPRDRAFT_BY or your login).")
@_which
@db_option
@json_option
def track_assess_command(rec_id: str, status: str, date: dt.date, evidence: str | None, source: str | None,
                         by: str | None, state: str | None, session: str | None, db: str | None,
                         as_json: bool) -> None:
    """Record an assessment of recommendation ID (appended; nothing is overwritten)."""
    from . import api

    report = run(lambda: api.track_assess(rec_id, status, date, db=db, evidence=evidence, source=source, by=by,
                                          state=state, session=session), as_json)
    s = report.stats
    emit(report, as_json, success=f"recorded: {s['recommendation']} {s['status']} on {s['date']}"
                                  + (f" by {s['by']}" if s["by"] else ""))


@track.lazy("link")
@argument("rec_id", metavar="ID")
@option("--mechanism", required=True, metavar="NAME", help="e.g. CRC, CEDAW, Special Rapporteur on ...")
@option("--document", required=True, metavar="SYMBOL", help="e.g. CRC/C/SVN/CO/5-6")
@option("--paragraph", metavar="P", help="The paragraph of that document.")
@option("--note", metavar="TEXT")
@option("--by", metavar="NAME", help="Who links (default: $UPRDRAFT_BY or your login).")
@_which
@db_option
@json_option
def track_link_command(rec_id: str, mechanism: str, document: str, paragraph: str | None, note: str | None,
                       by: str | None, state: str | None, session: str | None, db: str | None,
                       as_json: bool) -> None:
    """Link recommendation ID to a treaty-body or special-procedure recommendation."""
    from . import api

    report = run(lambda: api.track_link(rec_id, mechanism, document, paragraph=paragraph, note=note, db=db, by=by,
                                        state=state, session=session), as_json)
    s = report.stats
    para = f", para. {s['paragraph']}" if s["paragraph"] else ""
    emit(report, as_json, success=f"linked {s['recommendation']} to {s['mechanism']} {s['document']}{para}")


@track.lazy("list")
@db_option
@option("--state", metavar="STATE", help="Only this State under review.")
@option("--theme", metavar="TEXT", help="Only themes containing TEXT.")
@option("--status", "status", multiple=True, type=click.Choice(TRACK_STATUSES),
              help="Only this status as of the date (repeat for several).")
@option("--response", metavar="RESPONSE", help="supported, noted, supported/noted or none.")
@option("--sdg", metavar="GOAL|TARGET", help="Only this SDG goal (4) or target (4.1).")
@option("--session", type=int, metavar="N", help="Only this UPR Working Group session.")
@as_of_option
@option("--format", "fmt", type=click.Choice(("table", "csv", "json", "xlsx")), default="table",
              show_default=True)
@option("-o", "--output", type=PathType(dir_okay=False), help="Write to this file (xlsx needs it).")
@option("--force", is_flag=True, help="Replace the output file if it exists.")
@option("--json", "as_json", is_flag=True, help="The same as --format json.")
def track_list_command(db: str | None, state: str | None, theme: str | None, status: tuple[str, ...],
                       response: str | None, sdg: str | None, session: int | None, as_of: dt.date | None, fmt: str,
                       output: str | None, force: bool, as_json: bool) -> None:
    """The recommendations with their status as of a date."""
    from . import api

    fmt = "json" if as_json else fmt
    report = run(lambda: api.track_list(db=db, state=state, theme=theme, status=status, response=response, sdg=sdg,
                                        session=session, as_of=as_of, format=fmt, output=output, force=force),
                 as_json)
    if report.output:
        click.echo(f"wrote {report.output} ({report.stats['count']} recommendations as of {report.stats['as_of']})",
                   err=fmt == "json")
    else:
        click.echo(report.stats["text"], nl=False)
    sys.exit(0)


@track.lazy("history")
@argument("rec_id", metavar="ID")
@_which
@db_option
@json_option
def track_history_command(rec_id: str, state: str | None, session: str | None, db: str | None,
                          as_json: bool) -> None:
    """Every assessment of recommendation ID, oldest first, and its links."""
    from . import api

    report = run(lambda: api.track_history(rec_id, db=db, state=state, session=session), as_json)
    if as_json:
        emit(report, True)
    h = report.stats
    click.echo(f"{h['id']} ({h['state_under_review'] or 'State not given'}, {h['review'] or 'no review'}): "
               f"{h['response'] or 'no response'}; now {h['status']}")
    click.echo(f"  {h['text']}")
    if not h["assessments"]:
        click.echo("  no assessment yet")
    for a in h["assessments"]:
        extra = "".join(f"; {k} {a[k]}" for k in ("evidence", "source") if a[k])
        click.echo(f"  {a['date']}  {a['status']}{extra} (by {a['by'] or 'unknown'}, recorded {a['recorded_at']})")
    for link in h["links"]:
        para = f", para. {link['paragraph']}" if link["paragraph"] else ""
        note = f" ({link['note']})" if link["note"] else ""
        click.echo(f"  linked: {link['mechanism']} {link['document']}{para}{note}")
    sys.exit(0)


def _stats_lines(s: dict[str, Any]) -> list[str]:
    lines = []
    for group in ("all", "supported", "noted"):
        b = s[group]
        parts = [f"{k} {v['count']} ({v['share']:.0%})" for k, v in b["by_status"].items()]
        t = b["triggered_action"]
        lines.append(f"{group}: {b['total']}; " + ", ".join(parts) + f"; triggered action {t['count']} "
                     f"({t['share']:.0%})")
    return lines


@track.lazy("stats")
@db_option
@as_of_option
@option("--state", metavar="STATE", help="Only this State under review.")
@option("--by-month", "by_month", is_flag=True, help="The same at the end of every month.")
@option("--since", callback=_date, metavar="YYYY-MM-DD", help="With --by-month: the first month.")
@json_option
@click.pass_context
def track_stats_command(ctx: click.Context, db: str | None, as_of: dt.date | None, state: str | None,
                        by_month: bool, since: dt.date | None, as_json: bool) -> None:
    """Counts and shares by status (all, supported, noted) and triggered action."""
    from . import api

    report = run(lambda: api.track_stats(db=db, as_of=as_of, state=state, by_month=by_month, since=since,
                                         rules=_rules(ctx)), as_json)
    if as_json:
        emit(report, True)
    s = report.stats
    click.echo(f"as of {s['as_of']}" + (f", {s['state']}" if s["state"] else ""))
    for line in _stats_lines(s):
        click.echo(f"  {line}")
    for month in s.get("by_month", []):
        b = month["all"]
        counts = ", ".join(f"{k} {v['count']}" for k, v in b["by_status"].items())
        click.echo(f"  {month['month']}: {counts}; triggered action {b['triggered_action']['count']}")
    sys.exit(0)


@track.lazy("export")
@argument("what", type=click.Choice(("midterm-report", "action-plan")))
@option("-o", "--output", type=PathType(dir_okay=False), required=True, help="The YAML file to write.")
@db_option
@as_of_option
@option("--state", metavar="STATE", help="The State under review (needed when the tracker holds several).")
@option("--session", metavar="N|SYMBOL", help="The review (default: the latest).")
@option("--review-date", "review_date", callback=_date, metavar="YYYY-MM-DD",
              help="The day of the review: written in the file, and used to count what moved since.")
@option("--force", is_flag=True, help="Replace the output file if it exists.")
@json_option
@click.pass_context
def track_export_command(ctx: click.Context, what: str, output: str, db: str | None, as_of: dt.date | None,
                         state: str | None, session: str | None, review_date: dt.date | None, force: bool,
                         as_json: bool) -> None:
    """Write a ready input for 'uprdraft report midterm' or 'uprdraft plan' from the tracker."""
    from . import api

    report = run(lambda: api.track_export(what, output, db=db, as_of=as_of, state=state, session=session,
                                          review_date=review_date, force=force, rules=_rules(ctx)), as_json)
    s = report.stats
    emit(report, as_json, success=f"wrote {report.output} ({s['recommendations']} recommendations of "
                                  f"{s['state'] or 'the State'}, {s['review'] or 'no review'}; as of {s['as_of']}); "
                                  "write the commented fields, then run it")


@track.lazy("dump")
@option("-o", "--output", type=PathType(dir_okay=False), help="The JSON file (default: print it).")
@db_option
@option("--force", is_flag=True, help="Replace the output file if it exists.")
@json_option
def track_dump_command(output: str | None, db: str | None, force: bool, as_json: bool) -> None:
    """Back up the whole tracker as one JSON file."""
    from . import api

    report = run(lambda: api.track_dump(output, db=db, force=force), as_json)
    if output is None and not as_json:
        click.echo(report.stats["text"], nl=False)
        sys.exit(0)
    report.stats.pop("text", None)
    s = report.stats
    emit(report, as_json, success=f"wrote {report.output} ({s['recommendations']} recommendations, "
                                  f"{s['assessments']} assessments, {s['links']} links)")


@track.lazy("load")
@argument("input_path", metavar="FILE", type=PathType(dir_okay=False))
@db_option
@json_option
def track_load_command(input_path: str, db: str | None, as_json: bool) -> None:
    """Restore a dump into an empty tracker (SQLite or PostgreSQL)."""
    from . import api

    report = run(lambda: api.track_load(input_path, db=db), as_json)
    s = report.stats
    emit(report, as_json, success=f"loaded {s['recommendations']} recommendations, {s['assessments']} assessments "
                                  f"and {s['links']} links into {s['db']}")


# --------------------------------------------------------------------------- the web application
@main.lazy("serve")
@option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; anything but this computer (127.0.0.1) needs --token.")
@option("--port", type=click.IntRange(1, 65535), default=8765, show_default=True, help="Port to listen on.")
@option("--token", metavar="TOKEN", help="The secret every request must carry (default: a new random one).")
@option("--no-browser", is_flag=True, help="Print the address without opening a browser.")
@option("--db", metavar="URL", help="Tracker database for the tracker pages (when the tracker is installed).")
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
