"""Compliance checking and fixing of ANY Word file (``uprdraft check`` / ``uprdraft fix``).

Public API (stable names):

- :func:`check_docx` -> findings.Report: effective fonts, sizes, emphasis in every story;
  word count against a limit; warnings for tables, images, text boxes, hyperlinks,
  comments, tracked changes, header/footer text.
- :func:`count_docx_words` -> ``{"body", "footnotes", "total"}`` by the HRC rule.
- :func:`fix_docx` -> findings.Report: a copy in the profile's font, size, no emphasis.

Modules: ``xml`` (hardened parser, namespaces), ``package`` (safe zip reading, main part),
``styles`` (effective-formatting resolver), ``stories`` (walking stories and visible text),
``check`` (profile rules and findings), ``fix`` (the rewrite), ``build`` (tiny .docx maker
for tests and benchmarks). Heavy imports happen inside the functions.
"""
from __future__ import annotations

from pathlib import Path


def check_docx(source, profile: str | None = "hrc-written", limit: int | None = None,
               status: str | None = None, name: str | None = None, rules=None):
    """Check a Word file (path or bytes) against a font profile and a word limit.

    ``limit`` wins over ``status`` (general|special|roster, mapped through
    ``rules.written.word_limit``). ``name`` is the display name used in locations.
    Raises InputError (codes ``not-docx``, ``unreadable``, ``usage``) when there is
    nothing to check.
    """
    from .check import check_package
    from .package import open_package

    pkg = open_package(source, name)
    try:
        return check_package(pkg, profile, limit, status)
    finally:
        pkg.zf.close()


def count_docx_words(source, name: str | None = None) -> dict:
    """Words of body + tables + text boxes, and of footnotes + endnotes, and their total."""
    from .check import count_package_words
    from .package import open_package

    pkg = open_package(source, name)
    try:
        return count_package_words(pkg)
    finally:
        pkg.zf.close()


def fix_docx(source, output: str | Path | None = None, force: bool = False,
             profile: str | None = "hrc-written", name: str | None = None, rules=None):
    """Write a copy of a Word file in the profile's font and size without emphasis.

    The text, paragraphs, footnotes, tables and tracked changes stay as they were. The
    result is checked again before it is written; nothing is written if it still fails.
    ``output`` defaults to ``NAME-fixed.docx`` beside the input.
    """
    from .fix import fix_file

    return fix_file(source, output, force=force, profile=profile, name=name)


def default_fix_output(source) -> Path:
    p = Path(source)
    return p.with_name(f"{p.stem}-fixed.docx")


__all__ = ["check_docx", "count_docx_words", "fix_docx"]
