"""Mid-term report writers: model -> context -> .docx bytes (report and child-friendly).

The fixed words (headings, field labels, table headers) are literal text in each
language's template (``templates/midterm-report-<lang>.docx``, ``child-friendly-<lang>.docx``),
which a coalition may restyle, or replace with its own through ``ctx.template``. The
values and the sentences that depend on the data or on a rule (statistics introduction,
grouping note, status and response names, the child-friendly version note) come from
``rules.midterm.labels`` / ``rules.child_friendly.wording`` at render time, like the
fonts and sizes (:mod:`uprdraft.render.styles`).
"""
from __future__ import annotations

from ..i18n import format_date, format_list, locale_for
from ..recommendation_stats import group_by_theme, midterm_statistics, status_percentages
from ..text import one_line, paragraphs
from .docx_render import render_template, runs

REPORT_TEMPLATE = "midterm-report"
CHILD_FRIENDLY_TEMPLATE = "child-friendly"


def _percent(points: int, lang: str) -> str:
    from babel.numbers import format_percent

    return format_percent(points / 100, locale=locale_for(lang))


def _cells(block: dict, rules, lang: str) -> dict[str, str]:
    """``count (share)`` per status and for triggered action; the shares of a column add up
    to 100 (largest remainder: 5 of 8 may show as 63 %, never a column of 99 %)."""
    statuses = rules.upr.statuses
    shares = status_percentages(block, statuses, rules.upr.triggered_action)
    out = {}
    for key in (*statuses, "triggered_action"):
        item = block["triggered_action"] if key == "triggered_action" else block["by_status"][key]
        out[key] = f"{item['count']} ({_percent(shares[key], lang)})" if block["total"] else "0"
    return out


def submitted_by(model) -> str:
    """The organisation, the coalition, or both (the organisation first)."""
    names = [x.name for x in (model.organisation, model.coalition) if x is not None]
    return ", ".join(names)


def report_context(loaded, rules) -> dict:
    """The report's template context; ``loaded`` is a LoadedReport, ``rules`` a Rules."""
    m = loaded.model
    lang = m.language
    L = rules.midterm.labels[lang]
    stats = midterm_statistics(loaded.recommendations, rules)
    supported, noted = stats["by_response"]["supported"], stats["by_response"]["noted"]
    cols = {"all": _cells(stats, rules, lang), "supported": _cells(supported, rules, lang),
            "noted": _cells(noted, rules, lang)}
    rows = [{"label": L[f"status_{s}"], **{c: cells[s] for c, cells in cols.items()}} for s in rules.upr.statuses]
    rows.append({"label": L["triggered_action"], **{c: cells["triggered_action"] for c, cells in cols.items()}})
    rows.append({"label": L["total"], "all": str(stats["total"]), "supported": str(supported["total"]),
                 "noted": str(noted["total"])})

    themes = []
    for name, items in group_by_theme(loaded.recommendations, rules.midterm.group_by_theme):
        themes.append({"name": name or L["no_theme"], "rows": [_row(rec, others, L, lang) for rec, others in items]})

    members = m.coalition.members if m.coalition else []
    return {
        "title": m.title,
        "state": m.state_under_review,
        "cycle": str(m.cycle),
        "review_date": format_date(m.review_date, lang),
        "symbol": m.wg_report_symbol,
        "submitted_by": submitted_by(m),
        "coalition_members": format_list(members, lang),
        "summary": paragraphs(m.summary),
        "methodology": paragraphs(m.methodology),
        "children_participation": paragraphs(m.children_participation),
        "statistics_intro": L["statistics_intro"].format(total=stats["total"], state=m.state_under_review)
        + _moved_sentence(loaded, rules, lang),
        "status_chart": _status_chart(loaded.recommendations, rules, lang),  # issue 16
        "stats_rows": rows,
        "grouping_note": L[f"grouping_{rules.midterm.group_by_theme}"],
        "themes": themes,
        "voluntary_commitments": paragraphs(m.voluntary_commitments),
        "conclusions": paragraphs(m.conclusions),
    }


def _moved_sentence(loaded, rules, lang: str) -> str:
    """From the tracker: per status, how many recommendations are in it and how many moved there
    since the review ("" for a report written from a file)."""
    moved = getattr(loaded, "moved", None)
    if not moved:
        return ""
    from ..rules import DEFAULT

    L = {**DEFAULT.midterm.labels.get(lang, DEFAULT.midterm.labels["en"]), **rules.midterm.labels[lang]}
    items = [L["moved_item"].format(status=L[f"status_{s}"], now=moved[s]["now"], moved=moved[s]["moved_in"])
             for s in rules.upr.statuses if s in moved]
    return " " + L["moved_since_review"].format(review_date=format_date(loaded.model.review_date, lang),
                                                as_of=format_date(loaded.as_of, lang), items="; ".join(items))


