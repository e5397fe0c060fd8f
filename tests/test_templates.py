"""The Word templates are the source: each one is checked against its writer's context.

- lint: the variables a template uses (docxtpl's ``get_undeclared_template_variables``) are
  exactly the keys its writer's context provides (none missing, none unused);
- the fixed words are literal text in the template's language (no ``{{ L.x }}``);
- a template re-saved by python-docx (as Word would save it) still renders, and so does one
  re-saved by LibreOffice when it is installed;
- values that are rules (sizes) are applied at render time, so a rules override changes them;
- a custom template (``template=``) is used instead of the shipped one, and anything that
  is not a .docx is refused with one line.
"""
from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from functools import cache
from pathlib import Path

import pytest
from conftest import EXAMPLES, ROOT

from uprdraft.context import make_context
from uprdraft.findings import InputError
from uprdraft.rules import DEFAULT, Rules, _merge

TEMPLATES = ROOT / "templates"
KINDS = ("written-statement", "oral-statement", "midterm-report", "child-friendly", "side-event", "action-plan")
# the next review (issue 16): contexts and writers in nextreview_fixtures
from nextreview_fixtures import NEXT_KINDS, next_context, next_render  # noqa: E402

KINDS = KINDS + NEXT_KINDS


# --------------------------------------------------------------------------- contexts
@cache
def _oral():
    from uprdraft.kinds.oral import oral_timing
    from uprdraft.load import load

    model, _ = load(EXAMPLES / "oral-statement.yaml", "oral-statement")
    return model, oral_timing(model)


@cache
def _midterm():
    from uprdraft.kinds.midterm import load_midterm

    return load_midterm(EXAMPLES / "midterm-report.yaml")


@cache
def _side_event():
    from uprdraft.load import load

    return load(EXAMPLES / "side-event.yaml", "side-event")[0]


@cache
def _plan():
    from uprdraft.kinds.plan import load_recommendations, resolve_items
    from uprdraft.load import load

    model, src = load(EXAMPLES / "action-plan.yaml", "action-plan")
    return model, resolve_items(model, src, load_recommendations(model, src))[0]


@cache
def _written():
    from uprdraft.kinds.written import statement_content
    from uprdraft.load import load

    model, _ = load(EXAMPLES / "written-statement.md", "written-statement")
    return model, statement_content(model, DEFAULT)


def context_of(kind: str, rules=DEFAULT) -> dict:
    """What the kind's writer gives its template (the writers' own context functions)."""
    if kind in NEXT_KINDS:
        return next_context(kind, rules)
    if kind == "written-statement":
        from uprdraft.render.docx_render import Notes
        from uprdraft.render.written import written_context

        return written_context(*_written(), Notes())
    if kind == "oral-statement":
        from uprdraft.render.oral import script_context

        return script_context(*_oral(), rules)
    if kind == "midterm-report":
        from uprdraft.render.midterm import report_context

        return report_context(_midterm(), rules)
    if kind == "child-friendly":
        from uprdraft.render.midterm import child_friendly_context

        return child_friendly_context(_midterm(), rules)
    if kind == "side-event":
        from uprdraft.render.side_event import concept_note_context

        return concept_note_context(_side_event(), rules)
    from uprdraft.render.plan import plan_context

    return plan_context(*_plan(), rules)


def render(kind: str, ctx) -> bytes:
    """The kind's writer, as the kind module calls it."""
    if kind in NEXT_KINDS:
        return next_render(kind, ctx)
    if kind == "written-statement":
        from uprdraft.render.written import render_written_docx

        return render_written_docx(*_written(), ctx)
    if kind == "oral-statement":
        from uprdraft.render.oral import render_script

        return render_script(*_oral(), ctx)
    if kind == "midterm-report":
        from uprdraft.render.midterm import render_report

        return render_report(_midterm(), ctx)
    if kind == "child-friendly":
        from uprdraft.render.midterm import render_child_friendly

        return render_child_friendly(_midterm(), ctx)
    if kind == "side-event":
        from uprdraft.render.side_event import render_concept_note

        return render_concept_note(_side_event(), ctx)
    from uprdraft.render.plan import plan_docx

    return plan_docx(*_plan(), ctx)


def template_files() -> list[Path]:
    return sorted(TEMPLATES.glob("*.docx"))


def kind_of(path: Path) -> str:
    return next(k for k in KINDS if path.stem.startswith(k + "-"))


def lang_of(path: Path) -> str:
    return path.stem.rsplit("-", 1)[1]


