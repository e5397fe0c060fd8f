"""The pre-session statement: a speaker's script in large print [S53] (like the oral
statement's): the headings, the reading and due-date notes, the spoken paragraphs in the
``Spoken`` style (size and line spacing from ``rules.oral`` at render time), each ending with
the time elapsed, then the organisation's description. Bootstrap only. Context: see
``uprdraft.render.next_review.pre_session_context``.
"""
from _common import add, each, new_document, page_number_footer
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from uprdraft.rules import DEFAULT


def build(lang: str):
    L = DEFAULT.next_review.labels[lang]
    oral = DEFAULT.oral
    minimum = DEFAULT.fonts.profiles["speaker-script"].min_size_pt
    doc = new_document(lang, size_pt=minimum, line_spacing=1.15, space_after_pt=4)
    page_number_footer(doc)
    spoken = doc.styles.add_style("Spoken", WD_STYLE_TYPE.PARAGRAPH)
    spoken.base_style = doc.styles["Normal"]
    spoken.font.size = Pt(max(oral.script_font_pt, minimum))
    spoken.paragraph_format.line_spacing = oral.script_line_spacing
    spoken.paragraph_format.space_after = Pt(14)
    rfonts = spoken.element.get_or_add_rPr().get_or_add_rFonts()
    for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
        rfonts.set(qn(f"w:{slot}"), "Times New Roman")
    size_cs = OxmlElement("w:szCs")
    size_cs.set(qn("w:val"), str(int(round(max(oral.script_font_pt, minimum) * 2))))
    spoken.element.rPr.append(size_cs)
    c = L["colon"]

    add(doc, L["ps_title"], keep_with_next=True).paragraph_format.space_after = Pt(10)
    add(doc, f"{L['ps_state']}{c}{{{{ state }}}}", keep_with_next=True)
    add(doc, f"{L['ps_date']}{c}{{{{ date }}}}", keep_with_next=True)
    add(doc, f"{L['ps_organisation']}{c}{{{{ organisation }}}}", keep_with_next=True)
    add(doc, "{%p if joint_with %}")
    add(doc, f"{L['ps_joint_with']}{c}{{{{ joint_with }}}}", keep_with_next=True)
    add(doc, "{%p endif %}")
    add(doc, f"{L['ps_speaker']}{c}{{{{ speaker }}}}", keep_with_next=True)
    add(doc, f"{L['ps_timing']}{c}{{{{ timing }}}}", keep_with_next=True)
    each(doc, "notes", "{{ note }}", "note", keep_with_next=True).paragraph_format.space_before = Pt(8)
    doc.add_paragraph("{{ title }}", style="Heading 1").paragraph_format.keep_with_next = True
    each(doc, "paragraphs", "{{ p }}").style = spoken
    doc.add_paragraph(L["ps_about"], style="Heading 2").paragraph_format.keep_with_next = True
    each(doc, "about", "{{ p }}")
    return doc


LANGUAGES = ("en", "fr", "es")
