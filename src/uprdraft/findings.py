"""Findings: what every rule, loader and checker reports.

A finding is one problem (or warning) with a stable kebab-case ``code``, a ``severity``
(``error`` or ``warning``), a plain-words ``message`` that says what to do, and a
``location`` (``file:line:col`` for sources; ``story, paragraph N: "excerpt"`` for Word files).

Two exceptions carry findings out of the API, and decide the CLI's exit code:
``ContentError`` (exit 1: the content breaks a rule or the schema) and ``InputError``
(exit 2: usage or I/O problems: missing file, malformed YAML, not a Word file, refusing
to overwrite).
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Finding:
    code: str
    severity: str
    message: str
    location: str = ""

    def to_dict(self) -> dict:
        return asdict(self)

    def __str__(self) -> str:  # the one-line form shown to users
        where = f"{self.location}: " if self.location else ""
        return f"{where}{self.severity}: {self.message} [{self.code}]"


def error(code: str, message: str, location: str = "") -> Finding:
    return Finding(code, ERROR, message, location)


def warning(code: str, message: str, location: str = "") -> Finding:
    return Finding(code, WARNING, message, location)


def has_errors(findings) -> bool:
    return any(f.severity == ERROR for f in findings)


class UprdraftError(Exception):
    """Base of the errors shown to users as one line each; never a traceback."""

    exit_code = 2

    def __init__(self, findings: list[Finding] | Finding | str, *, code: str = "error", location: str = ""):
        if isinstance(findings, str):
            findings = [Finding(code, ERROR, findings, location)]
        elif isinstance(findings, Finding):
            findings = [findings]
        self.findings: list[Finding] = list(findings)
        super().__init__("; ".join(str(f) for f in self.findings))


class InputError(UprdraftError):
    """Usage or I/O problem: the input cannot be read or the output cannot be written (exit 2)."""

    exit_code = 2


class ContentError(UprdraftError):
    """The content breaks the schema or a rule (exit 1). Nothing is written."""

    exit_code = 1


@dataclass
class Report:
    """What a command returns: findings, statistics and the file written (if any).

    ``data`` carries what a command produced for Python callers (e.g. the imported
    recommendations); it is not part of :meth:`to_dict` (the JSON report)."""

    findings: list[Finding] = field(default_factory=list)
    stats: dict = field(default_factory=dict)
    output: str | None = None
    data: Any = field(default=None, repr=False, compare=False)  # what was read or made (not in to_dict)

    @property
    def ok(self) -> bool:
        return not has_errors(self.findings)

    def to_dict(self) -> dict:
        return {
            "ok": self.ok,
            "findings": [f.to_dict() for f in self.findings],
            "stats": self.stats,
            "output": self.output,
        }
