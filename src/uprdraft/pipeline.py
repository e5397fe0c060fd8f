"""One pipeline for every document kind.

    resolve outputs -> refuse clashes -> check writable -> load -> findings -> stop on errors
    -> render every output -> self-check every .docx -> write all outputs, all or nothing

Everything a kind does differently is declared in :mod:`uprdraft.kinds` and done by its own
functions; this module only runs the steps in their order.
"""
from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .context import Context
from .findings import InputError, Report, has_errors
from .kinds import Analysis, Kind, Output, Request, get, resolve_function


def as_path(value: Any, what: str) -> Path:
    """A path argument of the API: a str or a PathLike; anything else is a usage error."""
    import os

    if isinstance(value, (str, os.PathLike)) and str(value):
        return Path(value)
    raise InputError(f"{what}: give a file path (text or pathlib.Path), not {value!r}", code="usage")


def _same(a: Path, b: Path) -> bool:
    try:
        if a.exists() and b.exists():
            return a.samefile(b)
    except OSError:
        pass
    return a.resolve() == b.resolve()


def resolve_outputs(kind: Kind, input_path: Path, inputs: Mapping[str, Path],
                    asked: Mapping[str, Any]) -> dict[str, Path]:
    """role -> path: the main output (default beside its input) and every optional one asked for."""
    targets: dict[str, Path] = {}
    for out in kind.outputs:
        given = asked.get(out.role)
        if out is kind.main:
            base = input_path if out.beside == "input" else inputs[out.beside]
            if given:
                targets[out.role] = as_path(given, "output")
            elif out.many:
                targets[out.role] = base.with_name(base.stem + out.suffix)
            else:
                targets[out.role] = base.with_suffix(out.suffix)
        elif given:
            targets[out.role] = as_path(given, out.param or out.role)
    return targets


def refuse_clashes(input_path: Path, inputs: Mapping[str, Path], targets: Mapping[str, Path]) -> None:
    """No output may be an input, and no two outputs the same file."""
    sources = [input_path, *inputs.values()]
    seen: list[Path] = []
    for path in targets.values():
        for src in sources:
            if _same(path, src):
                raise InputError(f"{path}: this is an input file; choose another output name", code="io")
        for other in seen:
            if _same(path, other):
                raise InputError(f"{path}: two outputs cannot be the same file; choose different names",
                                 code="io")
        seen.append(path)


def analyse(kind: Kind, input_path: Path, ctx: Context, request: Request) -> Analysis:
    """Load ``input_path`` as ``kind`` (or a kind it accepts) and apply the rules."""
    from .codes import drop_ignored
    from .load import load

    model, src = load(input_path, (*kind.accepts, kind.name), rules=ctx.rules)
    analysis: Analysis = kind.function("analyse")(model, src, ctx, request)
    analysis.findings = drop_ignored([*src.findings, *analysis.findings], ctx.ignore)
    src.let_go()  # the positions are all taken: the writers and the self-check need the memory
    return analysis


def _record(stats: dict[str, Any], key: str, value: str) -> None:
    *parents, last = key.split(".")
    for p in parents:
        stats = stats.setdefault(p, {})
    stats[last] = value


def render(kind: Kind, out: Output, analysis: Analysis, ctx: Context, path: Path,
           template: Path | None = None, last: bool = False) -> bytes:
    """One output's bytes; a .docx is re-read by our checker before it counts as done. The
    ``last`` output lets the analysis go before its check (see :meth:`Analysis.let_go`)."""
    from .verify import verify_docx

    if out.many:
        raise TypeError(f"{out.role}: an output of many files is made by render_many")
    octx = ctx.but(template=template)
    data: bytes = resolve_function(out.writer)(analysis, octx)
    if last:
        analysis.let_go()
    profile = out.profile_name(ctx.rules)
    if profile is not None:
        if out is kind.main and ctx.profile and not kind.fixed_format:
            profile = ctx.profile
        words = analysis.stats.get("words") if out.verify_words else None
        verify_docx(data, path.name, profile, words=words, rules=ctx.rules, template=template is not None)
    return data


def render_many(kind: Kind, out: Output, analysis: Analysis, ctx: Context, folder: Path,
                template: Path | None = None) -> dict[Path, bytes]:
    """The files of an output of many (``Output.many``): {folder/name: bytes}, every .docx
    self-checked. Names are the writer's; one that is not a plain file name is a bug."""
    from .verify import verify_docx

    octx = ctx.but(template=template)
    made: Mapping[str, bytes] = resolve_function(out.writer)(analysis, octx)
    profile = out.profile_name(ctx.rules)
    files: dict[Path, bytes] = {}
    for name, data in made.items():
        if not name or Path(name).name != name or name in (".", ".."):
            raise ValueError(f"{name!r}: a writer of many files must give plain file names")
        if profile is not None and name.lower().endswith(".docx"):
            verify_docx(data, name, profile, rules=ctx.rules, template=template is not None)
        files[folder / name] = data
    return files


