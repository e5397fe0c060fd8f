"""The one renderer of Word files: docxtpl templates + real footnotes + deterministic bytes.

    from uprdraft.render.docx_render import Footnote, Notes, runs, render_template

    notes = Notes()
    ctx = {"title": "Plain text is escaped",            # {{ title }} in the template
           "paragraphs": [runs(["Text", Footnote("A real Word footnote.")], notes)]}  # {{r p }}
    data = render_template("written-statement", "en", ctx, notes=notes,
                           title="...", author="Lead NGO", language="en")

What it guarantees (design.md section 4):
- Jinja autoescape is always on, so ``<``, ``&`` and quotes in user text stay text and can
  never inject Word XML; every string in the context is first cleaned of XML-illegal
  characters (:func:`uprdraft.xmltext.clean_text`: they are stripped).
- Footnotes are real ``w:footnote`` elements in ``word/footnotes.xml`` (created with its
  relationship, content type, separator notes -1/0 and ``footnotePr`` in settings), each
  starting with ``w:footnoteRef``; references are ``w:footnoteReference`` runs in the
  ``FootnoteReference`` character style, the notes in ``FootnoteText``.
- Core properties come from the document (title, author, language) with no dates;
  app.xml carries no stale word counts; the template thumbnail is dropped.
- The package is read, edited (parts, relationships, content types) and zipped through
  :mod:`uprdraft.ooxml`: deterministic bytes (the same input gives the same bytes, also
  across processes), and no string surgery on package XML.

Templates are ``templates/<name>-<lang>.docx`` (or ``<name>.docx``); they ship inside the
wheel as ``uprdraft/templates``. They are the source: their fixed words are literal text in
their language and anyone may restyle them in Word or LibreOffice
(``scripts/build_templates.py`` only bootstraps them). A custom template (``--template
FILE.docx``) is passed as ``template=``; it is user input, read with the checker's bounded,
safe package reader. Values that are rules (fonts, sizes) are applied to the loaded
template by the writer's ``prepare`` hook (:mod:`uprdraft.render.styles`), never taken
from the template.
"""
from __future__ import annotations

import collections
import functools
import hashlib
import io
import re
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..findings import InputError
from ..ooxml import add_part, drop_part, insert_in_order, read_parts, write_package
from ..ooxml.props import SETTINGS_TAIL_ORDER
from ..ooxml.xml import DECLARATION, W_NS, is_strict, parse, serialize, to_transitional, w
from ..xmltext import clean_context, clean_text

CT_FOOTNOTES = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"


def resource_dir(name: str) -> Path:
    """``templates`` or ``schemas``: inside the installed package, else the source tree."""
    here = Path(__file__).resolve().parent.parent
    packaged = here / name
    if packaged.is_dir():
        return packaged
    return here.parent.parent / name


def template_path(name: str, lang: str) -> Path:
    base = resource_dir("templates")
    for candidate in (base / f"{name}-{lang}.docx", base / f"{name}.docx"):
        if candidate.is_file():
            return candidate
    raise InputError(f"no Word template for '{name}' in language '{lang}' under {base}; "
                     "reinstall uprdraft or run scripts/build_templates.py", code="io")


def custom_template_bytes(path: str | Path) -> bytes:
    """A user's Word template, read safely: a .docx, within the package reader's bounds
    (size, parts, no DTD or entities in its XML), repackaged from the parts that were read.
    Anything else is one InputError line (exit 2)."""
    from ..ooxml import open_package

    path = Path(path)
    if path.suffix.lower() != ".docx":
        raise InputError(f"{path}: a template must be a Word .docx file (save it from Word or LibreOffice "
                         "as .docx)", code="io")
    if not path.is_file():
        raise InputError(f"{path}: no such template; check the name and folder", code="io")
    try:
        pkg = open_package(path)
        parts = pkg.parts()
        for name in parts:
            if name.endswith((".xml", ".rels")):
                pkg.xml(name)  # refuses DTDs, entities and malformed XML
    except InputError as e:
        raise InputError(f"{path}: cannot use this template: {e.findings[0].message}",
                         code=e.findings[0].code) from None
    if pkg.main != "word/document.xml":  # python-docx and docxtpl look for the body there only
        raise InputError(f"{path}: cannot use this template: its main part is {pkg.main}, not "
                         "word/document.xml; save it again from Word as .docx", code="io")
    return write_package(parts)


