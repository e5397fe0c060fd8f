"""Action plan writers: the matrix (.docx, template ``action-plan``) and the calendar (.ics).

The matrix has one row per item and the columns of domain-rules.md section 7: recommendation
(id, text, recommending States, response), expected results, type of action, actors and lead,
indicators, milestones, budget, status; then the follow-up calendar. The fixed words
(column headers, field labels) are literal text in each language's template; the wording
inside the cells (responses, statuses, action types, calendar steps) comes from
``rules.upr`` at render time, dates from :func:`uprdraft.i18n.format_date`. Each cell is
one paragraph with line breaks, so the table keeps the template's cell style. The writers
take ``ctx`` (``rules``, ``template``).
"""
from __future__ import annotations

import datetime as dt

from ..i18n import format_date, format_list

TEMPLATE = "action-plan"
PROFILE = "hrc-report"


def _labels(rules, lang: str) -> dict:
    upr = rules.upr
    return {
        "L": upr.plan_labels[lang],
        "steps": upr.calendar_labels[lang],
        "responses": upr.response_labels[lang],
        "statuses": upr.status_labels[lang],
        "types": upr.action_type_labels[lang],
    }


def _when(start: dt.date, end: dt.date | None, lang: str, L: dict) -> str:
    if end is None:
        return format_date(start, lang)
    return L["range"].format(start=format_date(start, lang), end=format_date(end, lang))


def _recommendation_cell(item, rec, lab: dict, lang: str) -> str:
    L = lab["L"]
    rid = item.recommendation_id
    lines = []
    symbol = getattr(rec, "document_symbol", None) if rec is not None else None
    lines.append(f"{rid} ({symbol}, {L['para']} {rid})" if symbol else rid)
    if rec is not None:
        lines.append(rec.text)
        if rec.recommending_states:
            lines.append(f"{L['recommending_states']}{L['colon']}{format_list(rec.recommending_states, lang)}")
        if rec.response:
            lines.append(f"{L['response']}{L['colon']}{lab['responses'].get(rec.response, rec.response)}")
    return "\n".join(lines)


def _lines(texts: list[str]) -> str:
    """One line per entry; with several entries each starts with a dash so they stay apart."""
    if len(texts) < 2:
        return "\n".join(texts)
    return "\n".join(f"\u2013 {t}" for t in texts)


def _actors_cell(item, L: dict) -> str:
    others = [a for a in item.actors if a != item.lead]
    lines = [f"{L['lead']}{L['colon']}{item.lead}"] if item.lead else []
    # each actor on a line of its own, after a dash when there are several
    lines += [f"\u2013 {a}" for a in others] if len(lines) + len(others) > 1 else others
    return "\n".join(lines)


def _mark(start: dt.date, end: dt.date | None, today: dt.date, L: dict) -> str:
    """Where a step stands on ``today``: past, under way (a window that has begun), or
    nothing for what is still to come (so that the marks stand out)."""
    if (end or start) < today:
        return L["past"]
    if start <= today:
        return L["current"]
    return ""


def calendar_rows(model, resolved, rules, today: dt.date) -> list[dict]:
    """The follow-up steps and every item's milestones, one per row, in date order, each
    marked relative to ``today`` (the plan's date: ``--today``, else the real date)."""
    from ..timeline import followup_calendar

    lang = model.language
    lab = _labels(rules, lang)
    L = lab["L"]
    rows = [(m.start, 0, {"when": _when(m.start, m.end, lang, L), "step": lab["steps"].get(m.key, m.key),
                          "mark": _mark(m.start, m.end, today, L)})
            for m in followup_calendar(model.review_date, rules)]
    for r in resolved:
        for ms in r.item.milestones:
            rows.append((ms.date, 1, {"when": format_date(ms.date, lang),
                                      "step": f"{r.item.recommendation_id}{L['colon']}{ms.what}",
                                      "mark": _mark(ms.date, None, today, L)}))
    return [row for _, _, row in sorted(rows, key=lambda x: (x[0], x[1]))]


