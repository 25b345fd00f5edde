"""Competitions: the list, one with its programme, creating one, adding a race, importing."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from ovaltime.formats.document import load_competition as read_document
from ovaltime.services.competitions import (
    Imported,
    add_race,
    create_competition,
    import_competition,
    import_file,
)
from ovaltime.services.errors import NotFound
from ovaltime.services.unit import Context
from ovaltime.store.competitions import list_competitions, load_competition
from ovaltime.store.engine import read_session
from ovaltime.web.deps import ContextDep, Id, Official
from ovaltime.web.errors import ApiError
from ovaltime.web.schemas import CompetitionIn, CreatedOut, ImportedOut, RaceCreatedOut, RaceIn
from ovaltime.web.views import competition_summary_view, competition_view

router = APIRouter(tags=["competitions"])

_IMPORT_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "properties": {"file": {"type": "string", "format": "binary"}},
                    "required": ["file"],
                }
            },
            "application/json": {
                "schema": {"type": "object", "description": "A competition document."}
            },
        },
    }
}


@router.get("/competitions")
def competitions(ctx: ContextDep) -> dict[str, Any]:
    """Every competition, the latest first, with its number of races."""
    with read_session(ctx.engine) as session:
        found = list_competitions(session)
    return {"competitions": [competition_summary_view(c) for c in found]}


@router.post("/competitions", status_code=201, response_model=CreatedOut)
def create(body: CompetitionIn, ctx: ContextDep, _user: Official) -> CreatedOut:
    """Create an empty competition."""
    ident = create_competition(
        ctx, body.name, venue=body.venue, nation=body.nation, start=body.start, end=body.end
    )
    return CreatedOut(id=ident)


def _imported(done: Imported, warnings: tuple[str, ...] = ()) -> ImportedOut:
    return ImportedOut(
        id=done.competition_id,
        created=done.created,
        races=done.races,
        results=done.results,
        warnings=list(warnings or done.problems),
    )


def _safe_name(filename: str | None) -> str:
    """The upload's own name without any folder, kept for its suffix (which picks the reader)
    and its stem (which names a competition read from a race CSV)."""
    name = Path((filename or "").replace("\\", "/")).name.strip()
    return name if name and name not in {".", ".."} else "upload.txt"


def _refuse_nul(data: bytes, text: str, field: str) -> None:
    """A NUL byte (or the JSON escape of one) cannot be stored: refuse it before reading."""
    if b"\x00" in data or "\\u0000" in text:
        raise ApiError(422, f"{field}: a NUL character is not allowed", field=field)


def _import_upload(ctx: Context, filename: str | None, data: bytes) -> Imported:
    _refuse_nul(data, _safe_name(filename), "file")
    with tempfile.TemporaryDirectory(prefix="ovaltime-import-") as folder:
        path = Path(folder) / _safe_name(filename)
        path.write_bytes(data)
        done = import_file(ctx, path)
    # The readers name the temporary file; the client knows it by its own name.
    problems = tuple(p.replace(str(path), _safe_name(filename)) for p in done.problems)
    return Imported(done.competition_id, done.created, done.races, done.results, problems)


def _import_document(ctx: Context, data: bytes) -> Imported:
    text = data.decode("utf-8", errors="replace")
    _refuse_nul(data, text, "body")
    competition = read_document(text, "body")
    return import_competition(ctx, competition)


@router.post(
    "/competitions/import",
    response_model=ImportedOut,
    openapi_extra=_IMPORT_BODY,
    responses={413: {"description": "The file is larger than the server accepts."}},
)
async def import_(request: Request, ctx: ContextDep, _user: Official) -> ImportedOut:
    """Import a competition: a file upload (``file``: competition document ``.json``, race CSV
    ``.csv`` or ISU results text), or a competition document as the JSON body.

    Importing the same content again finds the stored competition (``created`` false)."""
    limit: int = request.app.state.settings.max_upload_bytes
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind == "multipart/form-data":
        form = await request.form(max_files=1, max_fields=5)
        upload = form.get("file")
        if not isinstance(upload, UploadFile):
            raise ApiError(
                422, "file: send the file to import as the form field 'file'", field="file"
            )
        data = await upload.read(limit + 1)
        if len(data) > limit:
            raise ApiError(413, f"file: larger than {limit} bytes", field="file")
        done = await run_in_threadpool(_import_upload, ctx, upload.filename, data)
    elif kind == "application/json":
        data = await request.body()
        if len(data) > limit:
            raise ApiError(413, f"body: larger than {limit} bytes", field="body")
        done = await run_in_threadpool(_import_document, ctx, data)
    else:
        raise ApiError(
            415,
            "send multipart/form-data with a file, or a competition document as application/json",
            field="Content-Type",
        )
    return _imported(done)


@router.get("/competitions/{competition_id}")
def competition(competition_id: Id, ctx: ContextDep) -> dict[str, Any]:
    """One competition with its programme: each race's state, results so far and winner."""
    with read_session(ctx.engine) as session:
        found = load_competition(session, competition_id)
    if found is None:
        raise NotFound("competition", competition_id)
    return competition_view(competition_id, found)


@router.post("/competitions/{competition_id}/races", status_code=201, response_model=RaceCreatedOut)
def create_race(
    competition_id: Id, body: RaceIn, ctx: ContextDep, _user: Official
) -> RaceCreatedOut:
    """Add a scheduled race at the end of the programme."""
    race_id, position = add_race(
        ctx,
        competition_id,
        distance=body.distance,
        gender=body.gender_value(),
        kind=body.kind_value(),
        number=body.number,
        division=body.division,
        title=body.title,
        date=body.date,
    )
    return RaceCreatedOut(id=race_id, competition_id=competition_id, position=position)
