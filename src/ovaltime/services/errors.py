"""The errors of the services, one per way a request can fail; the faces map them at the edge.

``NotFound`` -> 404, ``Conflict`` (and ``StaleVersion``) -> 409, ``Invalid`` -> 422 naming the
field, ``Forbidden`` -> 403. Every message names what was refused and where.
"""

from __future__ import annotations

__all__ = ["Conflict", "Forbidden", "Invalid", "NotFound", "ServiceError", "StaleVersion"]


class ServiceError(Exception):
    """A request the services refused; nothing was changed."""


class NotFound(ServiceError):
    """No such competition, race, result or user."""

    def __init__(self, what: str, ident: object) -> None:
        super().__init__(f"{what} {ident} not found")
        self.what = what
        self.ident = ident


class Conflict(ServiceError):
    """The request clashes with the current state (a race already official, a name taken)."""


class StaleVersion(Conflict):
    """A change based on a version of a result that is no longer the current one."""

    def __init__(self, result_id: int, seen: int, current: int | None) -> None:
        now = f"it is at version {current}" if current is not None else "it changed meanwhile"
        super().__init__(
            f"result {result_id}: the change was based on version {seen} but {now}; "
            "reload it and try again"
        )
        self.result_id = result_id
        self.seen = seen
        self.current = current


class Invalid(ServiceError, ValueError):
    """A value that cannot be accepted; ``field`` names it (``time``, ``entries[2].lane``).

    Where a request has several bad values, ``problems`` lists every (field, message) and
    ``field`` and ``message`` are the first of them.
    """

    def __init__(self, field: str, message: str, *, more: tuple[tuple[str, str], ...] = ()) -> None:
        self.problems = ((field, message), *more)
        super().__init__("; ".join(f"{f}: {m}" for f, m in self.problems))
        self.field = field
        self.message = message

    @classmethod
    def of(cls, problems: list[tuple[str, str]]) -> Invalid:
        """One error for every problem found (at least one)."""
        (field, message), *more = problems
        return cls(field, message, more=tuple(more))


class Forbidden(ServiceError):
    """The user's role does not allow this change."""
