"""The self-check: every .docx we write is re-read by our own checker before we say so."""
from __future__ import annotations

from typing import Any

from .findings import ContentError, Report, error

BUG = "(a bug in uprdraft; please report it)"


def verify_docx(data: bytes, name: str, profile: str, words: dict[str, int] | None = None,
                limit: int | None = None, *, rules: Any = None, template: bool = False) -> Report:
    """Re-read a .docx we wrote with our own checker.

    A formatting error, or a word count that differs from the one we computed, is a bug in
    uprdraft when we chose the template: it is raised as a ContentError that says so, and
    nothing is written. With a coalition's own template (``template``) the same errors are
    the template's: they say to mend the template or choose a looser ``--profile``.
    """
    from .docx_check import check_docx

    report = check_docx(data, profile=profile, limit=limit, name=name, rules=_own_output(rules))
    if template:
        why = (f"(the template breaks the '{profile}' format: mend the template in Word, or choose another "
               "profile with --profile where the kind allows it)")
    else:
        why = BUG
    problems = [error(f.code, f"{name} as generated fails the '{profile}' check: {f.message} {why}", f.location)
                for f in report.findings if f.severity == "error" and f.code != "word-limit"]
    if words is not None and report.stats.get("words") != words:
        problems.append(error("word-count", f"{name}: word counts differ between the renderer {words} and the "
                                            f"checker {report.stats.get('words')} {BUG}"))
    if problems:
        raise ContentError(problems)
    return report


def _own_output(rules: Any) -> Any:
    """The checker's settings for a file we wrote: the same profiles and limits of words, but
    not the bounds that protect against hostile Word files (their size, parts, paragraphs):
    our output comes from an input that was itself bounded when it was read, and a long
    mid-term report must not be refused by its own self-check."""
    from dataclasses import replace

    from .docx_check.settings import settings

    base = settings(rules)
    big = 1 << 40
    return replace(base, limits=replace(base.limits, max_file_bytes=big, max_member_bytes=big, max_total_bytes=big,
                                        max_ratio=big, max_members=big, max_part_bytes=big, max_xml_bytes=big,
                                        max_paragraphs=big, max_runs=big))
