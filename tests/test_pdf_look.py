"""Documents that look finished: every example in en, fr and es, rendered by LibreOffice
(A4, one batch conversion) and read back from the PDF.

- no word is broken inside a table cell or a heading (every word of the .docx is whole in
  the PDF text; a line may break after a hyphen, a slash or a dash);
- a page number in the footer of every page of every document but the written statement;
- page counts: the side-event note, the child-friendly version and the written statement
  fit on one page;
- the speaker's script keeps every spoken paragraph on one page;
- age bands written as words in the child-friendly version.
"""
from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from conftest import EXAMPLES

pytestmark = pytest.mark.slow
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
if not SOFFICE or not shutil.which("pdftotext"):
    pytest.skip("LibreOffice (soffice) or poppler-utils (pdftotext) is not installed", allow_module_level=True)

LANGS = ("en", "fr", "es")
KINDS = ("written", "oral", "midterm", "child", "side-event", "plan", "midterm-all")
TODAY = dt.date(2026, 11, 28)


def _render(folder: Path, lang: str) -> dict[str, Path]:
    from uprdraft import api

    folder.mkdir()
    for f in EXAMPLES.iterdir():
        if f.suffix in (".yaml", ".md", ".csv"):
            text = re.sub(r"^language: en\b", f"language: {lang}", f.read_text(encoding="utf-8"), count=1, flags=re.M)
            (folder / f.name).write_text(text, encoding="utf-8")
    out = {k: folder / f"{lang}-{k}.docx" for k in KINDS}
    api.render_written_statement(folder / "written-statement.md", out["written"], today=dt.date(2026, 1, 1))
    api.render_oral_statement(folder / "oral-statement.yaml", out["oral"])
    api.render_midterm_report(folder / "midterm-report.yaml", out["midterm"], child_friendly=out["child"])
    api.render_side_event(folder / "side-event.yaml", out["side-event"])
    api.render_plan(folder / "action-plan.yaml", out["plan"], today=TODAY)
    api.render_midterm_report(_every_label(folder), out["midterm-all"])
    return out


def _every_label(folder: Path) -> Path:
    """The mid-term example with a recommendation for every status and response (none
    included) and long State names: every word the narrow columns may have to hold."""
    import json

    import yaml

    from uprdraft.rules import DEFAULT

    data = yaml.safe_load((folder / "midterm-report.yaml").read_text(encoding="utf-8"))
    states = ["Bolivia (Estado Plurinacional de)", "Luxembourg", "Venezuela (Bolivarian Republic of)",
              "United Kingdom of Great Britain and Northern Ireland"]
    recs = []
    for i, status in enumerate(DEFAULT.upr.statuses):
        for j, response in enumerate(["supported", "noted", None]):
            rec = {"id": f"147.{100 + 3 * i + j}", "text": "Strengthen the independence of the national human "
                   "rights institution.", "recommending_states": states[(i + j) % 4:], "status": status,
                   "themes": ["Institutions"], "assessment": "Under way."}
            if response:
                rec["response"] = response
            recs.append(rec)
    data["recommendations"] = data.get("recommendations", []) + recs
    data.pop("child_friendly", None)
    path = folder / "midterm-all.yaml"
    path.write_text(json.dumps(data, ensure_ascii=False, default=str), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    """{(lang, kind): (docx path, [text of each PDF page])}, all converted in one soffice call."""
    base = tmp_path_factory.mktemp("look")
    docs = {}
    for lang in LANGS:
        for kind, path in _render(base / lang, lang).items():
            docs[(lang, kind)] = path
    pdf_dir = base / "pdf"
    subprocess.run([SOFFICE, "--headless", f"-env:UserInstallation=file://{base}/lo", "--convert-to", "pdf",
                    "--outdir", str(pdf_dir), *map(str, docs.values())], check=True, capture_output=True, timeout=600)
    out = {}
    for key, path in docs.items():
        pdf = pdf_dir / (path.stem + ".pdf")
        # -raw: in content order, and a hyphen at a line end is kept (not joined into the word)
        text = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True,
                              check=True).stdout
        out[key] = (path, text.split("\f")[:-1])  # a form feed ends every page
    return out


