"""Writers of the next-review documents (issue 16): context -> .docx bytes.

Templates (``templates/<name>-<lang>.docx``, bootstrapped by ``scripts/templates/<name>.py``):
``upr-submission``, ``pre-session-statement``, ``state-brief``, ``state-briefs-index``,
``recommendations-for-children``, ``factsheet``. Their fixed words are literal text; the
sentences with values in them come from ``rules.next_review.labels`` at render time, the
status and response names from ``rules.upr.status_labels`` / ``response_labels``, and the
fonts and sizes from the font profiles (``render.styles``).

Each writer takes what it needs (the model, the resolved recommendations, the timing) and
a ``ctx`` (rules, template); none imports a kind module.
"""
from __future__ import annotations

import re
from typing import Any

from ..i18n import format_date, format_list
from ..recommendation_stats import group_by_theme, midterm_statistics
from ..text import clock, one_line, paragraphs
from .chart import attach_chart_to_body, chart_run, chart_xml
from .docx_render import Footnote, Notes, render_template, runs

_NOTE = re.compile(r"\[\^([^\]]+)\]")


def labels(rules: Any, lang: str) -> dict[str, str]:
    table = rules.next_review.labels
    return table.get(lang) or table["en"]


def _status_names(rules: Any, lang: str) -> dict[str, str]:
    return rules.upr.status_labels.get(lang) or rules.upr.status_labels["en"]


def _response_names(rules: Any, lang: str) -> dict[str, str]:
    return rules.upr.response_labels.get(lang) or rules.upr.response_labels["en"]


def note_runs(text: str, notes: Notes | None):
    """A paragraph whose ``[^text]`` parts become real footnotes (plain text without notes)."""
    segments: list[Any] = []
    pos = 0
    for m in _NOTE.finditer(text):
        segments.append(text[pos:m.start()].rstrip())  # the reference sits on the word before it
        segments.append(Footnote(one_line(m.group(1))) if notes is not None else "")
        pos = m.end()
    segments.append(text[pos:])
    return runs([s for s in segments if s != ""], notes)


# --------------------------------------------------------------------------- figures and chart
def status_figures(recs: list[Any], rules: Any, lang: str) -> dict[str, Any]:
    """Counts by status, supported vs noted: the rows of the table, the chart's series and its
    alternative text."""
    L = labels(rules, lang)
    names = _status_names(rules, lang)
    responses = _response_names(rules, lang)
    stats = midterm_statistics(recs, rules)
    statuses = list(rules.upr.statuses)
    sup = [stats["by_response"]["supported"]["by_status"][s]["count"] for s in statuses]
    noted = [stats["by_response"]["noted"]["by_status"][s]["count"] for s in statuses]
    every = [stats["by_status"][s]["count"] for s in statuses]
    rows = [{"label": names[s], "supported": str(a), "noted": str(b), "all": str(c)}
            for s, a, b, c in zip(statuses, sup, noted, every, strict=True)]
    rows.append({"label": L["total"], "supported": str(sum(sup)), "noted": str(sum(noted)),
                 "all": str(stats["total"])})
    details = " ".join(L["chart_item"].format(status=names[s], supported=a, noted=b)
                       for s, a, b in zip(statuses, sup, noted, strict=True))
    return {
        "stats": stats, "rows": rows, "categories": [names[s] for s in statuses],
        "series": [(responses["supported"], sup), (responses["noted"], noted)],
        "alt": L["chart_alt"].format(total=stats["total"], details=details), "name": L["chart_name"],
    }


def chart_step(figures: dict[str, Any], rules: Any, lang: str, profile: str):
    """The status chart (see :mod:`uprdraft.render.chart`) as the last step of
    ``render_template`` (``finish=``): attached to the rendered body before the document is
    written, instead of unzipping and parsing the whole document again."""
    def finish(parts: dict[str, bytes], body: Any) -> bool:
        p = rules.fonts.profiles[profile]
        return attach_chart_to_body(parts, body, chart_xml(figures["categories"], figures["series"],
                                                           rules.next_review.chart_colours, lang, p.font,
                                                           max(p.size_pt - 1, 8)))
    return finish


def _prepare(rules: Any, profile: str, shipped: bool):
    from .styles import default_size_at_least, profile_fonts

    prof = rules.fonts.profiles[profile]

    def prepare(document) -> None:
        if shipped:
            profile_fonts(prof)(document)
        if prof.min_size_pt:
            default_size_at_least(document, prof.min_size_pt)
    return prepare


