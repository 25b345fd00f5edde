"""The audit log of a race as the entry screen lists it: who, when, what, before, after, why."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ovaltime.core.times import Time
from ovaltime.store.audit import AuditEntry

__all__ = ["AuditLine", "audit_lines", "snapshot_text"]

_ACTIONS = {
    "record": "recorded",
    "correct": "corrected",
    "passage": "passage",
    "start list": "start list",
    "state": "race state",
}


@dataclass(frozen=True, slots=True)
class AuditLine:
    """One change, ready to show."""

    id: int
    at: str
    at_iso: str
    who: str
    action: str
    subject: str
    before: str
    after: str
    reason: str


def _time(thousandths: Any, precision: Any) -> str:
    if not isinstance(thousandths, int):
        return ""
    return str(Time(thousandths, precision if isinstance(precision, int) else 3))


def snapshot_text(snapshot: Mapping[str, Any] | None) -> str:
    """A stored snapshot in words: ``37.34``, ``DQ T08``, ``100 m 10.30``, ``live``,
    ``3 skaters``."""
    if not snapshot:
        return ""
    if "state" in snapshot:
        return str(snapshot["state"])
    if "entries" in snapshot:
        entries = snapshot["entries"] or []
        return f"{len(entries)} skater" + ("" if len(entries) == 1 else "s")
    if "metres" in snapshot:
        return f"{snapshot['metres']} m {_time(snapshot.get('time'), snapshot.get('precision'))}"
    status = snapshot.get("status")
    if status is None:
        return "not recorded"
    text = _time(snapshot.get("time"), snapshot.get("precision")) or str(status)
    if status not in ("OK", None) and snapshot.get("time") is not None:
        text += f" {status}"
    if snapshot.get("infraction"):
        text += f" {snapshot['infraction']}"
    return text + (" fell" if snapshot.get("fell") else "")


def _subject(entry: AuditEntry) -> str:
    for snapshot in (entry.after, entry.before):
        if snapshot and snapshot.get("skater"):
            return str(snapshot["skater"])
    return "race" if entry.result_id is None else f"result {entry.result_id}"


def audit_lines(
    entries: Iterable[AuditEntry], names: Mapping[int, str] | None = None
) -> list[AuditLine]:
    """The lines of ``entries``, oldest first; ``names`` names skaters by result id (for
    passages, whose snapshots do not)."""
    known = names or {}
    lines = []
    for entry in entries:
        subject = _subject(entry)
        if entry.result_id is not None and entry.result_id in known:
            subject = known[entry.result_id]
        lines.append(
            AuditLine(
                id=entry.id,
                at=entry.at.strftime("%Y-%m-%d %H:%M:%S UTC"),
                at_iso=entry.at.isoformat(),
                who=entry.who,
                action=_ACTIONS.get(entry.action, entry.action),
                subject=subject,
                before=snapshot_text(entry.before),
                after=snapshot_text(entry.after),
                reason=entry.reason,
            )
        )
    return lines
