"""The registry of document kinds: each kind is declared once, here.

A declaration is light data (names, outputs, options, help) plus dotted names of the
functions that do the work, imported only when a document of that kind is made, so that
``uprdraft --help`` and the CLI built from this table start fast.

Adding a kind: declare it in ``KINDS`` below, write its model (``models/``), its rules
(``kinds/<kind>.py``: ``analyse`` returning an :class:`Analysis`, ``summary_lines``) and its
writers (``render/``). The pipeline, ``validate``, the CLI and the API pick it up from here.
"""
from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:  # pathlib stays out of `uprdraft --help`
    from pathlib import Path

# Declarations are immutable named tuples, not dataclasses: ``uprdraft --help`` reads this
# table, and making four dataclasses (generated and compiled methods) would be most of the
# time it takes beyond importing click.


class Output(NamedTuple):
    """One file a kind writes."""

    role: str  # "document" (the main file, always written) or an optional one ("text", "ics", ...)
    suffix: str  # of the default name, beside the input
    writer: str  # "module:function", called as writer(analysis, ctx) -> bytes
    option: str | None = None  # the CLI option that asks for an optional output ("--ics")
    param: str | None = None  # the API keyword of that option ("ics")
    metavar: str = "FILE"
    help: str = ""
    profile: str | None = None  # check profile of a .docx (re-read by our checker); a rules path
    # such as "midterm.font_profile" names a rule that holds the profile
    stat: str | None = None  # where the path is recorded in stats ("ics", "child_friendly.output")
    verify_words: bool = False  # the checker's word count must equal the kind's
    template: str | None = None  # the option giving a coalition's own template for this output
    beside: str = "input"  # the input whose name gives the default path

    def profile_name(self, rules: Any) -> str | None:
        if self.profile is None or "." not in self.profile:
            return self.profile
        section, _, name = self.profile.partition(".")
        return str(getattr(getattr(rules, section), name))


class Kind(NamedTuple):
    name: str  # the `kind:` of input files
    title: str  # in plain words, for messages and help
    model: str  # "module:Class"
    analyse: str  # "module:function": analyse(model, source, ctx, request) -> Analysis
    summary: str  # "module:function": summary_lines(report) -> list[str]
    outputs: tuple[Output, ...] = ()
    command: tuple[str, ...] = ()  # the CLI command, e.g. ("statement", "written")
    api: str | None = None  # the public API function, e.g. "render_written_statement"
    help: str = ""
    dated: bool = False  # deadline rules: takes --today
    fixed_format: bool = False  # a custom template may restyle nothing: no --profile
    accepts: tuple[str, ...] = ()  # other input kinds this command also reads
    inputs: tuple[str, ...] = ()  # further input files after INPUT (e.g. the .docx of an e-mail)
    tracker: bool = False  # takes --db [URL] --as-of DATE: its recommendations from the tracker (uprdraft track)

    def output(self, role: str) -> Output:
        return next(o for o in self.outputs if o.role == role)

    @property
    def main(self) -> Output:
        return self.outputs[0]

    @property
    def optional(self) -> tuple[Output, ...]:
        return self.outputs[1:]

    def function(self, which: str) -> Callable[..., Any]:
        return resolve_function(getattr(self, which))


_EMPTY: Mapping[str, Any] = MappingProxyType({})


class Request(NamedTuple):
    """What the caller asked for: the outputs it wants, further inputs, kind options."""

    roles: frozenset[str] = frozenset()
    inputs: Mapping[str, Path] = _EMPTY
    options: Mapping[str, Any] = _EMPTY


class Analysis:
    """A loaded input with its rule findings, statistics and what the writers need."""

    def __init__(self, model: Any, source: Any, findings: list[Any], stats: dict[str, Any], content: Any = None,
                 inputs: Mapping[str, Any] | None = None):
        self.model = model
        self.source = source  # load.Source: where each field came from
        self.findings = findings  # findings.Finding
        self.stats = stats
        self.content = content  # prepared once for the writers (paragraphs, timing, resolved items)
        self.inputs: Mapping[str, Any] = {} if inputs is None else inputs  # further inputs, read

    def __repr__(self) -> str:
        return (f"Analysis(model={self.model!r}, findings={self.findings!r}, stats={self.stats!r}, "
                f"content={self.content!r})")


def resolve_function(target: str) -> Any:
    """The object named "module:name" (a function or a model class), imported now."""
    module, _, name = target.partition(":")
    return getattr(importlib.import_module(module), name)


_K = "uprdraft.kinds"

