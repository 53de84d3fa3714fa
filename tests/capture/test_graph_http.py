"""Retries, throttling, token refresh and errors of the Graph client, against the fake."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from capture.base import SourceError
from capture.graph_http import Backoff, GraphError
from capture.graph_mail import GraphMailSource
from tests.capture.graph_support import MAILBOX, Running, running_fake

DELTA = f"users/{MAILBOX}/mailFolders/sentitems/messages/delta"


@pytest.fixture
def graph(tmp_path: Path) -> Iterator[Running]:
    with running_fake(tmp_path) as running:
        running.fake.add_message(MAILBOX, subject="Order form")
        yield running


def test_429_waits_exactly_the_retry_after_graph_sent(graph: Running) -> None:
    graph.fake.fail_next(2, status=429, retry_after=7)

    with graph.client() as client:
        pages = list(GraphMailSource(MAILBOX, client=client).pages(None))

    assert [i.subject for p in pages for i in p.interactions] == ["Order form"]
    assert graph.sleeps.waits == [7.0, 7.0]
    assert len(graph.fake.graph_requests("/delta")) == 3


def test_the_default_jitter_never_waits_less_than_retry_after(graph: Running) -> None:
    graph.fake.fail_next(1, status=429, retry_after=4)

    with graph.client(jitter=Backoff().jitter) as client:
        client.get(DELTA)

    (wait,) = graph.sleeps.waits
    assert 4.0 <= wait <= 4.4


@pytest.mark.parametrize("status", [503, 504])
def test_unavailable_is_retried_with_a_growing_backoff(graph: Running, status: int) -> None:
    graph.fake.fail_next(3, status=status)

    with graph.client(max_retries=3, base=1.0) as client:
        body = client.get(DELTA)

    assert len(body["value"]) == 1
    assert graph.sleeps.waits == [0.5, 1.0, 2.0]  # half of 1, 2, 4 s with no jitter
    assert len(graph.fake.graph_requests("/delta")) == 4


def test_retries_are_capped_then_the_source_fails(graph: Running) -> None:
    graph.fake.fail_next(10, status=503, retry_after=1)

    with graph.client(max_retries=3) as client, pytest.raises(GraphError) as failure:
        client.get(DELTA)

    assert failure.value.status == 503
    assert failure.value.code == "ServiceUnavailable"
    assert len(graph.fake.graph_requests("/delta")) == 4  # one try and 3 retries, no more
    assert graph.sleeps.waits == [1.0, 1.0, 1.0]


def test_a_retry_after_longer_than_the_max_wait_fails_the_round(graph: Running) -> None:
    graph.fake.fail_next(1, status=429, retry_after=600)

    with graph.client(max_wait=60.0) as client, pytest.raises(SourceError, match="600"):
        client.get(DELTA)

    assert graph.sleeps.waits == []
    assert len(graph.fake.graph_requests("/delta")) == 1


def test_a_401_gets_one_new_token_and_one_retry(graph: Running) -> None:
    with graph.client() as client:
        client.get(DELTA)
        graph.fake.revoke_access_tokens()
        body = client.get(DELTA)

    assert len(body["value"]) == 1
    assert len(graph.fake.identity_requests("/oauth2/v2.0/token")) == 2
    tokens = [r.headers["authorization"] for r in graph.fake.graph_requests("/delta")]
    assert len(tokens) == 3 and tokens[0] == tokens[1] != tokens[2]


def test_a_second_401_is_not_retried_again(graph: Running) -> None:
    with graph.client() as client:
        client.token = lambda force: "not-a-token"
        with pytest.raises(GraphError) as failure:
            client.get(DELTA)

    assert failure.value.status == 401
    assert failure.value.code == "InvalidAuthenticationToken"
    assert len(graph.fake.graph_requests("/delta")) == 2


def test_other_client_errors_carry_graphs_code(graph: Running) -> None:
    with graph.client() as client, pytest.raises(GraphError) as failure:
        client.get("users/nobody@seller.com/mailFolders/sentitems/messages/delta")

    assert failure.value.status == 404
    assert failure.value.code == "ErrorInvalidUser"
    assert "nobody@seller.com" in str(failure.value)
    assert len(graph.fake.graph_requests("/delta")) == 1
    assert graph.sleeps.waits == []


def test_a_stalled_response_times_out_and_is_retried(graph: Running) -> None:
    graph.config.timeout = 0.3
    graph.fake.stall_next(1, 1.0)

    with graph.client() as client:
        body = client.get(DELTA)

    assert len(body["value"]) == 1
    assert len(graph.sleeps.waits) == 1
    assert len(graph.fake.graph_requests("/delta")) == 2