def plan_context(model, resolved, rules, today: dt.date | None = None) -> dict:
    """The template context (plain strings; the renderer escapes and cleans them);
    ``today`` (default: the real date) marks the calendar's past steps."""
    from ..timeline import next_review

    lang = model.language
    lab = _labels(rules, lang)
    L = lab["L"]
    rows = []
    for r in resolved:
        item, rec = r.item, r.recommendation
        status = item.status or (rec.status if rec is not None else "no-data")
        rows.append({
            "recommendation": _recommendation_cell(item, rec, lab, lang),
            "expected_results": _lines(item.expected_results),
            "action_types": "\n".join(lab["types"].get(t, t) for t in item.action_types),
            "actors": _actors_cell(item, L),
            "indicators": _lines(item.indicators),
            # one milestone per line, each starting with a dash so that they stay apart
            "milestones": _lines([f"{format_date(m.date, lang)}{L['colon']}{m.what}"
                                  for m in sorted(item.milestones, key=lambda m: m.date)]),
            "budget": item.budget or "",
            "status": lab["statuses"].get(status, status),
        })
    today = today or dt.date.today()
    return {
        "title": model.title,
        "organisation": model.organisation.name,
        "state_under_review": model.state_under_review,
        "cycle": str(model.cycle) if model.cycle else "",
        "review_date": format_date(model.review_date, lang),
        "next_review": format_date(next_review(model.review_date, rules), lang),
        "items": rows,
        "as_of": L["as_of"].format(date=format_date(today, lang)),
        "calendar": calendar_rows(model, resolved, rules, today),
    }


def _cells_as_runs(ctx: dict) -> dict:
    """Multi-line cell text -> runs with real line breaks (``{{r cell }}`` in the template)."""
    from .docx_render import runs

    ctx = dict(ctx)
    ctx["items"] = [{k: runs([v]) for k, v in row.items()} for row in ctx["items"]]
    return ctx


def plan_docx(model, resolved, ctx) -> bytes:
    """The matrix as deterministic .docx bytes; ``ctx`` gives ``rules`` and ``template``."""
    from .docx_render import render_template
    from .styles import profile_fonts

    prepare = profile_fonts(ctx.rules.fonts.profiles[PROFILE]) if ctx.template is None else None
    context = _cells_as_runs(plan_context(model, resolved, ctx.rules, ctx.today))
    return render_template(TEMPLATE, model.language, context, template=ctx.template, prepare=prepare,
                           title=model.title, author=model.organisation.name, language=model.language,
                           max_mb=ctx.rules.limits.document_mb)


# --------------------------------------------------------------------------- calendar
def plan_entries(model, resolved, rules) -> list:
    """Every calendar step and every item milestone as all-day entries."""
    from ..ics import Entry, stable_uid
    from ..timeline import followup_calendar

    lang = model.language
    lab = _labels(rules, lang)
    L = lab["L"]
    state = model.state_under_review
    base = ("action-plan", state, model.review_date.isoformat())
    entries = []
    for m in followup_calendar(model.review_date, rules):
        label = lab["steps"].get(m.key, m.key)
        # a window is one all-day entry spanning it (DTEND is the day after, exclusive)
        end = m.end + dt.timedelta(days=1) if m.end else None
        entries.append(Entry(uid=stable_uid(*base, "step", m.key), summary=L["event"].format(state=state, step=label),
                             start=m.start, end=end, description=_when(m.start, m.end, lang, L),
                             categories=["UPR"]))
    for r in resolved:
        item, rec = r.item, r.recommendation
        rid = item.recommendation_id
        details = [rec.text] if rec is not None else []
        if item.lead or item.actors:
            details.append("; ".join(line.removeprefix("\u2013 ") for line in _actors_cell(item, L).split("\n")))
        for j, ms in enumerate(item.milestones):
            entries.append(Entry(uid=stable_uid(*base, "milestone", rid, j), summary=f"{rid}{L['colon']}{ms.what}",
                                 start=ms.date, description="\n".join(details), categories=["UPR"]))
    return entries


def plan_ics(model, resolved, ctx) -> bytes:
    """The follow-up calendar as deterministic .ics bytes; ``ctx`` gives ``rules``."""
    from ..ics import build_calendar

    rules = ctx.rules
    # DTSTAMP from the content (the review day), so the same plan gives the same bytes
    stamp = dt.datetime.combine(model.review_date, dt.time(0, 0), tzinfo=dt.timezone.utc)
    return build_calendar(plan_entries(model, resolved, rules), stamp=stamp, name=model.title)
