"""Users: tokens and passwords are only ever stored hashed."""

from __future__ import annotations

import hashlib

import pytest
from sqlalchemy import select

from ovaltime.services.errors import Conflict, Invalid, NotFound
from ovaltime.services.hashing import verify_password
from ovaltime.services.unit import Context
from ovaltime.services.users import (
    Role,
    add_user,
    authenticate_token,
    check_password,
    set_password,
)
from ovaltime.store.accounts import UserRow
from ovaltime.store.engine import read_session

PASSWORD = "correct horse battery"


def _row(context: Context, name: str) -> UserRow:
    with read_session(context.engine) as session:
        row = session.scalar(select(UserRow).where(UserRow.name == name))
    assert row is not None
    return row


def test_a_token_is_stored_as_its_hash(context: Context) -> None:
    user, token = add_user(context, "marit", "official")
    assert (user.name, user.role) == ("marit", Role.OFFICIAL)
    assert len(token) >= 43
    row = _row(context, "marit")
    assert row.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert token not in row.token_hash
    assert row.password_hash is None
    assert row.created.tzinfo is not None


def test_a_token_authenticates_its_user(context: Context) -> None:
    user, token = add_user(context, "ireen", Role.ADMIN)
    other, _ = add_user(context, "sven", Role.OFFICIAL)
    assert authenticate_token(context, token) == user
    assert authenticate_token(context, token + "x") is None
    assert authenticate_token(context, "") is None
    assert other != user


def test_names_are_unique_and_roles_known(context: Context) -> None:
    add_user(context, "jutta", Role.OFFICIAL)
    with pytest.raises(Conflict, match="user 'jutta' already exists"):
        add_user(context, "jutta", Role.ADMIN)
    with pytest.raises(Invalid) as role:
        add_user(context, "kjeld", "referee")
    assert role.value.field == "role"
    with pytest.raises(Invalid) as name:
        add_user(context, "two words", Role.OFFICIAL)
    assert name.value.field == "name"


def test_a_password_is_stored_salted_and_checked(context: Context) -> None:
    add_user(context, "gunda", Role.OFFICIAL)
    add_user(context, "claudia", Role.OFFICIAL)
    set_password(context, "gunda", PASSWORD)
    set_password(context, "claudia", PASSWORD)
    gunda, claudia = _row(context, "gunda"), _row(context, "claudia")
    assert gunda.password_hash is not None
    assert claudia.password_hash is not None
    assert PASSWORD not in gunda.password_hash
    assert gunda.password_hash.startswith("scrypt$")
    assert gunda.password_hash != claudia.password_hash, "each password has its own salt"
    assert verify_password(PASSWORD, gunda.password_hash)
    user = check_password(context, "gunda", PASSWORD)
    assert user is not None
    assert user.name == "gunda"
    assert check_password(context, "gunda", PASSWORD.upper()) is None
    assert check_password(context, "nobody", PASSWORD) is None


def test_password_rules(context: Context) -> None:
    add_user(context, "bart", Role.OFFICIAL)
    with pytest.raises(Invalid) as short:
        set_password(context, "bart", "short")
    assert short.value.field == "password"
    with pytest.raises(NotFound, match="user 'nobody' not found"):
        set_password(context, "nobody", PASSWORD)
    assert check_password(context, "bart", PASSWORD) is None, "no password set yet"
