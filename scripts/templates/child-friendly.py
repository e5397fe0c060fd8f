"""The child-friendly version of a mid-term report: designed for its young readers.

Large text (14 pt, never below rules.child_friendly.min_font_pt [S47]), 1.3 line spacing,
headings that look like headings without bold or colour (large, with space and a rule);
right under the title what kind of version it is and for which age band [S46], written as
words ("10 to 13"); the text; then who wrote it, when and whom to contact. Bootstrap only:
templates/child-friendly-<lang>.docx are the source; the fixed words ("About this
document", "Written by") are literal text from ``rules.child_friendly.wording``, the size
minimum is applied again at render time. Context: ``title``, ``organisation``, ``date``,
``contact``, ``version_note``, ``paragraphs`` (see
``uprdraft.render.midterm.child_friendly_context``).
"""
from docx.shared import Pt

from _common import add, bottom_rule, each, new_document, page_number_footer

from uprdraft.rules import DEFAULT

BODY_PT = 14
TITLE_PT = 24
HEADING_PT = 18


def _size(style, pt: float) -> None:
    style.font.size = Pt(pt)
    rpr = style.element.get_or_add_rPr()
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    cs = rpr.find(qn("w:szCs"))
    if cs is None:
        cs = OxmlElement("w:szCs")
        rpr.find(qn("w:sz")).addnext(cs)
    cs.set(qn("w:val"), str(int(pt * 2)))


def build(lang: str):
    W = DEFAULT.child_friendly.wording[lang]
    colon = "\u00a0: " if lang == "fr" else ": "
    doc = new_document(lang, size_pt=max(BODY_PT, DEFAULT.child_friendly.min_font_pt), line_spacing=1.3,
                       space_after_pt=10)
    page_number_footer(doc)
    title_style, heading_style = doc.styles["Heading 1"], doc.styles["Heading 2"]
    for style, pt, before, after in ((title_style, TITLE_PT, 0, 14), (heading_style, HEADING_PT, 18, 8)):
        _size(style, pt)
        style.paragraph_format.space_before = Pt(before)
        style.paragraph_format.space_after = Pt(after)
        style.paragraph_format.keep_with_next = True
        style.paragraph_format.line_spacing = 1.1
    bottom_rule(title_style, space_pt=6)

    doc.add_paragraph("{{ title }}", style="Heading 1")
    add(doc, "{{ version_note }}").paragraph_format.space_after = Pt(14)  # [S46] right under the title
    each(doc, "paragraphs", "{{ p }}")
    # who made it, when, and whom to ask: at the end, under its own heading
    doc.add_paragraph(W["about"], style="Heading 2")
    add(doc, f"{W['by']}{colon}{{{{ organisation }}}}").paragraph_format.space_after = Pt(2)
    add(doc, f"{W['date']}{colon}{{{{ date }}}}").paragraph_format.space_after = Pt(2)
    add(doc, "{%p if contact %}")
    add(doc, f"{W['contact']}{colon}{{{{ contact }}}}").paragraph_format.space_after = Pt(2)
    add(doc, "{%p endif %}")
    return doc


LANGUAGES = ("en", "fr", "es")
