"""A document we write is bounded too (rules.limits.document_mb): an input of a few
megabytes that would make a Word file of thousands of pages stops with one line, exit 2,
before the memory of such a document is taken, and nothing is written."""
from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest

from uprdraft.findings import InputError
from uprdraft.render import docx_render


def plan(path: Path, items: int, escaped: bool = False) -> Path:
    text = "Take all necessary measures to guarantee the rights of every child, with a budget line. " * 3
    data = {
        "kind": "action-plan", "language": "en", "title": "Plan", "state_under_review": "Ruritania",
        "organisation": {"name": "Coalition", "status": "none"}, "review_date": "2024-11-12",
        "items": [{"recommendation": {"id": f"115.{i + 1}", "text": "A {_{ brace " + text if escaped and i == 0 else text},
                   "actors": ["Ministry of Justice"], "expected_results": ["Every child knows how to complain"],
                   "milestones": [{"date": "2026-01-01", "what": "Bill tabled"}]}
                  for i in range(items)],
    }
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


# docxtpl's escaped tag "{_{" near the start sends the body down the whole-text path
# (see docx_render._stream_body)
@pytest.mark.parametrize("escaped", [False, True], ids=["streamed", "whole-text"])
def test_a_document_over_the_limit_is_one_line_and_nothing_is_written(tmp_path, cli, escaped):
    src = plan(tmp_path / "plan.json", 600, escaped)
    rules = tmp_path / "rules.yaml"
    rules.write_text("limits: {document_mb: 1}\n", encoding="utf-8")
    code, out, err = cli("--rules", rules, "plan", src, "-o", tmp_path / "plan.docx")
    assert code == 2 and "Traceback" not in err, err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"{src}: the document would hold more than 1 MB"), err
    assert "limits: {document_mb: 2}" in lines[0] and lines[0].endswith("[document-too-big]")
    assert not (tmp_path / "plan.docx").exists()
    code, report = cli.json("--rules", rules, "plan", src, "-o", tmp_path / "plan.docx")
    assert code == 2 and report["findings"][0]["code"] == "document-too-big"
    assert report["findings"][0]["location"] == str(src)
    # the same input with the default limit is made, and checked by our checker
    code, out, err = cli("plan", src, "-o", tmp_path / "plan.docx")
    assert code == 0, err


def test_the_api_says_the_same(tmp_path):
    from uprdraft import render_plan

    src = plan(tmp_path / "plan.json", 600)
    with pytest.raises(InputError) as e:
        render_plan(src, output=tmp_path / "p.docx", rules={"limits": {"document_mb": 1}})
    assert [f.code for f in e.value.findings] == ["document-too-big"] and e.value.findings[0].location == str(src)
    assert not (tmp_path / "p.docx").exists()


class Endless:
    """A template whose text never ends: the budget must stop it, not wait for its end."""

    def __init__(self) -> None:
        self.made = 0

    def generate(self, context):
        for _ in itertools.count():
            self.made += 1
            yield "<w:p><w:r><w:t>" + "x" * 100 + "</w:t></w:r></w:p>"


@pytest.mark.parametrize("way", ["streamed", "whole-text"])
def test_the_budget_stops_a_text_as_it_is_made(way):
    template = Endless()
    budget = docx_render._Budget(1)
    with pytest.raises(InputError):
        if way == "streamed":
            docx_render._stream_body(template, {}, budget)
        else:
            budget.render(template, {})
    assert template.made * 119 < 1_000_000 + docx_render._PIECES * 119  # one batch past the limit at most


@pytest.mark.parametrize("way", ["streamed", "whole-text"])
def test_no_limit_means_none(way):
    """A render without a limit (the renderer called directly) is never stopped, on either path."""
    budget = docx_render._Budget(None)
    budget.spend("x" * 10_000_000)
    assert budget.left is None
    ctx = {"body": "a {_{ b" if way == "whole-text" else "a b"}

    class Once:
        def generate(self, context):
            yield f"<w:body xmlns:w='{docx_render.W_NS}'><w:p><w:r><w:t>{context['body']}</w:t></w:r></w:p></w:body>"

    got = docx_render._stream_body(Once(), ctx, budget)
    if way == "streamed":
        assert got is not None
    else:
        assert got is None and "a {_{ b" in budget.render(Once(), ctx)
