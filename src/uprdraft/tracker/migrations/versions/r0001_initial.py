"""The first tracker: recommendations and their assessments.

Revision ID: 0001
Revises:
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "tracker_info",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )
    op.create_table(
        "recommendations",
        sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("state", sa.String(200), nullable=False),
        sa.Column("review", sa.String(100), nullable=False),
        sa.Column("rec_id", sa.String(100), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("response", sa.String(30)),
        sa.Column("session", sa.Integer),
        sa.Column("document_symbol", sa.String(100)),
        sa.Column("recommending_states", sa.Text, nullable=False),
        sa.Column("themes", sa.Text, nullable=False),
        sa.Column("action_category", sa.Integer),
        sa.Column("source_file", sa.Text),
        sa.Column("imported_at", sa.String(40), nullable=False),
        sa.Column("updated_at", sa.String(40), nullable=False),
        sa.UniqueConstraint("state", "review", "rec_id", name="uq_recommendation"),
    )
    op.create_index("ix_recommendations_rec_id", "recommendations", ["rec_id"])
    op.create_table(
        "assessments",
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
    op.create_index("ix_assessments_rec_date", "assessments", ["recommendation", "date", "pk"])
    op.create_index("ix_assessments_date", "assessments", ["date", "pk", "recommendation", "status"])


def downgrade() -> None:
    op.drop_table("assessments")
    op.drop_table("recommendations")
    op.drop_table("tracker_info")
