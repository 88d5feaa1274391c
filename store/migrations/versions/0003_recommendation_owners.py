"""recommendation owners: a progress report's lead officers

A progress report names its lead officers per recommendation, not per action,
so they get their own owner table and take part in person resolution.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22 04:30:00
"""
from alembic import op
import sqlalchemy as sa

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('recommendation_owner',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('recommendation_id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=True),
    sa.Column('group_id', sa.Integer(), nullable=True),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('role', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['recommendation_id'], ['recommendation.id'],
                            name=op.f('fk_recommendation_owner_recommendation_id_recommendation'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['document_id'], ['document.id'],
                            name=op.f('fk_recommendation_owner_document_id_document'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['group_id'], ['owner_group.id'],
                            name=op.f('fk_recommendation_owner_group_id_owner_group'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'],
                            name=op.f('fk_recommendation_owner_person_id_person'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_recommendation_owner'))
    )
    with op.batch_alter_table('recommendation_owner', schema=None) as batch_op:
        for column in ('recommendation_id', 'document_id', 'group_id', 'person_id'):
            batch_op.create_index(batch_op.f(f'ix_recommendation_owner_{column}'), [column], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('recommendation_owner', schema=None) as batch_op:
        for column in ('recommendation_id', 'document_id', 'group_id', 'person_id'):
            batch_op.drop_index(batch_op.f(f'ix_recommendation_owner_{column}'))
    op.drop_table('recommendation_owner')
