"""A real word processor opens what we write: LibreOffice headless -> PDF -> poppler."""
from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess

import pytest

from uprdraft import api

pytestmark = pytest.mark.slow
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
if not SOFFICE or not shutil.which("pdftotext") or not shutil.which("pdffonts"):
    pytest.skip("LibreOffice (soffice) or poppler-utils (pdftotext, pdffonts) is not installed; "
                ".ci/run installs libreoffice-writer-nogui, fonts-liberation2 and poppler-utils",
                allow_module_level=True)

TEXTS = {
    "en": ("Children & <schools>: \"now\"", "Every child has the right to education < 2030 & beyond.",
           "Source: UNICEF & partners, 2025."),
    "fr": ("Les droits de l'enfant « maintenant »", "Chaque enfant a droit à l'éducation, sans délai.",
           "Rapport du Groupe de travail, A/HRC/57/12."),
    "es": ("Los derechos de la niñez", "Cada niña y cada niño tiene derecho a la educación — حقوق الطفل 😀.",
           "Informe del Grupo de Trabajo, párr. 115.23."),
}


@pytest.mark.parametrize("lang", ["en", "fr", "es"])
def test_libreoffice_shows_every_paragraph_and_footnote(tmp_path, lang):
    title, body, note = TEXTS[lang]
    data = {"kind": "written-statement", "language": lang, "session": 61, "agenda_item": 6, "title": title,
            "organisation": {"name": "Lead", "status": "general"}, "supporters": ["Youth Forum", "Kids Club"],
            "contact": {"name": "A", "email": "a@example.org"},
            "body": f"{body}[^a]\n\nSecond paragraph here.", "footnotes": {"a": note}}
    src = tmp_path / "s.json"
    src.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    report = api.render_written_statement(src, today=dt.date(2026, 1, 1))
    subprocess.run([SOFFICE, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), report.output], check=True, capture_output=True, timeout=180)
    pdf = tmp_path / "s.pdf"
    text = " ".join(subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())
    from uprdraft.kinds.written import supporters_note
    from uprdraft.load import load
    from uprdraft.rules import DEFAULT

    model, _ = load(src)
    for expected in (title, body.split(" — ")[0], "Second paragraph here.", note, supporters_note(model, DEFAULT)):
        assert " ".join(expected.split()) in text, expected
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    names = {line.split()[0].split("+")[-1] for line in fonts.splitlines()[2:] if line.strip()}
    serif = {n for n in names if n.startswith(("LiberationSerif", "TimesNewRoman"))}
    # the emoji and Arabic may need fallback fonts; all Latin text is in the Times-metric serif
    if lang != "es":
        assert names == serif, names
    else:
        assert serif, names