# --------------------------------------------------------------------------- runs and notes
@dataclass(frozen=True)
class Footnote:
    """A footnote to place at this point of a paragraph."""

    text: str


class Notes:
    """Footnotes collected while the context is built, numbered 1, 2, ... in order."""

    def __init__(self) -> None:
        self.texts: list[str] = []

    def add(self, text: str) -> int:
        self.texts.append(clean_text(text))
        return len(self.texts)

    def __len__(self) -> int:
        return len(self.texts)


class Runs:
    """Ready-made, escaped run XML for ``{{r name }}`` (Jinja's ``__html__`` protocol marks
    it safe, so autoescape leaves it alone; every piece of user text in it is escaped)."""

    def __init__(self, xml: str, text: str):
        self.xml = xml
        self.text = text  # the visible text, for word counts and tests

    def __html__(self) -> str:
        return self.xml

    def __str__(self) -> str:
        return self.xml



def escape(text: str) -> str:
    """``&``, ``<`` and ``>`` as entities (what ``xml.sax.saxutils.escape`` does; that module
    would import urllib.request, http and ssl on the way)."""
    return text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")


_T = '<w:t xml:space="preserve">'


def _text_run(text: str) -> str:
    """One run of ``text``: its pieces as ``w:t``, each tab a ``w:tab``, each line break a
    ``w:br``; nothing for no text."""
    if not text:
        return ""
    xml = escape(text)
    if "\t" in xml or "\n" in xml:  # escaped text holds no "<": an empty w:t is one we made
        xml = xml.replace("\t", f"</w:t><w:tab/>{_T}").replace("\n", f"</w:t><w:br/>{_T}")
        return f"<w:r>{_T}{xml}</w:t></w:r>".replace(f"{_T}</w:t>", "")
    return f"<w:r>{_T}{xml}</w:t></w:r>"


def note_reference(note_id: int) -> str:
    return (f'<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
            f'<w:footnoteReference w:id="{note_id}"/></w:r>')


def runs(segments, notes: Notes | None = None) -> Runs:
    """Text segments (str) and :class:`Footnote` objects -> escaped runs for ``{{r ...}}``."""
    if isinstance(segments, list) and len(segments) == 1 and type(segments[0]) is str:  # a table cell
        one = clean_text(segments[0])
        return Runs(_text_run(one), one)
    xml, text = [], []
    for seg in segments:
        if isinstance(seg, Footnote):
            if notes is None:
                raise ValueError("a Footnote needs a Notes collector")
            xml.append(note_reference(notes.add(seg.text)))
        else:
            seg = clean_text(str(seg))
            xml.append(_text_run(seg))
            text.append(seg)
    return Runs("".join(xml), "".join(text))


# --------------------------------------------------------------------------- parts
def _footnotes_xml(notes: Notes) -> bytes:
    sep = ('<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
           'w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>'
           '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" '
           'w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>')
    body = []
    for i, text in enumerate(notes.texts, start=1):
        body.append(
            f'<w:footnote w:id="{i}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
            f'<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>'
            f'{_text_run(" " + text)}</w:p></w:footnote>'
        )
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<w:footnotes xmlns:w="{W_NS}" '
            f'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            f'{sep}{"".join(body)}</w:footnotes>').encode()


def _add_footnotes(parts: dict[str, bytes], notes: Notes) -> None:
    add_part(parts, "word/footnotes.xml", _footnotes_xml(notes), CT_FOOTNOTES,
             source="word/document.xml", kind="footnotes")
    if "word/settings.xml" in parts:
        _declare_separators(parts)


def _declare_separators(parts: dict[str, bytes]) -> None:
    """``w:footnotePr`` naming the separator notes -1 and 0, as Word writes it."""
    data = parts["word/settings.xml"]
    settings = parse(data)  # a Strict template's settings are read and written back as Strict
    if settings.find(w("footnotePr")) is not None:
        return
    pr = settings.makeelement(w("footnotePr"))
    for note_id in ("-1", "0"):
        note = pr.makeelement(w("footnote"))
        note.set(w("id"), note_id)
        pr.append(note)
    # placed before what follows it in the schema; with nothing known after it, left out
    # rather than put behind extension elements Word expects last
    if insert_in_order(settings, pr, SETTINGS_TAIL_ORDER, append=False):
        parts["word/settings.xml"] = serialize(settings, strict=is_strict(data))


