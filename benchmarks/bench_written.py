"""Issue 14: the written statement (2,000 words, 30 real footnotes), against references
measured in the same run.

1. ``uprdraft statement written`` as a whole process <= 2.0x pandoc converting the same
   Markdown to .docx (pandoc is installed with apt-get when absent).
2. A warm in-process statement, everything included (load, rules, render, self-check,
   write) <= 1.0x a bare docxtpl render of the same paragraphs (a simple template made here,
   no footnotes: load, render, save to a file), calls interleaved.

    python benchmarks/bench_written.py [ROUNDS] [--instructions]

Both print medians; ratios are medians of per-round ratios. With ``--instructions`` the
whole processes are also counted by valgrind (instructions executed: steady on a busy
machine; pandoc's compiled code does more per instruction, so read it beside the times).
"""
from __future__ import annotations

import datetime as dt
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from procs import SRC, child_env, ensure_pandoc, instruction_ratios, interleaved, line, ratio, uprdraft_command, verdict

WORDS = ("the State under review accepted recommendations on the rights of children to education and health "
         "girls in rural districts still lack schools while the budget of the ministry fell again since the "
         "review civil society coalitions report limited progress despite commitments made during the third "
         "cycle national action plan data disaggregated by sex age disability and region show persistent gaps "
         "teachers need training inclusive curricula birth registration juvenile justice detention alternatives "
         "violence against children protection services remain underfunded").split()
FRONT = """---
kind: written-statement
language: en
session: 62
session_start: 2026-06-15
agenda_item: 6
segment: general-debate
title: Children's rights two years after the review
organisation:
  name: Example Child Rights Network
  status: general
co_sponsors:
  - name: Example Coalition for Education
    status: general
contact:
  name: Ana Example
  email: ana@example.org
---
"""


def statement(paragraphs: int = 30, words: int = 62, seed: int = 14) -> tuple[str, list[str]]:
    """Markdown of about 2,000 words (title, body and 30 footnotes) and its paragraphs."""
    paras = _paragraphs(paragraphs, words, seed)
    body = "\n\n".join(f"{p}[^{i + 1}]" for i, p in enumerate(paras))
    notes = "\n".join(f"[^{i + 1}]: A/HRC/57/12, para. {101 + i}." for i in range(paragraphs))
    return f"{FRONT}\n{body}\n\n{notes}\n", paras


