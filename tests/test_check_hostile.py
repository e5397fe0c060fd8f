"""Hostile Word files (issue 12): each test builds the reported input and expects one plain
line and exit 2 (or a bounded, readable report), never a traceback, a hang or a flood."""
from __future__ import annotations

import io
import os
import subprocess
import sys
import warnings
import zipfile

import pytest
from docx_build import make_docx, para

from uprdraft.docx_check import check_docx, fix_docx
from uprdraft.findings import InputError

BOLD = '<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>x</w:t></w:r></w:p>'


def _parts(doc: bytes) -> dict:
    with zipfile.ZipFile(io.BytesIO(doc)) as z:
        return {i.filename: z.read(i) for i in z.infolist()}


def _zip(parts: dict, extra: list | None = None) -> bytes:
    buf = io.BytesIO()
    with warnings.catch_warnings(), zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        warnings.simplefilter("ignore")  # a duplicate name on purpose
        for n, d in list(parts.items()) + (extra or []):
            z.writestr(n, d)
    return buf.getvalue()


def _one_line(cli, *args):
    code, out, err = cli(*args)
    assert code == 2, (code, out, err)
    lines = [ln for ln in (out + err).splitlines() if ln.strip()]
    assert len(lines) == 1 and "Traceback" not in err, lines
    return lines[0]


# --------------------------------------------------------------------------- (3) unbounded work
def test_million_bold_paragraphs_are_refused_by_a_named_bound(cli, tmp_path):
    doc = make_docx(BOLD * 1_100_000)  # 179 KB that expands to 60 MB
    assert len(doc) < 200_000
    f = tmp_path / "bomb.docx"
    f.write_bytes(doc)
    line = _one_line(cli, "check", f)
    assert "[word-zip-ratio]" in line or "[word-part-size]" in line
    assert "word_files." in line and "--rules" in line  # the key and how to raise it
    # raising the ratio still leaves the parsed-part bound
    with pytest.raises(InputError) as e:
        check_docx(doc, rules={"word_files": {"max_ratio": 100_000}})
    assert e.value.findings[0].code == "word-part-size" and "max_part_bytes" in e.value.findings[0].message


def test_paragraph_and_run_bounds(cli, tmp_path):
    with pytest.raises(InputError) as e:
        check_docx(make_docx(para("x") * 11), rules={"word_files": {"max_paragraphs": 10}})
    assert e.value.findings[0].code == "word-paragraphs" and "word_files.max_paragraphs" in e.value.findings[0].message
    runs = "<w:p>" + '<w:r><w:t>y</w:t></w:r>' * 6 + "</w:p>"
    with pytest.raises(InputError) as e:
        check_docx(make_docx(runs), rules={"word_files": {"max_runs": 5}})
    assert e.value.findings[0].code == "word-runs"
    f = tmp_path / "many.docx"
    f.write_bytes(make_docx("".join(para(f"Paragraph {i * 7919 % 100_003}.") for i in range(20_001))))
    assert "[word-paragraphs]" in _one_line(cli, "check", f)


def test_a_rules_file_raises_a_bound(cli, tmp_path):
    f = tmp_path / "many.docx"
    f.write_bytes(make_docx(para("x") * 30))
    rules = tmp_path / "rules.yaml"
    rules.write_text("word_files:\n  max_paragraphs: 10\n")
    assert "[word-paragraphs]" in _one_line(cli, "--rules", rules, "check", f)
    rules.write_text("word_files:\n  max_paragraphs: 100\n")
    code, _, err = cli("--rules", rules, "check", f)
    assert code == 0, err


# --------------------------------------------------------------------------- readable output
def test_findings_past_the_cap_are_summarised_and_counted():
    r = check_docx(make_docx(BOLD * 2000, doc_defaults=None), name="b.docx",
                   rules={"word_files": {"findings_per_code": 20}})
    bold = [f for f in r.findings if f.code == "bold"]
    assert len(bold) == 21 and bold[-1].message == "and 1,980 more paragraphs with bold"
    assert bold[-1].location == "b.docx"
    assert r.stats["paragraphs_affected"]["bold"] == 2000 and r.stats["runs_affected"]["bold"] == 2000
    assert len(r.findings) < 70  # font-name and font-size capped too


