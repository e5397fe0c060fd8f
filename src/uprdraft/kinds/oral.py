"""Oral statements: what the speaker says, how long it takes, and the files to bring.

The chair cuts the microphone at the limit, so the one number that matters is the
estimated speaking time of everything the speaker says, opening and closing included:

    seconds = spoken words * 60 / words_per_minute + pause * (paragraphs - 1)

The pause is a breath between two paragraphs (``rules.oral.pause_seconds_per_paragraph``).
The limit comes from the segment (``rules.oral.seconds``) unless the input gives
``time_limit_seconds``; the word cap (``rules.oral.max_words``) applies to the standard
90 s and 120 s slots. Words are counted by :func:`uprdraft.wordcount.count_words` (each
CJK ideograph is a word, Arabic and every other script by spaces).

Python API:

- :func:`render_oral_statement` writes the speaker's script (.docx) and, on request, the
  plain text for the registration system (.txt);
- :func:`oral_findings` (used by ``validate``) returns the rule findings and the stats;
- :func:`oral_timing` returns the spoken paragraphs with their cumulative times.
"""
from __future__ import annotations

from ..findings import Finding, error, warning
from ..kinds import Analysis, Request
from ..render.oral import script_labels as _labels
from ..text import clock
from ..timing import Paragraph, time_paragraphs, words_to_cut  # noqa: F401  (Paragraph: re-exported)
from ..wordcount import count_words

KIND = "oral-statement"
BULLET = "\u2022 "


# --------------------------------------------------------------------------- spoken text
def _wording(lang: str, rules) -> tuple[dict, list[tuple[str, str]]]:
    notes = []
    wording = rules.wording.get(lang)
    if wording is None:
        wording = rules.wording["en"]
        notes.append(("language", f"no opening and closing wording for language '{lang}' in the rules; "
                                  "the English wording is used: add an oral.wording entry to a --rules file"))
    return wording, notes


def _organisations(model) -> str:
    from ..i18n import format_list

    return format_list([model.organisation.name, *model.partner_names], model.language)


def opening_text(model, wording: dict) -> str:
    """Salutation to the President and "I speak on behalf of ..." (joint partners named)."""
    if model.president_title:
        salutation = wording["salutation"].format(president_title=model.president_title)
    else:
        salutation = wording["salutation_neutral"]
    many = bool(model.partner_names) and "on_behalf_many" in wording
    on_behalf = wording["on_behalf_many" if many else "on_behalf"].format(organisations=_organisations(model))
    # Chinese full stops need no space after them
    sep = "" if salutation.endswith("\u3002") else " "
    return f"{salutation}{sep}{on_behalf}"


def _body_paragraphs(body: str) -> tuple[list[Paragraph], list[tuple[str, str, str, int]]]:
    """Body Markdown -> spoken paragraphs, and (code, severity, message, line) issues."""
    from ..markdown import NoteRef, parse_body
    from ..xmltext import clean_text

    parsed = parse_body(body)
    issues = [(i.code, i.severity, i.message, i.line) for i in parsed.issues]
    paras = []
    for blk in parsed.blocks:
        if any(isinstance(s, NoteRef) for s in blk.segments):
            issues.append(("footnote-dropped", "warning", "an oral statement has no footnotes; the note is left out of "
                                                  "the script and the text: name the source in the sentence", blk.line))
        # XML-illegal characters are stripped (as in the script), so the counts match the files
        text = " ".join(clean_text(blk.text).split())
        if not text:
            continue
        if blk.kind == "heading":
            issues.append(("heading", "warning", "a heading in an oral statement is read aloud as a paragraph; "
                                                 "remove the '#' or the heading", blk.line))
        # a bullet is not spoken, a number is
        spoken = text[len(BULLET):] if text.startswith(BULLET.strip()) else text
        paras.append(Paragraph("body", text, count_words(spoken), blk.line))
    return paras, issues


