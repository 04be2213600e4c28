"""The service's job workers: each claims a queued job, briefs it through the engine and stores
the briefing or the error; finished jobs past the retention are purged on the way.

Stopping is a flag as well as a cancellation. Python 3.11's ``asyncio.wait_for`` returns the
awaited result, swallowing the cancellation, when the two arrive together (a job submitted, or a
briefing ending, just as the server shuts down): a worker that relied on the cancellation alone
then looped for ever and the shutdown never ended. The waits here use ``asyncio.timeout``, which
keeps the cancellation, and the loop also ends on the flag.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import math
import time

from ..errors import SummarizeError
from .engine import BriefRequest, Engine, RequestTimeout
from .http import status_of
from .jobs import JobStore

__all__ = ["JobWorkers"]

logger = logging.getLogger(__name__)

IDLE_POLL = 1.0  # seconds a worker waits for a job before looking again (for other processes')


class JobWorkers:
    """``count`` workers over ``store``; :meth:`start` and :meth:`stop` bracket the service."""

    def __init__(self, store: JobStore, engine: Engine, *, count: int = 1,
                 lease_seconds: float = 60.0, retention: float = 0.0) -> None:
        self.store, self.engine = store, engine
        self.count = max(1, count)
        self.lease_seconds = lease_seconds
        self.retention = retention
        self._wake = asyncio.Event()
        self._stopping = False
        self._tasks: list[asyncio.Task[None]] = []
        self._purged_at = -math.inf

    def notify(self) -> None:
        """A job was submitted: a waiting worker looks now rather than at its next poll."""
        self._wake.set()

    async def start(self) -> None:
        recovered = await asyncio.to_thread(self.store.recover)
        if recovered:
            logger.info("%d unfinished job(s) queued again", recovered)
        self._stopping = False
        self._tasks = [asyncio.create_task(self._work()) for _ in range(self.count)]

    async def stop(self) -> None:
        """Stop every worker. A job being briefed stays ``running`` in the store, and is queued
        again by the next server (its lease lapses, or its owner process is gone)."""
        self._stopping = True
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        self._tasks = []

    async def _purge(self) -> None:
        """Delete finished jobs past the retention: at most once a minute (or twice per
        retention, when that is shorter)."""
        every = min(60.0, self.retention / 2)
        if self.retention <= 0 or time.monotonic() - self._purged_at < every:
            return
        self._purged_at = time.monotonic()
        gone = await asyncio.to_thread(self.store.purge, self.retention)
        if gone:
            logger.info("%d finished job(s) past the retention deleted", gone)

    async def _work(self) -> None:
        while not self._stopping:
            await self._purge()
            self._wake.clear()  # before claiming: a job submitted from now on wakes us
            job = await asyncio.to_thread(self.store.claim)
            if job is None:
                with contextlib.suppress(TimeoutError):
                    async with asyncio.timeout(IDLE_POLL):
                        await self._wake.wait()
                if not self._stopping:
                    await asyncio.to_thread(self.store.recover)
                continue
            renew = asyncio.create_task(_renew(self.store, job.id, self.lease_seconds))
            try:
                request = BriefRequest.model_validate(job.request["body"])
                briefing, _ = await self.engine.run(request)
                await asyncio.to_thread(self.store.finish, job.id,
                                        result=briefing.model_dump(mode="json"))
            except (SummarizeError, RequestTimeout) as exc:
                status = 504 if isinstance(exc, RequestTimeout) else status_of(exc)
                await asyncio.to_thread(self.store.finish, job.id, error={
                    "type": type(exc).__name__, "message": str(exc), "status": status})
            finally:
                renew.cancel()


async def _renew(store: JobStore, job_id: str, lease: float) -> None:
    while True:
        await asyncio.sleep(max(0.5, lease / 3))
        await asyncio.to_thread(store.renew, job_id)
