"""Deciding the text encoding of a CSV export on evidence, never garbling silently.

Recommendation exports come from Windows (cp1252), old Macs (Mac Roman: the UPR Info
database), Excel (UTF-16, UTF-8 with BOM) and everything else (UTF-8). We decide between
these five, in this order:

1. a byte-order mark: UTF-8 with BOM, UTF-16 LE/BE;
2. NUL bytes in every other position: UTF-16 without BOM;
3. the bytes decode as UTF-8: UTF-8 (multi-byte UTF-8 sequences practically never occur
   by accident in cp1252 or Mac Roman text);
4. otherwise cp1252 against Mac Roman. Both decode almost any byte, so we score each
   decoding by how plausible its non-ASCII characters are *in context*: a lowercase letter
   inside a lowercase word ("Côte"), an uppercase letter at a word start, a quote or dash
   at a word edge, are plausible; an uppercase letter inside a lowercase word ("CŽte",
   "rÈgion"), a symbol ("‡", "∑", "™") or a control character are not. Bytes undefined in
   cp1252 (0x81 0x8D 0x8F 0x90 0x9D) rule cp1252 out. When the two scores are close the
   result says so (``ambiguous``) so that the caller can warn and suggest ``--encoding``.

Pure ASCII is reported as ``ascii`` (read as UTF-8).
"""
from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

#: The encodings we decide between (``--encoding`` accepts any Python codec name).
CANDIDATES = ("utf-8", "utf-8-sig", "utf-16", "cp1252", "mac_roman")


@dataclass(frozen=True)
class Detected:
    encoding: str  # Python codec name used to decode
    reason: str  # one plain-words sentence: the evidence
    ambiguous: bool = False


def detect(data: bytes, margin: int | None = None, *, rules=None) -> Detected:
    """Decide the encoding of ``data`` (see the module docstring for the evidence used).

    ``margin``: cp1252 and Mac Roman scores closer than this are reported as ambiguous
    (default: ``rules.importing.encoding_margin`` of ``rules``, see :func:`uprdraft.rules.resolve`).
    """
    if data.startswith(codecs.BOM_UTF8):
        return Detected("utf-8-sig", "the file starts with a UTF-8 byte-order mark")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return Detected("utf-16", "the file starts with a UTF-16 byte-order mark")
    head = data[:4096]
    if len(head) >= 4:
        even_nuls = head[0::2].count(0)
        odd_nuls = head[1::2].count(0)
        half = len(head) // 2
        if odd_nuls > 0.3 * half and even_nuls < 0.05 * half:
            return Detected("utf-16-le", "every other byte is NUL (UTF-16 little-endian without byte-order mark)")
        if even_nuls > 0.3 * half and odd_nuls < 0.05 * half:
            return Detected("utf-16-be", "every other byte is NUL (UTF-16 big-endian without byte-order mark)")
    if data.isascii():
        return Detected("ascii", "the file is plain ASCII")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return Detected("utf-8", "the file decodes as UTF-8")
    if margin is None:
        from .rules import resolve

        margin = resolve(rules).importing.encoding_margin
    return _cp1252_or_mac_roman(data, margin)


_HIGH = bytes(0 if i < 0x80 else 1 for i in range(256))
_CP1252_UNDEFINED = re.compile(rb"[\x81\x8d\x8f\x90\x9d]")
MAX_RUNS = 10_000  # enough evidence; keeps huge files fast


def _cp1252_or_mac_roman(data: bytes, margin: int) -> Detected:
    # only the non-ASCII runs and one neighbour each side matter: score those windows
    windows: list[bytes] = []
    marks = data.translate(_HIGH)  # 1 for a byte >= 0x80: the runs are found by C-speed find()
    find = marks.find
    pos = find(1)
    end = 0
    while pos >= 0 and len(windows) < MAX_RUNS:
        end = find(0, pos)
        if end < 0:
            end = len(data)
        windows.append(data[max(pos - 1, 0): end + 1])
        pos = find(1, end)
    sample = b" ".join(windows)
    # the first byte undefined in cp1252 (all >= 0x80): in the windows, else past them
    undef = _CP1252_UNDEFINED.search(sample)
    undefined = undef.group()[0] if undef else None
    if undefined is None and pos >= 0:  # more runs than windows: look at the rest of the file
        rest = _CP1252_UNDEFINED.search(data, end)
        undefined = rest.group()[0] if rest else None
    mac = _plausibility(sample.decode("mac_roman"))
    if undefined is not None:
        return Detected("mac_roman", f"byte 0x{undefined:02X} does not exist in Windows-1252; "
                                     f"Mac Roman reads it as a letter (score {mac:+d})")
    cp = _plausibility(sample.decode("cp1252"))
    why = (f"accented letters that fit their words: Mac Roman scores {mac:+d}, Windows-1252 {cp:+d}")
    if mac > cp:
        return Detected("mac_roman", why, ambiguous=mac - cp < margin)
    return Detected("cp1252", why, ambiguous=cp - mac < margin)


_PUNCT_OK = set("‘’“”«»‹›–—…•°€£¡¿·")


def _plausibility(text: str) -> int:
    """Score the non-ASCII characters of ``text`` by how well each fits its neighbours."""
    score = 0
    n = len(text)
    for i, ch in enumerate(text):
        if ch < "\x80":
            continue
        prev = text[i - 1] if i else " "
        nxt = text[i + 1] if i + 1 < n else " "
        cat = unicodedata.category(ch)
        if cat == "Ll":
            # inside a word; a lone letter (French "à") is neutral
            score += 1 if (prev.isalpha() or nxt.isalpha()) else 0
        elif cat == "Lu":
            # a capital after a lowercase letter ("CŽte", "rÈgion") is a decoding accident
            # and so is one between a capital and a lowercase letter ("CÒte"); a lone one is neutral
            if prev.islower():
                score -= 2
            elif prev.isupper() and nxt.islower():
                score -= 1
            elif prev.isalpha() or nxt.isalpha():
                score += 1
        elif ch in _PUNCT_OK:
            # quotes and dashes sit at word edges; between two letters only the apostrophe does
            inside = prev.isalpha() and nxt.isalpha()
            score += -1 if inside and ch != "’" else 1
        elif ch == "\xa0":
            continue
        else:  # symbols, modifiers, controls, currency signs other than the common ones
            score -= 2
    return score


def decode(data: bytes, encoding: str | None = None, *, rules=None, margin: int | None = None
           ) -> tuple[str, Detected]:
    """Decode ``data`` with ``encoding`` (strictly) or the detected one (``margin`` and
    ``rules`` as for :func:`detect`).

    Raises ``UnicodeDecodeError`` when a given encoding does not fit the bytes and
    ``LookupError`` for an unknown codec name; callers turn these into InputError.
    """
    if encoding:
        codecs.lookup(encoding)  # LookupError for a name Python does not know
        return data.decode(encoding), Detected(encoding, "given with --encoding")
    det = detect(data, margin, rules=rules)
    return data.decode("utf-8" if det.encoding == "ascii" else det.encoding), det
