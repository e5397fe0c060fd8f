"""Relationships (``*.rels`` parts): reading them, and editing them in a parts dict.

A target is always handled as a part name (absolute, no leading slash), resolved against
the folder of the part that owns the relationships, so two parts with the same file name in
different folders are never confused. Relationship types are compared by their last
segment, which Transitional and Strict files share; a new relationship takes the flavour
(Transitional or Strict) its ``.rels`` part already uses.
"""
from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass

from lxml import etree

from .xml import PKG_REL_NS, R_NS, STRICT_R_NS, parse_raw, serialize

REL_SUFFIX = {  # the last segment of a relationship type, transitional and strict alike
    "officeDocument": "main", "styles": "styles", "theme": "theme", "numbering": "numbering",
    "footnotes": "footnotes", "endnotes": "endnotes", "header": "header", "footer": "footer",
    "comments": "comments", "settings": "settings", "hyperlink": "hyperlink", "image": "image",
}
_REL = f"{{{PKG_REL_NS}}}Relationship"
_RID = re.compile(r"rId(\d+)$")


@dataclass
class Rel:
    id: str
    kind: str  # "styles", "header", ... or the raw last segment
    target: str  # part name (absolute, no leading slash) or external URL
    external: bool = False
    type: str = ""


def rels_name(part: str) -> str:
    """The relationships part of ``part`` ("" is the package itself: ``_rels/.rels``)."""
    folder, base = posixpath.split(part)
    return posixpath.join(folder, "_rels", base + ".rels")


def resolve(folder: str, target: str) -> str:
    if target.startswith("/"):
        return posixpath.normpath(target.lstrip("/"))
    return posixpath.normpath(posixpath.join(folder, target))


def kind_of(rel_type: str) -> str:
    last = rel_type.rsplit("/", 1)[-1]
    return REL_SUFFIX.get(last, last)


def parse_rels(root, part: str) -> list[Rel]:
    """The relationships in a parsed ``.rels`` root belonging to ``part``."""
    folder = posixpath.dirname(part)
    out = []
    for el in root:
        if not isinstance(el.tag, str) or not el.tag.endswith("Relationship"):
            continue  # comments, processing instructions
        rtype = el.get("Type", "")
        target = el.get("Target", "")
        external = el.get("TargetMode") == "External"
        out.append(Rel(el.get("Id", ""), kind_of(rtype), target if external else resolve(folder, target),
                       external, rtype))
    return out


# --------------------------------------------------------------------------- editing a parts dict
def _load(parts: dict[str, bytes], part: str):
    name = rels_name(part)
    if name in parts:
        return parse_raw(parts[name])
    return etree.Element(f"{{{PKG_REL_NS}}}Relationships", nsmap={None: PKG_REL_NS})


def _store(parts: dict[str, bytes], part: str, root) -> None:
    parts[rels_name(part)] = serialize(root)


def relationships(parts: dict[str, bytes], part: str) -> list[Rel]:
    name = rels_name(part)
    return parse_rels(parse_raw(parts[name]), part) if name in parts else []


def next_rid(root) -> str:
    """The first ``rIdN`` above every numbered id in use (ids need not be dense)."""
    used = [int(m.group(1)) for el in root if isinstance(el.tag, str)
            for m in [_RID.match(el.get("Id", ""))] if m]
    return f"rId{max(used, default=0) + 1}"


def _is_strict(root) -> bool:
    return any(el.get("Type", "").startswith(STRICT_R_NS) for el in root if isinstance(el.tag, str))


def add_relationship(parts: dict[str, bytes], part: str, kind: str, target: str) -> str:
    """A relationship of ``kind`` (``"footnotes"`` or a full type URI) from ``part`` to the
    part named ``target``; returns its id, reusing an equal relationship already there."""
    root = _load(parts, part)
    for rel in parse_rels(root, part):
        if not rel.external and rel.target == target and (rel.type == kind or rel.type.endswith("/" + kind)):
            return rel.id
    rel_type = kind if "/" in kind else f"{STRICT_R_NS if _is_strict(root) else R_NS}/{kind}"
    rid = next_rid(root)
    el = etree.SubElement(root, _REL)
    el.set("Id", rid)
    el.set("Type", rel_type)
    el.set("Target", posixpath.relpath(target, posixpath.dirname(part) or "."))
    _store(parts, part, root)
    return rid


def drop_relationships_to(parts: dict[str, bytes], target: str) -> int:
    """Remove every internal relationship, in any ``.rels`` part, that points at ``target``."""
    dropped = 0
    for name in [n for n in parts if n.endswith(".rels")]:
        owner = _owner(name)
        root = parse_raw(parts[name])
        gone = [el for el, rel in _pairs(root, owner) if not rel.external and rel.target == target]
        for el in gone:
            root.remove(el)
        if gone:
            _store(parts, owner, root)
            dropped += len(gone)
    return dropped


def _owner(rels: str) -> str:
    """``word/_rels/document.xml.rels`` -> ``word/document.xml``; ``_rels/.rels`` -> ``""``."""
    folder, base = posixpath.split(rels)
    return posixpath.join(posixpath.dirname(folder), base[: -len(".rels")])


def _pairs(root, part: str):
    els = [el for el in root if isinstance(el.tag, str) and el.tag.endswith("Relationship")]
    return zip(els, parse_rels(root, part), strict=False)
