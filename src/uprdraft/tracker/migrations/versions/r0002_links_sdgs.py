"""Links to other mechanisms; SDG targets, groups of persons and mechanism of a recommendation.

Revision ID: 0002
Revises: 0001
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("recommendations") as batch:
        batch.add_column(sa.Column("sdgs", sa.Text, nullable=False, server_default=""))
        batch.add_column(sa.Column("persons", sa.Text, nullable=False, server_default=""))
        batch.add_column(sa.Column("mechanism", sa.String(40)))
    op.create_table(
        "links",
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
    op.create_index("ix_links_rec", "links", ["recommendation"])


def downgrade() -> None:
    op.drop_table("links")
    with op.batch_alter_table("recommendations") as batch:
        batch.drop_column("mechanism")
        batch.drop_column("persons")
        batch.drop_column("sdgs")
