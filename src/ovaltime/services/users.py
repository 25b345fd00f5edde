"""Users: add an official or admin with an API token, authenticate a token, set and check a
password. The token is returned once, by ``add_user``; only its hash is stored."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from ovaltime.services.errors import Conflict, Invalid, NotFound
from ovaltime.services.hashing import hash_password, hash_token, new_token, verify_password
from ovaltime.services.unit import Context, transaction
from ovaltime.store.accounts import Role, UserRow
from ovaltime.store.engine import read_session

__all__ = [
    "MIN_PASSWORD",
    "Role",
    "User",
    "add_user",
    "authenticate_token",
    "check_password",
    "find_user",
    "set_password",
]

#: The shortest password accepted.
MIN_PASSWORD = 10
_MAX_NAME = 100


@dataclass(frozen=True, slots=True)
class User:
    """Who makes a change: the services take one as ``actor`` and write its name in the audit."""

    id: int
    name: str
    role: Role

    @property
    def is_admin(self) -> bool:
        return self.role is Role.ADMIN


def _user(row: UserRow) -> User:
    return User(row.id, row.name, row.role)


def _check_name(name: str) -> str:
    clean = name.strip()
    if not clean:
        raise Invalid("name", "a user needs a name")
    if len(clean) > _MAX_NAME or any(c.isspace() for c in clean):
        raise Invalid("name", f"{name!r}: one word of at most {_MAX_NAME} characters")
    return clean


def add_user(context: Context, name: str, role: Role | str) -> tuple[User, str]:
    """Create a user; returns the user and their API token, which is shown only this once."""
    clean = _check_name(name)
    try:
        chosen = role if isinstance(role, Role) else Role.parse(role)
    except ValueError as error:
        raise Invalid("role", str(error)) from None
    token = new_token()
    with transaction(context) as unit:
        if unit.session.scalar(select(UserRow.id).where(UserRow.name == clean)) is not None:
            raise Conflict(f"user {clean!r} already exists")
        row = UserRow(name=clean, role=chosen, token_hash=hash_token(token))
        unit.session.add(row)
        unit.session.flush()
        user = _user(row)
    return user, token


def authenticate_token(context: Context, token: str) -> User | None:
    """The user whose API token this is, or ``None``."""
    if not token:
        return None
    with read_session(context.engine) as session:
        row = session.scalar(select(UserRow).where(UserRow.token_hash == hash_token(token)))
        return _user(row) if row is not None else None


def find_user(context: Context, name: str) -> User:
    """The user called ``name``; ``NotFound`` if there is none. For the command line, whose
    operator names the account a change is made as (the audit records it)."""
    with read_session(context.engine) as session:
        row = session.scalar(select(UserRow).where(UserRow.name == name.strip()))
        if row is None:
            raise NotFound("user", repr(name.strip()))
        return _user(row)


def set_password(context: Context, name: str, password: str) -> None:
    """Give the user a password (for the entry screens' login), replacing any earlier one."""
    if len(password) < MIN_PASSWORD:
        raise Invalid("password", f"at least {MIN_PASSWORD} characters")
    hashed = hash_password(password)
    with transaction(context) as unit:
        row = unit.session.scalar(select(UserRow).where(UserRow.name == name))
        if row is None:
            raise NotFound("user", repr(name))
        row.password_hash = hashed


def check_password(context: Context, name: str, password: str) -> User | None:
    """The user, when ``password`` is theirs; ``None`` for a wrong password or an unknown name
    (which takes as long to refuse)."""
    with read_session(context.engine) as session:
        row = session.scalar(select(UserRow).where(UserRow.name == name))
        stored = row.password_hash if row is not None else None
        if verify_password(password, stored) and row is not None:
            return _user(row)
        return None
