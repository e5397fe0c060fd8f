"""Test helper: a tiny .docx maker from XML fragments, for tests and benchmarks of the checker.

``make_docx(body='<w:p>...</w:p>', styles='<w:style>...</w:style>', doc_defaults=...,
footnotes=[...])`` returns the bytes of a complete, valid Word package. Fragments use the
``w:``, ``r:`` and ``mc:`` prefixes; the namespaces are declared here.
"""
from __future__ import annotations

from xml.sax.saxutils import escape

from uprdraft.ooxml.writer import write_package

NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
      'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
      'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
      'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
      'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
      'xmlns:v="urn:schemas-microsoft-com:vml"')
DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
TNR10 = ('<w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" '
         'w:cs="Times New Roman"/><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr>')
THEME = (DECL + '<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office">'
         '<a:themeElements><a:fontScheme name="Office"><a:majorFont><a:latin typeface="Calibri Light"/>'
         '<a:ea typeface=""/><a:cs typeface=""/></a:majorFont><a:minorFont><a:latin typeface="Calibri"/>'
         '<a:ea typeface=""/><a:cs typeface="Arial"/></a:minorFont></a:fontScheme></a:themeElements></a:theme>')
_WT = "application/vnd.openxmlformats-officedocument.wordprocessingml"
_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def para(text: str, rpr: str = "", pstyle: str | None = None) -> str:
    """One paragraph with one run (text escaped)."""
    ppr = f'<w:pPr><w:pStyle w:val="{pstyle}"/></w:pPr>' if pstyle else ""
    return f'<w:p>{ppr}<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'


def make_docx(body: str, styles: str = "", doc_defaults: str | None = TNR10, footnotes: list[str] | None = None,
              header: str | None = None, theme: bool = True, comments: str | None = None) -> bytes:
    """A complete .docx: ``body`` is the inside of ``w:body``; ``styles`` extra ``w:style`` elements;
    ``doc_defaults`` the ``w:rPr`` of docDefaults (None: no docDefaults); ``footnotes`` the
    inside of each ``w:footnote`` (ids 1, 2, ...)."""
    parts: dict[str, bytes] = {}
    overrides = [("/word/document.xml", f"{_WT}.document.main+xml"), ("/word/styles.xml", f"{_WT}.styles+xml")]
    rels = [("rId1", "styles", "styles.xml")]
    dd = f"<w:docDefaults><w:rPrDefault>{doc_defaults}</w:rPrDefault></w:docDefaults>" if doc_defaults else ""
    parts["word/styles.xml"] = (DECL + f"<w:styles {NS}>{dd}"
                                '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
                                f"</w:style>{styles}</w:styles>").encode()
    if theme:
        parts["word/theme/theme1.xml"] = THEME.encode()
        overrides.append(("/word/theme/theme1.xml", "application/vnd.openxmlformats-officedocument.theme+xml"))
        rels.append(("rId2", "theme", "theme/theme1.xml"))
    if footnotes is not None:
        notes = "".join(f'<w:footnote w:id="{i}">{n}</w:footnote>' for i, n in enumerate(footnotes, 1))
        parts["word/footnotes.xml"] = (DECL + f'<w:footnotes {NS}><w:footnote w:type="separator" w:id="-1">'
                                       '<w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
                                       '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
                                       f'<w:continuationSeparator/></w:r></w:p></w:footnote>{notes}</w:footnotes>'
                                       ).encode()
        overrides.append(("/word/footnotes.xml", f"{_WT}.footnotes+xml"))
        rels.append(("rId3", "footnotes", "footnotes.xml"))
    if header is not None:
        parts["word/header1.xml"] = (DECL + f"<w:hdr {NS}>{header}</w:hdr>").encode()
        overrides.append(("/word/header1.xml", f"{_WT}.header+xml"))
        rels.append(("rId4", "header", "header1.xml"))
    if comments is not None:
        parts["word/comments.xml"] = (DECL + f"<w:comments {NS}>{comments}</w:comments>").encode()
        overrides.append(("/word/comments.xml", f"{_WT}.comments+xml"))
        rels.append(("rId5", "comments", "comments.xml"))
    parts["word/document.xml"] = (DECL + f"<w:document {NS}><w:body>{body}<w:sectPr/></w:body></w:document>").encode()
    parts["word/_rels/document.xml.rels"] = (
        DECL + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + "".join(f'<Relationship Id="{i}" Type="{_RT}/{t}" Target="{p}"/>' for i, t, p in rels)
        + '<Relationship Id="rIdLink" Type="' + _RT + '/hyperlink" Target="https://www.ohchr.org/" '
        'TargetMode="External"/></Relationships>').encode()
    parts["_rels/.rels"] = (DECL + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                            f'<Relationship Id="rId1" Type="{_RT}/officeDocument" Target="word/document.xml"/>'
                            "</Relationships>").encode()
    parts["[Content_Types].xml"] = (
        DECL + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        + "".join(f'<Override PartName="{p}" ContentType="{c}"/>' for p, c in overrides) + "</Types>").encode()
    return write_package(parts)
