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


# --------------------------------------------------------------------------- finished look
def page_number_footer(doc) -> None:
    """The page number, centred in the footer of every page (a PAGE field, no words: the
    checker reads a bare number as no text, so the profiles still pass)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    for section in doc.sections:
        footer = section.footer
        footer.is_linked_to_previous = False
        p = footer.paragraphs[0]
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.space_after = Pt(0)
        field = OxmlElement("w:fldSimple")
        field.set(qn("w:instr"), " PAGE ")
        run = OxmlElement("w:r")
        text = OxmlElement("w:t")
        text.text = "1"
        run.append(text)
        field.append(run)
        p._p.append(field)


def cant_split(row) -> None:
    """A table row that is never split across two pages (w:cantSplit)."""
    trpr = row._tr.get_or_add_trPr()
    if trpr.find(qn("w:cantSplit")) is None:
        trpr.insert(0, OxmlElement("w:cantSplit"))


def keep_lines(paragraph) -> None:
    """All lines of the paragraph on one page (w:keepLines)."""
    paragraph.paragraph_format.keep_together = True


def bottom_rule(paragraph_or_style, space_pt: int = 2, where: str = "bottom") -> None:
    """A thin line under (or over) a paragraph or a paragraph style: a heading that looks
    like one without bold, which the HRC font rules do not allow."""
    el = paragraph_or_style.element if hasattr(paragraph_or_style, "style_id") else paragraph_or_style._p
    ppr = el.get_or_add_pPr()
    bdr = ppr.find(qn("w:pBdr"))
    if bdr is None:
        bdr = OxmlElement("w:pBdr")
        # w:pBdr comes after keepNext/keepLines/pageBreakBefore/framePr/widowControl/numPr/suppressLineNumbers
        after = None
        for tag in ("w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr", "w:widowControl", "w:numPr",
                    "w:suppressLineNumbers", "w:pStyle"):
            found = ppr.find(qn(tag))
            if found is not None:
                after = found if after is None or ppr.index(found) > ppr.index(after) else after
        if after is not None:
            after.addnext(bdr)
        else:
            ppr.insert(0, bdr)
    line = OxmlElement(f"w:{where}")
    line.set(qn("w:val"), "single")
    line.set(qn("w:sz"), "6")
    line.set(qn("w:space"), str(space_pt))
    line.set(qn("w:color"), "auto")
    bdr.append(line)


CELL_MARGIN_TWIPS = 85  # 0.15 cm left and right in every cell (Word's default is 0.19 cm)


def _cell_margins(table, twips: int) -> None:
    """Left and right cell margins of the whole table (w:tblCellMar, before w:tblLook)."""
    tblpr = table._tbl.tblPr
    mar = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:w"), str(twips))
        el.set(qn("w:type"), "dxa")
        mar.append(el)
    look = tblpr.find(qn("w:tblLook"))
    (look.addprevious if look is not None else tblpr.append)(mar)


def grid_table(doc, header: list[str], cells: list[str], widths_cm, loop: str, *, align=None,
               keep_together: bool = False):
    """A grid table sized for its content: ``widths_cm`` per column (w:gridCol, which
    LibreOffice follows, and w:tcW, which Word follows), a header row repeated on every page
    (w:tblHeader), rows never split across pages (w:cantSplit), cell text without space
    after; then one row per element of ``loop`` (docxtpl ``{%tr for row in loop %}``).
    ``keep_together`` keeps the whole table on one page (every paragraph keeps with the next)."""
    t = doc.add_table(rows=4, cols=len(header))
    t.style = doc.styles["Table Grid"]
    t.autofit = False
    _cell_margins(t, CELL_MARGIN_TWIPS)
    if align is not None:
        t.alignment = align
    for col, w in zip(t.columns, widths_cm):
        col.width = Cm(w)
    for row in t.rows:
        cant_split(row)
        for cell, w in zip(row.cells, widths_cm):
            cell.width = Cm(w)
    for cell, text in zip(t.rows[0].cells, header):
        cell.text = text
    repeat_header(t.rows[0])
    t.rows[1].cells[0].text = f"{{%tr for row in {loop} %}}"
    for cell, text in zip(t.rows[2].cells, cells):
        cell.text = text
    t.rows[3].cells[0].text = "{%tr endfor %}"
    for row in (t.rows[0], t.rows[2]):
        for cell in row.cells:
            for p in cell.paragraphs:
                p.paragraph_format.space_after = Pt(2)
                if keep_together:
                    p.paragraph_format.keep_with_next = True
    return t
