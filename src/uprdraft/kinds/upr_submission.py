"""UPR stakeholder submissions (``kind: upr-submission``) [S50, S51].

The rules (``rules.next_review.submission``; domain-rules.md section 12 and
docs/domain-rules-next-review.md):

- one State under review per submission (one ``state_under_review``) [S50];
- individual or joint; a joint submission names all its organisations at the top of the
  text (``joint_with``), an individual one names none (``joint-organisations``) [S50];
- length: the word limit by type (2,815 individual / 5,630 joint, unverified [S51]) is the
  default check, counted on the Word file we write as the checker counts it (footnotes
  counted unless ``count_footnotes`` is false); the page limits of the 2008 guide (5 / 10)
  are an estimate from ``words_per_page`` when ``length_check`` asks for them
  (``submission-length``);
- Word only, numbered paragraphs (real Word numbering) and numbered pages; an executive
  summary and key words (the schema requires them) [S50];
- no annexed reports of other organisations: an ``annex`` / ``annexes`` field is refused
  (``annex``) [S50];
- due by 12:00 noon Geneva time on the published ``deadline`` day; late submissions are not
  considered (``submission-deadline``); ``--today`` takes a date or a moment
  (``2027-03-28T12:01``, Geneva time unless an offset is given) [S50];
- the previous cycle's recommendations (``recommendations_file``) with their response and
  status, by theme, the organisation's assessment and new recommendations [S51];
  ``no-previous-recommendations`` when none is given.
"""
from __future__ import annotations

import datetime as dt
import math
from typing import Any

from ..findings import Finding, Report, error, warning
from ..kinds import Analysis, Request
from .recommendation_source import list_findings, load_recommendations


def deadline_moment(day: dt.date, rules: Any) -> dt.datetime:
    """12:00 noon Geneva time (the rule's time and zone) on the deadline day, time-zone aware;
    a deadline given with its time is that moment (Geneva time unless it has an offset)."""
    from zoneinfo import ZoneInfo

    r = rules.next_review.submission
    zone = ZoneInfo(r.timezone)
    if isinstance(day, dt.datetime):
        return day.astimezone(zone) if day.tzinfo else day.replace(tzinfo=zone)
    hour, minute = (int(x) for x in r.deadline_time.split(":"))
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=zone)


def _now(ctx: Any, tz: Any) -> tuple[dt.datetime | None, dt.date]:
    """(the moment when one is known, the day) in Geneva time."""
    if ctx.now is not None:
        now = ctx.now if ctx.now.tzinfo else ctx.now.replace(tzinfo=tz)
        now = now.astimezone(tz)
        return now, now.date()
    if ctx.today is not None:
        return None, ctx.today
    now = dt.datetime.now(tz)
    return now, now.date()


def deadline_findings(model: Any, src: Any, ctx: Any) -> list[Finding]:
    """On time until 12:00:00 Geneva time on the deadline day; from 12:00:01 late [S50]."""
    rules = ctx.rules
    r = rules.next_review.submission
    if model.deadline is None:
        return [warning("submission-deadline-unknown",
                        "no deadline given: add the published deadline as 'deadline:' (submissions are due by "
                        f"{r.deadline_time} Geneva time that day, and late ones are not considered)", src.locate(()))]
    cutoff = deadline_moment(model.deadline, rules)
    now, today = _now(ctx, cutoff.tzinfo)
    where = src.locate(("deadline",))
    day = cutoff.date()
    due = f"{day.isoformat()} at {cutoff.strftime('%H:%M')} Geneva time ({cutoff.strftime('UTC%z')})"
    if now is not None:
        if now > cutoff:
            late = now - cutoff
            return [error("submission-deadline", f"the deadline was {due}; it is now {now.strftime('%Y-%m-%d %H:%M')} "
                                                 f"Geneva time, {_span(late)} late: late submissions are not considered",
                          where)]
        left = cutoff - now
    else:
        if today > day:
            return [error("submission-deadline", f"the deadline was {due}, before {today.isoformat()}: late "
                                                 "submissions are not considered", where)]
        if today == day:
            return [warning("submission-deadline-today", f"due today, {due}: send it before "
                                                         f"{cutoff.strftime('%H:%M')} Geneva time (give --today with "
                                                         "a time to check the hour)", where)]
        left = dt.timedelta(days=(day - today).days)
    if left <= dt.timedelta(days=r.deadline_warn_days):
        rest = f"{_span(left)} left" if left > dt.timedelta(0) else "this is the last moment to send it"
        return [warning("submission-deadline-near", f"the deadline is {due}: {rest}", where)]
    return []


