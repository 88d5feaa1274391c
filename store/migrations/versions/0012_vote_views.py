"""the views of recorded votes (v_votes, v_vote_casts)

Revision ID: 0012
Revises: 0008
Create Date: 2026-12-07 22:20:00
"""
from alembic import op

from plantrace.store import views

revision = '0012'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Existing databases gain the new views: every view is rebuilt from the current definitions."""
    bind = op.get_bind()
    views.drop_views(bind)
    views.create_views(bind)


def downgrade() -> None:
    """Views are always built from the current definitions; nothing below this needs undoing."""
