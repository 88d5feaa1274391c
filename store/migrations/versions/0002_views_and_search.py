"""analyst views and full-text search

Views and the search index are derived from the tables, so they are created
from the definitions in store.views and store.fulltext rather than copied
here: there is one place to read what a view means.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 01:40:00
"""
from alembic import op

from plantrace.store import fulltext, views

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    views.create_views(bind)
    fulltext.install(bind)


def downgrade() -> None:
    bind = op.get_bind()
    fulltext.uninstall(bind)
    views.drop_views(bind)
