"""Alembic environment: the connection comes from :mod:`uprdraft.tracker.migrate` (never a
URL from a configuration file), and all migrations run in the caller's one transaction."""
from __future__ import annotations

from alembic import context

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=None, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
