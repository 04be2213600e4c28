"""Cassettes never keep keys, cookies or organisation ids."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import vcr

from summarize import document_from_text
from summarize.backends import OpenAICompatibleBackend
from summarize.schema import DraftBriefing
from tests.conftest import _json_body, tool_call_completion

CASSETTES = Path(__file__).resolve().parent.parent / "cassettes"
LEAK = re.compile(
    r"set-cookie|openai-organization|sk-[A-Za-z0-9_-]{20,}|Bearer [A-Za-z0-9._-]{12,}",
    re.IGNORECASE,
)
PLANTED = "sk-planted-" + "x" * 32


def test_committed_cassettes_hold_no_secrets() -> None:
    files = list(CASSETTES.rglob("*.yaml"))
    assert files, "no cassettes committed"
    for f in files:
        assert not LEAK.search(f.read_text(encoding="utf-8")), f


def test_recording_scrubs_a_planted_key_and_cookies(
    tmp_path: Path, stub: Any, vcr_config: dict[str, Any]
) -> None:
    state, url = stub
    state.headers = {"set-cookie": "session=planted-cookie", "openai-organization": "org-planted"}
    state.body = tool_call_completion(
        '{"title": "t", "bottom_line": "b", "key_claims": [], "actors": [], "figures": [], '
        '"uncertainties": []}'
    )
    recorder = vcr.VCR(**{k: v for k, v in vcr_config.items() if k != "match_on"})
    recorder.register_matcher("json_body", _json_body)
    cassette = tmp_path / "planted.yaml"
    backend = OpenAICompatibleBackend(kind="openai-compatible", model="m", base_url=url,
                                      api_key=PLANTED, timeout=10)
    with recorder.use_cassette(str(cassette), record_mode="all"):
        backend.extract([{"role": "user", "content": document_from_text("x").text}],
                        DraftBriefing, max_retries=0, max_tokens=100)
    text = cassette.read_text(encoding="utf-8")
    assert "interactions" in text and "chat/completions" in text
    assert PLANTED not in text and not LEAK.search(text)
    assert "planted-cookie" not in text and "org-planted" not in text
