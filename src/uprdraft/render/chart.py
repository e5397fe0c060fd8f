"""Native Word charts: a bar chart of implementation status, supported vs noted.

Why a native chart part (``word/charts/chartN.xml``, a ``c:chartSpace``) rather than a picture:
the numbers live in the file as cached values (``c:strCache`` / ``c:numCache``), so Word and
LibreOffice draw the chart themselves, in the document's own fonts, sharp at any zoom and in
print; a screen reader gets the alternative text (``wp:docPr/@descr``) and the document also
gives the same numbers as a table. No embedded workbook is needed to display it (Word says
the data cannot be edited without one; the table is the editable copy), no plotting library,
no font files and no network. The same input gives the same bytes.

    run = chart_run(alt_text, name)              # {{r status_chart }} in the template
    data = attach_chart(docx_bytes, chart_xml(categories, series, colours, lang))

The template carries the run with a placeholder relationship id; :func:`attach_chart` adds the
chart part, its relationship and content type through :mod:`uprdraft.ooxml` and points the run
at it.
"""
from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from ..ooxml import add_part, read_parts, write_package
from ..ooxml.xml import parse, serialize
from ..xmltext import clean_text
from .docx_render import Runs

C_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
CT_CHART = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
REL_CHART = f"{R_NS}/chart"
PLACEHOLDER = "rIdUprdraftChart"
EMU_PER_CM = 360000
LANG_TAGS = {"en": "en-GB", "fr": "fr-FR", "es": "es-ES"}


def chart_run(alt_text: str, name: str, width_cm: float = 15.0, height_cm: float = 7.0, shape_id: int = 1001) -> Runs:
    """The run that shows the chart (inline, in its own paragraph), with its alternative text."""
    cx, cy = int(width_cm * EMU_PER_CM), int(height_cm * EMU_PER_CM)
    descr = quoteattr(clean_text(alt_text))
    title = quoteattr(clean_text(name))
    xml = (f'<w:r><w:drawing><wp:inline xmlns:wp="{WP_NS}" distT="0" distB="0" distL="0" distR="0">'
           f'<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
           f'<wp:docPr id="{shape_id}" name={title} descr={descr}/><wp:cNvGraphicFramePr/>'
           f'<a:graphic xmlns:a="{A_NS}"><a:graphicData uri="{C_NS}">'
           f'<c:chart xmlns:c="{C_NS}" xmlns:r="{R_NS}" r:id="{PLACEHOLDER}"/>'
           f'</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>')
    return Runs(xml, "")


def _str_cache(ref: str, values: list[str]) -> str:
    pts = "".join(f'<c:pt idx="{i}"><c:v>{escape(clean_text(v))}</c:v></c:pt>' for i, v in enumerate(values))
    return f"<c:strRef><c:f>{ref}</c:f><c:strCache><c:ptCount val=\"{len(values)}\"/>{pts}</c:strCache></c:strRef>"


def _num_cache(ref: str, values: list[int]) -> str:
    pts = "".join(f'<c:pt idx="{i}"><c:v>{int(v)}</c:v></c:pt>' for i, v in enumerate(values))
    return (f"<c:numRef><c:f>{ref}</c:f><c:numCache><c:formatCode>General</c:formatCode>"
            f"<c:ptCount val=\"{len(values)}\"/>{pts}</c:numCache></c:numRef>")


def _text_props(font: str, size_pt: float, lang: str) -> str:
    size = int(round(size_pt * 100))
    return (f'<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="{size}" b="0" i="0">'
            f'<a:latin typeface={quoteattr(font)}/><a:cs typeface={quoteattr(font)}/></a:defRPr></a:pPr>'
            f'<a:endParaRPr lang="{LANG_TAGS.get(lang, "en-GB")}"/></a:p></c:txPr>')