_CP = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
_DC, _DCTERMS = "http://purl.org/dc/elements/1.1/", "http://purl.org/dc/terms/"
_CORE_NS = {"cp": _CP, "dc": _DC, "dcterms": _DCTERMS, "dcmitype": "http://purl.org/dc/dcmitype/",
            "xsi": "http://www.w3.org/2001/XMLSchema-instance"}


def _core_xml(title: str, author: str, language: str) -> bytes:
    """Core properties from the document itself, with no dates (they would break determinism)."""
    from lxml import etree

    root = etree.Element(f"{{{_CP}}}coreProperties", nsmap=_CORE_NS)
    for ns, tag, value in ((_DC, "title", clean_text(title)), (_DC, "creator", clean_text(author)),
                           (_CP, "lastModifiedBy", clean_text(author)), (_DC, "language", clean_text(language)),
                           (_CP, "revision", "1")):
        etree.SubElement(root, f"{{{ns}}}{tag}").text = value
    return serialize(root)


_APP_XML = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
            b'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
            b"<Application>uprdraft</Application></Properties>")


def drop_thumbnail(parts: dict[str, bytes]) -> None:
    """python-docx's default template carries a thumbnail and Word 2010 leftovers: drop them."""
    for name in [n for n in parts if n.startswith(("docProps/thumbnail", "customXml/"))] + ["word/stylesWithEffects.xml"]:
        if name in parts:
            drop_part(parts, name)


# --------------------------------------------------------------------------- render
# The templates are prepared once per process: loaded with docxtpl, the ``prepare`` hook
# applied, every story's XML turned into Jinja source by docxtpl's own ``patch_xml`` and
# compiled. A render then only runs the compiled templates and docxtpl's post-processing
# (listing characters, table grid (:mod:`.table_grid`), drawing ids), puts the body's bytes,
# as lxml writes its tree, between those of the rest of the document part (cut once per
# template, :class:`_Frame`), and zips the parts: no package parsing, no Jinja compilation,
# no python-docx save. The bytes are those docxtpl's own render and save give (the same
# serialisation of the same trees); tests/test_render_splice.py holds the two together.

_CACHE_SIZE = 16
_WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
_HEADER = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header"
_FOOTER = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer"
_UNCACHED = object()


def _jinja_env():
    from jinja2 import Environment, StrictUndefined

    return Environment(autoescape=True, undefined=StrictUndefined)


def load_template(name: str, lang: str, template: str | Path | None = None):
    """The docxtpl template: ``template`` (a user's .docx, read safely) or the shipped
    ``templates/<name>-<lang>.docx``."""
    from docxtpl import DocxTemplate

    return DocxTemplate(io.BytesIO(_source_bytes(name, lang, template)))


def _source_bytes(name: str, lang: str, template: str | Path | None) -> bytes:
    if template is not None:
        return custom_template_bytes(template)
    path = template_path(name, lang)
    st = path.stat()
    return _template_bytes(path, st.st_mtime_ns, st.st_size)


@functools.lru_cache(maxsize=32)
def _template_bytes(path: Path, mtime_ns: int = 0, size: int = 0) -> bytes:
    """A shipped template's bytes, read again when the file changes (mtime, size)."""
    return path.read_bytes()


def _is_value(v) -> bool:
    """Whether ``v`` cannot change once made (so a hook closing over it can be keyed by it)."""
    if v is None or isinstance(v, (str, bytes, int, float, bool, complex)):
        return True
    if isinstance(v, (tuple, frozenset)):
        return all(_is_value(x) for x in v)
    config = getattr(type(v), "model_config", None)  # a frozen pydantic model (rules)
    if isinstance(config, dict) and config.get("frozen"):
        return all(_is_value(x) for x in v.__dict__.values())
    return False


