"""The speaker's script of an oral statement: model + timing -> .docx bytes.

Large print for reading aloud (template ``oral-statement``: at least 14 pt, generous line
spacing, no emphasis); the headings say where and when the statement is delivered, then
every spoken paragraph ends with the cumulative time as plain text, e.g. ``[0:45]``.
The fixed headings ("Session:", "Speaker:" ...) are literal text in each language's
template; the values and the sentences with numbers in them (timing, reading note, video
note, segment and delivery names) come from ``rules.oral.labels`` (English when the
language has none). Sizes are rules applied at render time: the ``Spoken`` style gets
``rules.oral.script_font_pt`` (never below the ``speaker-script`` minimum) and
``rules.oral.script_line_spacing``.
"""
from __future__ import annotations

from ..text import clock

TEMPLATE = "oral-statement"
PROFILE = "speaker-script"
SPOKEN_STYLE = "Spoken"


def script_labels(lang: str, oral_rules) -> tuple[dict, list[tuple[str, str]]]:
    """The script's labels in ``lang`` (``rules.oral``), or English with a (code, message) note."""
    labels = oral_rules.labels.get(lang)
    if labels is None:
        return oral_rules.labels["en"], [("labels-in-english", f"the script's headings are in English (no '{lang}' labels "
                                                      "yet); the spoken text stays in the statement's language")]
    return labels, []


def script_context(model, timing: dict, rules) -> dict:
    """The template context (plain strings, escaped by the renderer): the header values,
    reading ``notes`` and the spoken ``paragraphs``. ``rules`` is a Rules."""
    labels, _ = script_labels(model.language, rules.oral)
    limit = clock(timing["limit_seconds"])
    notes = [labels["reading_note"].format(limit=limit)]
    if model.delivery == "video":
        notes.append(labels["video_note"].format(limit=limit))
    return {
        "session": str(model.session),
        "agenda_item": str(model.agenda_item),
        "segment": labels[model.segment],
        "state_under_review": model.state_under_review or "",
        "organisation": model.organisation.name,
        "joint_with": "; ".join(model.partner_names),
        "speaker": model.speaker.name + (f", {model.speaker.function}" if model.speaker.function else ""),
        "delivery": labels[model.delivery],
        "timing": labels["timing_value"].format(estimate=clock(timing["exact_seconds"]), limit=limit,
                                                words=timing["words"], wpm=timing["words_per_minute"]),
        "notes": notes,
        "paragraphs": [f"{p.text} [{p.mark}]" for p in timing["paragraphs"]],
    }


def _prepare(rules, shipped: bool):
    from .styles import profile_fonts, style_size

    profile = rules.fonts.profiles[PROFILE]
    minimum = profile.min_size_pt or profile.size_pt

    def prepare(document) -> None:
        if shipped:
            profile_fonts(profile)(document)
        style_size(document, SPOKEN_STYLE, max(rules.oral.script_font_pt, minimum), rules.oral.script_line_spacing)
    return prepare


def render_script(model, timing: dict, ctx) -> bytes:
    """The speaker's script as .docx bytes (deterministic); ``ctx`` gives ``rules`` and ``template``."""
    from .docx_render import render_template

    labels, _ = script_labels(model.language, ctx.rules.oral)
    context = script_context(model, timing, ctx.rules)
    return render_template(TEMPLATE, model.language, context, template=ctx.template,
                           prepare=_prepare(ctx.rules, ctx.template is None),
                           title=f"{labels['title']} (HRC{model.session})",
                           author=model.organisation.name, language=model.language,
                           max_mb=ctx.rules.limits.document_mb)
