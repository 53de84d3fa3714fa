"""Celery workers, for when one machine is not enough: `celery -A api.worker worker` with
PROOFSTAGE_BROKER_URL set (Redis or RabbitMQ). A push or a schedule queues `proofstage.sync`;
the task is the same plain function `proofstage sync` runs, so a worker adds no behaviour."""

from __future__ import annotations

from celery import Celery

from models.settings import get_settings

SYNC_TASK = "proofstage.sync"


def sync(email: str, streams: list[str] | None = None, full: bool = False) -> dict[str, object]:
    """Sync one mailbox (api/services/live.py); returns a summary for the worker's log."""
    from api.services.live import run_sync

    report = run_sync(email=email, streams=streams, full=full)
    return {
        "mailbox": report.mailbox,
        "skipped": report.skipped,
        "streams": {s.stream: s.error or "ok" for s in report.streams},
    }


def make_app(broker_url: str | None) -> Celery:
    """A Celery app on this broker with the sync task registered."""
    celery = Celery("proofstage")
    celery.conf.update(
        broker_url=broker_url or "memory://",
        # a worker killed mid-sync leaves the task queued; the stored cursor resumes it
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        worker_prefetch_multiplier=1,
        task_serializer="json",
        accept_content=["json"],
        task_ignore_result=True,
    )
    celery.task(name=SYNC_TASK, ignore_result=True)(sync)
    return celery


app = make_app(get_settings().broker_url)
