"""The review desk's web app: Starlette routes, Jinja2 pages (autoescaped), a little plain JavaScript.

Routes: ``/queue`` (filters in the query string), ``/conflict/{id}`` (the same filters, so ``j``/``k``
walk the filtered queue), ``POST /conflict/{id}/decide`` (one form: accept, pick:N, not_error, undo),
``/reviewer`` (the name, asked once, kept in a cookie) and ``/static``.

Security: every POST carries a CSRF token that must equal the one in the ``nf_csrf`` cookie
(double submit, compared with ``hmac.compare_digest``; both cookies are SameSite=Strict and
HttpOnly), and a POST whose ``Origin`` names another host is refused. Pages are sent with a
Content-Security-Policy that allows only this server's own script and style. The ``next`` of the
reviewer form may only be a path on this server.
"""
from __future__ import annotations

import hmac
import secrets
from pathlib import Path
from typing import Any, Optional
from urllib.parse import quote, unquote, urlencode, urlsplit

from jinja2 import Environment, FileSystemLoader, select_autoescape
from pydantic import ValidationError
from sqlalchemy import Engine
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from . import store
from .text import diff_segments, reference, story_view

HERE = Path(__file__).parent
CSRF_COOKIE, REVIEWER_COOKIE = "nf_csrf", "nf_reviewer"
EVIDENCE = {"similar_shape": "similar shape (形近)", "same_pinyin": "same pinyin (同音)",
            "similar_pinyin": "similar pinyin (音近)", "numeral_style": "numeral style",
            "same_value": "same value", "traditional_simplified": "traditional / simplified (繁简)"}
HEADERS = {"Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
                                      "form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
           "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer", "Cache-Control": "no-store"}
LOOPBACK_HOSTS = ["127.0.0.1", "localhost", "[::1]", "::1"]


def _env() -> Environment:
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(default=True),
                      trim_blocks=True, lstrip_blocks=True)
    env.globals["EVIDENCE"] = EVIDENCE
    return env


templates = Jinja2Templates(env=_env())


class SecurityHeaders:
    """Pure ASGI middleware: the headers of ``HEADERS`` on every response."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message) -> None:
            if message["type"] == "http.response.start":
                have = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [
                    (k.lower().encode(), v.encode()) for k, v in HEADERS.items() if k.lower().encode() not in have]
            await send(message)

        await self.app(scope, receive, send_with_headers)


# --------------------------------------------------------------------------- cookies and CSRF

def _csrf(request: Request) -> tuple[str, bool]:
    """This browser's CSRF token, and whether it is new (to be set as a cookie)."""
    token = request.cookies.get(CSRF_COOKIE, "")
    if len(token) >= 32:
        return token, False
    return secrets.token_urlsafe(32), True


def _reviewer(request: Request) -> Optional[str]:
    raw = request.cookies.get(REVIEWER_COOKIE)
    if not raw:
        return None
    try:
        return store.clean_reviewer(unquote(raw))
    except store.DecisionError:
        return None


async def _checked_form(request: Request) -> Any:
    """The POSTed form, or a ``Response`` refusing it (bad origin or CSRF token)."""
    origin = request.headers.get("origin")
    if origin and origin != "null" and urlsplit(origin).netloc != request.headers.get("host", ""):
        return _error(request, 403, "cross-origin request refused")
    form = await request.form()
    sent, cookie = str(form.get("csrf", "")), request.cookies.get(CSRF_COOKIE, "")
    if not cookie or not hmac.compare_digest(sent.encode(), cookie.encode()):
        return _error(request, 403, "missing or wrong CSRF token: reload the page and try again")
    return form


def _render(request: Request, name: str, ctx: dict[str, Any], status: int = 200) -> Response:
    token, new = _csrf(request)
    ctx = {"reviewer": _reviewer(request), "csrf": token, **ctx}
    resp = templates.TemplateResponse(request, name, ctx, status_code=status)
    if new:
        resp.set_cookie(CSRF_COOKIE, token, httponly=True, samesite="strict")
    return resp


def _error(request: Request, status: int, message: str) -> Response:
    return _render(request, "error.html", {"message": message, "status": status}, status)


