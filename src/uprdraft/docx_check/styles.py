"""Effective run formatting: docDefaults, table styles, style chains, direct formatting, theme.

What python-docx cannot tell (design.md section 4): bold from a style's basedOn parent, the
theme font behind ``asciiTheme``, a table style's first-row part. We resolve it on the XML.

A *layer* maps a property key to ``(value, origin)``, origin saying in plain words where the
value came from ("paragraph style 'Heading 1'", "the theme (minorHAnsi) via document
defaults"). Keys: ``ascii hAnsi eastAsia cs`` (font per slot), ``sz szCs`` (points),
``b bCs i iCs vanish rtl csflag`` (booleans), ``u vertAlign`` (strings), ``color`` (the
theme colour's name or the RGB value, "auto" for automatic).

Order (later wins): document defaults -> table style (whole table, bands, first/last
column, first/last row, corner cells) -> paragraph style chain -> character style chain ->
direct formatting. Bold and italic are toggle properties, read two ways (see
:meth:`Formatter.resolve`); a run is flagged when either reading turns them on.
"""
from __future__ import annotations

from ..ooxml.xml import A_NS, w

SLOTS = ("ascii", "hAnsi", "eastAsia", "cs")
TOGGLES = ("b", "bCs", "i", "iCs")
_BOOL_TAGS = {w("b"): "b", w("bCs"): "bCs", w("i"): "i", w("iCs"): "iCs", w("vanish"): "vanish",
              w("rtl"): "rtl", w("cs"): "csflag"}
_FALSE = {"0", "false", "off"}
_RFONTS = w("rFonts")
_SZ, _SZCS, _U, _VA, _RSTYLE = w("sz"), w("szCs"), w("u"), w("vertAlign"), w("rStyle")
_COLOR, _THEME_COLOR = w("color"), w("themeColor")
_MAX_KEYED = 16  # real rPr have a handful of children; longer ones are resolved unkeyed (memory)
_MAX_CACHED = 4096
_THEME_ATTR = {"ascii": w("asciiTheme"), "hAnsi": w("hAnsiTheme"), "eastAsia": w("eastAsiaTheme"), "cs": w("cstheme")}
_PLAIN_ATTR = {s: w(s) for s in SLOTS}
_VAL = w("val")
_UNITS = {"pt": 1.0, "in": 72.0, "cm": 72 / 2.54, "mm": 72 / 25.4, "pc": 12.0, "pi": 12.0}

# Conditional table formatting, lowest priority first (ISO/IEC 29500-1, 17.7.6).
COND_ORDER = ("wholeTable", "band1Vert", "band2Vert", "band1Horz", "band2Horz", "firstCol", "lastCol",
              "firstRow", "lastRow", "neCell", "nwCell", "seCell", "swCell")


def half_points(val: str | None) -> float | None:
    """``w:sz`` value in points: half-points, or a Strict universal measure like ``10pt``."""
    if not val:
        return None
    try:
        return int(val) / 2
    except ValueError:
        pass
    for unit, factor in _UNITS.items():
        if val.endswith(unit):
            try:
                return float(val[: -len(unit)]) * factor
            except ValueError:
                return None
    return None


def on(el) -> bool:
    return el.get(_VAL, "1").lower() not in _FALSE


class Theme:
    """Theme fonts (theme1.xml): major/minor x latin/ea/cs typefaces."""

    def __init__(self, root=None):
        self.fonts: dict[str, str | None] = {}
        if root is None:
            return
        tag = f"{{{A_NS}}}fontScheme"
        scheme = root if root.tag == tag else root.find(f".//{tag}")  # the scheme alone, or a whole theme
        if scheme is None:
            return
        for kind in ("major", "minor"):
            font = scheme.find(f"{{{A_NS}}}{kind}Font")
            if font is None:
                continue
            for script, slots in (("latin", ("Ascii", "HAnsi")), ("ea", ("EastAsia",)), ("cs", ("Bidi",))):
                el = font.find(f"{{{A_NS}}}{script}")
                face = el.get("typeface") if el is not None else None
                for s in slots:
                    self.fonts[kind + s] = face or None

    def font(self, ref: str) -> str | None:
        return self.fonts.get(ref)


