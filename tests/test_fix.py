"""uprdraft fix: the copy complies, the text does not change, tracked changes stay."""
from __future__ import annotations

import io
import zipfile

import pytest
from docx_build import make_docx, para

from uprdraft.docx_check import check_docx, fix_docx
from uprdraft.docx_check.check import FORMAT_CODES
from uprdraft.docx_check.stories import walk_package
from uprdraft.ooxml.package import open_package

THEME_DEFAULTS = ('<w:rPr><w:rFonts w:asciiTheme="minorHAnsi" w:hAnsiTheme="minorHAnsi" w:cstheme="minorBidi"/>'
                  '<w:b/><w:sz w:val="22"/></w:rPr>')
STYLES = ('<w:style w:type="paragraph" w:styleId="H1"><w:name w:val="heading 1"/><w:rPr><w:b/><w:i/>'
          '<w:sz w:val="32"/></w:rPr></w:style>'
          '<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/><w:rPr>'
          '<w:u w:val="single"/></w:rPr></w:style>'
          '<w:style w:type="table" w:styleId="Grid"><w:name w:val="Grid"/><w:tblStylePr w:type="firstRow">'
          '<w:rPr><w:b/></w:rPr></w:tblStylePr></w:style>')
BODY = (para("Title", pstyle="H1")
        + '<w:p><w:r><w:rPr><w:rFonts w:ascii="Arial"/><w:i/></w:rPr><w:t xml:space="preserve">Les droits </w:t></w:r>'
          '<w:ins w:id="1" w:author="NGO"><w:r><w:t>ajoutés</w:t></w:r></w:ins>'
          '<w:del w:id="2" w:author="NGO"><w:r><w:delText>supprimés</w:delText></w:r></w:del>'
          '<w:r><w:rPr><w:b/><w:rPrChange w:id="3" w:author="NGO"><w:rPr><w:i/></w:rPr></w:rPrChange></w:rPr>'
          '<w:t xml:space="preserve"> — حقوق</w:t></w:r>'
          '<w:hyperlink r:id="rIdLink"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:t>lien</w:t></w:r>'
          '</w:hyperlink><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="1"/>'
          '</w:r></w:p>'
        + '<w:tbl><w:tblPr><w:tblStyle w:val="Grid"/></w:tblPr><w:tblGrid><w:gridCol/></w:tblGrid>'
          f'<w:tr><w:tc>{para("Head")}</w:tc></w:tr><w:tr><w:tc>{para("Cell")}</w:tc></w:tr></w:tbl>')
NOTE = '<w:p><w:r><w:footnoteRef/></w:r><w:r><w:rPr><w:u w:val="single"/></w:rPr><w:t> Note text.</w:t></w:r></w:p>'


def _doc():
    return make_docx(BODY, styles=STYLES, doc_defaults=THEME_DEFAULTS, footnotes=[NOTE])


def texts(source):
    pkg = open_package(source)
    stories, inv = walk_package(pkg)
    return [(kind, [p.text for p in paras]) for kind, paras in stories], {k: f.count for k, f in inv.features.items()}


def test_fix_makes_it_compliant_and_keeps_text(tmp_path):
    src = tmp_path / "stmt.docx"
    src.write_bytes(_doc())
    before = check_docx(src)
    assert {"font-name", "font-size", "bold", "italic", "underline"} <= {f.code for f in before.findings}
    out = tmp_path / "out.docx"
    r = fix_docx(src, out)
    assert r.ok and r.output == str(out) and out.exists()
    after = check_docx(out)
    assert not [f for f in after.findings if f.code in FORMAT_CODES]
    assert texts(src) == texts(out)
    assert after.stats["words"] == before.stats["words"]
    assert "tracked-change" in {f.code for f in r.findings}  # kept and reported
    with zipfile.ZipFile(out) as z:
        doc = z.read("word/document.xml")
    assert b"<w:delText>supprim" in doc and b"w:rPrChange" in doc and b"Theme" not in doc


def test_fix_is_deterministic_and_refuses_overwrite(tmp_path):
    from uprdraft.findings import InputError

    src = tmp_path / "s.docx"
    src.write_bytes(_doc())
    a, b = tmp_path / "a.docx", tmp_path / "b.docx"
    fix_docx(src, a)
    fix_docx(src, b)
    assert a.read_bytes() == b.read_bytes()
    with pytest.raises(InputError):
        fix_docx(src, a)
    fix_docx(src, a, force=True)


def test_fix_without_styles_part(tmp_path):
    doc = make_docx(para("plain"), doc_defaults=None, theme=False)
    with zipfile.ZipFile(io.BytesIO(doc)) as z:
        parts = {i.filename: z.read(i) for i in z.infolist() if i.filename != "word/styles.xml"}
    parts["word/_rels/document.xml.rels"] = parts["word/_rels/document.xml.rels"].replace(
        b'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"', b'Type="x/unused"')
    from uprdraft.ooxml.writer import write_package

    src = tmp_path / "nostyles.docx"
    src.write_bytes(write_package(parts))
    assert not check_docx(src).ok
    r = fix_docx(src, tmp_path / "o.docx")
    assert r.ok and check_docx(tmp_path / "o.docx").ok


def test_cli_fix_default_output_and_json(cli, tmp_path):
    src = tmp_path / "draft.docx"
    src.write_bytes(_doc())
    code, data = cli.json("fix", src)
    assert code == 0 and data["output"] == str(tmp_path / "draft-fixed.docx")
    code, data = cli.json("fix", src)
    assert code == 2 and "--force" in data["findings"][0]["message"]
    code, out, err = cli("check", tmp_path / "draft-fixed.docx")
    assert code == 0


def test_fix_corpus_keeps_text_and_complies(corpus, tmp_path):
    from uprdraft.findings import InputError

    files = sorted(corpus.glob("docx-*/*.docx"))
    for i, f in enumerate(files):
        out = tmp_path / f"{i}.docx"
        try:
            r = fix_docx(f, out)
        except InputError as e:
            assert e.findings[0].code in ("not-docx", "unreadable")
            continue
        assert r.output, (f, [str(x) for x in r.findings][:3])
        assert texts(f) == texts(out), f


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_RPRS = ["", "<w:rPr><w:b/></w:rPr>", "<w:rPr><w:i/><w:iCs/></w:rPr>", '<w:rPr><w:u w:val="double"/></w:rPr>',
         '<w:rPr><w:rFonts w:ascii="Arial" w:cstheme="minorBidi"/><w:sz w:val="30"/></w:rPr>',
         '<w:rPr><w:rStyle w:val="Hyperlink"/><w:bCs/><w:rtl/></w:rPr>']


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_RPRS),
                          st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=30)),
                min_size=1, max_size=8))
def test_fix_property_text_kept_and_compliant(runs):
    from xml.sax.saxutils import escape

    from uprdraft.docx_check.fix import fixed_bytes
    from uprdraft.rules import DEFAULT

    body = "<w:p>" + "".join(f'<w:r>{rpr}<w:t xml:space="preserve">{escape(t)}</w:t></w:r>' for rpr, t in runs) + "</w:p>"
    src = make_docx(body, styles=STYLES, doc_defaults=THEME_DEFAULTS)
    pkg = open_package(src)
    out, _ = fixed_bytes(pkg, DEFAULT)
    assert texts(src) == texts(out)
    assert not [f for f in check_docx(out).findings if f.code in FORMAT_CODES]
