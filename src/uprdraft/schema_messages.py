"""Schema errors and reading warnings in plain words, in one voice.

Each message names the field, what was given and what is accepted, with an example; each is
located at the exact token in the source (the value, or the key of an unknown field).
pydantic's own wording ("Input should be a valid date or datetime, invalid character in
year") is never shown.
"""
from __future__ import annotations

import datetime as dt
import difflib
import re
import types
import typing
from typing import Any, Literal, Union, get_args, get_origin

from .findings import Finding, error, warning

# list[str] fields whose items are codes, not prose: brackets are harmless there
CODE_FIELDS = frozenset({"languages", "action_types", "kind", "id", "session", "age_band", "document_symbol",
                         "wg_report_symbol", "recommendations_file", "start", "email", "phone", "recommendation"})

_DATE_EXAMPLE = "2027-02-22"
_DMY = re.compile(r"^\s*(\d{1,2})[./-](\d{1,2})[./-](\d{4})\s*$")


# --------------------------------------------------------------------------- the model's shape
def _unwrap(ann: Any) -> Any:
    """Annotated[X, ...] -> X; Optional[X] -> X (other unions stay)."""
    while get_origin(ann) is typing.Annotated:
        ann = get_args(ann)[0]
    if _is_union(ann):
        members = [a for a in get_args(ann) if a is not type(None)]
        if len(members) == 1:
            return _unwrap(members[0])
    return ann


def _is_union(ann: Any) -> bool:
    return get_origin(ann) in (Union, types.UnionType)


def _is_model(ann: Any) -> bool:
    return isinstance(ann, type) and hasattr(ann, "model_fields")


def _members(ann: Any) -> list:
    return [_unwrap(a) for a in get_args(ann) if a is not type(None)] if _is_union(ann) else [ann]


def _name_of(ann: Any) -> str:
    return getattr(ann, "__name__", str(ann))


def walk(model_cls: Any, loc: tuple) -> tuple[tuple, Any, Any, Any]:
    """(cleaned loc, parent model, field info, annotation) at ``loc``.

    Union members that pydantic adds to error paths (``str``, ``Organisation``,
    ``function-after[...]``) are dropped, so the path is the one the user wrote."""
    ann, parent, info, clean = model_cls, None, None, []
    for part in loc:
        ann = _unwrap(ann)
        if _is_union(ann) and isinstance(part, str):
            named = [m for m in _members(ann) if _name_of(m) == part]
            if named or "[" in part:
                ann = named[0] if named else ann
                continue
            models = [m for m in _members(ann) if _is_model(m) and part in m.model_fields]
            ann = models[0] if models else ann
        if isinstance(part, str) and "[" in part:  # function-after[...], literal[...]
            continue
        clean.append(part)
        if _is_model(ann) and isinstance(part, str) and part in ann.model_fields:
            parent, info = ann, ann.model_fields[part]
            ann = info.annotation
        elif get_origin(ann) in (list, tuple, set) and isinstance(part, int):
            ann = (get_args(ann) or (Any,))[0]
        elif get_origin(ann) is dict:
            ann = (get_args(ann) or (Any, Any))[-1]
        elif _is_model(ann) and isinstance(part, str):  # an unknown field
            parent, info, ann = ann, None, Any
        else:
            ann = Any
    return tuple(clean), parent, info, _unwrap(ann)


def _bounds(info: Any) -> tuple[Any, Any]:
    lo: Any = None
    hi: Any = None
    for m in getattr(info, "metadata", None) or ():
        ge, gt, le, lt = (getattr(m, a, None) for a in ("ge", "gt", "le", "lt"))
        lo = ge if ge is not None else (gt + 1 if gt is not None else lo)
        hi = le if le is not None else (lt - 1 if lt is not None else hi)
    return lo, hi


