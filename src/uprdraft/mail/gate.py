"""The gate of the submission e-mail: everything the secretariat would check, before anything
is written [S1-S5].

The .docx against the ``hrc-written`` profile (fonts, emphasis, word count including
footnotes) with the limit for the lead NGO's status; the statement's own rules (from
:mod:`uprdraft.written` for a written statement, :func:`submission_findings` for a
submission form); the deadline; the title opening the Word file. Returns findings and stats;
writes nothing.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..findings import ContentError, Finding, InputError, error, warning

KINDS = ("written-statement", "submission")
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def read_docx(docx_path: Path) -> bytes:
    """The Word file's bytes; InputError ``not-docx`` when it is plainly not a .docx."""
    from ..fileio import read_bytes

    data = read_bytes(docx_path, "Word file")
    if not data.startswith(b"PK"):
        raise InputError(f"{docx_path}: not a Word .docx file; save it from Word as .docx (not PDF or .doc)",
                         code="not-docx")
    return data


def check_kind(model, src) -> None:
    """ContentError unless the input is a written statement or a submission form."""
    if model.kind not in KINDS:
        raise ContentError(error("schema", f"kind: 'uprdraft email' takes a written-statement or a submission "
                                           f"file, not '{model.kind}'", src.locate(("kind",))))


def check_sender(model, src) -> None:
    """ContentError when ``contact.email`` cannot be the From address of a message."""
    from .message import ascii_address

    try:
        ascii_address(model.contact.email)
    except ValueError as e:
        raise ContentError(error("email", f"contact.email: cannot be used as the sender ({e}); give an address "
                                          "with an ASCII user name", src.locate(("contact", "email")))) from None


def deadline_findings(model, src, today: dt.date, late: bool, rules) -> list[Finding]:
    """The deadline gate of the e-mail [S2, S3, S4, S5].

    Past the deadline (the published ``deadline``, else ``deadline_days_before`` days before
    ``session_start``) is an error unless ``late``, which keeps it as a warning. Without a
    published deadline, fewer than ``hard_min_days`` before the session opens breaks the
    secretariat's own "two weeks" rule: an error that ``late`` does not lift.
    """
    from ..kinds.written import deadline_for

    written = rules.written
    deadline, basis = deadline_for(model, rules)
    if deadline is None:
        return [warning("deadline-unknown", "no deadline known: give session_start (or the published deadline) to "
                                    "check that the statement is on time", src.locate(()))]
    where = src.locate(("deadline",)) if model.deadline else src.locate(("session_start",))
    days_late = (today - deadline).days
    if days_late <= 0:
        left = -days_late
        if left <= written.deadline_warn_days:
            return [warning("deadline-near", f"the deadline is {deadline.isoformat()} ({basis}): "
                                        f"{left} day{'s' if left != 1 else ''} left", where)]
        return []
    if not model.deadline and model.session_start and (model.session_start - today).days < written.hard_min_days:
        return [error("deadline", f"the session opens on {model.session_start.isoformat()}, less than "
                                  f"{written.hard_min_days} days from {today.isoformat()}: too late for a written "
                                  "statement; if the secretariat published a later deadline for this session, "
                                  "give it as 'deadline:'", where)]
    what = (f"the deadline was {deadline.isoformat()} ({basis}), {days_late} day{'s' if days_late > 1 else ''} "
            f"before {today.isoformat()}")
    if late:
        return [warning("deadline-passed", f"{what}; prepared late with --late: the secretariat may refuse it", where)]
    return [error("deadline", f"{what}; to prepare the e-mail anyway, add --late", where)]


def submission_findings(model, src, today: dt.date | None = None, late: bool = False,
                        rules=None) -> tuple[list[Finding], dict]:
    """Rule findings of the form alone (``uprdraft validate`` on a ``submission``); the
    word count needs the .docx and is checked by :func:`check_submission`.
    ``rules``: see :func:`uprdraft.rules.resolve`."""
    from ..kinds.written import applicable_limit, deadline_for, status_findings
    from ..rules import resolve

    rules = resolve(rules)
    today = today or dt.date.today()
    findings = status_findings(model, src, rules) + deadline_findings(model, src, today, late, rules)
    if not model.segment:
        findings.append(warning("segment", "segment: not given; the secretariat's form asks for it "
                                           "(general-debate, interactive-dialogue or panel)", src.locate(())))
    deadline = deadline_for(model, rules)[0]
    return findings, {"limit": applicable_limit(model, rules), "deadline": deadline.isoformat() if deadline else None}


