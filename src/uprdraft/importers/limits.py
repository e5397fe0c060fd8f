"""Input bounds of the table readers: a regular file of bounded size, and the one-line error
of any input over a limit (``rules.importing``)."""
from __future__ import annotations

from pathlib import Path

from ..findings import InputError

MB = 1 << 20


def over_limit(path, what: str, key: str, value, code: str) -> InputError:
    """The one line of an input over a limit: the limit, its rules key and how to raise it."""
    return InputError(f"{path}: {what}, over the limit importing.{key} = {value:,}; split the file, or raise the "
                      f"limit with a --rules file holding 'importing: {{{key}: N}}'", code=code)


def read_input(path: Path, rules) -> bytes:
    """The bytes of a table file: a regular file (InputError ``io`` at once for a folder, pipe,
    device or socket) of at most ``rules.importing.max_file_mb`` (``table-too-large``)."""
    from ..fileio import read_bytes

    return read_bytes(path, "table file", max_bytes=rules.importing.max_file_mb * MB,
                      rule="importing.max_file_mb", code="table-too-large")


