"""Pre-session statements (``kind: pre-session-statement``) [S53].

The statement a civil-society speaker reads at a pre-session on the State under review
(UPR Info, about a month before the review). Rules (``rules.next_review.pre_session``):

- each speaker has about 5 to 7 minutes (``min_seconds``-``max_seconds``): the statement is
  timed like an oral statement (:mod:`uprdraft.timing`, the pace and pauses of
  ``rules.oral``); over the limit is an error (``pre-session-time``), within 5% of it a
  warning (``time-limit-near``), under the minimum a warning (``pre-session-short``);
- in English (``language``): another language is a warning (``pre-session-language``);
- due to the organisers two weeks before ``pre_session_date`` (``days_before_due``):
  passed or close, a warning (``pre-session-due``, ``pre-session-due-near``);
- the organisation's description is at most 200 words (``description-length``).

Outputs: the speaker's script in large print (.docx) and, with ``--text``, the text to send.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from ..findings import Finding, Report, error, warning
from ..kinds import Analysis, Request
from ..text import clock, paragraphs
from ..timing import Paragraph, time_paragraphs, words_to_cut
from ..wordcount import count_words


def timing(model: Any, rules: Any) -> dict[str, Any]:
    """The spoken paragraphs with their cumulative times, the words and the limit."""
    paras = [Paragraph("body", p, count_words(p)) for p in paragraphs(model.body)]
    wpm = model.words_per_minute or rules.oral.words_per_minute
    words, exact = time_paragraphs(paras, wpm, rules.oral.pause_seconds_per_paragraph)
    limit = model.time_limit_seconds or rules.next_review.pre_session.max_seconds
    return {"paragraphs": paras, "words": words, "exact_seconds": exact, "seconds": round(exact, 1),
            "limit_seconds": limit, "words_per_minute": wpm}


def due_date(model: Any, rules: Any) -> dt.date:
    return model.pre_session_date - dt.timedelta(days=rules.next_review.pre_session.days_before_due)


def analyse(model: Any, src: Any, ctx: Any, request: Request | None = None) -> Analysis:
    rules = ctx.rules
    ps = rules.next_review.pre_session
    loc = src.locate
    findings: list[Finding] = []
    if model.language != ps.language:
        findings.append(warning("pre-session-language", f"pre-sessions are held in English; this statement is in "
                                                        f"'{model.language}': check with the organisers, or translate "
                                                        "it", loc(("language",))))
    lo, hi = rules.oral.words_per_minute_range
    t = timing(model, rules)
    if not lo <= t["words_per_minute"] <= hi:
        findings.append(error("words-per-minute", f"words_per_minute is {t['words_per_minute']}: give a reading pace "
                                                  f"between {lo} and {hi}", loc(("words_per_minute",))))
    desc_words = count_words(model.organisation.description)
    if desc_words > ps.description_max_words:
        findings.append(error("description-length",
                              f"organisation.description has {desc_words} words, over the {ps.description_max_words} "
                              f"the organisers ask for; cut {desc_words - ps.description_max_words}",
                              loc(("organisation", "description"))))
    exact, limit = round(t["exact_seconds"], 6), t["limit_seconds"]
    where = loc(("body",))
    if exact > limit:
        over = words_to_cut(exact, limit, t["words_per_minute"])
        findings.append(error("pre-session-time",
                              f"the statement takes about {clock(exact)} to read ({t['words']} words at "
                              f"{t['words_per_minute']} words per minute, with pauses), over the {clock(limit)} a "
                              f"speaker has; cut about {over} word{'s' if over != 1 else ''}", where))
    elif exact > ps.warn_ratio * limit:
        findings.append(warning("time-limit-near", f"the statement takes about {clock(exact)} of {clock(limit)}: less "
                                                   "than 5% to spare", where))
    elif exact < ps.min_seconds:
        findings.append(warning("pre-session-short",
                                f"the statement takes about {clock(exact)}; speakers have {clock(ps.min_seconds)} "
                                f"to {clock(ps.max_seconds)}: use the time", where))
    due = due_date(model, rules)
    today = ctx.date()
    days = (due - today).days
    if days < 0:
        findings.append(warning("pre-session-due", f"the statement was due to the organisers on {due.isoformat()}, "
                                                   f"two weeks before the pre-session ({-days} days ago): send it "
                                                   "now and tell them", loc(("pre_session_date",))))
    elif days <= ps.due_warn_days:
        findings.append(warning("pre-session-due-near", f"the statement is due to the organisers on {due.isoformat()} "
                                                        f"({days} day{'s' if days != 1 else ''} left)",
                                loc(("pre_session_date",))))
    stats = {k: t[k] for k in ("words", "seconds", "limit_seconds", "words_per_minute")}
    stats.update(paragraphs=len(t["paragraphs"]), due=due.isoformat(), description_words=desc_words,
                 min_seconds=ps.min_seconds)
    return Analysis(model, src, findings, stats, {"timing": t, "due": due})


def write_docx(analysis: Analysis, ctx: Any) -> bytes:
    from ..render.next_review import render_pre_session

    c = analysis.content
    return render_pre_session(analysis.model, c["timing"], c["due"], ctx)


def write_text(analysis: Analysis, ctx: Any) -> bytes:
    from ..render.next_review import pre_session_text

    return pre_session_text(analysis.model, analysis.content["timing"], ctx.rules).encode("utf-8")


def write_ics(analysis: Analysis, ctx: Any) -> bytes:
    """The due day (all day, with a reminder) and the pre-session day."""
    from ..ics import Entry, build_calendar, stable_uid

    m = analysis.model
    ps = ctx.rules.next_review.pre_session
    due = analysis.content["due"]
    state = m.state_under_review
    entries = [
        Entry(uid=stable_uid("pre-session-due", state, m.organisation.name, due), start=due,
              summary=f"Pre-session statement on {state} due to the organisers",
              description=f"Send the statement \"{m.title}\" ({m.speaker.name}) to the pre-session organisers.",
              alarm_before=dt.timedelta(days=ps.due_reminder_days)),
        Entry(uid=stable_uid("pre-session", state, m.pre_session_date), start=m.pre_session_date,
              summary=f"UPR pre-session on {state}", description=f"{m.speaker.name} speaks for {m.organisation.name}."),
    ]
    stamp = dt.datetime.combine(due, dt.time(0, 0), tzinfo=dt.timezone.utc)
    return build_calendar(entries, stamp=stamp, name=f"Pre-session: {state}")


def summary_lines(report: Report) -> list[str]:
    s = report.stats
    written = ", ".join(str(p) for p in (report.output, s.get("text_output"), s.get("ics")) if p)
    return [f"wrote {written} ({s['words']} words, about {s['seconds']:g} s of {s['limit_seconds']} s; due to the "
            f"organisers {s['due']})"]
