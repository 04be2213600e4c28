"""Nothing lost: -o never overwrites an input, a device, a FIFO or a file that is not ours; a
batch never reads its own output; two batches never share an output; line ends and file modes
behave the same whichever way the data came (issues: defects found by a clumsy user)."""

from __future__ import annotations

import asyncio
import os
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from summarize import document_from_text, load_document, resolve_settings
from summarize.cli import app
from summarize.errors import OutputError
from summarize.runs.batch import OutputLock, run_batch

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "north-korean-troops-kursk.txt"
EXTRACTIVE = resolve_settings(env={}, strategy="extractive")


def invoke(*args: str, input: bytes | str | None = None) -> Any:
    result = CliRunner().invoke(app, list(args), input=input)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def batch(sources: list[str], output: Path) -> Any:
    return asyncio.run(run_batch(sources, output, EXTRACTIVE, concurrency=2))


def test_batch_output_inside_an_input_folder_is_not_read_again(tmp_path: Path) -> None:
    folder = tmp_path / "d"
    folder.mkdir()
    (folder / "seed.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    out = folder / "out.jsonl"
    for _ in range(3):
        stats = batch([str(folder)], out)
    assert stats.already_done == 1 and stats.succeeded == 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == 1


def test_batch_refuses_a_file_that_is_not_a_results_file(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("my notes\nsecond line\n", encoding="utf-8")
    result = invoke("batch", str(SEED), "-o", str(notes), "-s", "extractive")
    assert result.exit_code == 11 and "not a result line" in result.stderr
    assert notes.read_text(encoding="utf-8") == "my notes\nsecond line\n"


def test_batch_output_may_not_be_an_input(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"id": "a", "text": "Troops moved north on Monday, officials said."}\n',
                    encoding="utf-8")
    before = feed.read_bytes()
    result = invoke("batch", str(feed), "-o", str(feed), "-s", "extractive")
    assert result.exit_code == 11, result.stderr
    assert feed.read_bytes() == before


def test_brief_output_may_not_be_its_input(tmp_path: Path) -> None:
    doc = tmp_path / "a.txt"
    doc.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    before = doc.read_bytes()
    result = invoke("brief", str(doc), "-o", str(doc), "-s", "extractive")
    assert result.exit_code == 11 and "also an input" in result.stderr
    assert doc.read_bytes() == before


@pytest.mark.parametrize("kind", ["fifo", "symlink", "device"])
def test_output_must_be_a_regular_file(tmp_path: Path, kind: str) -> None:
    target = tmp_path / "out"
    if kind == "fifo":
        os.mkfifo(target)
    elif kind == "symlink":
        (tmp_path / "real").write_text("keep", encoding="utf-8")
        target.symlink_to(tmp_path / "real")
    else:
        target = Path("/dev/full")
    for command in ("brief", "batch"):
        result = invoke(command, str(SEED), "-o", str(target), "-s", "extractive")
        assert result.exit_code == 11, (command, result.stderr)
        assert "regular files" in result.stderr
    if kind == "fifo":
        assert stat.S_ISFIFO(os.lstat(target).st_mode)
    if kind == "symlink":
        assert target.is_symlink() and (tmp_path / "real").read_text() == "keep"


def test_dash_output_is_stdout() -> None:
    result = invoke("brief", str(SEED), "-o", "-", "-s", "extractive")
    assert result.exit_code == 0 and result.stdout.startswith("# ")


def test_devices_are_not_read_as_documents() -> None:
    result = invoke("brief", "/dev/zero", "-s", "extractive")
    assert result.exit_code == 3 and "not a regular file" in result.stderr


def test_stdin_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    import summarize.document as document

    monkeypatch.setattr(document, "MAX_DOCUMENT_BYTES", 1000)
    result = invoke("brief", "-", "-s", "extractive", input="word " * 1000)
    assert result.exit_code == 4 and "longer than" in result.stderr


def test_second_batch_on_the_same_output_says_who_holds_it(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    with OutputLock(out):
        with pytest.raises(OutputError, match=f"pid {os.getpid()}"):
            batch([str(SEED)], out)
        child = subprocess.run([sys.executable, "-m", "summarize", "batch", str(SEED), "-o",
                                str(out), "-s", "extractive"], capture_output=True, text=True,
                               check=False)
        assert child.returncode == 11 and "another batch" in child.stderr
    assert batch([str(SEED)], out).succeeded == 1


def test_crlf_file_and_stdin_give_the_same_offsets(tmp_path: Path) -> None:
    raw = SEED.read_bytes().replace(b"\n", b"\r\n")
    path = tmp_path / "crlf.txt"
    path.write_bytes(raw)
    from_file = load_document(path)
    from_text = document_from_text(raw.decode("utf-8"), "stdin")
    assert from_file.text == from_text.text and from_file.sha256 == from_text.sha256
    a = invoke("brief", str(path), "-f", "json", "-s", "extractive")
    b = invoke("brief", "-", "-f", "json", "-s", "extractive", input=raw)
    assert a.exit_code == b.exit_code == 0
    import json

    spans = [[(e["start"], e["end"]) for c in json.loads(r.stdout)["key_claims"]
              for e in c["evidence"]] for r in (a, b)]
    assert spans[0] == spans[1]


def test_utf16_is_named(tmp_path: Path) -> None:
    path = tmp_path / "u16.txt"
    path.write_bytes("Troops moved north, officials said.".encode("utf-16"))
    result = invoke("brief", str(path), "-s", "extractive")
    assert result.exit_code == 3 and "UTF-16" in result.stderr


def test_output_files_follow_the_umask(tmp_path: Path) -> None:
    out = tmp_path / "brief.md"
    old = os.umask(0o022)
    try:
        assert invoke("brief", str(SEED), "-o", str(out), "-s", "extractive").exit_code == 0
        assert stat.S_IMODE(out.stat().st_mode) == 0o644
        out.chmod(0o640)  # an existing file keeps its own mode
        assert invoke("brief", str(SEED), "-o", str(out), "-s", "extractive").exit_code == 0
        assert stat.S_IMODE(out.stat().st_mode) == 0o640
        jsonl = tmp_path / "out.jsonl"
        batch([str(SEED)], jsonl)
        assert stat.S_IMODE(jsonl.stat().st_mode) == 0o644
    finally:
        os.umask(old)


def test_markdown_escapes_html_from_the_document(tmp_path: Path) -> None:
    doc = tmp_path / "hostile.txt"
    doc.write_text("Attack <script>alert(1)</script> on the port\n\n"
                   "Officials said <img src=x onerror=alert(2)> that 2,000 containers were "
                   "stuck at the port on Tuesday. The port authority said it would reopen "
                   "<b>soon</b>, officials added.\n", encoding="utf-8")
    result = invoke("brief", str(doc), "-s", "extractive")
    assert result.exit_code == 0, result.stderr
    assert "&lt;script>" in result.stdout
    for raw in ("<script", "<img", "<b>"):
        assert raw not in result.stdout


def test_cache_keys_by_the_backend_given_not_the_settings(tmp_path: Path) -> None:
    """Two backends through one cache: each gets its own answers (issue: the key was the
    settings' backend, so the second backend got the first one's answers)."""
    import json as _json

    from summarize import brief as make_brief
    from summarize.backends import OpenAICompatibleBackend
    from summarize.backends.cache import ResponseCache, identity_of
    from tests.conftest import GENERATIVE

    a = OpenAICompatibleBackend(kind="openai-compatible", model="m", base_url="http://a:1/v1",
                                api_key=None, timeout=5)
    b = OpenAICompatibleBackend(kind="openai-compatible", model="m", base_url="http://b:1/v1",
                                api_key=None, timeout=5)
    assert identity_of(a, GENERATIVE) != identity_of(b, GENERATIVE)
    assert "user" not in _json.dumps(identity_of(OpenAICompatibleBackend(
        kind="openai-compatible", model="m", base_url="http://user:pw@a:1/v1", api_key=None,
        timeout=5), GENERATIVE))
    from summarize.schema import DraftBriefing, DraftClaim

    class Fake:
        kind = "local"
        context_tokens = 8192

        def __init__(self, model: str, statement: str) -> None:
            self.model, self.statement, self.calls = model, statement, 0

        def extract(self, messages: Any, response_model: Any, **kwargs: Any) -> Any:
            from summarize.backends import Extraction
            from summarize.schema import Usage

            self.calls += 1
            quote = "Pentagon spokesperson Sabrina Singh confirmed"
            return Extraction(value=DraftBriefing(
                title="t", bottom_line=self.statement, key_claims=[DraftClaim(
                    statement=self.statement, attributed_to=None, certainty="confirmed",
                    evidence=[quote])], actors=[], figures=[], uncertainties=[]),
                usage=Usage(), attempts=1)

    doc = load_document(SEED)
    with ResponseCache(tmp_path / "c.sqlite") as cache:
        first = make_brief(doc, settings=GENERATIVE, backend=Fake("model-a", "Answer A."),
                           cache=cache)
        second_backend = Fake("model-b", "Answer B.")
        second = make_brief(doc, settings=GENERATIVE, backend=second_backend, cache=cache)
    assert first.bottom_line == "Answer A." and second.bottom_line == "Answer B."
    assert second_backend.calls == 1
