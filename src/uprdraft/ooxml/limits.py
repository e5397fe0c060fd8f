"""The bounds on a Word package, as plain values (no pydantic: the checker starts fast).

The same fields, with the same defaults, are the ``word_files`` section of the rules
(:class:`uprdraft.rules.WordFileRules`); a test keeps the two equal. Each bound has its own
finding code, and the message over a bound names the rules key that raises it.

Why these values: the largest part of any real file we have seen is 2.3 MB of XML and no
member compresses more than 42:1. A parsed part costs lxml up to about twenty times its size
in memory (8 MB of empty elements take 150 MB, with attributes more), so the XML read at once is bounded to 12 MB;
``fix`` also holds every part unpacked (100 MB at most). Checking costs a few microseconds
a run. The defaults keep any file within 10 s and 500 MB while leaving real statements and
reports far below them.
"""
from __future__ import annotations

from dataclasses import dataclass, fields

from ..findings import InputError, error


@dataclass(frozen=True)
class Limits:
    max_file_bytes: int = 50_000_000  # the .docx file itself
    max_member_bytes: int = 64_000_000  # any zip member once inflated, read or not
    max_total_bytes: int = 100_000_000  # all members together once inflated
    max_ratio: int = 100  # inflated/compressed size of a member (members over 1 MB)
    max_members: int = 5000
    max_part_bytes: int = 6_000_000  # one XML part that is parsed (document, styles, notes, ...)
    max_xml_bytes: int = 12_000_000  # every parsed XML part together
    max_paragraphs: int = 20_000  # paragraphs checked, all stories together
    max_runs: int = 100_000  # runs checked
    findings_per_code: int = 20  # paragraphs listed per finding code; the rest are counted

    @classmethod
    def of(cls, values) -> Limits:
        """From any object or mapping with these fields (the rules' ``word_files``)."""
        if isinstance(values, Limits):
            return values
        get = values.get if isinstance(values, dict) else lambda k, d: getattr(values, k, d)
        return cls(**{f.name: get(f.name, f.default) for f in fields(cls)})


DEFAULT = Limits()

#: the finding code of each bound (registered in uprdraft.codes)
CODES = {
    "max_file_bytes": "word-file-size", "max_member_bytes": "word-part-size", "max_total_bytes": "word-expanded-size",
    "max_ratio": "word-zip-ratio", "max_members": "word-parts", "max_part_bytes": "word-part-size",
    "max_xml_bytes": "word-expanded-size", "max_paragraphs": "word-paragraphs", "max_runs": "word-runs",
}


def over(name: str, key: str, what: str, value: int, limit: int, unit: str = "bytes") -> InputError:
    """The one line for a file over bound ``key``: what, the bound, and how to raise it."""
    return InputError(error(CODES[key], f"{what} ({value:,} {unit}), over the limit of {limit:,} {unit} "
                                        f"(word_files.{key}); to check it anyway, raise it in a rules file: "
                                        f"'word_files: {{{key}: {max(limit * 2, value + 1)}}}' and "
                                        "'uprdraft --rules FILE ...'", name))
