"""votes recorded in minutes

Motions, movers, seconders and results of the votes minutes record, and each
member's For / Against / Abstain / Absent, one row per member.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01 21:00:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "minute_vote",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agenda_item_id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("page", sa.Integer(), nullable=True),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("motion", sa.Text(), nullable=True),
        sa.Column("mover", sa.String(length=200), nullable=True),
        sa.Column("seconder", sa.String(length=200), nullable=True),
        sa.Column("result", sa.String(length=200), nullable=True),
        sa.ForeignKeyConstraint(["agenda_item_id"], ["agenda_item.id"], name=op.f("fk_minute_vote_agenda_item_id_agenda_item"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["document_id"], ["document.id"], name=op.f("fk_minute_vote_document_id_document"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_minute_vote")),
    )
    op.create_index(op.f("ix_minute_vote_agenda_item_id"), "minute_vote", ["agenda_item_id"])
    op.create_index(op.f("ix_minute_vote_document_id"), "minute_vote", ["document_id"])
    op.create_table(
        "minute_vote_cast",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("vote_id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.String(length=10), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["vote_id"], ["minute_vote.id"], name=op.f("fk_minute_vote_cast_vote_id_minute_vote"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["document_id"], ["document.id"], name=op.f("fk_minute_vote_cast_document_id_document"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], name=op.f("fk_minute_vote_cast_person_id_person"), ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_minute_vote_cast")),
    )
    op.create_index(op.f("ix_minute_vote_cast_vote_id"), "minute_vote_cast", ["vote_id"])
    op.create_index(op.f("ix_minute_vote_cast_document_id"), "minute_vote_cast", ["document_id"])
    op.create_index(op.f("ix_minute_vote_cast_person_id"), "minute_vote_cast", ["person_id"])


def downgrade() -> None:
    # the vote views read these tables (PostgreSQL refuses to drop a table a view reads)
    from plantrace.store import views

    bind = op.get_bind()
    views.drop_views(bind)
    op.drop_table("minute_vote_cast")
    op.drop_table("minute_vote")
    views.create_views(bind, without=("minute_vote", "minute_vote_cast"))