def variables(path_or_bytes) -> set[str]:
    from docxtpl import DocxTemplate

    from uprdraft.render.docx_render import _jinja_env

    src = io.BytesIO(path_or_bytes) if isinstance(path_or_bytes, bytes) else path_or_bytes
    return DocxTemplate(src).get_undeclared_template_variables(_jinja_env())


def visible_text(data: bytes) -> str:
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode("utf-8")
    return "\n".join("".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", p))
                     for p in re.findall(r"<w:p[ >].*?</w:p>", xml))


def test_every_kind_has_its_templates():
    assert {kind_of(p) for p in template_files()} == set(KINDS)
    assert len(template_files()) == 21 + 3 * len(NEXT_KINDS)


# --------------------------------------------------------------------------- lint
@pytest.mark.parametrize("path", template_files(), ids=lambda p: p.stem)
def test_template_variables_match_the_writer_context(path):
    used = variables(path)
    given = set(context_of(kind_of(path)))
    assert not used - given, f"{path.name} uses variables its writer does not provide: {sorted(used - given)}"
    assert not given - used, f"{path.name} ignores context keys: {sorted(given - used)}"


@pytest.mark.parametrize("path", template_files(), ids=lambda p: p.stem)
def test_fixed_words_are_literal_text(path):
    xml = zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")
    assert "L." not in "".join(re.findall(r"\{\{.*?\}\}", xml)), "labels must be literal text, not {{ L.x }}"


@pytest.mark.parametrize("kind, lang, words", [
    ("midterm-report", "fr", ["Résumé", "Méthodologie", "Toutes les recommandations", "Par.",
                            "Rapport du Groupe de travail\u00a0: {{ symbol }}"]),
    ("midterm-report", "es", ["Resumen", "Metodología", "Todas las recomendaciones"]),
    ("side-event", "fr", ["Note conceptuelle", "Lieu\u00a0: {{ venue }}", "Intervenant(e)"]),
    ("side-event", "en", ["Concept note", "Venue: {{ venue }}", "Speaker"]),
    ("action-plan", "es", ["Recomendación", "Presupuesto", "Calendario de seguimiento"]),
    ("child-friendly", "fr", ["À propos de ce document", "Écrit par\u00a0: {{ organisation }}"]),
    ("child-friendly", "es", ["Sobre este documento", "Fecha: {{ date }}", "Contacto: {{ contact }}"]),
    ("oral-statement", "es", ["Texto para leer en voz alta"]),
    ("action-plan", "fr", ["Calendrier de suivi", "{{ as_of }}"]),
    ("oral-statement", "fr", ["Déclaration orale : texte de l'orateur", "Orateur ou oratrice : {{ speaker }}"]),
    ("oral-statement", "zh", ["Oral statement: speaker's script"]),  # English headings until zh labels exist
])
def test_labels_in_the_template_language(kind, lang, words):
    text = visible_text((TEMPLATES / f"{kind}-{lang}.docx").read_bytes())
    for w in words:
        assert w in text


# --------------------------------------------------------------------------- finished look
def _part(path: Path, name: str) -> str:
    with zipfile.ZipFile(path) as z:
        return z.read(name).decode("utf-8") if name in z.namelist() else ""


def _footers(path: Path) -> str:
    with zipfile.ZipFile(path) as z:
        return "".join(z.read(n).decode("utf-8") for n in z.namelist() if re.fullmatch(r"word/footer\d*\.xml", n))


@pytest.mark.parametrize("path", template_files(), ids=lambda p: p.stem)
def test_page_numbers_in_every_footer_but_the_written_statement(path):
    footers = _footers(path)
    if kind_of(path) == "written-statement":  # the HRC format has no header or footer
        assert not footers and "footerReference" not in _part(path, "word/document.xml")
    else:
        assert re.search(r'w:instr=" ?PAGE ?"', footers), path.name
        # a bare number: no words a checker would read as header or footer text
        assert not re.search(r"<w:t[^>]*>[^<]*[A-Za-z]", footers)


@pytest.mark.parametrize("path", template_files(), ids=lambda p: p.stem)
def test_table_rows_never_split_and_headers_repeat(path):
    body = _part(path, "word/document.xml")
    for table in re.findall(r"<w:tbl>.*?</w:tbl>", body, re.S):
        rows = re.findall(r"<w:tr[ >].*?</w:tr>", table, re.S)
        assert "<w:tblHeader/>" in rows[0], path.name
        assert all("<w:cantSplit/>" in row for row in rows), path.name
        assert 'w:type="auto"' not in re.search(r"<w:tblGrid>.*?</w:tblGrid>", table, re.S).group(0)


