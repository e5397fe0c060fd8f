"""uprdraft check: effective formatting, findings, word count, limits (documents built here)."""
from __future__ import annotations

import json

import pytest
from docx_build import make_docx, para
from hypothesis import given, settings
from hypothesis import strategies as st

from uprdraft.docx_check import check_docx, count_docx_words
from uprdraft.wordcount import count_words

THEME_DEFAULTS = ('<w:rPr><w:rFonts w:asciiTheme="minorHAnsi" w:hAnsiTheme="minorHAnsi" '
                  'w:eastAsiaTheme="minorHAnsi" w:cstheme="minorBidi"/><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr>')


def pstyle(sid, rpr, based_on=None, kind="paragraph"):
    based = f'<w:basedOn w:val="{based_on}"/>' if based_on else ""
    return f'<w:style w:type="{kind}" w:styleId="{sid}"><w:name w:val="{sid} name"/>{based}<w:rPr>{rpr}</w:rPr></w:style>'


def codes(report, severity=None):
    return sorted(f.code for f in report.findings if severity is None or f.severity == severity)


# --------------------------------------------------------------------------- the resolver cases
def test_compliant_plain_document():
    r = check_docx(make_docx(para("Les droits de l’enfant — aujourd’hui.")), name="ok.docx")
    assert r.findings == [] and r.ok
    assert r.stats["runs"] == 1 and r.stats["runs_affected"] == {}


def test_bold_from_paragraph_style():
    doc = make_docx(para("Title of the statement", pstyle="Strong1") + para("Body text"),
                    styles=pstyle("Strong1", "<w:b/>"))
    r = check_docx(doc, name="s.docx")
    assert codes(r) == ["bold"]
    f = r.findings[0]
    assert f.location == 's.docx: body, paragraph 1: "Title of the statement"'
    assert "paragraph style 'Strong1 name'" in f.message


def test_bold_from_based_on_parent():
    styles = pstyle("Parent", "<w:b/>") + pstyle("Child", "<w:spacing w:val=\"2\"/>", based_on="Parent")
    r = check_docx(make_docx(para("Inherited", pstyle="Child"), styles=styles))
    assert codes(r) == ["bold"]
    assert "Parent name" in r.findings[0].message


def test_bold_from_character_style():
    body = '<w:p><w:r><w:rPr><w:rStyle w:val="Emph"/></w:rPr><w:t>strong words</w:t></w:r></w:p>'
    r = check_docx(make_docx(body, styles=pstyle("Emph", "<w:b/>", kind="character")))
    assert codes(r) == ["bold"]
    assert "character style 'Emph name'" in r.findings[0].message


def _table(look='<w:tblLook w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" '
                'w:noVBand="1"/>'):
    rows = "".join(f'<w:tr><w:tc>{para(t)}</w:tc></w:tr>' for t in ("Header row", "Data row"))
    return (f'<w:tbl><w:tblPr><w:tblStyle w:val="Grid"/>{look}</w:tblPr><w:tblGrid><w:gridCol/></w:tblGrid>'
            f'{rows}</w:tbl>')


TABLE_STYLE = ('<w:style w:type="table" w:styleId="Grid"><w:name w:val="Grid Table"/>'
               '<w:tblStylePr w:type="firstRow"><w:rPr><w:b/></w:rPr></w:tblStylePr></w:style>')


def test_bold_from_table_style_first_row():
    r = check_docx(make_docx(_table(), styles=TABLE_STYLE), name="t.docx")
    assert codes(r) == ["bold", "table"]
    bold = [f for f in r.findings if f.code == "bold"][0]
    assert bold.location == 't.docx: body, table 1, row 1, cell 1: "Header row"'
    assert "firstRow" in bold.message
    assert r.stats["runs_affected"] == {"bold": 1}


def test_table_first_row_off_in_tbllook():
    look = '<w:tblLook w:val="0000"/>'
    r = check_docx(make_docx(_table(look), styles=TABLE_STYLE))
    assert codes(r) == ["table"]


