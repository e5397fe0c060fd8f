"""The lean readers of the styles and theme parts: the check reads from them exactly what it
reads from the whole parts."""
from __future__ import annotations

import pytest
from lxml import etree

from uprdraft.ooxml.xml import A_NS, W_NS, UnsafeXML, parse, parse_font_scheme, parse_styles, w

HEAD = f'<?xml version="1.0"?><w:styles xmlns:w="{W_NS}">'
DEFAULTS = '<w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="20"/></w:rPr></w:rPrDefault></w:docDefaults>'
STYLE = '<w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
LSD = '<w:lsdException w:name="heading 1" w:uiPriority="9"/>'


def ids(root) -> list[str]:
    return [el.get(w("styleId")) for el in root.iter(w("style"))]


def test_latent_styles_are_cut():
    data = (HEAD + DEFAULTS + f'<w:latentStyles w:count="2">{LSD * 2}</w:latentStyles>' + STYLE + "</w:styles>").encode()
    lean = parse_styles(data)
    assert lean.find(w("latentStyles")) is None
    assert ids(lean) == ids(parse(data)) == ["Normal"]
    assert etree.tostring(lean.find(w("docDefaults"))) == etree.tostring(parse(data).find(w("docDefaults")))


@pytest.mark.parametrize("latent", [
    f"<w:latentStyles>{LSD}<!-- </w:latentStyles> -->{LSD}</w:latentStyles>",  # a comment: not cut
    f"<w:latentStyles>{LSD}{STYLE}</w:latentStyles>",  # a style hidden inside: kept
    f'<w:latentStyles w:count="1"/>{LSD}',  # self-closing
    f"<w:latentStylesX>{LSD}</w:latentStylesX>",  # another element
    f"<w:latentStyles><w:latentStyles>{LSD}</w:latentStyles></w:latentStyles>",  # nested
])
def test_anything_else_in_the_block_is_parsed_whole(latent):
    data = (HEAD + DEFAULTS + latent + STYLE + "</w:styles>").encode()
    assert etree.tostring(parse_styles(data)) == etree.tostring(parse(data))


def test_malformed_and_unsafe_styles_are_still_refused():
    with pytest.raises(etree.XMLSyntaxError):
        parse_styles((HEAD + "<w:latentStyles></w:latentStyles><w:style>").encode())
    with pytest.raises(UnsafeXML):
        parse_styles(('<!DOCTYPE x [<!ENTITY a "b">]>' + HEAD + "</w:styles>").encode())


THEME = f'<?xml version="1.0"?><a:theme xmlns:a="{A_NS}"><a:themeElements><a:clrScheme name="c"/>{{}}</a:themeElements></a:theme>'
SCHEME = '<a:fontScheme name="Office"><a:minorFont><a:latin typeface="Calibri"/></a:minorFont></a:fontScheme>'


def test_font_scheme_alone():
    el = parse_font_scheme(THEME.format(SCHEME + "<a:fmtScheme/>" * 2000).encode())
    assert el.tag == f"{{{A_NS}}}fontScheme"
    assert el.find(f"{{{A_NS}}}minorFont/{{{A_NS}}}latin").get("typeface") == "Calibri"


def test_nested_font_scheme_gives_the_outer_one():
    el = parse_font_scheme(THEME.format('<a:fontScheme name="outer"><a:fontScheme name="inner"/></a:fontScheme>').encode())
    assert el.get("name") == "outer"


def test_theme_without_font_scheme_is_parsed_whole():
    root = parse_font_scheme(THEME.format("").encode())
    assert root.tag == f"{{{A_NS}}}theme"
    with pytest.raises(etree.XMLSyntaxError):
        parse_font_scheme(b"<a:theme><broken")
    with pytest.raises(UnsafeXML):
        parse_font_scheme(b'<!DOCTYPE x [<!ENTITY a "b">]><x/>')
