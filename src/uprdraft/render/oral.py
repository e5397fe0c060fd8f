"""The speaker's script of an oral statement: model + timing -> .docx bytes.

Large print for reading aloud (template ``oral-statement``: at least 14 pt, generous line
spacing, no emphasis); the headings say where and when the statement is delivered, then
every spoken paragraph ends with the cumulative time as plain text, e.g. ``[0:45]``.
Labels come from ``rules.oral.labels`` (English when the language has none).
"""
from __future__ import annotations

from ..kinds.oral import _labels, clock
from ..rules import get_rules

TEMPLATE = "oral-statement"


def script_context(model, timing: dict) -> dict:
    """The template context: ``title``, ``header`` lines, reading ``notes``, ``paragraphs``."""
    labels, _ = _labels(model.language, get_rules().oral)
    limit = clock(timing["limit_seconds"])
    speaker = model.speaker.name + (f", {model.speaker.function}" if model.speaker.function else "")
    header = [
        f"{labels['session']} {labels['session_value'].format(session=model.session)}",
        f"{labels['agenda_item']} {model.agenda_item}",
        f"{labels['segment']} {labels[model.segment]}",
    ]
    if model.state_under_review:
        header.append(f"{labels['state_under_review']} {model.state_under_review}")
    header.append(f"{labels['organisation']} {model.organisation.name}")
    if model.partner_names:
        header.append(f"{labels['joint_with']} {'; '.join(model.partner_names)}")
    header += [
        f"{labels['speaker']} {speaker}",
        f"{labels['delivery']} {labels[model.delivery]}",
        f"{labels['timing']} " + labels["timing_value"].format(
            estimate=clock(timing["exact_seconds"]), limit=limit, words=timing["words"],
            wpm=timing["words_per_minute"]),
    ]
    notes = [labels["reading_note"].format(limit=limit)]
    if model.delivery == "video":
        notes.append(labels["video_note"].format(limit=limit))
    paragraphs = [f"{p.text} [{p.mark}]" for p in timing["paragraphs"]]
    return {"title": labels["title"], "header": header, "notes": notes, "paragraphs": paragraphs}


def render_script(model, timing: dict) -> bytes:
    """The speaker's script as .docx bytes (deterministic)."""
    from .docx_render import render_template

    ctx = script_context(model, timing)
    return render_template(TEMPLATE, model.language, ctx, title=f"{ctx['title']} (HRC{model.session})",
                           author=model.organisation.name, language=model.language)
