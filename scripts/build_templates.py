"""Bootstrap templates/<name>-<lang>.docx from scripts/templates/<name>.py.

The .docx files in templates/ are the source: edit them in Word or LibreOffice (their
fixed words are literal text in their language; Jinja tags carry the values). This script
only writes them the first time, or again when a kind's layout changes in a way easier to
script than to click: running it replaces any hand edits. The literal labels come from the
wording tables of ``uprdraft.rules`` (the defaults) at build time; values that are rules
(fonts, sizes) are applied again at render time, so the ones written here are a starting
point only. ``tests/test_templates.py`` checks every template against its writer's context.

Each builder module defines ``build(lang) -> docx.Document`` and ``LANGUAGES``. The output
is repackaged deterministically, so rebuilding gives the same bytes and a clean git diff.

    python scripts/build_templates.py            # all templates
    python scripts/build_templates.py oral-statement
"""
from __future__ import annotations

import importlib.util
import io
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUILDERS = Path(__file__).resolve().parent / "templates"
sys.path.insert(0, str(BUILDERS))
sys.path.insert(0, str(ROOT / "src"))

from uprdraft.ooxml import read_parts, write_package  # noqa: E402
from uprdraft.render.docx_render import drop_thumbnail  # noqa: E402


def _load(path: Path):
    spec = importlib.util.spec_from_file_location(path.stem.replace("-", "_"), path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def prune_styles(parts: dict[str, bytes]) -> None:
    """Keep only the styles the template uses (plus defaults, footnote styles and the
    styles they are based on): python-docx's default template carries ~160 styles and a
    300 kB styles part that every render would otherwise copy."""
    from lxml import etree

    W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    styles = etree.fromstring(parts["word/styles.xml"])
    doc = etree.fromstring(parts["word/document.xml"])
    used = {el.get(W + "val") for tag in ("pStyle", "rStyle", "tblStyle", "numStyle") for el in doc.iter(W + tag)}
    used |= {"FootnoteText", "FootnoteReference"}
    by_id = {st.get(W + "styleId"): st for st in styles.findall(W + "style")}
    keep = {sid for sid, st in by_id.items() if st.get(W + "default") == "1"} | (used & set(by_id))
    todo = list(keep)
    while todo:  # close over basedOn / link / next
        st = by_id.get(todo.pop())
        for tag in ("basedOn", "link", "next"):
            el = st.find(W + tag) if st is not None else None
            if el is not None and el.get(W + "val") in by_id and el.get(W + "val") not in keep:
                keep.add(el.get(W + "val"))
                todo.append(el.get(W + "val"))
    for sid, st in by_id.items():
        if sid not in keep:
            styles.remove(st)
    for latent in styles.findall(W + "latentStyles"):
        styles.remove(latent)
    parts["word/styles.xml"] = etree.tostring(styles, xml_declaration=True, encoding="UTF-8", standalone=True)


def main(names: list[str]) -> None:
    out_dir = ROOT / "templates"
    out_dir.mkdir(exist_ok=True)
    for path in sorted(BUILDERS.glob("*.py")):
        if path.name.startswith("_") or (names and path.stem not in names):
            continue
        mod = _load(path)
        for lang in getattr(mod, "LANGUAGES", ("en",)):
            buf = io.BytesIO()
            mod.build(lang).save(buf)
            parts = read_parts(buf.getvalue())
            drop_thumbnail(parts)
            prune_styles(parts)
            target = out_dir / f"{path.stem}-{lang}.docx"
            target.write_bytes(write_package(parts))
            print(f"wrote {target.relative_to(ROOT)}")


if __name__ == "__main__":
    main(sys.argv[1:])
