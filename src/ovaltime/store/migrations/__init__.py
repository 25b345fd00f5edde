"""Alembic migrations of the ovaltime schema, shipped with the package (see ``migrate``)."""
