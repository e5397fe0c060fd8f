"""Reading a Word package safely: what the file is, where its parts are, bounded reads.

Any file may arrive: a .doc renamed .docx, a PDF, a truncated download, a zip bomb. Every
problem becomes an InputError with code ``not-docx`` (it is not a Word file) or
``unreadable`` (it claims to be one but cannot be read safely), never a traceback.

Safety bounds: members are inflated in chunks and abandoned past ``MAX_PART_BYTES``; the
whole package past ``MAX_TOTAL_BYTES``; at most ``MAX_MEMBERS`` entries. These are technical
guards (no HRC rule), sized far above any real statement.
"""
from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from ..findings import InputError, error
from .rels import Rel, parse_rels, rels_name

MAX_PART_BYTES = 64 * 1024 * 1024
MAX_TOTAL_BYTES = 256 * 1024 * 1024
MAX_MEMBERS = 5000
_CHUNK = 1 << 16

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
    strict: bool = False
    _cache: dict = field(default_factory=dict)
    _total: int = 0

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
        if info.file_size > MAX_PART_BYTES:
            raise _unreadable(self.name, f"part {part} would inflate to {info.file_size:,} bytes, "
                                         f"over the safety bound of {MAX_PART_BYTES:,}")
        buf = bytearray()
        try:
            with self.zf.open(info) as f:
                while True:
                    chunk = f.read(_CHUNK)
                    if not chunk:
                        break
                    buf += chunk
                    # the header can lie about the size: count what actually comes out
                    if len(buf) > MAX_PART_BYTES or self._total + len(buf) > MAX_TOTAL_BYTES:
                        raise _unreadable(self.name, f"part {part} inflates past the safety bound of "
                                                     f"{MAX_PART_BYTES:,} bytes; refused")
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

    def xml(self, part: str, raw: bool = False):
        """The parsed part, cached: transitional namespaces, or as written with ``raw``
        (relationships and content types, whose URIs must not be rewritten)."""
        from lxml import etree

        from .xml import UnsafeXML, parse, parse_raw

        key = ("raw" if raw else "xml", part)
        if key not in self._cache:
            try:
                self._cache[key] = (parse_raw if raw else parse)(self.read(part))
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


def open_package(source, name: str | None = None) -> Package:
    """Open ``source`` (path or bytes) as a Word package, or raise InputError."""
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
        name = name or "document.docx"
    else:
        path = Path(source)
        name = name or str(path)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            raise InputError(error("unreadable", "no such file; check the name and folder", name)) from None
        except IsADirectoryError:
            raise InputError(error("unreadable", "this is a folder, not a Word file", name)) from None
        except OSError as e:
            raise InputError(error("unreadable", f"cannot read the file ({e.strerror})", name)) from None
    _sniff(data, name)
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, OSError) as e:
        raise _unreadable(name, f"the zip package is damaged or truncated ({e}); download or save it again") from None
    if len(infos) > MAX_MEMBERS:
        raise _unreadable(name, f"the package has {len(infos):,} parts, over the safety bound of {MAX_MEMBERS:,}")
    pkg = Package(name=name, zf=zf, main="")
    if not pkg.has("[Content_Types].xml"):
        raise _not_docx(name, "a zip file without [Content_Types].xml, so not an Office document")
    pkg.main = _find_main(pkg)
    pkg.strict = b"purl.oclc.org/ooxml/wordprocessingml" in pkg.read(pkg.main)[:4096]
    return pkg


def _find_main(pkg: Package) -> str:
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
            return part
    for part, ctype in overrides.items():
        if any(t in ctype for t in WORD_MAIN_TYPES) and pkg.has(part):
            return part
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


def read_parts(source, name: str | None = None) -> dict[str, bytes]:
    """Every part of a Word package (path or bytes), read within the bounds."""
    pkg = open_package(source, name)
    try:
        return pkg.parts()
    finally:
        pkg.close()
