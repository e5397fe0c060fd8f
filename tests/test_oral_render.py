"""`uprdraft statement oral`: the speaker's script, the upload text, the JSON report."""
from __future__ import annotations

import json
import re
import shutil
import zipfile
from pathlib import Path

import pytest

from uprdraft import render_oral_statement

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "oral-statement.yaml"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture
def example(tmp_path) -> Path:
    path = tmp_path / "oral-statement.yaml"
    shutil.copy(EXAMPLE, path)
    return path


def write(tmp_path: Path, name: str = "s.yaml", **fields) -> Path:
    data = {
        "kind": "oral-statement", "language": "en", "session": 61, "agenda_item": 6, "segment": "upr-adoption",
        "state_under_review": "Ruritania",
        "organisation": {"name": "Child Rights Alliance", "status": "special"},
        "speaker": {"name": "Léa Martin", "function": "Youth advocate"},
        "body": "Children must be heard.\n\nThey must be heard now.",
    }
    data.update(fields)
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def paragraphs(path_or_bytes) -> list[tuple[str, str]]:
    """(style, text) of every body paragraph, read straight from the XML."""
    from lxml import etree

    z = zipfile.ZipFile(path_or_bytes)
    root = etree.fromstring(z.read("word/document.xml"))
    out = []
    for p in root.iter(f"{W}p"):
        style = p.find(f"{W}pPr/{W}pStyle")
        out.append((style.get(f"{W}val") if style is not None else "Normal",
                    "".join(t.text or "" for t in p.iter(f"{W}t"))))
    return out


# --------------------------------------------------------------------------- the example
def test_example_writes_script_and_text(cli, example):
    code, out, err = cli("statement", "oral", example, "--text", example.with_suffix(".txt"))
    assert code == 0, err
    docx, txt = example.with_suffix(".docx"), example.with_suffix(".txt")
    assert "wrote" in out and docx.is_file() and txt.is_file()
    paras = paragraphs(docx)
    spoken = [t for s, t in paras if s == "Spoken"]
    assert spoken[0].startswith("Thank you, Madam President. I speak on behalf of Child Rights Alliance for "
                                "Ruritania, Défense des Enfants International and Ruritanian Children's Parliament.")
    assert spoken[-1] == "Thank you. [1:24]"
    assert all(re.search(r" \[\d+:\d\d\]$", t) for t in spoken)
    marks = [re.search(r"\[(\d+):(\d\d)\]$", t).groups() for t in spoken]
    secs = [int(m) * 60 + int(s) for m, s in marks]
    assert secs == sorted(secs)
    headers = [t for s, t in paras if s == "Normal"]
    assert "State under review: Ruritania" in headers
    assert "Speaker: Léa Martin, Member, Ruritanian Children's Parliament" in headers
    # the upload text: the spoken paragraphs, without the time marks
    text = txt.read_text(encoding="utf-8")
    assert text.split("\n\n") == [re.sub(r" \[\d+:\d\d\]$", "", t) for t in spoken][:-1] + ["Thank you.\n"]
    assert "[" not in text


def test_json_stats(cli, example):
    code, report = cli.json("statement", "oral", example)
    assert code == 0 and report["ok"] is True
    assert report["output"] == str(example.with_suffix(".docx"))
    stats = report["stats"]
    assert stats["words"] == 195 and stats["seconds"] == 84.0 and stats["limit_seconds"] == 120
    assert stats["limit"] == 300 and stats["words_per_minute"] == 150


def test_validate_reports_the_oral_stats(cli, example):
    code, report = cli.json("validate", example)
    assert code == 0
    assert report["stats"]["seconds"] == 84.0 and report["stats"]["limit_seconds"] == 120
    assert not example.with_suffix(".docx").exists()


# --------------------------------------------------------------------------- the Word file
def test_script_is_large_print_and_plain(tmp_path):
    from uprdraft.docx_check import check_docx

    data = (render_oral_statement(write(tmp_path)).output)
    report = check_docx(Path(data).read_bytes(), profile="speaker-script")
    assert not [f for f in report.findings if f.severity == "error"]
    styles = zipfile.ZipFile(data).read("word/styles.xml").decode()
    sizes = [int(v) for v in re.findall(r'<w:sz w:val="(\d+)"', styles)]
    assert min(sizes) >= 28  # 14 pt in half-points
    spoken = re.search(r'w:styleId="Spoken".*?</w:style>', styles).group(0)
    assert 'w:sz w:val="32"' in spoken and 'w:line="360"' in spoken  # 16 pt, 1.5 lines
    doc = zipfile.ZipFile(data).read("word/document.xml").decode()
    assert "<w:b/>" not in doc and "<w:i/>" not in doc and "<w:u " not in doc


def test_video_note_only_for_video(tmp_path):
    video = render_oral_statement(write(tmp_path, "v.yaml", delivery="video")).output
    live = render_oral_statement(write(tmp_path, "l.yaml")).output
    assert any("must not be longer than 2:00" in t for _, t in paragraphs(video))
    assert not any("recording" in t for _, t in paragraphs(live))


def test_video_note_follows_the_override(tmp_path):
    out = render_oral_statement(write(tmp_path, delivery="video", time_limit_seconds=60)).output
    assert any("must not be longer than 1:00" in t for _, t in paragraphs(out))


