"""The Starlette application: pages and the JSON API, over :mod:`uprdraft.serve.engine`.

    POST /api/validate/<kind>   input as JSON -> the JSON report of ``validate --json``
                                (``?fields=1`` adds each finding's form field)
    POST /api/render/<kind>     input as JSON -> the main file (``?output=ROLE`` another one),
                                or 422 with the report
    POST /api/check             a .docx (multipart ``file`` or the raw body) -> the check report
    POST /api/fix               a .docx -> the corrected copy, or 422 with the report
    POST /api/import            a recommendations file -> report, YAML and the recommendations
    POST /api/load              an input file (.yaml, .md) -> its fields as JSON, for the form
    POST /api/save/<kind>       input as JSON -> the .yaml / .md file the CLI reads
    GET  /api/kinds, /api/schema/<kind>, /api/starter/<kind>

Query options shared with the CLI: ``today`` (``--today``), ``ignore`` (``--ignore``).
"""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from ..context import Context, make_context
from ..findings import Report, UprdraftError, error
from ..kinds import KINDS
from . import engine
from .pages import catalogue, environment, page, pick_language
from .security import refusal

HERE = Path(__file__).resolve().parent
MEDIA = {
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".txt": "text/plain; charset=utf-8",
    ".ics": "text/calendar; charset=utf-8",
    ".eml": "message/rfc822",
    ".yaml": "application/yaml; charset=utf-8",
    ".md": "text/markdown; charset=utf-8",
    ".json": "application/json",
}


# --------------------------------------------------------------------------- helpers
def _report(report: Report | dict[str, Any], status: int = 200) -> JSONResponse:
    data = report.to_dict() if isinstance(report, Report) else report
    return JSONResponse(json.loads(json.dumps(data, ensure_ascii=False, default=str)), status_code=status)


def _bad(code: str, message: str, status: int = 400) -> JSONResponse:
    return JSONResponse(refusal(code, message), status_code=status)


def _kind(name: str) -> Any:
    kind = KINDS.get(name)
    return kind


def _context(request: Request) -> Context:
    """The rules the server was started with, and ``today``/``ignore`` from the query."""
    base: Context = request.app.state.context
    today = request.query_params.get("today") or None
    ignore = request.query_params.get("ignore") or None
    return make_context(base.rules, today, ignore=ignore) if (today or ignore) else base


TEXT_INPUTS = {"application/yaml": ".yaml", "application/x-yaml": ".yaml", "text/yaml": ".yaml",
               "text/x-yaml": ".yaml", "text/markdown": ".md", "text/x-markdown": ".md"}


async def _json_body(request: Request) -> Any:
    """The input: JSON (the fields of the input file), or the text of a YAML or Markdown input
    file sent as such (Content-Type application/yaml or text/markdown), read by the CLI's reader."""
    raw = await request.body()
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype in TEXT_INPUTS:
        data, report = await run_in_threadpool(engine.read_input, raw, "input" + TEXT_INPUTS[ctype])
        if not report.ok:
            raise engine.WebInputError(report.findings)
        return data
    try:
        return json.loads(raw.decode("utf-8") or "null")
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise engine.WebInputError(f"the request body is not JSON: {e}", code="usage") from None


async def _upload(request: Request, suffixes: tuple[str, ...]) -> tuple[bytes, str, dict[str, str]]:
    """(bytes, file name, other form fields) of an uploaded file: multipart ``file``, or the
    raw body with ``?name=``. Only the suffixes the rules allow, and those this page takes."""
    allowed = tuple(s for s in suffixes if s in request.app.state.context.rules.serve.upload_suffixes)
    ctype = request.headers.get("content-type", "")
    fields: dict[str, str] = {}
    if ctype.startswith("multipart/form-data"):
        form = await request.form(max_files=1, max_fields=20)
        upload = form.get("file")
        for k, v in form.items():
            if isinstance(v, str):
                fields[k] = v
        if upload is None or isinstance(upload, str):
            raise engine.WebInputError("no file in the request (the form field is 'file')", code="usage")
        data = await upload.read()
        name = upload.filename or ""
        await form.close()
    else:
        data = await request.body()
        name = request.query_params.get("name") or ("upload" + (allowed[0] if allowed else ""))
    name = engine.safe_name(name, "upload")
    if not name.lower().endswith(allowed):
        raise engine.WebInputError(f"{name}: this page takes {', '.join(allowed)} files only", code="usage")
    if not data:
        raise engine.WebInputError(f"{name}: the file is empty", code="usage")
    return data, name, fields


