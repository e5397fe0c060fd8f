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

from typing import Any

from ..gcpause import paused
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
_INSTR_ATTR, _FLDCHARTYPE = w("instr"), w("fldCharType")
_GRAPHICS = {_DRAWING, _PICT, _OBJECT, _ALT}
_TCPR, _GRIDSPAN, _TRPR, _GRIDBEFORE = w("tcPr"), w("gridSpan"), w("trPr"), w("gridBefore")
_CUSTOMXML = w("customXml")
TRACKED = tuple(w(t) for t in ("ins", "del", "moveFrom", "moveTo", "rPrChange", "pPrChange", "sectPrChange",
                               "tblPrChange", "trPrChange", "tcPrChange", "tblGridChange", "numberingChange",
                               "cellIns", "cellDel", "cellMerge"))


class Run:
    """One run's visible text ("" for field instructions) and its ``w:rPr`` (lxml, or None)."""

    __slots__ = ("text", "note_ref", "rpr")  # tens of thousands in a long report: kept small

    def __init__(self, text: str, note_ref: bool = False, rpr: Any = None):
        self.text = text
        self.note_ref = note_ref
        self.rpr = rpr


class Para:
    """One paragraph: where it is, its style, its runs. ``number``: outside tables, among the
    story's paragraphs; in a cell, within the cell. ``cell``: (table, row, cell) numbers from 1,
    None outside tables. ``table``: (table style id, conditional kinds) inside a cell. ``seq``:
    its position in the whole file."""

    __slots__ = ("story", "number", "pstyle", "table", "runs", "cell", "seq")

    def __init__(self, story: str, number: int, pstyle: str | None, table: tuple | None,
                 runs: list[Run] | None = None, cell: tuple | None = None, seq: int = 0):
        self.story = story
        self.number = number
        self.pstyle = pstyle
        self.table = table
        self.runs = [] if runs is None else runs
        self.cell = cell
        self.seq = seq

    @property
    def text(self) -> str:
        return "".join([r.text for r in self.runs])

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


class Feature:
    """A counted feature (tables, images, ...) and where it first appears."""

    __slots__ = ("count", "first")

    def __init__(self, count: int = 0, first: Para | None = None):
        self.count = count
        self.first = first  # where it first appears


class Inventory:
    def __init__(self) -> None:
        self.features: dict[str, Feature] = {}

    def add(self, kind: str, para: Para | None, n: int = 1) -> None:
        f = self.features.get(kind)
        if f is None:
            f = self.features[kind] = Feature()
        f.count += n
        if f.first is None and para is not None:
            f.first = para


class Present:
    """Which elements a part, or a table in it, holds at all, asked of lxml before the walk:
    where there is no tracked change or paragraph style (asked of the part) or no merged cell
    or skipped grid column (asked of each table), paragraphs and cells do not look for them
    one by one. The search runs in C and stops at the first one found."""

    __slots__ = ("tracked", "pstyle", "span", "grid_before")
    tracked: bool
    pstyle: bool
    span: bool
    grid_before: bool

    def __init__(self, root=None, outer: Present | None = None):
        def has(possible: bool, *tags: str) -> bool:
            return possible and (root is None or next(root.iter(*tags), None) is not None)

        if outer is None:  # a part
            self.tracked = has(True, *TRACKED)
            self.pstyle = has(True, _PSTYLE)
            self.span = self.grid_before = True  # asked of each table: most of a part is not in one
        else:  # a table in the part
            self.tracked = outer.tracked  # each paragraph's own search runs in C anyway
            self.pstyle = has(outer.pstyle, _PSTYLE)
            self.span = has(outer.span, _GRIDSPAN)
            self.grid_before = has(outer.grid_before, _GRIDBEFORE)


_ALL = Present()


