"""The bridge between the web and the one pipeline: nothing here applies a rule.

Every function takes the input as plain data (what the form sends as JSON) or as uploaded
bytes, writes it into a private temporary folder exactly as a file the CLI would read
(``input.json``), calls the same API or pipeline function as the CLI, and gives back the
Report and the bytes made. The folder is removed before the function returns, so nothing
stays on disk. Locations in findings name ``input.json`` (or the file name the page gives),
never the temporary folder.
"""
from __future__ import annotations

import json
import re
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..context import Context
from ..findings import ContentError, Finding, InputError, Report, UprdraftError, error
from ..kinds import KINDS, Kind

INPUT_NAME = "input.json"
SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


class WebInputError(InputError):
    """The request itself is unusable (not JSON, a field naming a file on the server...)."""


@dataclass
class Made:
    """What a render gave: the report and, when it succeeded, the bytes of each output."""

    report: Report
    files: dict[str, bytes] = field(default_factory=dict)  # role -> bytes
    names: dict[str, str] = field(default_factory=dict)  # role -> download name


def _tempdir() -> tempfile.TemporaryDirectory[str]:
    return tempfile.TemporaryDirectory(prefix="uprdraft-serve-")


def safe_name(name: str | None, default: str) -> str:
    """A plain file name (no folder, no odd characters) for locations and downloads."""
    base = Path(str(name or "")).name
    base = SAFE_NAME.sub("-", base).strip(".-")
    return base[:80] or default


def file_fields(kind: Kind) -> list[str]:
    """Top-level fields of a kind that name a file on disk (``recommendations_file``)."""
    from ..kinds import resolve_function

    schema = resolve_function(kind.model).model_json_schema()
    return [name for name in schema.get("properties", {}) if name.endswith("_file")]


def prepare(kind: Kind, data: Any) -> dict[str, Any]:
    """The form's data as an input of ``kind``: a mapping whose ``kind`` is this one, naming
    no file on the server (the browser cannot give one, and the server reads none)."""
    if not isinstance(data, Mapping):
        raise WebInputError("the input must be a JSON object of fields (kind, title, ...)", code="usage")
    out = dict(data)
    given = out.get("kind")
    if given is None:
        out = {"kind": kind.name, **out}
    elif given != kind.name and given not in kind.accepts:
        raise ContentError(error("schema", f"kind: this page takes a {kind.name} file, not '{given}'",
                                 f"{INPUT_NAME}:1:1"))
    for name in file_fields(KINDS[str(out["kind"])]):
        if out.get(name) not in (None, ""):
            raise WebInputError(
                f"{name}: the web application reads no file on the server; import the file on the Import "
                "page and give the recommendations in the form instead", code="usage")
        out.pop(name, None)
    return out


def input_text(data: Mapping[str, Any]) -> str:
    """The JSON file the CLI would read for the same input."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _relocate(findings: list[Finding], folder: Path, name: str) -> list[Finding]:
    """Findings whose locations name the file as the user knows it, not our temporary copy."""
    prefixes = {str(folder) + "/", str(folder.resolve()) + "/"}

    def strip(text: str) -> str:
        for p in prefixes:
            text = text.replace(p, "")
        return text

    return [Finding(f.code, f.severity, strip(f.message), strip(f.location)) for f in findings]


def _scrub(value: Any, folder: Path) -> Any:
    """Stats without our temporary paths (the outputs are downloads, not files here)."""
    if isinstance(value, dict):
        return {k: _scrub(v, folder) for k, v in value.items()}
    if isinstance(value, list):
        return [_scrub(v, folder) for v in value]
    if isinstance(value, str) and str(folder) in value:
        return Path(value).name
    return value


def _report_from_error(e: UprdraftError, folder: Path, name: str) -> Report:
    return Report(findings=_relocate(e.findings, folder, name))


def validate(kind: Kind, data: Any, ctx: Context, name: str = INPUT_NAME) -> tuple[Report, str]:
    """``uprdraft validate INPUT --json`` on the form's data. Returns the report and the JSON
    text it was made from (for mapping locations to fields)."""
    from .. import api

    name = safe_name(name, INPUT_NAME)
    if not name.endswith(".json"):
        name = Path(name).stem + ".json"
    with _tempdir() as tmp:
        folder = Path(tmp)
        try:
            prepared = prepare(kind, data)
        except UprdraftError as e:
            return _report_from_error(e, folder, name), ""
        text = input_text(prepared)
        path = folder / name
        path.write_text(text, encoding="utf-8")
        try:
            report = api.validate(path, today=ctx.today, rules=ctx.rules, ignore=ctx.ignore or None)
        except UprdraftError as e:
            return _report_from_error(e, folder, name), text
        report.findings = _relocate(report.findings, folder, name)
        report.stats = _scrub(report.stats, folder)
        return report, text


def related(kind: Kind) -> dict[str, Kind]:
    """Outputs another kind makes from this kind's input and its main file: the e-mail to the
    secretariat (``submission``) from a written statement and its .docx."""
    out: dict[str, Kind] = {}
    for other in KINDS.values():
        if kind.name in other.accepts and len(other.inputs) == 1:
            for o in other.outputs:
                out[o.role] = other
    return out


def roles(kind: Kind) -> list[str]:
    """Every file the page can offer for a kind: its own outputs, then related ones."""
    own = [o.role for o in kind.outputs]
    return own + [r for r in related(kind) if r not in own]


def suffix_of(kind: Kind, role: str) -> str:
    for o in kind.outputs:
        if o.role == role:
            return o.suffix
    other = related(kind).get(role)
    if other is not None:
        return other.output(role).suffix
    raise WebInputError(f"output: '{role}' is not a file a {kind.title} has; one of {', '.join(roles(kind))}",
                        code="usage")


def call_api(kind: Kind, path: Path, ctx: Context, outputs: Mapping[str, Path],
             templates: Mapping[str, Path] | None = None, inputs: Mapping[str, Path] | None = None) -> Report:
    """The kind's API function, called with the same arguments as its CLI command would."""
    from .. import api

    kwargs: dict[str, Any] = {"rules": ctx.rules, "ignore": ctx.ignore or None}
    for out in kind.outputs:
        if out.role in outputs:
            kwargs["output" if out is kind.main else (out.param or out.role)] = outputs[out.role]
        if out.template and (templates or {}).get(out.role) is not None:
            kwargs[out.template.lstrip("-").replace("-", "_")] = (templates or {})[out.role]
    if kind.dated:
        kwargs["today"] = ctx.today
    args = [(inputs or {})[name] for name in kind.inputs]
    report: Report = getattr(api, kind.api or "")(path, *args, **kwargs)
    return report