def test_bold_switched_off_by_direct_formatting():
    body = ('<w:p><w:pPr><w:pStyle w:val="B"/></w:pPr><w:r><w:rPr><w:b w:val="0"/><w:bCs w:val="false"/>'
            '</w:rPr><w:t>plain after all</w:t></w:r></w:p>')
    r = check_docx(make_docx(body, styles=pstyle("B", "<w:b/><w:bCs/>")))
    assert r.findings == []


def test_toggle_readings_disagree_flags_bold():
    # paragraph style bold + character style bold: bold by override, not bold by the spec's toggle
    body = '<w:p><w:pPr><w:pStyle w:val="B"/></w:pPr><w:r><w:rPr><w:rStyle w:val="C"/></w:rPr><w:t>x</w:t></w:r></w:p>'
    r = check_docx(make_docx(body, styles=pstyle("B", "<w:b/>") + pstyle("C", "<w:b/>", kind="character")))
    assert codes(r) == ["bold"]


def test_theme_font_under_ascii_only_runs():
    body = ('<w:p><w:r><w:rPr><w:rFonts w:ascii="Times New Roman"/></w:rPr>'
            '<w:t>Les droits de l’enfant</w:t></w:r></w:p>')
    r = check_docx(make_docx(body, doc_defaults=THEME_DEFAULTS))
    assert codes(r) == ["font-name"]
    msg = r.findings[0].message
    assert "hAnsi" in msg and "Calibri" in msg and "minorHAnsi" in msg


def test_theme_font_everywhere_reads_as_latin():
    r = check_docx(make_docx(para("Plain English text"), doc_defaults=THEME_DEFAULTS))
    assert codes(r) == ["font-name"]
    assert r.findings[0].message.startswith("Latin font is Calibri (from the theme (minorHAnsi)")


def test_arabic_run_bold_with_bcs():
    body = ('<w:p><w:r><w:rPr><w:bCs/><w:rtl/></w:rPr><w:t>حقوق الطفل</w:t></w:r></w:p>'
            '<w:p><w:r><w:rPr><w:bCs/></w:rPr><w:t>Latin text is not shaped with bCs</w:t></w:r></w:p>')
    r = check_docx(make_docx(body), name="ar.docx")
    assert codes(r) == ["bold"]
    assert "complex-script" in r.findings[0].message and "paragraph 1" in r.findings[0].location


def test_arabic_text_needs_cs_font_and_size():
    body = ('<w:p><w:r><w:rPr><w:rFonts w:cs="Arial"/><w:szCs w:val="28"/></w:rPr>'
            '<w:t>حقوق الطفل</w:t></w:r></w:p>')
    r = check_docx(make_docx(body))
    assert codes(r) == ["font-name", "font-size"]


def test_underline_from_hyperlink_style():
    body = ('<w:p><w:r><w:t xml:space="preserve">See </w:t></w:r><w:hyperlink r:id="rIdLink"><w:r><w:rPr>'
            '<w:rStyle w:val="Hyperlink"/></w:rPr><w:t>OHCHR</w:t></w:r></w:hyperlink></w:p>')
    styles = pstyle("Hyperlink", '<w:color w:val="0563C1"/><w:u w:val="single"/>', kind="character")
    r = check_docx(make_docx(body, styles=styles), name="h.docx")
    assert [f.code for f in r.findings] == ["underline", "color", "hyperlink"]  # errors first, then warnings
    u = [f for f in r.findings if f.code == "underline"][0]
    assert u.location == 'h.docx: body, paragraph 1: "See OHCHR"' and u.severity == "error"
    assert 'in "OHCHR"' in u.message


def test_consecutive_runs_are_one_finding():
    b = '<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">bold </w:t></w:r>'
    plain = '<w:r><w:t xml:space="preserve">plain </w:t></w:r>'
    r = check_docx(make_docx(f"<w:p>{b}{b}{b}</w:p>"))
    assert codes(r) == ["bold"] and r.stats["runs_affected"] == {"bold": 3}
    assert "in 3 runs" in r.findings[0].message
    r = check_docx(make_docx(f"<w:p>{b}{plain}{b}</w:p>"))  # one line per code and paragraph
    assert codes(r) == ["bold"] and r.stats["runs_affected"] == {"bold": 2} and "in 2 runs" in r.findings[0].message