def test_raised_bounds_check_the_bomb_with_a_short_report(cli, tmp_path):
    f = tmp_path / "b.docx"
    f.write_bytes(make_docx(BOLD * 30_000))
    rules = tmp_path / "r.yaml"
    rules.write_text("word_files: {max_paragraphs: 40000, max_ratio: 10000}\n")
    code, _, err = cli("--rules", rules, "check", f)
    assert code == 1
    assert "and 29,980 more paragraphs with bold [bold]" in err and len(err.splitlines()) < 30
    code, data = cli.json("--rules", rules, "check", f)
    assert data["stats"]["paragraphs_affected"] == {"bold": 30_000} and data["stats"]["runs_affected"] == {"bold": 30_000}


def test_one_line_per_paragraph_in_document_order(cli, tmp_path):
    red = '<w:rPr><w:color w:val="FF0000"/><w:b/></w:rPr>'
    cell = f'<w:tc><w:p><w:r>{red}<w:t>In a cell</w:t></w:r></w:p></w:tc>'
    body = (para("Title") + f'<w:p><w:r>{red}<w:t>bold </w:t></w:r><w:r><w:t>plain </w:t></w:r>'
            f'<w:r>{red}<w:t>bold again</w:t></w:r></w:p>'
            f'<w:tbl><w:tr><w:tc><w:p/></w:tc><w:tc><w:p/></w:tc></w:tr><w:tr><w:tc><w:p/></w:tc>{cell}</w:tr></w:tbl>'
            + para("After", '<w:rPr><w:i/></w:rPr>'))
    f = tmp_path / "d.docx"
    f.write_bytes(make_docx(body))
    _, _, err = cli("check", f)
    lines = err.splitlines()[1:]  # after the word count
    assert lines[0].startswith(f'{f}: body, paragraph 2: "bold plain bold again": bold (from direct formatting) '
                               'in 2 runs in "bold bold again"; remove the bold [bold]; warning: text in colour FF0000')
    assert lines[0].count("[bold]") == 1 and lines[0].endswith("[color]")
    assert lines[1].startswith(f'{f}: body, table 1, row 1, cell 1: "": warning: 1 table(s)')
    assert lines[2].startswith(f'{f}: body, table 1, row 2, cell 2: "In a cell": bold')
    assert lines[2].index("[bold]") < lines[2].index("warning:")
    assert lines[3].startswith(f'{f}: body, paragraph 3: "After": italic')
    assert lines[4].startswith("run 'uprdraft fix'") and len(lines) == 5


# --------------------------------------------------------------------------- (7) fix on unsafe parts
UNSAFE = {
    "dtd": b'<?xml version="1.0"?><!DOCTYPE w:styles><w:styles/>',
    "entity bomb": (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>'
                    b'<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">&b;</w:styles>'),
    "xxe": (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
            b'<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">&e;</w:styles>'),
    "malformed": b'<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style>',
}


@pytest.mark.parametrize("kind", list(UNSAFE))
def test_fix_refuses_unsafe_styles_in_one_line(cli, tmp_path, kind):
    parts = _parts(make_docx(para("x")))
    parts["word/styles.xml"] = UNSAFE[kind]
    f = tmp_path / "u.docx"
    f.write_bytes(_zip(parts))
    line = _one_line(cli, "fix", f)
    assert "[unreadable]" in line and "internal error" not in line
    assert "[unreadable]" in _one_line(cli, "check", f)
    assert not (tmp_path / "u-fixed.docx").exists()