def render(kind: Kind, data: Any, ctx: Context, role: str | None = None, name: str = INPUT_NAME,
           templates: Mapping[str, bytes] | None = None, extra: Mapping[str, tuple[str, bytes]] | None = None) -> Made:
    """``uprdraft <command> input.json -o ... [--text/--ics ...]`` on the form's data, in a
    temporary folder: the same pipeline, the same self-check, the same bytes.

    ``role`` picks the file wanted (default: the main one); a role of a related kind (the
    e-mail of a written statement) renders this kind's main file first, then that one.
    ``extra`` gives the further inputs a kind needs as (file name, bytes) (the .docx of an e-mail).
    """
    role = role or kind.main.role
    suffix_of(kind, role)  # refuses an unknown role
    stem = Path(safe_name(name, INPUT_NAME)).stem or "input"
    with _tempdir() as tmp:
        folder = Path(tmp)
        jname = stem + ".json"
        try:
            prepared = prepare(kind, data)
            path = folder / jname
            path.write_text(input_text(prepared), encoding="utf-8")
            chosen: dict[str, Path] = {}
            for trole, tdata in (templates or {}).items():
                tpath = folder / f"template-{safe_name(trole, 'document')}.docx"
                tpath.write_bytes(tdata)
                chosen[trole] = tpath
            inputs: dict[str, Path] = {}
            for iname, (fname, idata) in (extra or {}).items():
                ipath = folder / "inputs" / safe_name(fname, f"{iname}.docx")
                ipath.parent.mkdir(exist_ok=True)
                ipath.write_bytes(idata)
                inputs[iname] = ipath
                if kind.main.beside == iname:  # the e-mail is named after its Word file, as in the CLI
                    stem = ipath.stem
            other = related(kind).get(role)
            if other is not None and role not in [o.role for o in kind.outputs]:
                first = call_api(kind, path, ctx, {kind.main.role: folder / f"{stem}{kind.main.suffix}"}, chosen)
                if not first.ok or first.output is None:
                    first.findings = _relocate(first.findings, folder, jname)
                    first.stats = _scrub(first.stats, folder)
                    return Made(first)
                out_path = folder / f"{stem}{other.output(role).suffix}"
                report = call_api(other, path, ctx, {role: out_path}, {}, {other.inputs[0]: Path(first.output)})
            else:
                out_paths = {r: folder / f"{stem}{suffix_of(kind, r)}" for r in {kind.main.role, role}}
                if role != kind.main.role and kind.main.suffix == suffix_of(kind, role):
                    out_paths[role] = folder / f"{stem}-{safe_name(role, 'extra')}{suffix_of(kind, role)}"
                report = call_api(kind, path, ctx, out_paths, chosen, inputs)
                out_path = out_paths[role]
        except UprdraftError as e:
            return Made(_report_from_error(e, folder, jname))
        return _made(report, folder, jname, role, out_path)


def check(data: bytes, name: str, ctx: Context, profile: str | None = None, limit: int | None = None,
          status: str | None = None) -> Report:
    """``uprdraft check FILE.docx --json`` on uploaded bytes (read in memory)."""
    from ..codes import drop_ignored
    from ..docx_check import check_docx

    try:
        report: Report = check_docx(data, profile=profile, limit=limit, status=status, rules=ctx.rules,
                                    name=safe_name(name, "upload.docx"))
    except UprdraftError as e:
        return Report(findings=e.findings)
    report.findings = drop_ignored(report.findings, ctx.ignore)
    return report


