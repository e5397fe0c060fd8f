"""``uprdraft fix``: a copy of a Word file in the profile's font and size, without emphasis.

Every run, paragraph mark, style, the document defaults and every numbering level get the
profile font in all four slots (ascii, hAnsi, eastAsia, cs) and the profile size (sz and
szCs); bold, italic and underline (and their complex-script twins) are removed; theme font
attributes are dropped so the theme decides nothing. Only ``w:rPr`` contents change: text,
paragraphs, footnotes, tables and tracked changes (including the old formatting kept in
``w:rPrChange``) stay as they were. Text colour is reset to automatic everywhere (a
hyperlink's character style included). Macros are removed: the VBA parts, their
relationships and content types go, and the main part takes the plain document type, so
the copy is a .docx Word opens. The result is checked again before it is written.

A part that cannot be read safely (a DTD, entities, malformed XML) is an InputError
(exit 2), exactly as in ``check``.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from lxml import etree

from ..fileio import check_writable, write_atomic
from ..findings import InputError, Report, error
from ..ooxml.package import VBA_TYPE, open_package
from ..ooxml.parts import CONTENT_TYPES, WML, add_part, drop_part, set_override
from ..ooxml.props import insert_rpr, insert_style_child
from ..ooxml.writer import write_package
from ..ooxml.xml import CT_NS, W_NS, UnsafeXML, parse_raw, serialize, w
from .check import FORMAT_CODES, check_package, get_profile
from .settings import settings

if TYPE_CHECKING:
    from .settings import Settings as Rules

EMPHASIS = {w(t) for t in ("b", "bCs", "i", "iCs", "u", "em")}
REPLACED = EMPHASIS | {w("rFonts"), w("sz"), w("szCs"), w("color")}  # colour: back to automatic
MAIN_TYPE = f"{WML}.document.main+xml"
_RPR, _RPRCHANGE = w("rPr"), w("rPrChange")
# Symbol/Wingdings bullets live in the Private Use Area: in Times New Roman they would show
# as boxes, so the list label becomes an ordinary bullet.
PUA_BULLETS = {"\uf0b7": "\u2022", "\uf0a7": "\u25aa", "\uf0d8": "\u2022", "\uf0fc": "\u2713", "\uf076": "\u2022"}


def normalise_rpr(rpr, font: str, half_points: int) -> None:
    """Set font (four slots) and size; remove emphasis; keep everything else."""
    for child in list(rpr):
        if child.tag in REPLACED:
            rpr.remove(child)
    fonts = etree.Element(w("rFonts"))
    for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(w(slot), font)
    insert_rpr(rpr, fonts)
    for tag in ("sz", "szCs"):
        el = etree.Element(w(tag))
        el.set(w("val"), str(half_points))
        insert_rpr(rpr, el)


def fix_part(root, font: str, half_points: int) -> int:
    """Normalise every current ``w:rPr`` in one part; returns how many were changed."""
    n = 0
    for rpr in list(root.iter(_RPR)):
        if rpr.getparent() is not None and rpr.getparent().tag == _RPRCHANGE:
            continue  # the formatting before a tracked change: history, not text
        normalise_rpr(rpr, font, half_points)
        n += 1
    return n


def fix_styles(root, font: str, half_points: int) -> None:
    """Document defaults and every style carry the font and size explicitly."""
    dd = root.find(w("docDefaults"))
    if dd is None:
        dd = etree.Element(w("docDefaults"))
        root.insert(0, dd)
    rd = dd.find(w("rPrDefault"))
    if rd is None:
        rd = etree.Element(w("rPrDefault"))
        dd.insert(0, rd)
    if rd.find(_RPR) is None:
        etree.SubElement(rd, _RPR)
    for style in root.iter(w("style")):
        if style.get(w("type"), "paragraph") in ("paragraph", "character", "table") and style.find(_RPR) is None:
            insert_style_child(style, etree.Element(_RPR))


def fix_bullets(root) -> int:
    n = 0
    for lvl_text in root.iter(w("lvlText")):
        val = lvl_text.get(w("val"), "")
        if val and all("\uf000" <= ch <= "\uf0ff" for ch in val):
            lvl_text.set(w("val"), "".join(PUA_BULLETS.get(ch, "\u2022") for ch in val))
            n += 1
    return n


def _empty_styles() -> bytes:
    root = etree.Element(w("styles"), nsmap={"w": W_NS})
    etree.SubElement(etree.SubElement(etree.SubElement(root, w("docDefaults")), w("rPrDefault")), _RPR)
    return serialize(root)


def fixed_bytes(pkg, rules: Rules, profile_name: str | None = None) -> tuple[bytes, dict]:
    """The fixed package's bytes and what changed."""
    rules = settings(rules)
    _, prof = get_profile(profile_name, rules)
    font = prof.font
    half = round(prof.size_pt * 2)
    note_half = round((prof.footnote_size_pt or prof.size_pt) * 2)
    parts = pkg.parts()
    changed: dict[str, Any] = {"rpr": 0, "bullets": 0, "parts": [], "macros": []}

    def rewrite(part: str, fn) -> None:
        # parsed safely (an unsafe part is an InputError); a part we added is our own
        root = pkg.xml(part) if pkg.has(part) else parse_raw(parts[part])
        fn(root)
        parts[part] = serialize(root, strict=pkg.strict)
        changed["parts"].append(part)

    styles = pkg.first("styles")
    if styles is None:  # a package without styles: add one so document defaults can be set
        styles = _add_styles_part(pkg, parts)

    def do_styles(root):
        fix_styles(root, font, half)
        changed["rpr"] += fix_part(root, font, half)

    rewrite(styles, do_styles)
    targets = [(pkg.main, half)]
    for kind in ("footnotes", "endnotes"):
        targets += [(p, note_half) for p in pkg.related(pkg.main, kind)]
    for kind in ("header", "footer"):
        targets += [(p, half) for p in pkg.related(pkg.main, kind)]
    for part, size in targets:
        rewrite(part, lambda root, size=size: changed.__setitem__("rpr", changed["rpr"] + fix_part(root, font, size)))
    numbering = pkg.first("numbering")
    if numbering is not None:
        def do_numbering(root):
            changed["rpr"] += fix_part(root, font, half)
            changed["bullets"] += fix_bullets(root)
        rewrite(numbering, do_numbering)
    if pkg.macro_enabled:
        changed["macros"] = drop_macros(parts, pkg.main, pkg.macro_parts())
    return write_package(parts), changed


