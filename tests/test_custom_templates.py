"""A coalition's own Word template through the CLI: used, checked, refused when it breaks
a fixed format; --profile chooses a looser check where the kind allows it."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES, TEMPLATES = ROOT / "examples", ROOT / "templates"


def house(tmp_path: Path, name: str, *, size_pt: float | None = None, heading: str | None = None,
          bold: bool = False) -> Path:
    """A shipped template restyled as a coalition would in Word."""
    from docx import Document
    from docx.shared import Pt

    doc = Document(str(TEMPLATES / f"{name}-en.docx"))
    if heading:
        first = next(p for p in doc.paragraphs if p.text.strip() and "{" not in p.text)
        for r in first.runs[1:]:
            r.text = ""
        first.runs[0].text = heading
    if size_pt or bold:
        for style in doc.styles:
            font = getattr(style, "font", None)
            if font is not None:
                if size_pt:
                    font.size = Pt(size_pt)
                if bold:
                    font.bold = True
    out = tmp_path / f"house-{name}.docx"
    doc.save(str(out))
    return out


def docx_text(path: Path) -> str:
    from docx import Document

    return "\n".join(p.text for p in Document(str(path)).paragraphs)


def copy_example(tmp_path: Path, name: str) -> Path:
    for extra in ("recommendations.csv", "recommendations.yaml"):
        shutil.copy(EXAMPLES / extra, tmp_path / extra)
    dst = tmp_path / name
    shutil.copy(EXAMPLES / name, dst)
    return dst


@pytest.mark.parametrize("command, example, template", [
    (("side-event",), "side-event.yaml", "side-event"),
    (("plan",), "action-plan.yaml", "action-plan"),
    (("report", "midterm"), "midterm-report.yaml", "midterm-report"),
])
def test_a_house_template_is_used_and_checked(tmp_path, cli, command, example, template):
    src = copy_example(tmp_path, example)
    custom = house(tmp_path, template, heading="Our coalition's own heading")
    code, out, err = cli(*command, src, "--template", custom, "-o", tmp_path / "out.docx")
    assert code == 0, err
    assert "Our coalition's own heading" in docx_text(tmp_path / "out.docx")
    code, _, _ = cli("check", tmp_path / "out.docx", "--profile", "hrc-report")
    assert code == 0


def test_a_house_template_that_breaks_the_profile_is_refused_then_allowed_with_profile(tmp_path, cli):
    src = copy_example(tmp_path, "side-event.yaml")
    custom = house(tmp_path, "side-event", size_pt=12)
    code, _, err = cli("side-event", src, "--template", custom, "-o", tmp_path / "out.docx")
    assert code == 1 and "template" in err and "--profile" in err
    assert not (tmp_path / "out.docx").exists()
    code, _, err = cli("side-event", src, "--template", custom, "--profile", "child-friendly",
                       "-o", tmp_path / "out.docx")
    assert code == 0, err and (tmp_path / "out.docx").exists()


def test_child_friendly_version_takes_its_own_template(tmp_path, cli):
    src = copy_example(tmp_path, "midterm-report.yaml")
    custom = house(tmp_path, "child-friendly", heading="Made with the children of our clubs")
    code, _, err = cli("report", "midterm", src, "--child-friendly", tmp_path / "cf.docx",
                       "--child-friendly-template", custom)
    assert code == 0, err
    assert "Made with the children of our clubs" in docx_text(tmp_path / "cf.docx")


def test_fixed_format_kinds_refuse_a_template_that_breaks_the_format(tmp_path, cli):
    src = tmp_path / "s.md"
    shutil.copy(EXAMPLES / "written-statement.md", src)
    custom = house(tmp_path, "written-statement", bold=True)
    code, _, err = cli("statement", "written", src, "--template", custom, "--today", "2026-01-01")
    assert code == 1 and "bold" in err.lower()
    assert not (tmp_path / "s.docx").exists()
    code, out, _ = cli("statement", "written", "--help")
    assert "--template" in out and "--profile" not in out  # the HRC format cannot be loosened


def test_profile_cannot_loosen_a_fixed_format_through_the_api(tmp_path):
    import uprdraft
    from uprdraft.findings import InputError

    src = tmp_path / "o.yaml"
    shutil.copy(EXAMPLES / "oral-statement.yaml", src)
    from uprdraft.context import make_context
    from uprdraft.pipeline import run

    with pytest.raises(InputError) as e:
        run("oral-statement", src, make_context(profile="child-friendly"))
    assert "fixed format" in str(e.value)
    assert uprdraft.render_oral_statement(src).ok


def test_unknown_profile_is_one_plain_line(tmp_path, cli):
    src = copy_example(tmp_path, "side-event.yaml")
    code, _, err = cli("side-event", src, "--template", house(tmp_path, "side-event"), "--profile", "fancy")
    assert code == 2 and "fancy" in err and "hrc-report" in err and len(err.strip().splitlines()) == 1
