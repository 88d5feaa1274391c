"""views over recommendations and their lead officers

A progress report has recommendations but no actions, so no view showed it;
``v_recommendations`` does, with the RAG rating and the lead officers, and
``v_people`` now lists the recommendations each person leads. Views are made
from the definitions in store.views, as in 0002.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22 09:10:00
"""
from alembic import op

from plantrace.store import views

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    views.drop_views(bind)
    views.create_views(bind)


def downgrade() -> None:
    # 0003's downgrade drops recommendation_owner, so no view may read it past this point.
    bind = op.get_bind()
    views.drop_views(bind)
    views.create_views(bind, without=("recommendation_owner",))
