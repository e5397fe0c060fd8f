"""Creating and upgrading the tracker's schema with the Alembic migrations in ``migrations/``.

Alembic is configured from Python (no alembic.ini): the script location is this package's
``migrations`` folder and the connection is ours, already inside one transaction, so a
failed upgrade changes nothing.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlalchemy as sa

from ..findings import InputError
from .db import MIGRATIONS, Location, Tracker, check_state, known_revisions, locate, make_engine, now, state
from .schema import APP, HEAD, metadata, tracker_info


def _config(conn: sa.Connection) -> Any:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = conn
    return cfg


def run_upgrade(conn: sa.Connection, revision: str = "head") -> None:
    from alembic import command

    command.upgrade(_config(conn), revision)


def alembic_head() -> str:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    head = ScriptDirectory.from_config(cfg).get_current_head()
    return str(head)


def _drop_ours(conn: sa.Connection) -> None:
    names = set(sa.inspect(conn).get_table_names())
    for table in reversed(metadata.sorted_tables):
        if table.name in names:
            table.drop(conn)
    if "alembic_version" in names:
        conn.exec_driver_sql("DROP TABLE alembic_version")


def _remove_sqlite_file(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        p = path.with_name(path.name + suffix)
        try:
            p.unlink()
        except FileNotFoundError:
            pass
        except OSError as e:
            raise InputError(f"{path}: cannot replace the file ({e.strerror})", code="track-db") from None


def init(db: Any = None, force: bool = False, revision: str = "head") -> tuple[Location, str]:
    """Create the tracker (schema at ``revision``). Refuses a database that holds tables
    unless ``force``: then an SQLite file is replaced, and a server database loses the
    tracker's tables (other tables stay). Returns (location, revision)."""
    loc = locate(db)
    if loc.path is not None:
        if loc.path.is_dir():
            raise InputError(f"{loc.shown}: this is a folder; give a file name for the tracker", code="track-db")
        if not loc.path.parent.is_dir():
            raise InputError(f"{loc.shown}: the folder {loc.path.parent} does not exist", code="track-db")
        if loc.path.exists() and loc.path.stat().st_size > 0:
            if not force:
                raise InputError(f"{loc.shown}: the file exists already; give --force to replace it (everything in "
                                 "it is lost; 'uprdraft track dump' first)", code="track-exists")
            _remove_sqlite_file(loc.path)
    tracker = Tracker(loc, make_engine(loc))
    try:
        with tracker.write() as conn:
            names = set(sa.inspect(conn).get_table_names())
            if names:
                if not force:
                    raise InputError(f"{loc.shown}: the database is not empty ({len(names)} tables); give --force to "
                                     "replace the tracker's tables", code="track-exists")
                _drop_ours(conn)
            run_upgrade(conn, revision)
            conn.execute(sa.insert(tracker_info), [{"key": "app", "value": APP}, {"key": "created_at", "value": now()}])
            current = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    finally:
        tracker.close()
    return loc, str(current)


def upgrade(db: Any = None) -> tuple[Location, str | None, str]:
    """Bring an older tracker to this uprdraft's schema: (location, from, to)."""
    loc = locate(db)
    if loc.path is not None and not loc.path.exists():
        raise InputError(f"{loc.shown}: no tracker here; create it with 'uprdraft track init' (or give --db)",
                         code="track-db")
    tracker = Tracker(loc, make_engine(loc))
    try:
        with tracker.write() as conn:
            what, before = state(conn)
            if what != "ours" or before not in known_revisions():
                check_state(loc, what, before)
            if before != HEAD:
                run_upgrade(conn, "head")
            after = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    finally:
        tracker.close()
    return loc, before, str(after)


def init_if_empty(db: Any = None) -> bool:
    """Create the tracker when the database does not exist or has no table; True if created."""
    loc = locate(db)
    if loc.path is not None and (not loc.path.exists() or loc.path.stat().st_size == 0):
        init(db, force=loc.path.exists())
        return True
    tracker = Tracker(loc, make_engine(loc))
    try:
        with tracker.read() as conn:
            what, _ = state(conn)
    finally:
        tracker.close()
    if what == "empty":
        init(db)
        return True
    return False
