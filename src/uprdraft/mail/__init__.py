"""The submission e-mail to the HRC secretariat: a gate, an .eml file, and SMTP sending.

:func:`build_email` checks everything the secretariat would check before it writes anything
(:mod:`.gate`). Only then does it write a message ready to send (:mod:`.message`): the
secretariat's form as a plain-text body (:mod:`.form`), the .docx attached, ``X-Unsent: 1``
so that mail programs open it as a draft. The same inputs and ``today`` give the same bytes.

:func:`send_email` (:mod:`.smtp`) sends the saved .eml, byte for byte, over SMTP with
STARTTLS, implicit TLS or (for local test servers) no TLS. :func:`submit` is ``uprdraft
email``: build, then send when asked; the .eml stays when sending fails.

Every public function takes ``rules=None`` (see :func:`uprdraft.rules.resolve`). Importing
this package is light: the modules load on first use.
"""
from __future__ import annotations

import datetime as dt
import importlib
from pathlib import Path
from typing import Any

from ..findings import InputError, Report, has_errors

__all__ = ["build_email", "send_email", "submit"]

_LAZY = {
    "send_email": ".smtp",
    "TLS_MODES": ".smtp",
    "compose": ".message",
    "message_bytes": ".message",
    "form_text": ".form",
    "check_submission": ".gate",
    "submission_findings": ".gate",
    "deadline_findings": ".gate",
    "KINDS": ".gate",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name], __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def build_email(input_path, docx_path, output=None, today: dt.date | None = None, late: bool = False,
                force: bool = False, rules=None) -> Report:
    """Check INPUT (``written-statement`` or ``submission``) and DOCX, then write the .eml.

    Returns a Report: findings (warnings only when the message was written), stats
    (``words`` from the .docx, ``limit``, ``deadline``, ``to``, ``subject``,
    ``message_id``) and ``output`` (the .eml path, or None when the gate refused).
    A deadline passed is an error unless ``late`` is true, which keeps it as a warning.
    ``today`` (default: the real date) decides the deadline and the Date header.
    """
    from .. import fileio
    from ..load import load
    from ..rules import resolve
    from .gate import check_kind, check_sender, check_submission, read_docx
    from .message import compose, date_for

    rules = resolve(rules)
    docx_path = Path(docx_path)
    out = Path(output) if output else fileio.default_output(docx_path, ".eml")
    fileio.check_writable(out, force)
    model, src = load(input_path)
    check_kind(model, src)
    docx_bytes = read_docx(docx_path)
    check_sender(model, src)
    findings, stats = check_submission(model, src, docx_path, docx_bytes, today, late, rules)
    if has_errors(findings):
        return Report(findings=findings, stats=stats, output=None)
    msg = compose(model, docx_path.name, docx_bytes, stats["words"], date_for(today), rules)
    fileio.write_atomic(out, msg.as_bytes(), force=force)
    stats.update(to=str(msg["To"]), subject=str(msg["Subject"]), message_id=str(msg["Message-ID"]))
    return Report(findings=findings, stats=stats, output=str(out))


def submit(input_path, docx_path, output=None, today: dt.date | None = None, late: bool = False,
           force: bool = False, send: bool = False, smtp_host: str | None = None, smtp_port: int | None = None,
           smtp_user: str | None = None, smtp_password: str | None = None, smtp_tls: str = "starttls",
           cafile: str | None = None, rules=None) -> Report:
    """``uprdraft email``: :func:`build_email`, then :func:`send_email` when ``send`` is true.

    The .eml is written before sending and stays when sending fails (InputError, exit 2,
    whose findings keep the build's warnings). ``stats["sent"]`` says whether it was sent;
    ``stats["smtp"]`` what was sent.
    """
    from ..rules import resolve
    from .smtp import check_options, send_email

    rules = resolve(rules)
    if send:
        check_options(smtp_host, smtp_user, smtp_password, smtp_tls)
    report = build_email(input_path, docx_path, output=output, today=today, late=late, force=force, rules=rules)
    if not send or not report.ok:
        report.stats["sent"] = False
        return report
    assert smtp_host is not None and report.output is not None  # checked above; written when ok
    try:
        report.stats["smtp"] = send_email(report.output, smtp_host, smtp_port, user=smtp_user,
                                          password=smtp_password, tls=smtp_tls, cafile=cafile, rules=rules)
    except InputError as e:
        raise InputError(report.findings + e.findings) from None
    report.stats["sent"] = True
    return report
