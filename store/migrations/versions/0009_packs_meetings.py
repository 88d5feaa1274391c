"""packs and meetings: a pack's parts as documents, sources of content, meetings

A bound pack's parts are stored as documents of their own with their page
range in the pack (``document_part``); each place a document's content was met
(its own file, a pack's pages) is a ``document_source``; the meeting a council
body held on a day (``committee_meeting``) groups the agenda, the pack, its
parts and the minutes (``meeting_document``), and an agenda's items are
``agenda_entry`` rows matched to minute items and reports. ``v_documents``
shows each part's pack and pages; ``v_meetings`` lists the meetings.

Revision ID: 0009
Revises: 0006
Create Date: 2026-12-01 21:00:00
"""
from alembic import op
import sqlalchemy as sa

from plantrace.store import views

revision = '0009'
down_revision = '0010'
branch_labels = None
depends_on = None

TABLES = ('agenda_entry', 'meeting_document', 'committee_meeting', 'document_source', 'document_part')


def _fk(table, column, target, ondelete='CASCADE'):
    return sa.ForeignKeyConstraint([column], [f'{target}.id'], name=op.f(f'fk_{table}_{column}_{target}'),
                                   ondelete=ondelete)


def _indexes(table, columns):
    with op.batch_alter_table(table, schema=None) as batch_op:
        for column in columns:
            batch_op.create_index(batch_op.f(f'ix_{table}_{column}'), [column], unique=False)


def upgrade() -> None:
    bind = op.get_bind()
    views.drop_views(bind)
    op.create_table('document_part',
        sa.Column('document_id', sa.Integer(), nullable=False),
        sa.Column('pack_id', sa.Integer(), nullable=False),
        sa.Column('seq', sa.Integer(), nullable=False),
        sa.Column('first_page', sa.Integer(), nullable=False),
        sa.Column('last_page', sa.Integer(), nullable=False),
        _fk('document_part', 'document_id', 'document'),
        _fk('document_part', 'pack_id', 'document'),
        sa.PrimaryKeyConstraint('document_id', name=op.f('pk_document_part')))
    _indexes('document_part', ('pack_id',))
    op.create_table('document_source',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('document_id', sa.Integer(), nullable=False),
        sa.Column('content_key', sa.String(length=64), nullable=False),
        sa.Column('path', sa.Text(), nullable=False),
        sa.Column('sha256', sa.String(length=64), nullable=False),
        sa.Column('pack_id', sa.Integer(), nullable=True),
        sa.Column('first_page', sa.Integer(), nullable=True),
        sa.Column('last_page', sa.Integer(), nullable=True),
        sa.Column('seen_at', sa.DateTime(), nullable=False),
        _fk('document_source', 'document_id', 'document'),
        _fk('document_source', 'pack_id', 'document'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_document_source')),
        sa.UniqueConstraint('document_id', 'path', 'first_page', name=op.f('uq_document_source_document_id')))
    _indexes('document_source', ('document_id', 'content_key', 'sha256', 'pack_id'))
    op.create_table('committee_meeting',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('council', sa.String(length=200), nullable=True),
        sa.Column('council_key', sa.String(length=200), nullable=False),
        sa.Column('body', sa.String(length=300), nullable=False),
        sa.Column('body_key', sa.String(length=300), nullable=False),
        sa.Column('date', sa.Date(), nullable=False),
        sa.Column('start_time', sa.String(length=5), nullable=True),
        sa.Column('venue', sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_committee_meeting')),
        sa.UniqueConstraint('council_key', 'body_key', 'date', name=op.f('uq_committee_meeting_council_key')))
    op.create_table('meeting_document',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('meeting_id', sa.Integer(), nullable=False),
        sa.Column('document_id', sa.Integer(), nullable=False),
        sa.Column('role', sa.String(length=20), nullable=False),
        _fk('meeting_document', 'meeting_id', 'committee_meeting'),
        _fk('meeting_document', 'document_id', 'document'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_meeting_document')),
        sa.UniqueConstraint('meeting_id', 'document_id', 'role', name=op.f('uq_meeting_document_meeting_id')))
    _indexes('meeting_document', ('meeting_id', 'document_id'))
    op.create_table('agenda_entry',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('meeting_id', sa.Integer(), nullable=False),
        sa.Column('document_id', sa.Integer(), nullable=False),
        sa.Column('page', sa.Integer(), nullable=True),
        sa.Column('seq', sa.Integer(), nullable=False),
        sa.Column('number', sa.String(length=32), nullable=True),
        sa.Column('title', sa.Text(), nullable=True),
        sa.Column('report_refs', sa.JSON(), nullable=True),
        sa.Column('first_page', sa.Integer(), nullable=True),
        sa.Column('last_page', sa.Integer(), nullable=True),
        sa.Column('minute_item_id', sa.Integer(), nullable=True),
        sa.Column('report_document_id', sa.Integer(), nullable=True),
        _fk('agenda_entry', 'meeting_id', 'committee_meeting'),
        _fk('agenda_entry', 'document_id', 'document'),
        _fk('agenda_entry', 'minute_item_id', 'agenda_item', 'SET NULL'),
        _fk('agenda_entry', 'report_document_id', 'document', 'SET NULL'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_agenda_entry')))
    _indexes('agenda_entry', ('meeting_id', 'document_id', 'minute_item_id', 'report_document_id'))
    views.create_views(bind)


def downgrade() -> None:
    bind = op.get_bind()
    views.drop_views(bind)
    for table in TABLES:
        op.drop_table(table)
    views.create_views(bind, without=TABLES)
