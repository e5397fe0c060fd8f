"""Written statement -> .docx bytes (template ``written-statement-<lang>.docx``)."""
from __future__ import annotations

from .docx_render import Notes, render_template, runs


def render_written_docx(model, content) -> bytes:
    notes = Notes()
    context = {
        "title": runs(content.title, notes),
        "paragraphs": [runs(p.segments, notes) for p in content.paragraphs],
    }
    return render_template("written-statement", model.language, context, notes=notes,
                           title=model.title, author=model.organisation.name, language=model.language)