def fix(data: bytes, name: str, ctx: Context, profile: str | None = None) -> Made:
    """``uprdraft fix FILE.docx --json`` on uploaded bytes: the fixed copy, made in a temporary
    folder and read back."""
    from ..docx_check import fix_docx

    name = safe_name(name, "upload.docx")
    return _on_upload(data, f"{Path(name).stem}.docx", f"{Path(name).stem}-fixed.docx", "document", name,
                      lambda src, out: fix_docx(src, out, profile=profile, rules=ctx.rules))


def import_recommendations(data: bytes, name: str, *, state: str | None = None, theme: str | None = None,
                           response: str | None = None, session: int | None = None,
                           encoding: str | None = None) -> Made:
    """``uprdraft import recommendations FILE --json`` on an uploaded file: the YAML written,
    read back, and the recommendations as data for the forms."""
    from .. import api

    name = safe_name(name, "recommendations.csv")
    return _on_upload(data, name, f"{Path(name).stem}-imported.yaml", "yaml", name,
                      lambda src, out: api.import_recommendations(src, out, state=state, theme=theme,
                                                                  response=response, session=session,
                                                                  encoding=encoding))


def _on_upload(data: bytes, src_name: str, out_name: str, role: str, shown: str,
               call: Callable[[Path, Path], Report]) -> Made:
    """Run ``call(input, output)`` on uploaded bytes in a private temporary folder."""
    with _tempdir() as tmp:
        folder = Path(tmp)
        src = folder / src_name
        src.write_bytes(data)
        try:
            report = call(src, folder / out_name)
        except UprdraftError as e:
            return Made(_report_from_error(e, folder, shown))
        return _made(report, folder, shown, role, folder / out_name)


def _made(report: Report, folder: Path, shown: str, role: str, out_path: Path) -> Made:
    """The report as the browser sees it (no temporary paths) and, when it is ok, the file."""
    report.findings = _relocate(report.findings, folder, shown)
    report.stats = _scrub(report.stats, folder)
    if not report.ok or not out_path.exists():
        report.output = None
        return Made(report)
    report.output = out_path.name
    return Made(report, {role: out_path.read_bytes()}, {role: out_path.name})


def read_input(data: bytes, name: str) -> tuple[dict[str, Any], Report]:
    """An input file the CLI reads (YAML, JSON, Markdown) as plain data for the form, read
    with the CLI's own reader; the report carries why it cannot be read."""
    from ..load import read_source

    name = safe_name(name, "input.yaml")
    if Path(name).suffix.lower() not in (".yaml", ".yml", ".json", ".md", ".markdown"):
        return {}, Report(findings=[error("usage", f"{name}: give a .yaml, .json or .md input file", name)])
    with _tempdir() as tmp:
        folder = Path(tmp)
        path = folder / name
        path.write_bytes(data)
        try:
            plain, _src = read_source(path)
        except UprdraftError as e:
            return {}, _report_from_error(e, folder, name)
    return _jsonable(plain), Report()


def _jsonable(value: Any) -> Any:
    import datetime as dt

    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        return value.isoformat()
    return value


# --------------------------------------------------------------------------- saving the form
def _block(value: Any) -> Any:
    """Plain data for ruamel, with every multi-line text as a literal block (``|``), the
    style the starters use; nothing in flow style."""
    from ruamel.yaml.scalarstring import LiteralScalarString

    if isinstance(value, dict):
        return {k: _block(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_block(v) for v in value]
    if isinstance(value, str) and "\n" in value:
        text = "\n".join(line.rstrip() for line in value.strip("\n").split("\n"))
        return LiteralScalarString(text + "\n")
    return value


def _clean(value: Any) -> Any:
    """Empty optional fields are left out of the saved file (as in the starters)."""
    if isinstance(value, dict):
        out = {k: _clean(v) for k, v in value.items()}
        return {k: v for k, v in out.items() if v not in (None, "", [], {})}
    if isinstance(value, list):
        return [_clean(v) for v in value]
    return value


def dump_yaml(data: Mapping[str, Any]) -> str:
    import io

    from ruamel.yaml import YAML

    y = YAML(typ="rt")
    y.default_flow_style = False
    y.allow_unicode = True
    y.width = 4096
    y.indent(mapping=2, sequence=4, offset=2)
    buf = io.StringIO()
    y.dump(_block(dict(data)), buf)
    return buf.getvalue()


def save_text(kind: Kind, data: Any, fmt: str) -> tuple[str, str]:
    """The form's data as the file the CLI reads: (text, suffix). ``fmt`` is ``yaml`` or
    ``md`` (Markdown with front matter, for kinds with a Markdown body)."""
    prepared = _clean(prepare(kind, data))
    if fmt == "md":
        body = prepared.pop("body", "")
        if not isinstance(body, str):
            raise WebInputError("body: the Markdown file needs the body as text", code="usage")
        front = dump_yaml(prepared) if prepared else ""
        return f"---\n{front}---\n{body.strip(chr(10))}\n", ".md"
    if fmt in ("yaml", "yml"):
        return dump_yaml(prepared), ".yaml"
    if fmt == "json":
        return input_text(prepared), ".json"
    raise WebInputError(f"format: '{fmt}' is not one of yaml, md, json", code="usage")