def _main_document(docx_bytes: bytes):
    """The main document part, parsed by the safe package reader; None when it cannot be read.
    The one place where the gate reads WordprocessingML."""
    from ..ooxml import open_package

    try:
        pkg = open_package(docx_bytes)
        return pkg.xml(pkg.main)
    except InputError:
        return None


def _run_text(run) -> str:
    out = []
    for el in run:
        tag = el.tag
        if tag == _W + "t":
            out.append(el.text or "")
        elif tag in (_W + "tab", _W + "ptab"):
            out.append("\t")
        elif tag == _W + "cr" or (tag == _W + "br" and el.get(_W + "type") in (None, "textWrapping")):
            out.append("\n")
        elif tag == _W + "noBreakHyphen":
            out.append("-")
    return "".join(out)


def first_text(docx_bytes: bytes) -> str | None:
    """The first non-empty paragraph of the document body (runs and hyperlinks; tables are
    not paragraphs): where the title must be [S1, S2]. None when the file cannot be read (the
    check is skipped), "" when the body has no text."""
    root = _main_document(docx_bytes)
    body = root.find(_W + "body") if root is not None else None
    if body is None:
        return None
    for p in body.iterchildren(_W + "p"):
        runs = [r for el in p.iterchildren(_W + "r", _W + "hyperlink")
                for r in ((el,) if el.tag == _W + "r" else el.iterchildren(_W + "r"))]
        text = "".join(_run_text(r) for r in runs)
        if text.strip():
            return text
    return ""


def _same_text(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def check_submission(model, src, docx_path, docx_bytes: bytes, today: dt.date | None, late: bool,
                     rules) -> tuple[list[Finding], dict]:
    """Every finding that stops the e-mail, and the stats: ``words`` (from the Word file),
    ``limit``, ``deadline``.

    The .docx is checked against the ``hrc-written`` profile with the limit for the lead
    NGO's status (``word-limit`` comes from the file: it is what the secretariat counts).
    """
    from ..docx_check import check_docx
    from ..kinds.written import applicable_limit, deadline_for, written_findings
    from .message import check_email_rules

    rules_warnings = check_email_rules(rules)  # InputError before any work for values that cannot be sent
    today = today or dt.date.today()
    limit = applicable_limit(model, rules)
    check = check_docx(docx_bytes, profile="hrc-written", limit=limit, name=str(docx_path), rules=rules)
    words = check.stats.get("words", {})
    findings = list(check.findings)
    if model.kind == "written-statement":
        rule_findings, input_stats = written_findings(model, src, rules, today)
        # the file's word count and deadline gate replace the input's
        findings += [f for f in rule_findings if f.code not in ("word-limit", "deadline-passed", "deadline-near")]
        findings += deadline_findings(model, src, today, late, rules)
        if input_stats.get("words") and words and input_stats["words"].get("total") != words.get("total"):
            findings.append(warning(
                "word-count-differs",
                f"the Word file has {words.get('total')} words but the input gives {input_stats['words'].get('total')}; "
                "the Word file is what is sent: check that it is the latest version", str(docx_path)))
    else:
        findings += submission_findings(model, src, today, late, rules)[0]
    first = first_text(docx_bytes)
    if first is not None and not _same_text(first, model.title):
        findings.append(warning(
            "title",
            f"the Word file starts with \"{first[:40]}\", not with the title on the form; the title must open "
            "the statement exactly as on the form", f"{docx_path}: document, paragraph 1"))
    findings += rules_warnings
    deadline = deadline_for(model, rules)[0]
    stats = {"words": words, "limit": limit, "deadline": deadline.isoformat() if deadline else None}
    return findings, stats
