"""Reading inputs: YAML, JSON, or Markdown with YAML front matter, into models.

Every error names the place in the source file (``file:line:col``), including nested YAML
fields, and is raised as :class:`~uprdraft.findings.InputError` (the file cannot be parsed:
exit 2) or :class:`~uprdraft.findings.ContentError` (the content breaks the schema: exit 1).

YAML is read by libyaml (:mod:`uprdraft.yamlread`, bounded by ``rules.limits``): its node
tree keeps the line and column of every key and value, so positions cost nothing until a
message needs one. Once the pipeline has checked a file the tree is let go (for a big report
it is tens of megabytes, and the writers need none of it); it is composed again from the text
only if a later message asks for a position.
JSON is read by ``json``, and its positions by the same YAML reader.
"""
from __future__ import annotations

import json
from collections.abc import Callable
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
    tree: Any = None  # a round-trip (ruamel) tree with .lc positions, where a caller made one
    line_offset: int = 0  # lines before the YAML (front matter starts after '---')
    body_line: int | None = None  # 1-based line of the Markdown body's first line
    extra: dict = field(default_factory=dict)
    node: Any = None  # the libyaml node tree: start marks of every key and value (see nodes())
    findings: list = field(default_factory=list)  # warnings found while reading (flow-style)
    reread: Callable[[], Any] | None = field(default=None, repr=False)  # composes ``node`` again

    def nodes(self) -> Any:
        """The libyaml node tree (None for a round-trip tree), composed again if it was let go."""
        if self.node is None and self.reread is not None:
            self.node, self.reread = self.reread(), None
        return self.node

    def let_go(self) -> None:
        """Drop the node tree, keeping the means to compose it again from the text."""
        if self.node is not None and self.reread is not None:
            self.node = None

    def locate(self, loc: tuple | list = (), key: bool = False) -> str:
        """``file:line:col`` of the value at ``loc`` (keys and list indexes), or of its
        nearest existing parent when the value is missing; with ``key``, of the last key."""
        line, col = self._position(tuple(loc), key)
        return f"{self.path}:{line}:{col}"

    def locate_line(self, line: int, col: int = 1) -> str:
        return f"{self.path}:{line}:{col}"

    def value_node(self, loc: tuple) -> Any:
        """The libyaml node at ``loc``, or None."""
        node = self.nodes()
        for key in loc:
            node = _child(node, key)
            if node is None:
                return None
            node = node[1]
        return node

    def _position(self, loc: tuple, key: bool = False) -> tuple[int, int]:
        if loc and loc[0] == "body" and self.body_line is not None:
            return self.body_line, 1
        if self.nodes() is not None:
            return self._node_position(loc, key)
        return self._tree_position(loc)

    def _node_position(self, loc: tuple, want_key: bool) -> tuple[int, int]:
        node = self.nodes()
        mark = None
        for i, key in enumerate(loc):
            found = _child(node, key)
            if found is None:
                break
            key_node, node = found
            mark = key_node.start_mark if (want_key and key_node is not None and i == len(loc) - 1) \
                else node.start_mark
        if mark is None:
            return 1 + self.line_offset, 1
        return mark.line + 1 + self.line_offset, mark.column + 1

    def _tree_position(self, loc: tuple) -> tuple[int, int]:
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


def _child(node, key) -> tuple[Any, Any] | None:
    """(key node or None, value node) of ``key`` under a libyaml node."""
    from yaml.nodes import MappingNode, SequenceNode

    if isinstance(node, MappingNode):
        text = str(key)
        for k, v in node.value:
            if getattr(k, "value", None) == text:
                return k, v
        return None
    if isinstance(node, SequenceNode) and isinstance(key, int) and 0 <= key < len(node.value):
        return None, node.value[key]
    return None


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


def _limits(rules) -> Any:
    from .yamlread import Limits

    if rules is None:
        return Limits()
    return Limits(nodes=rules.limits.yaml_nodes, depth=rules.limits.nesting_depth)


