from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from summarize import ConfigError
from summarize.core.prompts import list_prompts, load_prompt
from summarize.schema.draft import LIMITS

GOLDEN = Path(__file__).parent / "golden"


def test_every_shipped_prompt_renders_to_its_golden_text() -> None:
    prompts = list_prompts("briefing")
    assert [p.version for p in prompts] == sorted(p.version for p in prompts)
    assert prompts, "no prompt versions shipped"
    for prompt in prompts:
        messages = prompt.render(document="DOCUMENT TEXT", tag="document-TAG", **LIMITS)
        rendered = "\n\n".join(f"[{m['role']}]\n{m['content']}" for m in messages) + "\n"
        golden = GOLDEN / f"briefing-{prompt.version}.txt"
        assert rendered == golden.read_text(encoding="utf-8"), (
            f"prompt {prompt.version} changed: update {golden} if that was meant"
        )
        assert prompt.sha256 == hashlib.sha256(prompt.path.read_bytes()).hexdigest()


def test_unknown_version_names_the_known_ones() -> None:
    with pytest.raises(ConfigError, match="unknown prompt version 'v999'.*v1"):
        load_prompt("v999")


def test_prompt_file_with_unknown_keys_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('version = "x"\ndescription = "d"\nsystem = "s"\nuser = "u"\nextra = 1\n')
    with pytest.raises(ConfigError, match="invalid"):
        load_prompt(str(bad))


def test_templates_are_sandboxed(tmp_path: Path) -> None:
    evil = tmp_path / "evil.toml"
    evil.write_text(
        'version = "evil"\ndescription = "d"\nsystem = "s"\n'
        "user = \"{{ ''.__class__.__mro__[1].__subclasses__() }}\"\n"
    )
    with pytest.raises((ConfigError, Exception)) as info:
        load_prompt(str(evil)).render(document="x")
    assert "subclasses" not in str(info.value) or "unsafe" in str(info.value).lower()


@pytest.mark.parametrize("version", [p.version for p in list_prompts("guided")])
def test_guided_prompts_render_to_their_golden_text(version: str) -> None:
    prompt = load_prompt(version, task="guided")
    messages = prompt.render(sentences=[{"number": 0, "text": "First.", "notes": ""},
                                        {"number": 1, "text": "Second may be.",
                                         "notes": "hedged by: may"}],
                             findings=["[1] hedged by: may"], **LIMITS)
    rendered = "\n\n".join(f"[{m['role']}]\n{m['content']}" for m in messages) + "\n"
    golden = GOLDEN / f"guided-{version}.txt"
    assert rendered == golden.read_text(encoding="utf-8"), f"update {golden} if that was meant"