def _download(data: bytes, name: str) -> Response:
    suffix = Path(name).suffix.lower()
    return Response(data, media_type=MEDIA.get(suffix, "application/octet-stream"),
                    headers={"content-disposition": f'attachment; filename="{name}"'})


def _option(request: Request, fields: dict[str, str], name: str) -> str | None:
    value = fields.get(name) or request.query_params.get(name)
    return value or None


def _int_option(request: Request, fields: dict[str, str], name: str) -> int | None:
    value = _option(request, fields, name)
    if value is None:
        return None
    try:
        return int(value)
    except ValueError:
        raise engine.WebInputError(f"{name}: give a whole number, not '{value}'", code="usage") from None


def api_errors(fn: Any) -> Any:
    """Our errors as the CLI's JSON report (400 for a usage problem), never a traceback."""
    async def wrapped(request: Request) -> Response:
        try:
            response: Response = await fn(request)
            return response
        except UprdraftError as e:
            status = 400 if e.exit_code == 2 else 422
            return _report(Report(findings=e.findings), status)
    wrapped.__name__ = fn.__name__
    return wrapped


# --------------------------------------------------------------------------- JSON API
@api_errors
async def api_kinds(request: Request) -> Response:
    out = []
    for kind in KINDS.values():
        out.append({"name": kind.name, "title": kind.title, "outputs": engine.roles(kind),
                    "suffixes": {r: engine.suffix_of(kind, r) for r in engine.roles(kind)},
                    "markdown": kind.name == "written-statement", "dated": kind.dated})
    return JSONResponse(out)


@api_errors
async def api_schema(request: Request) -> Response:
    kind = _kind(request.path_params["kind"])
    if kind is None:
        return _bad("usage", f"unknown kind '{request.path_params['kind']}'; one of {', '.join(KINDS)}", 404)
    from ..api import schemas

    return JSONResponse(schemas()[kind.name])


@api_errors
async def api_starter(request: Request) -> Response:
    kind = _kind(request.path_params["kind"])
    if kind is None:
        return _bad("usage", f"unknown kind '{request.path_params['kind']}'", 404)
    from ..api import starter_text

    try:
        text, suffix = starter_text(kind.name)
    except UprdraftError:
        return JSONResponse({"data": {"kind": kind.name}})
    data, report = await run_in_threadpool(engine.read_input, text.encode("utf-8"), f"starter{suffix}")
    for name in engine.file_fields(kind):
        data.pop(name, None)
    return JSONResponse({"data": data or {"kind": kind.name}, "report": report.to_dict()})


@api_errors
async def api_validate(request: Request) -> Response:
    kind = _kind(request.path_params["kind"])
    if kind is None:
        return _bad("usage", f"unknown kind '{request.path_params['kind']}'; one of {', '.join(KINDS)}", 404)
    data = await _json_body(request)
    ctx = _context(request)
    name = request.query_params.get("name") or engine.INPUT_NAME
    report, text = await run_in_threadpool(engine.validate, kind, data, ctx, name)
    out = report.to_dict()
    if request.query_params.get("fields"):
        from .fields import annotate

        out = annotate(out, text)
    return _report(out)


