"""document paths of any length on PostgreSQL

A file's path was VARCHAR(1024): a deeper path stored fine on SQLite (which
does not enforce lengths) and failed on PostgreSQL only. The column becomes
TEXT there; SQLite needs no change (and a rebuild of ``document`` would cascade
to every row that points at it).

Revision ID: ux01
Revises: 0006
Create Date: 2026-12-01 21:00:00
"""
from alembic import op
import sqlalchemy as sa

from plantrace.store import views

revision = 'ux01'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    views.drop_views(bind)
    op.alter_column('document', 'path', type_=sa.Text(), existing_type=sa.String(length=1024), existing_nullable=False)
    views.create_views(bind)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    views.drop_views(bind)
    op.alter_column('document', 'path', type_=sa.String(length=1024), existing_type=sa.Text(), existing_nullable=False)
    views.create_views(bind)
