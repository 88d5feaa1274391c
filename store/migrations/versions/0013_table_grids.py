"""every table of a document as a grid, and the v_tables view

The table layer's grid of every page is stored with the document: which reader
found it, whether it is ruled, its header rows, size, box, whether it carries on
from the previous page, and every cell with its spans and box.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07 22:30:00
"""
import sqlalchemy as sa
from alembic import op

from plantrace.store import views

revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None

COLUMNS = (
    ("seq", sa.Integer()), ("reader", sa.String(20)), ("ruled", sa.Boolean()), ("header_rows", sa.Integer()),
    ("n_rows", sa.Integer()), ("n_cols", sa.Integer()), ("continues", sa.Boolean()), ("bbox", sa.JSON()),
    ("cells", sa.JSON()),
)


def upgrade() -> None:
    bind = op.get_bind()
    views.drop_views(bind)
    with op.batch_alter_table("extracted_table") as batch:
        for name, kind in COLUMNS:
            batch.add_column(sa.Column(name, kind, nullable=True))
    views.create_views(bind)


def downgrade() -> None:
    bind = op.get_bind()
    views.drop_views(bind)
    with op.batch_alter_table("extracted_table") as batch:
        for name, _ in reversed(COLUMNS):
            batch.drop_column(name)
    views.create_views(bind, without=tuple(f"extracted_table.{name}" for name, _ in COLUMNS))