def _filters(request: Request) -> Any:
    """The queue filters from the query string, or an error response."""
    params = {k: v for k, v in request.query_params.items() if k in store.Filters.model_fields and v != ""}
    try:
        return store.Filters(**params)
    except ValidationError as exc:
        first = exc.errors()[0]
        return _error(request, 400, f"bad filter {'.'.join(map(str, first['loc']))}: {first['msg']}")


def _url(path: str, f: store.Filters, **extra: Any) -> str:
    q = {**f.params(), **{k: v for k, v in extra.items() if v is not None}}
    return path + ("?" + urlencode(q) if q else "")


def _ask_name(request: Request) -> Response:
    target = request.url.path + (("?" + request.url.query) if request.url.query else "")
    return RedirectResponse("/reviewer?" + urlencode({"next": target}), status_code=303)


def _safe_next(target: str) -> str:
    """Only a path on this server (no scheme, no host, no ``//`` or backslash tricks)."""
    parts = urlsplit(target)
    if not target.startswith("/") or target.startswith("//") or "\\" in target or parts.scheme or parts.netloc:
        return "/queue"
    return target


# --------------------------------------------------------------------------- pages

def _conflict_url(cid: str, f: store.Filters, **extra: Any) -> str:
    return _url(f"/conflict/{quote(cid, safe='')}", f, **extra)


def _gate(request: Request) -> Any:
    """The queue filters for a named reviewer, or a response: ask the name, or refuse a bad filter."""
    if _reviewer(request) is None:
        return _ask_name(request)
    return _filters(request)


def _page(request: Request) -> int:
    page_arg = request.query_params.get("page", "1")
    return int(page_arg) if page_arg.isdigit() and len(page_arg) < 9 else 1


def _choice(form: Any) -> tuple[str, Optional[int], Optional[int], str]:
    """The decide form's decision, picked reading, seen decision id and note."""
    choice = str(form.get("choice", ""))
    seen_arg = str(form.get("seen", ""))
    seen = int(seen_arg) if seen_arg.isdigit() and len(seen_arg) < 18 else None
    note = str(form.get("note", ""))
    decision, reading = choice, None
    if choice.startswith("pick:") and choice[5:].isdigit() and len(choice) < 12:
        decision, reading = "pick", int(choice[5:])
    return decision, reading, seen, note


def _mark_queue_rows(rows: list[dict[str, Any]]) -> None:
    """Each reading's diff segments against its row's reference reading."""
    for row in rows:
        ref = reference(row["consensus"], row["readings"])
        for r in row["readings"]:
            r["segments"] = diff_segments(r["text"], ref)


async def _mark_readings(view: Any) -> None:
    """Each reading of a conflict view with its diff segments, its story and the story's view."""
    ref = reference(view.conflict["consensus"], view.readings)
    for r in view.readings:
        r["segments"] = diff_segments(r["text"], ref)
        r["story"] = view.stories.get(r["story_key"])
        r["view"] = await run_in_threadpool(story_view, r, r["story"])


async def home(request: Request) -> Response:
    return RedirectResponse("/queue", status_code=303)


async def reviewer_form(request: Request) -> Response:
    return _render(request, "reviewer.html", {"next": _safe_next(request.query_params.get("next", "/queue"))})


async def reviewer_set(request: Request) -> Response:
    form = await _checked_form(request)
    if isinstance(form, Response):
        return form
    try:
        name = store.clean_reviewer(str(form.get("name", "")))
    except store.DecisionError as exc:
        return _render(request, "reviewer.html", {"next": _safe_next(str(form.get("next", "/queue"))),
                                                  "problem": str(exc)}, 400)
    resp = RedirectResponse(_safe_next(str(form.get("next", "/queue"))), status_code=303)
    resp.set_cookie(REVIEWER_COOKIE, quote(name, safe=""), max_age=365 * 86400, httponly=True,
                    samesite="strict")
    return resp