class StoryWalker:
    """Collects the paragraphs of one story; fields may span paragraphs, so state is per story.

    The walk is the checker's hot path (a long report has 40,000 paragraphs): the common
    children (runs, their text and properties) are tested first, every tag is read once, and
    per-cell values are computed once per cell, not per paragraph."""

    def __init__(self, story: str, inventory: Inventory, main_story: bool = True, budget: Budget | None = None,
                 present: Present = _ALL):
        self.story = story
        self.present = present
        self.inv = inventory
        self.budget = budget or Budget()
        self.paras: list[Para] = []
        self.outside = 0  # paragraphs outside tables so far
        self.tables = 0
        self.cell: tuple | None = None  # (table, row, cell) while in a cell
        self.in_cell = 0  # paragraphs in that cell so far
        self.fields: list[str] = []  # "instr" or "result" per open field
        self.instr: list[str] = []
        self.main_story = main_story
        self._nested: list | None = None

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
        number, outer, outer_n, outer_present = self.tables, self.cell, self.in_cell, self.present
        if outer is None:  # asked once per table of the story; the tables within it are covered
            self.present = Present(tbl, outer_present)
        # (style, conditional kinds) by where a cell stands: first/last row or column, and the
        # parity of its row and column; a table has a handful of these, not one per cell
        by_place: dict[tuple, tuple] = {}
        for ri, row in enumerate(rows):
            col = _grid_before(row) if self.present.grid_before else 0
            for ci, cell in enumerate(_cells(row)):
                span = _span(cell) if self.present.span else 1
                place = (ri == 0, ri == nrows - 1, ri % 2, col == 0, col + span >= ncols, col % 2)
                cell_table = by_place.get(place)
                if cell_table is None:
                    cell_table = by_place[place] = (tstyle, _cond_kinds(*place, look))
                self.cell, self.in_cell = (number, ri + 1, ci + 1), 0
                self.blocks(cell, cell_table)
                col += span
        self.cell, self.in_cell, self.present = outer, outer_n, outer_present
        where = self.paras[start] if len(self.paras) > start else (self.paras[-1] if self.paras else None)
        self.inv.add("table", where)

    # ------------------------------------------------------------------ paragraphs and runs
    def paragraph(self, p, table) -> None:
        seq = self.budget.para()
        self._nested = None  # text boxes anchored in this paragraph, when there are any
        if self.cell is None:
            self.outside += 1
            para = Para(self.story, self.outside, None, table, None, None, seq)
        else:
            self.in_cell += 1
            para = Para(self.story, self.in_cell, None, table, None, self.cell, seq)
        self.paras.append(para)
        ppr_seen = not self.present.pstyle  # True: no w:pStyle to look for
        run = self.run
        for child in p:
            tag = child.tag
            if tag == _R:
                run(child, para)
            elif tag == _PPR:
                if not ppr_seen:  # the first w:pPr names the style
                    ppr_seen = True
                    ps = _child(child, _PSTYLE)
                    if ps is not None:
                        para.pstyle = ps.get(_VAL)
            else:
                self.inline_other(child, tag, para)
        nested = self._nested
        if self.present.tracked:
            n = sum(1 for _ in p.iter(*TRACKED))
            if n:
                self.inv.add("tracked-change", para, n)
        if nested:
            for box in nested:
                self.inv.add("text-box", para)
                self.blocks(box, None)

    def inline(self, el, para: Para) -> None:
        for child in el:
            tag = child.tag
            if tag == _R:
                self.run(child, para)
            else:
                self.inline_other(child, tag, para)

    def inline_other(self, child, tag, para: Para) -> None:
        """A paragraph's child other than a run."""
        if tag == _HYPERLINK:
            self.inv.add("hyperlink", para)
            self.inline(child, para)
        elif tag == _INS or tag == _MOVETO or tag in _PASS:
            self.inline(child, para)
        elif tag == _SDT:
            content = child.find(_SDTCONTENT)
            if content is not None:
                self.inline(content, para)
        elif tag == _FLDSIMPLE:
            if child.get(_INSTR_ATTR, "").strip().upper().startswith("HYPERLINK"):
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
        fields = self.fields
        for child in r:
            tag = child.tag
            if tag == _T:
                if not fields or "instr" not in fields:  # field instructions are not on the page
                    parts.append(child.text or "")
            elif tag == _RPR:
                rpr = child
            elif tag == _BR or tag == _CR:
                parts.append("\n")
            elif tag == _TAB or tag == _PTAB:
                parts.append("\t")
            elif tag == _NBH:
                parts.append("-")
            elif tag == _SYM:
                parts.append(_sym(child))
            elif tag == _FLDCHAR:
                self.field_char(child.get(_FLDCHARTYPE), para)
            elif tag == _INSTR:
                if fields:
                    self.instr.append(child.text or "")
            elif tag in _NOTE_REFS:
                note_ref = True
            elif tag == _COMMENT_REF:
                self.inv.add("comment", para)
            elif tag in _GRAPHICS:
                self.graphic(child, para)
        para.runs.append(Run(parts[0] if len(parts) == 1 else "".join(parts), note_ref, rpr))

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
                if self._nested is None:
                    self._nested = []
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
        ctag = child.tag
        if ctag == tag:
            out.append(child)
        elif ctag == _SDT or ctag == _CUSTOMXML:
            content = child.find(_SDTCONTENT) if ctag == _SDT else child
            if content is not None:
                out.extend(c for c in content if c.tag == tag)
    return out


