"""Outputs never destroy: links, special files, the umask, inputs named as outputs (issue 12)."""
from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import pytest

import uprdraft
from uprdraft.fileio import write_all, write_atomic
from uprdraft.findings import InputError

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"


def test_a_dangling_link_is_not_replaced_without_force(tmp_path):
    link = tmp_path / "out.docx"
    link.symlink_to(tmp_path / "nowhere.docx")
    with pytest.raises(InputError) as e:
        write_atomic(link, b"x")
    assert "--force" in str(e.value)
    assert link.is_symlink()


def test_with_force_a_link_is_replaced_itself_never_written_through(tmp_path):
    target = tmp_path / "precious.txt"
    target.write_bytes(b"keep me")
    link = tmp_path / "out.docx"
    link.symlink_to(target)
    write_atomic(link, b"new", force=True)
    assert not link.is_symlink() and link.read_bytes() == b"new"
    assert target.read_bytes() == b"keep me"


def test_a_pipe_or_device_is_never_replaced_even_with_force(tmp_path):
    fifo = tmp_path / "out.docx"
    os.mkfifo(fifo)
    with pytest.raises(InputError) as e:
        write_atomic(fifo, b"x", force=True)
    assert "not an ordinary file" in str(e.value)
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    with pytest.raises(InputError):
        write_atomic("/dev/null", b"x", force=True)


def test_outputs_follow_the_umask(tmp_path):
    old = os.umask(0o027)
    try:
        path = write_atomic(tmp_path / "a.txt", b"x")
    finally:
        os.umask(old)
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o640


def test_no_temporary_file_is_left_when_a_write_is_refused(tmp_path):
    (tmp_path / "b.txt").write_bytes(b"old")
    with pytest.raises(InputError):
        write_all({tmp_path / "a.txt": b"1", tmp_path / "b.txt": b"2"})
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.txt"]
    assert (tmp_path / "b.txt").read_bytes() == b"old"


def test_statement_cannot_replace_its_own_markdown_even_with_force(tmp_path, cli):
    src = tmp_path / "same.md"
    shutil.copy(EXAMPLES / "written-statement.md", src)
    before = src.read_bytes()
    code, _, err = cli("statement", "written", src, "-o", src, "--force", "--today", "2026-01-01")
    assert code == 2 and "input" in err
    assert src.read_bytes() == before


def test_email_cannot_replace_the_statement_it_sends(tmp_path, cli):
    form = tmp_path / "sub.yaml"
    shutil.copy(EXAMPLES / "submission.yaml", form)
    docx = tmp_path / "s.docx"
    shutil.copy(EXAMPLES / "submission-statement.docx", docx)
    before = docx.read_bytes()
    code, _, err = cli("email", form, docx, "-o", docx, "--force", "--today", "2026-05-01")
    assert code == 2 and "input" in err
    assert docx.read_bytes() == before


def test_a_folder_given_as_output_is_one_line(tmp_path, cli):
    src = tmp_path / "s.md"
    shutil.copy(EXAMPLES / "written-statement.md", src)
    code, _, err = cli("statement", "written", src, "-o", tmp_path, "--force", "--today", "2026-01-01")
    assert code == 2 and len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("call", [
    lambda p: uprdraft.render_side_event(p, ics=True),
    lambda p: uprdraft.render_plan(p, force="yes"),
    lambda p: uprdraft.render_oral_statement(p, text_output=5),
    lambda p: uprdraft.check(p, limit="10"),
])
def test_wrong_argument_types_in_the_api_are_usage_errors(tmp_path, call):
    with pytest.raises(InputError) as e:
        call(tmp_path / "x.yaml")
    assert e.value.findings[0].code == "usage"


def test_count_words_refuses_bytes_plainly():
    with pytest.raises(InputError) as e:
        uprdraft.count_words(b"two words")
    assert "text" in str(e.value)


@pytest.mark.parametrize("kwargs", [{"theme": 5}, {"state": ["x"]}, {"session": "64"}, {"session": True}])
def test_import_filters_of_the_wrong_type_are_usage_errors(tmp_path, kwargs):
    with pytest.raises(InputError) as e:
        uprdraft.import_recommendations(EXAMPLES / "recommendations.csv", tmp_path / "r.yaml", **kwargs)
    assert e.value.findings[0].code == "usage"


def test_a_line_break_in_the_webcast_link_is_a_plain_error(tmp_path, cli):
    text = (EXAMPLES / "side-event.yaml").read_text(encoding="utf-8")
    src = tmp_path / "se.yaml"
    src.write_text("\n".join(l for l in text.splitlines() if not l.startswith("webcast:"))
                   + '\nwebcast: "https://x.org\\r\\nBcc: a@b.c"\n', encoding="utf-8")
    code, _, err = cli("side-event", src, "--ics", tmp_path / "se.ics")
    assert code == 1 and "webcast" in err and "internal error" not in err
    assert not (tmp_path / "se.ics").exists()