def _max_bytes(rules) -> int:
    if rules is None:
        from .yamlread import Limits

        return Limits().text_bytes
    return int(rules.limits.text_bytes)


def _yaml():
    """A round-trip reader (kept for callers that want ruamel's commented tree)."""
    from ruamel.yaml import YAML

    y = YAML(typ="rt")
    y.allow_duplicate_keys = False
    # dates stay text here: the models parse them, so a bad date such as 2026-13-31 is a
    # located schema error instead of a crash inside the YAML reader
    y.constructor.add_constructor("tag:yaml.org,2002:timestamp", type(y.constructor).construct_yaml_str)
    return y


def _read_text(path: Path, rules=None) -> str:
    from .fileio import read_bytes

    data = read_bytes(path, "text input", max_bytes=_max_bytes(rules))
    try:
        for bom, enc in ((b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
            if data.startswith(bom):
                return data.decode(enc)
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        raise InputError(
            f"{path}:{line}:1: the file is not UTF-8 text; save it as UTF-8 (in Word: "
            "Save As > Plain Text > Unicode UTF-8)",
            code="parse",
        ) from None


def _limit_error(e, path: Path, line_offset: int, rules) -> InputError:
    lim = _limits(rules)
    value = {"yaml_nodes": lim.nodes, "nesting_depth": lim.depth}[e.what]
    code = {"yaml_nodes": "input-nodes", "nesting_depth": "input-depth"}[e.what]
    where = f"{path}:{e.line + 1 + line_offset}:{e.col + 1}" if e.line is not None else str(path)
    limit = (f"{value:,} values" if e.what == "yaml_nodes" else f"{value} levels") + f" (limits.{e.what})"
    return InputError(f"{where}: {e.detail}: over the limit of {limit}; to read it, raise the limit in a rules "
                      f"file (limits: {{{e.what}: {value * 2}}}) given with --rules", code=code)


def parse_yaml(text: str, path: Path, line_offset: int = 0, rules=None) -> tuple[Any, Any]:
    """(plain values, libyaml node tree) of a YAML text; one plain-words InputError otherwise."""
    import yaml

    from .yamlread import LimitError, ValueProblem, compose, context_of, problem_of

    try:
        return compose(text, _limits(rules))
    except LimitError as e:
        raise _limit_error(e, path, line_offset, rules) from None
    except ValueProblem as e:
        from .yamlhelp import explain

        hint = explain(text, e.line, e.col, e.message)
        message, at = hint if hint else (e.message, e.col)
        raise InputError(f"{path}:{e.line + 1 + line_offset}:{at + 1}: {message}", code="parse") from None
    except yaml.YAMLError as e:
        from .yamlhelp import explain

        line, col, what = problem_of(e, text)
        hint = explain(text, line, col, what) if line is not None else None
        context = context_of(e)
        if hint is None and context is not None and context[0] != line:  # e.g. a '[' never closed
            hint = explain(text, context[0], context[1], what)
            line = context[0] if hint else line
        message = "invalid YAML: " + what
        if hint:
            message, col = hint
        where = f"{path}:{line + 1 + line_offset}:{(col or 0) + 1}" if line is not None else str(path)
        raise InputError(f"{where}: {message}", code="parse") from None
    except RecursionError:  # cannot happen within the depth limit; kept as a last guard
        raise InputError(f"{path}: nested too deeply (limits.nesting_depth)", code="input-depth") from None


def _parse_yaml(text: str, path: Path, line_offset: int = 0, rules=None):
    """A round-trip (ruamel) tree of a YAML text, for callers that use its ``.lc`` positions.

    The text is first read by the bounded reader, so an alias bomb or a deep nesting is
    refused before the round-trip reader (which has no bounds) sees it."""
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    parse_yaml(text, path, line_offset, rules)
    try:
        return _yaml().load(text)
    except MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        where = f"{path}:{mark.line + 1 + line_offset}:{mark.column + 1}" if mark else str(path)
        what = (e.problem or e.context or "invalid YAML").strip()
        raise InputError(f"{where}: invalid YAML: {what}", code="parse") from None
    except (YAMLError, RecursionError) as e:
        raise InputError(f"{path}: invalid YAML: {str(e).splitlines()[0] if str(e) else e!r}",
                         code="parse") from None


def read_json(text: str, path: Path, rules=None) -> Any:
    """The values of a JSON text, within ``rules.limits`` (depth, number of values); one
    plain-words InputError otherwise."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise InputError(f"{path}:{e.lineno}:{e.colno}: invalid JSON: {e.msg}", code="parse") from None
    except RecursionError:
        from .yamlread import LimitError

        raise _limit_error(LimitError("nesting_depth", "nested too deeply"), path, 0, rules) from None
    except ValueError as e:  # a number of more than 4,300 digits
        raise InputError(f"{path}: invalid JSON: {e}; if it is text, put it in quotes", code="parse") from None
    check_limits(data, path, rules)
    return data


def check_limits(data: Any, path: Path, rules=None) -> None:
    """Values already read (by ``json``, or by a YAML reader that shares aliases) held to
    ``rules.limits``: an alias counts as a full copy of what it names."""
    from .yamlread import LimitError, check_json

    try:
        check_json(data, _limits(rules))
    except LimitError as e:
        raise _limit_error(e, path, 0, rules) from None


def parse_json(text: str, path: Path, rules=None) -> tuple[Any, Any]:
    """(values, libyaml node tree or None): ``json`` decides what the file says; the YAML
    reader only gives positions (it refuses some texts JSON allows: then positions fall
    back to line 1)."""
    data = read_json(text, path, rules)
    try:
        node = parse_yaml(text, path, rules=rules)[1]
    except InputError:
        node = None
    return data, node


def _parse_json(text: str, path: Path):
    """(data, ruamel tree) of a JSON text (for callers that use the round-trip tree)."""
    data, _ = parse_json(text, path)
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


def read_source(path: str | Path, rules=None) -> tuple[dict, Source]:
    """Parse a YAML, JSON or Markdown file into plain data plus its :class:`Source`.

    ``rules`` (a :class:`~uprdraft.rules.Rules`) gives the limits; None: the defaults."""
    path = Path(path)
    text = _read_text(path, rules)
    suffix = path.suffix.lower()
    if suffix in (".md", ".markdown"):
        fm, body, body_line = split_front_matter(text, path)
        data, node = parse_yaml(fm, path, line_offset=1, rules=rules)
        src = Source(path, text, line_offset=1, body_line=body_line, node=node,
                     reread=lambda: parse_yaml(fm, path, line_offset=1, rules=rules)[1])
        if data is None:
            data = {}
        if not isinstance(data, dict):
            raise InputError(f"{path}:2:1: the front matter must be a set of 'field: value' lines", code="parse")
        if "body" in data:
            raise ContentError(error("schema", "body: give the body either below the front matter or as a field, not both",
                                     src.locate(("body",))))
        data["body"] = body
        src.extra["markdown"] = True
        return data, src
    if suffix == ".json":
        data, node = parse_json(text, path, rules)
        src = Source(path, text, node=node, reread=lambda: parse_json(text, path, rules)[1])
        src.extra["json"] = True
    else:
        data, node = parse_yaml(text, path, rules=rules)
        src = Source(path, text, node=node, reread=lambda: parse_yaml(text, path, rules=rules)[1])
    if data is None:
        raise InputError(f"{path}:1:1: the file is empty; start from 'uprdraft new KIND'", code="parse")
    if not isinstance(data, dict):
        raise InputError(f"{path}:1:1: the file must be a set of 'field: value' lines, starting with 'kind:'",
                         code="parse")
    return data, src


def _plain(node):
    """ruamel's commented containers -> plain dicts, lists and scalars (dates stay text)."""
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


def read_yaml_plain(path: Path, rules=None):
    """A YAML or JSON file as plain data (used for rules override files)."""
    path = Path(path)
    text = _read_text(path, rules)
    if path.suffix.lower() == ".json":
        return parse_json(text, path, rules)[0] or {}
    data = parse_yaml(text, path, rules=rules)[0]
    return data if data is not None else {}


def body_location(src: Source, offset_line: int = 0, col: int | None = None) -> str:
    """Location of a place inside the body: ``offset_line`` (0-based) from the body's first
    line, ``col`` (0-based) within that line of the body text (None: the line's start)."""
    if src.body_line is not None:
        return src.locate_line(src.body_line + offset_line, (col or 0) + 1)
    line, vcol = src._position(("body",))
    node = src.value_node(("body",)) if src.nodes() is not None else None
    if node is not None:
        style = getattr(node, "style", None)
    else:  # a round-trip tree
        value = src.tree.get("body") if isinstance(src.tree, dict) else None
        style = getattr(value, "style", None) if value is not None else None
        if type(value).__name__ in ("LiteralScalarString", "FoldedScalarString"):
            style = "|"
    if style in ("|", ">"):
        # a block scalar: the text starts on the line after the key, indented
        if col is None:
            return src.locate_line(line + 1 + offset_line, vcol)
        return src.locate_line(line + 1 + offset_line, _block_indent(src.text, line) + col + 1)
    return src.locate_line(line, vcol)


def _block_indent(text: str, indicator_line: int) -> int:
    """Indentation of a block scalar's text: that of its first non-blank line."""
    for raw in text.splitlines()[indicator_line:]:
        if raw.strip():
            return len(raw) - len(raw.lstrip(" "))
    return 0


def validation_findings(exc, src: Source, model_cls: Any = None) -> list[Finding]:
    """pydantic ValidationError -> ``schema`` findings in plain words, at their source locations."""
    from .schema_messages import findings_of

    return findings_of(exc, src, model_cls)


def load(path: str | Path, kind: str | tuple[str, ...] | None = None, rules: Any = None) -> tuple[Any, Source]:
    """Read and validate an input file. Returns ``(model, source)``.

    ``kind`` is the kind (or the kinds) the caller takes; None takes any. ``rules`` (a
    Rules, None for the defaults) bounds what the file may hold (``rules.limits``). Raises
    InputError when the file cannot be read or parsed, ContentError when the content does
    not fit the schema of its ``kind``. Warnings found while reading (``flow-style``) are
    in ``source.findings``.
    """
    from .yamlread import gc_paused

    with gc_paused():
        return _load(path, kind, rules)


def _load(path: str | Path, kind: str | tuple[str, ...] | None, rules: Any) -> tuple[Any, Source]:
    from pydantic import ValidationError

    from .kinds import KINDS, resolve_function

    data, src = read_source(path, rules)
    got = data.get("kind")
    known = ", ".join(KINDS)
    if got is None:
        raise ContentError(error("schema", f"kind: this field is required; one of {known}", src.locate(())))
    if isinstance(got, str) and got.strip().lower() in KINDS:
        got = data["kind"] = got.strip().lower()
    if not isinstance(got, str) or got not in KINDS:
        import difflib

        shown = got if isinstance(got, (str, int, float)) else "a list or a mapping"
        close = difflib.get_close_matches(str(got).strip().lower(), list(KINDS), n=1) if isinstance(got, str) else []
        hint = f"did you mean '{close[0]}'? " if close else ""
        raise ContentError(error("schema", f"kind: unknown kind '{shown}'; {hint}one of {known}",
                                 src.locate(("kind",))))
    wanted = (kind,) if isinstance(kind, str) else kind
    if wanted and got not in wanted:
        names = " or a ".join(wanted)
        raise ContentError(error("schema", f"kind: this command takes a {names} file, not '{got}'",
                                 src.locate(("kind",))))
    model_cls = resolve_function(KINDS[got].model)
    try:
        model = model_cls.model_validate(data)
    except ValidationError as e:
        raise ContentError(validation_findings(e, src, model_cls)) from None
    if src.nodes() is not None and not src.extra.get("json"):
        from .schema_messages import comment_findings, flow_style_findings

        src.findings.extend(flow_style_findings(src, model_cls))
        src.findings.extend(comment_findings(src, model_cls))
    return model, src
