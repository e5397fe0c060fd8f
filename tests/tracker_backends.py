"""Database backends for the tracker's tests: SQLite files and a real PostgreSQL server.

PostgreSQL: ``$UPRDRAFT_TEST_POSTGRES`` (a URL to a server where the user may create
databases) when set; otherwise a throwaway server is started from the Debian binaries
(``/usr/lib/postgresql/*/bin/initdb`` and ``pg_ctl``) in a temporary folder, on 127.0.0.1 and
a free port, as a non-root user when the tests run as root. The tests that need it skip only
when no PostgreSQL binaries exist. Each test gets its own new database.
"""
from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path


def _binaries() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4])
                   if p.split("/")[4].isdigit() else 0)
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    """A PostgreSQL server for the test session: ``url(dbname)``, ``create()``, ``drop(name)``."""

    def __init__(self, base_url: str, stop=None):
        self.base_url = base_url.replace("postgresql+psycopg://", "postgresql://")
        self._stop = stop

    def _admin(self):
        import psycopg

        return psycopg.connect(self.base_url, autocommit=True)

    def url(self, dbname: str) -> str:
        import sqlalchemy as sa

        return sa.make_url(self.base_url).set(database=dbname).render_as_string(hide_password=False)

    def create(self) -> str:
        name = "uprdraft_test_" + uuid.uuid4().hex[:12]
        with self._admin() as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return name

    def drop(self, name: str) -> None:
        with self._admin() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def stop(self) -> None:
        if self._stop:
            self._stop()


def start_server() -> Server | None:
    """The server to test against, or None when there is none and no binaries to start one."""
    given = os.environ.get("UPRDRAFT_TEST_POSTGRES")
    if given:
        return Server(given)
    bindir = _binaries()
    if bindir is None:
        return None
    root = tempfile.mkdtemp(prefix="uprdraft-pg-")
    as_user: list[str] = []
    if os.geteuid() == 0:
        user = "nobody"
        shutil.chown(root, user=user)
        as_user = ["runuser", "-u", user, "--"]
    data = os.path.join(root, "data")
    port = _free_port()
    env = {**os.environ, "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"}
    subprocess.run([*as_user, str(bindir / "initdb"), "-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8",
                    "--no-sync"], check=True, capture_output=True, env=env, cwd=root)
    opts = f"-c listen_addresses=127.0.0.1 -p {port} -k {root} -c fsync=off -c max_connections=50"
    subprocess.run([*as_user, str(bindir / "pg_ctl"), "-D", data, "-o", opts, "-l", os.path.join(root, "log"), "-w",
                    "-t", "60", "start"], check=True, capture_output=True, env=env, cwd=root)

    def stop() -> None:
        subprocess.run([*as_user, str(bindir / "pg_ctl"), "-D", data, "-m", "immediate", "stop"],
                       capture_output=True, env=env, cwd=root)
        shutil.rmtree(root, ignore_errors=True)

    return Server(f"postgresql://postgres@127.0.0.1:{port}/postgres", stop)
