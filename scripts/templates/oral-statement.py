"""The oral-statement template: a speaker's script in large print for reading aloud.

Bootstrap only: templates/oral-statement-<lang>.docx are the source (edit them in Word or
LibreOffice); this writes them the first time, the headings as literal text from
``rules.oral.labels`` (English for a language without labels). Times New Roman in every
font slot, no emphasis. Headings and notes at the speaker-script minimum (14 pt); the
spoken paragraphs in the ``Spoken`` style, whose size and line spacing the writer sets at
render time from ``rules.oral.script_font_pt`` and ``script_line_spacing``. Arabic pages
run right to left. Context: see ``uprdraft.render.oral.script_context``.
"""
from _common import add, bottom_rule, each, new_document, page_number_footer
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from uprdraft.rules import DEFAULT

RTL = ("ar",)


def _rtl(doc) -> None:
    # right-to-left paragraphs and runs by default (Normal is the base of every style here)
    ppr = doc.styles["Normal"].element.get_or_add_pPr()
    ppr.insert(0, OxmlElement("w:bidi"))
    rpr = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    rtl = OxmlElement("w:rtl")
    lang = rpr.find(qn("w:lang"))
    (lang.addprevious if lang is not None else rpr.append)(rtl)


def build(lang: str):
    rules = DEFAULT
    labels = rules.oral.labels.get(lang, rules.oral.labels["en"])
    minimum = rules.fonts.profiles["speaker-script"].min_size_pt
    oral = rules.oral
    doc = new_document(lang, size_pt=minimum, line_spacing=1.15, space_after_pt=4)
    if lang in RTL:
        _rtl(doc)
    spoken = doc.styles.add_style("Spoken", WD_STYLE_TYPE.PARAGRAPH)
    spoken.base_style = doc.styles["Normal"]
    spoken.font.size = Pt(max(oral.script_font_pt, minimum))
    spoken.paragraph_format.line_spacing = oral.script_line_spacing
    spoken.paragraph_format.space_after = Pt(14)
    spoken.paragraph_format.widow_control = True
    spoken.paragraph_format.keep_together = True  # a paragraph is never cut by a page turn
    # the fonts of the new style in every slot, like the others
    rfonts = spoken.element.get_or_add_rPr().get_or_add_rFonts()
    for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
        rfonts.set(qn(f"w:{slot}"), "Times New Roman")
    size_cs = OxmlElement("w:szCs")
    size_cs.set(qn("w:val"), str(int(round(max(oral.script_font_pt, minimum) * 2))))
    spoken.element.rPr.append(size_cs)

    page_number_footer(doc)
    title = add(doc, labels["title"], keep_with_next=True)
    title.paragraph_format.space_after = Pt(10)
    bottom_rule(title)

    def line(label: str, value: str) -> None:
        add(doc, f"{labels[label]} {value}", keep_with_next=True)

    def optional(label: str, var: str) -> None:
        add(doc, f"{{%p if {var} %}}")
        line(label, f"{{{{ {var} }}}}")
        add(doc, "{%p endif %}")

    line("session", labels["session_value"].format(session="{{ session }}"))
    line("agenda_item", "{{ agenda_item }}")
    line("segment", "{{ segment }}")
    optional("state_under_review", "state_under_review")
    line("organisation", "{{ organisation }}")
    optional("joint_with", "joint_with")
    line("speaker", "{{ speaker }}")
    line("delivery", "{{ delivery }}")
    line("timing", "{{ timing }}")
    each(doc, "notes", "{{ note }}", "note", keep_with_next=True).paragraph_format.space_before = Pt(8)
    # the text to read, set apart: a rule above, space and its own heading
    heading = add(doc, labels.get("text_to_read", rules.oral.labels["en"]["text_to_read"]), keep_with_next=True)
    heading.paragraph_format.space_before = Pt(24)
    heading.paragraph_format.space_after = Pt(12)
    bottom_rule(heading, space_pt=4)
    each(doc, "paragraphs", "{{ p }}").style = spoken
    return doc


LANGUAGES = ("ar", "zh", "en", "fr", "ru", "es")