def test_size_and_font_from_doc_defaults_and_direct():
    body = '<w:p><w:r><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial"/><w:sz w:val="24"/></w:rPr><w:t>x</w:t></w:r></w:p>'
    r = check_docx(make_docx(body))
    assert codes(r) == ["font-name", "font-size"]
    assert "12 pt" in r.findings[1].message


def test_nothing_set_is_reported():
    r = check_docx(make_docx(para("No fonts anywhere"), doc_defaults=None, theme=False))
    assert codes(r) == ["font-name", "font-size"]


def test_italic_in_footnote_and_superscript_allowed_on_note_reference():
    ref = ('<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="1"/></w:r>')
    body = f'<w:p><w:r><w:t>Text</w:t></w:r>{ref}</w:p>'
    note = ('<w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>'
            '<w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve"> A/HRC/58/15, para. 115.23.</w:t></w:r></w:p>')
    r = check_docx(make_docx(body, footnotes=[note]), name="n.docx")
    assert codes(r) == ["italic"]
    assert r.findings[0].location == 'n.docx: footnote 1, paragraph 1: "A/HRC/58/15, para. 115.23."'
    assert r.stats["words"] == {"body": 1, "footnotes": 3, "total": 4}


def test_superscript_outside_note_reference_warns():
    body = '<w:p><w:r><w:t>1</w:t></w:r><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t>st</w:t></w:r></w:p>'
    r = check_docx(make_docx(body))
    assert codes(r) == ["superscript"] and r.ok


def test_warnings_tables_images_comments_tracked_header():
    body = (_table('<w:tblLook w:val="0000"/>')
            + '<w:p><w:ins w:id="1" w:author="a"><w:r><w:t>added</w:t></w:r></w:ins>'
              '<w:del w:id="2" w:author="a"><w:r><w:delText>removed words here</w:delText></w:r></w:del>'
              '<w:r><w:commentReference w:id="0"/></w:r>'
              '<w:r><w:drawing><wp:inline><a:graphic><a:graphicData><a:blip r:embed="x"/></a:graphicData>'
              '</a:graphic></wp:inline></w:drawing></w:r></w:p>')
    doc = make_docx(body, styles=TABLE_STYLE, header=para("NGO letterhead"),
                    comments='<w:comment w:id="0"><w:p><w:r><w:t>note</w:t></w:r></w:p></w:comment>')
    r = check_docx(doc)
    assert r.ok
    assert codes(r) == ["comment", "header-footer", "image", "table", "tracked-change"]
    assert r.stats["words"]["body"] == 5  # "Header row", "Data row", "added"; not the deleted words


def test_hrc_report_profile_does_not_warn_on_tables():
    r = check_docx(make_docx(_table('<w:tblLook w:val="0000"/>'), styles=TABLE_STYLE), profile="hrc-report")
    assert r.findings == []


def test_child_friendly_profile_min_size():
    big = '<w:rPr><w:sz w:val="28"/></w:rPr>'
    small = '<w:rPr><w:sz w:val="22"/></w:rPr>'
    r = check_docx(make_docx(para("Big", big) + para("Small", small)), profile="child-friendly")
    assert codes(r) == ["font-size"] and "below 12 pt" in r.findings[0].message


def test_text_box_counted_once_not_its_fallback():
    box = ('<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>'
           + para("inside the box") + '</w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict>'
           '<v:textbox><w:txbxContent>' + para("inside the box") + '</w:txbxContent></v:textbox></w:pict>'
           '</mc:Fallback></mc:AlternateContent></w:r>')
    r = check_docx(make_docx(f'<w:p><w:r><w:t>anchor</w:t></w:r>{box}</w:p>'))
    assert r.stats["words"]["body"] == 4
    assert codes(r) == ["text-box"]