def test_spoken_paragraphs_are_kept_whole():
    for path in TEMPLATES.glob("oral-statement-*.docx"):
        spoken = re.search(r'w:styleId="Spoken".*?</w:style>', _part(path, "word/styles.xml"), re.S).group(0)
        assert "<w:keepLines/>" in spoken and "<w:widowControl/>" in spoken, path.name


# --------------------------------------------------------------------------- round trips
@pytest.mark.parametrize("kind", KINDS)
def test_template_resaved_by_python_docx_renders(tmp_path, kind):
    """Open and save the template as a word processor would, then render through it."""
    from docx import Document

    lang = "fr" if kind != "oral-statement" else "ru"
    doc = Document(str(TEMPLATES / f"{kind}-{lang}.docx"))
    doc.styles["Normal"].paragraph_format.space_after = None  # a small restyle
    saved = tmp_path / "house-style.docx"
    doc.save(str(saved))
    assert variables(saved.read_bytes()) == variables(TEMPLATES / f"{kind}-{lang}.docx")
    data = render(kind, make_context(template=saved))
    text = visible_text(data)
    assert "{{" not in text and "{%" not in text
    assert text.strip()
    if kind == "side-event":
        assert "Note conceptuelle" in text  # the custom template's own words


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.slow
@pytest.mark.skipif(not SOFFICE, reason="LibreOffice (soffice) is not installed")
def test_templates_resaved_by_libreoffice_render(tmp_path):
    sources = [TEMPLATES / f"{kind}-en.docx" for kind in KINDS]
    out = tmp_path / "out"
    subprocess.run([SOFFICE, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to",
                    "docx:MS Word 2007 XML", "--outdir", str(out), *map(str, sources)],
                   check=True, capture_output=True, timeout=180)
    for kind in KINDS:
        saved = out / f"{kind}-en.docx"
        assert saved.is_file(), kind
        text = visible_text(render(kind, make_context(template=saved)))
        assert "{{" not in text and "{%" not in text, kind


# --------------------------------------------------------------------------- rules at render time
def _rules(**over) -> Rules:
    return Rules.model_validate(_merge(DEFAULT.model_dump(), over))


def _style(data: bytes, style_id: str) -> str:
    styles = zipfile.ZipFile(io.BytesIO(data)).read("word/styles.xml").decode("utf-8")
    return re.search(rf'w:styleId="{style_id}".*?</w:style>', styles, re.S).group(0)


def _default_half_points(data: bytes) -> int:
    styles = zipfile.ZipFile(io.BytesIO(data)).read("word/styles.xml").decode("utf-8")
    defaults = re.search(r"<w:rPrDefault>.*?</w:rPrDefault>", styles, re.S).group(0)
    return int(re.search(r'<w:sz w:val="(\d+)"', defaults).group(1))


def test_script_font_size_comes_from_the_rules_at_render_time():
    default = _style(render("oral-statement", make_context()), "Spoken")
    assert 'w:sz w:val="32"' in default and 'w:szCs w:val="32"' in default and 'w:line="360"' in default
    data = render("oral-statement", make_context(_rules(oral={"script_font_pt": 20, "script_line_spacing": 2})))
    spoken = _style(data, "Spoken")
    assert 'w:sz w:val="40"' in spoken and 'w:szCs w:val="40"' in spoken and 'w:line="480"' in spoken
    # never below the speaker-script minimum (14 pt)
    small = _style(render("oral-statement", make_context(_rules(oral={"script_font_pt": 9}))), "Spoken")
    assert 'w:sz w:val="28"' in small


def test_child_friendly_minimum_comes_from_the_rules():
    assert _default_half_points(render("child-friendly", make_context())) == 28  # 14 pt: larger than the 12 pt minimum
    data = render("child-friendly", make_context(_rules(child_friendly={"min_font_pt": 16})))
    assert _default_half_points(data) == 32


def test_profile_size_comes_from_the_rules():
    data = render("written-statement", make_context(_rules(fonts={"profiles": {"hrc-written": {"size_pt": 11}}})))
    assert _default_half_points(data) == 22
    from uprdraft.docx_check import check_docx

    assert not [f for f in check_docx(render("written-statement", make_context()), profile="hrc-written").findings
                if f.severity == "error"]


def test_oral_rules_file_changes_the_rendered_script(tmp_path, cli):
    rules = tmp_path / "rules.yaml"
    rules.write_text("oral:\n  script_font_pt: 18\n", encoding="utf-8")
    src = tmp_path / "oral.yaml"
    shutil.copy(EXAMPLES / "oral-statement.yaml", src)
    code, _, err = cli("--rules", rules, "statement", "oral", src)
    assert code == 0, err
    assert 'w:sz w:val="36"' in _style((tmp_path / "oral.docx").read_bytes(), "Spoken")