def _rec_row(rec: Any, rules: Any, lang: str) -> dict[str, str]:
    return {"id": rec.id, "text": one_line(rec.text), "states": format_list(rec.recommending_states, lang),
            "response": _response_names(rules, lang).get(rec.response or "", "—"),
            "status": _status_names(rules, lang)[rec.status],
            "assessment": one_line(rec.assessment or "")}


# --------------------------------------------------------------------------- stakeholder submission
def submission_title(model: Any, rules: Any) -> str:
    L = labels(rules, model.language)
    return model.title or L[f"{model.submission_type}_heading"].format(state=model.state_under_review)


def month_year(day: Any, locale: str) -> str:
    from babel.dates import format_date as fd

    from ..i18n import locale_for

    return fd(day, format="LLLL y", locale=locale_for(locale))


def submission_context(model: Any, recs: list[Any], rules: Any, notes: Notes | None) -> dict[str, Any]:
    lang = model.language
    L = labels(rules, lang)
    session_line = (L["session_line"].format(session=model.session, month_year=month_year(model.session_date, lang))
                    if model.session else L["session_line_nosession"].format(month_year=month_year(model.session_date,
                                                                                                  lang)))
    orgs = [model.organisation, *model.joint_with]
    figures = status_figures(recs, rules, lang)
    abouts = [f"{o.name}{L['colon']}{one_line(o.description)}" for o in orgs if o.description]
    # footnotes are numbered in the order the text is built: the order of the document
    summary = [note_runs(p, notes) for p in paragraphs(model.executive_summary)]
    about = [note_runs(p, notes) for p in abouts]
    introduction = [note_runs(p, notes) for p in paragraphs(model.introduction)]
    groups = group_by_theme(recs, "first")
    by_theme = {(name or "").casefold(): items for name, items in groups}
    themes = []
    if not model.themes:  # one section per theme of the recommendations, with their own assessments
        for name, items in groups:
            themes.append({
                "name": name or L["no_theme"],
                "previous": [_rec_row(rec, rules, lang) for rec, _ in items],
                "assessment": [note_runs(f"{rec.id}{L['colon']}{one_line(rec.assessment)}", notes)
                               for rec, _ in items if rec.assessment],
                "recommendations": [],
            })
        by_theme = {}
    for t in model.themes:
        items = by_theme.pop(t.name.strip().casefold(), [])
        themes.append({
            "name": t.name,
            "previous": [_rec_row(rec, rules, lang) for rec, _ in items],
            "assessment": [note_runs(p, notes) for p in paragraphs(t.assessment)],
            "recommendations": [note_runs(p, notes) for p in paragraphs(t.recommendations)],
        })
    leftover = [rec for items in by_theme.values() for rec, _ in items]
    contact = model.contact
    return {
        "title": submission_title(model, rules),
        "session_line": session_line,
        "organisations": [o.name for o in orgs],
        "joint": model.submission_type == "joint",
        "contact": ", ".join(x for x in (contact.name, contact.email, contact.phone or "") if x),
        "key_words": "; ".join(one_line(k) for k in model.key_words),
        "executive_summary": summary,
        "about": about,
        "introduction": introduction,
        "has_recommendations": bool(recs),
        "implementation_intro": L["implementation_intro"].format(total=len(recs), state=model.state_under_review,
                                                                 symbol=model.wg_report_symbol or "—"),
        "stats_rows": figures["rows"],
        "status_chart": chart_run(figures["alt"], figures["name"]),
        "themes": themes,
        "other_recommendations": [_rec_row(r, rules, lang) for r in leftover],
        "new_recommendations_intro": L["new_recommendations_intro"].format(state=model.state_under_review),
    }


def render_submission(model: Any, recs: list[Any], ctx: Any) -> bytes:
    rules = ctx.rules
    profile = rules.next_review.submission.font_profile
    notes = Notes()
    context = submission_context(model, recs, rules, notes)
    return render_template("upr-submission", model.language, context, template=ctx.template, notes=notes,
                           prepare=_prepare(rules, profile, ctx.template is None), title=context["title"],
                           author=model.organisation.name, language=model.language,
                           finish=chart_step(status_figures(recs, rules, model.language), rules, model.language,
                                             profile),
                           max_mb=ctx.rules.limits.document_mb)


