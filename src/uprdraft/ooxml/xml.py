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


_SAFE = {"resolve_entities": False, "no_network": True, "huge_tree": False, "load_dtd": False,
         "dtd_validation": False}  # every parser of a part: nothing fetched, expanded or unbounded
_PARSER = etree.XMLParser(remove_blank_text=False, **_SAFE)


def _refuse_dtd(data: bytes) -> None:
    if b"<!" in data and (b"<!DOCTYPE" in data or b"<!ENTITY" in data):  # "<!": one search in most parts
        raise UnsafeXML("declares a DTD or entities, which Word files never contain")


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
    _refuse_dtd(data)
    return etree.fromstring(data, _PARSER)


def parse(data: bytes):
    """Parse one Word part safely in transitional namespaces."""
    return parse_raw(to_transitional(data))


_LATENT, _LATENT_END, _LSD = b"<w:latentStyles", b"</w:latentStyles>", b"<w:lsdException"


def parse_styles(data: bytes):
    """The styles part without its ``w:latentStyles`` (hundreds of ``w:lsdException``
    elements, most of the part, which no reader here looks at): parsed like :func:`parse`.
    The block is cut from the bytes only when plainly nothing else is inside it (else the
    whole part is parsed), so a fault inside those elements goes unseen: nothing there is read."""
    data = to_transitional(data)
    start = data.find(_LATENT)
    if start >= 0 and data[start + len(_LATENT):start + len(_LATENT) + 1] in (b" ", b">", b"\t", b"\r", b"\n"):
        gt = data.find(b">", start)
        end = data.find(_LATENT_END, gt)
        if gt > 0 and data[gt - 1:gt] != b"/" and end > 0:
            inner = data[gt + 1:end]
            if inner.count(b"<") == inner.count(_LSD):  # only lsdException elements: no comment, no other element
                data = data[:start] + data[end + len(_LATENT_END):]
    return parse_raw(data)


_FONT_SCHEME = f"{{{A_NS}}}fontScheme"


def parse_font_scheme(data: bytes):
    """The theme's ``a:fontScheme`` (the only thing read from a theme), parsed up to its
    end and no further (a fault after it goes unseen: nothing there is read); the whole part
    when it has none. The DTD refusal covers the whole part."""
    data = to_transitional(data)
    _refuse_dtd(data)
    parser = etree.XMLPullParser(events=("start", "end"), tag=_FONT_SCHEME, **_SAFE)
    first = None
    for i in range(0, len(data), 4096):
        parser.feed(data[i:i + 4096])
        for event, el in parser.read_events():
            if first is None:
                first = el  # the first one to start, as find(".//") gives
            if event == "end" and el is first:
                return el
    return parser.close()


DECLARATION = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def serialize(root, strict: bool = False) -> bytes:
    """UTF-8 with the declaration Word itself writes (lxml's own uses single quotes)."""
    data = DECLARATION + etree.tostring(root, encoding="UTF-8", xml_declaration=False)
    return to_strict(data) if strict else data
