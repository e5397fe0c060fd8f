"""The submission e-mail to the HRC secretariat: the gate (input + .docx) and the .eml.

The rules live in :mod:`uprdraft.mail` (gate, form text, message); this module fits them
into the pipeline: ``analyse`` runs the gate, ``write_eml`` composes the draft.
"""
from __future__ import annotations

from ..kinds import Analysis, Request


def analyse(model, src, ctx, request: Request | None = None) -> Analysis:
    """With a .docx (``uprdraft email``): the whole gate. Alone (``validate``): the form's rules."""
    from ..mail.gate import check_sender, check_submission, read_docx, submission_findings

    late = bool(request.options.get("late", False)) if request else False
    docx = request.inputs.get("docx") if request else None
    if docx is None:
        findings, stats = submission_findings(model, src, ctx.today, late, ctx.rules)
        return Analysis(model, src, findings, stats)
    data = read_docx(docx)
    check_sender(model, src)
    findings, stats = check_submission(model, src, docx, data, ctx.today, late, ctx.rules)
    return Analysis(model, src, findings, stats, inputs={"docx": (docx, data)})


def write_eml(analysis: Analysis, ctx) -> bytes:
    """The draft message; its To, Subject and Message-ID go into the stats."""
    from ..mail.message import compose, date_for

    docx, data = analysis.inputs["docx"]
    msg = compose(analysis.model, docx.name, data, analysis.stats["words"], date_for(ctx.today), ctx.rules)
    analysis.stats.update(to=str(msg["To"]), subject=str(msg["Subject"]), message_id=str(msg["Message-ID"]))
    return bytes(msg.as_bytes())


def summary_lines(report) -> list[str]:
    if not report.output:
        return []
    sent = report.stats.get("smtp", {}).get("to", [None])[0] if report.stats.get("sent") else None
    return [f"wrote {report.output}" + (f" and sent it to {sent}" if sent else "")]
