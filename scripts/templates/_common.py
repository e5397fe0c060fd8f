"""Helpers for the template builders: a plain Word document in one font and size.

Every builder starts from :func:`new_document`, which removes what makes a Word file
non-compliant before any text is written: theme fonts (replaced by the font in every slot:
ascii, hAnsi, eastAsia, cs), bold/italic/underline/colour in every style, and sets the
document defaults, the language, A4 pages and the footnote styles.
"""
from __future__ import annotations

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

# the one schema order of w:rPr, shared with the fixer
from uprdraft.ooxml.props import insert_rpr as _insert_in_order

LANG_TAGS = {"en": "en-GB", "fr": "fr-FR", "es": "es-ES", "ar": "ar-SA", "zh": "zh-CN", "ru": "ru-RU"}
EMPHASIS = ("w:b", "w:bCs", "w:i", "w:iCs", "w:u", "w:color", "w:caps", "w:smallCaps", "w:strike",
            "w:dstrike", "w:highlight", "w:vanish")


def _set_fonts(rpr, font: str, half_points: int | None, lang: str | None = None) -> None:
    for tag in ("w:rFonts", "w:sz", "w:szCs"):
        for el in rpr.findall(qn(tag)):
            rpr.remove(el)
    fonts = OxmlElement("w:rFonts")
    for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{slot}"), font)
    rpr.insert(0, fonts)
    if half_points:
        for tag in ("w:sz", "w:szCs"):
            el = OxmlElement(tag)
            el.set(qn("w:val"), str(half_points))
            _insert_in_order(rpr, el)
    if lang:
        for el in rpr.findall(qn("w:lang")):
            rpr.remove(el)
        el = OxmlElement("w:lang")
        el.set(qn("w:val"), LANG_TAGS.get(lang, lang))
        el.set(qn("w:eastAsia"), LANG_TAGS.get(lang, lang))
        el.set(qn("w:bidi"), "ar-SA")
        rpr.append(el)


def _rpr_of(parent):
    rpr = parent.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        parent.append(rpr)
    return rpr


def new_document(lang: str, *, font: str = "Times New Roman", size_pt: float = 10, landscape: bool = False,
                 line_spacing: float | None = None, space_after_pt: float = 6):
    doc = Document()
    half = int(round(size_pt * 2))
    styles = doc.styles.element
    # document defaults: the font in every slot, the size, the language
    defaults = styles.find(qn("w:docDefaults"))
    rpr_default = defaults.find(qn("w:rPrDefault"))
    _set_fonts(_rpr_of(rpr_default), font, half, lang)
    # every style: no emphasis, no colour, no font or size of its own (so the defaults
    # above decide, and no theme font can come back through a style)
    for style in styles.findall(qn("w:style")):
        rpr = style.find(qn("w:rPr"))
        if rpr is not None:
            for tag in EMPHASIS + ("w:rFonts", "w:sz", "w:szCs"):
                for el in rpr.findall(qn(tag)):
                    rpr.remove(el)
    normal = doc.styles["Normal"]
    pf = normal.paragraph_format
    pf.space_after = Pt(space_after_pt)
    pf.space_before = Pt(0)
    if line_spacing:
        pf.line_spacing = line_spacing
    _add_footnote_styles(doc, font, half)
    for section in doc.sections:
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
        if landscape:
            section.orientation = WD_ORIENT.LANDSCAPE
            section.page_width, section.page_height = section.page_height, section.page_width
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, Cm(2.0 if landscape else 2.5))
    # python-docx's default template starts with no paragraph; builders add their own
    return doc


def _add_footnote_styles(doc, font: str, half: int) -> None:
    from docx.enum.style import WD_STYLE_TYPE

    names = {s.name for s in doc.styles}
    if "footnote text" not in names:
        st = doc.styles.add_style("footnote text", WD_STYLE_TYPE.PARAGRAPH)
        st.element.set(qn("w:styleId"), "FootnoteText")
        st.base_style = doc.styles["Normal"]
        st.paragraph_format.space_after = Pt(0)
    if "footnote reference" not in names:
        st = doc.styles.add_style("footnote reference", WD_STYLE_TYPE.CHARACTER)
        st.element.set(qn("w:styleId"), "FootnoteReference")
        rpr = _rpr_of(st.element)
        va = OxmlElement("w:vertAlign")
        va.set(qn("w:val"), "superscript")
        _insert_in_order(rpr, va)


def add(doc, text: str, *, align=None, keep_with_next: bool = False):
    """A paragraph holding one run of ``text`` (a Jinja tag or a label)."""
    p = doc.add_paragraph(text)
    if align is not None:
        p.alignment = align
    if keep_with_next:
        p.paragraph_format.keep_with_next = True
    return p


def repeat_header(row) -> None:
    """Mark a table row as a header row repeated on every page (w:tblHeader)."""
    trpr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    trpr.append(el)


def each(doc, items: str, body: str, var: str = "p", *, keep_with_next: bool = False):
    """One paragraph ``body`` repeated for every ``var`` in ``items`` (docxtpl ``{%p for %}``,
    which keeps the paragraph's style); returns the repeated paragraph."""
    add(doc, f"{{%p for {var} in {items} %}}")
    p = add(doc, body, keep_with_next=keep_with_next)
    add(doc, "{%p endfor %}")
    return p