def _hook_key(prepare: Callable | None):
    """A key for what ``prepare`` does: its code and the values it closes over. A hook made
    anew for every call (``profile_fonts(profile)``) but from equal values gets the same key;
    a hook we cannot key (a partial, mutable captured state) is never cached."""
    if prepare is None:
        return None
    code = getattr(prepare, "__code__", None)
    if code is None or getattr(prepare, "__kwdefaults__", None):
        return _UNCACHED
    values = tuple(c.cell_contents for c in (prepare.__closure__ or ())) + tuple(prepare.__defaults__ or ())
    if not _is_value(values):
        return _UNCACHED
    return (code, values)


@dataclass
class _Story:
    """One part rendered from Jinja source: the compiled template and how to store it."""

    part: str  # "word/header1.xml"
    template: Any  # jinja2.Template
    encoding: str = "utf-8"
    reparse: bool = True  # headers and footers are parsed and saved again, as python-docx does


@dataclass(frozen=True)
class _Frame:
    """``word/document.xml`` as python-docx saves it, cut where the body goes: the rendered
    body is put between ``head`` and ``tail`` as text, where moving its tree into the
    document's tree cost lxml seconds for a big table (a tree moved between documents is
    walked node by node). The bytes are those of the move: see :func:`_body_bytes`."""

    head: bytes
    tail: bytes
    namespaces: tuple[tuple[str | None, str], ...]  # the document element's declarations


@dataclass
class _Compiled:
    """A template ready to render: its prepared parts, its compiled stories and docxtpl's
    post-processing helpers."""

    parts: dict[str, bytes]  # the prepared template as python-docx saves it
    body: Any  # jinja2.Template of the document body
    stories: list[_Story]
    tpl: Any  # the DocxTemplate that prepared it (pure helper: resolve_listing)
    frame: _Frame | None = None  # the main part around its body, when it can be spliced


_compiled: collections.OrderedDict = collections.OrderedDict()
_compiled_lock = threading.Lock()


def _compile(data: bytes, prepare: Callable | None) -> _Compiled:
    from docxtpl import DocxTemplate
    from jinja2 import TemplateSyntaxError

    tpl = DocxTemplate(io.BytesIO(data))
    tpl.init_docx()
    if prepare is not None:
        prepare(tpl.docx)
    env = _jinja_env()

    def compile_xml(xml: str):
        # docxtpl starts each paragraph on a line of its own and joins the lines again after
        # rendering: that only numbers the lines of a syntax error, and joining them again
        # meant one more copy of a big document; compiled as it is, and again, line by line,
        # only to report an error
        source = tpl.patch_xml(xml)
        try:
            return env.from_string(source)
        except TemplateSyntaxError:
            env.from_string(re.sub(r"<w:p([ >])", r"\n<w:p\1", source))
            raise

    body = compile_xml(tpl.get_xml())
    stories = []
    for uri in (_HEADER, _FOOTER):
        for _, part in tpl.get_headers_footers(uri):
            xml = tpl.get_part_xml(part)
            stories.append(_Story(str(part.partname).lstrip("/"), compile_xml(xml),
                                  tpl.get_headers_footers_encoding(xml)))
    for part in tpl.docx.part.package.parts:
        if part.content_type == CT_FOOTNOTES and tpl.docx.sections:
            blob = part.blob.decode("utf-8") if isinstance(part.blob, bytes) else part.blob
            stories.append(_Story(str(part.partname).lstrip("/"), compile_xml(blob), reparse=False))
    buf = io.BytesIO()
    tpl.docx.save(buf)
    tpl.docx = None  # the helpers kept need no document: do not keep one per cached template
    parts = read_parts(buf.getvalue(), "template.docx")
    return _Compiled(parts, body, stories, tpl, _frame(parts["word/document.xml"]))


_BODY_MARK = b"<!--uprdraft body-->"


def _frame(document: bytes) -> _Frame | None:
    """The document part cut around its body, or None when it cannot be cut cleanly (then
    the body's tree is moved into the document's, as docxtpl does)."""
    from lxml import etree

    root = etree.fromstring(document, _oxml_parser())
    body = root.find(w("body"))
    if body is None or body.tail or len(root.nsmap) != len(set(root.nsmap.values())):
        return None
    root.replace(body, etree.Comment(_BODY_MARK[4:-3].decode()))
    data = etree.tostring(root, encoding="UTF-8", standalone=True)
    if data.count(_BODY_MARK) != 1:
        return None
    head, tail = data.split(_BODY_MARK)
    return _Frame(head, tail, tuple(root.nsmap.items()))


