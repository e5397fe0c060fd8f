"""The fast paths of the renderer give exactly what the slow ones gave: table grids as
docxtpl's ``fix_tables`` leaves them, the body spliced into the document part as lxml's
move of the tree writes it, the collector paused and given back, positions composed again
after the node tree was let go."""
from __future__ import annotations

import gc
import threading

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from uprdraft.gcpause import paused
from uprdraft.render import docx_render as dr
from uprdraft.render.table_grid import fix_tables

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
ROOT_NS = {"w": W, "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
           "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"}


def _decls(ns: dict) -> str:
    return "".join(f' xmlns:{p}="{h}"' for p, h in ns.items())


def _docxtpl_fix(xml: str) -> bytes:
    from docxtpl import DocxTemplate

    return etree.tostring(DocxTemplate.fix_tables(None, xml))


# --------------------------------------------------------------------------- table grid
_cell = st.tuples(st.booleans(), st.integers(1, 3))  # (has a gridSpan, its value)
_table = st.tuples(st.lists(st.integers(0, 3000), max_size=5),  # grid column widths
                   st.lists(st.lists(_cell, max_size=5), max_size=5))  # rows of cells


def _table_xml(grid: list[int], rows: list[list[tuple[bool, int]]], nested: bool) -> str:
    cols = "".join(f'<w:gridCol w:w="{w}"/>' for w in grid)
    body = []
    for cells in rows:
        tcs = []
        for spans, n in cells:
            pr = f'<w:tcPr><w:gridSpan w:val="{n}"/></w:tcPr>' if spans else ""
            tcs.append(f"<w:tc>{pr}<w:p/></w:tc>")
        body.append(f"<w:tr>{''.join(tcs)}</w:tr>")
    inner = ('<w:tbl><w:tblGrid><w:gridCol w:w="100"/></w:tblGrid><w:tr><w:tc><w:p/></w:tc>'
             "<w:tc><w:p/></w:tc></w:tr></w:tbl>") if nested else ""
    return f"<w:tbl><w:tblGrid>{cols}</w:tblGrid>{''.join(body)}</w:tbl>{inner}"


@settings(max_examples=150, deadline=None)
@given(st.lists(_table, min_size=1, max_size=3), st.booleans())
def test_table_grids_as_docxtpl_leaves_them(tables, nested):
    xml = f"<w:body{_decls(ROOT_NS)}>{''.join(_table_xml(g, r, nested) for g, r in tables)}</w:body>"
    try:
        expected = _docxtpl_fix(xml)
    except (ZeroDivisionError, ValueError, TypeError) as e:  # docxtpl fails on some grids: so do we
        with pytest.raises(type(e)):
            fix_tables(xml)
        return
    assert etree.tostring(fix_tables(xml)) == expected


def test_a_cell_in_a_row_loop_widens_the_grid():
    xml = (f"<w:body{_decls(ROOT_NS)}><w:tbl><w:tblGrid><w:gridCol w:w=\"3000\"/></w:tblGrid>"
           "<w:tr><w:tc><w:p/></w:tc><w:tc><w:p/></w:tc><w:tc><w:p/></w:tc></w:tr></w:tbl></w:body>")
    grid = fix_tables(xml).find(f".//{{{W}}}tblGrid")
    assert [c.get(f"{{{W}}}w") for c in grid] == ["1000", "1000", "1000"]
    assert etree.tostring(fix_tables(xml)) == _docxtpl_fix(xml)


# --------------------------------------------------------------------------- splicing
def _moved(document: bytes, body_xml: str) -> bytes:
    """What the renderer did before: the body's tree moved into the document's."""
    tree = etree.fromstring(body_xml, etree.XMLParser(recover=True))
    root = etree.fromstring(document, dr._oxml_parser())
    root.replace(root.find(f"{{{W}}}body"), tree)
    return etree.tostring(root, encoding="UTF-8", standalone=True)


def _spliced(document: bytes, body_xml: str) -> bytes | None:
    frame = dr._frame(document)
    tree = etree.fromstring(body_xml, etree.XMLParser(recover=True))
    got = dr._body_bytes(frame, tree, dr._declared_prefixes(body_xml))
    if got is None or frame is None:
        return None
    start, rest = got
    return frame.head + start + b"".join(rest) + frame.tail


DOCUMENT = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document{_decls(ROOT_NS)}>'
            '<w:body><w:p/><w:sectPr/></w:body></w:document>').encode()
CHART = ('<w:r><w:drawing><wp:inline xmlns:wp="{wp}"><a:graphic xmlns:a="urn:a"><c:chart xmlns:c="urn:c" '
         'xmlns:r="{r}" r:id="rId9"/></a:graphic></wp:inline></w:drawing></w:r>').format(**ROOT_NS)
