"""The renderer prepares and compiles each template once per process; a render from the
cache gives the bytes docxtpl's own render and save give, in every story."""
from __future__ import annotations

import io
from pathlib import Path

import pytest

from uprdraft.render import docx_render as dr
from uprdraft.render.styles import profile_fonts
from uprdraft.rules import DEFAULT

ROOT = Path(__file__).resolve().parents[1]
TEMPLATES = ROOT / "templates"


def _house(tmp_path: Path) -> Path:
    """A template with Jinja tags in the body, a table row loop, a header and a footer."""
    from docx import Document

    doc = Document()
    doc.add_paragraph("{{ title }}")
    doc.add_paragraph("{%p for p in paragraphs %}")
    doc.add_paragraph("{{r p }}")
    doc.add_paragraph("{%p endfor %}")
    table = doc.add_table(rows=3, cols=2)
    table.cell(0, 0).text = "{%tr for row in rows %}"
    table.cell(1, 0).text = "{{ row.a }}"
    table.cell(1, 1).text = "{{ row.b }}\tnext"
    table.cell(2, 0).text = "{%tr endfor %}"
    section = doc.sections[0]
    section.header.paragraphs[0].text = "Header: {{ title }}"
    section.footer.paragraphs[0].text = "Footer & {{ title }}"
    out = tmp_path / "house.docx"
    doc.save(str(out))
    return out


def _context(notes: dr.Notes) -> dict:
    return {"title": "A <title> & more", "paragraphs": [dr.runs(["One\ttab", dr.Footnote("Note.")], notes),
                                                        dr.runs(["Two\nlines"], notes)],
            "rows": [{"a": "x", "b": "y\nz\tw"}, {"a": "z", "b": "<w>"}]}  # \n, \t: docxtpl listing


def _docxtpl_render(data: bytes, context: dict, prepare, notes: dr.Notes, lang: str) -> bytes:
    """What render_template did before the cache: docxtpl's render and save, then our parts."""
    from docxtpl import DocxTemplate

    tpl = DocxTemplate(io.BytesIO(data))
    if prepare is not None:
        tpl.init_docx()
        prepare(tpl.docx)
    tpl.render(dr.clean_context(context), jinja_env=dr._jinja_env(), autoescape=True)
    buf = io.BytesIO()
    tpl.save(buf)
    parts = dr.read_parts(buf.getvalue(), "x.docx")
    if len(notes):
        dr._add_footnotes(parts, notes)
    parts["docProps/core.xml"] = dr._core_xml("T", "A", lang)
    if "docProps/app.xml" in parts:
        parts["docProps/app.xml"] = dr._APP_XML
    dr.drop_thumbnail(parts)
    return dr.write_package(parts)


@pytest.mark.parametrize("with_prepare", [False, True])
def test_same_bytes_as_docxtpl_with_header_footer_and_table(tmp_path, with_prepare):
    path = _house(tmp_path)
    prepare = profile_fonts(DEFAULT.fonts.profiles["hrc-written"]) if with_prepare else None
    notes = dr.Notes()
    got = dr.render_template("x", "en", _context(notes), template=path, prepare=prepare, notes=notes,
                             title="T", author="A", language="en")
    ref_notes = dr.Notes()
    ref = _docxtpl_render(dr.custom_template_bytes(path), _context(ref_notes), prepare, ref_notes, "en")
    assert got == ref
    again = dr.render_template("x", "en", _context(dr.Notes()), template=path, prepare=prepare, notes=dr.Notes(),
                               title="T", author="A", language="en")
    assert b"Header: A &lt;title&gt;" in dr.read_parts(again)["word/header1.xml"]


def test_compiled_once_per_template_and_hook(monkeypatch):
    calls = []
    real = dr._compile

    def counting(data, prepare):
        calls.append(1)
        return real(data, prepare)

    monkeypatch.setattr(dr, "_compile", counting)
    monkeypatch.setattr(dr, "_compiled", type(dr._compiled)())
    profiles = DEFAULT.fonts.profiles
    ctx = {"title": dr.runs(["x"]), "paragraphs": []}
    for _ in range(3):  # a new hook object each time, from equal values: one compilation
        dr.render_template("written-statement", "en", ctx, prepare=profile_fonts(profiles["hrc-written"]))
    assert len(calls) == 1
    dr.render_template("written-statement", "en", ctx, prepare=profile_fonts(profiles["legacy-2009"]))
    assert len(calls) == 2  # other values: another entry
    for _ in range(2):
        dr.render_template("written-statement", "en", ctx, prepare=lambda doc: None)
    assert len(calls) == 3  # the same code closing over nothing: one entry

    state = {"size": 10}  # a hook closing over something that can change is never kept

    def mutable(doc):
        return state["size"]

    dr.render_template("written-statement", "en", ctx, prepare=mutable)
    dr.render_template("written-statement", "en", ctx, prepare=mutable)
    assert len(calls) == 5


def test_changed_template_file_is_read_again(tmp_path, monkeypatch):
    path = tmp_path / "written-statement-en.docx"
    path.write_bytes((TEMPLATES / "written-statement-en.docx").read_bytes())
    monkeypatch.setattr(dr, "resource_dir", lambda name: tmp_path)
    ctx = {"title": dr.runs(["x"]), "paragraphs": []}
    first = dr.render_template("written-statement", "en", ctx)
    path.write_bytes((TEMPLATES / "written-statement-fr.docx").read_bytes())
    import os

    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 10**9))
    second = dr.render_template("written-statement", "en", ctx)
    assert first != second
