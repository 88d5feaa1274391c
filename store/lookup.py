"""Rows shared between documents (roles, owner groups) are found, or made once."""
from __future__ import annotations

from sqlalchemy.orm import Session


def id_of(session: Session, model, **keys) -> int:
    """The id of the row with these column values, inserting it if there is none."""
    row = session.query(model).filter_by(**keys).one_or_none()
    if row is None:
        row = model(**keys)
        session.add(row)
        session.flush()
    return row.id
