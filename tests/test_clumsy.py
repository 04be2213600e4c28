"""What a clumsy user did that used to end in exit 1, a hang, a silent mangling or a raw escape
code: every way in goes through one loader; documented exit codes; bounded settings."""

from __future__ import annotations

import asyncio
import errno
import json
import os
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from summarize import ConfigError, resolve_settings
from summarize.cli import app
from summarize.core.prompts import Prompt, PromptFile
from summarize.errors import OutputError
from summarize.runs.batch import run_batch

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "north-korean-troops-kursk.txt"
TEXT = "Troops moved north on Monday, officials said. About 2,000 soldiers were involved."


def invoke(*args: str, input: bytes | str | None = None) -> Any:
    result = CliRunner().invoke(app, list(args), input=input)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    return result


def lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize(("data", "word"), [
    (Path("/bin/ls").read_bytes()[:20000] if Path("/bin/ls").exists() else b"\x7fELF\x00\x00",
     "binary"),
    ("Le président a dit que les troupes".encode("latin-1"), "UTF-8"),
    (b"\x00" * 100_000, "binary"),
])
def test_batch_stdin_gets_the_checks_files_get(tmp_path: Path, data: bytes, word: str) -> None:
    out = tmp_path / "out.jsonl"
    result = invoke("batch", "-", "-o", str(out), "-s", "extractive", input=data)
    assert result.exit_code == 12, result.stderr
    [line] = lines(out)
    assert line["status"] == "error" and word in line["error"]["message"]


def test_analyze_stdin_refuses_binary() -> None:
    result = invoke("analyze", "-", input=b"\x00\x01\x02" * 100)
    assert result.exit_code == 3 and "binary" in result.stderr


