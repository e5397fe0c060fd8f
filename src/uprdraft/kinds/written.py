"""Written statements: the rules of domain-rules.md section 1 applied to a model.

``statement_content`` turns a model into exactly the text that goes into the Word file
(title, paragraphs, footnotes), so the word count we report is the count of what we write.
``written_findings`` applies the rules: who may submit, the word limit by consultative
status, co-sponsors, the deadline. ``render_written_statement`` (in :mod:`uprdraft.api`)
writes the .docx.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..findings import Finding, error, warning
from ..kinds import Analysis, Request
from ..wordcount import count_words
from ..xmltext import clean_text, has_illegal


@dataclass
class Paragraph:
    segments: list  # str | Footnote text wrapper (render.docx_render.Footnote)
    line: int = 0


@dataclass
class StatementContent:
    title: list  # segments: the title, then the supporters footnote if any
    paragraphs: list[Paragraph]
    issues: list = field(default_factory=list)  # markdown.Issue

    def words(self) -> dict:
        from ..render.docx_render import Footnote

        body = notes = 0
        for segs in [self.title] + [p.segments for p in self.paragraphs]:
            # each paragraph on its own: a word never runs across two paragraphs, and a
            # footnote reference inside a paragraph separates nothing (as in Word)
            body += count_words("".join(s for s in segs if isinstance(s, str)))
            notes += sum(count_words(s.text) for s in segs if isinstance(s, Footnote))
        return {"body": body, "footnotes": notes, "total": body + notes}


# --------------------------------------------------------------------------- rule helpers
def ordered_cosponsors(model, rules) -> list:
    """Co-sponsors grouped General, Special, Roster, keeping the given order in a group [S2]."""
    order = rules.written.cosponsor_order
    rank = {status: i for i, status in enumerate(order)}
    return sorted(model.co_sponsors, key=lambda o: rank.get(o.status, len(order)))  # sorted() is stable


def status_label(status: str, language: str, rules) -> str:
    labels = rules.written.status_labels
    return labels.get(language, labels["en"]).get(status, status)


def applicable_limit(model, rules) -> int | None:
    """Word limit from the lead NGO's consultative status (or the lowest among ECOSOC
    co-sponsors with ``joint_limit_rule: strict_min``)."""
    limits = rules.written.word_limit
    lead = limits.get(model.organisation.status)
    if lead is None:
        return None
    if rules.written.joint_limit_rule == "strict_min":
        others = [limits[o.status] for o in model.co_sponsors if o.status in limits]
        return min([lead, *others])
    return lead


def deadline_for(model, rules) -> tuple[dt.date | None, str]:
    """The submission deadline and where it comes from."""
    if model.deadline:
        return model.deadline, "the deadline published for this session"
    if model.session_start:
        days = rules.written.deadline_days_before
        return model.session_start - dt.timedelta(days=days), f"{days} days before the session opens"
    return None, ""


def supporters_note(model, rules) -> str | None:
    """The footnote to the title naming NGOs without consultative status [S1, S2]."""
    if not model.supporters:
        return None
    from ..i18n import format_list

    wording = rules.written.supporter_footnote
    w = wording.get(model.language, wording["en"])
    names = format_list(model.supporters, model.language)
    return (w["one"] if len(model.supporters) == 1 else w["many"]).format(names=names)


# --------------------------------------------------------------------------- content
def statement_content(model, rules) -> StatementContent:
    from ..markdown import parse_body
    from ..render.docx_render import Footnote

    body = parse_body(model.body, model.footnotes)
    title: list = [clean_text(model.title).strip()]
    note = supporters_note(model, rules)
    if note:
        title.append(Footnote(note))
    paragraphs = []
    for block in body.blocks:
        segs: list = [block.prefix] if block.prefix else []
        for s in block.segments:
            if isinstance(s, str):
                segs.append(clean_text(s))
            else:
                segs.append(Footnote(clean_text(" ".join(body.notes.get(s.label, [""])))))
        paragraphs.append(Paragraph(segs, block.line))
    return StatementContent(title, paragraphs, body.issues)


def status_findings(model, src, rules) -> list[Finding]:
    """Who may submit [S1, S2, S4]: a lead and co-sponsors in ECOSOC consultative status."""
    allowed = rules.written.statuses_allowed
    out = []
    if model.organisation.status not in allowed:
        out.append(error(
            "consultative-status",
            f"organisation.status: only an NGO in ECOSOC consultative status can submit a written statement; "
            f"'{model.organisation.name}' has none, so a partner with status must lead and '{model.organisation.name}' "
            "can join as a supporter",
            src.locate(("organisation", "status"))))
    for i, org in enumerate(model.co_sponsors):
        if org.status not in allowed:
            out.append(error(
                "consultative-status",
                f"co_sponsors.{i}: '{org.name}' has no ECOSOC consultative status and cannot co-sponsor; "
                "move it to 'supporters' (it will be named in a footnote to the title)",
                src.locate(("co_sponsors", i, "status"))))
    return out


def _fmt(n: int, language: str) -> str:
    return f"{n:,}" if language == "en" else f"{n:,}".replace(",", "\u202f")


def analyse(model, src, ctx, request: Request | None = None) -> Analysis:
    """The written statement's rule findings, statistics and the content to write."""
    content = statement_content(model, ctx.rules)
    findings, stats = written_findings(model, src, ctx.rules, ctx.date(), content)
    return Analysis(model, src, findings, stats, content)


