"""Storage: SQLAlchemy tables, repositories mapping rows to core values, Alembic migrations.

``engine.make_engine`` opens SQLite (the embedded default, one writer at a time) or PostgreSQL;
``migrate.upgrade`` brings a database to the current schema; the repositories read and write
rows in a session the caller owns. Only ``ovaltime.services`` writes through them.
"""
