"""Compliance checking and fixing of ANY Word file (``uprdraft check`` / ``uprdraft fix``).

Public API (stable names):

- :func:`check_docx` -> findings.Report: effective fonts, sizes, emphasis in every story;
  word count against a limit; warnings for tables, images, text boxes, hyperlinks,
  comments, tracked changes, header/footer text.
- :func:`count_docx_words` -> ``{"body", "footnotes", "total"}`` by the HRC rule.
- :func:`fix_docx` -> findings.Report: a copy in the profile's font, size, no emphasis.
- :func:`first_paragraph_text` -> the visible text of the first non-empty body paragraph.

Modules: ``styles`` (effective-formatting resolver), ``stories`` (walking stories and
visible text), ``check`` (profile rules and findings), ``fix`` (the rewrite), ``settings``
(the rules' values as plain data), ``output`` (the lines a person reads). Reading and
writing the package itself is :mod:`uprdraft.ooxml`. Heavy imports happen inside the
functions, and the rules arrive as an argument: nothing global is read. With the default
rules pydantic is never imported.
"""
from __future__ import annotations

from pathlib import Path


def check_docx(source, profile: str | None = None, limit: int | None = None, status: str | None = None,
               name: str | None = None, rules=None):
    """Check a Word file (path or bytes) against a font profile and a word limit.

    ``profile`` defaults to ``rules.fonts.default_profile`` (hrc-written). ``limit`` wins over
    ``status`` (general|special|roster, mapped through ``rules.written.word_limit``). ``name``
    is the display name used in locations. ``rules``: None (the defaults), a ``Rules``, a
    mapping shaped like the YAML rules file or a path to one. Raises InputError (codes
    ``not-docx``, ``unreadable``, ``usage``) when there is nothing to check.
    """
    from ..gcpause import paused
    from ..ooxml.package import open_package
    from .check import check_package
    from .settings import settings

    resolved = settings(rules)  # plain defaults unless rules are given: pydantic stays unloaded
    # the collector stays paused until the paragraphs walked are freed again, so it never
    # scans the tens of thousands of them (see gcpause)
    with paused():
        pkg = open_package(source, name, resolved.limits)
        try:
            return check_package(pkg, resolved, profile, limit, status)
        finally:
            pkg.close()


def count_docx_words(source, name: str | None = None) -> dict:
    """Words of body + tables + text boxes, and of footnotes + endnotes, and their total."""
    from ..ooxml.package import open_package
    from .check import count_package_words

    pkg = open_package(source, name)
    try:
        return count_package_words(pkg)
    finally:
        pkg.close()


def fix_docx(source, output: str | Path | None = None, force: bool = False, profile: str | None = None,
             rules=None, name: str | None = None):
    """Write a copy of a Word file in the profile's font and size without emphasis.

    The text, paragraphs, footnotes, tables and tracked changes stay as they were. The
    result is checked again before it is written; nothing is written if it still fails.
    ``output`` defaults to ``NAME-fixed.docx`` beside the input. ``rules`` as in
    :func:`check_docx`.
    """
    from .fix import fix_file
    from .settings import settings

    return fix_file(source, settings(rules), output, force=force, profile=profile, name=name)


def first_paragraph_text(source, name: str | None = None) -> str | None:
    """The visible text of the first body paragraph that has any ("" when none has), where a
    statement's title must stand; None when the file cannot be read as a Word package (the
    caller's own check reports why)."""
    from ..findings import InputError
    from ..ooxml.package import open_package
    from .stories import walk_package

    try:
        pkg = open_package(source, name)
    except InputError:
        return None
    try:
        stories, _ = walk_package(pkg)
    except InputError:
        return None
    finally:
        pkg.close()
    for kind, paras in stories:
        if kind == "body":
            for para in paras:
                if para.text.strip():
                    return para.text
    return ""


def default_fix_output(source) -> Path:
    p = Path(source)
    return p.with_name(f"{p.stem}-fixed.docx")


__all__ = ["check_docx", "count_docx_words", "first_paragraph_text", "fix_docx"]
