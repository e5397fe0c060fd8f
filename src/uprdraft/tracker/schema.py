"""The tracker's tables (SQLAlchemy Core), as the newest migration leaves them.

The migrations in ``migrations/versions`` are the source of the schema; this module
describes the same tables for queries, and ``HEAD`` names the newest revision (a test
checks that it is Alembic's head and that the migrated schema matches these tables).
"""
from __future__ import annotations

import sqlalchemy as sa

HEAD = "0002"
APP = "uprdraft-tracker"  # tracker_info.app: tells our database from any other
STATUSES = ("fully-implemented", "partially-implemented", "not-implemented", "no-data")
NO_DATA = "no-data"

metadata = sa.MetaData()

tracker_info = sa.Table(
    "tracker_info", metadata,
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)

recommendations = sa.Table(
    "recommendations", metadata,
    sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("state", sa.String(200), nullable=False),  # State under review ("" when unknown)
    sa.Column("review", sa.String(100), nullable=False),  # WG report symbol, else "session N", else ""
    sa.Column("rec_id", sa.String(100), nullable=False),  # paragraph (115.23) or the importer's id
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("response", sa.String(30)),
    sa.Column("session", sa.Integer),
    sa.Column("document_symbol", sa.String(100)),
    sa.Column("recommending_states", sa.Text, nullable=False),  # one per line (see LIST_COLUMNS)
    sa.Column("themes", sa.Text, nullable=False),  # one per line
    sa.Column("action_category", sa.Integer),
    sa.Column("sdgs", sa.Text, nullable=False, server_default=""),  # SDG goals or targets ("4", "4.1"), one per line
    sa.Column("persons", sa.Text, nullable=False, server_default=""),  # groups of persons concerned, one per line
    sa.Column("mechanism", sa.String(40)),  # upr, treaty-body, special-procedure (or as given)
    sa.Column("source_file", sa.Text),
    sa.Column("imported_at", sa.String(40), nullable=False),
    sa.Column("updated_at", sa.String(40), nullable=False),
    sa.UniqueConstraint("state", "review", "rec_id", name="uq_recommendation"),
)
sa.Index("ix_recommendations_rec_id", recommendations.c.rec_id)

assessments = sa.Table(
    "assessments", metadata,
    sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("recommendation", sa.Integer, sa.ForeignKey("recommendations.pk", name="fk_assessment_rec"),
              nullable=False),
    sa.Column("status", sa.String(30), nullable=False),
    sa.Column("date", sa.Date, nullable=False),
    sa.Column("evidence", sa.Text),
    sa.Column("source", sa.Text),
    sa.Column("author", sa.String(200)),
    sa.Column("recorded_at", sa.String(40), nullable=False),
)
sa.Index("ix_assessments_rec_date", assessments.c.recommendation, assessments.c.date, assessments.c.pk)
# covering: the monthly statistics read (date, pk, recommendation, status) in date order
sa.Index("ix_assessments_date", assessments.c.date, assessments.c.pk, assessments.c.recommendation,
         assessments.c.status)

links = sa.Table(
    "links", metadata,
    sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("recommendation", sa.Integer, sa.ForeignKey("recommendations.pk", name="fk_link_rec"),
              nullable=False),
    sa.Column("mechanism", sa.String(200), nullable=False),
    sa.Column("document", sa.String(200), nullable=False),
    sa.Column("paragraph", sa.String(50)),
    sa.Column("note", sa.Text),
    sa.Column("author", sa.String(200)),
    sa.Column("recorded_at", sa.String(40), nullable=False),
)
sa.Index("ix_links_rec", links.c.recommendation)

#: the tables a dump holds, parents first
DATA_TABLES = (recommendations, assessments, links)
#: columns holding a list: one value per line ("" for none), readable in SQL and quick to split
#: (PostgreSQL: string_to_array(themes, E'\n')); line breaks inside a value become spaces
LIST_COLUMNS = ("recommending_states", "themes", "sdgs", "persons")


def join_list(values: list[str]) -> str:
    return "\n".join(" ".join(str(v).split()) for v in values if str(v).strip())


def split_list(text: str | None) -> list[str]:
    return text.split("\n") if text else []
