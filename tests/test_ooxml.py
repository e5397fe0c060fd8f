"""The OOXML layer: parts and relationships through an API, schema order, determinism, safety."""
from __future__ import annotations

import ast
import random
import subprocess
import sys
import zipfile
from io import BytesIO
from pathlib import Path

import pytest
from docx_build import make_docx, para
from lxml import etree

from uprdraft.docx_check import check_docx, first_paragraph_text, fix_docx
from uprdraft.findings import InputError
from uprdraft.ooxml import (
    add_part,
    add_relationship,
    content_type,
    drop_part,
    insert_in_order,
    insert_rpr,
    next_rid,
    open_package,
    read_parts,
    relationships,
    rels_name,
    write_package,
)
from uprdraft.ooxml.parts import WML
from uprdraft.ooxml.props import RPR_ORDER, SETTINGS_TAIL_ORDER
from uprdraft.ooxml.xml import W_NS, UnsafeXML, parse, parse_raw, serialize, w

SRC = Path(__file__).resolve().parents[1] / "src" / "uprdraft"
DOC = "word/document.xml"
CT_NOTES = f"{WML}.footnotes+xml"
NOTES = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
         b'<w:footnotes xmlns:w="' + W_NS.encode() + b'"/>')


def _parts(**kw) -> dict[str, bytes]:
    return read_parts(make_docx(para("Title") + para("Body text."), **kw))


# --------------------------------------------------------------------------- parts and relationships
def test_add_part_brings_content_type_and_relationship_round_trip():
    parts = _parts()
    before = {r.id for r in relationships(parts, DOC)}
    rid = add_part(parts, "word/footnotes.xml", NOTES, CT_NOTES, source=DOC, kind="footnotes")
    assert rid not in before and rid == "rId3"  # above rId1, rId2; rIdLink is not numbered
    assert content_type(parts, "word/footnotes.xml") == CT_NOTES
    rel = next(r for r in relationships(parts, DOC) if r.id == rid)
    assert (rel.kind, rel.target, rel.external) == ("footnotes", "word/footnotes.xml", False)
    # the edited package reads back the same through the safe reader
    pkg = open_package(write_package(parts))
    try:
        assert pkg.first("footnotes") == "word/footnotes.xml"
        assert pkg.read("word/footnotes.xml") == NOTES
    finally:
        pkg.close()
    # adding it again reuses the relationship instead of duplicating it
    assert add_part(parts, "word/footnotes.xml", NOTES, CT_NOTES, source=DOC, kind="footnotes") == rid
    assert sum(r.kind == "footnotes" for r in relationships(parts, DOC)) == 1