def parse_rpr(rpr, origin: str, theme: Theme) -> dict:
    """One ``w:rPr`` (or style rPr) as a layer. ``w:rPrChange`` (old formatting) is ignored."""
    layer: dict = {}
    if rpr is None:
        return layer
    for el in rpr:
        tag = el.tag
        key = _BOOL_TAGS.get(tag)
        if key:
            layer[key] = (on(el), origin)
        elif tag == _RFONTS:
            for slot in SLOTS:
                ref = el.get(_THEME_ATTR[slot])
                if ref:  # the theme attribute wins over the plain one
                    face = theme.font(ref)
                    layer[slot] = (face, f"the theme ({ref}) via {origin}")
                else:
                    name = el.get(_PLAIN_ATTR[slot])
                    if name:
                        layer[slot] = (name, origin)
        elif tag == _SZ:
            pt = half_points(el.get(_VAL))
            if pt is not None:
                layer["sz"] = (pt, origin)
        elif tag == _SZCS:
            pt = half_points(el.get(_VAL))
            if pt is not None:
                layer["szCs"] = (pt, origin)
        elif tag == _U:
            layer["u"] = (el.get(_VAL, "single"), origin)
        elif tag == _VA:
            layer["vertAlign"] = (el.get(_VAL, "baseline"), origin)
        elif tag == _COLOR:  # the theme colour wins over the RGB value kept beside it
            layer["color"] = (el.get(_THEME_COLOR) or el.get(_VAL) or "auto", origin)
    return layer


class Style:
    __slots__ = ("id", "type", "name", "based_on", "rpr", "cond", "default")

    def __init__(self, el, theme: Theme):
        self.id = el.get(w("styleId"), "")
        self.type = el.get(w("type"), "paragraph")
        name_el = el.find(w("name"))
        self.name = name_el.get(_VAL) if name_el is not None else self.id
        based = el.find(w("basedOn"))
        self.based_on = based.get(_VAL) if based is not None else None
        self.default = on_attr(el.get(w("default")))
        label = {"paragraph": "paragraph style", "character": "character style", "table": "table style"}.get(
            self.type, "style")
        origin = f"{label} '{self.name}'"
        self.rpr = parse_rpr(el.find(w("rPr")), origin, theme)
        self.cond: dict[str, dict] = {}
        for part in el.findall(w("tblStylePr")):
            kind = part.get(w("type"), "")
            self.cond[kind] = parse_rpr(part.find(w("rPr")), f"{origin} ({kind} part)", theme)


def on_attr(val: str | None) -> bool:
    return val is not None and val.lower() not in _FALSE


class _Styles(dict):
    """Style id -> :class:`Style`, each parsed on first use: a file defines hundreds of
    styles (Word's latent ones included) and its text uses a handful."""

    def __init__(self, elements: dict, theme: Theme):
        super().__init__()
        self.elements = elements
        self.theme = theme

    def __contains__(self, sid) -> bool:
        return sid in self.elements

    def get(self, sid, default=None):
        return self[sid] if sid in self.elements else default

    def __missing__(self, sid):
        st = self[sid] = Style(self.elements[sid], self.theme)
        return st