def _span(delta: dt.timedelta) -> str:
    minutes = math.ceil(delta.total_seconds() / 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    parts = [f"{days} day{'s' if days != 1 else ''}"] if days else []
    if hours:
        parts.append(f"{hours} hour{'s' if hours != 1 else ''}")
    if mins or not parts:
        parts.append(f"{mins} minute{'s' if mins != 1 else ''}")
    return " ".join(parts)


def length_findings(model: Any, src: Any, words: dict[str, int], rules: Any) -> tuple[list[Finding], dict[str, Any]]:
    r = rules.next_review.submission
    kind = model.submission_type
    counted = words["total"] if r.count_footnotes else words["body"]
    limit, page_limit = r.word_limit[kind], r.page_limit[kind]
    pages = math.ceil(counted / r.words_per_page) if counted else 0
    what = "including footnotes" if r.count_footnotes else "footnotes not counted"
    findings = []
    where = src.locate(("submission_type",))
    if r.length_check in ("words", "both") and counted > limit:
        over = counted - limit
        article = "an" if kind == "individual" else "a"
        findings.append(error("submission-length",
                              f"the submission has {counted} words ({what}), over the {limit}-word limit for "
                              f"{article} {kind} submission; cut {over} word{'s' if over != 1 else ''}", where))
    if r.length_check in ("pages", "both") and pages > page_limit:
        findings.append(error("submission-length",
                              f"the submission fills about {pages} pages ({counted} words at about "
                              f"{r.words_per_page} a page), over the {page_limit}-page limit for this type; shorten it",
                              where))
    stats = {"words": words, "counted_words": counted, "limit": limit, "footnotes_counted": r.count_footnotes,
             "pages_estimate": pages, "page_limit": page_limit, "length_check": r.length_check}
    return findings, stats


def analyse(model: Any, src: Any, ctx: Any, request: Request | None = None) -> Analysis:
    from ..docx_check import count_docx_words
    from ..recommendation_stats import midterm_statistics
    from ..render.next_review import render_submission
    from ..render.upr_mail import subject

    rules = ctx.rules
    recs, locs = load_recommendations(model, src, request)
    findings: list[Finding] = []
    for name in ("annex", "annexes"):
        if getattr(model, name) is not None and not rules.next_review.submission.annexes_allowed:
            findings.append(error("annex", f"{name}: a UPR submission annexes no reports of other organisations; put "
                                           "the key facts in the text and cite the reports in footnotes ([^...])",
                                  src.locate((name,))))
    if model.submission_type == "joint" and not model.joint_with:
        findings.append(error("joint-organisations", "a joint submission lists all its organisations at the top: "
                                                     "name the others in joint_with", src.locate(("submission_type",))))
    if model.submission_type == "individual" and model.joint_with:
        findings.append(error("joint-organisations", "joint_with names other organisations: make it "
                                                     "submission_type: joint, or remove them",
                              src.locate(("joint_with",))))
    if model.wg_report_symbol is not None or recs:
        findings += list_findings(recs, locs, rules, model.wg_report_symbol, src.locate(("wg_report_symbol",)))
    if not recs:
        findings.append(warning("no-previous-recommendations",
                                "no recommendations of the previous review: from the third cycle on, a submission "
                                "focuses on their implementation; give recommendations_file", src.locate(())))
    try:
        model.contact.email.encode("ascii")
    except UnicodeEncodeError:
        findings.append(error("email", "contact.email: give an address with an ASCII user name (it is the sender "
                                       "of the e-mail draft)", src.locate(("contact", "email"))))
    findings += deadline_findings(model, src, ctx)
    docx = render_submission(model, recs, ctx.but(template=None))
    words = count_docx_words(docx)
    length, stats = length_findings(model, src, words, rules)
    findings += length
    stats.update(type=model.submission_type, state=model.state_under_review,
                 recommendations=midterm_statistics(recs, rules), subject=subject(model, rules))
    if model.deadline is not None:
        stats["deadline"] = deadline_moment(model.deadline, rules).isoformat()
    return Analysis(model, src, findings, stats, {"recs": recs, "docx": docx})


# --------------------------------------------------------------------------- outputs
def write_docx(analysis: Analysis, ctx: Any) -> bytes:
    from ..render.next_review import render_submission

    if ctx.template is None:
        return bytes(analysis.content["docx"])  # rendered once already, to count its words
    data = render_submission(analysis.model, analysis.content["recs"], ctx)
    analysis.content["custom_docx"] = data
    return data


def write_eml(analysis: Analysis, ctx: Any) -> bytes:
    from ..render.upr_mail import compose

    target = analysis.targets.get("document")
    name = target.name if target is not None else "submission.docx"
    data = analysis.content.get("custom_docx") or analysis.content["docx"]
    return compose(analysis.model, name, data, ctx.today, ctx.rules)


def write_ics(analysis: Analysis, ctx: Any) -> bytes:
    from ..ics import Entry, build_calendar, stable_uid

    m = analysis.model
    r = ctx.rules.next_review.submission
    if m.deadline is None:
        from ..findings import InputError

        raise InputError("--ics: the calendar entry needs the published deadline: add 'deadline:' to the input",
                         code="usage")
    cutoff = deadline_moment(m.deadline, ctx.rules)
    kind = r.subject_types[m.submission_type]
    entry = Entry(uid=stable_uid("upr-submission", m.state_under_review, m.organisation.name, cutoff.date()),
                  summary=f"UPR submission due ({kind}): {m.state_under_review}, {cutoff.strftime('%H:%M')} "
                          "Geneva time",
                  start=cutoff, end=cutoff + dt.timedelta(minutes=15),
                  description=f"Send the {kind} UPR submission on {m.state_under_review} to {r.to} before "
                              f"{cutoff.strftime('%H:%M')} Geneva time; late submissions are not considered.",
                  alarm_before=dt.timedelta(days=r.reminder_days_before),
                  alarm_text=f"UPR submission on {m.state_under_review} due in {r.reminder_days_before} days")
    return build_calendar([entry], stamp=cutoff - dt.timedelta(days=r.reminder_days_before),
                          name=f"UPR submission: {m.state_under_review}")


def summary_lines(report: Report) -> list[str]:
    s = report.stats
    written = ", ".join(str(p) for p in (report.output, s.get("eml"), s.get("ics")) if p)
    return [f"wrote {written} ({s.get('type')} submission: {s.get('counted_words')} words of {s.get('limit')}, "
            f"about {s.get('pages_estimate')} page{'s' if s.get('pages_estimate') != 1 else ''})"]