def test_jsonl_with_a_bom_reads_its_first_record(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_bytes(b"\xef\xbb\xbf" + json.dumps({"id": "a", "text": TEXT}).encode() + b"\n")
    out = tmp_path / "out.jsonl"
    assert invoke("batch", str(feed), "-o", str(out), "-s", "extractive").exit_code == 0
    assert lines(out)[0]["status"] == "ok"
    assert invoke("analyze", str(feed)).exit_code == 0


def test_record_id_never_collides_with_a_line_locator(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": f"{feed}:2", "text": TEXT}) + "\nnot json\n",
                    encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = invoke("batch", str(feed), "-o", str(out), "-s", "extractive")
    assert result.exit_code == 12
    statuses = sorted(line["status"] for line in lines(out))
    assert statuses == ["error", "ok"], lines(out)


def test_non_utf8_jsonl_to_analyze_and_eval_is_3(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_bytes(b'{"id": "a", "text": "caf\xe9"}\n')
    for args in (("analyze", str(bad)), ("eval", "figures", str(bad))):
        result = invoke(*args)
        assert result.exit_code == 3 and "UTF-8" in result.stderr, result.stderr


def test_non_numeric_gold_value_is_3(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "a", "text": "It cost $5.", "quantities": [
        {"value": "five-ish", "unit": "dollar", "normalized_unit": "dollar", "change": "="}]})
        + "\n", encoding="utf-8")
    result = invoke("eval", "figures", str(gold))
    assert result.exit_code == 3, result.stderr


def test_eval_on_an_empty_file_is_3(tmp_path: Path) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n", encoding="utf-8")
    result = invoke("eval", "hedges", str(empty))
    assert result.exit_code == 3 and "no records" in result.stderr


def _prompt(user: str) -> Prompt:
    return Prompt(task="briefing", file=PromptFile(version="x", description="d", system="s",
                                                   user=user), sha256="0", path=Path("x.toml"))


@pytest.mark.parametrize("statement", ['{% include "other.toml" %}', '{% import "m" as m %}',
                                       '{% extends "base" %}'])
def test_include_or_import_in_a_prompt_is_5(tmp_path: Path, statement: str) -> None:
    path = tmp_path / "evil.toml"
    path.write_text(f'version = "evil"\ndescription = "d"\nsystem = "s"\n'
                    f"user = '''{statement} {{{{ document }}}}'''\n", encoding="utf-8")
    result = invoke("brief", str(SEED), "-s", "guided", "--prompt", str(path))
    assert result.exit_code == 5 and "not allowed" in result.stderr, result.stderr
    compared = invoke("compare", "-p", "v1", "-p", str(path), str(SEED))
    assert compared.exit_code == 5, compared.stderr


@pytest.mark.parametrize("user", [
    "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
    "{{ 'a' * 1000000000 }}",
    "{{ 2 ** 100000000 }}",
    "{% for i in range(100000) %}{{ document }}{% endfor %}",
])
def test_template_rendering_is_bounded(user: str) -> None:
    with pytest.raises(ConfigError, match="cannot render"):
        _prompt(user).render(document="x" * 1000)


def test_ordinary_templates_still_render() -> None:
    messages = _prompt("{% for i in range(3) %}{{ i }}{% endfor %} {{ document * 2 }}").render(
        document="ab")
    assert messages[1]["content"] == "012 abab"


@pytest.mark.parametrize(("env", "kwargs"), [
    ({"SUMMARIZE_TIMEOUT": "0"}, {}), ({"SUMMARIZE_TIMEOUT": "nan"}, {}),
    ({"SUMMARIZE_TIMEOUT": "inf"}, {}), ({"SUMMARIZE_TIMEOUT": "-1"}, {}),
    ({}, {"max_retries": 1_000_000_000}), ({}, {"max_retries": -1}),
    ({}, {"base_url": "http://[::1", "model": "m"}),
    ({}, {"base_url": "http://127.0.0.1:99999/v1", "model": "m"}),
])
def test_unbounded_settings_are_refused(env: dict[str, str], kwargs: dict[str, Any]) -> None:
    with pytest.raises(ConfigError):
        resolve_settings(env=env, **kwargs)


def test_corrupt_cache_warns_and_goes_on() -> None:
    cache = Path(os.environ["SUMMARIZE_CACHE_DIR"])
    cache.mkdir(parents=True, exist_ok=True)
    (cache / "responses.sqlite").write_bytes(b"definitely not sqlite " * 500)
    result = invoke("brief", str(SEED), "-s", "extractive")
    assert result.exit_code == 0, result.stderr
    assert "response cache is unusable" in result.stderr and result.stdout.startswith("# ")


def test_escape_codes_in_ids_never_reach_stderr_raw(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "evil\x1b[2J\x1b]0;pwned\x07", "text": "  "}) + "\n",
                    encoding="utf-8")
    result = invoke("batch", str(feed), "-o", str(tmp_path / "out.jsonl"), "-s", "extractive")
    assert result.exit_code == 12
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr
    assert "\\x1b[2J" in result.stderr


def test_disk_full_during_batch_is_11_and_leaves_no_half_line(tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch
                                                              ) -> None:
    import summarize.runs.results as batch

    out = tmp_path / "out.jsonl"
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps({"id": str(i), "text": TEXT}) + "\n" for i in range(3)),
                    encoding="utf-8")
    real_write = os.write
    calls = {"n": 0}

    def full(fd: int, data: bytes) -> int:
        calls["n"] += 1
        if calls["n"] == 2:  # the second line: half of it lands, then the disk is full
            real_write(fd, data[: len(data) // 2])
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(fd, data)

    monkeypatch.setattr(batch.os, "write", full)
    settings = resolve_settings(env={}, strategy="extractive")
    with pytest.raises(OutputError, match="No space left"):
        asyncio.run(run_batch([str(feed)], out, settings, concurrency=1))
    monkeypatch.setattr(batch.os, "write", real_write)
    assert out.read_bytes().endswith(b"\n") and len(lines(out)) == 1
    asyncio.run(run_batch([str(feed)], out, settings, concurrency=1))
    assert sorted(x["id"] for x in lines(out)) == ["0", "1", "2"]
