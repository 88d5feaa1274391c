"""pages read by OCR

One row per page of a document that was read by OCR, with its mean word
confidence, how the scan was turned upright and the words under the
confidence floor.

Revision ID: 0010
Revises: 0006
Create Date: 2026-12-01 21:00:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0010'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "ocr_page",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("document_id", sa.Integer(), sa.ForeignKey("document.id", ondelete="CASCADE"), nullable=False),
        sa.Column("page", sa.Integer(), nullable=False),
        sa.Column("confidence", sa.Float()),
        sa.Column("words", sa.Integer(), nullable=False),
        sa.Column("low_confidence_words", sa.Integer(), nullable=False),
        sa.Column("rotation", sa.Integer(), nullable=False),
        sa.Column("skew", sa.Float(), nullable=False),
        sa.Column("low_confidence", sa.JSON()),
        sa.UniqueConstraint("document_id", "page"),
    )
    op.create_index("ix_ocr_page_document_id", "ocr_page", ["document_id"])


def downgrade() -> None:
    op.drop_index("ix_ocr_page_document_id", table_name="ocr_page")
    op.drop_table("ocr_page")
