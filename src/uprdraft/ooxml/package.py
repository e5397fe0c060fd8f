"""Reading a Word package safely: what the file is, where its parts are, bounded reads.

Any file may arrive: a .doc renamed .docx, a PDF, a truncated download, a zip bomb. Every
problem becomes an InputError with code ``not-docx`` (it is not a Word file) or
``unreadable`` (it claims to be one but cannot be read safely), never a traceback.

Safety bounds (:mod:`.limits`, raised through the ``word_files`` rules): the file's size;
every member's declared size and compression ratio, checked when the package is opened
whether or not the member is ever read (a zip bomb in ``word/media`` is refused like one in
the main part); members inflated in chunks and abandoned past the bound (the header can
lie); the size of each parsed XML part and of all of them together. Two members with the
same name make the file unreadable: readers disagree on which one counts.
"""
from __future__ import annotations

import io
import os
import stat
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from ..findings import InputError, error
from .limits import DEFAULT, Limits, over
from .rels import Rel, parse_rels, rels_name

_CHUNK = 1 << 16
_RATIO_FROM = 1_000_000  # small parts compress well for no harm; only big ones can be bombs
VBA_TYPE = "application/vnd.ms-office.vbaProject"

WORD_MAIN_TYPES = ("wordprocessingml.document.main+xml", "wordprocessingml.template.main+xml",
                   "document.macroEnabled.main+xml", "template.macroEnabledTemplate.main+xml")


def _not_docx(name: str, why: str) -> InputError:
    return InputError(error("not-docx", f"not a Word .docx file: {why}", name))


def _unreadable(name: str, why: str) -> InputError:
    return InputError(error("unreadable", f"cannot read this Word file: {why}", name))


@dataclass
class Package:
    name: str  # display name used in locations
    zf: zipfile.ZipFile
    main: str  # part name of the main document, e.g. "word/document.xml"
    limits: Limits = DEFAULT
    main_type: str = ""  # content type of the main part
    _cache: dict = field(default_factory=dict)
    _total: int = 0
    _xml_total: int = 0

    # ----------------------------------------------------------------- raw bytes, bounded
    def has(self, part: str) -> bool:
        return part in self._names()

    def _names(self) -> set[str]:
        if "_names" not in self._cache:
            self._cache["_names"] = {i.filename for i in self.zf.infolist()}
        return self._cache["_names"]

    def read(self, part: str) -> bytes:
        key = ("bytes", part)
        if key in self._cache:
            return self._cache[key]
        try:
            info = self.zf.getinfo(part)
        except KeyError:
            raise _unreadable(self.name, f"part {part} is missing from the package") from None
        lim = self.limits
        buf = bytearray()
        try:
            with self.zf.open(info) as f:
                while True:
                    chunk = f.read(_CHUNK)
                    if not chunk:
                        break
                    buf += chunk
                    # the header can lie about the size: count what actually comes out
                    if len(buf) > lim.max_member_bytes:
                        raise over(self.name, "max_member_bytes", f"part {part} inflates past the bound",
                                   len(buf), lim.max_member_bytes)
                    if self._total + len(buf) > lim.max_total_bytes:
                        raise over(self.name, "max_total_bytes", "the parts read inflate past the bound",
                                   self._total + len(buf), lim.max_total_bytes)
        except (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError, RuntimeError) as e:
            raise _unreadable(self.name, f"part {part} is damaged ({e}); the file may be truncated "
                                         "or encrypted; open and save it again in Word") from None
        except Exception as e:  # zlib.error and friends
            if isinstance(e, InputError):
                raise
            raise _unreadable(self.name, f"part {part} is damaged ({type(e).__name__}: {e})") from None
        self._total += len(buf)
        data = bytes(buf)
        self._cache[key] = data
        return data

    def xml(self, part: str, raw: bool = False, parser=None):
        """The parsed part, cached: transitional namespaces, or as written with ``raw``
        (relationships and content types, whose URIs must not be rewritten); ``parser``: one
        of :mod:`.xml`'s readers of only what a check needs (the bounds apply as ever)."""
        from lxml import etree

        from .xml import UnsafeXML, parse, parse_raw

        key = ("raw" if raw else "xml", part) if parser is None else (parser.__name__, part)
        if key not in self._cache:
            size = self.zf.getinfo(part).file_size if self.has(part) else 0
            lim = self.limits
            if size > lim.max_part_bytes:
                raise over(self.name, "max_part_bytes", f"part {part} expands to more than one part may",
                           size, lim.max_part_bytes)
            if self._xml_total + size > lim.max_xml_bytes:
                raise over(self.name, "max_xml_bytes", "the XML parts to read expand to more than allowed",
                           self._xml_total + size, lim.max_xml_bytes)
            data = self.read(part)
            if len(data) > lim.max_part_bytes:  # the header said less
                raise over(self.name, "max_part_bytes", f"part {part} expands to more than one part may",
                           len(data), lim.max_part_bytes)
            self._xml_total += len(data)
            try:
                self._cache[key] = (parser or (parse_raw if raw else parse))(data)
            except UnsafeXML as e:
                raise _unreadable(self.name, f"part {part} {e}; refused for safety") from None
            except etree.XMLSyntaxError as e:
                raise _unreadable(self.name, f"part {part} is not well-formed XML ({e.msg})") from None
        return self._cache[key]

    # ----------------------------------------------------------------- relationships
    def rels(self, part: str) -> list[Rel]:
        key = ("rels", part)
        if key not in self._cache:
            name = rels_name(part)
            self._cache[key] = parse_rels(self.xml(name, raw=True), part) if self.has(name) else []
        return self._cache[key]

    def parts(self) -> dict[str, bytes]:
        """Every member (folders aside), read within the bounds: the start of an edit."""
        return {name: self.read(name) for name in sorted(self._names()) if not name.endswith("/")}

    def close(self) -> None:
        self.zf.close()

    @property
    def strict(self) -> bool:
        """A Strict Open XML file (its main part declares the Strict namespace)."""
        if "_strict" not in self._cache:
            self._cache["_strict"] = b"purl.oclc.org/ooxml/wordprocessingml" in self.read(self.main)[:4096]
        return self._cache["_strict"]

    def macro_parts(self) -> list[str]:
        """The parts that hold macros (VBA projects and their signatures)."""
        return sorted(n for n in self._names() if n.rsplit("/", 1)[-1].lower().startswith("vba"))

    @property
    def macro_enabled(self) -> bool:
        return "macroEnabled" in self.main_type or bool(self.macro_parts())

    def related(self, part: str, kind: str) -> list[str]:
        """Internal parts of relationship ``kind`` from ``part`` that exist in the package."""
        return [r.target for r in self.rels(part) if r.kind == kind and not r.external and self.has(r.target)]

    def first(self, kind: str) -> str | None:
        found = self.related(self.main, kind)
        return found[0] if found else None


