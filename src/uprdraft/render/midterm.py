"""Mid-term report writers: model -> context -> .docx bytes (report and child-friendly).

Every label comes from ``rules.midterm.labels`` / ``rules.child_friendly.wording`` in the
report's language, so one template per language (which differ only in their language tag)
serves all wordings, and a ``--rules`` file can change them.
"""
from __future__ import annotations

import re

from ..i18n import format_date, format_list, locale_for
from ..rules import get_rules
from ..xmltext import clean_text
from .docx_render import render_template, runs

_BLANK_LINE = re.compile(r"\n\s*\n")


def paragraphs(text) -> list[str]:
    """Plain text -> paragraphs: a blank line starts a new one; single line ends are spaces.

    A list of strings is a list of paragraphs already.
    """
    if not text:
        return []
    if isinstance(text, list):
        return [p for t in text for p in paragraphs(t)]
    return [one_line(p) for p in _BLANK_LINE.split(clean_text(text).strip()) if p.strip()]


def one_line(text: str) -> str:
    """Line ends and runs of spaces -> one space (after removing XML-illegal characters)."""
    return " ".join(clean_text(text).split())


def _percent(share: float, lang: str) -> str:
    from babel.numbers import format_percent

    return format_percent(share, locale=locale_for(lang))


def _cell(block: dict, key: str | None, lang: str) -> str:
    item = block["triggered_action"] if key is None else block["by_status"][key]
    if not block["total"]:
        return "0"
    return f"{item['count']} ({_percent(item['share'], lang)})"


def submitted_by(model) -> str:
    """The organisation, the coalition, or both (the organisation first)."""
    names = [x.name for x in (model.organisation, model.coalition) if x is not None]
    return ", ".join(names)


def report_context(loaded) -> dict:
    from ..kinds.midterm import group_by_theme, midterm_statistics

    m = loaded.model
    lang = m.language
    rules = get_rules()
    L = dict(rules.midterm.labels[lang])
    L["col_id"] = L["col_id"].format(symbol=m.wg_report_symbol)
    stats = midterm_statistics(loaded.recommendations)
    supported, noted = stats["by_response"]["supported"], stats["by_response"]["noted"]
    rows = [{"label": L[f"status_{s}"], "all": _cell(stats, s, lang), "supported": _cell(supported, s, lang),
             "noted": _cell(noted, s, lang)} for s in rules.upr.statuses]
    rows.append({"label": L["triggered_action"], "all": _cell(stats, None, lang),
                 "supported": _cell(supported, None, lang), "noted": _cell(noted, None, lang)})
    rows.append({"label": L["total"], "all": str(stats["total"]), "supported": str(supported["total"]),
                 "noted": str(noted["total"])})

    themes = []
    for name, items in group_by_theme(loaded.recommendations, rules.midterm.group_by_theme):
        themes.append({"name": name or L["no_theme"], "rows": [_row(rec, others, L, lang) for rec, others in items]})

    members = m.coalition.members if m.coalition else []
    return {
        "L": L,
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
        "statistics_intro": L["statistics_intro"].format(total=stats["total"], state=m.state_under_review),
        "stats_rows": rows,
        "grouping_note": L[f"grouping_{rules.midterm.group_by_theme}"],
        "themes": themes,
        "voluntary_commitments": paragraphs(m.voluntary_commitments),
        "conclusions": paragraphs(m.conclusions),
    }


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


def render_report(loaded) -> bytes:
    m = loaded.model
    return render_template("midterm-report", m.language, report_context(loaded),
                           title=m.title, author=submitted_by(m), language=m.language)


def child_friendly_context(loaded) -> dict:
    m = loaded.model
    cf = m.child_friendly
    wording = get_rules().child_friendly.wording[m.language]
    return {
        "title": cf.title or wording["title"].format(state=m.state_under_review),
        "about": wording["about"],
        "version_note": wording[cf.version].format(age_band=cf.age_band),
        "paragraphs": paragraphs(cf.text),
    }


def render_child_friendly(loaded) -> bytes:
    m = loaded.model
    ctx = child_friendly_context(loaded)
    return render_template("child-friendly", m.language, ctx,
                           title=ctx["title"], author=submitted_by(m), language=m.language)
