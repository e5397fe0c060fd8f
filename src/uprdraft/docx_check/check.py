"""The compliance check of a Word file against a font profile, and its word count.

One finding per code per paragraph (a linter, not a run dump), in document order, errors
before warnings within a paragraph. A hostile file may have a million bold paragraphs:
past ``findings_per_code`` paragraphs the rest of a code is one finding ("and 1,099,000
more paragraphs with bold"), while ``stats`` keeps the exact counts (``runs_affected``,
``paragraphs_affected``).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from ..findings import InputError, Report, error, warning
from ..gcpause import paused
from ..ooxml.package import Package
from ..ooxml.xml import parse_font_scheme, parse_styles, w
from ..wordcount import count_words
from .stories import Para, walk_package
from .styles import Formatter

if TYPE_CHECKING:  # pydantic stays out of the checker's start-up: plain settings arrive
    from .settings import Profile as FontProfile
    from .settings import Settings

_RPR = w("rPr")

# Scripts Word shapes with the complex-script slot (cs) and the East Asian slot. Compiled on
# the first non-ASCII run: most statements never need them, and compiling costs start-up.
_CS_RANGES = ("\u0590-\u08ff\u0900-\u0dff\u0e00-\u0eff\u0f00-\u0fff\u1780-\u17ff"
              "\ufb1d-\ufdff\ufe70-\ufeff")
_EA_RANGES = ("\u1100-\u11ff\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3100-\u31ff\u3400-\u4dbf"
              "\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"
              "\U00020000-\U0003134f")


@lru_cache(maxsize=1)
def _script_patterns():
    return (re.compile(f"[{_CS_RANGES}]"), re.compile(f"[{_EA_RANGES}]"),
            re.compile(f"[^\\s{_CS_RANGES}{_EA_RANGES}]"), re.compile(f"[{_CS_RANGES}{_EA_RANGES}]"))


_SLOT_WORDS = {"ascii": "Latin (ascii)", "hAnsi": "Latin (hAnsi)", "eastAsia": "East Asian", "cs": "complex-script"}
FORMAT_CODES = ("font-name", "font-size", "bold", "italic", "underline", "color")
FIX_HINT = "run 'uprdraft fix' to correct fonts, sizes, emphasis and colour, or change them in Word"
#: codes in the order they are listed within one paragraph (errors first, then warnings)
ORDER = {c: i for i, c in enumerate(("font-name", "font-size", "bold", "italic", "underline", "superscript",
                                      "color"))}
_NOT_COLOURED = {"auto", "000000", "text1", "dark1", "tx1"}
_NO = (False, None)
_LATIN_ONLY = (True, False, False)


def _words(text: str) -> int:
    # ASCII text has no ideographs and no en or em dashes, the only cases where the HRC count
    # differs from splitting on whitespace: skip the general rule's per-token work
    return len(text.split()) if text.isascii() else count_words(text)


def scripts_of(text: str, props: dict) -> tuple[bool, bool, bool]:
    """(latin, east_asian, complex) script slots the run's text needs."""
    if props.get("rtl", (False,))[0] or props.get("csflag", (False,))[0]:
        return False, False, True
    if text.isascii() or max(text) < "\u0590":  # accented Latin, Greek, Cyrillic: below every other script
        return True, False, False
    cs_re, ea_re, latin_re, other_re = _script_patterns()
    if other_re.search(text) is None:  # curly quotes, dashes and the like: one search, not three
        return True, False, False
    cs = bool(cs_re.search(text))
    ea = bool(ea_re.search(text))
    latin = bool(latin_re.search(text)) or not (cs or ea)
    return latin, ea, cs


