"""Rules applied to a template at render time: fonts, sizes and line spacing.

The Word templates are edited by people (restyled in Word or LibreOffice), so values that
are rules (``rules.fonts.profiles``, ``rules.oral.script_font_pt``,
``rules.child_friendly.min_font_pt``...) are never trusted from the template: the writers
set them on the loaded template (a python-docx ``Document``) just before it is rendered,
through :func:`uprdraft.render.docx_render.render_template`'s ``prepare`` hook. A
``--rules`` file therefore changes them.
"""
from __future__ import annotations

from collections.abc import Callable

SLOTS = ("ascii", "hAnsi", "eastAsia", "cs")
# attributes that tie a run's font to the theme: they would override w:ascii and the others
THEME_SLOTS = ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme")


def _default_rpr(document):
    """The document-default run properties (``w:docDefaults/w:rPrDefault/w:rPr``), created if absent."""
    from docx.oxml.ns import qn

    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = styles.makeelement(qn("w:docDefaults"), {})
        styles.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = defaults.makeelement(qn("w:rPrDefault"), {})
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = rpr_default.makeelement(qn("w:rPr"), {})
        rpr_default.append(rpr)
    return rpr


def _set_size(rpr, size_pt: float) -> None:
    """``w:sz`` and ``w:szCs`` (complex scripts: Arabic) in half-points, in schema order."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    rpr.sz_val = Pt(size_pt)  # python-docx puts w:sz in its schema place
    half = str(int(round(size_pt * 2)))
    cs = rpr.find(qn("w:szCs"))
    if cs is None:
        cs = OxmlElement("w:szCs")
        rpr.find(qn("w:sz")).addnext(cs)  # w:szCs comes right after w:sz
    cs.set(qn("w:val"), half)


def _size_of(rpr) -> float | None:
    sz = rpr.sz_val if rpr is not None else None
    return sz.pt if sz is not None else None


def _set_font(rpr, font: str) -> None:
    from docx.oxml.ns import qn

    fonts = rpr.get_or_add_rFonts()
    for slot in THEME_SLOTS:
        fonts.attrib.pop(qn(f"w:{slot}"), None)
    for slot in SLOTS:
        fonts.set(qn(f"w:{slot}"), font)


def default_font(document, font: str, size_pt: float) -> None:
    """The document's default font (every slot) and size: what every style inherits."""
    rpr = _default_rpr(document)
    _set_font(rpr, font)
    _set_size(rpr, size_pt)


def default_size_at_least(document, min_pt: float) -> None:
    """Raise the document's default size, and every style's own size, to ``min_pt``."""
    rpr = _default_rpr(document)
    current = _size_of(rpr)
    if current is None or current < min_pt - 0.001:
        _set_size(rpr, min_pt)
    for style in document.styles:
        srpr = style.element.rPr
        size = _size_of(srpr)
        if size is not None and size < min_pt - 0.001:
            _set_size(srpr, min_pt)


def style_size(document, style_name: str, size_pt: float, line_spacing: float | None = None) -> bool:
    """Set a paragraph style's size (and line spacing, a multiple of single). False when the
    template has no such style (a custom template; the check judges the result)."""
    try:
        style = document.styles[style_name]
    except KeyError:
        return False
    _set_size(style.element.get_or_add_rPr(), size_pt)
    if line_spacing is not None:
        style.paragraph_format.line_spacing = line_spacing
    return True


def profile_fonts(profile) -> Callable:
    """A ``prepare`` hook applying a font profile (``rules.fonts.profiles[name]``): its font
    and size as the document defaults; an "at least" profile only raises smaller sizes."""
    def prepare(document) -> None:
        rpr = _default_rpr(document)
        _set_font(rpr, profile.font)
        if profile.min_size_pt is not None:
            default_size_at_least(document, max(profile.min_size_pt, profile.size_pt))
        else:
            _set_size(rpr, profile.size_pt)
    return prepare