BODIES = {
    "plain": f'<w:body{_decls(ROOT_NS)}><w:p><w:r><w:t xml:space="preserve">a &amp; b "c" \'d\' &#62;</w:t>'
             "</w:r></w:p><w:sectPr/></w:body>",
    "chart": f"<w:body{_decls(ROOT_NS)}><w:p>{CHART}</w:p><w:p>{CHART}</w:p></w:body>",
    "empty": f"<w:body{_decls(ROOT_NS)}/>",
    "comment": f"<w:body{_decls(ROOT_NS)}><!-- a > b --><w:p/></w:body>",
    "text that looks like a declaration": f'<w:body{_decls(ROOT_NS)}><w:p><w:r><w:t> xmlns:w="{W}" '
                                          'xmlns:zz="q"</w:t></w:r></w:p></w:body>',
}


@pytest.mark.parametrize("name", sorted(BODIES))
def test_spliced_body_is_what_the_move_wrote(name):
    body = BODIES[name]
    got = _spliced(DOCUMENT, body)
    assert got is not None
    assert got == _moved(DOCUMENT, body)


@pytest.mark.parametrize("body", [
    # a namespace of the body's own, another prefix for the document's, a default namespace:
    # each is left to the move, which gives the same bytes as ever
    f'<w:body{_decls(ROOT_NS)} xmlns:x="urn:x"><w:p/></w:body>',
    f'<w:body xmlns:w="{W}" xmlns:rr="{ROOT_NS["r"]}"><w:p/></w:body>',
    f'<w:body{_decls(ROOT_NS)}><w:p><v:x xmlns="urn:v" xmlns:v="urn:v"/></w:p></w:body>',
])
def test_unusual_bodies_are_moved(body):
    assert _spliced(DOCUMENT, body) is None
    assert b"<w:body>" in _moved(DOCUMENT, body) or b"<w:body " in _moved(DOCUMENT, body)


def test_a_document_with_a_namespace_twice_is_not_framed():
    twice = DOCUMENT.replace(b"<w:document ", b'<w:document xmlns:w2="' + W.encode() + b'" ')
    assert dr._frame(twice) is None


# --------------------------------------------------------------------------- collector
def test_collector_paused_and_given_back_once_the_last_run_ends():
    assert gc.isenabled()
    with paused():
        assert not gc.isenabled()
        with paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_collector_left_off_when_it_was_off():
    gc.disable()
    try:
        with paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_collector_pause_shared_by_threads():
    inside, leave = threading.Event(), threading.Event()

    def other():
        with paused():
            inside.set()
            leave.wait(5)

    t = threading.Thread(target=other)
    t.start()
    inside.wait(5)
    with paused():
        pass
    assert not gc.isenabled()  # the other run is still going
    leave.set()
    t.join()
    assert gc.isenabled()


def test_collector_given_back_after_an_error():
    with pytest.raises(RuntimeError), paused():
        raise RuntimeError("boom")
    assert gc.isenabled()


# --------------------------------------------------------------------------- positions
@pytest.mark.parametrize("suffix", [".yaml", ".json", ".md"])
def test_positions_after_the_node_tree_was_let_go(tmp_path, suffix):
    from uprdraft.load import read_source

    texts = {".yaml": "kind: x\nitems:\n  - a\n  - name: b\n",
             ".json": '{"kind": "x",\n "items": ["a", {"name": "b"}]}\n',
             ".md": "---\nkind: x\nitems:\n  - a\n  - name: b\n---\nBody\n"}
    path = tmp_path / f"in{suffix}"
    path.write_text(texts[suffix], encoding="utf-8")
    _, src = read_source(path)
    before = [src.locate(loc) for loc in [(), ("kind",), ("items", 1, "name"), ("items", 5), ("nothing",)]]
    src.let_go()
    assert src.node is None
    after = [src.locate(loc) for loc in [(), ("kind",), ("items", 1, "name"), ("items", 5), ("nothing",)]]
    assert after == before
    assert src.node is not None  # composed again, once


