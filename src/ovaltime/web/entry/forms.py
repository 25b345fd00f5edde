"""The entry screen's forms posted without JavaScript: read the fields, call the services, and
collect every refusal under the name of the field it concerns.

Field names: ``r<result id>-p<metres>`` (a passage), ``r<id>-time``, ``r<id>-status``,
``r<id>-infraction``, ``r<id>-fell`` in the pair form; ``time``, ``status``, ``infraction``,
``fell``, ``version``, ``reason`` in a correction; ``skater-<i>``, ``nation-<i>``,
``age_group-<i>``, ``pair-<i>``, ``lane-<i>`` in the start list; ``state``, ``reason``,
``confirm`` in a change of state.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from ovaltime.core.results import Skater
from ovaltime.core.states import Lane, RaceState, Status
from ovaltime.core.times import InvalidTime, Time
from ovaltime.services.errors import Invalid, ServiceError
from ovaltime.services.passages import record_passage
from ovaltime.services.races import change_race_state
from ovaltime.services.results import Outcome, correct_result, record_result
from ovaltime.services.start_list import StartEntry, set_start_list
from ovaltime.services.unit import Context
from ovaltime.services.users import User
from ovaltime.web.entry.screen import EntryRow, Screen
from ovaltime.web.errors import from_service

__all__ = [
    "START_ROWS_EXTRA",
    "Errors",
    "Form",
    "Refused",
    "change_state",
    "correct",
    "record_pair",
    "save_start_list",
]

#: Field name -> the message shown next to it.
Errors = dict[str, str]


@dataclass
class Refused:
    """What a form post was refused: the message per field, and the HTTP status of the first
    refusal (422 for a bad value, 409 for a clash with the state, 403 for the role)."""

    fields: Errors = field(default_factory=dict)
    status: int = 422

    def add(self, errors: Errors, error: ServiceError | None = None) -> None:
        if not self.fields and error is not None:
            self.status = from_service(error).status
        self.fields |= errors

    def __bool__(self) -> bool:
        return bool(self.fields)


#: Field name -> the value posted.
Form = Mapping[str, str]

#: Empty rows the start list form offers below the entries, for new skaters.
START_ROWS_EXTRA = 4


def _outcome(form: Form, prefix: str = "") -> tuple[Outcome | None, Errors]:
    """The outcome a form gives (``None`` when it gives none), or the fields at fault."""
    text = form.get(f"{prefix}time", "").strip()
    status_text = form.get(f"{prefix}status", "OK").strip().upper() or "OK"
    infraction = form.get(f"{prefix}infraction", "").strip().upper()
    fell = form.get(f"{prefix}fell", "") != ""
    try:
        status = Status(status_text)
    except ValueError:
        return None, {f"{prefix}status": f"{status_text!r}: one of OK, DNS, DNF, DQ, WDR"}
    if not text and status is Status.OK:
        if infraction or fell:
            return None, {f"{prefix}time": "a time, or a status other than OK"}
        return None, {}
    try:
        time = Time.parse(text) if text else None
    except InvalidTime as error:
        return None, {f"{prefix}time": str(error)}
    return Outcome(time, status, infraction, fell), {}


def _field_of(error: ServiceError, prefix: str, default: str) -> str:
    """The form field a service's refusal concerns."""
    if isinstance(error, Invalid) and error.field in ("infraction", "status", "reason"):
        return f"{prefix}{error.field}"
    return default


def _message(error: ServiceError) -> str:
    return error.message if isinstance(error, Invalid) else str(error)


def _record_row(
    context: Context, user: User, row: EntryRow, screen: Screen, form: Form, refused: Refused
) -> None:
    """Record what the form gives for one skater: passages in order (stopping at the first one
    refused), then the outcome when every passage went in."""
    prefix = f"r{row.result_id}-"
    for metres in screen.splits:
        name = f"{prefix}p{metres}"
        text = form.get(name, "").strip()
        if not text or metres in row.passages:
            continue
        try:
            record_passage(context, row.result_id, metres, Time.parse(text), actor=user)
        except InvalidTime as error:
            refused.add({name: str(error)})
            return
        except ServiceError as error:
            refused.add({name: _message(error)}, error)
            return
    if row.recorded:
        return
    outcome, errors = _outcome(form, prefix)
    if errors or outcome is None:
        refused.add(errors)
        return
    try:
        record_result(context, row.result_id, outcome, actor=user)
    except ServiceError as error:
        refused.add({_field_of(error, prefix, f"{prefix}time"): _message(error)}, error)


