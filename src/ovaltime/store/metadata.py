"""Every table of the schema in one ``MetaData``: what the migrations must create."""

from __future__ import annotations

from ovaltime.store import accounts, archive_tables, audit, combination_tables, tables
from ovaltime.store.base import Base

__all__ = ["metadata"]

#: The modules whose tables make up the schema (imported for their side effect on ``Base``).
TABLE_MODULES = (tables, accounts, audit, archive_tables, combination_tables)

metadata = Base.metadata