def _sniff(data: bytes, name: str) -> None:
    """Refuse files that are plainly something else, with a message saying what they are."""
    if not data:
        raise _not_docx(name, "the file is empty")
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise _not_docx(name, "this is an old Word 97-2003 .doc file (or a password-protected .docx); "
                              "open it in Word and save it as .docx without a password")
    if data.startswith(b"%PDF"):
        raise _not_docx(name, "this is a PDF; the Secretariat needs the Word file itself")
    if data.startswith(b"{\\rtf"):
        raise _not_docx(name, "this is an RTF file; open it in Word and save it as .docx")
    if not data.startswith(b"PK"):
        raise _not_docx(name, "the file is not a zip package as every .docx is; save it from Word as .docx")


def read_file(path: Path, name: str, limit: int) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes (a FIFO or device would block
    or never end: refused before reading)."""
    try:
        _regular(os.stat(path), name, limit)  # before opening: opening a FIFO blocks until a writer comes
        with open(path, "rb") as f:
            st = os.fstat(f.fileno())
            _regular(st, name, limit)  # the same file still (it may have been replaced meanwhile)
            data = f.read(limit + 1)
    except FileNotFoundError:
        raise InputError(error("unreadable", "no such file; check the name and folder", name)) from None
    except IsADirectoryError:
        raise InputError(error("unreadable", "this is a folder, not a Word file", name)) from None
    except OSError as e:
        raise InputError(error("unreadable", f"cannot read the file ({e.strerror})", name)) from None
    if len(data) > limit:  # it grew while we read it
        raise over(name, "max_file_bytes", "the file is too large", len(data), limit)
    return data


def _regular(st: os.stat_result, name: str, limit: int) -> None:
    if stat.S_ISDIR(st.st_mode):
        raise InputError(error("unreadable", "this is a folder, not a Word file", name))
    if not stat.S_ISREG(st.st_mode):
        raise InputError(error("unreadable", "not a regular file (a pipe, device or socket); give the Word "
                                             "file itself", name))
    if st.st_size > limit:
        raise over(name, "max_file_bytes", "the file is too large", st.st_size, limit)


def _check_members(infos: list, name: str, lim: Limits) -> None:
    """Every member bounded by its header, read or not; no two members with one name."""
    if len(infos) > lim.max_members:
        raise over(name, "max_members", "the package has too many parts", len(infos), lim.max_members, "parts")
    seen: set[str] = set()
    total = 0
    for info in infos:
        key = info.filename.lower()  # part names are case-insensitive (OPC)
        if key in seen:
            raise _unreadable(name, f"the package holds two parts named {info.filename}; programs disagree "
                                    "on which one is the text, so it is refused; save it again from Word")
        seen.add(key)
        size = info.file_size
        if size > lim.max_member_bytes:
            raise over(name, "max_member_bytes", f"part {info.filename} expands to more than one part may",
                       size, lim.max_member_bytes)
        total += size
        if total > lim.max_total_bytes:
            raise over(name, "max_total_bytes", "the parts together expand to more than allowed", total,
                       lim.max_total_bytes)
        if size > _RATIO_FROM and size > lim.max_ratio * max(info.compress_size, 1):
            ratio = size // max(info.compress_size, 1)
            raise over(name, "max_ratio", f"part {info.filename} is compressed {ratio:,} to 1 (a zip bomb?)",
                       ratio, lim.max_ratio, "to 1")


def open_package(source, name: str | None = None, limits: Limits | None = None) -> Package:
    """Open ``source`` (path or bytes) as a Word package, or raise InputError."""
    lim = limits or DEFAULT
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
        name = name or "document.docx"
        if len(data) > lim.max_file_bytes:
            raise over(name, "max_file_bytes", "the file is too large", len(data), lim.max_file_bytes)
    else:
        path = Path(source)
        name = name or str(path)
        data = read_file(path, name, lim.max_file_bytes)
    _sniff(data, name)
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, OSError) as e:
        raise _unreadable(name, f"the zip package is damaged or truncated ({e}); download or save it again") from None
    _check_members(infos, name, lim)
    pkg = Package(name=name, zf=zf, main="", limits=lim)
    if not pkg.has("[Content_Types].xml"):
        raise _not_docx(name, "a zip file without [Content_Types].xml, so not an Office document")
    pkg.main, pkg.main_type = _find_main(pkg)
    return pkg


def _find_main(pkg: Package) -> tuple[str, str]:
    """The main document part: from the package relationships, else the content types."""
    ctypes = pkg.xml("[Content_Types].xml", raw=True)
    overrides = {el.get("PartName", "").lstrip("/"): el.get("ContentType", "")
                 for el in ctypes if isinstance(el.tag, str) and el.tag.endswith("Override")}
    candidates = [r.target for r in pkg.rels("") if r.kind == "main" and not r.external]
    for part in candidates:
        if pkg.has(part):
            ctype = overrides.get(part, "")
            if ctype and not any(t in ctype for t in WORD_MAIN_TYPES) and "wordprocessingml" not in ctype:
                raise _not_docx(pkg.name, f"the package is a {_kind_of(ctype)}, not a Word document")
            return part, ctype
    for part, ctype in overrides.items():
        if any(t in ctype for t in WORD_MAIN_TYPES) and pkg.has(part):
            return part, ctype
    kinds = {_kind_of(c) for c in overrides.values()} - {"other Office part"}
    if kinds:
        raise _not_docx(pkg.name, f"the package is a {min(kinds)}, not a Word document")
    raise _not_docx(pkg.name, "a zip file with no Word document inside")


def _kind_of(ctype: str) -> str:
    if "spreadsheetml" in ctype:
        return "spreadsheet (Excel)"
    if "presentationml" in ctype:
        return "presentation (PowerPoint)"
    if "opendocument" in ctype:
        return "OpenDocument file"
    return "other Office part"


def read_parts(source, name: str | None = None, limits: Limits | None = None) -> dict[str, bytes]:
    """Every part of a Word package (path or bytes), read within the bounds."""
    pkg = open_package(source, name, limits)
    try:
        return pkg.parts()
    finally:
        pkg.close()
