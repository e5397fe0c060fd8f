"""Walking the stories of a Word file: paragraphs, their runs and the visible text.

Stories: the document body (with tables, nested tables, text boxes, content controls,
hyperlinks, tracked insertions), footnotes, endnotes, headers and footers. Deleted text
(``w:del``, ``w:moveFrom``), field instructions, and the fallback copy of text boxes in
``mc:AlternateContent`` are skipped: they are not on the page.

Paragraphs outside tables are numbered 1, 2, ... in reading order within each story; a
paragraph in a table is located by its cell ("table 1, row 2, cell 3"), as a person finds it.
The paragraphs of a text box come right after the paragraph that anchors it. ``seq`` orders
every paragraph of the file (body, notes, headers, footers), so findings can be sorted into
document order.

The walk is bounded: past ``max_paragraphs`` paragraphs or ``max_runs`` runs it stops with
an InputError naming the bound, before spending time and memory on the rest.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..ooxml.limits import DEFAULT, Limits, over
from ..ooxml.xml import A_NS, MC_NS, V_NS, w

_P, _R, _TBL, _TR, _TC = w("p"), w("r"), w("tbl"), w("tr"), w("tc")
_T, _TAB, _PTAB, _BR, _CR = w("t"), w("tab"), w("ptab"), w("br"), w("cr")
_NBH, _SYM, _FLDCHAR, _INSTR = w("noBreakHyphen"), w("sym"), w("fldChar"), w("instrText")
_NOTE_REFS = {w("footnoteReference"), w("endnoteReference"), w("footnoteRef"), w("endnoteRef")}
_COMMENT_REF = w("commentReference")
_HYPERLINK, _FLDSIMPLE = w("hyperlink"), w("fldSimple")
_INS, _MOVETO, _DEL, _MOVEFROM = w("ins"), w("moveTo"), w("del"), w("moveFrom")
_SDT, _SDTCONTENT = w("sdt"), w("sdtContent")
_PASS = {w("smartTag"), w("customXml"), w("dir"), w("bdo")}
_ALT, _CHOICE, _FALLBACK = f"{{{MC_NS}}}AlternateContent", f"{{{MC_NS}}}Choice", f"{{{MC_NS}}}Fallback"
_TXBX = w("txbxContent")
_DRAWING, _PICT, _OBJECT = w("drawing"), w("pict"), w("object")
_BLIP, _IMAGEDATA = f"{{{A_NS}}}blip", f"{{{V_NS}}}imagedata"
_PPR, _PSTYLE, _RPR = w("pPr"), w("pStyle"), w("rPr")
_VAL = w("val")
# Any of the TRACKED elements in a part's bytes, whatever its prefix: a part without one (most)
# skips the search in every paragraph.
_ANY_TRACKED = re.compile(rb"[<:](?:ins|del|moveFrom|moveTo|cellIns|cellDel|cellMerge|\w+Change)[\s/>]")
TRACKED = tuple(w(t) for t in ("ins", "del", "moveFrom", "moveTo", "rPrChange", "pPrChange", "sectPrChange",
                               "tblPrChange", "trPrChange", "tcPrChange", "tblGridChange", "numberingChange",
                               "cellIns", "cellDel", "cellMerge"))


@dataclass(slots=True)  # thousands per file: slots make them cheaper to build and read
class Run:
    el: Any  # the w:r element (lxml)
    text: str  # visible text ("" for field instructions)
    note_ref: bool = False
    rpr: Any = None  # its w:rPr, found while walking


@dataclass(slots=True)
class Para:
    story: str
    number: int  # outside tables: among the story's paragraphs; in a cell: within the cell
    pstyle: str | None
    table: tuple | None  # (table style id, conditional kinds) inside a table cell
    runs: list[Run] = field(default_factory=list)
    cell: tuple | None = None  # (table, row, cell) numbers, from 1
    seq: int = 0  # position in the whole file

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)

    @property
    def where(self) -> str:
        if self.cell is None:
            return f"{self.story}, paragraph {self.number}"
        t, r, c = self.cell
        within = f", paragraph {self.number}" if self.number > 1 else ""
        return f"{self.story}, table {t}, row {r}, cell {c}{within}"


class Budget:
    """Paragraphs and runs left to check in one file; shared by its stories."""

    def __init__(self, name: str = "", limits: Limits = DEFAULT):
        self.name = name
        self.limits = limits
        self.paras = 0
        self.runs = 0
        self.max_runs = limits.max_runs  # read on every run: kept at hand

    def para(self) -> int:
        self.paras += 1
        if self.paras > self.limits.max_paragraphs:
            raise over(self.name, "max_paragraphs", "the file has too many paragraphs to check",
                       self.paras, self.limits.max_paragraphs, "paragraphs")
        return self.paras

    def too_many_runs(self) -> None:
        raise over(self.name, "max_runs", "the file has too many runs of text to check", self.runs,
                       self.limits.max_runs, "runs")


@dataclass
class Feature:
    """A counted feature (tables, images, ...) and where it first appears."""

    count: int = 0
    first: Para | None = None  # where it first appears


@dataclass
class Inventory:
    features: dict[str, Feature] = field(default_factory=dict)

    def add(self, kind: str, para: Para | None, n: int = 1) -> None:
        f = self.features.setdefault(kind, Feature())
        f.count += n
        if f.first is None and para is not None:
            f.first = para


class StoryWalker:
    """Collects the paragraphs of one story; fields may span paragraphs, so state is per story."""

    def __init__(self, story: str, inventory: Inventory, main_story: bool = True, budget: Budget | None = None,
                 tracked: bool = True):
        self.story = story
        self.tracked = tracked  # False: the part holds no tracked change at all
        self.inv = inventory
        self.budget = budget or Budget()
        self.paras: list[Para] = []
        self.outside = 0  # paragraphs outside tables so far
        self.tables = 0
        self.cell: list | None = None  # [table, row, cell, paragraphs in it] while in a cell
        self.fields: list[str] = []  # "instr" or "result" per open field
        self.instr: list[str] = []
        self.main_story = main_story

    # ------------------------------------------------------------------ blocks
    def blocks(self, container, table=None) -> None:
        for child in container:
            tag = child.tag
            if tag == _P:
                self.paragraph(child, table)
            elif tag == _TBL:
                self.table(child)
            elif tag == _SDT:
                content = child.find(_SDTCONTENT)
                if content is not None:
                    self.blocks(content, table)
            elif tag in _PASS or tag == _INS or tag == _MOVETO:
                self.blocks(child, table)
            elif tag == _ALT:
                choice = child.find(_CHOICE)
                if choice is not None:
                    self.blocks(choice, table)

    def table(self, tbl) -> None:
        start = len(self.paras)
        tstyle, look = _table_props(tbl)
        rows = _rows(tbl)
        ncols = len(tbl.findall(f"{w('tblGrid')}/{w('gridCol')}")) or max((_width(r) for r in rows), default=1)
        nrows = len(rows)
        self.tables += 1
        number, outer = self.tables, self.cell
        for ri, row in enumerate(rows):
            col = _grid_before(row)
            for ci, cell in enumerate(_cells(row)):
                span = _span(cell)
                kinds = _cond_kinds(ri, nrows, col, col + span, ncols, look)
                self.cell = [number, ri + 1, ci + 1, 0]
                self.blocks(cell, (tstyle, kinds))
                col += span
        self.cell = outer
        where = self.paras[start] if len(self.paras) > start else (self.paras[-1] if self.paras else None)
        self.inv.add("table", where)

    # ------------------------------------------------------------------ paragraphs and runs
    def paragraph(self, p, table) -> None:
        ppr = p.find(_PPR)
        pstyle = None
        if ppr is not None:
            ps = ppr.find(_PSTYLE)
            if ps is not None:
                pstyle = ps.get(_VAL)
        seq = self.budget.para()
        if self.cell is None:
            self.outside += 1
            para = Para(self.story, self.outside, pstyle, table, seq=seq)
        else:
            self.cell[3] += 1
            para = Para(self.story, self.cell[3], pstyle, table, cell=tuple(self.cell[:3]), seq=seq)
        self.paras.append(para)
        self._nested: list = []
        self.inline(p, para)
        nested = self._nested
        if self.tracked:
            for _ in p.iter(*TRACKED):
                self.inv.add("tracked-change", para)
        for box in nested:
            self.inv.add("text-box", para)
            self.blocks(box, None)

    def inline(self, el, para: Para) -> None:
        for child in el:
            tag = child.tag
            if tag == _R:
                self.run(child, para)
            elif tag == _HYPERLINK:
                self.inv.add("hyperlink", para)
                self.inline(child, para)
            elif tag == _INS or tag == _MOVETO or tag in _PASS:
                self.inline(child, para)
            elif tag == _SDT:
                content = child.find(_SDTCONTENT)
                if content is not None:
                    self.inline(content, para)
            elif tag == _FLDSIMPLE:
                if child.get(w("instr"), "").strip().upper().startswith("HYPERLINK"):
                    self.inv.add("hyperlink", para)
                self.inline(child, para)
            elif tag == _ALT:
                choice = child.find(_CHOICE)
                if choice is not None:
                    self.inline(choice, para)
            # w:del, w:moveFrom, math, bookmarks, pPr: not on the page as text

    def run(self, r, para: Para) -> None:
        budget = self.budget
        budget.runs += 1
        if budget.runs > budget.max_runs:
            budget.too_many_runs()
        parts: list[str] = []
        note_ref = False
        rpr = None
        for child in r:
            tag = child.tag
            if tag == _RPR:
                rpr = child
            elif tag == _T:
                if "instr" not in self.fields:  # field instructions are not on the page
                    parts.append(child.text or "")
            elif tag == _TAB or tag == _PTAB:
                parts.append("\t")
            elif tag == _BR or tag == _CR:
                parts.append("\n")
            elif tag == _NBH:
                parts.append("-")
            elif tag == _SYM:
                parts.append(_sym(child))
            elif tag == _FLDCHAR:
                self.field_char(child.get(w("fldCharType")), para)
            elif tag == _INSTR:
                if self.fields:
                    self.instr.append(child.text or "")
            elif tag in _NOTE_REFS:
                note_ref = True
            elif tag == _COMMENT_REF:
                self.inv.add("comment", para)
            elif tag in (_DRAWING, _PICT, _OBJECT, _ALT):
                self.graphic(child, para)
        para.runs.append(Run(r, "".join(parts), note_ref, rpr))

    def field_char(self, kind: str | None, para: Para) -> None:
        if kind == "begin":
            self.fields.append("instr")
            self.instr = []
        elif kind == "separate" and self.fields:
            self.fields[-1] = "result"
            if "".join(self.instr).strip().upper().startswith("HYPERLINK"):
                self.inv.add("hyperlink", para)
        elif kind == "end" and self.fields:
            if self.fields[-1] == "instr" and "".join(self.instr).strip().upper().startswith("HYPERLINK"):
                self.inv.add("hyperlink", para)
            self.fields.pop()

    def graphic(self, el, para: Para) -> None:
        """Images and text boxes inside a run (the fallback copy is skipped)."""
        stack = [el]
        images = 0
        while stack:
            node = stack.pop()
            tag = node.tag
            if tag == _FALLBACK:
                continue
            if tag == _TXBX:
                self._nested.append(node)
                continue
            if tag == _BLIP or tag == _IMAGEDATA:
                images += 1
            stack.extend(c for c in node if isinstance(c.tag, str))
        if images:
            self.inv.add("image", para, images)


def _sym(el) -> str:
    try:
        return chr(int(el.get(w("char"), "20"), 16))
    except (ValueError, OverflowError):
        return " "


# ---------------------------------------------------------------------- tables
def _table_props(tbl):
    tpr = tbl.find(w("tblPr"))
    style, look = None, {"firstRow": True, "firstColumn": True, "noVBand": True}  # Word's default 04A0
    if tpr is not None:
        st = tpr.find(w("tblStyle"))
        if st is not None:
            style = st.get(_VAL)
        lk = tpr.find(w("tblLook"))
        if lk is not None:
            look = {}
            val = lk.get(_VAL)
            if val:
                try:
                    bits = int(val, 16)
                    look = {"firstRow": bool(bits & 0x20), "lastRow": bool(bits & 0x40),
                            "firstColumn": bool(bits & 0x80), "lastColumn": bool(bits & 0x100),
                            "noHBand": bool(bits & 0x200), "noVBand": bool(bits & 0x400)}
                except ValueError:
                    pass
            for name in ("firstRow", "lastRow", "firstColumn", "lastColumn", "noHBand", "noVBand"):
                v = lk.get(w(name))
                if v is not None:
                    look[name] = v.lower() in ("1", "true", "on")
    return style, look


def _children(parent, tag) -> list:
    """Children with ``tag``, also those wrapped in a content control or custom XML."""
    out = []
    for child in parent:
        if child.tag == tag:
            out.append(child)
        elif child.tag in (_SDT, w("customXml")):
            content = child.find(_SDTCONTENT) if child.tag == _SDT else child
            if content is not None:
                out.extend(c for c in content if c.tag == tag)
    return out


def _rows(tbl) -> list:
    return _children(tbl, _TR)


def _cells(row) -> list:
    return _children(row, _TC)


def _span(tc) -> int:
    gs = tc.find(f"{w('tcPr')}/{w('gridSpan')}")
    try:
        return max(1, int(gs.get(_VAL))) if gs is not None else 1
    except (TypeError, ValueError):
        return 1


def _grid_before(row) -> int:
    gb = row.find(f"{w('trPr')}/{w('gridBefore')}")
    try:
        return int(gb.get(_VAL)) if gb is not None else 0
    except (TypeError, ValueError):
        return 0


def _width(row) -> int:
    return _grid_before(row) + sum(_span(c) for c in _cells(row))


def _cond_kinds(ri: int, nrows: int, c0: int, c1: int, ncols: int, look: dict) -> tuple:
    first_row = look.get("firstRow") and ri == 0
    last_row = look.get("lastRow") and ri == nrows - 1
    first_col = look.get("firstColumn") and c0 == 0
    last_col = look.get("lastColumn") and c1 >= ncols
    kinds = ["wholeTable"]
    if not look.get("noVBand"):
        kinds.append("band1Vert" if (c0 - (1 if look.get("firstColumn") else 0)) % 2 == 0 else "band2Vert")
    if not look.get("noHBand"):
        kinds.append("band1Horz" if (ri - (1 if look.get("firstRow") else 0)) % 2 == 0 else "band2Horz")
    if first_col:
        kinds.append("firstCol")
    if last_col:
        kinds.append("lastCol")
    if first_row:
        kinds.append("firstRow")
    if last_row:
        kinds.append("lastRow")
    if first_row and first_col:
        kinds.append("nwCell")
    if first_row and last_col:
        kinds.append("neCell")
    if last_row and first_col:
        kinds.append("swCell")
    if last_row and last_col:
        kinds.append("seCell")
    return tuple(kinds)


# ---------------------------------------------------------------------- the stories of a package
def walk_package(pkg) -> tuple[list[tuple[str, list[Para]]], Inventory]:
    """``[(story kind, paragraphs)]`` for body, footnotes, endnotes, headers, footers."""
    inv = Inventory()
    budget = Budget(pkg.name, pkg.limits)
    stories: list[tuple[str, list[Para]]] = []
    doc = pkg.xml(pkg.main)
    body = doc.find(w("body"))
    def tracked(part: str) -> bool:
        return _ANY_TRACKED.search(pkg.read(part)) is not None

    walker = StoryWalker("body", inv, budget=budget, tracked=tracked(pkg.main))
    if body is not None:
        walker.blocks(body)
    stories.append(("body", walker.paras))
    for kind, tag in (("footnote", "footnote"), ("endnote", "endnote")):
        part = pkg.first(kind + "s")
        if part is None:
            continue
        n = 0
        has_tracked = tracked(part)
        for note in pkg.xml(part).iter(w(tag)):
            if note.get(w("type")) in ("separator", "continuationSeparator", "continuationNotice"):
                continue
            n += 1
            walker = StoryWalker(f"{kind} {n}", inv, budget=budget, tracked=has_tracked)
            walker.blocks(note)
            stories.append((kind, walker.paras))
    for kind in ("header", "footer"):
        for n, part in enumerate(pkg.related(pkg.main, kind), 1):
            walker = StoryWalker(f"{kind} {n}", inv, budget=budget, tracked=tracked(part))
            walker.blocks(pkg.xml(part))
            stories.append((kind, walker.paras))
    comments = pkg.first("comments")
    if comments is not None:
        count = sum(1 for _ in pkg.xml(comments).iter(w("comment")))
        if count and "comment" not in inv.features:
            inv.add("comment", None, count)
    return stories, inv
