"""The ``ovaltime`` command line: a thin face over core and formats."""