def spoken_paragraphs(model, rules) -> tuple[list[Paragraph], list[tuple[str, str, str, int | None]]]:
    """Opening, body paragraphs and closing, with word counts; plus reading issues."""
    from ..xmltext import clean_text

    wording, notes = _wording(model.language, rules)
    issues: list = [(code, "warning", msg, None) for code, msg in notes]
    opening = " ".join(clean_text(opening_text(model, wording)).split())
    body, body_issues = _body_paragraphs(model.body)
    issues += body_issues
    closing = wording["closing"]
    paras = [Paragraph("opening", opening, count_words(opening)), *body,
             Paragraph("closing", closing, count_words(closing))]
    return paras, issues


# --------------------------------------------------------------------------- timing
def _limit_seconds(model, rules) -> int | None:
    if model.time_limit_seconds is not None:
        return model.time_limit_seconds
    return rules.seconds.get(model.segment)


def _timing(model, paras: list[Paragraph], rules) -> dict:
    wpm = model.words_per_minute or rules.words_per_minute
    pause = rules.pause_seconds_per_paragraph
    words, _ = time_paragraphs(paras, wpm, pause)
    limit = _limit_seconds(model, rules)
    return {
        "words": words,
        "seconds": round(paras[-1].end_seconds, 1) if paras else 0.0,
        "limit_seconds": limit,
        "limit": rules.max_words.get(limit) if limit is not None else None,
        "words_per_minute": wpm,
        "pause_seconds": pause,
        "paragraphs": paras,
        "exact_seconds": paras[-1].end_seconds if paras else 0.0,
    }


def oral_timing(model, rules=None) -> dict:
    """Spoken words, estimated seconds, the limits and the spoken paragraphs of ``model``.

    Keys: ``words``, ``seconds`` (estimate, one decimal), ``limit_seconds``, ``limit`` (word
    cap or None), ``words_per_minute``, ``pause_seconds``, ``paragraphs`` (list of
    :class:`Paragraph` with ``role``, ``text``, ``words``, ``end_seconds`` and ``mark``).
    """
    from ..rules import resolve

    rules = resolve(rules).oral
    paras, _ = spoken_paragraphs(model, rules)
    return _timing(model, paras, rules)


def _stats(timing: dict) -> dict:
    return {k: timing[k] for k in ("words", "seconds", "limit_seconds", "limit", "words_per_minute",
                                   "pause_seconds")} | {"paragraphs": len(timing["paragraphs"])}


