"""Which form field a finding is about.

A finding names a place in the input file (``input.json:12:5``). The JSON text the form's
data was written as is read again with the same YAML reader as :mod:`uprdraft.load`, and
every key and value position is indexed by its field path (``organisation.status``,
``co_sponsors.1.name``); a location then maps back to its field. Findings without a
position in the file fall back to the field named at the start of their message
(``title: has no visible text``), the form's own convention for schema errors.
"""
from __future__ import annotations

import re
from typing import Any

LOCATION = re.compile(r":(\d+):(\d+)$")
LEADING_FIELD = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*):\s")


def index_positions(text: str) -> dict[tuple[int, int], str]:
    """(line, col) (1-based) of every key and value -> its dotted field path."""
    from ruamel.yaml import YAML

    if not text:
        return {}
    try:
        tree = YAML(typ="rt").load(text)
    except Exception:  # the JSON we wrote ourselves; a failure only loses the mapping
        return {}
    out: dict[tuple[int, int], str] = {}

    def walk(node: Any, path: tuple[str, ...]) -> None:
        lc = getattr(node, "lc", None)
        if isinstance(node, dict):
            for key, value in node.items():
                sub = (*path, str(key))
                if lc is not None:
                    try:
                        kl, kc = lc.key(key)
                        out.setdefault((kl + 1, kc + 1), ".".join(sub))
                        vl, vc = lc.value(key)
                        out.setdefault((vl + 1, vc + 1), ".".join(sub))
                    except (KeyError, TypeError, AttributeError):
                        pass
                walk(value, sub)
        elif isinstance(node, list):
            for i, value in enumerate(node):
                sub = (*path, str(i))
                if lc is not None:
                    try:
                        il, ic = lc.item(i)
                        out.setdefault((il + 1, ic + 1), ".".join(sub))
                    except (KeyError, TypeError, AttributeError, IndexError):
                        pass
                walk(value, sub)

    walk(tree, ())
    return out


def field_of(finding: dict[str, Any], positions: dict[tuple[int, int], str]) -> str | None:
    """The dotted field path a finding (as in the JSON report) is about, or None (the whole
    document)."""
    message = str(finding.get("message", ""))
    lead = LEADING_FIELD.match(message)
    if lead and not message.startswith("http"):
        return lead.group(1)
    m = LOCATION.search(str(finding.get("location", "")))
    if m:
        where = (int(m.group(1)), int(m.group(2)))
        if where in positions:
            return positions[where]
    return None


def annotate(report: dict[str, Any], text: str) -> dict[str, Any]:
    """A copy of the JSON report whose findings also say their ``field``."""
    positions = index_positions(text)
    out = dict(report)
    out["findings"] = [{**f, "field": field_of(f, positions)} for f in report.get("findings", [])]
    return out