@api_errors
async def api_render(request: Request) -> Response:
    kind = _kind(request.path_params["kind"])
    if kind is None:
        return _bad("usage", f"unknown kind '{request.path_params['kind']}'; one of {', '.join(KINDS)}", 404)
    extra: dict[str, tuple[str, bytes]] = {}
    if request.headers.get("content-type", "").startswith("multipart/form-data"):
        # the input as JSON in the field 'input', and the further files a kind needs (the
        # .docx of a submission e-mail) in fields of their names
        form = await request.form(max_files=len(kind.inputs) + 1, max_fields=10)
        try:
            data = json.loads(str(form.get("input") or "null"))
        except json.JSONDecodeError as e:
            raise engine.WebInputError(f"input: not JSON: {e}", code="usage") from None
        for name in kind.inputs:
            upload = form.get(name)
            if upload is None or isinstance(upload, str):
                raise engine.WebInputError(f"{name}: give the Word file (.docx) this document goes with",
                                           code="usage")
            if not (upload.filename or "").lower().endswith(".docx"):
                raise engine.WebInputError(f"{upload.filename}: this page takes .docx files only", code="usage")
            extra[name] = (upload.filename or f"{name}.docx", await upload.read())
        await form.close()
    else:
        data = await _json_body(request)
        missing = [n for n in kind.inputs if n not in extra]
        if missing:
            raise engine.WebInputError(f"{', '.join(missing)}: this document needs its Word file; send the input "
                                       "as a form with the fields 'input' (JSON) and "
                                       f"'{missing[0]}' (the .docx)", code="usage")
    role = request.query_params.get("output") or None
    name = request.query_params.get("name") or _download_stem(kind, data)
    made = await run_in_threadpool(engine.render, kind, data, _context(request), role, name, None, extra)
    if not made.files:
        return _report(made.report, 422)
    role = next(iter(made.files))
    return _download(made.files[role], made.names[role])


def _download_stem(kind: Any, data: Any) -> str:
    """A download name from the document's title (safe on every system), else the kind."""
    import re
    import unicodedata

    title = data.get("title") if isinstance(data, dict) else None
    if isinstance(title, str) and title.strip():
        plain = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
        slug = re.sub(r"[^A-Za-z0-9]+", "-", plain).strip("-").lower()[:60].strip("-")
        if slug:
            return slug
    return str(kind.name)


@api_errors
async def api_check(request: Request) -> Response:
    data, name, fields = await _upload(request, (".docx",))
    profile = _option(request, fields, "profile")
    status = _option(request, fields, "status")
    limit = _int_option(request, fields, "limit")
    if limit is not None and status is not None:
        raise engine.WebInputError("give limit or status, not both", code="usage")
    if status is not None and status not in ("general", "special", "roster"):
        raise engine.WebInputError(f"status: '{status}' is not one of general, special, roster", code="usage")
    ctx = _context(request)
    if fields.get("ignore"):
        ctx = make_context(ctx.rules, ctx.today, ignore=fields["ignore"])
    report = await run_in_threadpool(engine.check, data, name, ctx, profile, limit, status)
    return _report(report)


@api_errors
async def api_fix(request: Request) -> Response:
    data, name, fields = await _upload(request, (".docx",))
    made = await run_in_threadpool(engine.fix, data, name, _context(request), _option(request, fields, "profile"))
    if not made.files:
        return _report(made.report, 422)
    return _download(made.files["document"], made.names["document"])


@api_errors
async def api_import(request: Request) -> Response:
    data, name, fields = await _upload(request, (".csv", ".xlsx", ".yaml", ".yml"))
    made = await run_in_threadpool(
        engine.import_recommendations, data, name, state=_option(request, fields, "state"),
        theme=_option(request, fields, "theme"), response=_option(request, fields, "response"),
        session=_int_option(request, fields, "session"), encoding=_option(request, fields, "encoding"))
    out: dict[str, Any] = {"report": made.report.to_dict(), "yaml": None, "name": None, "recommendations": []}
    if made.files:
        text = made.files["yaml"].decode("utf-8")
        out.update(yaml=text, name=made.names["yaml"])
        plain, _ = await run_in_threadpool(engine.read_input, made.files["yaml"], "recommendations.yaml")
        recs = plain.get("recommendations") if isinstance(plain, dict) else plain
        out["recommendations"] = recs if isinstance(recs, list) else []
    return JSONResponse(json.loads(json.dumps(out, ensure_ascii=False, default=str)),
                        status_code=200 if made.files else 422)


@api_errors
async def api_load(request: Request) -> Response:
    data, name, _fields = await _upload(request, (".yaml", ".yml", ".md"))
    plain, report = await run_in_threadpool(engine.read_input, data, name)
    return JSONResponse({"data": plain, "report": report.to_dict(), "name": name},
                        status_code=200 if report.ok else 422)