def check_folder(path: Path, force: bool) -> None:
    """An output folder: refused when it exists (without ``force``) or is not a folder, or
    when its parent does not exist; checked before any work is done."""
    import os

    if os.path.lexists(path):
        if not path.is_dir() or path.is_symlink():
            raise InputError(f"{path}: exists and is not a folder; choose another name with -o", code="io")
        if not force:
            raise InputError(f"{path}: the folder exists already; use --force to replace the files in it, or -o "
                             "to choose another folder", code="io")
    elif not path.parent.is_dir():
        raise InputError(f"{path.parent}: no such folder; create it or choose another -o", code="io")


def _write(files: dict[Path, bytes], folders: list[Path], force: bool) -> None:
    """All files, all or nothing; output folders are made first and removed again (when we
    made them) if writing fails."""
    from .fileio import write_all

    made: list[Path] = []
    try:
        for folder in folders:
            if not folder.exists():
                try:
                    folder.mkdir()
                except OSError as e:
                    raise InputError(f"{folder}: cannot make the folder ({e.strerror}); nothing was written",
                                     code="io") from None
                made.append(folder)
        write_all(files, force)
    except BaseException:
        for folder in reversed(made):
            try:
                folder.rmdir()
            except OSError:
                pass
        raise


def run(kind_name: str, input_path: Any, ctx: Context, *, outputs: Mapping[str, Any] | None = None,
        inputs: Mapping[str, Any] | None = None, templates: Mapping[str, Any] | None = None,
        options: Mapping[str, Any] | None = None, force: bool = False) -> Report:
    """Make the documents of one kind from ``input_path``.

    ``outputs`` maps a role to a path (the main one defaults to beside the input; optional
    ones are written only when given). Returns a Report; when a rule is broken it carries
    the errors and nothing is written. Raises InputError (cannot read or write) and
    ContentError (the input does not fit the schema).
    """
    from .gcpause import paused

    with paused():  # a big input makes many objects and no cycles: see gcpause
        return _run(kind_name, input_path, ctx, outputs, inputs, templates, options, force)


def _run(kind_name: str, input_path: Any, ctx: Context, outputs: Mapping[str, Any] | None,
         inputs: Mapping[str, Any] | None, templates: Mapping[str, Any] | None,
         options: Mapping[str, Any] | None, force: bool) -> Report:
    from .fileio import check_writable

    kind = get(kind_name)
    input_path = as_path(input_path, "input")
    extra = {name: as_path((inputs or {}).get(name), name) for name in kind.inputs}
    targets = resolve_outputs(kind, input_path, extra, outputs or {})
    refuse_clashes(input_path, extra, targets)
    for role, path in targets.items():
        if kind.output(role).many:
            check_folder(path, force)
        else:
            check_writable(path, force)
    chosen = {role: as_path(t, "template") for role, t in (templates or {}).items() if t}
    if ctx.profile and kind.fixed_format:
        raise InputError(f"--profile: a {kind.title} keeps the Council's fixed format; its profile cannot be "
                         "changed", code="usage")
    request = Request(roles=frozenset(targets), inputs=extra, options=dict(options or {}))
    analysis = analyse(kind, input_path, ctx, request)
    if has_errors(analysis.findings):
        return Report(analysis.findings, analysis.stats, None)
    analysis.targets = dict(targets)
    files: dict[Path, bytes] = {}
    folders: list[Path] = []
    last = list(targets)[-1]
    try:
        for role, path in targets.items():
            out = kind.output(role)
            if out.many:
                folders.append(path)
                many = render_many(kind, out, analysis, ctx, path, chosen.get(role))
                analysis.stats.setdefault("files", {})[role] = [str(p) for p in many]
                files.update(many)
            else:
                files[path] = render(kind, out, analysis, ctx, path, chosen.get(role), last=role == last)
    except InputError as e:  # the renderer knows no file names: a document too big is the input's
        if [f.code for f in e.findings] == ["document-too-big"] and not e.findings[0].location:
            raise InputError(e.findings[0].message, code="document-too-big", location=str(input_path)) from None
        raise
    _write(files, folders, force)
    for role, path in targets.items():
        stat = kind.output(role).stat
        if stat:
            _record(analysis.stats, stat, str(path))
    return Report(analysis.findings, analysis.stats, str(targets[kind.main.role]))


def validate(input_path: Any, ctx: Context) -> Report:
    """Schema and rules of any input file, whatever its kind; writes nothing."""
    from .codes import drop_ignored
    from .gcpause import paused
    from .load import load

    with paused():
        model, src = load(as_path(input_path, "input"), rules=ctx.rules)
        kind = get(model.kind)
        analysis: Analysis = kind.function("analyse")(model, src, ctx, Request())
    return Report(drop_ignored([*src.findings, *analysis.findings], ctx.ignore), analysis.stats, None)