def _docx_paragraphs(path: Path, part: str = "word/document.xml") -> list[str]:
    xml = zipfile.ZipFile(io.BytesIO(path.read_bytes())).read(part).decode("utf-8")
    xml = re.sub(r"<w:(tab|br)/>", "<w:t> </w:t>", xml)
    return ["".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", p)) for p in re.findall(r"<w:p[ >].*?</w:p>", xml, re.S)]


_BREAKS = re.compile(r"[\s\-\u2010-\u2014/]+")  # a line may break here: spaces, hyphens, dashes, slashes
_EDGE = "\"'()[],.;:!?«»“”‘’¿¡*"


def _words(text: str) -> set[str]:
    from xml.sax.saxutils import unescape

    return {w.strip(_EDGE) for w in _BREAKS.split(unescape(text, {"&quot;": '"', "&apos;": "'"}))} - {""}


def _squash(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", KINDS)
def test_no_word_is_broken(rendered, lang, kind):
    path, pages = rendered[(lang, kind)]
    in_pdf = _words(" ".join(pages))
    in_pdf |= {w.rstrip("0123456789") for w in in_pdf}  # "settings1": a word and its footnote mark
    broken = sorted(w for w in _words(" ".join(_docx_paragraphs(path))) if w not in in_pdf)
    assert not broken, f"{path.name}: words broken across lines (or missing) in the PDF: {broken[:10]}"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", KINDS)
def test_page_numbers(rendered, lang, kind):
    path, pages = rendered[(lang, kind)]
    if kind == "written":  # the HRC format has no header or footer
        names = zipfile.ZipFile(path).namelist()
        assert not [n for n in names if n.startswith("word/footer")]
        return
    for number, page in enumerate(pages, start=1):
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        assert str(number) in lines, f"{path.name}: no page number on page {number}"


@pytest.mark.parametrize("lang", LANGS)
def test_page_counts(rendered, lang):
    for kind in ("side-event", "child", "written"):
        path, pages = rendered[(lang, kind)]
        assert len(pages) == 1, f"{path.name} has {len(pages)} pages"
    for kind in ("oral", "plan"):
        assert len(rendered[(lang, kind)][1]) <= 3
    # the mid-term report also carries the implementation chart beside its statistics table
    assert len(rendered[(lang, "midterm")][1]) <= 4


@pytest.mark.parametrize("lang", LANGS)
def test_spoken_paragraphs_stay_on_one_page(rendered, lang):
    path, pages = rendered[(lang, "oral")]
    squashed = [_squash(p) for p in pages]
    spoken = [p for p in _docx_paragraphs(path) if re.search(r"\[\d+:\d\d\]$", p)]
    assert len(spoken) >= 4
    for para in spoken:
        assert any(_squash(para) in page for page in squashed), f"split across pages: {para[:60]}"


@pytest.mark.parametrize("lang, band", [("en", "aged 10 to 13"), ("fr", "de 10 à 13 ans"), ("es", "de 10 a 13 años")])
def test_age_band_in_words(rendered, lang, band):
    _, pages = rendered[(lang, "child")]
    assert band in _squash(pages[0])
    assert "10-13" not in pages[0]


@pytest.mark.parametrize("lang", LANGS)
def test_table_header_repeats_on_every_page(rendered, lang):
    from uprdraft.rules import DEFAULT

    path, pages = rendered[(lang, "midterm-all")]
    header = DEFAULT.midterm.labels[lang]["col_assessment"]
    assert len(pages) >= 3
    for number, page in enumerate(pages[1:], start=2):
        assert header in page, f"{path.name}: no table header on page {number}"


@pytest.mark.parametrize("lang", LANGS)
def test_text_to_read_has_its_heading_on_its_page(rendered, lang):
    from uprdraft.rules import DEFAULT

    path, pages = rendered[(lang, "oral")]
    heading = DEFAULT.oral.labels[lang]["text_to_read"]
    salutation = DEFAULT.oral.wording[lang]["salutation"].split(",")[0]
    page = next(_squash(p) for p in pages if heading in _squash(p))
    assert page.index(heading) < page.index(salutation), "the heading comes right before the text to read"
