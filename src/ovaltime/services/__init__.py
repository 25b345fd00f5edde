"""Use cases: the only writers of the store.

Each service runs one transaction (``unit.transaction``), returns plain values, and publishes its
events only after the commit. Errors are ``errors.ServiceError`` subclasses that name what and
where; the web layer maps them to HTTP, the CLI to one line. This package's ``__init__`` imports
nothing, so that ``ovaltime.services.errors`` stays light for the CLI.
"""
