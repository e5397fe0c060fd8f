"""Reading a recommendations file into entries: one per table row or per YAML/JSON item.

An :class:`Entry` holds the raw field values of one recommendation (or the :class:`RowError`
that made the row unreadable) and knows where it came from. Nothing is validated here: that
is :mod:`uprdraft.importers.normalise`.

YAML is read with PyYAML's C-accelerated safe loader (pure-Python ``SafeLoader`` when
libyaml is missing), set to read plain scalars as YAML 1.2 does, like :mod:`uprdraft.load`
(``yes`` and ``2026-01-01`` stay text, ``0o17`` is a number). Line and column numbers are
recovered only when a finding needs one: the file is then read again with ruamel.yaml, which
keeps positions. Whenever the fast loader fails, or might read the file differently
(duplicate keys, unknown tags), ruamel.yaml reads it and reports any error at its place.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..findings import ContentError, InputError, error, warning
from .formats import (
    ROW_READERS,
    RowError,
    column_index,
    detect_format,
    expected_columns,
)

YAML_SUFFIXES = (".yaml", ".yml", ".json")

# The implicit types of YAML 1.2 (the regular expressions ruamel.yaml uses for version 1.2):
# what a plain scalar means when it is not text. Timestamps are left out: dates stay text
# and the models parse them, as in uprdraft.load.
# (compiled when a YAML file is first read: a table import never needs them)
@functools.cache
def _yaml12_resolvers() -> tuple[tuple[str, re.Pattern, Sequence[str]], ...]:
    return (
        ("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), "tTfF"),
        ("tag:yaml.org,2002:float", re.compile(r"""^(?:
         [-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?
        |[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)
        |[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?
        |[-+]?\.(?:inf|Inf|INF)
        |\.(?:nan|NaN|NAN))$""", re.VERBOSE), "-+0123456789."),
        ("tag:yaml.org,2002:int", re.compile(r"""^(?:[-+]?0b[0-1_]+
        |[-+]?0o?[0-7_]+
        |[-+]?[0-9_]+
        |[-+]?0x[0-9a-fA-F_]+)$""", re.VERBOSE), "-+0123456789"),
        ("tag:yaml.org,2002:merge", re.compile(r"^(?:<<)$"), "<"),
        ("tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ("~", "n", "N", "")),
    )


@dataclass(slots=True)  # tens of thousands are made: slots make each quicker to make
class Entry:
    """One recommendation as read: raw field values, or ``{"_error": RowError}``."""

    data: dict
    place: str | Callable[[], str] | Path  # "file:line:col" or a function giving it; a table's file
    locate: Callable[[tuple], str] | None = None  # field path -> location (YAML and JSON)
    voluntary: bool = False
    row: int | None = None  # table rows: the spreadsheet row number

    @property
    def where(self) -> str:
        """``file:row N`` for a table row, ``file:line:col`` for a YAML or JSON item."""
        if isinstance(self.place, Path):
            self.place = f"{self.place}:row {self.row}"
        elif callable(self.place):
            self.place = self.place()
        return self.place


# --------------------------------------------------------------------------- tables
def _popping(rows: list):
    """The items of a reversed list, each let go as it is taken."""
    while rows:
        yield rows.pop()


def table_entries(path: Path, encoding: str | None, result, rules) -> Iterator[Entry]:
    """Entries of a CSV or XLSX export (UPR Info, UHRI or our template); sets ``result.format``
    and the encoding found. Raises InputError for unknown columns."""
    from .table import read_table

    path = Path(path)  # an entry's place: this file, and its row
    table = read_table(path, encoding, rules)
    if table.detected is not None:
        result.encoding = table.detected.encoding
        result.encoding_reason = table.detected.reason
        if table.detected.ambiguous:
            result.findings.append(warning(
                "encoding-ambiguous",
                f"the encoding could be Windows-1252 or Mac Roman; read as {table.detected.encoding} "
                f"({table.detected.reason}); check accented letters in the output, or give --encoding",
                str(path)))
    fmt = detect_format(table.header)
    if fmt is None:
        raise InputError(f"{path}:row 1: the columns are not those of a known export; expected {expected_columns()}",
                         code="columns")
    result.format = fmt
    result.plain_rows = table.whole_characters
    idx = column_index(table.header, fmt)
    reader = ROW_READERS[fmt]
    width = len(table.header)
    rows, table.rows = table.rows, []  # let each row go once it is built
    if isinstance(rows, list):
        rows.reverse()
        rows = _popping(rows)
    for n, cells in rows:
        if not (cells and cells[0] and not cells[0][0].isspace()) and not "".join(cells).strip():
            continue  # blank lines are not rows (a first cell starting with a letter says at once)
        result.rows_read += 1
        try:
            if len(cells) > width and any(c.strip() for c in cells[width:]):
                raise RowError("extra-cells", f"the row has {len(cells)} cells but the header has {width}; "
                                              "a comma inside a cell needs the cell in double quotes")
            data = reader(cells, idx, n)
        except RowError as e:
            yield Entry({"_error": e}, path, None, False, n)
            continue
        yield Entry(data, path, None, False, n)  # (positional: quicker, once per row)


# --------------------------------------------------------------------------- YAML and JSON
class _Disagree(Exception):
    """The fast loader might read this file differently from ruamel.yaml: let ruamel decide."""


def _construct_int(loader, node) -> int:
    """A YAML 1.2 integer, as ruamel.yaml reads it: ``0777`` is 777, ``0o17`` is 15."""
    digits = loader.construct_scalar(node).replace("_", "")
    sign = -1 if digits[:1] == "-" else 1
    if digits[:1] in ("-", "+"):
        digits = digits[1:]
    base = {"0b": 2, "0o": 8, "0x": 16}.get(digits[:2], 10)
    if base != 10:
        digits = digits[2:]
    return sign * int(digits, base)  # ValueError (e.g. "_"): ruamel decides


@functools.cache
def _loader() -> type:
    import yaml

    base = getattr(yaml, "CSafeLoader", None) or yaml.SafeLoader

    class Loader(base):  # type: ignore[misc, valid-type]
        def construct_mapping(self, node, deep=False):
            mapping = super().construct_mapping(node, deep=deep)
            if len(mapping) != len(node.value):
                raise _Disagree("duplicate key")  # ruamel refuses duplicate keys, with their place
            if not all(isinstance(k, (str, int)) for k in mapping):
                mapping = {(k if isinstance(k, (str, int)) else str(k)): v for k, v in mapping.items()}
            return mapping

    Loader.yaml_implicit_resolvers = {}
    for tag, regexp, first in _yaml12_resolvers():
        Loader.add_implicit_resolver(tag, regexp, list(first))
    Loader.add_constructor("tag:yaml.org,2002:int", _construct_int)
    Loader.add_constructor("tag:yaml.org,2002:timestamp", base.construct_yaml_str)
    return Loader


def load_yaml(text: str, path: Path, rules=None) -> Any:
    """The plain data (dicts, lists, str, int, float, bool, None) of a YAML text, within
    ``rules.limits``.

    Read fast with PyYAML; when that fails or might disagree, ruamel.yaml reads the text and
    any error is an InputError with ``file:line:col``."""
    import yaml

    from ..load import check_limits

    try:
        data = yaml.load(text, Loader=_loader())
    except (yaml.YAMLError, _Disagree, ValueError, TypeError, OverflowError, RecursionError):
        from ..load import _parse_yaml, _plain

        tree = _parse_yaml(text, path, rules=rules)
        return _plain(tree) if tree is not None else None
    check_limits(data, path, rules)  # PyYAML shares an alias's values: a bomb is counted in full here
    return data


def _reader_rules(rules: Any) -> Any:
    """The rules that bound the reader: the plain import settings carry none (defaults then)."""
    return rules if hasattr(rules, "limits") else None


@dataclass
class Positions:
    """Where each value of a YAML or JSON file is, worked out only when first asked."""

    path: Path
    text: str
    is_json: bool = False
    _source: Any = field(default=None, repr=False)

    def locate(self, loc: tuple = ()) -> str:
        """``file:line:col`` of the value at ``loc`` (keys and list indexes)."""
        if self._source is None:
            from ..load import Source, _parse_json, _parse_yaml

            try:
                tree = _parse_json(self.text, self.path)[1] if self.is_json else _parse_yaml(self.text, self.path)
            except InputError:  # read by the fast loader, not by ruamel: the file's start
                tree = None
            self._source = Source(self.path, self.text, tree)
        return self._source.locate(loc)


def yaml_entries(path: Path, result, rules: Any = None) -> Iterator[Entry]:
    """Entries of our YAML (or JSON): a list of recommendations, or a mapping with
    ``recommendations:`` and/or ``voluntary_commitments:`` lists, read within ``rules.limits``."""
    from ..load import _read_text, read_json

    rules = _reader_rules(rules)
    text = _read_text(path, rules)
    result.format = "yaml"
    result.encoding = "utf-8"
    result.encoding_reason = "YAML and JSON files are read as UTF-8"
    is_json = path.suffix.lower() == ".json"
    tree = read_json(text, path, rules) if is_json else load_yaml(text, path, rules)
    pos = Positions(path, text, is_json)
    if tree is None:
        raise InputError(f"{path}:1:1: the file is empty; start from 'uprdraft new recommendations'", code="parse")
    groups: list[tuple[tuple, Any, bool]]
    if isinstance(tree, list):
        groups = [((), tree, False)]
    elif isinstance(tree, dict) and ("recommendations" in tree or "voluntary_commitments" in tree):
        groups = [((key,), tree[key], key == "voluntary_commitments")
                  for key in ("recommendations", "voluntary_commitments") if key in tree and tree[key] is not None]
    else:
        raise InputError(f"{path}:1:1: expected a list of recommendations, or a 'recommendations:' list",
                         code="parse")
    for prefix, items, voluntary in groups:
        if not isinstance(items, list):
            raise ContentError(error("schema", f"{prefix[0]}: must be a list of recommendations (lines starting "
                                     "with '- ')", pos.locate(prefix)))
        for i, item in enumerate(items):
            loc = prefix + (i,)
            result.rows_read += 1
            if isinstance(item, str) and voluntary:
                item = {"id": f"VP-{i + 1}", "text": item}
            place = functools.partial(pos.locate, loc)
            if not isinstance(item, dict):
                yield Entry({"_error": RowError("not-a-mapping", "each recommendation is a set of "
                                                "'field: value' lines (id, text, response, ...)")}, place)
                continue
            if "response" in item and isinstance(item["response"], str):
                item["response_raw"] = item.pop("response")

            def locate(fields, loc=loc):
                fields = tuple("response" if f == "response_raw" else f for f in fields)
                return pos.locate(loc + fields)

            yield Entry(item, place, locate=locate, voluntary=voluntary)


def entries(path: Path, encoding: str | None, result, rules) -> Iterator[Entry]:
    """The entries of any file we read, chosen by its suffix."""
    if path.suffix.lower() in YAML_SUFFIXES:
        return yaml_entries(path, result, rules)
    return table_entries(path, encoding, result, rules)
