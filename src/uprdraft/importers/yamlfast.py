"""A fast reader for the YAML that :func:`write_recommendations_yaml` writes.

ruamel.yaml (pure Python here) needs about 30 s for 8,000 imported recommendations; this
reader needs a fraction of a second. It accepts only the narrow shape we write: top-level
``recommendations:`` / ``voluntary_commitments:`` lists whose items are ``key: value`` lines
with JSON values (double-quoted strings, integers, lists of strings), plus comments and blank
lines. JSON values mean the same in YAML. Anything else (a hand-edited plain scalar, a
block scalar, a different indentation) returns None and the caller uses ruamel, so files a
person edited are read exactly as YAML reads them.
"""
from __future__ import annotations

import json
import re

_TOP = re.compile(r"^(recommendations|voluntary_commitments):[ \t]*(\[\])?[ \t]*$")
_ITEM = re.compile(r"^  (- |  )([a-z_]+): (.+?)[ \t]*$")


def parse(text: str):
    """``(data, positions)`` or None. ``positions[(top, index)]`` is the item's (line, col),
    ``positions[(top, index, key)]`` the value's (line, col), both 1-based."""
    data: dict = {}
    pos: dict = {}
    top = None
    item = None
    for lineno, line in enumerate(text.split("\n"), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        m = _TOP.match(line)
        if m:
            top = m.group(1)
            if top in data:
                return None
            data[top] = []
            item = None
            if m.group(2):
                top = None  # an empty list: nothing may follow
            continue
        m = _ITEM.match(line)
        if not m or top is None:
            return None
        dash, key, raw = m.groups()
        if raw[0] not in '"[-0123456789':
            return None
        try:
            value = json.loads(raw)
        except ValueError:
            return None
        if isinstance(value, float) or isinstance(value, dict):
            return None  # YAML and JSON may disagree on these: let ruamel decide
        if dash == "- ":
            item = {}
            data[top].append(item)
            pos[(top, len(data[top]) - 1)] = (lineno, 5)
        elif item is None or key in item:
            return None
        item[key] = value
        pos[(top, len(data[top]) - 1, key)] = (lineno, line.index(": ") + 3)
    if not data:
        return None
    return data, pos
