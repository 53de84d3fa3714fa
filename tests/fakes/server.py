"""Serve an ASGI app (a fake Graph or Google server) on a free local port, over real HTTP or
TLS, in a background thread, for the length of a test."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import uvicorn


@contextmanager
def serve(
    app: object, *, certfile: Path | None = None, keyfile: Path | None = None
) -> Iterator[str]:
    """Yields the base URL (`http://127.0.0.1:PORT` or `https://localhost:PORT`)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = uvicorn.Config(
        app,  # type: ignore[arg-type]
        host="127.0.0.1",
        port=port,
        log_level="warning",
        lifespan="off",
        ssl_certfile=str(certfile) if certfile else None,
        ssl_keyfile=str(keyfile) if keyfile else None,
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the fake server did not start")
        time.sleep(0.01)
    try:
        yield f"{'https://localhost' if certfile else 'http://127.0.0.1'}:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
