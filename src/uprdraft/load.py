"""Reading inputs: YAML, JSON, or Markdown with YAML front matter, into models.

Every error names the place in the source file (``file:line:col``), including nested YAML
fields, and is raised as :class:`~uprdraft.findings.InputError` (the file cannot be parsed:
exit 2) or :class:`~uprdraft.findings.ContentError` (the content breaks the schema: exit 1).
ruamel.yaml keeps the line and column of every key and value; JSON is read with ruamel too
(after ``json`` has checked the syntax), so both give the same locations.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .findings import ContentError, Finding, InputError, error

FRONT_MATTER = "---"


@dataclass
class Source:
    """Where each field of a loaded document came from."""

    path: Path
    text: str
    tree: Any = None  # the ruamel tree (CommentedMap) with .lc positions
    line_offset: int = 0  # lines before the YAML (front matter starts after '---')
    body_line: int | None = None  # 1-based line of the Markdown body's first line
    extra: dict = field(default_factory=dict)

    def locate(self, loc: tuple | list = ()) -> str:
        """``file:line:col`` of the value at ``loc`` (keys and list indexes), or of its
        nearest existing parent when the value is missing."""
        line, col = self._position(tuple(loc))
        return f"{self.path}:{line}:{col}"

    def locate_line(self, line: int, col: int = 1) -> str:
        return f"{self.path}:{line}:{col}"

    def _position(self, loc: tuple) -> tuple[int, int]:
        if loc and loc[0] == "body" and self.body_line is not None:
            return self.body_line, 1
        node = self.tree
        line, col = 1 + self.line_offset, 1
        for key in loc:
            lc = getattr(node, "lc", None)
            try:
                if isinstance(node, dict):
                    if key not in node:
                        key = _find_key(node, key)
                    if lc is not None:
                        vl, vc = lc.value(key) if _has_value_pos(lc, key) else lc.key(key)
                        line, col = vl + 1 + self.line_offset, vc + 1
                    node = node[key]
                elif isinstance(node, list) and isinstance(key, int) and 0 <= key < len(node):
                    if lc is not None:
                        il, ic = lc.item(key)
                        line, col = il + 1 + self.line_offset, ic + 1
                    node = node[key]
                else:
                    break
            except (KeyError, TypeError, IndexError, AttributeError):
                break
        return line, col


def _find_key(node: dict, key):
    # footnote ids may be ints in YAML but strings in the model
    for k in node:
        if str(k) == str(key):
            return k
    raise KeyError(key)


def _has_value_pos(lc, key) -> bool:
    try:
        lc.value(key)
        return True
    except (KeyError, TypeError, AttributeError):
        return False


def _yaml():
    from ruamel.yaml import YAML

    y = YAML(typ="rt")
    y.allow_duplicate_keys = False
    # dates stay text here: the models parse them, so a bad date such as 2026-13-31 is a
    # located schema error instead of a crash inside the YAML reader
    y.constructor.add_constructor("tag:yaml.org,2002:timestamp", type(y.constructor).construct_yaml_str)
    return y


def _read_text(path: Path) -> str:
    from .fileio import read_bytes

    data = read_bytes(path)
    for bom, enc in ((b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            return data.decode(enc)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        raise InputError(
            f"{path}:{line}:1: the file is not UTF-8 text; save it as UTF-8 (in Word: "
            "Save As > Plain Text > Unicode UTF-8)",
            code="parse",
        ) from None


def _parse_yaml(text: str, path: Path, line_offset: int = 0):
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    try:
        return _yaml().load(text)
    except MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        where = f"{path}:{mark.line + 1 + line_offset}:{mark.column + 1}" if mark else str(path)
        what = (e.problem or e.context or "invalid YAML").strip()
        raise InputError(f"{where}: invalid YAML: {what}", code="parse") from None
    except YAMLError as e:
        raise InputError(f"{path}: invalid YAML: {str(e).splitlines()[0]}", code="parse") from None


def _parse_json(text: str, path: Path):
    """(data, tree): ``json`` decides what the file says; ruamel's tree only gives positions
    (YAML refuses some characters that JSON allows, then locations fall back to line 1)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise InputError(f"{path}:{e.lineno}:{e.colno}: invalid JSON: {e.msg}", code="parse") from None
    try:
        tree = _parse_yaml(text, path)
    except InputError:
        tree = None
    return data, tree


