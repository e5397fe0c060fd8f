"""Text that can go into Word XML.

XML 1.0 forbids most C0 control characters (``\\x00-\\x08 \\x0b \\x0c \\x0e-\\x1f``), the
non-characters ``\\ufffe`` and ``\\uffff`` and lone surrogates; any of them corrupts a .docx.
uprdraft **strips** them (documented in the README) rather than rejecting the input: they
are invisible leftovers of copy and paste. Tabs and line breaks are kept (a line break
inside a paragraph becomes a space), and ``\\r\\n``/``\\r`` become ``\\n``.
"""
from __future__ import annotations

import re

ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def clean_text(text: str) -> str:
    """Remove XML-illegal characters and normalise line endings."""
    return ILLEGAL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def has_illegal(text: str) -> bool:
    return ILLEGAL.search(text) is not None


def clean_context(value):
    """Clean every string inside a (nested) render context."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, dict):
        return {k: clean_context(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(clean_context(v) for v in value)
    return value
