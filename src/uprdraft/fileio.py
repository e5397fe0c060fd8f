"""Safe output: never overwrite without ``force``, write atomically (temp file + rename)."""
from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Mapping
from pathlib import Path

from .findings import InputError


def read_bytes(path: str | Path, what: str = "file", max_bytes: int | None = None,
               rule: str = "limits.text_bytes", code: str = "input-size") -> bytes:
    """The bytes of an input file, or one plain-words InputError (exit 2).

    Only a regular file is read: a folder, a pipe or a device (``/dev/zero``) is refused at
    once, before any byte is read (a pipe is opened without waiting for a writer). With
    ``max_bytes`` a larger file is refused, naming the ``rule`` that raises the limit.
    """
    path = Path(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise InputError(f"{path}: no such file; check the name and folder", code="io") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder, not a {what}", code="io") from None
    except OSError as e:
        raise InputError(f"{path}: cannot read the {what} ({e.strerror})", code="io") from None
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise InputError(f"{path}: is a folder, not a {what}", code="io")
        if not stat.S_ISREG(st.st_mode):
            raise InputError(f"{path}: is not a regular file (a device, a pipe or a socket); give the "
                             f"{what} itself", code="io")
        if max_bytes is not None and st.st_size > max_bytes:
            raise _too_large(path, what, st.st_size, max_bytes, rule, code)
        with os.fdopen(fd, "rb") as f:
            fd = -1  # closed with f
            data = f.read() if max_bytes is None else f.read(max_bytes + 1)
    except OSError as e:
        raise InputError(f"{path}: cannot read the {what} ({e.strerror})", code="io") from None
    finally:
        if fd >= 0:
            os.close(fd)
    if max_bytes is not None and len(data) > max_bytes:  # it grew while we read it
        raise _too_large(path, what, len(data), max_bytes, rule, code)
    return data


def _too_large(path: Path, what: str, size: int, limit: int, rule: str, code: str) -> InputError:
    section, _, key = rule.partition(".")
    if key.endswith("_mb"):  # the rule counts megabytes: say it, and suggest a value in them
        mb = 1024 * 1024
        return InputError(f"{path}: the {what} is {size / mb:,.1f} MB, over the limit of {limit // mb:,} MB ({rule}); "
                          f"to read it, raise the limit in a rules file ({section}: {{{key}: {-(-size // mb) + 1}}}) "
                          "given with --rules", code=code)
    return InputError(f"{path}: the {what} is {size:,} bytes, over the limit of {limit:,} bytes ({rule}); to read "
                      f"it, raise the limit in a rules file ({section}: {{{key}: {max(size, limit * 2)}}}) given "
                      "with --rules", code=code)


def default_output(input_path: str | Path, suffix: str) -> Path:
    """The input's name with a new suffix, beside the input (``stmt.yaml`` -> ``stmt.docx``)."""
    p = Path(input_path)
    return p.with_suffix(suffix)


def check_writable(path: str | Path, force: bool) -> Path:
    """Refuse before any work is done: an existing file (or link, even a dangling one) without
    ``force``; a folder, device, pipe or socket even with it; a folder that does not exist."""
    import stat

    path = Path(path)
    if os.path.lexists(path):
        st = os.lstat(path)
        if stat.S_ISDIR(st.st_mode):
            raise InputError(f"{path}: is a folder; give a file name with -o", code="io")
        if not (stat.S_ISREG(st.st_mode) or stat.S_ISLNK(st.st_mode)):
            raise InputError(f"{path}: is not an ordinary file (a device, pipe or socket); choose another name "
                             "with -o", code="io")
        if not force:
            raise InputError(f"{path}: the file exists already; use --force to replace it, or -o to choose "
                             "another name", code="io")
    if not path.parent.is_dir():
        raise InputError(f"{path.parent}: no such folder; create it or choose another -o", code="io")
    return path


def write_atomic(path: str | Path, data: bytes | str | Iterable[bytes], force: bool = False) -> Path:
    """Write one file through a temporary file in the same folder, then rename: a crash or an
    error never leaves a half-written file, and an existing file is only replaced with ``force``.
    ``data``: the bytes (or text, written as UTF-8), or the bytes in parts (a big file made
    and written part by part)."""
    path = Path(path)
    write_all({path: data.encode("utf-8") if isinstance(data, str) else data}, force)
    return path


def write_all(files: Mapping[Path, bytes | Iterable[bytes]], force: bool = False) -> list[Path]:
    """Write several files all or nothing: every one to a temporary file first, then each
    renamed into place; if any step fails, the files already placed are taken back (and a
    file replaced with ``force`` is restored), so none is left behind. A link at the target is
    replaced by the file, never written through."""
    staged: list[tuple[Path, str]] = []
    placed: list[tuple[Path, str | None]] = []  # (path, backup of what it replaced)
    try:
        for path, data in files.items():
            check_writable(path, force)
            staged.append((path, _stage(path, data)))
        for path, tmp in staged:
            backup = None
            if os.path.lexists(path):
                check_writable(path, force)  # appeared, or changed kind, while we worked
                backup = _stage_name(path, ".bak")
                if os.path.lexists(backup):
                    os.unlink(backup)
                os.link(path, backup, follow_symlinks=False)  # keep what --force replaces until all are placed
            os.replace(tmp, path)
            placed.append((path, backup))
    except OSError as e:
        _undo(placed)
        raise InputError(f"{getattr(e, 'filename', None) or 'output'}: cannot write the file ({e.strerror}); "
                         "nothing was written", code="io") from None
    except BaseException:
        _undo(placed)
        raise
    finally:
        for _, tmp in staged:
            if os.path.lexists(tmp):
                os.unlink(tmp)
    for _, backup in placed:
        if backup and os.path.lexists(backup):
            os.unlink(backup)
    return [p for p, _ in placed]


def _stage_name(path: Path, suffix: str) -> str:
    return str(path.parent / f".{path.name}.{os.getpid()}{suffix}")


def _umask() -> int:
    """The process umask, read without changing it where the system allows."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _stage(path: Path, data: bytes | Iterable[bytes]) -> str:
    import tempfile  # here: reading commands start without it (and shutil, random, bz2, lzma)

    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            if isinstance(data, (bytes, bytearray, memoryview)):
                f.write(data)
            else:
                f.writelines(data)  # parts made as they are written: a failure leaves no temporary file
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o666 & ~_umask())  # as any new file would be, not mkstemp's 0600
    except BaseException:
        os.unlink(tmp)
        raise
    return tmp


def _undo(placed: list[tuple[Path, str | None]]) -> None:
    for path, backup in reversed(placed):
        try:
            if backup and os.path.lexists(backup):
                os.replace(backup, path)
            else:
                os.unlink(path)
        except OSError:
            pass
