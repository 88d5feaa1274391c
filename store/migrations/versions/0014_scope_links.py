"""scope links: a minute point linked to a whole recommendation, indicator or plan

``scope_link`` keeps, beside the action links of ``link``, the links of a minute
point to a plan's priority or recommendation as a whole, to a scorecard's
indicator, or to the whole plan, with the report number the link went through
(``via``); ``v_scope_links`` shows them with the point and the target's text.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-07 22:30:00
"""
from alembic import op
import sqlalchemy as sa

from plantrace.store import views

revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None


def _fk(column, target):
    return sa.ForeignKeyConstraint([column], [f'{target}.id'], name=op.f(f'fk_scope_link_{column}_{target}'),
                                   ondelete='CASCADE')


def upgrade() -> None:
    bind = op.get_bind()
    views.drop_views(bind)
    op.create_table(
        'scope_link',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('minute_point_id', sa.Integer(), nullable=False),
        sa.Column('level', sa.String(length=20), nullable=False),
        sa.Column('plan_id', sa.Integer(), nullable=True),
        sa.Column('recommendation_id', sa.Integer(), nullable=True),
        sa.Column('indicator_id', sa.Integer(), nullable=True),
        sa.Column('rank', sa.Integer(), nullable=False),
        sa.Column('score', sa.Float(), nullable=False),
        sa.Column('evidence', sa.Text(), nullable=True),
        sa.Column('via', sa.String(length=40), nullable=True),
        _fk('minute_point_id', 'minute_point'), _fk('plan_id', 'plan'), _fk('recommendation_id', 'recommendation'),
        _fk('indicator_id', 'indicator'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_scope_link')),
    )
    with op.batch_alter_table('scope_link', schema=None) as batch_op:
        for column in ('minute_point_id', 'plan_id', 'recommendation_id', 'indicator_id'):
            batch_op.create_index(batch_op.f(f'ix_scope_link_{column}'), [column], unique=False)
    views.create_views(bind)


def downgrade() -> None:
    bind = op.get_bind()
    views.drop_views(bind)
    op.drop_table('scope_link')
    views.create_views(bind, without=('scope_link',))
