"""docxtpl's ``fix_tables``, the same result for less work.

A template may add or drop cells in a row (``{%tc ... %}``); the table grid (``w:tblGrid``)
must then have as many columns as the widest row, its total width kept. docxtpl's own
function asks lxml for each cell's ``w:tcPr`` and ``w:gridSpan`` one cell at a time, which
for the 40,000 cells of a 3,000-item plan matrix was a quarter of a second; here the cells
are counted per row and only the cells that do span are looked at. Every decision, and
every failure on a broken table (no grid, a span that is not a number), is docxtpl's.
"""
from __future__ import annotations


def fix_tables(xml: str):
    """The rendered body ``xml`` parsed (leniently, as docxtpl does) with every table's grid
    matching its rows."""
    from lxml import etree

    return fix_grids(etree.fromstring(xml, parser=body_parser()))


def body_parser():
    """The parser docxtpl reads a rendered body with: lenient (``recover``)."""
    from lxml import etree

    return etree.XMLParser(recover=True)


def fix_grids(tree):
    """``tree`` (a parsed rendered body) with every table's grid matching its rows."""
    ns = "{" + tree.nsmap["w"] + "}"
    for table in tree.iter(ns + "tbl"):
        _fix_table(table, ns)
    return tree


def _fix_table(table, ns: str) -> None:
    from lxml import etree

    grid = table.find(ns + "tblGrid")
    columns = grid.findall(ns + "gridCol")
    rows = list(table.iter(ns + "tr"))  # rows of nested tables count too, as in docxtpl
    counts = [len(row.findall(ns + "tc")) for row in rows]
    to_add = max(0, max(counts, default=0) - len(columns))
    if to_add > 0:
        # scale the old columns to keep the table's width, then add the new ones
        width = sum(float(c.get(ns + "w")) for c in columns if c.get(ns + "w") is not None)
        if width > 0:
            old_average = width / len(columns)
            new_average = width / (len(columns) + to_add)
            for c in columns:
                c.set(ns + "w", str(int(float(c.get(ns + "w")) * new_average / old_average)))
            for _ in range(to_add):
                etree.SubElement(grid, ns + "gridCol", {ns + "w": str(int(new_average))})

    columns = grid.findall(ns + "gridCol")
    spans = _spans(table, ns)
    widest = max((n + spans.get(row, 0) for row, n in zip(rows, counts, strict=True)), default=0)
    to_remove = len(columns) - widest
    if to_remove > 0:
        # drop the extra columns and share their width among the others
        removed_width = 0.0
        for c in columns[-to_remove:]:
            removed_width += float(c.get(ns + "w"))
            grid.remove(c)
        left = grid.findall(ns + "gridCol")
        extra_space = int(removed_width / len(left)) if left else 0
        for c in left:
            c.set(ns + "w", str(int(float(c.get(ns + "w")) + extra_space)))


def _spans(table, ns: str) -> dict:
    """row -> the columns its cells span beyond one each: what docxtpl reads for a cell, the
    first ``w:gridSpan`` of its first ``w:tcPr``, for the cells directly in a row."""
    tc, tc_pr, tr, grid_span = ns + "tc", ns + "tcPr", ns + "tr", ns + "gridSpan"
    out: dict = {}
    for span in table.iter(grid_span):
        props = span.getparent()
        cell = props.getparent() if props is not None else None
        row = cell.getparent() if cell is not None else None
        if (props.tag != tc_pr or cell is None or cell.tag != tc or row is None or row.tag != tr
                or props.find(grid_span) is not span or cell.find(tc_pr) is not props):
            continue
        out[row] = out.get(row, 0) + int(span.get(ns + "val")) - 1
    return out