def run_problems(text: str, note_ref: bool, props: dict, toggled: dict, profile: FontProfile,
                 expected_pt: float, emphasis_ok: bool, scripts: tuple | None = None) -> list[tuple[str, str]]:
    """``[(code, detail)]`` for one run with visible text."""
    latin, ea, cs = scripts or scripts_of(text or "1", props)
    out: list[tuple[str, str]] = []
    slots = (("ascii", "hAnsi") if latin else ()) + (("eastAsia",) if ea else ()) + (("cs",) if cs else ())
    want = profile.font.lower()
    wrong: dict[tuple, list[str]] = {}  # (name, origin) -> slots, so ascii+hAnsi read as one
    for slot in slots:
        name, origin = props.get(slot, (None, None))
        if name is None or name.lower() != want:
            wrong.setdefault((name, origin), []).append(slot)
    for (name, origin), bad in wrong.items():
        label = "Latin" if bad == ["ascii", "hAnsi"] else " and ".join(_SLOT_WORDS[s] for s in bad)
        if name is None:
            where = f" ({origin} names a theme font the file does not define)" if origin else ""
            out.append(("font-name", f"no {label} font is set{where}"))
        else:
            out.append(("font-name", f"{label} font is {name} (from {origin})"))
    for key in (("sz",) if latin or ea else ()) + (("szCs",) if cs else ()):
        pt, origin = props.get(key, (None, None))
        label = "complex-script size" if key == "szCs" else "size"
        if pt is None:
            out.append(("font-size", f"no {label} is set"))
        elif profile.min_size_pt is not None:
            if pt < profile.min_size_pt - 0.01:
                out.append(("font-size", f"{label} is {pt:g} pt (from {origin}), below {profile.min_size_pt:g} pt"))
        elif abs(pt - expected_pt) > 0.01:
            out.append(("font-size", f"{label} is {pt:g} pt (from {origin}), not {expected_pt:g} pt"))
    for code, allowed, keys in (("bold", profile.bold, ("b", "bCs")), ("italic", profile.italic, ("i", "iCs"))):
        if allowed or emphasis_ok:
            continue
        for key in keys:
            if (key.endswith("Cs") and not cs) or (not key.endswith("Cs") and not (latin or ea)):
                continue
            val, origin = props.get(key, (False, None))
            tval, torigin = toggled.get(key, (False, None))
            if val or tval:
                what = code if not key.endswith("Cs") else f"{code} for complex-script text ({key})"
                out.append((code, f"{what} (from {origin if val else torigin})"))
                break
    if not profile.underline:
        u, origin = props.get("u", (None, None))
        if u and u != "none":
            out.append(("underline", f"underlined (from {origin})"))
    if profile.warn_superscript and not note_ref:
        va, origin = props.get("vertAlign", (None, None))
        if va in ("superscript", "subscript"):
            out.append(("superscript", f"{va} text (from {origin}) outside a note reference"))
    color, origin = props.get("color", ("auto", None))
    if color.lower() not in _NOT_COLOURED:
        out.append(("color", f"text in colour {color} (from {origin})"))
    return out


_MESSAGES = {
    "font-name": "set the font to {font}",
    "font-size": "set the size",
    "bold": "remove the bold",
    "italic": "remove the italics",
    "underline": "remove the underline",
    "superscript": "raised or lowered text is for note references only",
    "color": "set the font colour to Automatic",
}
_WHAT = {"font-name": "the wrong font", "font-size": "the wrong size", "bold": "bold", "italic": "italics",
         "underline": "underlining", "superscript": "raised or lowered text", "color": "coloured text"}
_WARNINGS = {"superscript", "color"}


def _excerpt(text: str) -> str:
    return " ".join(text[:200].split())[:40]  # the start is enough: long paragraphs are not re-split


def _location(name: str, para: Para, text: str = "") -> str:
    excerpt = _excerpt(para.text) or _excerpt(text)
    return f'{name}: {para.where}: "{excerpt}"'


