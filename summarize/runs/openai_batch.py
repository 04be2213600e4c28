"""Large jobs through the OpenAI Batch API: cheaper, asynchronous, up to a day.

``summarize batch --openai-batch`` plans every document, writes one chat-completions request per
model call (the same messages and forced tool call instructor sends interactively) to a JSONL
file, uploads it, creates the batch, polls it, downloads the results and turns them into the
same output lines as an ordinary batch. State is kept beside the output
(``<output>.openai-batch/state.json``): run the same command again after an interruption and it
polls the batch already submitted instead of paying twice.

What differs from interactive calls: the Batch API does not retry, so an answer that does not
validate against the schema makes that document's line an error (re-run without
``--openai-batch`` to retry those with instructor's feedback loop).
"""

from __future__ import annotations

import contextlib
import json
import logging
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import openai
from pydantic import ValidationError

from ..backends import Extraction, open_backend
from ..backends.registry import URL_KIND
from ..core.inputs import InputFailure, iter_sources
from ..core.job import Call, Job
from ..core.prompts import Prompt
from ..errors import (
    BackendError,
    BackendUnavailableError,
    ConfigError,
    ExtractionError,
    SummarizeError,
)
from ..output import write_atomic
from ..pipeline import finish, plan
from ..schema import Usage
from ..settings import Settings
from ..strategies import get_strategy
from .batch import BatchStats
from .log import RunRecorder
from .results import OutputLock, ResultWriter, prepare_output

__all__ = ["run_openai_batch"]

logger = logging.getLogger(__name__)

FINAL = {"completed", "failed", "expired", "cancelled"}


def _request(custom_id: str, backend: Any, call: Call) -> dict[str, Any]:
    """One line of the batch's input: the request the backend would send for ``call``."""
    body = backend.batch_request(call.messages, call.response_model, max_tokens=call.max_tokens)
    return {"custom_id": custom_id, "method": "POST", "url": "/v1/chat/completions",
            "body": body}


def _jobs(sources: Iterable[str], settings: Settings, prompt: Prompt | None,
          done: set[str]) -> Iterable[tuple[int, Job | InputFailure]]:
    """Every document not done yet, planned, numbered by its place among all the inputs (so the
    numbers stay the same when a resumed run has fewer documents left)."""
    seen: set[str] = set()
    for n, item in enumerate(iter_sources(sources)):
        if item.id in done or item.id in seen:
            continue
        seen.add(item.id)
        if isinstance(item, InputFailure):
            yield n, item
        else:
            try:
                yield n, plan(item, settings, prompt)
            except SummarizeError as exc:
                yield n, InputFailure(item.id, exc)


def _extraction(job: Job, index: int, result: dict[str, Any] | None) -> Extraction:
    call = job.calls[index]
    if result is None:
        raise BackendError("the batch returned no result for this request", backend="openai")
    if result.get("error"):
        raise BackendUnavailableError(f"batch request failed: {result['error']}",
                                      backend="openai")
    response = result.get("response") or {}
    if response.get("status_code") != 200:
        body = response.get("body") or {}
        message = (body.get("error") or {}).get("message") if isinstance(body, dict) else body
        raise BackendUnavailableError(
            f"batch request failed: HTTP {response.get('status_code')}: {message}",
            backend="openai")
    body = response["body"]
    usage = Usage(**{k: v for k, v in (body.get("usage") or {}).items()
                     if k in ("prompt_tokens", "completion_tokens", "total_tokens")})
    try:
        arguments = body["choices"][0]["message"]["tool_calls"][0]["function"]["arguments"]
        value = call.response_model.model_validate_json(arguments)
    except (KeyError, IndexError, TypeError, ValidationError) as exc:
        first = str(exc).splitlines()[0]
        raise ExtractionError(f"the batch answer is not a valid {call.response_model.__name__} "
                              f"({first}); the Batch API does not retry: run this document "
                              "without the Batch API", attempts=1, usage=usage.model_dump()
                              ) from exc
    return Extraction(value=value, usage=usage, attempts=1)


