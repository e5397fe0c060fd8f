"""Written statement -> .docx bytes (template ``written-statement-<lang>.docx``).

The HRC format is fixed (domain-rules.md section 1): with the shipped template the font and
size of the ``hrc-written`` profile (``rules.fonts.profiles``) are applied at render time; a
custom template is rendered as it is and the self-check judges it against the profile.
"""
from __future__ import annotations

from .docx_render import Notes, render_template, runs

TEMPLATE = "written-statement"
PROFILE = "hrc-written"


def written_context(model, content, notes: Notes) -> dict:
    """The template context: ``title`` (Runs, may carry the supporters footnote) and
    ``paragraphs`` (Runs); footnotes are collected in ``notes``."""
    return {
        "title": runs(content.title, notes),
        "paragraphs": [runs(p.segments, notes) for p in content.paragraphs],
    }


def render_written_docx(model, content, ctx) -> bytes:
    """The statement as deterministic .docx bytes; ``ctx`` gives ``rules`` and ``template``."""
    from .styles import profile_fonts

    notes = Notes()
    context = written_context(model, content, notes)
    prepare = profile_fonts(ctx.rules.fonts.profiles[PROFILE]) if ctx.template is None else None
    return render_template(TEMPLATE, model.language, context, template=ctx.template, prepare=prepare, notes=notes,
                           title=model.title, author=model.organisation.name, language=model.language,
                           max_mb=ctx.rules.limits.document_mb)
