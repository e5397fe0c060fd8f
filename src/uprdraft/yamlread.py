"""YAML read fast and within bounds: libyaml's C parser (PyYAML), YAML 1.2 values.

The round-trip parser we used before spent most of a big report's time keeping comments and
styles we never write back. libyaml composes a tree of nodes, each with its line and
column, which is all we need: values for the models, and positions for messages.

Bounds, so that a small file cannot make us work without end (issue 12):
- nodes are counted as libyaml makes them (it calls ``descend_resolver`` once per node),
  so a huge flat file stops early;
- then the tree is walked once: each alias counts as a full copy of what it names (sizes are
  memoised per node, so a "billion laughs" file is measured in microseconds, never
  expanded), an alias inside its own target is refused, and the nesting depth is bounded.
Values are built only after these checks. Dates stay text, as with the old reader: the
models parse them, so a bad date is a located schema error.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from yaml import CSafeLoader  # noqa: F401  (fails here, clearly, without libyaml)
from yaml._yaml import CParser
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.error import MarkedYAMLError, YAMLError
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from .gcpause import paused

STR, INT, FLOAT, BOOL, NULL = (f"tag:yaml.org,2002:{t}" for t in ("str", "int", "float", "bool", "null"))
SEQ, MAP, MERGE, TIMESTAMP, VALUE = (f"tag:yaml.org,2002:{t}" for t in ("seq", "map", "merge", "timestamp", "value"))

# YAML 1.2 core schema, as the round-trip reader had it: "yes", "on", "13:00" stay text
_INT = re.compile(r"[-+]?(?:0b[01_]+|0o?[0-7_]+|[0-9_]+|0x[0-9a-fA-F_]+)\Z")
_FLOAT = re.compile(r"""[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?\Z
    |[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)\Z
    |[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?\Z
    |[-+]?\.(?:inf|Inf|INF)\Z
    |\.(?:nan|NaN|NAN)\Z""", re.VERBOSE)
_TIMESTAMP = re.compile(r"""[0-9]{4}-[0-9]{2}-[0-9]{2}\Z
    |[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?
     (?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?\Z""", re.VERBOSE)
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_NULLS = frozenset(("", "~", "null", "Null", "NULL"))
# what _resolve_plain may read as something other than text: the rest is text at once
_NOT_TEXT = frozenset((*_NULLS, *_BOOLS, "<<"))
_NUMBER_START = frozenset("-+0123456789.")
_MAX_DIGITS = 4300  # Python's own bound on int() of a text


class LimitError(Exception):
    """An input over one of the limits; ``what`` is the rules key."""

    def __init__(self, what: str, detail: str, line: int | None = None, col: int | None = None):
        super().__init__(detail)
        self.what, self.detail, self.line, self.col = what, detail, line, col


class ValueProblem(Exception):
    """A value libyaml read but we cannot use (duplicate key, unknown tag, huge number)."""

    def __init__(self, message: str, line: int, col: int):
        super().__init__(message)
        self.message, self.line, self.col = message, line, col


@dataclass(frozen=True)
class Limits:
    # the defaults of rules.limits, for callers that pass no rules (a test keeps them equal)
    nodes: int = 500_000
    depth: int = 50
    text_bytes: int = 10_000_000


def _resolve_plain(value: str) -> str:
    if value in _NULLS:
        return NULL
    c = value[0]
    if c in "-+0123456789.":
        if _INT.match(value) and c != "." and value not in ("-", "+"):
            return INT
        if _FLOAT.match(value):
            return FLOAT
        if c.isdigit() and _TIMESTAMP.match(value):
            return TIMESTAMP
        return STR
    if value in _BOOLS:
        return BOOL
    if value == "<<":
        return MERGE
    return STR


class _Constructor(SafeConstructor):
    def construct_yaml_int(self, node):
        raw = self.construct_scalar(node)
        text = raw.replace("_", "")
        sign = -1 if text.startswith("-") else 1
        digits = text.lstrip("+-")
        if len(digits) > _MAX_DIGITS:
            raise ValueProblem(f"this number has {len(digits):,} digits, more than uprdraft reads "
                               f"({_MAX_DIGITS:,}); if it is text, put it in quotes", *_mark(node))
        try:
            for prefix, base in (("0b", 2), ("0x", 16), ("0o", 8)):
                if digits.startswith(prefix):
                    return sign * int(digits[2:], base)
            return sign * int(digits)
        except ValueError:  # "-_": matches the pattern but is no number
            return raw

    def construct_yaml_float(self, node):
        text = self.construct_scalar(node).replace("_", "").lower()
        if text.endswith((".inf", ".nan")):
            return float(text.replace(".", ""))
        return float(text)

    def construct_yaml_bool(self, node):
        return _BOOLS[self.construct_scalar(node)]

    def construct_yaml_map(self, node):
        data: dict = {}
        yield data
        own = sum(1 for k, _ in node.value if k.tag != MERGE)
        self.flatten_mapping(node)
        first_own = len(node.value) - own
        seen = set()
        for i, (key_node, value_node) in enumerate(node.value):
            key = self.construct_object(key_node, deep=True)
            if isinstance(key, (list, dict)):
                raise ValueProblem("a field name must be a word, not a list or a mapping", *_mark(key_node))
            if not isinstance(key, (str, int)):
                key = str(key)
            if i >= first_own:
                if key in seen:
                    raise ValueProblem(f"the field '{key}' is given twice here; keep one", *_mark(key_node))
                seen.add(key)
            data[key] = self.construct_object(value_node, deep=False)

    def construct_unknown(self, node):
        raise ValueProblem(f"'{node.tag}' is read as a YAML tag, which uprdraft does not use",
                           *_mark(node))


_BUILDERS: dict[str | None, Any] = {
    TIMESTAMP: SafeConstructor.construct_yaml_str,
    MERGE: SafeConstructor.construct_yaml_str,  # "<<" as a value
    INT: _Constructor.construct_yaml_int,
    FLOAT: _Constructor.construct_yaml_float,
    BOOL: _Constructor.construct_yaml_bool,
    MAP: _Constructor.construct_yaml_map,
    None: _Constructor.construct_unknown,  # any tag we do not know
    **{f"tag:yaml.org,2002:{t}": _Constructor.construct_unknown  # values our inputs never hold
       for t in ("binary", "set", "omap", "pairs")},
}
for _tag, _build in _BUILDERS.items():
    _Constructor.add_constructor(_tag, _build)  # type: ignore[type-var]


def _mark(node) -> tuple[int, int]:
    return node.start_mark.line, node.start_mark.column


class _Loader(CParser, _Constructor):
    """libyaml parser + our constructor; resolves tags itself (YAML 1.2) and counts nodes."""

    def __init__(self, text: str, limits: Limits):
        CParser.__init__(self, text)
        _Constructor.__init__(self)
        self._left = limits.nodes
        self._depth = 0
        self._deepest = limits.depth + 1  # scalars are not a level

    # libyaml calls these around each node it composes (not around an alias): the depth of
    # the tree as written is known at no cost; aliases are measured by check_tree
    def descend_resolver(self, parent, index):
        self._left -= 1  # every node, tagged or not (``resolve`` skips explicit tags)
        self._depth += 1
        if self._left < 0 or self._depth > self._deepest:  # one test per node: see _over
            self._over(parent)

    def _over(self, parent) -> None:
        if self._left < 0:
            raise LimitError("yaml_nodes", "too many values")
        if parent is not None:
            raise LimitError("nesting_depth", "nested too deeply", *_mark(parent))

    def ascend_resolver(self):
        self._depth -= 1

    def resolve(self, kind, value, implicit):
        if kind is ScalarNode:
            if not implicit[0] or (value[:1] not in _NUMBER_START and value not in _NOT_TEXT):
                return STR  # most values: one call per scalar saved, for a file of 100,000
            return _resolve_plain(value)
        return SEQ if kind is SequenceNode else MAP


# The cyclic collector paused while a big input is read and validated: every object made
# then survives, and the collector would walk them all again and again (it tripled the time
# of a 3,000-item plan). Nothing made here forms cycles that need collecting.
gc_paused = paused


def compose(text: str, limits: Limits = Limits()) -> tuple[Any, Any]:
    """(values, root node) of one YAML document; (None, None) when it is empty.

    Raises :class:`LimitError`, :class:`ValueProblem` or a ``yaml.YAMLError``.
    """
    loader = _Loader(text, limits)
    with gc_paused():
        try:
            root = loader.get_single_node()
        except YAMLError as e:
            if "maximum nesting depth" in str(e):
                mark = getattr(e, "problem_mark", None)
                raise LimitError("nesting_depth", "nested too deeply",
                                 *((mark.line, mark.column) if mark else ())) from None
            raise
        if root is None:
            return None, None
        if "&" in text:  # no anchor, no alias: the tree is as written, already measured
            check_tree(root, limits)
        try:
            try:
                return build(loader, root), root
            except (_Unusual, ValueProblem):
                # PyYAML's constructor decides: merge keys, rare tags, and which of several
                # problems is reported first (it fills nested mappings last)
                return loader.construct_document(root), root
        finally:
            loader.dispose()


class _Unusual(Exception):
    """A node :func:`build` leaves to PyYAML's constructor."""


def build(loader: _Loader, root) -> Any:
    """The values of a composed tree, as PyYAML's constructor with ours makes them, in one
    recursive walk (the depth is bounded) instead of its generic machinery, a fifth of the
    time of a big input. Raises _Unusual for what only that constructor handles."""
    return _Builder(loader).value(root)


class _Builder:
    # a class, not a closure calling itself: that would be a reference cycle, kept (with all
    # it reaches) while the cyclic collector is paused
    def __init__(self, loader: _Loader):
        self.scalars = {INT: loader.construct_yaml_int, FLOAT: loader.construct_yaml_float,
                        BOOL: loader.construct_yaml_bool}
        self.made: dict[int, Any] = {}  # an alias is the same node: the same value, as PyYAML shares it

    def value(self, node) -> Any:
        kind, tag = node.__class__, node.tag
        if kind is ScalarNode:
            if tag == STR or tag == TIMESTAMP or tag == MERGE:
                return node.value
            if tag == NULL:
                return None
            if tag not in self.scalars:
                raise _Unusual(tag)
            return self.scalars[tag](node)
        key = id(node)
        if key in self.made:
            return self.made[key]
        if kind is SequenceNode and tag == SEQ:
            items: list = []
            self.made[key] = items
            items.extend([self.value(kid) for kid in node.value])
            return items
        if kind is not MappingNode or tag != MAP:
            raise _Unusual(tag)
        data: dict = {}
        self.made[key] = data
        for key_node, value_node in node.value:
            if key_node.tag == MERGE or key_node.tag == VALUE:
                raise _Unusual(key_node.tag)
            name = self.value(key_node)
            if isinstance(name, (list, dict)) or name in data:
                raise _Unusual("a key PyYAML's constructor reports on")
            if not isinstance(name, (str, int)):
                name = str(name)
                if name in data:
                    raise _Unusual("a repeated key")
            data[name] = self.value(value_node)
        return data


def check_tree(root, limits: Limits) -> None:
    """Refuse a tree whose expanded size or depth is over ``limits``; nodes reached through
    aliases are measured once (memoised), never expanded."""
    size: dict[int, int] = {}
    height: dict[int, int] = {}
    on_path: set[int] = set()
    stack: list[tuple[Any, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        key = id(node)
        if done:
            on_path.discard(key)
            kids = _children(node)
            size[key] = 1 + sum(size[id(k)] for k in kids)
            height[key] = 1 + max((height[id(k)] for k in kids), default=0)
            if size[key] > limits.nodes:
                raise LimitError("yaml_nodes", "too many values once aliases are counted", *_mark(node))
            continue
        if key in size:
            continue
        if key in on_path:
            raise LimitError("yaml_nodes", "an alias refers to a value that contains it", *_mark(node))
        on_path.add(key)
        stack.append((node, True))
        for kid in _children(node):
            kid_key = id(kid)
            if kid_key in on_path:
                raise LimitError("yaml_nodes", "an alias refers to a value that contains it", *_mark(kid))
            if kid_key not in size:
                stack.append((kid, False))
    if height[id(root)] - 1 > limits.depth:  # scalars are not a level
        node, level = root, 1
        while level <= limits.depth:
            node = max(_children(node), key=lambda k: height[id(k)])
            level += 1
        raise LimitError("nesting_depth", "nested too deeply", *_mark(node))


def check_json(data, limits: Limits) -> None:
    """The same bounds for values read by ``json`` (no aliases there: a plain count)."""
    count = 0
    stack = [(data, 0)]
    while stack:
        value, depth = stack.pop()
        count += 1
        if count > limits.nodes:
            raise LimitError("yaml_nodes", "too many values")
        if isinstance(value, (list, dict)):
            if depth + 1 > limits.depth:
                raise LimitError("nesting_depth", "nested too deeply")
            items = value.values() if isinstance(value, dict) else value
            stack.extend((v, depth + 1) for v in items)
            count += len(value) if isinstance(value, dict) else 0  # the keys


def _children(node) -> list:
    if isinstance(node, SequenceNode):
        return node.value
    if isinstance(node, MappingNode):
        return [n for pair in node.value for n in pair]
    return []


def context_of(e: YAMLError) -> tuple[int, int] | None:
    """(0-based line, column) where the construct that failed began (a '[' left open)."""
    mark = getattr(e, "context_mark", None)
    return (mark.line, mark.column) if mark is not None else None


def problem_of(e: YAMLError, text: str) -> tuple[int | None, int | None, str]:
    """(0-based line, column, problem) of a libyaml error."""
    if isinstance(e, MarkedYAMLError):
        mark = e.problem_mark or e.context_mark
        what = (e.problem or e.context or "invalid YAML").strip()
        if isinstance(e, ConstructorError) and "constructor for the tag" in what:
            what = "unknown tag"
        if "duplicate anchor" in (e.context or ""):  # libyaml's problem is "second occurrence"
            what = "the same anchor (&name) is defined twice; if the text starts with '&', put it in quotes"
        return (mark.line, mark.column, what) if mark else (None, None, what)
    position = getattr(e, "position", None)  # ReaderError: a character no text file holds
    if isinstance(position, int) and type(e).__name__ == "ReaderError":
        before = text[:position]
        char = getattr(e, "character", None)
        shown = f"U+{char:04X}" if isinstance(char, int) else repr(char)
        return (before.count("\n"), position - (before.rfind("\n") + 1),
                f"the character {shown} cannot appear in a text input; delete it")
    return None, None, (str(e).splitlines() or ["invalid YAML"])[0]
