"""uprdraft check on files that are not (good) Word files, and on the shared real-file corpus."""
from __future__ import annotations

import csv
import io
import zipfile

import pytest
from docx_build import make_docx, para

from uprdraft.docx_check import check_docx
from uprdraft.findings import InputError


def _code(source, **kw):
    with pytest.raises(InputError) as e:
        check_docx(source, **kw)
    assert len(e.value.findings) == 1
    return e.value.findings[0].code, e.value.findings[0].message


def _zip(parts: dict) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for n, d in parts.items():
            z.writestr(n, d)
    return buf.getvalue()


def _replace(doc: bytes, name: str, data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(doc)) as z:
        parts = {i.filename: z.read(i) for i in z.infolist()}
    parts[name] = data
    return _zip(parts)


def test_old_doc_file():
    code, msg = _code(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    assert code == "not-docx" and "97-2003" in msg


def test_pdf_renamed(tmp_path):
    f = tmp_path / "statement.docx"
    f.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n")
    code, msg = _code(f)
    assert code == "not-docx" and "PDF" in msg


def test_zip_that_is_not_word():
    assert _code(_zip({"notes.txt": "hello"}))[0] == "not-docx"
    xlsx = _zip({"[Content_Types].xml": '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                 '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.'
                 'spreadsheetml.sheet.main+xml"/></Types>', "xl/workbook.xml": "<workbook/>"})
    code, msg = _code(xlsx)
    assert code == "not-docx" and "Excel" in msg


def test_empty_and_missing(tmp_path):
    f = tmp_path / "empty.docx"
    f.write_bytes(b"")
    assert _code(f) == ("not-docx", "not a Word .docx file: the file is empty")
    assert _code(tmp_path / "missing.docx")[0] == "unreadable"


def test_truncated():
    doc = make_docx(para("A statement " * 200))
    for cut in (len(doc) // 2, len(doc) - 30, 40):
        assert _code(doc[:cut])[0] == "unreadable"


def test_entity_bomb():
    bomb = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
            b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r>'
            b'<w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>')
    code, msg = _code(_replace(make_docx(para("x")), "word/document.xml", bomb))
    assert code == "unreadable" and "refused" in msg


def test_part_that_inflates_past_the_bound():
    big = make_docx(para("x " * 600_000))  # a 1.2 MB document.xml, compressed to a few KB
    code, msg = _code(big, rules={"word_files": {"max_part_bytes": 1 << 20, "max_ratio": 10_000}})
    assert code == "word-part-size" and "word_files.max_part_bytes" in msg


def test_lying_size_header_is_still_bounded():
    doc = bytearray(make_docx(para("y " * 600_000)))
    # forge every declared uncompressed size of document.xml to 100 bytes (local and central headers)
    name = b"word/document.xml"
    for sig, size_off, name_off in ((b"PK\x03\x04", 22, 30), (b"PK\x01\x02", 24, 46)):
        pos = doc.find(sig)
        while pos != -1:
            if doc[pos + name_off: pos + name_off + len(name)] == name:
                doc[pos + size_off: pos + size_off + 4] = (100).to_bytes(4, "little")
            pos = doc.find(sig, pos + 4)
    with pytest.raises(InputError) as e:
        check_docx(bytes(doc), rules={"word_files": {"max_part_bytes": 1 << 20}})
    assert e.value.findings[0].code in ("unreadable", "word-part-size")


def test_malformed_xml():
    code, msg = _code(_replace(make_docx(para("x")), "word/document.xml", b"<w:document><w:body>"))
    assert code == "unreadable" and "not well-formed" in msg


def test_cli_exit_2_for_not_docx(cli, tmp_path):
    f = tmp_path / "x.docx"
    f.write_bytes(b"just text")
    code, out, err = cli("check", f)
    assert code == 2 and "[not-docx]" in err and "Traceback" not in err + out
    code, data = cli.json("check", f)
    assert code == 2 and data["findings"][0]["code"] == "not-docx"


# --------------------------------------------------------------------------- the shared corpus
def _manifest(corpus):
    with open(corpus / "docx-manifest.csv", newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def test_every_corpus_file_gets_a_verdict(corpus):
    files = sorted(corpus.glob("docx-*/*.docx"))
    assert files
    for f in files:
        try:
            r = check_docx(f)
        except InputError as e:
            assert e.findings[0].code in ("not-docx", "unreadable"), (f, e)
            continue
        assert {"body", "footnotes", "total"} <= set(r.stats["words"]), f
        assert all(x.severity in ("error", "warning") for x in r.findings)


def test_corpus_special_packages(corpus):
    rows = _manifest(corpus)
    for row in rows:
        f = corpus / row["folder"] / row["file"]
        if row["strict"] == "1":
            r = check_docx(f)
            assert r.stats["strict"] is True
            if int(row["words"] or 0) > 0:
                assert r.stats["words"]["total"] > 0, f
        if row["alt_main_path"] == "1":
            r = check_docx(f)
            assert r.stats["main_part"] != "word/document.xml"
            assert r.stats["words"]["total"] > 0, f
        if row["no_styles_part"] == "1":
            check_docx(f)  # a verdict, no crash


def test_corpus_footnotes_counted(corpus):
    r = check_docx(corpus / "docx-mammoth-js" / "test-data__footnotes.docx")
    assert r.stats["words"]["footnotes"] > 0
    r = check_docx(corpus / "docx-mammoth-js" / "test-data__endnotes.docx")
    assert r.stats["words"]["footnotes"] > 0