def test_drop_part_removes_every_reference_and_keeps_the_file_valid():
    parts = _parts(header=para("Header"))
    parts["word/_rels/header1.xml.rels"] = (
        b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>')
    drop_part(parts, "word/header1.xml")
    assert "word/header1.xml" not in parts and "word/_rels/header1.xml.rels" not in parts
    assert all(r.target != "word/header1.xml" for r in relationships(parts, DOC))
    assert b"header1.xml" not in parts["[Content_Types].xml"]
    assert b"header1.xml" not in parts["word/_rels/document.xml.rels"]
    assert check_docx(write_package(parts)).stats["features"] == check_docx(
        write_package(_parts())).stats["features"]


def test_drop_part_resolves_targets_instead_of_matching_file_names():
    parts = _parts()
    add_part(parts, "word/media/a.xml", b"<a/>", "application/xml", source=DOC, kind="custom")
    add_part(parts, "customXml/a.xml", b"<a/>", "application/xml", source="", kind="customXml")
    drop_part(parts, "customXml/a.xml")
    assert [r.target for r in relationships(parts, DOC) if r.kind == "custom"] == ["word/media/a.xml"]
    assert not [r for r in relationships(parts, "") if r.kind == "customXml"]
    assert content_type(parts, "word/media/a.xml") == "application/xml"


def test_next_rid_skips_every_numbered_id_in_use():
    root = parse_raw(b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                     b'<Relationship Id="rId2" Type="t" Target="a"/><Relationship Id="rId9" Type="t" Target="b"/>'
                     b'<Relationship Id="rIdLink" Type="t" Target="c"/></Relationships>')
    assert next_rid(root) == "rId10"


def test_new_relationship_follows_a_strict_rels_part():
    strict = "http://purl.oclc.org/ooxml/officeDocument/relationships"
    parts = {rels_name(DOC): (f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                              f'<Relationship Id="rId1" Type="{strict}/styles" Target="styles.xml"/>'
                              "</Relationships>").encode()}
    add_relationship(parts, DOC, "footnotes", "word/footnotes.xml")
    assert f'Type="{strict}/footnotes" Target="footnotes.xml"'.encode() in parts[rels_name(DOC)]


def test_relationships_part_is_created_when_missing():
    parts: dict[str, bytes] = {}
    assert add_relationship(parts, "", "officeDocument", DOC) == "rId1"
    assert [(r.kind, r.target) for r in relationships(parts, "")] == [("main", DOC)]
    assert rels_name("") == "_rels/.rels" and rels_name(DOC) == "word/_rels/document.xml.rels"


# --------------------------------------------------------------------------- a missing target
def test_package_with_a_missing_relationship_target_is_read_and_fixed(tmp_path):
    parts = _parts()
    del parts["word/styles.xml"]  # the relationship and the content type still name it
    data = write_package(parts)
    pkg = open_package(data)
    try:
        assert pkg.first("styles") is None
        assert any(r.kind == "styles" for r in pkg.rels(pkg.main))
    finally:
        pkg.close()
    assert check_docx(data).stats["words"]["body"] == 3
    src = tmp_path / "dangling.docx"
    src.write_bytes(data)
    report = fix_docx(src, tmp_path / "fixed.docx")
    assert report.ok, report.findings
    fixed = open_package(tmp_path / "fixed.docx")
    try:
        assert fixed.first("styles") == "word/styles.xml"
    finally:
        fixed.close()


def test_dropping_a_missing_part_removes_its_dangling_references():
    parts = _parts()
    del parts["word/styles.xml"]
    drop_part(parts, "word/styles.xml")
    assert not [r for r in relationships(parts, DOC) if r.kind == "styles"]
    assert content_type(parts, "word/styles.xml") == "application/xml"  # only the default is left


# --------------------------------------------------------------------------- schema order
def _names(parent) -> list[str]:
    return [etree.QName(c).localname for c in parent]


def test_rpr_children_are_inserted_in_schema_order():
    rpr = parse(f'<w:rPr xmlns:w="{W_NS}"><w:rStyle w:val="X"/><w:b/><w:u w:val="single"/><w:lang w:val="en"/>'
                "</w:rPr>".encode())
    for tag in ("vertAlign", "sz", "rFonts", "szCs", "rPrChange", "ins"):
        insert_rpr(rpr, etree.Element(w(tag)))
    names = _names(rpr)
    assert names == ["ins", "rStyle", "rFonts", "b", "sz", "szCs", "u", "vertAlign", "lang", "rPrChange"]
    assert names == sorted(names, key=RPR_ORDER.index)


def test_unknown_children_stay_and_append_can_be_refused():
    settings = parse(f'<w:settings xmlns:w="{W_NS}" xmlns:x="urn:x"><w:zoom/><x:ext/></w:settings>'.encode())
    assert not insert_in_order(settings, etree.Element(w("footnotePr")), SETTINGS_TAIL_ORDER, append=False)
    assert _names(settings) == ["zoom", "ext"]
    settings.insert(1, etree.Element(w("compat")))
    assert insert_in_order(settings, etree.Element(w("footnotePr")), SETTINGS_TAIL_ORDER, append=False)
    assert _names(settings) == ["zoom", "footnotePr", "compat", "ext"]


def test_template_builders_use_the_one_rpr_order():
    text = (SRC.parents[1] / "scripts" / "templates" / "_common.py").read_text(encoding="utf-8")
    assert "uprdraft.ooxml.props" in text and '"szCs", "highlight"' not in text
    assert "RPR_ORDER = " not in (SRC / "docx_check" / "fix.py").read_text(encoding="utf-8")


# --------------------------------------------------------------------------- determinism
def test_writer_is_deterministic_whatever_the_order_of_parts():
    parts = _parts(footnotes=["<w:p/>"])
    names = list(parts)
    random.Random(7).shuffle(names)
    shuffled = {n: parts[n] for n in names}
    data = write_package(parts)
    assert write_package(shuffled) == data
    with zipfile.ZipFile(BytesIO(data)) as z:
        infos = z.infolist()
    assert infos[0].filename == "[Content_Types].xml"
    assert [i.filename for i in infos[1:]] == sorted(i.filename for i in infos[1:])
    assert {i.date_time for i in infos} == {(2000, 1, 1, 0, 0, 0)}


def test_editing_gives_the_same_bytes_twice():
    def edited() -> bytes:
        parts = _parts(header=para("H"))
        add_part(parts, "word/footnotes.xml", NOTES, CT_NOTES, source=DOC, kind="footnotes")
        drop_part(parts, "word/header1.xml")
        return write_package(parts)

    assert edited() == edited()


def test_rendered_footnotes_go_through_the_api():
    from uprdraft.render.docx_render import Footnote, Notes, render_template, runs

    def render() -> bytes:
        notes = Notes()
        ctx = {"title": runs(["A title"], notes), "paragraphs": [runs(["Text", Footnote("A & B.")], notes)]}
        return render_template("written-statement", "en", ctx, notes=notes, title="T <&>", author="A", language="en")

    data = render()
    assert data == render()
    pkg = open_package(data)
    try:
        assert pkg.first("footnotes") == "word/footnotes.xml"
        settings = pkg.xml("word/settings.xml")
        assert [n.get(w("id")) for n in settings.find(w("footnotePr"))] == ["-1", "0"]
        core = pkg.read("docProps/core.xml")
        assert b"<dc:title>T &lt;&amp;&gt;</dc:title>" in core and b"dcterms:created" not in core
        assert not [n for n in pkg.parts() if n.startswith(("docProps/thumbnail", "customXml/"))]
    finally:
        pkg.close()


# --------------------------------------------------------------------------- safety and the gate's reader
def test_parser_refuses_entities_and_serialises_as_word_does():
    with pytest.raises(UnsafeXML):
        parse(b'<!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>')
    assert serialize(parse_raw(b"<x/>")).startswith(b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n')


def test_read_parts_keeps_the_size_bound():
    from uprdraft.ooxml.limits import Limits

    data = make_docx(para("x" * 5000))
    with pytest.raises(InputError) as e:
        read_parts(data, limits=Limits(max_member_bytes=1000))
    assert e.value.findings[0].code == "word-part-size"


def test_first_paragraph_text():
    assert first_paragraph_text(make_docx(para("") + para("  The title ") + para("Body"))) == "  The title "
    assert first_paragraph_text(make_docx(para(""))) == ""
    assert first_paragraph_text(b"%PDF-1.4 not a Word file") is None


# --------------------------------------------------------------------------- rules and layers
def test_check_and_fix_take_rules_explicitly(tmp_path):
    from uprdraft.rules import DEFAULT, resolve

    assert resolve() is DEFAULT and resolve(DEFAULT) is DEFAULT
    looser = {"fonts": {"profiles": {"hrc-written": {"size_pt": 12}}}}
    assert resolve(looser).fonts.profiles["hrc-written"].size_pt == 12
    assert resolve(looser).fonts.profiles["hrc-written"].font == DEFAULT.fonts.profiles["hrc-written"].font
    path = tmp_path / "rules.yaml"
    path.write_text("written:\n  word_limit:\n    special: 3\n", encoding="utf-8")
    assert resolve(path).written.word_limit["special"] == 3 and resolve(str(path)) == resolve(path)
    with pytest.raises(InputError):
        resolve(42)  # type: ignore[arg-type]
    doc = make_docx(para("one two three four"))
    assert check_docx(doc, status="special").ok
    assert [f.code for f in check_docx(doc, status="special", rules=path).findings] == ["word-limit"]
    assert "font-size" in {f.code for f in check_docx(doc, rules=looser).findings}
    out = tmp_path / "fixed.docx"
    assert fix_docx(make_docx(para("x")), out, rules=looser).ok
    assert b'w:val="24"' in read_parts(out)["word/styles.xml"]


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level:
            found.add("." * node.level + (node.module or ""))
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("uprdraft"):
            found.add(node.module)
    return found


def test_ooxml_imports_only_the_lowest_layers():
    allowed = {"..findings", "..fileio", "..xmltext"}
    for path in (SRC / "ooxml").glob("*.py"):
        for mod in _imports(path):
            assert mod.startswith(".") and (mod.count(".") == 1 or mod in allowed or mod == "."), (path.name, mod)


def test_checker_imports_no_rules_at_start_up():
    probe = ("import sys, uprdraft.docx_check.check, uprdraft.docx_check.fix, uprdraft.ooxml; "
             "print(sorted(m for m in ('pydantic', 'uprdraft.rules') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
    for path in (SRC / "docx_check").glob("*.py"):
        assert "get_rules" not in path.read_text(encoding="utf-8"), path.name