# --------------------------------------------------------------------------- charts
@pytest.mark.parametrize("with_notes", [False, True])
def test_chart_attached_to_the_body_as_to_the_finished_file(tmp_path, with_notes):
    """Attached before the document part is written, the chart gives the bytes attaching it
    to the finished file gave (relationship ids in the same order, footnotes first)."""
    from docx import Document

    from uprdraft.render.chart import attach_chart, attach_chart_to_body, chart_run, chart_xml

    doc = Document()
    doc.add_paragraph("{{ title }}")
    doc.add_paragraph("{{r p }}")
    doc.add_paragraph("{{r chart }}")
    path = tmp_path / "chart.docx"
    doc.save(str(path))
    chart = chart_xml(["Done", "Not done"], [("Supported", [3, 1]), ("Noted", [0, 2])], ("1F77B4", "FF7F0E"), "en",
                      "Arial", 10)

    def render(finish=None) -> bytes:
        notes = dr.Notes()
        ctx = {"title": "A & B", "chart": chart_run("Bar chart: 6", "Status"),
               "p": dr.runs(["Text", dr.Footnote("A note.")] if with_notes else ["Text"], notes)}
        return dr.render_template("x", "en", ctx, template=path, notes=notes, finish=finish, title="T", author="A")

    old = attach_chart(render(), chart)
    new = render(lambda parts, body: attach_chart_to_body(parts, body, chart))
    assert new == old
    assert b"word/charts/chart1.xml" in new


# --------------------------------------------------------------------------- YAML values
def _both(text: str):
    """(what the reader gives, what PyYAML's constructor alone gives) for ``text``: the
    values, or the exception raised."""
    from uprdraft import yamlread

    def slow():
        loader = yamlread._Loader(text, yamlread.Limits())
        try:
            root = loader.get_single_node()
            return None if root is None else loader.construct_document(root)
        finally:
            loader.dispose()

    out = []
    for read in (lambda: yamlread.compose(text)[0], slow):
        try:
            out.append(read())
        except Exception as e:  # noqa: BLE001 - compared below
            out.append((type(e).__name__, str(e)))
    return out


_scalar = st.one_of(st.text(max_size=8), st.integers(-10**6, 10**6), st.booleans(), st.none(),
                    st.floats(allow_nan=False), st.sampled_from(["2026-01-31", "yes", "0x1F", "1_000", "~", "<<"]))
_values = st.recursive(_scalar, lambda kids: st.one_of(
    st.lists(kids, max_size=4), st.dictionaries(st.one_of(st.text(max_size=5), st.integers(0, 9)), kids, max_size=4)),
    max_leaves=20)


@settings(max_examples=200, deadline=None)
@given(_values)
def test_plain_builder_gives_pyyamls_values(data):
    import yaml

    text = yaml.safe_dump({"kind": "x", "data": data}, allow_unicode=True)
    fast, slow = _both(text)
    assert fast == slow


@pytest.mark.parametrize("text", [
    "a: &x {b: 1}\nc: *x\nd: [*x, *x]\n",  # aliases: the same value
    "base: &b {x: 1, y: 2}\nmine:\n  <<: *b\n  y: 3\n",  # a merge key: PyYAML's constructor
    "a: 1\na: 2\n", "a:\n  b: 1\n  b: 2\nc: 1\nc: 2\n",  # repeated keys: the first PyYAML reports
    "? [a, b]\n: 1\n", "1: a\n1.0: b\n", "true: a\n1: b\n", "~: a\nnull: b\n",
    "a: !!str 12\nb: !!int '7'\nc: !!float '1'\n", "a: !custom x\n", "a: !!binary aGVsbG8=\n", "a: !!map [1]\n",
    "a: !!value x\n", "- 1\n- 0b101\n- 0o17\n- .inf\n- -.INF\n- .nan\n- 1e3\n- 12:30\n- 2026-01-01 10:00:00\n",
    "a: " + "9" * 5000 + "\n",
])
def test_plain_builder_on_unusual_yaml(text):
    fast, slow = _both(text)
    assert repr(fast) == repr(slow)  # repr: NaN is never equal to itself


def test_reading_leaves_no_cycles_for_the_paused_collector(tmp_path):
    """What reading makes (the node tree once let go, the values once validated) is freed by
    reference counting alone: nothing keeps it in a cycle that only the cyclic collector,
    paused during a run, would free."""
    import weakref

    from uprdraft.load import read_source

    path = tmp_path / "in.yaml"
    path.write_text("kind: x\nitems:\n  - a\n  - {b: 1, c: [2, 3]}\n", encoding="utf-8")
    gc.collect()
    with paused():
        data, src = read_source(path)
        tree = weakref.ref(src.node)
        src.let_go()
        assert tree() is None
        del data, src
        assert gc.collect() == 0


# --------------------------------------------------------------------------- the body streamed
def _old_text_run(text: str) -> str:
    """The run as the renderer made it before (split on tabs and breaks)."""
    import re

    out = []
    for piece in re.split(r"(\t|\n)", text):
        if piece == "\t":
            out.append("<w:tab/>")
        elif piece == "\n":
            out.append("<w:br/>")
        elif piece:
            out.append(f'<w:t xml:space="preserve">{dr.escape(piece)}</w:t>')
    return f"<w:r>{''.join(out)}</w:r>" if out else ""