@pytest.mark.parametrize("lang", ["ar", "zh", "en", "fr", "ru", "es"])
def test_every_un_language_renders(tmp_path, lang):
    report = render_oral_statement(write(tmp_path, language=lang))
    assert report.ok and Path(report.output).is_file()
    warns = [f.code for f in report.findings]
    assert warns == ([] if lang in ("en", "fr", "es") else ["labels-in-english"])
    doc = zipfile.ZipFile(report.output).read("word/styles.xml").decode()
    assert ("<w:bidi/>" in doc) == (lang == "ar")


def test_french_labels(tmp_path):
    out = render_oral_statement(write(tmp_path, language="fr", president_title="Madame la Présidente")).output
    texts = [t for _, t in paragraphs(out)]
    assert texts[0] == "Déclaration orale : texte de l'orateur"
    assert "État examiné : Ruritania" in texts
    assert any(t.startswith("Merci, Madame la Présidente. Je m'exprime au nom de l'organisation Child Rights Alliance.") for t in texts)


def test_user_text_is_escaped(tmp_path):
    body = 'Children & "youth" <b>must</b> be\x01 heard.'
    out = render_oral_statement(write(tmp_path, body=body)).output
    texts = [t for s, t in paragraphs(out) if s == "Spoken"]
    assert texts[1].startswith('Children & "youth" <b>must</b> be heard.')


def test_same_input_same_bytes(tmp_path):
    a = Path(render_oral_statement(write(tmp_path, "a.yaml")).output).read_bytes()
    b = Path(render_oral_statement(write(tmp_path, "b.yaml")).output).read_bytes()
    assert a == b


# --------------------------------------------------------------------------- errors
def test_over_the_limit_writes_nothing(cli, tmp_path):
    path = write(tmp_path, segment="general-debate", body=" ".join(["word"] * 300))
    code, report = cli.json("statement", "oral", path, "--text", tmp_path / "s.txt")
    assert code == 1 and report["ok"] is False and report["output"] is None
    assert "time-limit" in [f["code"] for f in report["findings"]]
    assert report["stats"]["limit_seconds"] == 90 and report["stats"]["seconds"] > 90
    assert not (tmp_path / "s.docx").exists() and not (tmp_path / "s.txt").exists()


def test_status_none_exit_1(cli, tmp_path):
    path = write(tmp_path, organisation={"name": "Youth Voices", "status": "none"})
    code, out, err = cli("statement", "oral", path)
    assert code == 1 and "ECOSOC consultative status" in err and f"{path}:1:" in err
    assert "Traceback" not in err


def test_refuses_to_overwrite(cli, example):
    assert cli("statement", "oral", example)[0] == 0
    docx = example.with_suffix(".docx")
    before = docx.read_bytes()
    code, out, err = cli("statement", "oral", example)
    assert code == 2 and "--force" in err and docx.read_bytes() == before
    txt = example.with_suffix(".txt")
    txt.write_text("keep me")
    code, _, err = cli("statement", "oral", example, "--force", "-o", example.parent / "new.docx", "--text", txt)
    assert code == 0  # --force replaces both
    code, _, err = cli("statement", "oral", example, "-o", example.parent / "other.docx", "--text", txt)
    assert code == 2 and not (example.parent / "other.docx").exists()


def test_refuses_to_write_over_the_input(cli, example):
    code, _, err = cli("statement", "oral", example, "-o", example, "--force")
    assert code == 2 and "input" in err
    assert example.read_text(encoding="utf-8") == EXAMPLE.read_text(encoding="utf-8")


def test_missing_and_malformed_inputs_exit_2(cli, tmp_path):
    code, _, err = cli("statement", "oral", tmp_path / "nope.yaml")
    assert code == 2 and "no such file" in err
    bad = tmp_path / "bad.yaml"
    bad.write_text("kind: oral-statement\nbody: [unclosed\n")
    code, _, err = cli("statement", "oral", bad)
    assert code == 2 and f"{bad}:" in err


def test_written_statement_file_is_refused(cli, tmp_path):
    path = tmp_path / "w.yaml"
    path.write_text("kind: written-statement\n")
    code, _, err = cli("statement", "oral", path)
    assert code == 1 and "oral-statement" in err


# --------------------------------------------------------------------------- documentation
def test_readme_section_examples_run(cli, tmp_path, monkeypatch):
    import shlex

    doc = (ROOT / "docs" / "readme-oral.md").read_text(encoding="utf-8")
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    console = re.search(r"```console\n(.*?)```", doc, re.S).group(1).strip().splitlines()
    commands = [(i, shlex.split(line[len("$ uprdraft "):])) for i, line in enumerate(console) if line.startswith("$ ")]
    for n, (i, args) in enumerate(commands):
        end = commands[n + 1][0] if n + 1 < len(commands) else len(console)
        code, out, err = cli(*args)
        assert code == 0, (args, err)
        for expected in console[i + 1:end]:
            assert expected in out + err
    python = re.search(r"```python\n(.*?)```", doc, re.S).group(1)
    exec(compile(python, "readme-oral.md", "exec"), {"__name__": "readme"})
    assert (tmp_path / "script.docx").is_file() and (tmp_path / "script.txt").is_file()
