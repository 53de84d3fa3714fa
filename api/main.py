"""The FastAPI application: routers and the handlers that turn errors into JSON."""

from __future__ import annotations

import logging
import uuid

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from api.errors import ProofstageError
from api.routes import changes, connect, health, mailboxes, opportunities, process, push

log = logging.getLogger("proofstage.api")

app = FastAPI(
    title="proofstage",
    version="0.1.0",
    description=(
        "Where each B2B buyer really is in their buying journey, proven by their own reactions "
        "in the reps' sent mail and calendars. Every proven exit criterion points at its "
        "evidence: the message or event id, the quote and the time."
    ),
)
for module in (opportunities, process, changes, mailboxes, connect, push, health):
    app.include_router(module.router)


@app.exception_handler(ProofstageError)
async def _proofstage_error(_: Request, exc: ProofstageError) -> JSONResponse:
    return JSONResponse({"error": type(exc).__name__, "detail": exc.detail}, exc.status_code)


@app.exception_handler(RequestValidationError)
async def _validation_error(_: Request, exc: RequestValidationError) -> JSONResponse:
    problems = [f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors()]
    return JSONResponse({"error": "ValidationError", "detail": "; ".join(problems)}, 422)


@app.exception_handler(Exception)
async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    request_id = uuid.uuid4().hex[:12]
    log.exception("request %s failed: %s %s", request_id, request.method, request.url.path)
    return JSONResponse(
        {"error": "InternalError", "detail": f"unexpected error; request id {request_id}"}, 500
    )