# --------------------------------------------------------------------------- word count
def test_word_count_rule():
    text = "The child-rights coalition—today. Droits\u00a0de l’enfant – 2025 儿童权利"
    r = check_docx(make_docx(para(text)))
    assert r.stats["words"]["body"] == count_words(text) == 13  # a lone dash is a token


def test_field_instructions_hidden_text_and_header_not_counted():
    body = ('<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> HYPERLINK "https://x.org" '
            '</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>link text</w:t></w:r>'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
            '<w:r><w:rPr><w:vanish/></w:rPr><w:t xml:space="preserve"> hidden words</w:t></w:r></w:p>')
    doc = make_docx(body, header=para("header words not counted"))
    assert count_docx_words(doc) == {"body": 2, "footnotes": 0, "total": 2}
    assert "hyperlink" in codes(check_docx(doc))


_TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=60)


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from("ab1 \u00a0\n-\u2013\u2014\u4e00\u3002\u00e9"), max_size=24) | _TEXT)
def test_count_words_shortcuts_agree_with_the_rule_token_by_token(text):
    from uprdraft.wordcount import _count_token

    # the shortcuts (no dash, or dashes without ideographs) give what the general rule gives
    assert count_words(text) == sum(_count_token(t) for t in text.split())


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(_TEXT, min_size=1, max_size=4), min_size=1, max_size=5))
def test_word_count_matches_count_words_however_runs_are_split(paras):
    from xml.sax.saxutils import escape

    body = "".join("<w:p>" + "".join(f'<w:r><w:t xml:space="preserve">{escape(t)}</w:t></w:r>' for t in runs)
                   + "</w:p>" for runs in paras)
    expected = sum(count_words("".join(runs)) for runs in paras)
    assert count_docx_words(make_docx(body))["body"] == expected


# --------------------------------------------------------------------------- limits
def _words(n):
    return make_docx(para(" ".join(["droit"] * (n - 1))), footnotes=[para("note")])


def test_limit_exact_and_one_past():
    assert check_docx(_words(1500), limit=1500).ok
    r = check_docx(_words(1501), limit=1500)
    assert codes(r) == ["word-limit"] and "1 over the limit of 1500" in r.findings[0].message


def test_status_maps_to_limit():
    doc = _words(1501)
    assert check_docx(doc, status="general").ok
    r = check_docx(doc, status="special")
    assert r.stats["limit"] == 1500 and not r.ok
    assert check_docx(doc).stats["limit"] is None


# --------------------------------------------------------------------------- CLI
def test_cli_exit_codes_and_json(cli, tmp_path):
    good = tmp_path / "good.docx"
    good.write_bytes(make_docx(para("Fine")))
    bad = tmp_path / "bad.docx"
    bad.write_bytes(make_docx(para("Bold", "<w:rPr><w:b/></w:rPr>")))
    code, out, _ = cli("check", good)
    assert code == 0 and out.rstrip().endswith("good.docx: ok")
    code, data = cli.json("check", bad)
    assert code == 1 and data["ok"] is False and data["findings"][0]["code"] == "bold"
    assert set(data) == {"ok", "findings", "stats", "output"}
    assert data["stats"]["words"] == {"body": 1, "footnotes": 0, "total": 1}
    code, data = cli.json("check", good, "--limit", "1")
    assert code == 0 and data["stats"]["limit"] == 1
    code, data = cli.json("check", good, "--status", "roster")
    assert data["stats"]["limit"] == 1500
    code, data = cli.json("check", good, "--profile", "nonsense")
    assert code == 2 and data["findings"][0]["code"] == "usage"


def test_renderer_and_check_agree_on_words(cli, tmp_path):
    from conftest import EXAMPLES

    src = EXAMPLES / "written-statement.md"
    if not src.exists():
        pytest.skip("no written-statement example yet")
    out = tmp_path / "ws.docx"
    code, rendered = cli.json("statement", "written", src, "-o", out, "--today", "2025-01-01")
    if code != 0 or not out.exists():
        pytest.skip(f"renderer not ready: {json.dumps(rendered)[:200]}")
    code, checked = cli.json("check", out)
    assert checked["stats"]["words"] == rendered["stats"]["words"]
    assert code == 0, checked["findings"]
