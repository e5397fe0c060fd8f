"""``uprdraft track``: the follow-up tracker, recommendations and their implementation over time.

A real database (SQLite file by default, PostgreSQL for a coalition sharing one tracker)
reached through SQLAlchemy 2 Core; the schema is versioned by Alembic migrations shipped in
``migrations/`` and run from Python (:mod:`.migrate`).

- :mod:`.schema`: the tables (recommendations, assessments, links, tracker_info) and ``HEAD``;
- :mod:`.db`: where the database is (``--db``, ``$UPRDRAFT_DB``, ``./uprdraft.db``), opening
  it, and turning database failures into one-line errors;
- :mod:`.migrate`: ``init`` and ``upgrade`` through Alembic;
- :mod:`.importing`, :mod:`.assess`, :mod:`.query`, :mod:`.export`, :mod:`.backup`: the commands.

Assessments are append-only: nothing ever updates or deletes one. The status of a
recommendation as of a date is its latest assessment on or before that date (the last
recorded one when several share the date), ``no-data`` when there is none.

Nothing here is imported at start-up: the API imports these modules inside its functions.
"""
