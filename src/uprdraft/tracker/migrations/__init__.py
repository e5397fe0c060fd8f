"""Alembic migrations of the tracker's schema, run from Python by :mod:`uprdraft.tracker.migrate`."""
