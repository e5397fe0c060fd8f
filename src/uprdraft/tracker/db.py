"""Where the tracker is, opening it, and database failures as one-line errors.

``--db`` takes a path (an SQLite file) or a URL (``postgresql://user@host/db``,
``sqlite:///path``); without it ``$UPRDRAFT_DB``, else ``./uprdraft.db``. PostgreSQL URLs
are served by psycopg 3. Passwords never appear in messages.

SQLite runs in WAL mode with a busy timeout (``$UPRDRAFT_DB_TIMEOUT`` seconds, default 30),
and every command that writes takes the write lock first (``BEGIN IMMEDIATE``), so that two
people assessing at the same moment both succeed, one after the other. Every command runs in
one transaction: an import cut short leaves the database as it was.

Errors: :class:`~uprdraft.findings.InputError` (exit 2) with code ``track-db`` (cannot open:
missing, locked, damaged, not ours, cannot connect) or ``track-upgrade`` (the schema is older
than this uprdraft: run ``uprdraft track upgrade``).
"""
from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event, exc

from ..findings import ContentError, InputError
from .schema import APP, HEAD, tracker_info

DEFAULT_FILE = "uprdraft.db"
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
UPGRADE_HINT = "run uprdraft track upgrade"


def now() -> str:
    """The time a record is made: UTC, ISO 8601 with microseconds."""
    return dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


@dataclass(frozen=True)
class Location:
    url: sa.URL
    shown: str  # for messages: the path, or the URL without password
    path: Path | None  # the SQLite file, None for a server or an in-memory database

    @property
    def sqlite(self) -> bool:
        return self.url.get_backend_name() == "sqlite"


def locate(db: Any = None) -> Location:
    """The database named by ``db`` (path or URL), ``$UPRDRAFT_DB`` or ``./uprdraft.db``."""
    value = db if db not in (None, "") else os.environ.get("UPRDRAFT_DB") or DEFAULT_FILE
    if isinstance(value, os.PathLike):
        value = os.fspath(value)
    if not isinstance(value, str):
        raise InputError(f"--db: give a file path or a database URL, not {value!r}", code="usage")
    if "://" not in value:
        path = Path(value).expanduser()
        return Location(sa.URL.create("sqlite", database=str(path.absolute())), str(value), path.absolute())
    try:
        url = sa.make_url(value)
    except (exc.ArgumentError, ValueError):
        raise InputError(f"--db: '{_hide(value)}' is not a database URL; write postgresql://user@host/database "
                         "or a file path", code="usage") from None
    backend = url.get_backend_name()
    if backend in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
        return Location(url, url.render_as_string(hide_password=True).replace("+psycopg", ""), None)
    if backend == "sqlite":
        database = url.database or ""
        file = Path(database).absolute() if database and database != ":memory:" else None
        return Location(url, database or ":memory:", file)
    raise InputError(f"--db: '{backend}' databases are not supported; use an SQLite file or postgresql://...",
                     code="usage")


def _hide(value: str) -> str:
    """A URL as text without its password."""
    head, sep, rest = value.partition("://")
    if "@" in rest and ":" in rest.split("@", 1)[0]:
        user = rest.split("@", 1)[0].split(":", 1)[0]
        rest = f"{user}:***@{rest.split('@', 1)[1]}"
    return head + sep + rest


def _timeout() -> float:
    try:
        return float(os.environ.get("UPRDRAFT_DB_TIMEOUT", "30"))
    except ValueError:
        return 30.0


def make_engine(loc: Location) -> sa.Engine:
    if loc.sqlite:
        engine = sa.create_engine(loc.url, connect_args={"timeout": _timeout()}, poolclass=sa.pool.NullPool)

        @event.listens_for(engine, "connect")
        def _connect(dbapi_connection: Any, record: Any) -> None:
            dbapi_connection.isolation_level = None  # we say BEGIN ourselves (below)
            cur = dbapi_connection.cursor()
            cur.execute(f"PRAGMA busy_timeout = {int(_timeout() * 1000)}")
            cur.execute("PRAGMA foreign_keys = ON")
            if loc.path is not None:
                cur.execute("PRAGMA journal_mode = WAL")
                cur.execute("PRAGMA synchronous = NORMAL")
            cur.close()

        @event.listens_for(engine, "begin")
        def _begin(conn: sa.Connection) -> None:
            write = conn.get_execution_options().get("uprdraft_write")
            conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

        return engine
    return sa.create_engine(loc.url, poolclass=sa.pool.NullPool,
                            connect_args={"connect_timeout": max(1, int(_timeout()))})


# --------------------------------------------------------------------------- errors
def _first_line(e: BaseException) -> str:
    orig = getattr(e, "orig", None) or e
    text = str(orig).strip().splitlines()
    return text[0] if text else type(orig).__name__


