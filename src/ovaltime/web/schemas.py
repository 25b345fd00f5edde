"""The bodies the API accepts, as pydantic models: validation at the edge, nothing deeper.

Each model turns itself into the plain values the services take (``to_*``); a value pydantic
cannot check (a time's text) is checked there and refused with the field named.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from ovaltime.core.results import Skater
from ovaltime.core.states import Gender, Lane, RaceKind, RaceState, Status
from ovaltime.core.times import InvalidTime, Time
from ovaltime.services.errors import Invalid
from ovaltime.services.results import Outcome
from ovaltime.services.start_list import StartEntry

__all__ = [
    "CompetitionIn",
    "CorrectionIn",
    "CreatedOut",
    "ErrorDetail",
    "ErrorOut",
    "ImportedOut",
    "LoginIn",
    "OutcomeIn",
    "PassageIn",
    "PassageOut",
    "ProblemOut",
    "RaceCreatedOut",
    "RaceIn",
    "RecordedOut",
    "SessionOut",
    "StartEntryIn",
    "StartListIn",
    "StartListOut",
    "StateIn",
    "StateOut",
    "UserOut",
    "parse_time",
]

GenderName = Literal["women", "men", "mixed"]
KindName = Literal["individual", "mass start", "team pursuit", "team sprint", "mixed relay"]
LaneName = Literal["inner", "outer"]
StateName = Literal["scheduled", "live", "unofficial", "official"]
StatusName = Literal["OK", "DNF", "DQ", "WDR", "DNS"]


class _Body(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    @field_validator("*", mode="after")
    @classmethod
    def _no_nul(cls, value: object) -> object:
        """No text may hold a NUL character: no database column can store one."""
        if isinstance(value, str) and "\x00" in value:
            raise ValueError("a NUL character is not allowed")
        return value


def parse_time(text: str, field: str = "time") -> Time:
    """A time as officials type it (``37.34``, ``1:52.853``); ``Invalid`` naming ``field``."""
    try:
        return Time.parse(text)
    except InvalidTime as error:
        raise Invalid(field, str(error)) from None


class LoginIn(_Body):
    name: str = Field(min_length=1, max_length=100)
    password: str = Field(min_length=1, max_length=1000)


class CompetitionIn(_Body):
    name: str = Field(min_length=1, max_length=200)
    venue: str = Field("", max_length=200)
    nation: str = Field("", max_length=3, description="IOC code of the host nation.")
    start: dt.date | None = None
    end: dt.date | None = None


class RaceIn(_Body):
    distance: int = Field(gt=0, le=100_000, description="Metres.")
    gender: GenderName
    kind: KindName = "individual"
    number: int = Field(
        1, ge=1, le=99, description="Which race of this distance (2: the second 500 m)."
    )
    division: str = Field("", max_length=10)
    title: str = Field("", max_length=200)
    date: dt.date | None = None

    def kind_value(self) -> RaceKind:
        return RaceKind(self.kind)

    def gender_value(self) -> Gender:
        return Gender(self.gender)


class StartEntryIn(_Body):
    skater: str = Field(min_length=1, max_length=200)
    nation: str = Field("", max_length=3)
    age_group: str = Field("", max_length=20)
    pair: int = Field(ge=1, le=1000)
    lane: LaneName | None = None

    def to_entry(self) -> StartEntry:
        return StartEntry(
            Skater(self.skater, self.nation.upper(), self.age_group),
            self.pair,
            Lane(self.lane) if self.lane else None,
        )


class StartListIn(_Body):
    entries: list[StartEntryIn] = Field(max_length=1000)


class StateIn(_Body):
    state: StateName
    reason: str = Field("", max_length=2000, description="Needed to move a race back.")

    def state_value(self) -> RaceState:
        return RaceState(self.state)


class OutcomeIn(_Body):
    time: str | None = Field(
        None, max_length=20, description="The final time (`37.34`, `1:52.853`); none with a status."
    )
    status: StatusName = "OK"
    infraction: str = Field("", max_length=20, description="The infraction code of a DQ.")
    fell: bool = False

    def to_outcome(self) -> Outcome:
        time = parse_time(self.time) if self.time else None
        return Outcome(time, Status(self.status), self.infraction, self.fell)


class CorrectionIn(OutcomeIn):
    version: int = Field(
        ge=0, le=2**31 - 1, description="The version of the result the correction is based on."
    )
    reason: str = Field(min_length=1, max_length=2000)


class PassageIn(_Body):
    metres: int = Field(gt=0, le=100_000)
    time: str = Field(min_length=1, max_length=20)

    def time_value(self) -> Time:
        return parse_time(self.time)


# -- responses ----------------------------------------------------------------------------------
class ProblemOut(BaseModel):
    field: str
    message: str


class ErrorDetail(BaseModel):
    status: int
    code: str = Field(description="invalid, not_found, conflict, stale_version, unauthorized ...")
    message: str
    field: str | None
    problems: list[ProblemOut]


class ErrorOut(BaseModel):
    """The one shape of every error the API returns."""

    error: ErrorDetail


class UserOut(BaseModel):
    name: str
    role: Literal["official", "admin"]


class SessionOut(BaseModel):
    user: UserOut | None
    csrf_token: str | None = Field(description="Send it back in X-CSRF-Token on every write.")


class CreatedOut(BaseModel):
    id: int


class RaceCreatedOut(BaseModel):
    id: int
    competition_id: int
    position: int


class ImportedOut(BaseModel):
    id: int
    created: bool
    races: int
    results: int
    warnings: list[str]


class StartListOut(BaseModel):
    race_id: int
    result_ids: list[int]


class StateOut(BaseModel):
    race_id: int
    before: StateName
    after: StateName


class RecordedOut(BaseModel):
    result_id: int
    version: int
    audit_id: int


class PassageOut(BaseModel):
    result_id: int
    metres: int
    time: str
    passages: list[dict[str, object]]