def drop_macros(parts: dict, main: str, macro_parts: list[str]) -> list[str]:
    """Remove the VBA parts (with their relationships and content types) and give the main
    part the plain document type: what Word itself does when a .docm is saved as .docx."""
    for name in macro_parts:
        drop_part(parts, name)
    root = parse_raw(parts[CONTENT_TYPES])
    for el in list(root.iter(f"{{{CT_NS}}}Default")):
        if el.get("ContentType") == VBA_TYPE:
            root.remove(el)
    parts[CONTENT_TYPES] = serialize(root)
    set_override(parts, main, MAIN_TYPE)
    return macro_parts or [main]


def _add_styles_part(pkg, parts: dict) -> str:
    import posixpath

    name = posixpath.join(posixpath.dirname(pkg.main), "styles.xml")
    add_part(parts, name, _empty_styles(), f"{WML}.styles+xml", source=pkg.main, kind="styles")
    return name


def fix_file(source, rules: Rules, output=None, force: bool = False, profile: str | None = None,
             name: str | None = None) -> Report:
    if output is None:
        if isinstance(source, (bytes, bytearray, memoryview)):
            raise InputError(error("usage", "give an output file (-o) when fixing bytes"))
        p = Path(source)
        output = p.with_name(f"{p.stem}-fixed.docx")
    output = Path(output)
    if not isinstance(source, (bytes, bytearray, memoryview)) and output.resolve() == Path(source).resolve():
        raise InputError(error("io", "the output would replace the input; choose another name with -o", str(output)))
    check_writable(output, force)  # refuse before doing the work
    rules = settings(rules)
    pkg = open_package(source, name, rules.limits)
    try:
        data, changed = fixed_bytes(pkg, rules, profile)
    except (UnsafeXML, etree.XMLSyntaxError) as e:  # a relationships part the check never read
        msg = getattr(e, "msg", None) or str(e)
        raise InputError(error("unreadable", f"cannot read this Word file: a part is unsafe or not "
                                             f"well-formed XML ({msg}); refused", pkg.name)) from None
    finally:
        pkg.close()
    checked = open_package(data, str(output), rules.limits)
    try:
        report = check_package(checked, rules, profile)
    finally:
        checked.close()
    report.stats["fixed"] = changed
    remaining = [f for f in report.findings if f.code in FORMAT_CODES]
    if remaining:  # should not happen; say so instead of writing a file that still fails
        return report
    write_atomic(output, data, force=force)
    report.output = str(output)
    return report