# --------------------------------------------------------------------------- wording
def given(value: Any) -> str:
    """What was given, in plain words."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a set of fields"
    if isinstance(value, (int, float)):
        return str(value)
    text = str(value)
    return f"'{text[:60]}...'" if len(text) > 60 else f"'{text}'"


def _choices(values: list) -> str:
    shown = [f"'{v}'" for v in values]
    return ", ".join(shown[:-1]) + f" or {shown[-1]}" if len(shown) > 1 else shown[0]


def _date_example(value: Any) -> str:
    m = _DMY.match(str(value)) if isinstance(value, str) else None
    if m:
        day, month, year = (int(g) for g in m.groups())
        try:
            return dt.date(year, month, day).isoformat()
        except ValueError:
            pass
    return _DATE_EXAMPLE


def _range(info: Any) -> str:
    lo, hi = _bounds(info)
    if lo is not None and hi is not None:
        return f"a whole number from {lo} to {hi}"
    if lo is not None:
        return f"a whole number of at least {lo}"
    if hi is not None:
        return f"a whole number of at most {hi}"
    return "a whole number"


def message(err: dict, name: str, parent: Any, info: Any, ann: Any) -> str:
    """One plain-words message for one pydantic error."""
    kind, value, ctx = err["type"], err.get("input"), err.get("ctx") or {}
    if kind == "missing":
        desc = getattr(info, "description", None)
        return f"{name}: this field is required; add it" + (f" ({desc})" if desc else "")
    if kind == "extra_forbidden":
        last = name.rsplit(".", 1)[-1]
        known = list(parent.model_fields) if parent is not None else []
        close = difflib.get_close_matches(last, known, n=1, cutoff=0.6)
        hint = f"; did you mean '{close[0]}'?" if close else ""
        return f"{name}: unknown field{hint} (the fields here are: {', '.join(known)})" if known else \
            f"{name}: unknown field{hint}"
    if kind.startswith("date") or (kind.startswith("datetime") and ann is dt.date):
        return f"{name}: {given(value)} is not a date; write the date as YYYY-MM-DD, for example {_date_example(value)}"
    if kind.startswith("time"):
        return f"{name}: {given(value)} is not a time of day; write it as HH:MM in quotes, for example \"13:00\""
    if kind in ("less_than_equal", "greater_than_equal", "less_than", "greater_than"):
        return f"{name}: {given(value)} is out of range; give {_range(info)}"
    if kind in ("int_parsing", "int_type", "int_from_float", "int_parsing_size"):
        return f"{name}: {given(value)} is not a whole number; give {_range(info)}"
    if kind in ("float_parsing", "float_type"):
        return f"{name}: {given(value)} is not a number; give a number such as 12.5"
    if kind in ("bool_parsing", "bool_type"):
        return f"{name}: {given(value)} is not true or false; write true or false"
    if kind == "literal_error":
        expected = [a for a in get_args(ann)] if get_origin(ann) is Literal else []
        if not expected:
            return f"{name}: {given(value)} is not accepted; " + err["msg"].replace("Input should be", "give")
        close = difflib.get_close_matches(str(value).lower(), [str(e) for e in expected], n=1, cutoff=0.6)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        return f"{name}: {given(value)} is not one of the choices{hint}; give {_choices(expected)}"
    if kind == "string_type":
        fix = "; write the text on the same line, in quotes if it holds ': ' or ' #'" \
            if isinstance(value, (list, dict)) else " (put it in quotes to keep it as written)"
        return f"{name}: a text is expected here, not {given(value)}{fix}"
    if kind == "string_too_short":
        return f"{name}: is empty; write the text"
    if kind == "too_short":
        n = ctx.get("min_length", 1)
        return f"{name}: give at least {n} item{'s' if n != 1 else ''}, one per line starting with '- '"
    if kind == "too_long":
        return f"{name}: give at most {ctx.get('max_length')} items"
    if kind in ("list_type", "tuple_type", "set_type"):
        return f"{name}: a list is expected here, one item per line starting with '- ', not {given(value)}"
    if kind in ("model_type", "model_attributes_type", "dict_type", "model_class_type"):
        fields = list(ann.model_fields) if _is_model(ann) else []
        what = f" ({', '.join(fields)})" if fields else ""
        return f"{name}: a set of 'field: value' lines{what} is expected here, one per line, not {given(value)}"
    if kind.startswith(("value_error", "assertion_error")) or kind == "value_error":
        return f"{name}: {err['msg'].removeprefix('Value error, ').removeprefix('Assertion failed, ')}"
    return f"{name}: {err['msg'][0].lower()}{err['msg'][1:]} (given: {given(value)})"


def findings_of(exc: Any, src: Any, model_cls: Any = None) -> list[Finding]:
    """pydantic ValidationError -> ``schema`` findings, one per field, at their locations."""
    out: list[Finding] = []
    seen: set[tuple] = set()
    for err in exc.errors(include_url=False):
        loc, parent, info, ann = walk(model_cls, tuple(err["loc"])) if model_cls is not None else \
            (tuple(p for p in err["loc"] if not (isinstance(p, str) and "[" in p)), None, None, Any)
        if loc in seen:  # one message per field (a union reports once per member)
            continue
        seen.add(loc)
        name = ".".join(str(p) for p in loc) or "(document)"
        where = src.locate(loc, key=err["type"] == "extra_forbidden")
        out.append(error("schema", message(err, name, parent, info, ann), where))
    return out


# --------------------------------------------------------------------------- flow style
def flow_style_findings(src: Any, model_cls: Any) -> list[Finding]:
    """``flow-style`` warnings: free text written in brackets (``[a, b]``, ``{a: b}``), where a
    comma or a colon in the words would split them."""
    from yaml.nodes import MappingNode, SequenceNode

    out: list[Finding] = []
    if "[" not in src.text and "{" not in src.text:  # no brackets, nothing to walk
        return out
    stack: list[tuple[Any, tuple]] = [(src.nodes(), ())]
    while stack:  # collections only: scalars are never flow style
        node, loc = stack.pop()
        if node.flow_style:
            ann = walk(model_cls, loc)[3]
            if _has_plain_text(node, ann, loc):
                out.append(_flow_warning(node, loc, src))
            continue
        for part, kid in _kids(node):
            if isinstance(kid, (SequenceNode, MappingNode)):
                stack.append((kid, loc + (part,)))
    out.sort(key=lambda f: _order(f.location))
    return out


def _order(location: str) -> tuple[int, int]:
    _, line, col = location.rsplit(":", 2)
    return int(line), int(col)


def _flow_warning(node: Any, loc: tuple, src: Any) -> Finding:
    from yaml.nodes import SequenceNode

    name = ".".join(str(p) for p in loc)
    if isinstance(node, SequenceNode):
        fix = "write one item per line, starting with '- ' (in quotes if it holds ': ' or ' #')"
    else:
        under = f"'{loc[-1]}:'" if loc and isinstance(loc[-1], str) else "its '- '"
        fix = f"write each field on its own line ('name: value'), indented under {under}"
    return warning("flow-style", f"{name}: written in brackets, where a comma or a colon in the text splits it or "
                   f"fails; {fix}", src.locate(loc))


def _kids(node: Any) -> list:
    from yaml.nodes import MappingNode, SequenceNode

    if isinstance(node, SequenceNode):
        return list(enumerate(node.value))
    if isinstance(node, MappingNode):
        return [(k.value, v) for k, v in node.value if hasattr(k, "value") and isinstance(k.value, str)]
    return []


def _free_text(ann: Any, field_name: Any) -> bool:
    if field_name in CODE_FIELDS:
        return False
    return any(m is str for m in _members(_unwrap(ann)))


def _has_plain_text(node: Any, ann: Any, loc: tuple) -> bool:
    from yaml.nodes import ScalarNode

    stack = [(node, ann, loc)]
    while stack:
        n, a, lc = stack.pop()
        if isinstance(n, ScalarNode):
            field_name = next((p for p in reversed(lc) if isinstance(p, str)), None)
            if not n.style and n.tag.endswith(":str") and _free_text(a, field_name):
                return True
            continue
        for part, kid in _kids(n):
            kid_ann = walk(a, (part,))[3] if a is not Any else Any
            stack.append((kid, kid_ann, lc + (part,)))
    return False


# --------------------------------------------------------------------------- " #" in free text
def comment_findings(src: Any, model_cls: Any) -> list[Finding]:
    """``comment-in-text`` warnings: free text followed on its line by one space and ``#``,
    which YAML reads as a comment: the words after it are silently dropped
    (``title: Report #1``)."""
    from yaml.nodes import ScalarNode

    from .yamlhelp import quoted

    out: list[Finding] = []
    if " #" not in src.text and "\t#" not in src.text:
        return out
    # marks count from the YAML's first line: after the opening '---' of front matter
    lines = src.text.splitlines()[src.line_offset:]
    stack: list[tuple[Any, tuple]] = [(src.nodes(), ())]
    while stack:
        node, loc = stack.pop()
        if isinstance(node, ScalarNode):
            end = node.end_mark
            if node.style or end is None or not node.tag.endswith(":str") or end.line >= len(lines):
                continue
            rest = lines[end.line][end.column:]
            hash_at = len(rest) - len(rest.lstrip(" \t"))
            # one space before '#' reads as words ("Report #1"); a comment set apart by
            # several spaces (as in our starters) was meant as one
            if hash_at != 1 or not rest[hash_at:].startswith("#"):
                continue
            field_name = next((p for p in reversed(loc) if isinstance(p, str)), None)
            if not _free_text(walk(model_cls, loc)[3], field_name):
                continue
            dropped = rest[hash_at:].strip()
            whole = f"{node.value} {dropped}"
            name = ".".join(str(p) for p in loc)
            key = f"{loc[-1]}: " if loc and isinstance(loc[-1], str) else ""
            out.append(warning(
                "comment-in-text",
                f"{name}: the text stops before ' {dropped[:1]}': YAML reads '{dropped}' as a comment and drops it; if "
                f"it belongs to the text, put the whole text in quotes: {key}{quoted(whole)}",
                src.locate_line(end.line + 1 + src.line_offset, end.column + hash_at + 1)))
            continue
        stack.extend((kid, loc + (part,)) for part, kid in _kids(node))
    out.sort(key=lambda f: _order(f.location))
    return out