# --------------------------------------------------------------------------- custom templates
def test_custom_template_is_used(tmp_path):
    from docx import Document

    doc = Document(str(TEMPLATES / "side-event-en.docx"))
    doc.paragraphs[2].runs[0].text = "Our house concept note"
    custom = tmp_path / "house.docx"
    doc.save(str(custom))
    text = visible_text(render("side-event", make_context(template=custom)))
    assert "Our house concept note" in text and "Concept note" not in text


@pytest.mark.parametrize("name, content, says", [
    ("house.dotx", b"PK\x03\x04", "must be a Word .docx file"),
    ("house.pdf", b"%PDF-1.4", "must be a Word .docx file"),
    ("house.docx", b"%PDF-1.4", "PDF"),
    ("house.docx", b"not a zip", "not a zip package"),
    ("missing.docx", None, "no such template"),
])
def test_bad_custom_template_is_one_line(tmp_path, name, content, says):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(InputError) as e:
        render("side-event", make_context(template=path))
    assert says in str(e.value) and "\n" not in str(e.value)


def test_custom_template_with_a_broken_tag_is_one_line(tmp_path):
    from docx import Document

    doc = Document(str(TEMPLATES / "side-event-en.docx"))
    doc.add_paragraph("{{ no_such_value }}")
    custom = tmp_path / "house.docx"
    doc.save(str(custom))
    with pytest.raises(InputError) as e:
        render("side-event", make_context(template=custom))
    assert "does not render" in str(e.value) and "no_such_value" in str(e.value)


def test_custom_template_with_a_dtd_is_refused(tmp_path):
    from uprdraft.ooxml import read_parts as read_package
    from uprdraft.ooxml import write_package

    parts = read_package((TEMPLATES / "side-event-en.docx").read_bytes())
    parts["word/document.xml"] = parts["word/document.xml"].replace(
        b"?>", b'?><!DOCTYPE x [<!ENTITY e "boom">]>', 1)
    custom = tmp_path / "evil.docx"
    custom.write_bytes(write_package(parts))
    with pytest.raises(InputError):
        render("side-event", make_context(template=custom))


# --------------------------------------------------------------------------- layering
KIND_MODULES = {"uprdraft.written", "uprdraft.oral", "uprdraft.midterm", "uprdraft.side_event", "uprdraft.plan",
                "uprdraft.mail", "uprdraft.api", "uprdraft.cli", "uprdraft.kinds"}


def _imports(path: Path, package: str) -> set[str]:
    import ast

    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = package.split(".")
            if node.level:
                base = base[: len(base) - node.level + 1]
                name = ".".join(base + ([node.module] if node.module else []))
            else:
                name = node.module or ""
            out.add(name)
            out |= {f"{name}.{a.name}" for a in node.names}
    return out


@pytest.mark.parametrize("path", sorted((ROOT / "src" / "uprdraft" / "render").glob("*.py"))
                         + [ROOT / "src" / "uprdraft" / n for n in ("text.py", "programme.py", "recommendation_stats.py")],
                         ids=lambda p: p.name)
def test_writers_import_no_kind_module(path):
    package = "uprdraft.render" if path.parent.name == "render" else "uprdraft"
    bad = {m for m in _imports(path, package) if any(m == k or m.startswith(k + ".") for k in KIND_MODULES)}
    assert not bad, f"{path.name} imports {sorted(bad)}"


def test_tags_split_across_runs_still_render(tmp_path):
    """Word splits a paragraph's text into runs (spelling marks, edits, rsids): a tag cut in two
    by run boundaries must still render."""
    from uprdraft.ooxml import read_parts as read_package
    from uprdraft.ooxml import write_package

    parts = read_package((TEMPLATES / "side-event-en.docx").read_bytes())
    xml = parts["word/document.xml"].decode("utf-8")
    assert "{{ venue }}" in xml
    xml = xml.replace("{{ venue }}", '{{ ven</w:t></w:r><w:proofErr w:type="spellStart"/>'
                                     '<w:r w:rsidR="00A1B2C3"><w:t xml:space="preserve">ue }}', 1)
    parts["word/document.xml"] = xml.encode("utf-8")
    custom = tmp_path / "split.docx"
    custom.write_bytes(write_package(parts))
    text = visible_text(render("side-event", make_context(template=custom)))
    assert "Venue: Palais des Nations" in text and "{{" not in text