def compiled_template(data: bytes, prepare: Callable | None = None) -> _Compiled:
    """The template ``data`` prepared by ``prepare`` and compiled, made once per process for
    each (template bytes, hook) and kept in a small LRU cache."""
    hook = _hook_key(prepare)
    if hook is _UNCACHED:
        return _compile(data, prepare)
    key = (hashlib.blake2b(data, digest_size=20).digest(), hook)
    with _compiled_lock:
        found = _compiled.get(key)
        if found is not None:
            _compiled.move_to_end(key)
            return found
    made = _compile(data, prepare)
    with _compiled_lock:
        _compiled[key] = made
        while len(_compiled) > _CACHE_SIZE:
            _compiled.popitem(last=False)
    return made


def _oxml_parser():
    """python-docx's own part parser settings (blank text dropped, no entities)."""
    from lxml import etree

    return etree.XMLParser(remove_blank_text=True, resolve_entities=False)


def _render_story(compiled: _Compiled, template, context: dict, budget: _Budget | None = None) -> str:
    """docxtpl's ``render_xml_part`` with the template already compiled."""
    xml = template.render(context) if budget is None else budget.render(template, context)
    xml = xml.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%").replace("%_}", "%}")
    if "\t" in xml or "\n" in xml or "\a" in xml or "\f" in xml:  # else it would change nothing
        xml = compiled.tpl.resolve_listing(xml)
    return xml


@dataclass
class _Body:
    """The rendered body, a tree of its own until it is written into the document part."""

    tree: Any
    prefixes: list[str] | None  # see _declared_prefixes


class _Budget:
    """Characters of body text a render may still make (``rules.limits.document_mb``)."""

    def __init__(self, max_mb: int | None) -> None:
        self.max_mb = max_mb
        self.left = max_mb * 1_000_000 if max_mb is not None else None

    def spend(self, chunk: str) -> None:
        if self.left is None:
            return
        self.left -= len(chunk)
        if self.left < 0:
            mb = self.max_mb or 0
            raise InputError(f"the document would hold more than {mb} MB of text (limits.document_mb), "
                             "thousands of pages; split the input into several documents, or raise the limit in "
                             f"a rules file (limits: {{document_mb: {mb * 2}}}) given with --rules",
                             code="document-too-big")

    def render(self, template, context: dict) -> str:
        """The whole text of ``template``, stopped as soon as it is over the budget."""
        chunks = []
        for chunk in _chunks(template, context):
            self.spend(chunk)
            chunks.append(chunk)
        return "".join(chunks)


def _render_parts(compiled: _Compiled, context: dict, budget: _Budget) -> tuple[dict[str, bytes], _Body]:
    """Every story rendered: the parts (the document part still the template's) and the body."""
    from lxml import etree

    from .table_grid import fix_tables

    parts = dict(compiled.parts)
    streamed = _stream_body(compiled.body, context, budget)
    if streamed is not None:
        tree, prefixes = streamed
    else:  # what docxtpl does, on the whole text
        # rendered again from the start: a budget of its own
        xml = _render_story(compiled, compiled.body, context, _Budget(budget.max_mb))
        prefixes = _declared_prefixes(xml)
        tree = fix_tables(xml)
        del xml
    for i, pr in enumerate(tree.iter(f"{{{_WP_NS}}}docPr"), start=1001):  # docxtpl's fix_docpr_ids
        pr.attrib["id"] = str(i)
    for story in compiled.stories:
        xml = _render_story(compiled, story.template, context)
        data = xml.encode(story.encoding)
        if story.reparse:
            data = etree.tostring(etree.fromstring(data, _oxml_parser()), encoding="UTF-8", standalone=True)
        parts[story.part] = data
    return parts, _Body(tree, prefixes)


_PIECES = 4096  # Jinja's pieces joined at a time: a few hundred kilobytes of text
_ESCAPED = ("{_{", "}_}", "{_%", "%_}")  # docxtpl's escaped tags, undone in the text
_LISTING = ("\t", "\n", "\a", "\f")  # what docxtpl's resolve_listing would change


