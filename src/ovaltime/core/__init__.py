"""Pure rules of long-track speed skating: standard library only, no I/O."""
