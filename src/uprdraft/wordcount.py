"""Word counting as the HRC secretariat (and Word, and LibreOffice) would see it.

Rule (design.md section 4): split on Unicode whitespace (no-break space included); a
hyphenated word is one word; add one for every em or en dash that joins two non-empty parts
(``rights—today`` is two words); every CJK ideograph is one word (CJK punctuation between
ideographs is not). This never undercounts
Word or LibreOffice. The renderer and the checker both call :func:`count_words`, so
``statement written --json`` and ``check --json`` on its output agree.
"""
from __future__ import annotations

import functools
import re

# Words are split on Unicode whitespace (str.split(), the same set as re's \s), which
# includes U+00A0, U+2007, U+202F and U+3000.
_DASHES = "\u2013\u2014"  # en dash, em dash
# CJK ideographs, Hiragana, Katakana and Hangul syllables count one word each. Compiled on
# first use: most texts are ASCII and never need it (the class is costly to compile).
_CJK_CLASS = ("[\u2e80-\u2fdf\u3040-\u30ff\u3100-\u312f\u3190-\u31ff\u3400-\u4dbf\u4e00-\u9fff"
              "\uac00-\ud7af\uf900-\ufaff\U00020000-\U0003134f]")


@functools.lru_cache(maxsize=1)
def _cjk() -> re.Pattern[str]:
    return re.compile(_CJK_CLASS)


def _count_token(token: str) -> int:
    cjk = len(_cjk().findall(token))
    if cjk:
        # what is left between ideographs counts as words only when it has letters or
        # digits: CJK punctuation (。，「」) is not a word, as in Word
        rest = [r for r in _cjk().sub(" ", token).split() if any(ch.isalnum() for ch in r)]
        return cjk + sum(_count_token(r) for r in rest)
    n = 1
    for dash in _DASHES:
        if dash in token:
            parts = token.split(dash)
            # one more word per dash that has text on both sides
            n += sum(1 for a, b in zip(parts, parts[1:], strict=False) if a and b)
    return n


def count_words(text: str) -> int:
    """Number of words in ``text`` by the HRC rule above."""
    if not isinstance(text, str):
        from .findings import InputError

        raise InputError(f"count_words: give text (str), not {type(text).__name__}; decode bytes first",
                         code="usage")
    if not text:
        return 0
    tokens = text.split()  # str.split() and re's \s are the same Unicode whitespace
    if text.isascii() or not _cjk().search(text):
        if _DASHES[0] not in text and _DASHES[1] not in text:
            return len(tokens)  # the common case: one word per token, no per-token work
        # no ideographs: only the tokens with a dash can count for more than one word
        return len(tokens) + sum(_count_token(t) - 1 for t in tokens if _DASHES[0] in t or _DASHES[1] in t)
    return sum(_count_token(t) for t in tokens)
