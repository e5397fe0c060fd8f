"""YAML mistakes explained in plain words, with the line as it should be written.

Officers type prose into YAML; the commonest syntax errors come from a few characters that
YAML reads as syntax: a colon followed by a space inside a value, ``" #"`` (a comment), a
value starting with ``*``, ``&``, ``!``, ``%``, ``@`` or a backtick, and tabs. When one of
them explains the error, we say so and show the quoted form to copy.
"""
from __future__ import annotations

import re

_LINE = re.compile(r"""^(?P<lead>[ ]*(?:-[ ]+)*)
    (?:(?P<key>[^\s\-#'"\[\]{},:][^:#]*?|"[^"]*"|'[^']*'):(?:[ \t]+|$))?
    (?P<value>.*?)\s*$""", re.VERBOSE)

_INDICATORS = {
    "*": "a reference to an anchor (*name)",
    "&": "an anchor name (&name)",
    "!": "a tag (!name)",
    "%": "a directive",
    "@": "a reserved character",
    "`": "a reserved character",
}


def quoted(text: str) -> str:
    """``text`` as a YAML quoted scalar (double quotes unless it holds only double quotes)."""
    if '"' in text and "'" not in text:
        return f"'{text}'"
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def explain(text: str, line: int | None, col: int | None, problem: str) -> tuple[str, int] | None:
    """(plain-words message, 0-based column of the value to quote) for a YAML error at
    ``line`` (0-based), or None when none of the usual causes fits."""
    lines = text.splitlines()
    if line is None or not 0 <= line < len(lines):
        return None
    raw = lines[line]
    if "\t" in raw[: len(raw) - len(raw.lstrip(" \t"))] or (col is not None and raw[col:col + 1] == "\t"):
        tab = raw.find("\t")
        return (("invalid YAML: this line holds a tab character; YAML lines are indented with spaces only: "
                "replace the tab with spaces"), max(tab, 0))
    m = _LINE.match(raw)
    if not m:
        return None
    lead, key, value = m.group("lead"), m.group("key"), m.group("value")
    at = m.start("value")
    if not value or value[0] in "\"'|>":
        return None
    after = f"the text after '{key}:'" if key else "this item"
    fixed = f"{lead}{key + ': ' if key else ''}{quoted(value)}"
    if value[0] in _INDICATORS:
        return ((f"invalid YAML: {after} starts with '{value[0]}', which YAML reads as {_INDICATORS[value[0]]}; "
                f"put the text in quotes: {fixed.strip()}"), at)
    if value[0] in "[{":
        if _balanced(value):
            return None
        return ((f"invalid YAML: {after} starts with '{value[0]}', which YAML reads as a list or mapping in "
                f"brackets; write one item per line starting with '- ', or put the text in quotes: "
                f"{fixed.strip()}"), at)
    if ": " in value or value.endswith(":"):
        return ((f"invalid YAML: {after} contains ': ', which YAML reads as the start of another field; put the "
                f"whole text in quotes: {fixed.strip()}"), at)
    if " #" in value:
        return ((f"invalid YAML: {after} contains ' #', which YAML reads as the start of a comment; put the "
                f"whole text in quotes: {fixed.strip()}"), at)
    return None


def _balanced(value: str) -> bool:
    depth = 0
    for ch in value:
        depth += ch in "[{"
        depth -= ch in "]}"
        if depth < 0:
            return False
    return depth == 0