def _chunks(template, context: dict) -> Iterator[str]:
    """Jinja's text of ``template`` in chunks of ``_PIECES`` pieces (a few hundred kilobytes)."""
    from itertools import islice

    pieces = template.generate(context)
    while batch := list(islice(pieces, _PIECES)):  # a piece may be empty: the end is no batch
        yield "".join(batch)


def _stream_body(template, context: dict, budget: _Budget | None = None):
    """(tree, prefixes) of the body, parsed as Jinja makes its text, a few hundred kilobytes
    at a time: the whole text (tens of megabytes for a big plan, and more for Jinja's list of
    its pieces) is never held beside the tree. None where the text needs what only the whole
    text gets (escaped tags, listing characters) or where the lenient parser met anything to
    mend (it might mend a text given in pieces differently): the caller then renders and
    parses it whole, as before."""
    from .table_grid import body_parser, fix_grids

    budget = budget or _Budget(None)
    parser = body_parser()
    prefixes = _Prefixes()
    before = ""  # the end of the previous chunk: an escaped tag may straddle two
    for chunk in _chunks(template, context):
        seam = before + chunk
        if any(tag in seam for tag in _ESCAPED) or any(c in chunk for c in _LISTING):
            return None
        budget.spend(chunk)
        prefixes.feed(chunk)
        try:
            parser.feed(chunk)
        except Exception:  # the lenient parser gave up: the whole text's parser says why
            return None
        before = chunk[-2:]
    try:
        tree = parser.close()
    except Exception:  # nothing to parse: the whole text's parser says why
        return None
    if len(parser.error_log) or tree is None:
        return None
    return fix_grids(tree), prefixes.found()


class _Prefixes:
    """:func:`_declared_prefixes` of a text given in chunks; a declaration cut by the end of
    a chunk is read again with the next one."""

    _OPEN = re.compile(r"xmlns(?::[^\s=/>]*)?\s*\Z")  # a declaration the chunk's end may have cut

    def __init__(self) -> None:
        self.prefixes: set[str] = set()
        self.default = False
        self.left = ""

    def feed(self, chunk: str) -> None:
        text, self.left = self.left + chunk, ""
        at = text.find("xmlns")
        while at != -1:
            found = _NS_DECLARATION.match(text, at)
            if found is None and self._OPEN.match(text, at):
                self.left = text[at:]
                return
            if found is not None:
                if found.group(1) is None:
                    self.default = True
                else:
                    self.prefixes.add(found.group(1))
            at = text.find("xmlns", at + 5)
        self.left = text[-4:]  # the start of an "xmlns"

    def found(self) -> list[str] | None:
        """What :func:`_declared_prefixes` gives for the whole text (what is left over is no
        whole declaration)."""
        return None if self.default else sorted(self.prefixes)


def _write_body(compiled: _Compiled, parts: dict[str, bytes], body: _Body) -> None:
    """The document part with the rendered body in it; the body's tree is let go (it is the
    biggest thing held) before its bytes are copied into the part."""
    from lxml import etree

    tree, body.tree = body.tree, None
    got = _body_bytes(compiled.frame, tree, body.prefixes)
    if got is None or compiled.frame is None:
        root = etree.fromstring(parts["word/document.xml"], _oxml_parser())
        root.replace(root.find(w("body")), tree)
        parts["word/document.xml"] = etree.tostring(root, encoding="UTF-8", standalone=True)
        return
    del tree
    start, rest = got
    parts["word/document.xml"] = b"".join((compiled.frame.head, start, *rest, compiled.frame.tail))


_NS_DECLARATION = re.compile(r"xmlns(?::([^\s=/>]+))?\s*=")
_BODY_NS = re.compile(rb' xmlns(?::[^\s="<>/]+)?="[^"<>]*"')


def _declared_prefixes(xml: str) -> list[str] | None:
    """Every prefix the rendered ``xml`` may declare (more is harmless), or None when it may
    declare a default namespace. The few places that say "xmlns" are looked at, not the text."""
    prefixes = set()
    at = xml.find("xmlns")
    while at != -1:
        found = _NS_DECLARATION.match(xml, at)
        if found is not None:
            if found.group(1) is None:
                return None
            prefixes.add(found.group(1))
        at = xml.find("xmlns", at + 5)
    return sorted(prefixes)