def _status_chart(recs, rules, lang: str):
    """The run showing the implementation chart (counts by status, supported vs noted)."""
    from .chart import chart_run
    from .next_review import status_figures

    figures = status_figures(recs, rules, lang)
    return chart_run(figures["alt"], figures["name"])


def _row(rec, others: list[str], L: dict, lang: str) -> dict:
    lines = [one_line(rec.assessment)] if rec.assessment else []
    if others:
        lines.append(L["also_under"].format(themes=format_list(others, lang)))
    if rec.sources:
        lines.append(L["sources"].format(sources="; ".join(rec.sources)))
    return {
        "id": rec.id,
        "text": one_line(rec.text),
        "states": format_list(rec.recommending_states, lang),
        "response": L[f"response_{rec.response or 'none'}"],
        "status": L[f"status_{rec.status}"],
        "assessment": runs(["\n".join(lines)]),
    }


def _report_prepare(rules, profile: str):
    from .styles import profile_fonts

    return profile_fonts(rules.fonts.profiles[profile])


def render_report(loaded, ctx) -> bytes:
    """The mid-term report as deterministic .docx bytes; ``ctx`` gives ``rules`` and
    ``template`` (a coalition's own .docx, rendered in its own style)."""
    m = loaded.model
    rules = ctx.rules
    # the implementation chart (issue 16): attached where the template shows {{r status_chart }}
    from .next_review import chart_step, status_figures

    prepare = _report_prepare(rules, rules.midterm.font_profile) if ctx.template is None else None
    chart = chart_step(status_figures(loaded.recommendations, rules, m.language), rules, m.language,
                       rules.midterm.font_profile)
    return render_template(REPORT_TEMPLATE, m.language, report_context(loaded, rules), template=ctx.template,
                           prepare=prepare, title=m.title, author=submitted_by(m), language=m.language,
                           finish=chart,
                           max_mb=ctx.rules.limits.document_mb)


def age_range(band: str, wording: dict) -> str:
    """An age band written as words: "10-13" -> "10 to 13", "10 à 13", "10 a 13" (a hyphen
    is a place to break a line, and children read "to" more easily than a dash)."""
    import re

    m = re.fullmatch(r"\s*(\d+)\s*[-\u2010-\u2013]\s*(\d+)\s*", band)
    if not m:
        return band
    return wording["age_range"].format(low=m.group(1), high=m.group(2))


def _contact(model) -> str:
    """The report's contact, when the input gives one (``contact:`` name, email, phone)."""
    c = getattr(model, "contact", None) or getattr(model.child_friendly, "contact", None)
    if c is None:
        return ""
    return ", ".join(x for x in (c.name, c.email, getattr(c, "phone", None)) if x)


def child_friendly_context(loaded, rules, today=None) -> dict:
    """``title``, ``version_note``, ``paragraphs``, and who wrote it (``organisation``),
    when (``date``: ``today``, else the real date) and whom to ask (``contact``)."""
    import datetime as dt

    m = loaded.model
    cf = m.child_friendly
    wording = rules.child_friendly.wording[m.language]
    return {
        "title": cf.title or wording["title"].format(state=m.state_under_review),
        "version_note": wording[cf.version].format(age_band=age_range(cf.age_band, wording)),
        "paragraphs": paragraphs(cf.text),
        "organisation": submitted_by(m),
        "date": format_date(getattr(m, "date", None) or today or dt.date.today(), m.language),
        "contact": _contact(m),
    }


def _child_friendly_prepare(rules, shipped: bool):
    from .styles import default_size_at_least, profile_fonts

    profile = rules.fonts.profiles[rules.midterm.child_friendly_profile]

    def prepare(document) -> None:
        if shipped:
            profile_fonts(profile)(document)
        # [S47] large print: a rule, so applied to every template, a coalition's too
        default_size_at_least(document, max(rules.child_friendly.min_font_pt, profile.min_size_pt or 0))
    return prepare


def render_child_friendly(loaded, ctx) -> bytes:
    """The child-friendly version as deterministic .docx bytes; ``ctx`` as :func:`render_report`."""
    m = loaded.model
    context = child_friendly_context(loaded, ctx.rules, ctx.today)
    return render_template(CHILD_FRIENDLY_TEMPLATE, m.language, context, template=ctx.template,
                           prepare=_child_friendly_prepare(ctx.rules, ctx.template is None),
                           title=context["title"], author=submitted_by(m), language=m.language,
                           max_mb=ctx.rules.limits.document_mb)