KINDS: dict[str, Kind] = {k.name: k for k in (
    Kind(
        name="written-statement", title="written statement",
        model="uprdraft.models.written:WrittenStatement",
        analyse=f"{_K}.written:analyse", summary=f"{_K}.written:summary_lines",
        outputs=(Output("document", ".docx", f"{_K}.written:write_docx", profile="hrc-written",
                        verify_words=True, template="--template"),),
        command=("statement", "written"), api="render_written_statement", dated=True, fixed_format=True,
        help="Render an HRC written statement (.docx) from INPUT, or list what to fix."),
    Kind(
        name="oral-statement", title="oral statement",
        model="uprdraft.models.oral:OralStatement",
        analyse=f"{_K}.oral:analyse", summary=f"{_K}.oral:summary_lines",
        outputs=(Output("document", ".docx", f"{_K}.oral:write_docx", profile="speaker-script",
                        template="--template"),
                 Output("text", ".txt", f"{_K}.oral:write_text", option="--text", param="text_output",
                        metavar="OUT.txt", stat="text_output",
                        help="Also write the plain text to upload when registering the speaker (.txt).")),
        command=("statement", "oral"), api="render_oral_statement", fixed_format=True,
        help="Write the speaker's script (.docx) of an oral statement, timed against the limit."),
    Kind(
        name="midterm-report", title="mid-term report",
        model="uprdraft.models.midterm:MidtermReport",
        analyse=f"{_K}.midterm:analyse", summary=f"{_K}.midterm:summary_lines",
        outputs=(Output("document", ".docx", f"{_K}.midterm:write_report", profile="midterm.font_profile",
                        template="--template"),
                 Output("child-friendly", ".docx", f"{_K}.midterm:write_child_friendly",
                        option="--child-friendly", param="child_friendly", metavar="OUT2.docx",
                        profile="midterm.child_friendly_profile", stat="child_friendly.output",
                        template="--child-friendly-template",
                        help="Also write the child-friendly version (needs the child_friendly section).")),
        command=("report", "midterm"), api="render_midterm_report", tracker=True,
        help="Write a UPR mid-term report (.docx) from INPUT, and with --child-friendly its child-friendly "
             "version."),
    Kind(
        name="side-event", title="side-event concept note",
        model="uprdraft.models.side_event:SideEvent",
        analyse=f"{_K}.side_event:analyse", summary=f"{_K}.side_event:summary_lines",
        outputs=(Output("document", ".docx", f"{_K}.side_event:write_docx", profile="hrc-report",
                        template="--template"),
                 Output("ics", ".ics", f"{_K}.side_event:write_ics", option="--ics", param="ics",
                        metavar="OUT.ics", stat="ics",
                        help="Also write a calendar file: the event (Geneva time) and the guest-list deadline.")),
        command=("side-event",), api="render_side_event",
        help="Write a side-event concept note (.docx) from INPUT, and with --ics a calendar file."),
    Kind(
        name="action-plan", title="action plan",
        model="uprdraft.models.plan:ActionPlan",
        analyse=f"{_K}.plan:analyse", summary=f"{_K}.plan:summary_lines",
        outputs=(Output("document", ".docx", f"{_K}.plan:write_docx", profile="hrc-report",
                        template="--template"),
                 Output("ics", ".ics", f"{_K}.plan:write_ics", option="--ics", param="ics",
                        metavar="OUT.ics", stat="ics",
                        help="Also write a calendar file: every milestone and the follow-up steps up to the next "
                             "review.")),
        command=("plan",), api="render_plan", dated=True, tracker=True,
        help="Write an action-plan matrix (.docx) from INPUT, and with --ics a follow-up calendar."),
    Kind(
        name="submission", title="submission e-mail",
        model="uprdraft.models.submission:Submission",
        analyse=f"{_K}.submission:analyse", summary=f"{_K}.submission:summary_lines",
        outputs=(Output("eml", ".eml", f"{_K}.submission:write_eml", beside="docx"),),
        command=("email",), api="build_email", dated=True, accepts=("written-statement",), inputs=("docx",),
        help="Check INPUT (written-statement or submission) and DOCX, then write the e-mail to the HRC "
             "secretariat as an .eml draft (and send it with --send)."),
)}


def get(name: str) -> Kind:
    """The kind called ``name``; an unknown name is a usage error listing the kinds."""
    try:
        return KINDS[name]
    except KeyError:
        from ..findings import InputError

        raise InputError(f"unknown kind '{name}'; one of: {', '.join(KINDS)}", code="usage") from None


def names() -> list[str]:
    return list(KINDS)
