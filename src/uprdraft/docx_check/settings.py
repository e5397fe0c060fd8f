"""What the checker needs from the rules, as plain values.

``uprdraft check FILE`` with the default rules must not import pydantic (it is most of the
start-up time), so the defaults of the font profiles, the status word limits and the bounds
are mirrored here as plain data; a test keeps them equal to ``uprdraft.rules.DEFAULT``. With
a rules file (or a ``Rules``), the values come from it and nothing here is used.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from ..ooxml.limits import Limits


@dataclass(frozen=True)
class Profile:  # the fields of uprdraft.rules.FontProfile
    font: str = "Times New Roman"
    size_pt: float = 10
    title_size_pt: float | None = None
    footnote_size_pt: float | None = None
    min_size_pt: float | None = None
    bold: bool = False
    italic: bool = False
    underline: bool = False
    title_bold: bool = False
    word_limit: int | None = None
    warn_tables: bool = True
    warn_images: bool = True
    warn_hyperlinks: bool = True
    warn_comments: bool = True
    warn_tracked_changes: bool = True
    warn_header_footer: bool = True
    warn_text_boxes: bool = True
    warn_superscript: bool = True


_P = Profile()
PROFILES: dict[str, Profile] = {
    "hrc-written": _P,
    "legacy-2009": replace(_P, size_pt=12, title_size_pt=12, footnote_size_pt=10, title_bold=True),
    "speaker-script": replace(_P, size_pt=14, min_size_pt=14, warn_tables=False),
    "child-friendly": replace(_P, size_pt=12, min_size_pt=12, warn_tables=False),
    "hrc-report": replace(_P, warn_tables=False),
    "upr-submission": replace(_P, size_pt=12, warn_tables=False, warn_header_footer=False, warn_images=False),
    "upr-brief": replace(_P, size_pt=11, warn_tables=False, warn_images=False, warn_header_footer=False),
}
DEFAULT_PROFILE = "hrc-written"
STATUS_LIMITS = {"general": 2000, "special": 1500, "roster": 1500, "nhri_a": 2000}  # rules.written.word_limit


@dataclass(frozen=True)
class Settings:
    profiles: Any  # name -> Profile (or rules FontProfile: same fields)
    default_profile: str
    status_limits: Any  # status -> words
    limits: Limits


DEFAULT = Settings(PROFILES, DEFAULT_PROFILE, STATUS_LIMITS, Limits())


def settings(rules: Any = None) -> Settings:
    """The defaults without importing the rules; else the values of ``rules`` (a Rules, a
    mapping shaped like the rules file or the path of one)."""
    if rules is None:
        return DEFAULT
    if isinstance(rules, Settings):
        return rules
    from ..rules import resolve

    r = resolve(rules)
    return Settings(r.fonts.profiles, r.fonts.default_profile, r.written.word_limit, Limits.of(r.word_files))