class Formatter:
    """Resolves the effective formatting of runs in one package (caches per style combination)."""

    MAX_CHAIN = 32  # basedOn chains are short; this only stops loops

    def __init__(self, styles_root=None, theme_root=None):
        self.theme = Theme(theme_root)
        elements: dict = {}
        self.defaults: dict = {}
        self.default_style: dict[str, str] = {}
        if styles_root is not None:
            dd = styles_root.find(w("docDefaults"))
            if dd is not None:
                self.defaults = parse_rpr(dd.find(f"{w('rPrDefault')}/{w('rPr')}"), "document defaults", self.theme)
            sid_attr, default_attr, type_attr = w("styleId"), w("default"), w("type")
            for el in styles_root.iter(w("style")):
                sid = el.get(sid_attr, "")
                elements.setdefault(sid, el)
                if on_attr(el.get(default_attr)):
                    kind = el.get(type_attr, "paragraph")
                    if kind not in self.default_style:
                        self.default_style[kind] = sid
        self.styles = _Styles(elements, self.theme)
        self._chains: dict[str, dict] = {}
        self._conds: dict[str, dict[str, dict]] = {}
        self._base: dict = {}
        self._direct: dict = {}  # (base key, rPr children) -> resolved: runs repeat a few rPr

    # ------------------------------------------------------------------ style chains
    def _ancestry(self, style_id: str) -> list:
        """The style and its basedOn ancestors, nearest first (cycles and runaway depth cut)."""
        seen: set[str] = set()
        order: list = []
        sid: str | None = style_id
        while sid and sid in self.styles and sid not in seen and len(order) < self.MAX_CHAIN:
            seen.add(sid)
            order.append(self.styles[sid])
            sid = self.styles[sid].based_on
        return order

    def chain(self, style_id: str | None) -> dict:
        """A style's rPr with its basedOn ancestors (the nearer style wins)."""
        if not style_id or style_id not in self.styles:
            return {}
        if style_id in self._chains:
            return self._chains[style_id]
        order = self._ancestry(style_id)
        merged: dict = {}
        for st in reversed(order):
            merged.update(st.rpr)
        self._chains[style_id] = merged
        return merged

    def table_conds(self, style_id: str | None) -> dict[str, dict]:
        """A table style's conditional parts with its ancestors' (``wholeTable`` = its own rPr)."""
        if not style_id or style_id not in self.styles:
            return {}
        if style_id in self._conds:
            return self._conds[style_id]
        order = self._ancestry(style_id)
        conds: dict[str, dict] = {}
        for st in reversed(order):
            conds.setdefault("wholeTable", {}).update(st.rpr)
            for kind, layer in st.cond.items():
                conds.setdefault(kind, {}).update(layer)
        self._conds[style_id] = conds
        return conds

    def style_name(self, style_id: str | None) -> str | None:
        st = self.styles.get(style_id or "")
        return st.name if st else style_id

    # ------------------------------------------------------------------ resolution
    def base(self, pstyle: str | None, rstyle: str | None, table: tuple | None):
        """Everything but direct formatting, as (override reading, toggle reading)."""
        key = (pstyle, rstyle, table)
        hit = self._base.get(key)
        if hit is not None:
            return hit
        if pstyle is None:
            pstyle = self.default_style.get("paragraph")
        if rstyle is None:
            rstyle = self.default_style.get("character")
        table_layer: dict = {}
        if table is not None:
            tstyle, kinds = table
            conds = self.table_conds(tstyle or self.default_style.get("table"))
            for kind in COND_ORDER:
                if kind in kinds or kind == "wholeTable":
                    table_layer.update(conds.get(kind, {}))
        levels = [table_layer, self.chain(pstyle), self.chain(rstyle)]
        merged = dict(self.defaults)
        for layer in levels:
            merged.update(layer)
        # Toggle reading (ISO 29500 17.7.3): each style level that turns a toggle on flips it.
        toggled = {}
        for key_ in TOGGLES:
            val, origin = self.defaults.get(key_, (False, None))
            for layer in levels:
                if key_ in layer and layer[key_][0]:
                    val, origin = (not val), layer[key_][1]
            toggled[key_] = (val, origin)
        hit = (merged, toggled)
        self._base[key] = hit
        return hit

    def resolve(self, pstyle: str | None, rpr, table: tuple | None = None):
        """Effective formatting of one run: ``(props, toggled)``.

        ``props`` is the override reading (LibreOffice-like: the nearest level wins);
        ``toggled`` gives b/bCs/i/iCs by the spec's toggle reading. Direct formatting is
        absolute in both.
        """
        n = len(rpr) if rpr is not None else 0
        if n == 0:
            return self.base(pstyle, None, table)
        if n > _MAX_KEYED:  # resolved without keeping a key: a cache of long keys would grow large
            rs = rpr.find(_RSTYLE)
            merged, toggled = self.base(pstyle, rs.get(_VAL) if rs is not None else None, table)
            return self._apply(merged, toggled, rpr)
        # the children as plain tuples: cheaper than serialising, which would also copy every
        # namespace declaration of the document into the key
        key = (pstyle, table, tuple([(c.tag, *c.items()) for c in rpr]))
        hit = self._direct.get(key)
        if hit is None:
            rs = rpr.find(_RSTYLE)
            merged, toggled = self.base(pstyle, rs.get(_VAL) if rs is not None else None, table)
            hit = self._apply(merged, toggled, rpr)
            if len(self._direct) < _MAX_CACHED:  # a real file has a few hundred; a hostile one, any number
                self._direct[key] = hit
        return hit

    def _apply(self, merged: dict, toggled: dict, rpr):
        direct = parse_rpr(rpr, "direct formatting", self.theme)
        if not direct:
            return merged, toggled
        props = dict(merged)
        props.update(direct)
        if any(k in direct for k in TOGGLES):
            toggled = dict(toggled)
            for k in TOGGLES:
                if k in direct:
                    toggled[k] = direct[k]
        return props, toggled
