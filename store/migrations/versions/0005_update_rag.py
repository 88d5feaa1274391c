"""a progress row's own RAG rating

Plans updated for a board often rate each action row Red / Amber / Green, not
only each recommendation; the rating gets a column and the views show it
(``v_action_updates.rag``, ``v_actions.latest_update_rag``).

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-22 08:40:00
"""
from alembic import op
import sqlalchemy as sa

from plantrace.store import views

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    views.drop_views(bind)
    op.add_column('action_update', sa.Column('rag', sa.String(length=1), nullable=True))
    views.create_views(bind)


def downgrade() -> None:
    bind = op.get_bind()
    views.drop_views(bind)
    # plain ALTER (SQLite 3.35+, PostgreSQL): a batch rebuild would drop the table,
    # and with foreign keys on, SQLite would cascade that to the owners of its rows
    op.execute("ALTER TABLE action_update DROP COLUMN rag")
    views.create_views(bind)
