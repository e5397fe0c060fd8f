"""The child-friendly version of a mid-term report: large print, plain layout.

Text at least 12 pt (rules.child_friendly.min_font_pt [S47]), no emphasis, 1.15 line
spacing; the document says whether it is a summary or a literal version and for which age
band [S46] right under the title. Bootstrap only: templates/child-friendly-<lang>.docx
are the source; the heading "About this document" is literal text from
``rules.child_friendly.wording``, the size minimum is applied again at render time.
Context: ``title``, ``version_note``, ``paragraphs`` (see
``uprdraft.render.midterm.child_friendly_context``).
"""
from _common import add, each, new_document

from uprdraft.rules import DEFAULT


def build(lang: str):
    doc = new_document(lang, size_pt=DEFAULT.child_friendly.min_font_pt, line_spacing=1.15, space_after_pt=8)
    doc.add_paragraph("{{ title }}", style="Heading 1").paragraph_format.keep_with_next = True
    doc.add_paragraph(DEFAULT.child_friendly.wording[lang]["about"], style="Heading 2").paragraph_format.keep_with_next = True
    add(doc, "{{ version_note }}")
    each(doc, "paragraphs", "{{ p }}")
    return doc


LANGUAGES = ("en", "fr", "es")