# --------------------------------------------------------------------------- (8) macros
def _docm() -> bytes:
    parts = _parts(make_docx(para("Text", '<w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/>'
                                          '<w:sz w:val="20"/></w:rPr>')))
    ct = parts["[Content_Types].xml"].decode()
    ct = ct.replace("wordprocessingml.document.main+xml", "PLACEHOLDER")
    ct = ct.replace("application/vnd.openxmlformats-officedocument.PLACEHOLDER",
                    "application/vnd.ms-word.document.macroEnabled.main+xml")
    ct = ct.replace("</Types>", '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>')
    parts["[Content_Types].xml"] = ct.encode()
    rels = parts["word/_rels/document.xml.rels"].decode().replace(
        "</Relationships>", '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/'
        'vbaProject" Target="vbaProject.bin"/></Relationships>')
    parts["word/_rels/document.xml.rels"] = rels.encode()
    parts["word/vbaProject.bin"] = b"\xd0\xcf\x11\xe0 not really a VBA project"
    return _zip(parts)


def test_check_warns_about_macros(cli, tmp_path):
    r = check_docx(_docm(), name="m.docm")
    macro = [f for f in r.findings if f.code == "macro"]
    assert macro and macro[0].severity == "warning" and "word/vbaProject.bin" in macro[0].message
    assert r.findings[0].code == "macro"  # a file-level finding comes first


def test_fix_writes_a_macro_free_docx(cli, tmp_path):
    src = tmp_path / "m.docm"
    src.write_bytes(_docm())
    code, out, err = cli("fix", src)
    assert code == 0, err
    assert "removed the macros (word/vbaProject.bin)" in out and "wrote" in out
    out_file = tmp_path / "m-fixed.docx"
    parts = _parts(out_file.read_bytes())
    assert "word/vbaProject.bin" not in parts
    assert b"vbaProject" not in parts["word/_rels/document.xml.rels"]
    ct = parts["[Content_Types].xml"]
    assert b"macroEnabled" not in ct and b"vbaProject" not in ct
    assert b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml" in ct
    r = check_docx(out_file)
    assert "macro" not in {f.code for f in r.findings}


# --------------------------------------------------------------------------- (9) every member bounded
def _forge_size(doc: bytes, name: bytes, size: int) -> bytes:
    """Declare ``size`` for member ``name`` in its local and central headers."""
    doc = bytearray(doc)
    for sig, size_off, name_off in ((b"PK\x03\x04", 22, 30), (b"PK\x01\x02", 24, 46)):
        pos = doc.find(sig)
        while pos != -1:
            if doc[pos + name_off: pos + name_off + len(name)] == name:
                doc[pos + size_off: pos + size_off + 4] = size.to_bytes(4, "little")
            pos = doc.find(sig, pos + 4)
    return bytes(doc)


def test_a_1_gb_member_in_media_makes_check_exit_2_like_fix(cli, tmp_path):
    parts = _parts(make_docx(para("x")))
    parts["word/media/image1.png"] = b"\0" * 4096
    f = tmp_path / "m.docx"
    f.write_bytes(_forge_size(_zip(parts), b"word/media/image1.png", 1 << 30))
    line = _one_line(cli, "check", f)
    assert "[word-part-size]" in line and "word/media/image1.png" in line and "max_member_bytes" in line
    assert "[word-part-size]" in _one_line(cli, "fix", f)


def test_a_member_compressed_like_a_bomb_is_refused_unread():
    parts = _parts(make_docx(para("x")))
    parts["word/media/image1.png"] = b"\0" * 3_000_000  # 3 MB of zeros: about 1000 to 1
    with pytest.raises(InputError) as e:
        check_docx(_zip(parts))
    assert e.value.findings[0].code == "word-zip-ratio" and "max_ratio" in e.value.findings[0].message


# --------------------------------------------------------------------------- (10) duplicate names
def test_duplicate_member_names_make_the_file_unreadable(cli, tmp_path):
    doc = make_docx(para("The visible text"))
    parts = _parts(doc)
    other = parts["word/document.xml"].replace(b"The visible text", b"Another text")
    f = tmp_path / "dup.docx"
    f.write_bytes(_zip(parts, extra=[("word/document.xml", other)]))
    line = _one_line(cli, "check", f)
    assert "[unreadable]" in line and "two parts named word/document.xml" in line
    assert "[unreadable]" in _one_line(cli, "fix", f)


