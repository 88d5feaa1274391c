"""indicators and risks, their views and the search of indicators

Scorecards and the indicator tables of plans give one row per indicator
(``indicator``: name, service, period, value, target, floor, latest and
previous rating, direction, commentary, timescale), risk registers one row per
risk (``risk``: text, owner, likelihood, impact, score, rating, cause, event,
consequence, controls). ``v_indicators`` and ``v_risks`` read them through
current document versions; indicator names join the search index.

Revision ID: 0008
Revises: 0006
Create Date: 2026-12-01 21:00:00
"""
from alembic import op
import sqlalchemy as sa

from plantrace.store import fulltext, views

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    views.drop_views(bind)
    op.create_table(
        'indicator',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('document_id', sa.Integer(), nullable=False),
        sa.Column('page', sa.Integer(), nullable=True),
        sa.Column('seq', sa.Integer(), nullable=False),
        sa.Column('name', sa.Text(), nullable=False),
        sa.Column('short_name', sa.Text(), nullable=True),
        sa.Column('service', sa.String(length=200), nullable=True),
        sa.Column('section', sa.Text(), nullable=True),
        sa.Column('period', sa.String(length=40), nullable=True),
        sa.Column('value', sa.String(length=80), nullable=True),
        sa.Column('target', sa.Text(), nullable=True),
        sa.Column('floor', sa.String(length=80), nullable=True),
        sa.Column('previous_value', sa.String(length=80), nullable=True),
        sa.Column('rag', sa.String(length=1), nullable=True),
        sa.Column('previous_rag', sa.String(length=1), nullable=True),
        sa.Column('direction', sa.String(length=40), nullable=True),
        sa.Column('commentary', sa.Text(), nullable=True),
        sa.Column('target_text', sa.Text(), nullable=True),
        sa.Column('target_start', sa.Date(), nullable=True),
        sa.Column('target_end', sa.Date(), nullable=True),
        sa.Column('extra', sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(['document_id'], ['document.id'], name=op.f('fk_indicator_document_id_document'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_indicator')),
    )
    op.create_index(op.f('ix_indicator_document_id'), 'indicator', ['document_id'], unique=False)
    op.create_table(
        'risk',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('document_id', sa.Integer(), nullable=False),
        sa.Column('page', sa.Integer(), nullable=True),
        sa.Column('seq', sa.Integer(), nullable=False),
        sa.Column('text', sa.Text(), nullable=False),
        sa.Column('owner', sa.String(length=200), nullable=True),
        sa.Column('likelihood', sa.String(length=40), nullable=True),
        sa.Column('impact', sa.String(length=40), nullable=True),
        sa.Column('score', sa.String(length=40), nullable=True),
        sa.Column('likelihood_value', sa.Float(), nullable=True),
        sa.Column('impact_value', sa.Float(), nullable=True),
        sa.Column('score_value', sa.Float(), nullable=True),
        sa.Column('rating', sa.String(length=40), nullable=True),
        sa.Column('rag', sa.String(length=1), nullable=True),
        sa.Column('cause', sa.Text(), nullable=True),
        sa.Column('event', sa.Text(), nullable=True),
        sa.Column('consequence', sa.Text(), nullable=True),
        sa.Column('controls', sa.Text(), nullable=True),
        sa.Column('extra', sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(['document_id'], ['document.id'], name=op.f('fk_risk_document_id_document'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_risk')),
    )
    op.create_index(op.f('ix_risk_document_id'), 'risk', ['document_id'], unique=False)
    views.create_views(bind)
    fulltext.install(bind)


def downgrade() -> None:
    bind = op.get_bind()
    fulltext.install(bind, [s for s in fulltext.SOURCES if s[1] != "indicator"])
    views.drop_views(bind)
    op.drop_index(op.f('ix_risk_document_id'), table_name='risk')
    op.drop_table('risk')
    op.drop_index(op.f('ix_indicator_document_id'), table_name='indicator')
    op.drop_table('indicator')
    views.create_views(bind, without=("indicator", "risk"))
