"""Test helper: the visible text of a .docx, story by story, read straight from the XML."""
from __future__ import annotations

import io
import zipfile

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _para_text(p) -> str:
    out = []
    for el in p.iter(W + "t", W + "tab", W + "br"):
        if el.tag == W + "t":
            out.append(el.text or "")
        elif el.tag == W + "tab":
            out.append("\t")
        else:
            out.append("\n")
    return "".join(out)


def paragraphs(data: bytes, part: str = "word/document.xml") -> list[str]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        root = etree.fromstring(z.read(part))
    return [_para_text(p) for p in root.iter(W + "p")]


def footnotes(data: bytes) -> list[str]:
    """Texts of the real footnotes (separators excluded), in id order, without the leading space."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        if "word/footnotes.xml" not in z.namelist():
            return []
        root = etree.fromstring(z.read("word/footnotes.xml"))
    notes = [(int(n.get(W + "id")), n) for n in root.iter(W + "footnote") if n.get(W + "type") is None]
    return ["".join(_para_text(p) for p in n.iter(W + "p"))[1:] for _, n in sorted(notes, key=lambda x: x[0])]


def parse_all_parts_strictly(data: bytes) -> int:
    """Parse every XML part with a strict parser; returns how many were parsed."""
    parser = etree.XMLParser(recover=False, resolve_entities=False)
    n = 0
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for name in z.namelist():
            if name.endswith((".xml", ".rels")):
                etree.fromstring(z.read(name), parser)
                n += 1
    return n