# --------------------------------------------------------------------------- pre-session statement
def _heading_language(model: Any, rules: Any) -> str:
    """The language of the fixed words: the statement's when the rules have labels for it, else English."""
    return model.language if model.language in rules.next_review.labels else "en"


def pre_session_context(model: Any, timing: dict[str, Any], due: Any, rules: Any) -> dict[str, Any]:
    lang = _heading_language(model, rules)
    L = labels(rules, lang)
    ps = rules.next_review.pre_session
    limit = timing["limit_seconds"]
    return {
        "state": model.state_under_review,
        "date": format_date(model.pre_session_date, lang),
        "organisation": model.organisation.name,
        "joint_with": "; ".join(model.joint_with),
        "speaker": model.speaker.name,
        "timing": L["ps_timing_value"].format(estimate=clock(timing["exact_seconds"]), limit=clock(limit),
                                              words=timing["words"], wpm=timing["words_per_minute"]),
        "notes": [L["ps_reading_note"].format(min=clock(ps.min_seconds), max=clock(limit)),
                  L["ps_due"].format(date=format_date(due, lang))],
        "title": model.title,
        "paragraphs": [f"{p.text} [{p.mark}]" for p in timing["paragraphs"]],
        "about": paragraphs(model.organisation.description),
    }


def render_pre_session(model: Any, timing: dict[str, Any], due: Any, ctx: Any) -> bytes:
    from .styles import style_size

    rules = ctx.rules
    profile = rules.next_review.pre_session.font_profile
    base = _prepare(rules, profile, ctx.template is None)
    minimum = rules.fonts.profiles[profile].min_size_pt or rules.fonts.profiles[profile].size_pt

    def prepare(document) -> None:
        base(document)
        style_size(document, "Spoken", max(rules.oral.script_font_pt, minimum), rules.oral.script_line_spacing)

    context = pre_session_context(model, timing, due, rules)
    # templates exist in en, fr and es; another UN language gets the English headings
    lang = _heading_language(model, rules)
    return render_template("pre-session-statement", lang, context, template=ctx.template,
                           prepare=prepare, title=model.title, author=model.organisation.name,
                           language=model.language,
                           max_mb=ctx.rules.limits.document_mb)


def pre_session_text(model: Any, timing: dict[str, Any], rules: Any) -> str:
    """The text to send to the organisers: title, who speaks for whom, the statement."""
    lang = _heading_language(model, rules)
    L = labels(rules, lang)
    head = [model.title,
            L["ps_text_header"].format(state=model.state_under_review, date=format_date(model.pre_session_date, lang)),
            f"{L['ps_organisation']}{L['colon']}{model.organisation.name}",
            f"{L['ps_speaker']}{L['colon']}{model.speaker.name}"]
    if model.joint_with:
        head.insert(3, f"{L['ps_joint_with']}{L['colon']}{'; '.join(model.joint_with)}")
    body = [p.text for p in timing["paragraphs"]]
    about = [L["ps_about"], *paragraphs(model.organisation.description)]
    return "\n".join(head) + "\n\n" + "\n\n".join(body) + "\n\n" + "\n\n".join(about) + "\n"


# --------------------------------------------------------------------------- briefs
def brief_context(model: Any, state: str, recs: list[Any], asks: list[str], rules: Any) -> dict[str, Any]:
    lang = model.language
    L = labels(rules, lang)
    rows = []
    for rec in recs:
        row = _rec_row(rec, rules, lang)
        row["noted"] = L["brief_noted"].format(state=model.state_under_review) if rec.response == "noted" else ""
        rows.append(row)
    contact = model.contact
    return {
        "title": L["brief_title"].format(recipient=state),
        "subtitle": L["brief_subtitle"].format(state=model.state_under_review),
        "intro": L["brief_intro"].format(state=model.state_under_review, recipient=state, count=len(recs),
                                         date=format_date(model.review_date, lang), symbol=model.wg_report_symbol),
        "recommendations": rows,
        "asks": asks or [L["brief_no_asks"]],
        "from": model.organisation + (f" ({contact.name}, {contact.email})" if contact else ""),
    }


