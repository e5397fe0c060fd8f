"""Input bounds of the table readers: a regular file of bounded size, and the one-line error
of any input over a limit (``rules.importing``)."""
from __future__ import annotations

import os
import stat
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
    limit = rules.importing.max_file_mb
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except FileNotFoundError:
        raise InputError(f"{path}: no such file; check the name and folder", code="io") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder, not a file", code="io") from None
    except OSError as e:
        raise InputError(f"{path}: cannot read the file ({e.strerror})", code="io") from None
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise InputError(f"{path}: is a folder, not a file", code="io")
        if not stat.S_ISREG(st.st_mode):
            raise InputError(f"{path}: is not an ordinary file (a pipe, device or socket); save the table as a "
                             "file and give its name", code="io")
        if st.st_size > limit * MB:
            raise over_limit(path, f"the file is {st.st_size / MB:,.1f} MB", "max_file_mb", limit, "table-too-large")
        os.set_blocking(fd, True)
        with os.fdopen(fd, "rb", closefd=False) as f:
            data = f.read(limit * MB + 1)
    except OSError as e:
        raise InputError(f"{path}: cannot read the file ({e.strerror})", code="io") from None
    finally:
        os.close(fd)
    if len(data) > limit * MB:  # grew while we read it
        raise over_limit(path, "the file is larger", "max_file_mb", limit, "table-too-large")
    return data