class _Pieces(list):
    """A file for lxml to write to: the pieces it writes, kept as they come (``tostring``
    grows one buffer by doubling, which for a big body cost more memory than the text)."""

    write = list.append


def _body_bytes(frame: _Frame | None, body, prefixes: list[str] | None) -> tuple[bytes, list[bytes]] | None:
    """``body`` (the rendered body element, a tree of its own) as it reads inside the document
    part: its start tag, and the pieces of its bytes after it (to go between the frame's head
    and tail); None where that would not give the bytes lxml's move of the tree does.

    The move drops each namespace declaration in the moved tree whose namespace is already
    declared above it in the document. When the body declares exactly what the document
    element declares (docxtpl writes the body out with every declaration in scope), lxml's
    own namespace clean-up within the body's tree drops the same declarations below the
    body (a chart's, say), in a few milliseconds; ``prefixes`` keeps it from dropping
    the unused ones the move keeps. The body's own declarations are then cut from its
    start tag."""
    from lxml import etree

    if frame is None or prefixes is None or len(body.attrib):
        return None
    if set(body.nsmap.items()) != set(frame.namespaces) or len(body.nsmap) != len(frame.namespaces):
        return None
    etree.cleanup_namespaces(body, top_nsmap=dict(frame.namespaces), keep_ns_prefixes=prefixes)
    pieces = _Pieces()
    etree.ElementTree(body).write(pieces, encoding="UTF-8")  # the bytes of tostring(body)
    first = 0  # the pieces up to the end of the start tag: lxml writes ">" in a value as "&gt;"
    while b">" not in pieces[first]:
        first += 1
    head = b"".join(pieces[:first + 1])
    end = head.index(b">") + 1
    start = _BODY_NS.sub(b"", head[:end])
    if b"xmlns" in start:
        return None
    return start, [head[end:], *pieces[first + 1:]]


def render_template(name: str, lang: str, context: dict, *, template: str | Path | None = None,
                    prepare: Callable | None = None, notes: Notes | None = None,
                    title: str = "", author: str = "", language: str | None = None,
                    finish: Callable[[dict[str, bytes], Any], bool] | None = None,
                    max_mb: int | None = None) -> bytes:
    """Render ``templates/<name>-<lang>.docx`` (or ``template``, a user's .docx) with
    ``context``; return the .docx bytes.

    ``prepare(document)`` receives the loaded template (a python-docx ``Document``) before
    rendering: writers apply the rules' fonts and sizes there. The prepared, compiled
    template is kept for the next render with equal template bytes and an equal hook (its
    code and the values it closes over), so a hook must depend on nothing else.
    ``finish(parts, body)`` may add parts last and edit ``body``, the rendered body's tree,
    before the document part is written and zipped (a chart: its part, and its id in the
    body); it says whether it edited the body. ``max_mb`` (``rules.limits.document_mb``)
    bounds the body's text: past it the render stops with ``document-too-big``, before the
    memory of a tree that size is taken.
    """
    from jinja2 import TemplateError

    try:
        compiled = compiled_template(_source_bytes(name, lang, template), prepare)
        parts, body = _render_parts(compiled, clean_context(context), _Budget(max_mb))
    except TemplateError as e:
        if template is None:
            raise
        raise InputError(f"{template}: the template does not render: {e} (check its {{{{ ... }}}} "
                         "and {% ... %} tags against the shipped template)", code="io") from None
    if notes is not None and len(notes):
        _add_footnotes(parts, notes)
    parts["docProps/core.xml"] = _core_xml(title, author, language or lang)
    if "docProps/app.xml" in parts:
        parts["docProps/app.xml"] = _APP_XML
    drop_thumbnail(parts)
    edited = finish is not None and finish(parts, body.tree)
    _write_body(compiled, parts, body)
    if edited:
        # a finished body was once parsed and saved again through ooxml.xml: the same bytes
        # but for the declaration's quotes (and Strict names read as Transitional)
        document = parts["word/document.xml"]
        parts["word/document.xml"] = to_transitional(DECLARATION + document[document.index(b"\n") + 1:])
    return write_package(parts)