class Checker:
    def __init__(self, pkg: Package, profile: FontProfile, cap: int = 20):
        self.pkg = pkg
        self.profile = profile
        styles = pkg.first("styles")
        theme = pkg.first("theme")
        # read: the styles without Word's latent ones, the theme up to its fonts
        self.fmt = Formatter(pkg.xml(styles, parser=parse_styles) if styles else None,
                             pkg.xml(theme, parser=parse_font_scheme) if theme else None)
        self.cap = cap
        self.found: list[tuple] = []  # (seq, severity rank, code rank, Finding): sorted at the end
        self.runs = 0
        self.runs_affected: dict[str, int] = {}
        self.paras_affected: dict[str, int] = {}
        self.words = {"body": 0, "footnotes": 0}
        self.header_text: list[tuple[Para, str]] = []
        self._problems: dict = {}  # runs repeat a few formats: their problems are computed once

    def add(self, seq: float, finding) -> None:
        rank = 0 if finding.severity == "error" else 1
        self.found.append((seq, rank, ORDER.get(finding.code, 99), finding))

    @property
    def findings(self) -> list:
        return [f for *_, f in sorted(self.found, key=lambda t: t[:3])]

    def expected_size(self, kind: str, is_title: bool) -> float:
        p = self.profile
        if is_title and p.title_size_pt is not None:
            return p.title_size_pt
        if kind in ("footnote", "endnote") and p.footnote_size_pt is not None:
            return p.footnote_size_pt
        return p.size_pt

    def run(self):
        with paused():
            stories, inv = walk_package(self.pkg)
            self.stories = stories
            title_seen = False
            for kind, paras in stories:
                for para in paras:
                    is_title = False
                    if kind == "body" and not title_seen and para.text.strip():
                        is_title = title_seen = True
                    self.paragraph(kind, para, is_title)
        return inv

    def problems(self, key: tuple, text: str, note_ref: bool, props: dict, toggled: dict, expected: float,
                 emphasis_ok: bool) -> tuple:
        """``((code, (details...)), ...)`` of one run, each code once; computed once per
        distinct format (a file repeats a handful) and kept in a bounded cache."""
        by_code: dict[str, list[str]] = {}
        for code, detail in run_problems(text, note_ref, props, toggled, self.profile, expected, emphasis_ok,
                                         key[2]):
            by_code.setdefault(code, []).append(detail)
        found = tuple((c, tuple(d)) for c, d in by_code.items())
        if len(self._problems) < 4096:  # the entry keeps props alive, so their ids stay their own
            self._problems[key] = (found, props, toggled)
        return found

    def paragraph(self, kind: str, para: Para, is_title: bool) -> None:
        expected = self.expected_size(kind, is_title)
        emphasis_ok = is_title and self.profile.title_bold
        visible: list[str] = []
        flagged: list[tuple] = []  # (problems, text) of each run with any, in order
        resolve, cache = self.fmt.resolve, self._problems
        pstyle, table = para.pstyle, para.table
        for run in para.runs:  # the hot loop of the checker: kept flat on purpose
            text, note_ref = run.text, run.note_ref
            if not text and not note_ref:
                continue  # field codes, bookmarks, drawings: nothing to read
            props, toggled = resolve(pstyle, run.rpr, table)
            if props.get("vanish", _NO)[0]:
                continue  # hidden text is neither read nor counted
            visible.append(text)
            if text.isascii() and not (props.get("rtl", _NO)[0] or props.get("csflag", _NO)[0]):
                scripts = _LATIN_ONLY
            else:
                scripts = scripts_of(text or "1", props)
            key = (id(props), id(toggled), scripts, note_ref, expected, emphasis_ok)
            hit = cache.get(key)
            found = hit[0] if hit is not None else self.problems(key, text, note_ref, props, toggled, expected,
                                                                  emphasis_ok)
            if found:
                flagged.append((found, text))
        self.runs += len(visible)
        if flagged:
            self.report(para, flagged)
        text = "".join(visible)
        if kind == "body":
            self.words["body"] += _words(text)
        elif kind in ("footnote", "endnote"):
            self.words["footnotes"] += _words(text)
        elif text.strip():
            self.header_text.append((para, text))

    def report(self, para: Para, flagged: list[tuple]) -> None:
        """The findings of one paragraph from its runs' problems: every code counted; for the
        codes still listed (``cap`` paragraphs each), the details (each once), how many runs
        and their text."""
        affected, paras_affected = self.runs_affected, self.paras_affected
        first = flagged[0][0]
        uniform = len(flagged) == 1 or all(found is first for found, _ in flagged)  # the usual case
        if uniform:
            codes = [code for code, _ in first]
            for code in codes:
                affected[code] = affected.get(code, 0) + len(flagged)
        else:
            codes = list(dict.fromkeys(code for found, _ in flagged for code, _ in found))
            for found, _ in flagged:
                for code, _ in found:
                    affected[code] = affected.get(code, 0) + 1
        listed = []
        for code in codes:
            n = paras_affected[code] = paras_affected.get(code, 0) + 1
            if n <= self.cap:  # past it: counted, and summarised in one finding at the end
                listed.append(code)
        if not listed:
            return
        groups: dict[str, list] = {}  # code -> [details, runs, texts]
        if uniform:
            texts = [text for _, text in flagged]
            for code, details in first:
                groups[code] = [list(dict.fromkeys(details)), len(texts), texts]
        else:
            for found, text in flagged:
                for code, details in found:
                    group = groups.get(code)
                    if group is None:
                        group = groups[code] = [[], 0, []]
                    for d in details:
                        if d not in group[0]:
                            group[0].append(d)
                    group[1] += 1
                    group[2].append(text)
        full = para.text
        where = f'{self.pkg.name}: {para.where}: "{_excerpt(full)}"'
        for code in listed:
            self.close(code, groups[code], para, full, where)

    def close(self, code: str, group: list, para: Para, full: str, where: str) -> None:
        details, nruns, texts = group
        rule = _MESSAGES[code].format(font=self.profile.font)
        runs = f" in {nruns} runs" if nruns > 1 else ""
        # the location shows the paragraph's start; say which words when it is not all of them
        part = "".join(texts)
        words = f' in "{_excerpt(part)}"' if part.strip() and part.strip() != full.strip() else ""
        msg = f"{'; '.join(details)}{runs}{words}; {rule}"
        sev = warning if code in _WARNINGS else error
        self.add(para.seq, sev(code, msg, where))

    def summaries(self) -> None:
        """One finding per code for the paragraphs past the cap."""
        for code, n in self.paras_affected.items():
            if n > self.cap:
                sev = warning if code in _WARNINGS else error
                self.add(float("inf"), sev(code, f"and {n - self.cap:,} more paragraphs with {_WHAT[code]}",
                                           self.pkg.name))


