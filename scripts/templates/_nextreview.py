"""Helpers for the next-review templates (issue 16): real Word paragraph numbering, page
numbers in the footer, grid tables and headings.

Paragraph numbering is Word's own (``word/numbering.xml``: one abstract numbering "1.", "2.",
... and its ``w:num``), carried by the ``UPR Paragraph`` style *and* by each numbered
paragraph's ``w:numPr``: a paragraph added or moved in Word keeps the sequence, as in a UN
document. Page numbers are a ``PAGE`` field in the footer.
"""
from __future__ import annotations

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt

from _common import add, repeat_header
from uprdraft.ooxml.props import insert_ppr

NUM_ID = "90"
NUMBERED = "UPR Paragraph"


def _numbering(doc) -> None:
    numbering = doc.part.numbering_part.element
    if numbering.find(qn("w:num") + f"[@{qn('w:numId')}='{NUM_ID}']") is not None:
        return
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{NUM_ID}"><w:multiLevelType w:val="singleLevel"/>'
        f'<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/>'
        f'<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="567" w:hanging="567"/></w:pPr></w:lvl></w:abstractNum>')
    first = numbering.find(qn("w:num"))
    if first is not None:
        first.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{NUM_ID}"><w:abstractNumId w:val="{NUM_ID}"/></w:num>'))


def _num_pr(ilvl: bool = True):
    el = OxmlElement("w:numPr")
    if ilvl:
        lvl = OxmlElement("w:ilvl")
        lvl.set(qn("w:val"), "0")
        el.append(lvl)
    num = OxmlElement("w:numId")
    num.set(qn("w:val"), NUM_ID)
    el.append(num)
    return el


def numbered_style(doc):
    """The ``UPR Paragraph`` style: numbered 1., 2., ... across the whole document."""
    _numbering(doc)
    names = {s.name for s in doc.styles}
    if NUMBERED in names:
        return doc.styles[NUMBERED]
    st = doc.styles.add_style(NUMBERED, WD_STYLE_TYPE.PARAGRAPH)
    st.base_style = doc.styles["Normal"]
    st.element.set(qn("w:styleId"), "UPRParagraph")
    insert_ppr(st.element.get_or_add_pPr(), _num_pr(ilvl=False))
    return st


def numbered(doc, text: str):
    """A numbered paragraph (style and numPr)."""
    p = doc.add_paragraph(text, style=numbered_style(doc))
    insert_ppr(p._p.get_or_add_pPr(), _num_pr())
    return p


def numbered_each(doc, items: str, body: str = "{{r p }}", var: str = "p"):
    add(doc, f"{{%p for {var} in {items} %}}")
    p = numbered(doc, body)
    add(doc, "{%p endfor %}")
    return p


def page_numbers(doc) -> None:
    """A centred PAGE field in the footer of every section."""
    for section in doc.sections:
        footer = section.footer
        footer.is_linked_to_previous = False
        p = footer.paragraphs[0]
        ppr = p._p.pPr
        if ppr is not None and ppr.find(qn("w:pStyle")) is not None:
            ppr.remove(ppr.find(qn("w:pStyle")))
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p._p.append(parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>'))


def heading(doc, text: str, level: int = 1):
    p = doc.add_paragraph(text, style=f"Heading {level}")
    p.paragraph_format.keep_with_next = True
    p.paragraph_format.space_before = Pt(10)
    return p


def table(doc, header: list[str], loop: str, cells: list[str], widths: tuple[float, ...]):
    """A grid table as in the other documents (``_common.grid_table``: header row repeated on
    each page, rows never split); a cell text with "\\n" holds several paragraphs."""
    from _common import grid_table

    t = grid_table(doc, header, [c.split("\n")[0] for c in cells], widths, loop)
    for cell, text in zip(t.rows[2].cells, cells):
        for line in text.split("\n")[1:]:
            cell.add_paragraph(line)
    return t


def chart_paragraph(doc):
    p = add(doc, "{{r status_chart }}")
    p.paragraph_format.keep_with_next = True
    return p


def no_break(p) -> None:
    p.paragraph_format.keep_together = True


__all__ = ["NUMBERED", "chart_paragraph", "heading", "numbered", "numbered_each", "numbered_style", "page_numbers",
           "table", "Cm", "OxmlElement"]
