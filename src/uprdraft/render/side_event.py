"""The side-event concept note: model -> context -> .docx bytes (template ``side-event``).

Dates are written the way each language writes them (Babel via :mod:`uprdraft.i18n`), times
in Geneva time ("13:00–14:30"), lists joined per language ("A, B and C" / "A, B et C").
The fixed words ("Concept note", "Venue", the agenda's column headers...) are literal text
in each language's template; values and sentences built from the data (guest-list note,
interpretation, "to be confirmed", speaker lines) come from ``rules.side_event.labels``.
"""
from __future__ import annotations

from ..i18n import format_date, format_list, format_time, locale_for
from ..programme import agenda_schedule, event_times, guest_list_send_by, speaker_lines
from ..text import blank_line_paragraphs

TEMPLATE = "side-event"
PROFILE = "hrc-report"
DASH = "\u2013"


def _language_names(codes: list[str], lang: str) -> list[str]:
    from babel import Locale

    names = Locale.parse(locale_for(lang)).languages
    return [names.get(c, c) for c in codes]


def concept_note_context(model, rules, stats: dict | None = None) -> dict:
    """The template context (plain strings, escaped by the renderer); ``rules`` is a Rules."""
    r = rules.side_event
    lang = model.language
    L = r.labels[lang]
    start, end, due = event_times(model, rules)

    agenda = []
    for row in agenda_schedule(model):
        agenda.append({"clock": f"{row['start']}{DASH}{row['end']}",
                       "item": L["discussion"] if row["discussion"] else row["item"],
                       # the moderator chairs the discussion
                       "speaker": (model.moderator.name if model.moderator and row["discussion"] else row["speaker"])})

    webcast = ""
    if model.webcast is True:
        webcast = L["webcast_yes"]
    elif isinstance(model.webcast, str):
        webcast = model.webcast

    contact = ", ".join(x for x in (model.contact.name, model.contact.email, model.contact.phone) if x)
    send_by = guest_list_send_by(due, rules)  # a deadline on a weekend or holiday: the working day before
    key = "guests" if send_by == due else "guests_working_day"
    guests = L[key].format(date=format_date(send_by.date(), lang, "full" if send_by != due else "long"),
                           time=format_time(send_by.time(), lang), hours=r.guest_list_hours_before)
    return {
        "session": model.session,
        "title": model.title,
        "date_text": format_date(model.date, lang, "full"),
        "time_text": f"{format_time(start.time(), lang)}{DASH}{format_time(end.time(), lang)}",
        "venue": model.venue or L["to_be_confirmed"],
        "organisers": format_list([o.name for o in model.organisers], lang),
        "co_sponsors": format_list(list(model.co_sponsoring_states), lang),
        "partners": format_list([p if isinstance(p, str) else p.name for p in model.partners], lang),
        "objectives": list(model.objectives),
        "description": blank_line_paragraphs(model.description),
        "speakers": speaker_lines(model, L),
        "agenda": agenda,
        "languages": format_list(_language_names(model.languages, lang), lang),
        "interpretation": L["interpretation"] if model.interpretation else L["no_interpretation"],
        "accessibility": format_list(list(model.accessibility), lang),
        "webcast": webcast,
        "expected_participants": str(model.expected_participants or ""),
        "guests": guests,
        "contact": contact,
    }


def render_concept_note(model, ctx, stats: dict | None = None) -> bytes:
    """The concept note as deterministic .docx bytes; ``ctx`` gives ``rules`` and ``template``."""
    from .docx_render import render_template
    from .styles import profile_fonts

    prepare = profile_fonts(ctx.rules.fonts.profiles[PROFILE]) if ctx.template is None else None
    context = concept_note_context(model, ctx.rules, stats)
    return render_template(TEMPLATE, model.language, context, template=ctx.template, prepare=prepare,
                           title=model.title, author=model.organisers[0].name, language=model.language,
                           max_mb=ctx.rules.limits.document_mb)
