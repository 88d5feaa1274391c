"""run records and rebuild markers

``run`` and ``file_attempt`` record what every batch did; ``pending_rebuild``
marks a council whose people and links must be rebuilt, so an interrupted run
is completed by the next one.

Revision ID: 0011
Revises: 0006
Create Date: 2026-12-01 21:00:00
"""
from alembic import op
import sqlalchemy as sa

revision = '0011'
down_revision = 'ux01'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'run',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('started_at', sa.DateTime(), nullable=False),
        sa.Column('ended_at', sa.DateTime(), nullable=True),
        sa.Column('host', sa.String(length=255), nullable=False),
        sa.Column('pid', sa.Integer(), nullable=False),
        sa.Column('version', sa.String(length=40), nullable=False),
        sa.Column('command', sa.Text(), nullable=False),
        sa.Column('executor', sa.String(length=255), nullable=False),
        sa.Column('outcome', sa.String(length=40), nullable=True),
        sa.Column('files', sa.Integer(), nullable=False),
        sa.Column('stored', sa.Integer(), nullable=False),
        sa.Column('failed', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_run')),
    )
    op.create_table(
        'file_attempt',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('run_id', sa.Integer(), nullable=False),
        sa.Column('path', sa.Text(), nullable=False),
        sa.Column('sha256', sa.String(length=64), nullable=True),
        sa.Column('outcome', sa.String(length=20), nullable=False),
        sa.Column('reason', sa.Text(), nullable=True),
        sa.Column('seconds', sa.Float(), nullable=True),
        sa.Column('pages', sa.Integer(), nullable=True),
        sa.Column('document_id', sa.Integer(), nullable=True),
        sa.Column('at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['run_id'], ['run.id'], name=op.f('fk_file_attempt_run_id_run'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_file_attempt')),
    )
    op.create_index(op.f('ix_file_attempt_run_id'), 'file_attempt', ['run_id'])
    op.create_index(op.f('ix_file_attempt_sha256'), 'file_attempt', ['sha256'])
    op.create_table(
        'pending_rebuild',
        sa.Column('council_key', sa.String(length=200), nullable=False),
        sa.Column('council', sa.String(length=200), nullable=True),
        sa.Column('token', sa.String(length=32), nullable=False),
        sa.Column('marked_at', sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint('council_key', name=op.f('pk_pending_rebuild')),
    )
    # A database of an older plantrace already holds documents whose people and
    # links were built by it; nothing is pending until a document changes.


def downgrade() -> None:
    op.drop_table('pending_rebuild')
    op.drop_index(op.f('ix_file_attempt_sha256'), table_name='file_attempt')
    op.drop_index(op.f('ix_file_attempt_run_id'), table_name='file_attempt')
    op.drop_table('file_attempt')
    op.drop_table('run')