def written_findings(model, src, rules, today: dt.date,
                     content: StatementContent | None = None) -> tuple[list[Finding], dict]:
    """All rule findings for a written statement, and its statistics."""
    from ..load import body_location

    content = content or statement_content(model, rules)
    findings: list[Finding] = []

    findings.extend(status_findings(model, src, rules))
    for name in ("title", "body"):
        if not clean_text(getattr(model, name)).strip():
            findings.append(error("schema", f"{name}: has no visible text", src.locate((name,))))
    # stray control characters are stripped, say so
    for name in ("title", "body"):
        if has_illegal(getattr(model, name)):
            findings.append(warning("control-characters",
                                    f"{name}: invisible control characters were removed (they cannot be stored in a Word file)",
                                    src.locate((name,))))

    # body reading issues (emphasis, footnotes)
    for issue in content.issues:
        findings.append(Finding(issue.code, issue.severity, issue.message,
                                body_location(src, issue.line, issue.col)))

    # word limit [S1, S3, S49], footnotes counted [S2]
    words = content.words()
    counted = words["total"] if rules.written.count_footnotes else words["body"]
    limit = applicable_limit(model, rules)
    if limit is not None and counted > limit:
        over = counted - limit
        findings.append(error(
            "word-limit",
            f"the statement has {_fmt(counted, 'en')} words (title, body and footnotes); the limit for an NGO in "
            f"{model.organisation.status} consultative status is {_fmt(limit, 'en')}: cut {over} word{'s' if over > 1 else ''}",
            src.locate(("body",))))

    # deadline [S2, S3, S4, S5]
    deadline, basis = deadline_for(model, rules)
    if deadline is not None:
        days_left = (deadline - today).days
        where = src.locate(("deadline",)) if model.deadline else src.locate(("session_start",))
        if days_left < 0:
            findings.append(warning(
                "deadline-passed",
                f"the deadline was {deadline.isoformat()} ({basis}), {-days_left} day{'s' if days_left < -1 else ''} ago: "
                "the secretariat may refuse a late statement, and 'uprdraft email' needs --late to send it",
                where))
        elif days_left <= rules.written.deadline_warn_days:
            findings.append(warning(
                "deadline-near",
                f"the deadline is {deadline.isoformat()} ({basis}): {days_left} day{'s' if days_left != 1 else ''} left",
                where))
    stats = {"words": words, "limit": limit,
             "deadline": deadline.isoformat() if deadline else None,
             "footnotes": sum(1 for p in [content.title] + [q.segments for q in content.paragraphs]
                              for s in p if not isinstance(s, str)),
             "paragraphs": len(content.paragraphs)}
    return findings, stats


def write_docx(analysis: Analysis, ctx) -> bytes:
    from ..render.written import render_written_docx

    return render_written_docx(analysis.model, analysis.content, ctx)


def summary_lines(report) -> list[str]:
    return [f"wrote {report.output}"] if report.output else []