# --------------------------------------------------------------------------- not a regular file
@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_refused_at_once(tmp_path):
    fifo = tmp_path / "pipe.docx"
    os.mkfifo(fifo)  # no writer: opening it would block for ever
    out = subprocess.run([sys.executable, "-m", "uprdraft", "check", str(fifo)], capture_output=True, text=True,
                         timeout=60, check=False)
    assert out.returncode == 2 and "not a regular file" in out.stderr and len(out.stderr.splitlines()) == 1


def test_a_device_is_refused(cli):
    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero")
    assert "not a regular file" in _one_line(cli, "check", "/dev/zero")


# --------------------------------------------------------------------------- colour
def test_fix_resets_colour_also_in_the_hyperlink_style(tmp_path):
    body = ('<w:p><w:r><w:rPr><w:color w:val="1F3864"/></w:rPr><w:t>Navy </w:t></w:r><w:hyperlink r:id="rIdLink">'
            '<w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:t>OHCHR</w:t></w:r></w:hyperlink></w:p>')
    styles = ('<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/><w:rPr>'
              '<w:color w:val="0563C1" w:themeColor="hyperlink"/><w:u w:val="single"/></w:rPr></w:style>')
    src = tmp_path / "c.docx"
    src.write_bytes(make_docx(body, styles=styles))
    r = check_docx(src)
    colour = [f for f in r.findings if f.code == "color"]
    assert len(colour) == 1 and colour[0].severity == "warning"
    assert "1F3864" in colour[0].message and "hyperlink (from character style 'Hyperlink')" in colour[0].message
    rep = fix_docx(src, tmp_path / "out.docx")
    parts = _parts((tmp_path / "out.docx").read_bytes())
    assert b"w:color" not in parts["word/styles.xml"] and b"w:color" not in parts["word/document.xml"]
    assert "color" not in {f.code for f in rep.findings}


# --------------------------------------------------------------------------- several files
def test_many_files_one_summary_and_the_worst_exit_code(cli, tmp_path):
    good = make_docx(para("Fine text."))
    (tmp_path / "a.docx").write_bytes(good)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.docx").write_bytes(make_docx(para("Bold", '<w:rPr><w:b/></w:rPr>')))
    (tmp_path / "notes.txt").write_text("not looked at")
    code, out, err = cli("check", tmp_path)
    assert code == 1 and out.strip().splitlines()[-1] == "2 files checked: 1 ok, 1 not compliant, 0 could not be read"
    assert "\r" not in err  # no progress bar into a pipe
    bad = tmp_path / "c.docx"
    bad.write_bytes(b"not a zip")
    code, out, err = cli("check", tmp_path / "a.docx", tmp_path / "sub", bad)
    assert code == 2 and "1 could not be read" in out and "[not-docx]" in err
    code, data = cli.json("check", tmp_path)
    assert code == 2 and data["stats"] == {"files": 3, "ok": 1, "failed": 1, "unreadable": 1}
    assert [f["file"] for f in data["files"]] == sorted(f["file"] for f in data["files"])


def test_an_empty_folder_or_a_wrong_ignore_is_one_line(cli, tmp_path):
    assert "no .docx or .docm files found" in _one_line(cli, "check", tmp_path)
    (tmp_path / "a.docx").write_bytes(make_docx(para("x")))
    (tmp_path / "b.docx").write_bytes(make_docx(para("y")))
    assert "[usage]" in _one_line(cli, "check", tmp_path, "--ignore", "bold")


def test_progress_bar_only_on_a_terminal():
    from uprdraft.docx_check.batch import Progress

    buf = io.StringIO()
    bar = Progress(4, buf, on=True)
    bar.show(2)
    bar.clear()
    assert buf.getvalue() == "\r[" + "#" * 15 + " " * 15 + "] 2/4 files\r\x1b[K"
    silent = io.StringIO()
    Progress(4, silent, on=False).show(2)
    assert silent.getvalue() == ""