def record_pair(context: Context, user: User, screen: Screen, form: Form) -> Refused:
    """Record what the pair form gives for each skater of the current pair; every skater's
    fields are tried, so one bad value keeps nothing else from being recorded."""
    refused = Refused()
    if screen.current is None:
        refused.add({"pair": "the race has no start list yet"})
    else:
        for row in screen.current.rows:
            _record_row(context, user, row, screen, form, refused)
    return refused


def correct(context: Context, user: User, row: EntryRow, form: Form) -> Refused:
    """Correct one recorded result with the form's outcome, version and reason."""
    refused = Refused()
    outcome, errors = _outcome(form)
    if outcome is None:
        refused.add(errors or {"time": "a time, or a status other than OK"})
        return refused
    try:
        version = int(form.get("version", ""))
    except ValueError:
        refused.add({"version": "the form lacks the version of the result it corrects: reload"})
        return refused
    try:
        correct_result(
            context,
            row.result_id,
            outcome,
            version=version,
            reason=form.get("reason", ""),
            actor=user,
        )
    except ServiceError as error:
        if isinstance(error, Invalid):
            name = "time" if error.field == "outcome" else _field_of(error, "", "time")
        else:
            name = "version"
        refused.add({name: _message(error)}, error)
    return refused


def start_rows(form: Form) -> list[int]:
    """The row numbers of the start list form, in order."""
    found = {int(m.group(1)) for key in form if (m := re.fullmatch(r"skater-(\d+)", key))}
    return sorted(found)


def _entries(form: Form) -> tuple[list[StartEntry], list[int], Errors]:
    entries: list[StartEntry] = []
    rows: list[int] = []
    errors: Errors = {}
    for index in start_rows(form):
        name = form.get(f"skater-{index}", "").strip()
        pair_text = form.get(f"pair-{index}", "").strip()
        lane_text = form.get(f"lane-{index}", "").strip().lower()
        if not name:
            if pair_text or form.get(f"nation-{index}", "").strip():
                errors[f"skater-{index}"] = "a skater needs a name (clear the row to remove it)"
            continue
        try:
            pair = int(pair_text)
        except ValueError:
            errors[f"pair-{index}"] = f"{pair_text!r}: a pair number (1, 2, ...)"
            continue
        try:
            lane = Lane(lane_text) if lane_text else None
        except ValueError:
            errors[f"lane-{index}"] = f"{lane_text!r}: inner or outer"
            continue
        skater = Skater(
            name[:200],
            form.get(f"nation-{index}", "").strip().upper()[:3],
            form.get(f"age_group-{index}", "").strip()[:20],
        )
        entries.append(StartEntry(skater, pair, lane))
        rows.append(index)
    return entries, rows, errors


def save_start_list(context: Context, user: User, screen: Screen, form: Form) -> Refused:
    """Replace the start list with the form's rows (empty rows are left out)."""
    refused = Refused()
    entries, rows, errors = _entries(form)
    if errors:
        refused.add(errors)
        return refused
    try:
        set_start_list(context, screen.race_id, entries, actor=user)
    except Invalid as error:
        found: Errors = {}
        for name, message in error.problems:
            match = re.fullmatch(r"entries\[(\d+)\](?:\.(\w+))?", name)
            if match and int(match.group(1)) < len(rows):
                found[f"{match.group(2) or 'skater'}-{rows[int(match.group(1))]}"] = message
            else:
                found["start_list"] = message
        refused.add(found, error)
    except ServiceError as error:
        refused.add({"start_list": str(error)}, error)
    return refused


def change_state(context: Context, user: User, screen: Screen, form: Form) -> Refused:
    """Move the race one step, as the form asks: forward (to official only when confirmed),
    or back with a reason."""
    refused = Refused()
    try:
        state = RaceState(form.get("state", ""))
    except ValueError:
        refused.add({"state": "choose the state to move the race to"})
        return refused
    if state is RaceState.OFFICIAL and form.get("confirm", "") == "":
        refused.add({"confirm": "tick the box to confirm that the results are checked"})
        return refused
    try:
        change_race_state(context, screen.race_id, state, actor=user, reason=form.get("reason", ""))
    except ServiceError as error:
        name = error.field if isinstance(error, Invalid) and error.field == "reason" else "state"
        refused.add({name: _message(error)}, error)
    return refused