# --------------------------------------------------------------------------- rules
def _analyse(model, src, rules) -> tuple[list[Finding], dict]:
    from ..load import body_location

    findings: list[Finding] = []
    loc = src.locate

    if model.language not in rules.languages:
        findings.append(error("language", f"language '{model.language}' is not accepted for oral statements; "
                                          f"use one of {', '.join(rules.languages)}", loc(("language",))))
    if model.organisation.status not in rules.statuses_allowed:
        findings.append(error(
            "consultative-status",
            f"organisation '{model.organisation.name}' has status '{model.organisation.status}': an oral statement "
            "must be delivered through an NGO in ECOSOC consultative status (general, special or roster). Ask an "
            "accredited partner to deliver it in its slot and name, and list your group in joint_with",
            loc(("organisation", "status"))))
    if model.segment == "upr-adoption":
        if not model.state_under_review:
            findings.append(error("schema", "state_under_review: required when segment is upr-adoption; name the "
                                            "State whose UPR outcome is adopted", loc(("segment",))))
        if model.agenda_item != rules.upr_agenda_item:
            findings.append(warning("agenda-item", f"UPR outcomes are adopted under agenda item "
                                                   f"{rules.upr_agenda_item}, not {model.agenda_item}; check the "
                                                   "programme of work", loc(("agenda_item",))))

    lo, hi = rules.words_per_minute_range
    wpm = model.words_per_minute or rules.words_per_minute
    if not lo <= wpm <= hi:
        findings.append(error("words-per-minute", f"words_per_minute is {wpm}: give a reading pace between {lo} "
                                                  f"and {hi} (about {rules.words_per_minute} is usual)",
                              loc(("words_per_minute",))))
    elif wpm > rules.fast_pace_wpm:
        findings.append(warning("fast-pace", f"at {wpm} words per minute the interpreters cannot follow; "
                                                    f"plan for about {rules.words_per_minute} and shorten the text",
                                loc(("words_per_minute",))))

    paras, issues = spoken_paragraphs(model, rules)
    issues += [(code, "warning", msg, None) for code, msg in _labels(model.language, rules)[1]]
    for code, severity, message, line in issues:
        where = body_location(src, line) if line is not None else loc(("language",))
        findings.append(Finding(code, severity, message, where))
    if not any(p.role == "body" for p in paras):
        findings.append(error("schema", "body: there is no text to read; write the statement in body",
                              loc(("body",))))

    timing = _timing(model, paras, rules)
    limit = timing["limit_seconds"]
    where = loc(("time_limit_seconds",)) if model.time_limit_seconds else body_location(src, 0)
    if limit is None:
        findings.append(error("time-limit", f"no time limit for segment '{model.segment}' in the rules; give "
                                            "time_limit_seconds", loc(("segment",))))
    else:
        exact = round(timing["exact_seconds"], 6)
        source = "time_limit_seconds" if model.time_limit_seconds else f"the {model.segment} limit"
        if exact > limit:
            over = words_to_cut(exact, limit, wpm)
            findings.append(error(
                "time-limit",
                f"the statement takes about {clock(exact)} to read ({timing['words']} words at {wpm} words per "
                f"minute, with pauses), over {source} of {clock(limit)}; cut about {_words(over)}", where))
        elif exact > rules.warn_ratio * limit:
            findings.append(warning(
                "time-limit-near",
                f"the statement takes about {clock(exact)} of {source} of {clock(limit)}: less than "
                f"{round((1 - rules.warn_ratio) * 100)}% to spare; the chair cuts the microphone at the limit",
                where))
    cap = timing["limit"]
    if cap is not None and timing["words"] > cap:
        findings.append(error(
            "word-limit", f"{timing['words']} spoken words (opening and closing included), over the {cap}-word "
                          f"maximum for a {limit}-second slot; cut {_words(timing['words'] - cap)}",
            body_location(src, 0)))
    return findings, timing


def _words(n: int) -> str:
    return f"{n} word" if n == 1 else f"{n} words"


def oral_findings(model, src, rules=None) -> tuple[list[Finding], dict]:
    """Rule findings and stats (``words``, ``seconds``, ``limit_seconds``, ...) for ``validate``."""
    from ..rules import resolve

    findings, timing = _analyse(model, src, resolve(rules).oral)
    return findings, _stats(timing)


def analyse(model, src, ctx, request: Request | None = None) -> Analysis:
    """Rule findings, stats and the timed paragraphs the writers need."""
    findings, timing = _analyse(model, src, ctx.rules.oral)
    return Analysis(model, src, findings, _stats(timing), timing)


# --------------------------------------------------------------------------- outputs
def plain_text(paras: list[Paragraph]) -> str:
    """What the registration system asks for: the spoken text, paragraphs apart."""
    return "\n\n".join(p.text for p in paras) + "\n"


def write_docx(analysis: Analysis, ctx) -> bytes:
    from ..render.oral import render_script

    return render_script(analysis.model, analysis.content, ctx)


def write_text(analysis: Analysis, ctx) -> bytes:
    return plain_text(analysis.content["paragraphs"]).encode("utf-8")


def summary_lines(report) -> list[str]:
    if not report.output:
        return []
    s = report.stats
    written = " and ".join(str(p) for p in (report.output, s.get("text_output")) if p)
    return [f"wrote {written} ({s['words']} words, about {s['seconds']:g} s of {s['limit_seconds']} s)"]
