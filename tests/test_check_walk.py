"""The checker's walk skips looking for paragraph styles, merged cells, skipped grid columns
and tracked changes where a part or a table holds none (stories.Present): the paragraphs,
their places, styles, runs, conditional table kinds and the features counted must be those
of a walk that looks everywhere. Random documents mix those elements in tables, nested
tables, text boxes and notes."""
from __future__ import annotations

from types import SimpleNamespace
from unittest.mock import patch

from docx_build import make_docx
from hypothesis import given, settings
from hypothesis import strategies as st

from uprdraft.docx_check import stories as stories_module
from uprdraft.docx_check.stories import _ALL, Present, walk_package
from uprdraft.ooxml.package import open_package

STYLE = '<w:pPr><w:pStyle w:val="Heading1"/></w:pPr>'
TRACKED = '<w:ins w:id="1" w:author="a"><w:r><w:t>new</w:t></w:r></w:ins>'


def _p(text: str, styled: bool, tracked: bool) -> str:
    inner = (STYLE if styled else "") + f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'
    return f"<w:p>{inner}{TRACKED if tracked else ''}</w:p>"


def _box(body: str) -> str:
    return ('<w:p><w:r><w:t>anchor</w:t></w:r><w:r><w:drawing><wps:txbx><w:txbxContent>' + body
            + '</w:txbxContent></wps:txbx></w:drawing></w:r></w:p>')


flags = st.tuples(st.booleans(), st.booleans())


@st.composite
def blocks(draw, depth: int = 0) -> str:
    out = []
    for i in range(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(["p", "p", "tbl", "box"] if depth < 2 else ["p"]))
        if kind == "p":
            styled, tracked = draw(flags)
            out.append(_p(f"d{depth} {i}", styled, tracked))
        elif kind == "box":
            out.append(_box(draw(blocks(depth + 1))))
        else:
            rows = []
            for _ in range(draw(st.integers(1, 3))):
                before = draw(st.integers(0, 1))
                tr = f'<w:trPr><w:gridBefore w:val="{before}"/></w:trPr>' if before else ""
                cells = []
                for _ in range(draw(st.integers(1, 3))):
                    span = draw(st.integers(1, 2))
                    tcpr = f'<w:tcPr><w:gridSpan w:val="{span}"/></w:tcPr>' if span > 1 else "<w:tcPr/>"
                    cells.append(f"<w:tc>{tcpr}{draw(blocks(depth + 1))}</w:tc>")
                rows.append(f"<w:tr>{tr}{''.join(cells)}</w:tr>")
            look = draw(st.sampled_from(["", '<w:tblLook w:val="04A0"/>', '<w:tblLook w:val="0100"/>',
                                         '<w:tblLook w:firstColumn="0" w:lastColumn="1" w:noVBand="0"/>']))
            out.append(f'<w:tbl><w:tblPr><w:tblStyle w:val="Grid"/>{look}</w:tblPr>'
                       f'<w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>{"".join(rows)}</w:tbl>')
    return "".join(out)


def _seen(stories, inv) -> tuple:
    paras = [(kind, p.story, p.number, p.cell, p.pstyle, p.table, p.seq, [(r.text, r.note_ref) for r in p.runs])
             for kind, ps in stories for p in ps]
    return paras, {k: (f.count, f.first.seq if f.first else None) for k, f in inv.features.items()}


def _walk_everywhere(pkg) -> tuple:
    """The same walk told that every part and table may hold everything."""
    everything = SimpleNamespace(tracked=True, pstyle=True, span=True, grid_before=True)
    with patch.object(stories_module, "Present", lambda *_: everything):
        return walk_package(pkg)


@settings(max_examples=80, deadline=None)
@given(blocks(), blocks())
def test_the_walk_that_skips_finds_what_a_walk_everywhere_finds(body, note):
    pkg = open_package(make_docx(body, footnotes=[note]))
    seen = _seen(*walk_package(pkg))
    assert seen == _seen(*_walk_everywhere(pkg))
    assert seen[0]  # the walk found the paragraphs


def test_present_asks_only_within_what_the_outer_part_may_hold():
    pkg = open_package(make_docx(_p("x", True, False) + '<w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl>'))
    part = Present(pkg.xml(pkg.main))
    assert (part.pstyle, part.tracked, part.span, part.grid_before) == (True, False, True, True)
    table = Present(pkg.xml(pkg.main).find(".//{*}tbl"), part)
    assert (table.pstyle, table.tracked, table.span, table.grid_before) == (False, False, False, False)
    assert not Present(None, part).tracked and Present(None, part).pstyle
    assert all((_ALL.pstyle, _ALL.tracked, _ALL.span, _ALL.grid_before))