@contextlib.contextmanager
def database_errors(loc: Location) -> Iterator[None]:
    """Turn a database failure into one line (InputError, exit 2); our own errors pass."""
    try:
        yield
    except (InputError, ContentError):
        raise
    except exc.OperationalError as e:
        line = _first_line(e)
        low = line.lower()
        if "locked" in low or "busy" in low:
            raise InputError(f"{loc.shown}: the database is locked by another program; try again when it has "
                             "finished", code="track-db") from None
        if "not a database" in low or "malformed" in low or "disk image" in low:
            raise InputError(f"{loc.shown}: not a readable database (damaged, or another kind of file); restore "
                             "it from a dump ('uprdraft track load') or give another --db", code="track-db") from None
        if "no such table" in low or "no such column" in low or "does not exist" in low and "relation" in low:
            raise InputError(f"{loc.shown}: the tracker's tables are not as expected; {UPGRADE_HINT}",
                             code="track-upgrade") from None
        if "readonly" in low or "read-only" in low or "unable to open" in low:
            raise InputError(f"{loc.shown}: cannot write the database ({line})", code="track-db") from None
        raise InputError(f"{loc.shown}: cannot use the database ({line})", code="track-db") from None
    except exc.ProgrammingError as e:
        line = _first_line(e)
        if "does not exist" in line or "no such" in line or "undefined" in line.lower():
            raise InputError(f"{loc.shown}: the tracker's tables are not as expected; {UPGRADE_HINT}",
                             code="track-upgrade") from None
        raise InputError(f"{loc.shown}: the database refused a command ({line})", code="track-db") from None
    except exc.IntegrityError as e:
        raise InputError(f"{loc.shown}: someone changed the tracker at the same time ({_first_line(e)}); run the "
                         "command again", code="track-db") from None
    except exc.DatabaseError as e:
        line = _first_line(e)
        if "not a database" in line.lower() or "malformed" in line.lower():
            raise InputError(f"{loc.shown}: not a readable database (damaged, or another kind of file); restore "
                             "it from a dump ('uprdraft track load') or give another --db", code="track-db") from None
        raise InputError(f"{loc.shown}: cannot use the database ({line})", code="track-db") from None
    except exc.SQLAlchemyError as e:
        raise InputError(f"{loc.shown}: cannot use the database ({_first_line(e)})", code="track-db") from None
    except ImportError as e:
        raise InputError(f"{loc.shown}: the database driver is missing ({e}); install uprdraft with its "
                         "dependencies", code="track-db") from None


# --------------------------------------------------------------------------- the tracker
class Tracker:
    """An open tracker: ``read()`` and ``write()`` give a connection inside one transaction."""

    def __init__(self, loc: Location, engine: sa.Engine):
        self.loc = loc
        self.engine = engine

    @property
    def shown(self) -> str:
        return self.loc.shown

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextlib.contextmanager
    def read(self) -> Iterator[sa.Connection]:
        with database_errors(self.loc), self.engine.connect() as conn, conn.begin():
            yield conn

    @contextlib.contextmanager
    def write(self) -> Iterator[sa.Connection]:
        """One transaction that takes the write lock first; all or nothing."""
        with database_errors(self.loc), self.engine.connect() as raw:
            conn = raw.execution_options(uprdraft_write=True)
            with conn.begin():
                yield conn

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Tracker:
        return self

    def __exit__(self, *exc_info: Any) -> None:
        self.close()


def state(conn: sa.Connection) -> tuple[str, str | None]:
    """("empty" | "ours" | "foreign", revision or None) of the database behind ``conn``."""
    names = set(sa.inspect(conn).get_table_names())
    if not names:
        return "empty", None
    if "tracker_info" not in names or "alembic_version" not in names:
        return "foreign", None
    app = conn.execute(sa.select(tracker_info.c.value).where(tracker_info.c.key == "app")).scalar()
    if app != APP:
        return "foreign", None
    revision = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    return "ours", revision


def connect(db: Any = None) -> Tracker:
    """Open an existing tracker whose schema is current; otherwise an InputError (exit 2)."""
    loc = locate(db)
    if loc.path is not None and not loc.path.exists():
        raise InputError(f"{loc.shown}: no tracker here; create it with 'uprdraft track init' (or give --db)",
                         code="track-db")
    if loc.path is not None and loc.path.is_dir():
        raise InputError(f"{loc.shown}: this is a folder; give the tracker's file", code="track-db")
    tracker = Tracker(loc, make_engine(loc))
    try:
        with tracker.read() as conn:
            what, revision = state(conn)
        check_state(loc, what, revision)
    except BaseException:
        tracker.close()
        raise
    return tracker


def check_state(loc: Location, what: str, revision: str | None) -> None:
    if what == "empty":
        raise InputError(f"{loc.shown}: the database is empty; create the tracker with 'uprdraft track init'",
                         code="track-db")
    if what == "foreign":
        raise InputError(f"{loc.shown}: this database is not a uprdraft tracker; give another --db",
                         code="track-db")
    if revision != HEAD:
        if revision in known_revisions():
            raise InputError(f"{loc.shown}: the tracker's schema is out of date (revision {revision}, this uprdraft "
                             f"uses {HEAD}); {UPGRADE_HINT}", code="track-upgrade")
        raise InputError(f"{loc.shown}: the tracker was made by a newer uprdraft (schema revision {revision}); "
                         "upgrade uprdraft", code="track-db")


def known_revisions() -> list[str]:
    """The schema revisions shipped, oldest first (from the migrations' file names, without Alembic)."""
    out = []
    for p in sorted((MIGRATIONS / "versions").glob("r*.py")):
        m = re.match(r"r(\d+)_", p.name)
        if m:
            out.append(m.group(1))
    return out