def _rows(tbl) -> list:
    return _children(tbl, _TR)


def _cells(row) -> list:
    return _children(row, _TC)


def _child(el, tag: str):
    """The first child ``tag`` of ``el``, as ``el.find(tag)``: a loop over a few children costs
    half of lxml's path search, which matters once per paragraph and cell."""
    for c in el:
        if c.tag == tag:
            return c
    return None


def _grandchild(el, child: str, grandchild: str):
    """The first ``child/grandchild`` of ``el``, as ``el.find("child/grandchild")``."""
    for c in el:
        if c.tag == child:
            found = _child(c, grandchild)
            if found is not None:
                return found
    return None


def _span(tc) -> int:
    gs = _grandchild(tc, _TCPR, _GRIDSPAN)
    try:
        return max(1, int(gs.get(_VAL))) if gs is not None else 1
    except (TypeError, ValueError):
        return 1


def _grid_before(row) -> int:
    gb = _grandchild(row, _TRPR, _GRIDBEFORE)
    try:
        return int(gb.get(_VAL)) if gb is not None else 0
    except (TypeError, ValueError):
        return 0


def _width(row) -> int:
    return _grid_before(row) + sum(_span(c) for c in _cells(row))


def _cond_kinds(first_row_index: bool, last_row_index: bool, row_odd: int, first_col_index: bool,
                last_col_index: bool, col_odd: int, look: dict) -> tuple:
    """The conditional parts of a table style that apply to a cell, from where it stands
    (first/last row, first/last column, the parity of its row and first column)."""
    first_row = look.get("firstRow") and first_row_index
    last_row = look.get("lastRow") and last_row_index
    first_col = look.get("firstColumn") and first_col_index
    last_col = look.get("lastColumn") and last_col_index
    kinds = ["wholeTable"]
    if not look.get("noVBand"):
        kinds.append("band1Vert" if (col_odd - (1 if look.get("firstColumn") else 0)) % 2 == 0 else "band2Vert")
    if not look.get("noHBand"):
        kinds.append("band1Horz" if (row_odd - (1 if look.get("firstRow") else 0)) % 2 == 0 else "band2Horz")
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
    with paused():  # tens of thousands of small objects, no cycles: see gcpause
        return _walk_package(pkg)


def _walk_package(pkg) -> tuple[list[tuple[str, list[Para]]], Inventory]:
    inv = Inventory()
    budget = Budget(pkg.name, pkg.limits)
    stories: list[tuple[str, list[Para]]] = []
    doc = pkg.xml(pkg.main)
    body = doc.find(w("body"))

    def present(part: str) -> Present:
        pkg.read(part)  # read before parsing, so the bounds apply in the same order as always
        return Present(pkg.xml(part))

    walker = StoryWalker("body", inv, budget=budget, present=present(pkg.main))
    if body is not None:
        walker.blocks(body)
    stories.append(("body", walker.paras))
    for kind, tag in (("footnote", "footnote"), ("endnote", "endnote")):
        part = pkg.first(kind + "s")
        if part is None:
            continue
        n = 0
        in_part = present(part)
        for note in pkg.xml(part).iter(w(tag)):
            if note.get(w("type")) in ("separator", "continuationSeparator", "continuationNotice"):
                continue
            n += 1
            walker = StoryWalker(f"{kind} {n}", inv, budget=budget, present=in_part)
            walker.blocks(note)
            stories.append((kind, walker.paras))
    for kind in ("header", "footer"):
        for n, part in enumerate(pkg.related(pkg.main, kind), 1):
            walker = StoryWalker(f"{kind} {n}", inv, budget=budget, present=present(part))
            walker.blocks(pkg.xml(part))
            stories.append((kind, walker.paras))
    comments = pkg.first("comments")
    if comments is not None:
        count = sum(1 for _ in pkg.xml(comments).iter(w("comment")))
        if count and "comment" not in inv.features:
            inv.add("comment", None, count)
    return stories, inv
