"""recommendations in the search index

A progress report has recommendations and no actions, so until now none of its
words could be searched. The index is made from the definitions in
store.fulltext, as in 0002.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-22 09:00:00
"""
from alembic import op

from plantrace.store import fulltext

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    fulltext.install(op.get_bind())


def downgrade() -> None:
    fulltext.install(op.get_bind(), [s for s in fulltext.SOURCES if s[1] != "recommendation"])
