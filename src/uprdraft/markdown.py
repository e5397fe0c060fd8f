"""The Markdown subset of prose bodies, read with markdown-it-py and its footnote plugin.

Supported: paragraphs, ``#`` headings, ``-``/``1.`` lists, footnotes ``[^id]`` with
``[^id]: text`` definitions (or a separate ``footnotes: {id: text}`` mapping, which is
appended to the body as definitions). An HRC-compliant file has no emphasis, so emphasis
markers (``*x*``, ``**x**``, ``_x_``) are reported and written as plain text; a link is
written as ``text (address)``; code spans as their text; raw HTML stays literal text.

The result is a list of :class:`Block` (paragraphs, headings, list items) whose content is
a list of segments: plain strings and :class:`NoteRef` (a footnote reference), plus the
footnote texts, in order of first reference.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Any

_UNRESOLVED = re.compile(r"\[\^([^\]\s]+)\]")


@dataclass(frozen=True)
class NoteRef:
    label: str


@dataclass
class Block:
    kind: str  # "paragraph" | "heading" | "item"
    segments: list = field(default_factory=list)  # str | NoteRef
    line: int = 0  # 0-based line in the body text
    prefix: str = ""  # list marker written as text ("•", "1.")

    @property
    def text(self) -> str:
        return self.prefix + "".join(s for s in self.segments if isinstance(s, str))


@dataclass
class Issue:
    """A problem found while reading the body; ``line`` is 0-based within the body."""

    code: str
    severity: str
    message: str
    line: int
    col: int | None = None  # 0-based column within the body line, where known (a footnote marker)


@dataclass
class Body:
    blocks: list[Block]
    notes: dict[str, list]  # label -> segments (plain strings), in order of first reference
    issues: list[Issue]


@functools.lru_cache(maxsize=1)
def _parser():
    """One parser per process (made once: its rules are set up on creation); ``parse`` keeps
    its state in the ``env`` given to each call."""
    from markdown_it import MarkdownIt
    from mdit_py_plugins.footnote import footnote_plugin

    # html off: "<b>" stays literal text; typographer off: quotes stay as typed
    return MarkdownIt("commonmark", {"html": False, "typographer": False}).use(footnote_plugin).disable(
        ["code", "fence", "blockquote", "hr", "table", "html_block", "lheading"], ignoreInvalid=True
    )


# finding code per emphasis token (a warning: the text is written plain)
_EMPHASIS = {"em_open": "emphasis", "strong_open": "emphasis", "s_open": "emphasis"}


def _inline(children, line: int, issues: list[Issue], notes_order: list[str], note_labels: dict) -> list:
    out: list = []
    link_href: list[str] = []
    for tok in children:
        t = tok.type
        if t in ("text", "code_inline", "html_inline"):
            out.append(tok.content)
        elif t in ("softbreak", "hardbreak"):
            out.append(" ")
        elif t in _EMPHASIS:
            issues.append(Issue(_EMPHASIS[t], "warning",
                                f"emphasis ({tok.markup}...{tok.markup}) cannot appear in an HRC statement; "
                                "it is written as plain text", line))
        elif t == "link_open":
            link_href.append(tok.attrs.get("href", ""))
        elif t == "link_close":
            href = link_href.pop() if link_href else ""
            if href:
                out.append(f" ({href})")
        elif t == "image":
            issues.append(Issue("image", "warning",
                                "images are not kept in HRC statements; the alt text is written instead", line))
            out.append(tok.content)
        elif t == "footnote_ref":
            label = tok.meta.get("label") or str(tok.meta.get("id"))
            label = note_labels.get(tok.meta.get("id"), label)
            if label not in notes_order:
                notes_order.append(label)
            out.append(NoteRef(label))
    # merge adjacent strings
    merged: list = []
    for s in out:
        if isinstance(s, str) and merged and isinstance(merged[-1], str):
            merged[-1] += s
        else:
            merged.append(s)
    return merged


def _marker_at(lines: list[str], start: int, marker: str, found: set) -> tuple[int, int]:
    """(line, col), 0-based, of the first ``marker`` at or after line ``start`` not reported yet."""
    for n in range(start, len(lines)):
        col = lines[n].find(marker)
        while col >= 0:
            if (n, col) not in found:
                found.add((n, col))
                return n, col
            col = lines[n].find(marker, col + 1)
    return start, 0


def _definitions(footnotes: dict[str, str]) -> str:
    parts = []
    for label, text in footnotes.items():
        lines = (text or "").strip().splitlines() or [""]
        body = "\n".join([lines[0]] + ["    " + x for x in lines[1:]])
        parts.append(f"[^{label}]: {body}")
    return "\n\n" + "\n\n".join(parts) + "\n" if parts else ""


def parse_body(text: str, footnotes: dict[str, str] | None = None) -> Body:
    """Parse a prose body; ``footnotes`` are extra definitions (from YAML/JSON inputs)."""
    md = _parser()
    issues: list[Issue] = []
    footnotes = footnotes or {}
    # a label defined twice (in the body and in `footnotes`) is ambiguous
    src = text if text.endswith("\n") else text + "\n"
    env: dict[str, Any] = {}
    tokens = md.parse(src + _definitions(footnotes), env)
    fn_env = env.get("footnotes", {})
    note_labels: dict = {}
    for label, fid in (fn_env.get("refs") or {}).items():
        note_labels[fid] = label.lstrip(":")
    blocks: list[Block] = []
    notes_order: list[str] = []
    note_texts: dict[str, list] = {}
    in_note: str | None = None
    list_stack: list[list] = []  # [ordered, counter]
    pending: Block | None = None
    body_lines = src.count("\n")
    for tok in tokens:
        t = tok.type
        line = tok.map[0] if tok.map else 0
        if t == "footnote_open":
            fid = tok.meta.get("id")
            in_note = note_labels.get(fid, tok.meta.get("label", str(fid)))
            note_texts.setdefault(in_note, [])
        elif t == "footnote_close":
            in_note = None
        elif t in ("bullet_list_open", "ordered_list_open"):
            start = int(tok.attrs.get("start", 1)) if t == "ordered_list_open" else 0
            list_stack.append([t == "ordered_list_open", start, tok.markup])
        elif t in ("bullet_list_close", "ordered_list_close"):
            list_stack.pop()
        elif t == "list_item_open":
            ordered, n, markup = list_stack[-1]
            prefix = f"{n}{markup} " if ordered else "\u2022 "
            if ordered:
                list_stack[-1][1] += 1
            pending = Block("item", [], line, prefix)
        elif t == "heading_open":
            pending = Block("heading", [], line)
        elif t == "paragraph_open" and pending is None:
            pending = Block("paragraph", [], line)
        elif t == "inline":
            segs = _inline(tok.children or [], line, issues, notes_order, note_labels)
            if in_note is not None:
                if note_texts[in_note]:
                    note_texts[in_note].append(" ")
                note_texts[in_note].extend(s for s in segs if isinstance(s, str))
                continue
            blk = pending or Block("paragraph", [], line)
            if blk.segments:
                blk.segments.append(" ")
            blk.segments.extend(segs)
            if not blocks or blocks[-1] is not blk:  # a list item's paragraphs join one block
                blocks.append(blk)
        elif t in ("heading_close", "list_item_close"):
            pending = None
        elif t == "paragraph_close" and pending is not None and pending.kind == "paragraph":
            pending = None
    # references to undefined notes stay as literal "[^x]" text: report them at the marker
    src_lines = src.splitlines()
    found: set[tuple[int, int]] = set()
    for blk in blocks:
        for s in blk.segments:
            if isinstance(s, str):
                for m in _UNRESOLVED.finditer(s):
                    line, col = _marker_at(src_lines, blk.line, m.group(0), found)
                    issues.append(Issue("footnote", "error",
                                        f"footnote [^{m.group(1)}] is used but never defined; add a line "
                                        f"'[^{m.group(1)}]: text' or a 'footnotes' entry", line, col))
    notes = {}
    for label in notes_order:
        notes[label] = ["".join(note_texts.get(label, []))]
    unused = [k.lstrip(":") for k, v in (fn_env.get("refs") or {}).items() if v is None or v < 0]
    for label in unused:
        if label not in notes:
            issues.append(Issue("footnote-unused", "warning", f"footnote [^{label}] is defined but never used in the text",
                                min(body_lines, len(src.splitlines()))))
    for label, segs in notes.items():
        if not segs[0].strip():
            issues.append(Issue("footnote", "error", f"footnote [^{label}] has no text", 0))
    return Body(blocks, notes, issues)