class _Desk:
    """The routes that read or write the database: ``queue``, ``conflict`` and ``decide``."""

    def __init__(self, eng: Engine, page_size: int) -> None:
        self.eng, self.page_size = eng, page_size

    def done_info(self, decision_id: Optional[str]) -> Optional[dict[str, Any]]:
        if not decision_id or not decision_id.isdigit():
            return None
        return store.decision_info(self.eng, int(decision_id))

    async def queue(self, request: Request) -> Response:
        f = _gate(request)
        if isinstance(f, Response):
            return f
        qp = await run_in_threadpool(store.queue, self.eng, f, _page(request), self.page_size)
        done = await run_in_threadpool(self.done_info, request.query_params.get("done"))
        _mark_queue_rows(qp.rows)
        return _render(request, "queue.html", {
            "q": qp, "f": f, "done": done, "fields": store.FIELDS, "kinds": store.KINDS,
            "severities": store.SEVERITIES, "statuses": store.STATUSES,
            "page_url": lambda p: _url("/queue", f, page=p),
            "conflict_url": lambda cid: _conflict_url(cid, f)})

    async def conflict(self, request: Request) -> Response:
        f = _gate(request)
        if isinstance(f, Response):
            return f
        cid = request.path_params["conflict_id"]
        view = await run_in_threadpool(store.conflict, self.eng, cid)
        if view is None:
            return _error(request, 404, f"no conflict {cid}")
        prev_id, next_id = await run_in_threadpool(store.neighbours, self.eng, cid, f)
        undecided = f.model_copy(update={"status": "undecided"})
        _, skip_id = await run_in_threadpool(store.neighbours, self.eng, cid, undecided)
        done = await run_in_threadpool(self.done_info, request.query_params.get("done"))
        await _mark_readings(view)
        link = lambda c: _conflict_url(c, f) if c else None  # noqa: E731
        return _render(request, "conflict.html", {
            "c": view.conflict, "view": view, "readings": view.readings, "f": f, "done": done,
            "prev_url": link(prev_id), "next_url": link(next_id), "skip_url": link(skip_id),
            "queue_url": _url("/queue", f),
            "action": _url(f"/conflict/{quote(cid, safe='')}/decide", f)})

    async def undo(self, cid: str, reviewer: str, seen: Optional[int], note: str, f: store.Filters) -> Response:
        """Take back the decision on ``cid`` (or, if it has none, this reviewer's last one) and show it."""
        view = await run_in_threadpool(store.conflict, self.eng, cid)
        if view is not None and view.current is None:
            # Nothing to take back here: take back this reviewer's last decision, and go there.
            other = await run_in_threadpool(store.last_current_by, self.eng, reviewer)
            if other is None:
                raise store.DecisionError("nothing to undo")
            cid, seen = other, None
        done = await run_in_threadpool(lambda: store.decide(self.eng, cid, "undo", reviewer, seen=seen, note=note))
        return RedirectResponse(_conflict_url(cid, f, done=done.decision_id), status_code=303)

    async def decide(self, request: Request) -> Response:
        form = await _checked_form(request)
        if isinstance(form, Response):
            return form
        f = _gate(request)
        if isinstance(f, Response):
            return f
        reviewer = _reviewer(request)
        cid = request.path_params["conflict_id"]
        decision, reading, seen, note = _choice(form)
        try:
            if decision == "undo":
                return await self.undo(cid, reviewer, seen, note, f)
            done = await run_in_threadpool(lambda: store.decide(self.eng, cid, decision, reviewer, seen=seen,
                                                                reading=reading, note=note))
        except store.DecisionError as exc:
            return _error(request, 400, str(exc))
        _, next_id = await run_in_threadpool(store.neighbours, self.eng, cid, f)
        target = f"/conflict/{quote(next_id, safe='')}" if next_id else "/queue"
        return RedirectResponse(_url(target, f, done=done.decision_id), status_code=303)


def create_app(db_url: str, *, engine: Optional[Engine] = None, allowed_hosts: Optional[list[str]] = None,
               page_size: int = store.PAGE_SIZE) -> Starlette:
    """The app over ``db_url`` (``open_database`` must have been called on it: see ``cli``)."""
    from ..load.db import make_engine

    eng = engine or make_engine(db_url)
    desk = _Desk(eng, page_size)
    routes = [
        Route("/", home), Route("/queue", desk.queue),
        Route("/conflict/{conflict_id:str}", desk.conflict),
        Route("/conflict/{conflict_id:str}/decide", desk.decide, methods=["POST"]),
        Route("/reviewer", reviewer_form), Route("/reviewer", reviewer_set, methods=["POST"]),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
    ]
    middleware = [Middleware(SecurityHeaders)]
    if allowed_hosts:
        middleware.append(Middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts))
    app = Starlette(routes=routes, middleware=middleware)
    app.state.engine = eng
    return app


__all__ = ["create_app", "LOOPBACK_HOSTS"]
