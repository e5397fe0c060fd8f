"""Parts and ``[Content_Types].xml`` in a parts dict (part name -> bytes).

Adding a part brings its content type and the relationship that makes it reachable;
dropping one takes its content type, its own relationships and every relationship to it,
so a package never keeps a dangling reference that Word would "repair".
"""
from __future__ import annotations

import posixpath

from lxml import etree

from .rels import add_relationship, drop_relationships_to, rels_name
from .xml import CT_NS, parse_raw, serialize

CONTENT_TYPES = "[Content_Types].xml"
WML = "application/vnd.openxmlformats-officedocument.wordprocessingml"
_OVERRIDE, _DEFAULT = f"{{{CT_NS}}}Override", f"{{{CT_NS}}}Default"


def _types(parts: dict[str, bytes]):
    return parse_raw(parts[CONTENT_TYPES])


def content_type(parts: dict[str, bytes], name: str) -> str | None:
    """The content type of part ``name``: its override, else the default for its extension."""
    root = _types(parts)
    for el in root.iter(_OVERRIDE):
        if el.get("PartName", "").lstrip("/") == name:
            return el.get("ContentType")
    ext = posixpath.splitext(name)[1].lstrip(".").lower()
    for el in root.iter(_DEFAULT):
        if el.get("Extension", "").lower() == ext:
            return el.get("ContentType")
    return None


def set_override(parts: dict[str, bytes], name: str, ctype: str) -> None:
    root = _types(parts)
    for el in root.iter(_OVERRIDE):
        if el.get("PartName", "").lstrip("/") == name:
            if el.get("ContentType") == ctype:
                return
            el.set("ContentType", ctype)
            break
    else:
        el = etree.SubElement(root, _OVERRIDE)
        el.set("PartName", "/" + name)
        el.set("ContentType", ctype)
    parts[CONTENT_TYPES] = serialize(root)


def remove_override(parts: dict[str, bytes], name: str) -> None:
    root = _types(parts)
    gone = [el for el in root.iter(_OVERRIDE) if el.get("PartName", "").lstrip("/") == name]
    for el in gone:
        root.remove(el)
    if gone:
        parts[CONTENT_TYPES] = serialize(root)


def add_part(parts: dict[str, bytes], name: str, data: bytes, ctype: str, *, source: str | None = None,
             kind: str | None = None) -> str | None:
    """Put part ``name`` with its content type; with ``source`` and ``kind`` also the
    relationship from ``source`` to it. Returns that relationship's id (None without one)."""
    parts[name] = data
    set_override(parts, name, ctype)
    if source is None or kind is None:
        return None
    return add_relationship(parts, source, kind, name)


def drop_part(parts: dict[str, bytes], name: str) -> None:
    """Remove a part, its own relationships, every relationship to it and its content type."""
    parts.pop(name, None)
    parts.pop(rels_name(name), None)
    drop_relationships_to(parts, name)
    if CONTENT_TYPES in parts:
        remove_override(parts, name)