def chart_xml(categories: list[str], series: list[tuple[str, list[int]]], colours: tuple[str, ...], lang: str,
              font: str = "Times New Roman", size_pt: float = 10) -> bytes:
    """A clustered horizontal bar chart: one bar group per category (status), one series per
    response (supported, noted), value labels on the bars, the legend below."""
    n = len(categories)
    cols = "BCDEFGH"
    sers = []
    for i, (name, values) in enumerate(series):
        col = cols[i]
        colour = colours[i % len(colours)]
        sers.append(
            f'<c:ser><c:idx val="{i}"/><c:order val="{i}"/><c:tx>{_str_cache(f"Sheet1!${col}$1", [name])}</c:tx>'
            f'<c:spPr><a:solidFill><a:srgbClr val="{colour}"/></a:solidFill></c:spPr>'
            f'<c:invertIfNegative val="0"/>'
            f'<c:dLbls><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr><c:showLegendKey val="0"/>'
            f'<c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/>'
            f'<c:showBubbleSize val="0"/></c:dLbls>'
            f'<c:cat>{_str_cache(f"Sheet1!$A$2:$A${n + 1}", categories)}</c:cat>'
            f'<c:val>{_num_cache(f"Sheet1!${col}$2:${col}${n + 1}", values)}</c:val></c:ser>')
    top = max([v for _, vals in series for v in vals] + [1])
    unit = 1 if top <= 10 else (2 if top <= 20 else (5 if top <= 50 else 10))
    xml = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<c:chartSpace xmlns:c="{C_NS}" xmlns:a="{A_NS}" xmlns:r="{R_NS}">'
        f'<c:date1904 val="0"/><c:lang val="{LANG_TAGS.get(lang, "en-GB")}"/><c:roundedCorners val="0"/>'
        f'<c:chart><c:autoTitleDeleted val="1"/><c:plotArea><c:layout/>'
        f'<c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/><c:varyColors val="0"/>{"".join(sers)}'
        f'<c:gapWidth val="60"/><c:axId val="50010001"/><c:axId val="50010002"/></c:barChart>'
        f'<c:catAx><c:axId val="50010001"/><c:scaling><c:orientation val="maxMin"/></c:scaling><c:delete val="0"/>'
        f'<c:axPos val="l"/><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/>'
        f'<c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="50010002"/>'
        f'<c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/>'
        f'<c:noMultiLvlLbl val="0"/></c:catAx>'
        f'<c:valAx><c:axId val="50010002"/><c:scaling><c:orientation val="minMax"/><c:min val="0"/></c:scaling>'
        f'<c:delete val="0"/><c:axPos val="b"/><c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill>'
        f'<a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>'
        f'<c:numFmt formatCode="0" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/>'
        f'<c:tickLblPos val="nextTo"/><c:crossAx val="50010001"/><c:crosses val="max"/>'
        f'<c:crossBetween val="between"/><c:majorUnit val="{unit}"/></c:valAx>'
        f'</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>'
        f'<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>'
        f'{_text_props(font, size_pt, lang)}</c:chartSpace>')
    return xml.encode("utf-8")


def attach_chart(docx: bytes, chart: bytes, index: int = 1) -> bytes:
    """``docx`` with ``chart`` as ``word/charts/chart<index>.xml``, its relationship from the
    main part and its content type; the placeholder id of :func:`chart_run` now points at it.
    A document without the placeholder (a custom template without the chart) is returned as is."""
    parts = read_parts(docx)
    if not attach_chart_part(parts, chart, index):
        return docx
    return write_package(parts)


def attach_chart_part(parts: dict[str, bytes], chart: bytes, index: int = 1) -> bool:
    """:func:`attach_chart` on the parts of a package still being written (no unzipping and
    zipping again); False, and nothing changed, without the placeholder."""
    main = parts.get("word/document.xml", b"")
    if PLACEHOLDER.encode() not in main:
        return False
    root = parse(main)
    attach_chart_to_body(parts, root, chart, index)
    parts["word/document.xml"] = serialize(root)
    return True


def attach_chart_to_body(parts: dict[str, bytes], body, chart: bytes, index: int = 1) -> bool:
    """The chart part and its relationship added to ``parts`` and the placeholder id of every
    chart run in ``body`` (the rendered body's tree, or the whole document's) pointed at it;
    False, and nothing changed, when ``body`` shows no chart."""
    runs = [el for el in body.iter(f"{{{C_NS}}}chart") if el.get(f"{{{R_NS}}}id") == PLACEHOLDER]
    if not runs:
        return False
    rid = add_part(parts, f"word/charts/chart{index}.xml", chart, CT_CHART, source="word/document.xml",
                   kind=REL_CHART)
    for el in runs:
        el.set(f"{{{R_NS}}}id", str(rid))
    return True
