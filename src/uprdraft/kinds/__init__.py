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
    # many files: the writer returns {file name: bytes}, written into the output folder (the
    # path is a folder; its default is the input's stem + suffix, e.g. "plan-briefs"); every
    # .docx among them is self-checked with ``profile``; all or nothing, like single files
    many: bool = False

    def profile_name(self, rules: Any) -> str | None:
        if self.profile is None or "." not in self.profile:
            return self.profile
        value = rules
        for name in self.profile.split("."):  # e.g. "next_review.submission.font_profile"
            value = getattr(value, name)
        return str(value)


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
                 inputs: Mapping[str, Any] | None = None, targets: Mapping[str, Path] | None = None):
        self.model = model
        self.source = source  # load.Source: where each field came from
        self.findings = findings  # findings.Finding
        self.stats = stats
        self.content = content  # prepared once for the writers (paragraphs, timing, resolved items)
        self.inputs: Mapping[str, Any] = {} if inputs is None else inputs  # further inputs, read
        # role -> where each output goes (set by the pipeline before the writers run: a writer may
        # name a sibling output, e.g. the .docx an .eml attaches)
        self.targets: Mapping[str, Path] = {} if targets is None else targets

    def let_go(self) -> None:
        """Drop what only the writers use (the model, its source, the prepared content) once the
        last one has run: the self-check of a big document needs the memory, and the report
        keeps only the findings and the stats."""
        self.model = self.source = self.content = None
        self.inputs = {}

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


# --------------------------------------------------------------------------- the next review (issue 16)
KINDS.update({k.name: k for k in (
    Kind(
        name="upr-submission", title="UPR stakeholder submission",
        model="uprdraft.models.next_review:UprSubmission",
        analyse=f"{_K}.upr_submission:analyse", summary=f"{_K}.upr_submission:summary_lines",
        outputs=(Output("document", ".docx", f"{_K}.upr_submission:write_docx",
                        profile="next_review.submission.font_profile", template="--template"),
                 Output("eml", ".eml", f"{_K}.upr_submission:write_eml", option="--eml", param="eml",
                        metavar="OUT.eml", stat="eml",
                        help="Also write the e-mail to the OHCHR as a draft (.eml) with the .docx attached."),
                 Output("ics", ".ics", f"{_K}.upr_submission:write_ics", option="--ics", param="ics",
                        metavar="OUT.ics", stat="ics",
                        help="Also write a calendar entry for the deadline (12:00 Geneva time) with a reminder "
                             "one week before.")),
        command=("report", "submission"), api="render_upr_submission", dated=True,
        help="Write a UPR stakeholder submission (.docx) from INPUT, with --eml the e-mail draft and with --ics "
             "the deadline; --today also takes a moment (YYYY-MM-DDTHH:MM, Geneva time)."),
    Kind(
        name="pre-session-statement", title="pre-session statement",
        model="uprdraft.models.next_review:PreSessionStatement",
        analyse=f"{_K}.pre_session:analyse", summary=f"{_K}.pre_session:summary_lines",
        outputs=(Output("document", ".docx", f"{_K}.pre_session:write_docx",
                        profile="next_review.pre_session.font_profile", template="--template"),
                 Output("text", ".txt", f"{_K}.pre_session:write_text", option="--text", param="text_output",
                        metavar="OUT.txt", stat="text_output",
                        help="Also write the text to send to the organisers (.txt)."),
                 Output("ics", ".ics", f"{_K}.pre_session:write_ics", option="--ics", param="ics",
                        metavar="OUT.ics", stat="ics",
                        help="Also write a calendar file: the day the statement is due to the organisers, with a "
                             "reminder, and the pre-session itself.")),
        command=("statement", "pre-session"), api="render_pre_session_statement", dated=True, fixed_format=True,
        help="Write the speaker's script (.docx) of a UPR pre-session statement, timed against 5-7 minutes."),
    Kind(
        name="recommending-state-briefs", title="briefs for recommending States",
        model="uprdraft.models.next_review:RecommendingStateBriefs",
        analyse=f"{_K}.briefs:analyse", summary=f"{_K}.briefs:summary_lines",
        outputs=(Output("document", "-briefs", f"{_K}.briefs:write_briefs", many=True,
                        profile="next_review.briefs.font_profile", template="--template"),),
        command=("report", "briefs"), api="render_recommending_state_briefs",
        help="Write one brief (.docx) per recommending State and index.docx into the folder -o DIR."),
    Kind(
        name="child-friendly-recommendations", title="child-friendly recommendations",
        model="uprdraft.models.next_review:ChildFriendlyRecommendations",
        analyse=f"{_K}.child_recommendations:analyse", summary=f"{_K}.child_recommendations:summary_lines",
        outputs=(Output("document", ".docx", f"{_K}.child_recommendations:write_docx",
                        profile="midterm.child_friendly_profile", template="--template"),),
        command=("report", "child-friendly-recommendations"), api="render_child_friendly_recommendations",
        help="Write the recommendations in child-friendly words beside the official text (.docx)."),
    Kind(
        name="factsheet", title="fact sheet",
        model="uprdraft.models.next_review:FactSheet",
        analyse=f"{_K}.factsheet:analyse", summary=f"{_K}.factsheet:summary_lines",
        outputs=(Output("document", ".docx", f"{_K}.factsheet:write_docx", profile="next_review.factsheet_profile",
                        template="--template"),),
        command=("report", "factsheet"), api="render_factsheet", accepts=("midterm-report",),
        help="Write a one-page fact sheet (.docx) with the implementation chart, from a factsheet or a mid-term "
             "report INPUT."),
)})


def get(name: str) -> Kind:
    """The kind called ``name``; an unknown name is a usage error listing the kinds."""
    try:
        return KINDS[name]
    except KeyError:
        from ..findings import InputError

        raise InputError(f"unknown kind '{name}'; one of: {', '.join(KINDS)}", code="usage") from None


def names() -> list[str]:
    return list(KINDS)