def run_openai_batch(
    sources: list[str],
    output: Path,
    settings: Settings,
    *,
    prompt: Prompt | None = None,
    poll_interval: float = 30.0,
    stats: BatchStats | None = None,
    recorder: RunRecorder | None = None,
    on_status: Callable[[str, dict[str, Any]], None] | None = None,
    client: openai.OpenAI | None = None,
) -> BatchStats:
    """Brief ``sources`` through the Batch API into the JSONL file ``output``."""
    if settings.backend not in ("openai", URL_KIND):
        raise ConfigError("the Batch API needs an OpenAI model (openai/<model>) or a server "
                          "with the Batch API (by URL)")
    if get_strategy(settings.strategy).prompt_task is None:
        raise ConfigError(f"the {settings.strategy} strategy asks no model: the Batch API has "
                          "nothing to do")
    with OutputLock(output):
        return _run(sources, output, settings, prompt, poll_interval, stats or BatchStats(),
                    recorder, on_status, client)


def _run(sources: list[str], output: Path, settings: Settings, prompt: Prompt | None,
         poll_interval: float, stats: BatchStats, recorder: RunRecorder | None,
         on_status: Callable[[str, dict[str, Any]], None] | None,
         client: openai.OpenAI | None) -> BatchStats:
    done = prepare_output(output)
    folder = output.with_name(output.name + ".openai-batch")
    folder.mkdir(exist_ok=True)
    state_path = folder / "state.json"
    state: dict[str, Any] = (json.loads(state_path.read_text(encoding="utf-8"))
                             if state_path.exists() else {})
    client = client or openai.OpenAI(base_url=settings.base_url,
                                     api_key=settings.api_key or "not-needed",
                                     timeout=settings.timeout)

    try:
        if "batch_id" not in state:
            requests = folder / "requests.jsonl"
            count = 0
            with requests.open("w", encoding="utf-8") as fh, \
                    open_backend(settings) as backend:
                if not hasattr(backend, "batch_request"):
                    raise ConfigError(f"the {settings.backend} backend has no Batch API")
                for n, job in _jobs(sources, settings, prompt, done):
                    if isinstance(job, InputFailure):
                        continue
                    for i, call in enumerate(job.calls):
                        fh.write(json.dumps(_request(f"d{n}-c{i}", backend, call),
                                            ensure_ascii=False) + "\n")
                        count += 1
            if not count:
                logger.info("nothing left to submit")
            else:
                with requests.open("rb") as upload:
                    uploaded = client.files.create(file=upload, purpose="batch")
                created = client.batches.create(input_file_id=uploaded.id,
                                                endpoint="/v1/chat/completions",
                                                completion_window="24h")
                state = {"batch_id": created.id, "input_file_id": uploaded.id,
                         "requests": count}
                write_atomic(state_path, json.dumps(state, indent=2))
                logger.info("submitted batch %s: %d request(s)", created.id, count)
        results: dict[str, dict[str, Any]] = {}
        if "batch_id" in state:
            while True:
                batch = client.batches.retrieve(state["batch_id"])
                counts = batch.request_counts.model_dump() if batch.request_counts else {}
                if on_status is not None:
                    on_status(batch.status, counts)
                if batch.status in FINAL:
                    break
                time.sleep(poll_interval)
            for file_id in (batch.output_file_id, batch.error_file_id):
                if file_id:
                    for line in client.files.content(file_id).text.splitlines():
                        if line.strip():
                            record = json.loads(line)
                            results[record["custom_id"]] = record
            if batch.status != "completed" and not results:
                raise BackendUnavailableError(f"batch {batch.id} ended {batch.status}",
                                              backend=settings.backend)
    except openai.APIError as exc:
        raise BackendUnavailableError(f"OpenAI Batch API: {exc}", backend=settings.backend,
                                      original=exc) from exc

    # Plan again (deterministic) and pair each document's calls with their results.
    with ResultWriter(output) as out:
        for n, job in _jobs(sources, settings, prompt, done):
            if isinstance(job, InputFailure):
                out.error(job.id, job.error)
                stats.failed += 1
                if recorder:
                    recorder.add(None)
                continue
            try:
                extractions = [_extraction(job, i, results.get(f"d{n}-c{i}"))
                               for i in range(len(job.calls))]
                briefing = finish(job, extractions, model=settings.model,
                                  backend=settings.backend)
            except SummarizeError as exc:
                out.error(job.document.id, exc)
                stats.failed += 1
                stats.failures.append(f"{job.document.id}: {exc}")
                if recorder:
                    recorder.add(None)
                continue
            out.ok(job.document.id, briefing)
            stats.succeeded += 1
            if recorder:
                recorder.add(briefing)
    state_path.unlink(missing_ok=True)
    (folder / "requests.jsonl").unlink(missing_ok=True)
    with contextlib.suppress(OSError):
        folder.rmdir()
    return stats