def _paragraphs(paragraphs: int, words: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    paras = []
    for _ in range(paragraphs):
        ws = [rnd.choice(WORDS) for _ in range(words)]
        sentences = [" ".join(ws[i:i + 12]).capitalize() + "." for i in range(0, words, 12)]
        paras.append(" ".join(sentences))
    return paras


def same_statement_as(suffix: str, paragraphs: int = 30, words: int = 62, seed: int = 14) -> str:
    """The same statement as YAML (body as a literal block, footnotes as a mapping) or JSON."""
    import json

    paras = _paragraphs(paragraphs, words, seed)
    body = "\n\n".join(f"{p}[^{i + 1}]" for i, p in enumerate(paras)) + "\n"
    notes = {str(i + 1): f"A/HRC/57/12, para. {101 + i}." for i in range(paragraphs)}
    head = FRONT.strip().strip("-").strip()
    if suffix == ".yaml":
        lines = "\n".join("  " + line if line else "" for line in body.splitlines())
        foot = "\n".join(f'  "{k}": "{v}"' for k, v in notes.items())
        return f"{head}\nbody: |\n{lines}\nfootnotes:\n{foot}\n"
    from ruamel.yaml import YAML

    data = YAML(typ="safe").load(head)
    data["session_start"] = str(data["session_start"])
    return json.dumps({**data, "body": body, "footnotes": notes}, ensure_ascii=False, indent=1)


# --------------------------------------------------------------------------- 1. whole process
# The libraries a written statement cannot do without, as the command imports them (checked
# with ``python -X importtime``): the command line, the models, the contact address, the front
# matter, the Markdown body and its footnotes, the template engine and the Word XML.
FLOOR = ("import click, pydantic, pydantic.fields, email_validator, yaml, markdown_it, "
         "mdit_py_plugins.footnote, jinja2, lxml.etree, docxtpl, zipfile")
FLOOR_NAME = "floor: import click pydantic ... docxtpl"

def whole_process(folder: Path, rounds: int) -> None:
    pandoc = ensure_pandoc()
    cli = uprdraft_command()
    contenders = {"uprdraft statement written": [*cli, "statement", "written", "s.md", "-o", "u.docx", "--force",
                                                 "--today", "2026-01-01"]}
    if pandoc:
        contenders["pandoc s.md -o p.docx"] = [pandoc, "s.md", "-o", "p.docx"]
    # for reading the result: importing only the libraries the statement cannot do without
    contenders[FLOOR_NAME] = [sys.executable, "-c", FLOOR]
    res = interleaved(contenders, rounds, child_env(), cwd=folder)
    print(f"1. whole process, {rounds} interleaved rounds")
    for name, runs in res.items():
        print(line(name, runs))
    if pandoc:
        up, pd = res["uprdraft statement written"], res["pandoc s.md -o p.docx"]
        print(verdict("uprdraft / pandoc (wall)", ratio(up, pd), 2.0))
        print(f"  {'uprdraft / pandoc (cpu)':<44} {ratio(up, pd, cpu=True):5.2f}x")
        floor = res[FLOOR_NAME]
        print(f"  {'floor / pandoc (wall, cpu)':<44} {ratio(floor, pd):5.2f}x {ratio(floor, pd, cpu=True):5.2f}x   "
              "(the imports alone: the bound for this design)")
        if "--instructions" in sys.argv:
            instruction_ratios(contenders, [("uprdraft statement written", "pandoc s.md -o p.docx", 2.0),
                                            (FLOOR_NAME, "pandoc s.md -o p.docx", None)],
                               child_env(), cwd=folder)
    else:
        print("  pandoc could not be installed: no reference")


# --------------------------------------------------------------------------- 2. warm in-process
def bare_template(path: Path) -> None:
    """The simplest docxtpl template for the same content: a title and a paragraph loop."""
    from docx import Document

    doc = Document()
    doc.add_paragraph("{{ title }}")
    doc.add_paragraph("{%p for p in paragraphs %}")
    doc.add_paragraph("{{ p }}")
    doc.add_paragraph("{%p endfor %}")
    doc.save(str(path))


def warm(folder: Path, rounds: int, paras: list[str], name: str = "s.md", target: bool = True) -> None:
    sys.path.insert(0, str(SRC))
    from docxtpl import DocxTemplate

    from uprdraft import api

    src, out = folder / name, folder / "w.docx"
    tpl_path, bare_out = folder / "bare.docx", folder / "bare-out.docx"
    bare_template(tpl_path)
    context = {"title": "Children's rights two years after the review", "paragraphs": paras}

    def ours() -> None:
        api.render_written_statement(src, output=out, force=True, today=dt.date(2026, 1, 1))

    def bare() -> None:
        tpl = DocxTemplate(str(tpl_path))
        tpl.render(context)
        tpl.save(str(bare_out))

    report = api.render_written_statement(src, output=out, force=True, today=dt.date(2026, 1, 1))
    words = report.stats["words"]
    for _ in range(3):  # warm both
        ours(), bare()
    a, b = [], []
    for r in range(rounds):
        pair = (ours, bare) if r % 2 == 0 else (bare, ours)
        for fn in pair:
            t = time.perf_counter()
            fn()
            (a if fn is ours else b).append(time.perf_counter() - t)
    value = statistics.median(x / y for x, y in zip(a, b, strict=True))
    if not target:
        print(f"  the same statement as {name}: uprdraft {statistics.median(a) * 1000:.2f} ms, bare docxtpl "
              f"{statistics.median(b) * 1000:.2f} ms, ratio {value:.2f}x (the reader's share: load.py)")
        return
    print(f"2. warm in-process, {rounds} interleaved rounds; statement of {words['total']} words "
          f"({words['footnotes']} in {report.stats['footnotes']} footnotes), {name}")
    print(f"  {'uprdraft render_written_statement':<44} median {statistics.median(a) * 1000:7.2f} ms")
    print(f"  {'bare docxtpl render + save':<44} median {statistics.median(b) * 1000:7.2f} ms")
    print(verdict("uprdraft / bare docxtpl", value, 1.0))


def main(rounds: int = 21) -> None:
    text, paras = statement()
    with tempfile.TemporaryDirectory() as d:
        folder = Path(d)
        (folder / "s.md").write_text(text, encoding="utf-8")
        whole_process(folder, rounds)
        warm(folder, rounds * 3, paras)
        for suffix in (".yaml", ".json"):
            (folder / f"s{suffix}").write_text(same_statement_as(suffix), encoding="utf-8")
            warm(folder, rounds * 2, paras, f"s{suffix}", target=False)


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    main(int(args[0]) if args else 21)
