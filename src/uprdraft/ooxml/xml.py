"""The one place that parses and serialises package XML: namespaces and a hardened parser.

Strict Open XML files use other namespace URIs for the same WordprocessingML elements. Word
parts are mapped to the transitional URIs before parsing (and back when a Strict file is
written), so the readers see one vocabulary. Relationship and content-type parts are parsed
as they are (:func:`parse_raw`): their edits must not touch anything else in them.

Safety: no DTDs, no entity expansion, no network, no huge trees. Package parts never declare
a DOCTYPE, so a part that does is refused outright (entity bombs).
"""
from __future__ import annotations

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
M_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math"
V_NS = "urn:schemas-microsoft-com:vml"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
STRICT_R_NS = "http://purl.oclc.org/ooxml/officeDocument/relationships"

# Strict (ISO/IEC 29500 strict) -> transitional namespace URIs.
STRICT_TO_TRANSITIONAL = {
    b"http://purl.oclc.org/ooxml/wordprocessingml/main": W_NS.encode(),
    STRICT_R_NS.encode(): R_NS.encode(),
    b"http://purl.oclc.org/ooxml/drawingml/main": A_NS.encode(),
    b"http://purl.oclc.org/ooxml/officeDocument/math": M_NS.encode(),
}


class UnsafeXML(ValueError):
    """The part declares a DTD or entities: refused."""


_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False,
                          dtd_validation=False, remove_blank_text=False)


def w(tag: str) -> str:
    """Clark name of a WordprocessingML element or attribute: ``w('p')``."""
    return f"{{{W_NS}}}{tag}"


def is_strict(data: bytes) -> bool:
    return b"http://purl.oclc.org/ooxml/wordprocessingml/main" in data


def to_transitional(data: bytes) -> bytes:
    if b"http://purl.oclc.org/ooxml/" not in data:  # not Strict (nearly every file): one search, not four
        return data
    for strict, trans in STRICT_TO_TRANSITIONAL.items():
        if strict in data:
            data = data.replace(strict, trans)
    return data


def to_strict(data: bytes) -> bytes:
    for strict, trans in STRICT_TO_TRANSITIONAL.items():
        data = data.replace(trans, strict)
    return data


def parse_raw(data: bytes):
    """Parse one part safely, namespaces untouched; raise UnsafeXML or etree.XMLSyntaxError."""
    if b"<!" in data and (b"<!DOCTYPE" in data or b"<!ENTITY" in data):  # "<!": one search in most parts
        raise UnsafeXML("declares a DTD or entities, which Word files never contain")
    return etree.fromstring(data, _PARSER)


def parse(data: bytes):
    """Parse one Word part safely in transitional namespaces."""
    return parse_raw(to_transitional(data))


DECLARATION = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def serialize(root, strict: bool = False) -> bytes:
    """UTF-8 with the declaration Word itself writes (lxml's own uses single quotes)."""
    data = DECLARATION + etree.tostring(root, encoding="UTF-8", xml_declaration=False)
    return to_strict(data) if strict else data
