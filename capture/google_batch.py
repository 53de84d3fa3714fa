"""Many Google API calls in batches to the configured batch address, each call retried alone."""

from __future__ import annotations

from collections.abc import Callable

from googleapiclient.errors import HttpError
from googleapiclient.http import BatchHttpRequest, HttpRequest

from capture.base import SourceError
from capture.google_retry import Backoff, call, is_retryable, retry_after

Results = dict[str, dict | HttpError]


def execute_batch(
    requests: dict[str, HttpRequest], *, batch_uri: str, backoff: Backoff, size: int = 50
) -> Results:
    """Each request's response, or its final HttpError (a 404 for a message deleted meanwhile)."""
    results: Results = {}
    ids = list(requests)
    for start in range(0, len(ids), size):
        chunk = {key: requests[key] for key in ids[start : start + size]}
        results.update(_execute_chunk(chunk, batch_uri=batch_uri, backoff=backoff))
    return results


def _execute_chunk(
    requests: dict[str, HttpRequest], *, batch_uri: str, backoff: Backoff
) -> Results:
    results: Results = {}
    pending = dict(requests)
    attempt = 0
    while pending:
        throttled: dict[str, HttpError] = {}
        # an explicit batch_uri: the service's new_batch_http_request() would post to Google's
        # public batch address whatever endpoint the service was built with
        batch = BatchHttpRequest(callback=_collector(results, throttled), batch_uri=batch_uri)
        for request_id, request in pending.items():
            batch.add(request, request_id=request_id)
        call(batch.execute, backoff=backoff)
        if not throttled:
            break
        attempt += 1
        if attempt > backoff.max_retries:
            first = next(iter(throttled.values()))
            raise SourceError(f"Google kept refusing batched calls ({first.resp.status})")
        waits = [w for w in (retry_after(e) for e in throttled.values()) if w is not None]
        backoff.wait(attempt, max(waits) if waits else None)
        pending = {request_id: requests[request_id] for request_id in throttled}
    return results


def _collector(
    results: Results, throttled: dict[str, HttpError]
) -> Callable[[str, dict | None, HttpError | None], None]:
    """A batch callback sorting answers into final results and calls to retry."""

    def collect(request_id: str, response: dict | None, exception: HttpError | None) -> None:
        if exception is None:
            results[request_id] = response or {}
        elif is_retryable(exception):
            throttled[request_id] = exception
        else:
            results[request_id] = exception

    return collect
