"""Schema order of property children, written once for every writer of WordprocessingML.

Word refuses (or "repairs") a file whose property elements are out of the order the schema
fixes, so every new child is inserted at its place instead of appended. Orders are local
names in the ``w:`` namespace; children the order does not know (extensions in other
namespaces) are left where they are.
"""
from __future__ import annotations

from .xml import W_NS

# CT_RPr (ISO/IEC 29500-1, 17.3.2.28), with the paragraph-mark-only elements first and
# rPrChange last.
RPR_ORDER = (
    "ins", "del", "moveFrom", "moveTo", "rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps",
    "strike", "dstrike", "outline", "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish",
    "webHidden", "color", "spacing", "w", "kern", "position", "sz", "szCs", "highlight", "u", "effect",
    "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout", "specVanish",
    "oMath", "rPrChange")
# CT_PPr (17.3.1.26).
PPR_ORDER = (
    "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
    "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
    "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid",
    "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection",
    "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange")
# CT_Style (17.7.4.17).
STYLE_ORDER = (
    "name", "aliases", "basedOn", "next", "link", "autoRedefine", "hidden", "uiPriority", "semiHidden",
    "unhideWhenUsed", "qFormat", "locked", "personal", "personalCompose", "personalReply", "rsid", "pPr",
    "rPr", "tblPr", "trPr", "tcPr", "tblStylePr")
# CT_Settings (17.15.1.78) from footnotePr on: what may follow the note properties.
SETTINGS_TAIL_ORDER = (
    "footnotePr", "endnotePr", "compat", "docVars", "rsids", "mathPr", "attachedSchema", "themeFontLang",
    "clrSchemeMapping", "doNotIncludeSubdocsInStats", "doNotAutoCompressPictures", "forceUpgrade", "captions",
    "readModeInkLockDown", "smartTagType", "schemaLibrary", "shapeDefaults", "doNotEmbedSmartTags",
    "decimalSymbol", "listSeparator")

_W = f"{{{W_NS}}}"


def _rank(order: tuple[str, ...]) -> dict[str, int]:
    return {_W + name: i for i, name in enumerate(order)}


# computed once for the orders above (read-only); any other order is ranked per call
_RANKS: dict[tuple[str, ...], dict[str, int]] = {
    order: _rank(order) for order in (RPR_ORDER, PPR_ORDER, STYLE_ORDER, SETTINGS_TAIL_ORDER)}


def insert_in_order(parent, el, order: tuple[str, ...], append: bool = True) -> bool:
    """Insert ``el`` into ``parent`` before the first known child that follows it in
    ``order``; with no such child, append it (or, with ``append=False``, leave the tree as it
    is and return False, for parents whose unknown trailing children must stay last)."""
    rank = _RANKS.get(order) or _rank(order)
    pos = rank.get(el.tag, len(order))
    for i, child in enumerate(parent):
        if rank.get(child.tag, -1) > pos:
            parent.insert(i, el)
            return True
    if append:
        parent.append(el)
    return append


def insert_rpr(rpr, el) -> None:
    """Put a run-property child (``w:sz``, ``w:rFonts``, ...) at its place in ``w:rPr``."""
    insert_in_order(rpr, el, RPR_ORDER)


def insert_ppr(ppr, el) -> None:
    insert_in_order(ppr, el, PPR_ORDER)


def insert_style_child(style, el) -> None:
    insert_in_order(style, el, STYLE_ORDER)