def split_front_matter(text: str, path: Path) -> tuple[str, str, int]:
    """(yaml, body, body_first_line) from a Markdown file with ``---`` front matter."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != FRONT_MATTER:
        raise InputError(
            f"{path}:1:1: a Markdown input starts with front matter: a line '---', the fields "
            "(kind, title, ...), and another '---' before the body",
            code="parse",
        )
    for i in range(1, len(lines)):
        if lines[i].strip() in (FRONT_MATTER, "..."):
            return "".join(lines[1:i]), "".join(lines[i + 1 :]), i + 2
    raise InputError(f"{path}:1:1: the front matter has no closing '---' line", code="parse")


def read_source(path: str | Path) -> tuple[dict, Source]:
    """Parse a YAML, JSON or Markdown file into plain data plus its :class:`Source`."""
    path = Path(path)
    text = _read_text(path)
    suffix = path.suffix.lower()
    if suffix in (".md", ".markdown"):
        fm, body, body_line = split_front_matter(text, path)
        tree = _parse_yaml(fm, path, line_offset=1)
        src = Source(path, text, tree, line_offset=1, body_line=body_line)
        if tree is None:
            tree = {}
        if not isinstance(tree, dict):
            raise InputError(f"{path}:2:1: the front matter must be a set of 'field: value' lines", code="parse")
        data = _plain(tree)
        if "body" in data:
            raise ContentError(error("schema", "body: give the body either below the front matter or as a field, not both",
                                     src.locate(("body",))))
        data["body"] = body
        src.extra["markdown"] = True
        return data, src
    if suffix == ".json":
        data, tree = _parse_json(text, path)
    else:
        tree = _parse_yaml(text, path)
        data = _plain(tree)
    src = Source(path, text, tree)
    if data is None:
        raise InputError(f"{path}:1:1: the file is empty; start from 'uprdraft new KIND'", code="parse")
    if not isinstance(data, dict):
        raise InputError(f"{path}:1:1: the file must be a set of 'field: value' lines, starting with 'kind:'",
                         code="parse")
    return data, src


def _plain(node):
    """ruamel's commented containers -> plain dicts, lists and scalars (dates stay dates)."""
    if isinstance(node, dict):
        return {(str(k) if not isinstance(k, (str, int)) else k): _plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_plain(v) for v in node]
    if hasattr(node, "_yaml_tag") and type(node).__name__ == "TaggedScalar":
        return str(node)
    # ruamel scalar subclasses (ScalarFloat, LiteralScalarString, ...) -> builtins
    for base in (bool, int, float, str):
        if isinstance(node, base):
            return base(node)
    return node


def read_yaml_plain(path: Path):
    """A YAML or JSON file as plain data (used for rules override files)."""
    path = Path(path)
    text = _read_text(path)
    if path.suffix.lower() == ".json":
        return _parse_json(text, path)[0] or {}
    tree = _parse_yaml(text, path)
    return _plain(tree) if tree is not None else {}


def body_location(src: Source, offset_line: int = 0) -> str:
    """Location of a line inside the body (0-based ``offset_line`` from the body's start)."""
    if src.body_line is not None:
        return src.locate_line(src.body_line + offset_line)
    # YAML block scalar ``body: |``: the text starts on the line after the key
    line, col = src._position(("body",))
    value = src.tree.get("body") if isinstance(src.tree, dict) else None
    style = getattr(value, "style", None) if value is not None else None
    if style in ("|", ">") or type(value).__name__ in ("LiteralScalarString", "FoldedScalarString"):
        return src.locate_line(line + 1 + offset_line, col)
    return src.locate_line(line, col)


def validation_findings(exc, src: Source) -> list[Finding]:
    """pydantic ValidationError -> ``schema`` findings with source locations."""
    out = []
    for err in exc.errors(include_url=False):
        loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and "[" in p and p.startswith(("function-", "literal["))))
        loc = tuple(loc)
        field_name = ".".join(str(p) for p in loc) or "(document)"
        msg = err["msg"]
        if err["type"] == "missing":
            msg = "this field is required"
        elif err["type"] == "extra_forbidden":
            msg = "unknown field; check its spelling against 'uprdraft schema'"
        elif err["type"] == "literal_error":
            msg = msg.replace("Input should be", "must be")
        elif msg.startswith("Value error, "):
            msg = msg[len("Value error, "):]
        out.append(error("schema", f"{field_name}: {msg}", src.locate(loc)))
    return out


def load(path: str | Path, kind: str | tuple[str, ...] | None = None) -> tuple[Any, Source]:
    """Read and validate an input file. Returns ``(model, source)``.

    ``kind`` is the kind (or the kinds) the caller takes; None takes any. Raises InputError
    when the file cannot be read or parsed, ContentError when the content does not fit the
    schema of its ``kind``.
    """
    from pydantic import ValidationError

    from .kinds import KINDS, resolve_function

    data, src = read_source(path)
    got = data.get("kind")
    known = ", ".join(KINDS)
    if got is None:
        raise ContentError(error("schema", f"kind: this field is required; one of {known}", src.locate(())))
    if not isinstance(got, str) or got not in KINDS:
        raise ContentError(error("schema", f"kind: unknown kind '{got}'; one of {known}", src.locate(("kind",))))
    wanted = (kind,) if isinstance(kind, str) else kind
    if wanted and got not in wanted:
        names = " or a ".join(wanted)
        raise ContentError(error("schema", f"kind: this command takes a {names} file, not '{got}'",
                                 src.locate(("kind",))))
    model_cls = resolve_function(KINDS[got].model)
    try:
        model = model_cls.model_validate(data)
    except ValidationError as e:
        raise ContentError(validation_findings(e, src)) from None
    return model, src
