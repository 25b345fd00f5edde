"""The entry screen of a race: ``/competitions/{competition_id}/races/{position}/entry``.

``GET`` shows it to a signed-in official (anyone else is sent to the login page). Each form
posts to a route below it; a refusal gives the screen back with the message next to the field
and every value as it was posted (status 422, or 409 for a clash); a success goes back to the
screen (303), on the next pair once a pair is complete.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from ovaltime.services.errors import NotFound
from ovaltime.services.unit import Context
from ovaltime.services.users import User
from ovaltime.web.auth import USER_KEY
from ovaltime.web.deps import MAX_ID, ContextDep, Id
from ovaltime.web.entry import forms
from ovaltime.web.entry.access import page_session, to_login
from ovaltime.web.entry.render import render
from ovaltime.web.entry.screen import Screen, load_screen
from ovaltime.web.pages.common import not_found

router = APIRouter(prefix="/competitions/{competition_id}/races/{position}/entry")

PairQuery = Annotated[int | None, Query(ge=1, le=MAX_ID)]

_SECTIONS = {"pair": "entry", "correct": "recorded", "start-list": "start-list", "state": "state"}


def _screen_page(
    request: Request,
    screen: Screen,
    *,
    refused: forms.Refused | None = None,
    values: forms.Form | None = None,
    form: str = "",
    correcting: int | None = None,
) -> Response:
    session = page_session(request)
    assert session is not None
    context: dict[str, Any] = {
        "screen": screen,
        "competition": {"id": screen.competition_id, "name": screen.competition_name},
        "user": session.user,
        "csrf": session.csrf,
        "errors": refused.fields if refused else {},
        "values": dict(values or {}),
        "form": form,
        "correcting": correcting,
        "extra_rows": forms.START_ROWS_EXTRA,
    }
    return render(request, "screen.html", context, refused.status if refused else 200)


@router.get("")
async def entry_screen(
    request: Request, competition_id: Id, position: Id, ctx: ContextDep, pair: PairQuery = None
) -> Response:
    """The entry screen, on ``?pair=`` or on the next pair to enter."""
    if page_session(request) is None:
        return to_login(request)
    try:
        screen = await run_in_threadpool(load_screen, ctx, competition_id, position, pair)
    except NotFound as error:
        return not_found(request, str(error))
    return _screen_page(request, screen)


async def _posted(request: Request) -> dict[str, str]:
    form = await request.form(max_files=0, max_fields=2000)
    return {key: value for key, value in form.items() if isinstance(value, str)}


def _user(request: Request) -> User:
    user = request.scope.get(USER_KEY)
    assert isinstance(user, User), "the write guard identifies every writer"
    return user


def _done(screen: Screen, pair: int | None = None, section: str = "entry") -> Response:
    query = f"?pair={pair}" if pair is not None else ""
    return RedirectResponse(f"{screen.path}{query}#{section}", status_code=303)


@router.post("/pairs/{pair}")
async def enter_pair(
    request: Request, competition_id: Id, position: Id, pair: Id, ctx: ContextDep
) -> Response:
    """Record the passages and outcomes the pair form gives."""
    if page_session(request) is None:
        return to_login(request)
    values = await _posted(request)
    screen = await run_in_threadpool(load_screen, ctx, competition_id, position, pair)
    refused = await run_in_threadpool(forms.record_pair, ctx, _user(request), screen, values)
    after = await run_in_threadpool(load_screen, ctx, competition_id, position, pair)
    if refused:
        return _screen_page(request, after, refused=refused, values=values, form="pair")
    if after.current is not None and after.current.complete:
        following = after.neighbour(1)
        return _done(after, following.number if following else None)
    return _done(after, pair)


@router.post("/results/{result_id}/correct")
async def correct_result(
    request: Request, competition_id: Id, position: Id, result_id: Id, ctx: ContextDep
) -> Response:
    """Correct a recorded result (the version seen and a reason)."""
    if page_session(request) is None:
        return to_login(request)
    values = await _posted(request)
    screen = await run_in_threadpool(load_screen, ctx, competition_id, position)
    row = next((r for r in screen.rows if r.result_id == result_id), None)
    if row is None:
        refused = forms.Refused({"time": f"result {result_id} is not in this race"}, 404)
    else:
        refused = await run_in_threadpool(forms.correct, ctx, _user(request), row, values)
    if not refused:
        return _done(screen, section=f"result-{result_id}")
    after = await run_in_threadpool(load_screen, ctx, competition_id, position)
    return _screen_page(
        request,
        after,
        refused=refused,
        values=values,
        form="correct",
        correcting=result_id,
    )


@router.post("/start-list")
async def start_list(
    request: Request, competition_id: Id, position: Id, ctx: ContextDep
) -> Response:
    """Replace the start list with the form's rows."""
    return await _race_form(
        request, ctx, competition_id, position, forms.save_start_list, "start-list"
    )


@router.post("/state")
async def race_state(
    request: Request, competition_id: Id, position: Id, ctx: ContextDep
) -> Response:
    """Move the race one step forward, or back with a reason."""
    return await _race_form(request, ctx, competition_id, position, forms.change_state, "state")


async def _race_form(
    request: Request,
    ctx: Context,
    competition_id: int,
    position: int,
    action: Callable[[Context, User, Screen, dict[str, str]], forms.Refused],
    form: str,
) -> Response:
    """Post a whole-race form: done goes back to its section, refused shows the screen again
    with the reasons and every posted value."""
    if page_session(request) is None:
        return to_login(request)
    values = await _posted(request)
    screen = await run_in_threadpool(load_screen, ctx, competition_id, position)
    refused = await run_in_threadpool(action, ctx, _user(request), screen, values)
    if not refused:
        return _done(screen, section=form)
    return _screen_page(request, screen, refused=refused, values=values, form=form)