_FEATURES = (  # (inventory kind, profile switch, message)
    ("table", "warn_tables", "{n} table(s): statements are issued as running text and table layout may be "
                             "lost; consider writing the content as paragraphs"),
    ("image", "warn_images", "{n} image(s): images are not reproduced in the issued statement; describe "
                             "them in the text"),
    ("text-box", "warn_text_boxes", "{n} text box(es): text in boxes may be lost; move it into the body"),
    ("hyperlink", "warn_hyperlinks", "{n} hyperlink(s): links may not survive; write the address out in "
                                     "full, for example in a footnote"),
    ("comment", "warn_comments", "{n} comment(s): delete all comments before sending (Review > Delete all "
                                 "comments)"),
    ("tracked-change", "warn_tracked_changes", "{n} tracked change(s): accept or reject all changes before "
                                               "sending (Review > Accept all changes)"),
)


def resolve_limit(limit: int | None, status: str | None, profile: FontProfile, rules: Settings) -> int | None:
    if limit is not None:
        if isinstance(limit, bool) or not isinstance(limit, int) or limit <= 0:
            raise InputError(error("usage", f"--limit must be a positive number of words, not {limit!r}"))
        return int(limit)
    if status is not None:
        table = rules.status_limits
        if status not in table:
            raise InputError(error("usage", f"unknown status '{status}'; use one of: {', '.join(table)}"))
        return table[status]
    return profile.word_limit


def get_profile(name: str | None, rules: Settings) -> tuple[str, FontProfile]:
    name = name or rules.default_profile
    if name not in rules.profiles:
        raise InputError(error("usage", f"unknown profile '{name}'; use one of: {', '.join(rules.profiles)}"))
    return name, rules.profiles[name]


def check_package(pkg: Package, rules: Settings, profile: str | None = None, limit: int | None = None,
                  status: str | None = None) -> Report:
    from .settings import settings

    rules = settings(rules)
    profile_name, prof = get_profile(profile, rules)
    word_limit = resolve_limit(limit, status, prof, rules)
    checker = Checker(pkg, prof, rules.limits.findings_per_code)
    if pkg.macro_enabled:
        parts = ", ".join(pkg.macro_parts()) or "macro-enabled document type"
        checker.add(-1, warning("macro", f"the file carries macros ({parts}); send a plain .docx: "
                                         "'uprdraft fix' writes one without them", pkg.name))
    inv = checker.run()
    checker.summaries()
    for kind, switch, text in _FEATURES:
        feat = inv.features.get(kind)
        if feat and feat.count and getattr(prof, switch):
            if feat.first is not None:
                checker.add(feat.first.seq, warning(kind, text.format(n=feat.count), _location(pkg.name, feat.first)))
            else:
                checker.add(-1, warning(kind, text.format(n=feat.count), pkg.name))
    if prof.warn_header_footer:
        for para, text in checker.header_text:
            if any(ch.isalpha() for ch in text):  # a bare page number is fine
                checker.add(para.seq, warning("header-footer", "text in a header or footer may be dropped when "
                                              "the statement is issued; move it into the body",
                                              _location(pkg.name, para, text)))
                break
    words = dict(checker.words)
    words["total"] = words["body"] + words["footnotes"]
    if word_limit is not None and words["total"] > word_limit:
        over = words["total"] - word_limit
        why = f" for {status} status" if status and limit is None else ""
        checker.add(-1, error("word-limit", f"{words['total']} words (body {words['body']}, footnotes "
                              f"{words['footnotes']}): {over} over the limit of {word_limit}{why}; shorten the "
                              "text (footnotes count too)", pkg.name))
    findings = checker.findings
    stats = {
        "profile": profile_name,
        "words": words,
        "limit": word_limit,
        "runs": checker.runs,
        "paragraphs": sum(len(p) for _, p in checker.stories),
        "runs_affected": dict(sorted(checker.runs_affected.items())),
        "paragraphs_affected": dict(sorted(checker.paras_affected.items())),
        "features": {k: f.count for k, f in sorted(inv.features.items())},
        "strict": pkg.strict,
        "main_part": pkg.main,
        "macros": pkg.macro_parts() or ([pkg.main] if pkg.macro_enabled else []),
    }
    return Report(findings=findings, stats=stats)


def count_package_words(pkg: Package) -> dict:
    from .settings import Profile

    checker = Checker(pkg, Profile())
    checker.run()
    words = dict(checker.words)
    words["total"] = words["body"] + words["footnotes"]
    return words