@api_errors
async def api_save(request: Request) -> Response:
    kind = _kind(request.path_params["kind"])
    if kind is None:
        return _bad("usage", f"unknown kind '{request.path_params['kind']}'", 404)
    data = await _json_body(request)
    fmt = request.query_params.get("format") or ("md" if kind.name == "written-statement" else "yaml")
    text, suffix = engine.save_text(kind, data, fmt)
    return _download(text.encode("utf-8"), _download_stem(kind, data) + suffix)


# --------------------------------------------------------------------------- pages
async def home(request: Request) -> Response:
    return page(request, "home.html", title=None)


async def form_page(request: Request) -> Response:
    kind = _kind(request.path_params["kind"])
    if kind is None:
        return HTMLResponse("unknown kind", status_code=404)
    from ..api import schemas

    lang = pick_language(request)
    setup = {"kind": kind.name, "schema": schemas()[kind.name], "lang": lang, "catalogue": catalogue(lang),
             "outputs": [{"role": r, "suffix": engine.suffix_of(kind, r)} for r in engine.roles(kind)],
             "markdown": kind.name == "written-statement", "file_fields": engine.file_fields(kind),
             "today": dt.date.today().isoformat(), "inputs": list(kind.inputs)}
    return page(request, "form.html", title=catalogue(lang)["kinds"].get(kind.name, kind.title), kind=kind,
                setup=setup)


async def check_page(request: Request) -> Response:
    lang = pick_language(request)
    return page(request, "check.html", title=catalogue(lang)["ui"]["check"],
                setup={"lang": lang, "catalogue": catalogue(lang)})


async def import_page(request: Request) -> Response:
    lang = pick_language(request)
    return page(request, "import.html", title=catalogue(lang)["ui"]["import"],
                setup={"lang": lang, "catalogue": catalogue(lang)})


async def not_found(request: Request, exc: Exception) -> Response:
    if request.url.path.startswith("/api/"):
        return _bad("usage", f"no such address: {request.url.path}", 404)
    return HTMLResponse("not found", status_code=404)


async def method_not_allowed(request: Request, exc: Exception) -> Response:
    return _bad("usage", f"{request.method} is not allowed here", 405)


async def server_error(request: Request, exc: Exception) -> Response:
    finding = error("internal", f"internal error: {type(exc).__name__}: {exc} (please report this)")
    return _report(Report(findings=[finding]), 500)


# --------------------------------------------------------------------------- the application
def create_app(token: str, *, host: str = "127.0.0.1", port: int = 8765, rules: Any = None,
               db: str | None = None, extra_hosts: tuple[str, ...] = ()) -> Any:
    """The ASGI application: routes behind the guard (host, token, body bound)."""
    from .security import Guard, allowed_hosts

    if not token:
        raise ValueError("a token is required")
    ctx = make_context(rules)
    routes = [
        Route("/", home),
        Route("/form/{kind}", form_page),
        Route("/check", check_page),
        Route("/import", import_page),
        Route("/api/kinds", api_kinds),
        Route("/api/schema/{kind}", api_schema),
        Route("/api/starter/{kind}", api_starter),
        Route("/api/validate/{kind}", api_validate, methods=["POST"]),
        Route("/api/render/{kind}", api_render, methods=["POST"]),
        Route("/api/check", api_check, methods=["POST"]),
        Route("/api/fix", api_fix, methods=["POST"]),
        Route("/api/import", api_import, methods=["POST"]),
        Route("/api/load", api_load, methods=["POST"]),
        Route("/api/save/{kind}", api_save, methods=["POST"]),
        Mount("/static", app=StaticFiles(directory=str(HERE / "static")), name="static"),
    ]
    from .tracker_pages import open_tracker, tracker_routes

    tracker = open_tracker(db)
    routes.extend(tracker_routes(tracker))
    app = Starlette(routes=routes, exception_handlers={404: not_found, 405: method_not_allowed,
                                                         500: server_error})
    app.state.context = ctx
    app.state.jinja = environment()
    app.state.tracker = tracker
    return Guard(app, token, allowed_hosts(host, port, extra_hosts), ctx.rules.serve.max_body_bytes)