def render_brief(model: Any, state: str, recs: list[Any], asks: list[str], ctx: Any) -> bytes:
    rules = ctx.rules
    context = brief_context(model, state, recs, asks, rules)
    return render_template("state-brief", model.language, context, template=ctx.template,
                           prepare=_prepare(rules, rules.next_review.briefs.font_profile, ctx.template is None),
                           title=context["title"], author=model.organisation, language=model.language,
                           max_mb=ctx.rules.limits.document_mb)


def index_context(model: Any, rows: list[dict[str, str]], total: int, rules: Any) -> dict[str, Any]:
    L = labels(rules, model.language)
    return {
        "title": L["index_title"].format(state=model.state_under_review),
        "intro": L["index_intro"].format(states=len(rows), total=total, state=model.state_under_review,
                                         symbol=model.wg_report_symbol),
        "rows": rows,
        "from": model.organisation,
    }


def render_index(model: Any, rows: list[dict[str, str]], total: int, ctx: Any) -> bytes:
    rules = ctx.rules
    context = index_context(model, rows, total, rules)
    return render_template("state-briefs-index", model.language, context,
                           prepare=_prepare(rules, rules.next_review.briefs.font_profile, True),
                           title=context["title"], author=model.organisation, language=model.language,
                           max_mb=ctx.rules.limits.document_mb)


# --------------------------------------------------------------------------- child-friendly recommendations
def child_friendly_context(model: Any, groups: list[tuple[str | None, list[tuple[Any, str | None]]]],
                           rules: Any) -> dict[str, Any]:
    lang = model.language
    L = labels(rules, lang)
    state = model.state_under_review
    themes = []
    for name, items in groups:
        rows = []
        for rec, simple in items:
            said = {"supported": L["cf_supported"], "noted": L["cf_noted"]}.get(rec.response or "", "")
            rows.append({
                "simple": simple or L["cf_missing"],
                "said": said.format(state=state),
                "official": one_line(rec.text),
                "para": L["cf_para"].format(id=rec.id) + f" ({model.wg_report_symbol})",
                "from": L["cf_from"].format(states=format_list(rec.recommending_states, lang))
                if rec.recommending_states else "",
            })
        themes.append({"name": name or L["no_theme"], "rows": rows})
    return {
        "title": model.title or L["cf_title"].format(state=state),
        "note": L["cf_note"].format(state=state, age_band=model.age_band),
        "by": model.by,
        "children_participation": paragraphs(model.children_participation),
        "themes": themes,
    }


def render_child_friendly_recommendations(model: Any, groups: list[Any], ctx: Any) -> bytes:
    rules = ctx.rules
    context = child_friendly_context(model, groups, rules)
    return render_template("recommendations-for-children", model.language, context, template=ctx.template,
                           prepare=_prepare(rules, rules.midterm.child_friendly_profile, ctx.template is None),
                           title=context["title"], author=model.by, language=model.language,
                           max_mb=ctx.rules.limits.document_mb)


# --------------------------------------------------------------------------- fact sheet
def factsheet_context(sheet: dict[str, Any], recs: list[Any], rules: Any) -> dict[str, Any]:
    lang = sheet["language"]
    L = labels(rules, lang)
    figures = status_figures(recs, rules, lang)
    stats = figures["stats"]
    return {
        "title": sheet["title"],
        "by": sheet["by"],
        "intro": L["fs_intro"].format(total=stats["total"], state=sheet["state"], symbol=sheet["symbol"],
                                      date=format_date(sheet["review_date"], lang)),
        "key_messages": [one_line(m) for m in sheet["key_messages"]],
        "stats_rows": figures["rows"],
        "triggered": L["fs_triggered"].format(count=stats["triggered_action"]["count"], total=stats["total"]),
        "status_chart": chart_run(figures["alt"], figures["name"], height_cm=6.0),
        "contact": sheet["contact"],
    }


def render_factsheet(sheet: dict[str, Any], recs: list[Any], ctx: Any) -> bytes:
    rules = ctx.rules
    lang = sheet["language"]
    profile = rules.next_review.factsheet_profile
    context = factsheet_context(sheet, recs, rules)
    return render_template("factsheet", lang, context, template=ctx.template,
                           prepare=_prepare(rules, profile, ctx.template is None), title=sheet["title"],
                           author=sheet["by"], language=lang,
                           finish=chart_step(status_figures(recs, rules, lang), rules, lang, profile),
                           max_mb=ctx.rules.limits.document_mb)