@given(st.text(alphabet="ab <>&\t\n\"'", max_size=20))
@settings(max_examples=300, deadline=None)
def test_text_run_as_before(text):
    assert dr._text_run(text) == _old_text_run(text)


@given(st.lists(st.sampled_from(["xmlns", ":", "=", " ", "a", "b", ">", "/", "\n", "x"]), max_size=20).map("".join),
       st.lists(st.integers(min_value=0, max_value=60), max_size=6))
@settings(max_examples=500, deadline=None)
def test_prefixes_of_a_text_in_chunks_are_those_of_the_whole(text, cuts):
    whole = dr._declared_prefixes(text)
    scan = dr._Prefixes()
    edges = [0, *sorted(c for c in cuts if c <= len(text)), len(text)]
    for a, b in zip(edges, edges[1:], strict=False):
        scan.feed(text[a:b])
    assert scan.found() == whole


def _whole(template, context) -> tuple[bytes, list[str] | None]:
    xml = template.render(context)
    return etree.tostring(fix_tables(xml)), dr._declared_prefixes(xml)


STREAMED = {
    "table": ("<w:body{d}><w:tbl><w:tblGrid><w:gridCol w:w=\"100\"/></w:tblGrid>{{% for r in rows %}}<w:tr>"
              "{{% for c in r %}}<w:tc><w:p><w:r><w:t>{{{{ c }}}}</w:t></w:r></w:p></w:tc>{{% endfor %}}</w:tr>"
              "{{% endfor %}}</w:tbl><w:sectPr/></w:body>"),
    "chart": "<w:body{d}>{{% for r in rows %}}<w:p>{chart}</w:p>{{% endfor %}}</w:body>",
    "text": "<w:body{d}>{{% for r in rows %}}<w:p><w:r><w:t>{{{{ r[0] }}}} &amp; {{{{ r[1] }}}}</w:t></w:r></w:p>"
            "{{% endfor %}}</w:body>",
}


@pytest.mark.parametrize("name", sorted(STREAMED))
@pytest.mark.parametrize("pieces", [1, 2, 3, 7, 4096])
def test_streamed_body_is_the_whole_body(monkeypatch, name, pieces):
    env = dr._jinja_env()
    template = env.from_string(STREAMED[name].format(d=_decls(ROOT_NS), chart=CHART))
    context = {"rows": [["a<b", "c"], ["d", "e & f", "g"], ["x" * 50, ""]] * 5}
    monkeypatch.setattr(dr, "_PIECES", pieces)
    got = dr._stream_body(template, context)
    assert got is not None
    tree, prefixes = got
    assert (etree.tostring(tree), prefixes) == _whole(template, context)


@pytest.mark.parametrize("body", [
    "<w:body{d}><w:p><w:r><w:t>{{{{ x }}}}</w:t></w:r></w:p></w:body>",  # a value with a tab
    "<w:body{d}><w:p><w:r><w:t>{{_{{ x }}_}}</w:t></w:r></w:p></w:body>",  # an escaped tag
    "<w:body{d}><w:p><w:r><w:t>{{{{ x }}}}</w:r></w:p></w:body>",  # broken XML, mended
    "",  # nothing at all
])
@pytest.mark.parametrize("pieces", [1, 4096])
def test_what_only_the_whole_text_gets_is_rendered_whole(monkeypatch, body, pieces):
    env = dr._jinja_env()
    template = env.from_string(body.format(d=_decls(ROOT_NS)))
    monkeypatch.setattr(dr, "_PIECES", pieces)
    assert dr._stream_body(template, {"x": "a\tb"}) is None


def test_an_escaped_tag_across_two_chunks_is_seen(monkeypatch):
    env = dr._jinja_env()
    template = env.from_string(f"<w:body{_decls(ROOT_NS)}><w:p><w:r><w:t>{{{{ a }}}}{{{{ b }}}}</w:t></w:r></w:p></w:body>")
    monkeypatch.setattr(dr, "_PIECES", 1)
    assert dr._stream_body(template, {"a": "x{_", "b": "{y"}) is None
    assert dr._stream_body(template, {"a": "x{", "b": "y"}) is not None


@given(st.text(alphabet="ab <>&\t\n\r\x01", max_size=20))
@settings(max_examples=200, deadline=None)
def test_runs_of_one_text_as_of_several(text):
    one = dr.runs([text])
    pieces = dr.runs(iter([text]))  # not a list: the general path
    assert (one.xml, one.text) == (pieces.xml, pieces.text)
